"""Append-only verdict history; the current verdict is the newest row per (claim, reviewer)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from models import Verdict
from workbench.store import schema
from workbench.store.converters import row_to_verdict, verdict_to_row
from workbench.store.reports import id_batches


def append_verdicts(connection: Connection, verdicts: Iterable[Verdict]) -> list[Verdict]:
    """Append rows and return them with their ids. Never updates or deletes."""
    stored = []
    for verdict in verdicts:
        result = connection.execute(
            schema.verdicts.insert().returning(schema.verdicts.c.id), verdict_to_row(verdict)
        )
        stored.append(verdict.model_copy(update={"id": result.scalar_one()}))
    return stored


def current_verdicts(
    connection: Connection,
    reviewer: str | None = None,
    claim_ids: Iterable[str] | None = None,
) -> list[Verdict]:
    """The newest verdict per (claim, reviewer), retractions dropped; optionally only
    for ``claim_ids`` (asked in batches, so any number of ids is fine)."""
    if claim_ids is not None:
        found: list[Verdict] = []
        for chunk in id_batches(claim_ids):
            found.extend(_current(connection, reviewer, chunk))
        return sorted(found, key=lambda verdict: verdict.id or 0)
    return _current(connection, reviewer, None)


def _current(
    connection: Connection, reviewer: str | None, claim_ids: list[str] | None
) -> list[Verdict]:
    v = schema.verdicts
    newest = select(func.max(v.c.id).label("id")).group_by(v.c.claim_id, v.c.reviewer)
    if reviewer is not None:
        newest = newest.where(v.c.reviewer == reviewer)
    if claim_ids is not None:
        newest = newest.where(v.c.claim_id.in_(claim_ids))
    query = select(v).where(v.c.id.in_(newest.scalar_subquery())).order_by(v.c.id)
    rows = connection.execute(query).mappings()
    return [verdict for verdict in map(row_to_verdict, rows) if verdict.label is not None]


def verdict_history(connection: Connection, claim_id: str | None = None) -> list[Verdict]:
    """Every row ever written, oldest first."""
    query = select(schema.verdicts).order_by(schema.verdicts.c.id)
    if claim_id is not None:
        query = query.where(schema.verdicts.c.claim_id == claim_id)
    return [row_to_verdict(row) for row in connection.execute(query).mappings()]
