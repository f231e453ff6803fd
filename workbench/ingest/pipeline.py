"""Ingest: read every file, extract claims, then store it all in one transaction.

Reading and extraction happen before the first write, so a bad file stops the
call with nothing stored; the single transaction covers the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Engine

from models import Claim, Report, Source
from workbench.ingest.paths import expand_paths
from workbench.ingest.readers import read_report_file
from workbench.store.reports import StoredCounts, existing_report_ids, store_reports

Progress = Callable[[str, int, int], None]
"""Called as (stage, done, total) so a front end can draw a progress bar."""


def read_reports(paths: Sequence[Path], progress: Progress | None = None) -> list[Report]:
    files = expand_paths(paths)
    reports: list[Report] = []
    for done, path in enumerate(files, start=1):
        reports.extend(read_report_file(path))
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
    engine: Engine, paths: Sequence[Path], progress: Progress | None = None
) -> StoredCounts:
    """Read, extract and store; idempotent because report ids are content hashes."""
    reports = read_reports(paths, progress)
    with engine.connect() as connection:
        known = existing_report_ids(connection, (r.id for r in reports))
    fresh = list({r.id: r for r in reports if r.id not in known}.values())
    claims, sources = extract_all(fresh, progress)
    with engine.begin() as connection:
        return store_reports(connection, reports, claims, sources)
