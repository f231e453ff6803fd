"""Team review: blind second review, disagreements and adjudication.

Everything is derived from append-only rows: a second-review request is a row in
``review_requests``; an adjudication is a verdict row with role ``adjudication``;
nothing is updated or deleted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from models import Verdict, VerdictLabel, VerdictRole
from workbench.errors import InputError
from workbench.store import schema
from workbench.store.verdicts import append_verdicts, current_verdicts, verdict_history


def request_second_review(
    connection: Connection, claim_ids: Iterable[str], requested_by: str
) -> int:
    """Queue claims for a second, blind review; a claim already queued is not queued again."""
    queued = _requested(connection)
    fresh = [c for c in dict.fromkeys(claim_ids) if c not in queued]
    if fresh:
        now = datetime.now(UTC)
        connection.execute(
            schema.review_requests.insert(),
            [
                {
                    "claim_id": c,
                    "kind": "second_review",
                    "requested_by": requested_by,
                    "created_at": now,
                }
                for c in fresh
            ],
        )
    return len(fresh)


def _requested(connection: Connection) -> dict[str, str]:
    """claim id -> who asked for its second review."""
    r = schema.review_requests.c
    rows = connection.execute(select(r.claim_id, r.requested_by).order_by(r.id))
    return {claim: by for claim, by in rows}


def _reviews(verdicts: Iterable[Verdict]) -> list[Verdict]:
    return [v for v in verdicts if v.role is VerdictRole.REVIEW]


def ruling_in_force(verdicts: Iterable[Verdict]) -> Verdict | None:
    """One claim's newest adjudication, if it is newer than every review of the claim
    (a review given after a ruling reopens the case)."""
    labelled = [v for v in verdicts if v.label is not None]
    rulings = [v for v in labelled if v.role is VerdictRole.ADJUDICATION]
    if not rulings:
        return None
    newest = max(rulings, key=lambda v: v.id or 0)
    newest_review = max((v.id or 0 for v in _reviews(labelled)), default=0)
    return newest if (newest.id or 0) > newest_review else None


def second_review_queue(connection: Connection, reviewer: str) -> list[str]:
    """Claims waiting for ``reviewer``'s independent second review."""
    mine = {v.claim_id for v in current_verdicts(connection, reviewer)}
    return [
        claim
        for claim, by in _requested(connection).items()
        if claim not in mine and by != reviewer
    ]


def visible_verdicts(connection: Connection, viewer: str) -> list[Verdict]:
    """Current verdicts ``viewer`` may see: on a claim queued for second review, other
    reviewers' verdicts stay hidden until the viewer has given their own (or two
    reviewers have answered: the blind phase is over, an adjudicator may look)."""
    current = current_verdicts(connection)
    answered = {v.claim_id for v in current if v.reviewer == viewer}
    reviewers: dict[str, set[str]] = defaultdict(set)
    for verdict in _reviews(current):
        reviewers[verdict.claim_id].add(verdict.reviewer)
    done = {claim for claim, names in reviewers.items() if len(names) >= 2}
    blind = set(_requested(connection)) - answered - done
    return [v for v in current if v.reviewer == viewer or v.claim_id not in blind]


@dataclass(frozen=True)
class Disagreement:
    """A claim whose reviewers' current verdicts differ and that no one has adjudicated since."""

    claim_id: str
    verdicts: tuple[Verdict, ...]


def disagreements(connection: Connection) -> list[Disagreement]:
    current = current_verdicts(connection)
    by_claim: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in current:
        by_claim[verdict.claim_id].append(verdict)
    found = []
    for claim_id, verdicts in by_claim.items():
        reviews = _reviews(verdicts)
        if len({v.label for v in reviews}) < 2:
            continue
        if ruling_in_force(verdicts) is None:
            found.append(Disagreement(claim_id, tuple(sorted(reviews, key=lambda v: v.reviewer))))
    return sorted(found, key=lambda d: d.claim_id)


def adjudicate(
    connection: Connection, claim_id: str, adjudicator: str, label: VerdictLabel, reason: str
) -> Verdict:
    """Settle a disagreement; the reason is required and kept with the ruling.

    Nobody rules on a disagreement they are party to: a reviewer who gave a verdict
    on the claim is refused (here on every backend; on PostgreSQL the database also
    refuses it, and requires the adjudicator role).
    """
    if not reason.strip():
        raise InputError("an adjudication needs a reason")
    party = [
        v
        for v in verdict_history(connection, claim_id)
        if v.reviewer == adjudicator and v.role is VerdictRole.REVIEW and v.label is not None
    ]
    if party:
        raise InputError(
            f"{adjudicator!r} reviewed claim {claim_id!r} and cannot adjudicate it; "
            "another adjudicator must rule"
        )
    (stored,) = append_verdicts(
        connection,
        [
            Verdict(
                claim_id=claim_id,
                reviewer=adjudicator,
                label=label,
                note=reason.strip(),
                role=VerdictRole.ADJUDICATION,
            )
        ],
    )
    return stored


def final_verdicts(verdicts: Sequence[Verdict]) -> dict[str, VerdictLabel]:
    """Per claim: the newest adjudication, else the label every reviewer agrees on."""
    by_claim: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        if verdict.label is not None:
            by_claim[verdict.claim_id].append(verdict)
    final: dict[str, VerdictLabel] = {}
    for claim_id, rows in by_claim.items():
        ruling = ruling_in_force(rows)
        if ruling is not None:
            label = ruling.label
        else:
            labels = {v.label for v in _reviews(rows)}
            label = labels.pop() if len(labels) == 1 else None
        if label is not None:
            final[claim_id] = label
    return final
