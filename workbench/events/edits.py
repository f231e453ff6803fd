"""Reviewer edits (merge, split, move) replayed on top of the automatic grouping.

Edits name claims, never event ids: claim ids are stable (a content hash of
report and span), while automatic groups change whenever more reports arrive.
Edits are an append-only list replayed in order after every re-grouping, so a
reviewer's decision survives re-ingesting and later edits win over earlier ones.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class EditKind(StrEnum):
    """What a reviewer did to the grouping."""

    MERGE = "merge"  # the claims' events become one
    SPLIT = "split"  # the claims leave their event and form a new one
    MOVE = "move"  # the claims join the event that holds most of ``target``


class EventEdit(BaseModel):
    """One reviewer edit, stored append-only (``event_edits``)."""

    model_config = ConfigDict(frozen=True)

    kind: EditKind
    claim_ids: tuple[str, ...] = Field(min_length=1)
    target: tuple[str, ...] = Field(
        default=(), description="move: claims of the destination event when the edit was made"
    )
    reviewer: str = Field(default="")
    created_at: datetime | None = Field(default=None)
    id: int | None = Field(default=None, description="assigned by the store")

    def payload(self) -> dict[str, list[str]]:
        """The JSON stored in ``event_edits.payload``."""
        return {"claim_ids": list(self.claim_ids), "target": list(self.target)}


def merge_edit(events: Iterable[Sequence[str]], reviewer: str = "") -> EventEdit:
    """Merge events, each given by its claim ids at the time of the edit."""
    claims = tuple(dict.fromkeys(claim for event in events for claim in event))
    return EventEdit(kind=EditKind.MERGE, claim_ids=claims, reviewer=reviewer)


def split_edit(claim_ids: Sequence[str], reviewer: str = "") -> EventEdit:
    """Take these claims out of their event into an event of their own."""
    return EventEdit(kind=EditKind.SPLIT, claim_ids=tuple(claim_ids), reviewer=reviewer)


def move_edit(
    claim_ids: Sequence[str], target_event: Sequence[str], reviewer: str = ""
) -> EventEdit:
    """Move claims into the event made of ``target_event``'s claims."""
    moved = set(claim_ids)
    target = tuple(claim for claim in target_event if claim not in moved)
    return EventEdit(
        kind=EditKind.MOVE, claim_ids=tuple(claim_ids), target=target, reviewer=reviewer
    )


def apply_edits(groups: Iterable[Sequence[str]], edits: Iterable[EventEdit]) -> list[list[str]]:
    """Replay edits in order on groups of claim ids; claims not present are ignored.

    A merge joins every group holding one of its claims; a split pulls its claims
    into a new group; a move puts its claims into the group holding most of the
    target's claims (a group of their own when none is left).
    """
    members: dict[int, dict[str, None]] = {}
    where: dict[str, int] = {}
    for number, group in enumerate(groups):
        members[number] = dict.fromkeys(group)
        for claim in group:
            where[claim] = number
    fresh = len(members)

    def take(claims: Iterable[str]) -> list[str]:
        taken = [claim for claim in dict.fromkeys(claims) if claim in where]
        for claim in taken:
            members[where.pop(claim)].pop(claim, None)
        return taken

    for edit in edits:
        if edit.kind is EditKind.MERGE:
            numbers = list(dict.fromkeys(where[c] for c in edit.claim_ids if c in where))
            if len(numbers) < 2:
                continue
            into = numbers[0]
            for number in numbers[1:]:
                for claim in members.pop(number):
                    members[into][claim] = None
                    where[claim] = into
        elif edit.kind is EditKind.SPLIT:
            taken = take(edit.claim_ids)
            if taken:
                members[fresh] = dict.fromkeys(taken)
                where.update(dict.fromkeys(taken, fresh))
                fresh += 1
        elif edit.kind is EditKind.MOVE:
            moved = set(edit.claim_ids)
            votes = Counter(where[c] for c in edit.target if c in where and c not in moved)
            taken = take(edit.claim_ids)
            if not taken:
                continue
            if votes:
                into = min(votes, key=lambda number: (-votes[number], number))
            else:
                into, fresh = fresh, fresh + 1
                members[into] = {}
            for claim in taken:
                members[into][claim] = None
                where[claim] = into
    return [list(group) for group in members.values() if group]


def fresh_event_id(claim_ids: Collection[str]) -> str:
    """A deterministic id for a new group, from its earliest-sorting claim."""
    return "ev-" + hashlib.sha256(min(claim_ids).encode()).hexdigest()[:12]


def assign_event_ids(
    groups: Sequence[Sequence[str]], previous: Mapping[str, Collection[str]] | None = None
) -> list[str]:
    """Ids for groups, reusing a previous event's id for the group that kept most of its claims.

    So an event a reviewer has seen keeps its id after more reports are grouped in.
    """
    ids: list[str | None] = [None] * len(groups)
    if previous:
        owner = {claim: event for event, claims in previous.items() for claim in claims}
        overlaps: list[tuple[int, int, str]] = []
        for number, group in enumerate(groups):
            counts = Counter(owner[claim] for claim in group if claim in owner)
            overlaps.extend((-count, number, event) for event, count in counts.items())
        used: set[str] = set()
        for _negative, number, event in sorted(overlaps):
            if ids[number] is None and event not in used:
                ids[number] = event
                used.add(event)
    taken = {event for event in ids if event}
    out: list[str] = []
    for number, group in enumerate(groups):
        kept = ids[number]
        if kept is not None:
            out.append(kept)
            continue
        event = fresh_event_id(group)
        salt = 0
        # A split-off claim may be the one the old event's id was derived from.
        while event in taken:
            salt += 1
            event = fresh_event_id([f"{min(group)}#{salt}"])
        taken.add(event)
        out.append(event)
    return out
