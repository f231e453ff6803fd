"""Options shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="WORKBENCH_DB",
        help="SQLite file path or SQLAlchemy URL (sqlite:///..., postgresql://...). "
        "Default: $WORKBENCH_DB, else ~/.local/share/workbench/workbench.db.",
        show_default=False,
    ),
]
