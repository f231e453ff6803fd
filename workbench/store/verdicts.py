"""Append-only verdict history; the current verdict is the newest row per (claim, reviewer).

Blind second review: when the connection carries a viewer (``open_engine(viewer=...)``,
``identity.VIEWER_KEY``), every read here leaves out other reviewers' verdicts on a
claim queued for second review until the viewer has given their own (or two
reviewers have answered). On PostgreSQL the database applies the same rule itself
(row-level security); on SQLite this is the only guard, so every reader (export,
scores, the review UI's panels) goes through these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, Connection, func, or_, select

from models import Verdict
from workbench.store import schema
from workbench.store.converters import row_to_verdict, verdict_to_row
from workbench.store.identity import VIEWER_KEY
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
    blind: bool = True,
) -> list[Verdict]:
    """The newest verdict per (claim, reviewer), retractions dropped; optionally only
    for ``claim_ids`` (asked in batches, so any number of ids is fine).

    ``blind=False`` skips the connection's blind-review filter: only for derived facts
    that reveal no label (a claim's workflow status). The database's own row-level
    security on PostgreSQL applies regardless.
    """
    if claim_ids is not None:
        found: list[Verdict] = []
        for chunk in id_batches(claim_ids):
            found.extend(_current(connection, reviewer, chunk, blind))
        return sorted(found, key=lambda verdict: verdict.id or 0)
    return _current(connection, reviewer, None, blind)


def viewer_of(connection: Connection) -> str | None:
    """Whose eyes this connection reads verdicts with (None: no blind-review filter)."""
    viewer = connection.info.get(VIEWER_KEY)
    return str(viewer) if viewer else None


def visible_to(viewer: str) -> ColumnElement[bool]:
    """SQL condition on ``verdicts`` rows: what ``viewer`` may see under blind review."""
    v = schema.verdicts
    other = v.alias("answered")
    requested = select(schema.review_requests.c.claim_id)
    answered = select(other.c.claim_id).where(
        other.c.reviewer == viewer, other.c.label.is_not(None)
    )
    two_reviewers = (
        select(other.c.claim_id)
        .where(other.c.role == "review", other.c.label.is_not(None))
        .group_by(other.c.claim_id)
        .having(func.count(other.c.reviewer.distinct()) >= 2)
    )
    return or_(
        v.c.reviewer == viewer,
        v.c.claim_id.not_in(requested),
        v.c.claim_id.in_(answered),
        v.c.claim_id.in_(two_reviewers),
    )


def _current(
    connection: Connection, reviewer: str | None, claim_ids: list[str] | None, blind: bool
) -> list[Verdict]:
    v = schema.verdicts
    newest = select(func.max(v.c.id).label("id")).group_by(v.c.claim_id, v.c.reviewer)
    if reviewer is not None:
        newest = newest.where(v.c.reviewer == reviewer)
    if claim_ids is not None:
        newest = newest.where(v.c.claim_id.in_(claim_ids))
    query = select(v).where(v.c.id.in_(newest.scalar_subquery())).order_by(v.c.id)
    viewer = viewer_of(connection) if blind else None
    if viewer is not None:
        query = query.where(visible_to(viewer))
    rows = connection.execute(query).mappings()
    return [verdict for verdict in map(row_to_verdict, rows) if verdict.label is not None]


def verdict_history(connection: Connection, claim_id: str | None = None) -> list[Verdict]:
    """Every row ever written, oldest first."""
    query = select(schema.verdicts).order_by(schema.verdicts.c.id)
    if claim_id is not None:
        query = query.where(schema.verdicts.c.claim_id == claim_id)
    viewer = viewer_of(connection)
    if viewer is not None:
        query = query.where(visible_to(viewer))
    return [row_to_verdict(row) for row in connection.execute(query).mappings()]
