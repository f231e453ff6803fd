"""``workbench team``: reviewer roles on PostgreSQL (each reviewer a database role).

Run by the database owner (or a role with CREATEROLE). The database then enforces
who may read and write what (see migration 0003 and the README).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from workbench.cli.options import DbOption

team_app = typer.Typer(help="Reviewer roles on PostgreSQL.", no_args_is_help=True)


@team_app.command("add-reviewer")
def add_reviewer_cmd(
    name: Annotated[str, typer.Argument(help="The reviewer's database role (login name).")],
    adjudicator: Annotated[
        bool, typer.Option("--adjudicator", help="Also allowed to settle disagreements.")
    ] = False,
    password: Annotated[
        str | None,
        typer.Option("--password", envvar="WORKBENCH_REVIEWER_PASSWORD", help="Login password."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Create (or update) a reviewer role: it may read, add reports and verdicts as
    itself, never rewrite history; with --adjudicator it may also rule on disagreements
    it is not party to."""
    from workbench.store import open_engine
    from workbench.store.identity import add_reviewer

    with open_engine(db).begin() as connection:
        created = add_reviewer(connection, name, adjudicator=adjudicator, password=password)
    what = "created" if created else "updated"
    kind = "adjudicator" if adjudicator else "reviewer"
    print(f"{what} {kind} role {name!r}", file=sys.stderr)


@team_app.command("list")
def list_cmd(db: DbOption = None) -> None:
    """The reviewer roles, one a line: NAME and 'adjudicator' where it has that right."""
    from workbench.store import open_engine
    from workbench.store.identity import team_members

    with open_engine(db).connect() as connection:
        if connection.dialect.name != "postgresql":
            from workbench.errors import FaultError

            raise FaultError(
                "reviewer roles need PostgreSQL",
                None,
                "on SQLite the reviewer is the operating-system user or --reviewer",
            )
        members = team_members(connection)
    for name, is_adjudicator in members:
        print(f"{name}\tadjudicator" if is_adjudicator else name)
