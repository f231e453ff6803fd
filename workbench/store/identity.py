"""Who the reviewer is, and the roles that make a team on PostgreSQL.

- PostgreSQL: the reviewer is the connected database role (``current_user``); the
  database enforces what it may read and write (migration 0003). A role that
  administers the database (superuser, BYPASSRLS) may still name another reviewer,
  for example to import a colleague's spreadsheet; any other role is always itself.
- SQLite (one person's file): the reviewer is the name given, else the operating-
  system user. Nothing in a file stops its owner, so blind review is enforced by
  the workbench itself (``viewer`` below), not by the database.
"""

from __future__ import annotations

import getpass
import os
import re

from sqlalchemy import Connection, Engine, text

from workbench.errors import FaultError, InputError
from workbench.store.faults import display_url
from workbench.store.values import REVIEWER_MAX_CHARS, storable_text

VIEWER_KEY = "workbench_viewer"
"""``Connection.info`` key: whose eyes the verdict queries read with (blind review)."""

REVIEWER_GROUP = "workbench_reviewer"
ADJUDICATOR_GROUP = "workbench_adjudicator"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


def os_user() -> str:
    """$USER (or the login name), else "reviewer"."""
    try:
        return os.environ.get("USER") or getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


def database_role(connection: Connection) -> str | None:
    """The connected role on PostgreSQL; None on SQLite (no roles)."""
    if connection.dialect.name != "postgresql":
        return None
    return str(connection.scalar(text("SELECT current_user")))


def administers(connection: Connection) -> bool:
    """Whether the connected PostgreSQL role is above row-level security (a superuser,
    a BYPASSRLS role, or the owner of the verdicts table)."""
    return bool(
        connection.scalar(
            text(
                "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, "
                "(SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename = 'verdicts'), 'USAGE') "
                "FROM pg_roles AS r WHERE r.rolname = current_user"
            )
        )
    )


def resolve_reviewer(engine: Engine, given: str | None) -> str:
    """The reviewer for this session: see the module docstring.

    Raises:
        FaultError: a PostgreSQL role subject to row-level security asked to act as
            someone else.
    """
    if given is not None:
        try:  # the same limit on both backends (PostgreSQL's column enforces it)
            storable_text(given, "reviewer name", REVIEWER_MAX_CHARS)
        except ValueError as error:
            raise InputError(str(error)) from None
    with engine.connect() as connection:
        role = database_role(connection)
        if role is None:
            return given or os_user()
        if not given or given == role or administers(connection):
            return given or role
    raise FaultError(
        f"connected as database role {role!r}, which may act only as itself, not as {given!r}",
        display_url(engine.url.render_as_string(hide_password=False)),
        f"drop --reviewer/--by, or connect as {given!r} in --db",
    )


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise InputError(
            f"{name!r} is not a usable role name (lower-case letters, digits, _ . -; "
            "at most 63 characters, not starting with a digit)"
        )
    return name


def add_reviewer(
    connection: Connection, name: str, adjudicator: bool = False, password: str | None = None
) -> bool:
    """Create login role ``name`` (if new) in the reviewer group, and the adjudicator
    group when asked. Returns whether the role was created. PostgreSQL only."""
    if connection.dialect.name != "postgresql":
        raise FaultError(
            "reviewer roles need PostgreSQL",
            display_url(connection.engine.url.render_as_string(hide_password=False)),
            "on SQLite the reviewer is the operating-system user or --reviewer",
        )
    check_role_name(name)
    quoted = '"' + name + '"'
    exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    if not exists:
        connection.execute(text(f"CREATE ROLE {quoted} LOGIN"))
    if password:
        literal = connection.scalar(text("SELECT quote_literal(:p)"), {"p": password})
        connection.execute(text(f"ALTER ROLE {quoted} PASSWORD {literal}"))
    groups = [REVIEWER_GROUP] + ([ADJUDICATOR_GROUP] if adjudicator else [])
    for group in groups:
        if not connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": group}):
            raise FaultError(
                f"the database has no role {group!r}",
                display_url(connection.engine.url.render_as_string(hide_password=False)),
                "open the database once as a role with CREATEROLE to set up the team roles",
            )
        connection.execute(text(f"GRANT {group} TO {quoted}"))
    return not exists


def team_members(connection: Connection) -> list[tuple[str, bool]]:
    """(role, is adjudicator) for every member of the reviewer group."""
    query = text(
        "SELECT m.rolname, pg_has_role(m.oid, :adj, 'MEMBER') FROM pg_roles AS m "
        "WHERE m.rolcanlogin AND pg_has_role(m.oid, :rev, 'MEMBER') AND NOT m.rolsuper "
        "ORDER BY m.rolname"
    )
    rows = connection.execute(query, {"adj": ADJUDICATOR_GROUP, "rev": REVIEWER_GROUP})
    return [(str(name), bool(adj)) for name, adj in rows]
