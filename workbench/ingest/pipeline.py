"""Ingest: read every file, extract claims, then store it all in one transaction.

Reading and extraction happen before the first write, so a bad file stops the
call with nothing stored; the single transaction covers the rest. A report larger
than ``STREAM_BYTES`` is the exception: its claims are extracted inside the
transaction and stored batch by batch, so memory holds its text and one batch of
claims, never all of them (a 50 MB report ingests in well under 1 GB).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Connection, Engine

from models import Claim, Report, Source
from workbench.ingest.paths import expand_paths
from workbench.ingest.readers import MAX_FILE_BYTES, Warn, read_report_file
from workbench.store.reports import (
    StoredCounts,
    existing_report_ids,
    store_claims,
    store_reports,
)

STREAM_BYTES = 4 * 2**20
"""Reports whose text is longer than this (characters) are extracted in a stream."""
CLAIM_BATCH = 2000

Progress = Callable[[str, int, int], None]
"""Called as (stage, done, total) so a front end can draw a progress bar."""


def read_reports(
    paths: Sequence[Path],
    progress: Progress | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    *,
    strict: bool = False,
    warn: Warn | None = None,
) -> list[Report]:
    files = expand_paths(paths)
    reports: list[Report] = []
    for done, path in enumerate(files, start=1):
        reports.extend(read_report_file(path, max_bytes, strict=strict, warn=warn))
        if progress:
            progress("reading", done, len(files))
    return reports


def extract_all(
    reports: Sequence[Report], progress: Progress | None = None
) -> tuple[dict[str, list[Claim]], list[Source]]:
    """Claims per report id, and the sources they name (as the registry knows them)."""
    from workbench.extract import extract_claims, load_registry

    registry = load_registry()
    claims: dict[str, list[Claim]] = {}
    for done, report in enumerate(reports, start=1):
        claims[report.id] = extract_claims(report, registry)
        if progress:
            progress("extracting", done, len(reports))
    names = {name for found in claims.values() for claim in found for name in claim.sources}
    return claims, registry.sources_for(names)


def ingest_paths(
    engine: Engine,
    paths: Sequence[Path],
    progress: Progress | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    *,
    strict: bool = False,
    warn: Warn | None = None,
) -> StoredCounts:
    """Read, extract and store; idempotent because report ids are content hashes.

    ``strict`` refuses fields the workbench does not know; else ``warn`` hears of them.
    """
    reports = read_reports(paths, progress, max_bytes, strict=strict, warn=warn)
    with engine.connect() as connection:
        known = existing_report_ids(connection, (r.id for r in reports))
    fresh = list({r.id: r for r in reports if r.id not in known}.values())
    huge = [r for r in fresh if len(r.text) > STREAM_BYTES]
    claims, sources = extract_all([r for r in fresh if len(r.text) <= STREAM_BYTES], progress)
    with engine.begin() as connection:
        counts = store_reports(connection, reports, claims, sources)
        stored = set(counts.new_reports)
        for report in huge:
            if report.id in stored:  # not stored meanwhile by another process
                added, new_sources = _stream_claims(connection, report)
                counts.claims += added
                counts.new_sources += new_sources
        return counts


def _stream_claims(connection: Connection, report: Report) -> tuple[int, int]:
    """Extract and store one huge report's claims batch by batch (same transaction)."""
    from workbench.extract import iter_claims, load_registry

    registry = load_registry()
    added = new_sources = 0
    batch: list[Claim] = []

    def flush() -> None:
        nonlocal added, new_sources
        names = {name for claim in batch for name in claim.sources}
        done = store_claims(connection, batch, registry.sources_for(names), added)
        added += done[0]
        new_sources += done[1]
        batch.clear()

    for claim in iter_claims(report, registry):
        batch.append(claim)
        if len(batch) >= CLAIM_BATCH:
            flush()
    flush()
    return added, new_sources
