"""Events in the database: the append-only reviewer edits and the current grouping.

The grouping itself is derived data: ``regroup`` recomputes it from every stored
claim, replays the stored edits, keeps the ids of events already shown to
reviewers, and replaces the ``events``/``event_claims`` rows. Edits are never
updated or deleted (``event_edits`` is append-only). Every function takes a
``Connection`` and runs inside the caller's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, select

from models import Claim, Event, Report, Source
from workbench.events.describe import build_event, event_title, reading_order
from workbench.events.edits import EditKind, EventEdit, apply_edits, assign_event_ids
from workbench.events.grouping import group_claims
from workbench.store import schema
from workbench.store.converters import row_to_source
from workbench.store.reports import list_reports, load_claims, select_in

_BATCH = 500


def load_edits(connection: Connection) -> list[EventEdit]:
    """Every reviewer edit, oldest first (the order they are replayed in)."""
    table = schema.event_edits
    rows = connection.execute(select(table).order_by(table.c.id)).mappings()
    edits = []
    for row in rows:
        payload = row["payload"] or {}
        created = row["created_at"]
        if created is not None and created.tzinfo is None:  # SQLite returns naive UTC
            created = created.replace(tzinfo=UTC)
        edits.append(
            EventEdit(
                id=row["id"],
                kind=EditKind(row["kind"]),
                claim_ids=tuple(payload.get("claim_ids", ())),
                target=tuple(payload.get("target", ())),
                reviewer=row["reviewer"],
                created_at=created,
            )
        )
    return edits


def append_edit(connection: Connection, edit: EventEdit) -> EventEdit:
    """Store one edit; returns it with its id and time."""
    created = edit.created_at or datetime.now(UTC)
    result = connection.execute(
        schema.event_edits.insert().returning(schema.event_edits.c.id),
        {
            "kind": edit.kind.value,
            "payload": edit.payload(),
            "reviewer": edit.reviewer,
            "created_at": created,
        },
    )
    return edit.model_copy(update={"id": result.scalar_one(), "created_at": created})


def load_grouping(connection: Connection) -> dict[str, tuple[str, ...]]:
    """The stored grouping: event id -> claim ids."""
    members: dict[str, list[str]] = defaultdict(list)
    table = schema.event_claims
    query = select(table.c.event_id, table.c.claim_id).order_by(table.c.event_id)
    for event_id, claim_id in connection.execute(query):
        members[event_id].append(claim_id)
    return {event_id: tuple(claims) for event_id, claims in members.items()}


def save_grouping(connection: Connection, events: Sequence[Event]) -> None:
    """Replace the stored grouping with ``events``, keeping creation times of kept ids."""
    query = select(schema.events.c.id, schema.events.c.created_at)
    created = {event_id: when for event_id, when in connection.execute(query)}
    now = datetime.now(UTC)
    connection.execute(delete(schema.event_claims))
    connection.execute(delete(schema.events))
    event_rows = [
        {"id": event.id, "title": event.title, "created_at": created.get(event.id, now)}
        for event in events
    ]
    claim_rows = [
        {"claim_id": claim_id, "event_id": event.id}
        for event in events
        for claim_id in event.claim_ids
    ]
    for rows, table in ((event_rows, schema.events), (claim_rows, schema.event_claims)):
        for start in range(0, len(rows), _BATCH):
            connection.execute(table.insert(), rows[start : start + _BATCH])


def load_sources(connection: Connection) -> dict[str, Source]:
    """The source registry as stored (kind and role flags decide provenance)."""
    rows = connection.execute(select(schema.sources)).mappings()
    return {source.name: source for source in map(row_to_source, rows)}


@dataclass(frozen=True)
class Grouping:
    """Everything a front end needs to show events side by side."""

    events: list[Event]
    claims: dict[str, Claim]
    reports: dict[str, Report]
    sources: dict[str, Source]


def regroup(connection: Connection) -> Grouping:
    """Group every stored claim, replay the stored edits, save the grouping, return it."""
    reports = {report.id: report for report in list_reports(connection)}
    claims = load_claims(connection)
    sources = load_sources(connection)
    previous = load_grouping(connection)
    events = group_claims(claims, reports, load_edits(connection), sources, previous)
    save_grouping(connection, events)
    return Grouping(
        events=events,
        claims={claim.id: claim for claim in claims},
        reports=reports,
        sources=sources,
    )


def grouping_is_fresh(connection: Connection) -> bool:
    """True when the stored grouping holds exactly the stored claims.

    Edits regroup inside their own transaction, so only an ingest (new claims) or a
    database that was never grouped can leave the stored grouping stale.
    """
    claims, members = schema.claims.c, schema.event_claims.c
    n_claims = connection.execute(select(func.count()).select_from(schema.claims)).scalar_one()
    n_members = connection.execute(
        select(func.count()).select_from(schema.event_claims)
    ).scalar_one()
    if n_members != n_claims:
        return False
    if not n_claims:
        return True
    # every stored claim in exactly one stored event (event_claims is keyed by claim id)
    grouped = connection.execute(
        select(func.count())
        .select_from(schema.event_claims)
        .join(schema.claims, claims.id == members.claim_id)
    ).scalar_one()
    return bool(grouped == n_claims)


def current_grouping(connection: Connection, *, force: bool = False) -> Grouping:
    """The stored grouping when it is fresh (no re-clustering), else ``regroup``."""
    if force or not grouping_is_fresh(connection):
        return regroup(connection)
    reports = {report.id: report for report in list_reports(connection)}
    claims = load_claims(connection)
    sources = load_sources(connection)
    by_id = {claim.id: claim for claim in claims}
    events = [
        build_event(event_id, [by_id[claim_id] for claim_id in claim_ids], reports, sources)
        for event_id, claim_ids in load_grouping(connection).items()
    ]
    first = {event.id: reading_order(by_id[event.claim_ids[0]], reports) for event in events}
    events.sort(key=lambda event: (first[event.id], event.id))
    return Grouping(events=events, claims=by_id, reports=reports, sources=sources)


def apply_edit_in_place(
    connection: Connection, edit: EventEdit
) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    """Append ``edit`` and apply it to the stored grouping, touching only its events.

    What a full ``regroup`` would do for this edit, without clustering every claim
    again (seconds on a large database): the review UI calls it on a key press.
    Returns the ids of the events replaced and the events that replace them (id ->
    claim ids). With no stored grouping the edit is only appended (both empty);
    in-memory grouping replays it.
    """
    append_edit(connection, edit)
    members = schema.event_claims.c
    involved = select_in(
        connection, members.event_id, members.claim_id, [*edit.claim_ids, *edit.target]
    )
    if not involved:
        return set(), {}
    before: dict[str, list[str]] = defaultdict(list)
    query = (
        select(members.event_id, members.claim_id)
        .where(members.event_id.in_(sorted(involved)))
        .order_by(members.event_id, members.claim_id)
    )
    for event_id, claim_id in connection.execute(query):
        before[event_id].append(claim_id)
    groups = apply_edits(list(before.values()), [edit])
    ids = assign_event_ids(groups, before)
    # a fresh id must not collide with an event outside this edit
    taken = select_in(connection, schema.events.c.id, schema.events.c.id, ids) - before.keys()
    for number, event_id in enumerate(ids):
        salt = 0
        while event_id in taken:
            salt += 1
            event_id = f"{ids[number]}-{salt}"
        ids[number] = event_id
    created = dict(
        connection.execute(
            select(schema.events.c.id, schema.events.c.created_at).where(
                schema.events.c.id.in_(sorted(before))
            )
        ).all()
    )
    now = datetime.now(UTC)
    connection.execute(delete(schema.event_claims).where(members.event_id.in_(sorted(before))))
    connection.execute(delete(schema.events).where(schema.events.c.id.in_(sorted(before))))
    after = {event_id: tuple(group) for event_id, group in zip(ids, groups, strict=True)}
    for event_id, claim_ids in after.items():
        connection.execute(
            schema.events.insert(),
            {
                "id": event_id,
                "title": _lead_text(connection, claim_ids),
                "created_at": created.get(event_id, now),
            },
        )
        connection.execute(
            schema.event_claims.insert(),
            [{"claim_id": claim_id, "event_id": event_id} for claim_id in claim_ids],
        )
    return set(before), after


def _lead_text(connection: Connection, claim_ids: Sequence[str]) -> str:
    """The title ``build_event`` would give: the first claim in reading order."""
    claims, reports = schema.claims.c, schema.reports.c
    lead = connection.scalar(
        select(claims.text)
        .join(schema.reports, reports.id == claims.report_id)
        .where(claims.id.in_(list(claim_ids)))
        .order_by(reports.published, reports.outlet, claims.report_id, claims.span_start)
        .limit(1)
    )
    return event_title(lead or "")
