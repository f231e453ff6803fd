"""``workbench verdicts import``: load verdicts from a CSV in the export's columns."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.options import DbOption

verdicts_app = typer.Typer(help="Verdict files: import from CSV.", no_args_is_help=True)


@verdicts_app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="CSV with claim_id, verdict, reviewer columns; "
                                              "'-' reads stdin.")],
    db: DbOption = None,
) -> None:
    """Validate every row, then append them all in one transaction (or nothing)."""
    from workbench.errors import InputError
    from workbench.store import open_engine
    from workbench.verdict_import import import_verdicts

    if str(path) == "-":
        text = sys.stdin.read()
    else:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise InputError("no such file", path=path) from None
        except UnicodeDecodeError as error:
            raise InputError(f"not valid UTF-8 at byte {error.start}", path=path) from None
    engine = open_engine(db)
    with engine.begin() as connection:
        added, present = import_verdicts(connection, path, text)
    print(f"imported {added} verdict(s), {present} already present", file=sys.stderr)
