"""``workbench ingest``: store reports and their claims in the database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.options import DbOption


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help=".txt/.md reports (optional front matter), .jsonl, or directories."),
    ],
    db: DbOption = None,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            min=0.001,
            help="Refuse a file larger than this many MiB (default 64).",
        ),
    ] = 64,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Refuse fields other than id, text, outlet, title, url, published, dateline "
            "(by default they are kept as report metadata, with a warning).",
        ),
    ] = False,
) -> None:
    """Ingest reports. Idempotent: a report already stored is skipped.

    One transaction per call: a bad file stops the call with nothing stored.
    """
    from workbench.cli.progress import progress_bar
    from workbench.ingest import ingest_paths
    from workbench.store import open_engine

    engine = open_engine(db)
    warnings: list[str] = []  # printed after the bar, which owns stderr while it runs
    with progress_bar() as progress:
        counts = ingest_paths(
            engine,
            paths,
            progress,
            max_bytes=int(max_size * 2**20),
            strict=strict,
            warn=warnings.append,
        )
    for warning in warnings:
        print(f"workbench: warning: {warning}", file=sys.stderr)
    print(
        f"ingested {len(counts.new_reports)} new report(s), "
        f"{len(counts.known_reports)} already stored, {counts.claims} claim(s)",
        file=sys.stderr,
    )
