"""``workbench review``: ingest the given reports, then open the review workbench."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.options import DbOption


def review(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Reports to ingest first (idempotent); none opens the database."),
    ] = None,
    db: DbOption = None,
    reviewer: Annotated[
        str | None,
        typer.Option(
            "--reviewer",
            help="Whose verdicts these are (SQLite; default: your OS user). "
            "On PostgreSQL the connected role is the reviewer.",
        ),
    ] = None,
) -> None:
    """Judge claims side by side. On a fresh database with no PATH, opens the bundled corpus."""
    from workbench.cli.progress import progress_bar
    from workbench.tui import make_app

    warnings: list[str] = []  # printed after the bar, before the UI takes the screen
    with progress_bar() as progress:
        app = make_app(
            db=db,
            reviewer=reviewer,
            paths=tuple(paths or ()),
            progress=progress,
            warn=warnings.append,
        )
    for warning in warnings:
        print(f"workbench: warning: {warning}", file=sys.stderr)
    app.run()
