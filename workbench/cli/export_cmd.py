"""``workbench export``: verdicts as CSV, Parquet or ClaimReview JSON-LD."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.options import DbOption


class ExportFormat(StrEnum):
    CSV = "csv"
    CLAIMREVIEW = "claimreview"
    PARQUET = "parquet"


def export(
    db: DbOption = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="csv, parquet (typed columns) or claimreview (JSON-LD)."
        ),
    ] = ExportFormat.CSV,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", help="Only this reviewer's verdicts.")
    ] = None,
    reviewed_only: Annotated[
        bool, typer.Option("--reviewed-only", help="Leave out claims nobody has judged.")
    ] = False,
) -> None:
    """Export every claim with its current verdicts (one row per claim and reviewer).

    Under blind second review, only what the reviewer (the database role on
    PostgreSQL; --reviewer or the operating-system user on SQLite) may see.
    """
    from workbench.cli.io import for_stdout
    from workbench.errors import InputError
    from workbench.export import export_rows, render, render_bytes, write_file
    from workbench.store import open_as

    if fmt is ExportFormat.PARQUET and output is None and sys.stdout.isatty():
        # binary bytes would only garble the terminal
        raise InputError("Parquet is binary: give -o FILE, or redirect stdout to a file")
    engine, _viewer = open_as(db, reviewer)
    with engine.connect() as connection:
        rows = export_rows(connection, reviewer=reviewer, include_unreviewed=not reviewed_only)
    if output is None:
        if fmt is ExportFormat.PARQUET:  # bytes, and never a terminal (refused above)
            sys.stdout.buffer.write(render_bytes(rows, fmt.value))
        else:  # shown inert on a terminal, unchanged in a pipe
            sys.stdout.buffer.write(for_stdout(render(rows, fmt.value)).encode("utf-8"))
        sys.stdout.flush()
        return
    write_file(rows, fmt.value, output)  # whole or not at all; faults are one line
    print(f"wrote {len(rows)} row(s) to {output}", file=sys.stderr)
