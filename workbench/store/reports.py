"""Reports, their claims and the sources those claims cite."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, func, select

from models import Claim, Report, Source
from workbench.store import schema
from workbench.store.converters import (
    claim_to_row,
    report_to_row,
    row_to_claim,
    row_to_report,
    row_to_source,
    source_to_row,
)

# Keep each INSERT well below SQLite's 32k bound-parameter limit.
_BATCH = 500


@dataclass
class StoredCounts:
    """What one ingest call changed."""

    new_reports: list[str] = field(default_factory=list)
    known_reports: list[str] = field(default_factory=list)
    claims: int = 0
    new_sources: int = 0


def id_batches(values: Iterable[str]) -> Iterator[list[str]]:
    """The distinct ``values``, sorted, in lists short enough for one ``IN (...)`` on any
    backend (SQLite and PostgreSQL cap the bound parameters of one statement)."""
    wanted = sorted(set(values))
    for start in range(0, len(wanted), _BATCH):
        yield wanted[start : start + _BATCH]


def select_in(
    connection: Connection,
    column: ColumnElement[Any],
    key: ColumnElement[Any],
    values: Iterable[str],
) -> set[Any]:
    """Distinct ``column`` values of the rows whose ``key`` is in ``values``, asked in
    batches (``id_batches``)."""
    found: set[Any] = set()
    for chunk in id_batches(values):
        found.update(connection.scalars(select(column).where(key.in_(chunk)).distinct()))
    return found


def existing_report_ids(connection: Connection, ids: Iterable[str]) -> set[str]:
    return select_in(connection, schema.reports.c.id, schema.reports.c.id, ids)


def store_reports(
    connection: Connection,
    reports: Sequence[Report],
    claims: Mapping[str, Sequence[Claim]] | None = None,
    sources: Iterable[Source] = (),
) -> StoredCounts:
    """Insert new reports with their claims; reports already stored are left untouched.

    Runs inside the caller's transaction, so a failure stores nothing.
    """
    counts = StoredCounts()
    claims = claims or {}
    known = existing_report_ids(connection, (r.id for r in reports))
    now = datetime.now(UTC)
    fresh: dict[str, Report] = {}
    for report in reports:
        if report.id in known or report.id in fresh:
            counts.known_reports.append(report.id)
        else:
            fresh[report.id] = report
    counts.new_reports = list(fresh)
    if not fresh:
        return counts

    counts.new_sources = _store_sources(connection, sources)
    _insert(connection, schema.reports, [report_to_row(r, now) for r in fresh.values()])
    for report_id in fresh:
        added, new_sources = store_claims(connection, claims.get(report_id, ()))
        counts.claims += added
        counts.new_sources += new_sources
    return counts


def store_claims(
    connection: Connection,
    claims: Iterable[Claim],
    sources: Iterable[Source] = (),
    first_position: int = 0,
) -> tuple[int, int]:
    """Insert claims of one stored report (positions counted from ``first_position``),
    with the sources they name; a source not among ``sources`` nor stored is added with
    kind unknown. Returns (claims added, sources added). Callers with a huge report
    call it batch by batch, so memory holds one batch of claims, not all of them."""
    claim_rows: list[dict[str, object]] = []
    link_rows: list[dict[str, object]] = []
    for position, claim in enumerate(claims, start=first_position):
        claim_rows.append(claim_to_row(claim, position))
        link_rows.extend(
            {"claim_id": claim.id, "source": name, "position": i}
            for i, name in enumerate(dict.fromkeys(claim.sources))
        )
    new_sources = _store_sources(connection, sources)
    named = {str(row["source"]) for row in link_rows}
    missing = named - _known_source_names(connection, named)
    new_sources += _store_sources(connection, (Source(name=n) for n in sorted(missing)))
    _insert(connection, schema.claims, claim_rows)
    _insert(connection, schema.claim_sources, link_rows)
    return len(claim_rows), new_sources


def _known_source_names(connection: Connection, names: set[str]) -> set[str]:
    return select_in(connection, schema.sources.c.name, schema.sources.c.name, names)


def _store_sources(connection: Connection, sources: Iterable[Source]) -> int:
    by_name = {s.name: s for s in sources}
    new = set(by_name) - _known_source_names(connection, set(by_name))
    _insert(connection, schema.sources, [source_to_row(by_name[n]) for n in sorted(new)])
    # A person stored before their body was known ("Rami Abdel Rahman" first quoted alone)
    # learns it now; a body once recorded is never replaced by another.
    table = schema.sources
    for name in sorted(set(by_name) - new):
        if by_name[name].speaks_for:
            connection.execute(
                table.update()
                .where(table.c.name == name, table.c.speaks_for == "")
                .values(speaks_for=by_name[name].speaks_for)
            )
    return len(new)


def _insert(connection: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    for start in range(0, len(rows), _BATCH):
        connection.execute(table.insert(), rows[start : start + _BATCH])


def list_reports(connection: Connection) -> list[Report]:
    query = select(schema.reports).order_by(schema.reports.c.published, schema.reports.c.id)
    return [row_to_report(row) for row in connection.execute(query).mappings()]


def count_rows(connection: Connection) -> dict[str, int]:
    """Row counts per table, for status lines and tests."""
    return {
        table.name: connection.scalar(select(func.count()).select_from(table)) or 0
        for table in schema.metadata.sorted_tables
    }


def load_claims(connection: Connection, report_ids: Sequence[str] | None = None) -> list[Claim]:
    """Claims in report order, each with its sources in the order they were named."""
    query = select(schema.claims).order_by(schema.claims.c.report_id, schema.claims.c.position)
    links = select(schema.claim_sources).order_by(schema.claim_sources.c.position)
    if report_ids is not None:
        query = query.where(schema.claims.c.report_id.in_(report_ids))
        links = links.join(schema.claims).where(schema.claims.c.report_id.in_(report_ids))
    sources: dict[str, list[str]] = defaultdict(list)
    for link in connection.execute(links).mappings():
        sources[link["claim_id"]].append(link["source"])
    return [
        row_to_claim(row, tuple(sources.get(row["id"], ())))
        for row in connection.execute(query).mappings()
    ]


def load_claims_by_id(connection: Connection, claim_ids: Iterable[str]) -> list[Claim]:
    """The claims with these ids (asked in batches, any number), each with its sources."""
    found: list[Claim] = []
    for chunk in id_batches(claim_ids):
        links = (
            select(schema.claim_sources)
            .where(schema.claim_sources.c.claim_id.in_(chunk))
            .order_by(schema.claim_sources.c.position)
        )
        sources: dict[str, list[str]] = defaultdict(list)
        for link in connection.execute(links).mappings():
            sources[link["claim_id"]].append(link["source"])
        query = select(schema.claims).where(schema.claims.c.id.in_(chunk))
        found.extend(
            row_to_claim(row, tuple(sources.get(row["id"], ())))
            for row in connection.execute(query).mappings()
        )
    return found


def load_sources(connection: Connection) -> list[Source]:
    query = select(schema.sources).order_by(schema.sources.c.name)
    return [row_to_source(row) for row in connection.execute(query).mappings()]
