"""Schema versioning with Alembic: every open brings the database to the newest revision.

Alembic is used rather than hand-rolled version checks because it already knows
how to alter tables on SQLite (batch mode) and PostgreSQL alike, and records the
revision in the database itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from workbench.errors import FaultError
from workbench.store.faults import display_url
from workbench.store.schema import metadata


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", "workbench.store:migrations")
    return config


def head_revision() -> str:
    """The newest schema revision this version of the workbench knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _columns(connection: Connection) -> dict[str, set[str]]:
    """Table name -> column names, as the database has them (one query)."""
    if connection.dialect.name == "sqlite":
        query = text(
            "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        )
    else:
        query = text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        )
    found: dict[str, set[str]] = {}
    for table, column in connection.execute(query):
        found.setdefault(str(table), set()).add(str(column))
    return found


def _refuse_foreign_sqlite_file(engine: Engine, where: str) -> None:
    """Refuse another program's SQLite file before the engine's first connection, which
    would switch it to WAL mode (a change to its header): read it with a read-only
    connection of its own. A file without the workbench's tables is another program's
    when it holds anything (tables, views, indexes, triggers) or sets an application id
    or user version."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or not Path(database).is_file():
        return
    if Path(database).stat().st_size == 0:
        return  # an empty file: a new database
    try:
        raw = sqlite3.connect(f"file:{quote(database)}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # unreadable: the engine's connection reports it in its own words
    try:
        objects = raw.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
        tables = [name for kind, name in objects if kind == "table"]
        marks = [f"other tables: {', '.join(tables[:5])}"] if tables else []
        marks += [f"{kind} {name!r}" for kind, name in objects if kind != "table"]
        for pragma in ("application_id", "user_version"):
            if raw.execute(f"PRAGMA {pragma}").fetchone()[0]:
                marks.append(f"a {pragma.replace('_', ' ')} set by another program")
    except sqlite3.Error:
        return
    finally:
        raw.close()
    if marks and ("table", "reports") not in objects:
        raise FaultError(
            f"not a workbench database (it holds {marks[0]})",
            where,
            "pass --db with a workbench database, or a new file name",
        )


def check_schema(engine: Engine) -> None:
    """Refuse a database whose tables are not the workbench's: another program's SQLite
    file, or a workbench database whose schema was changed by hand (a dropped column).
    Checked before anything is written, so such a file is left exactly as it was."""
    where = display_url(engine.url.render_as_string(hide_password=False))
    _refuse_foreign_sqlite_file(engine, where)
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # One snapshot for the revision and the tables: read apart, a schema another
            # process made in between looked like another program's tables beside no
            # revision (six processes opening one new schema at once, now and then).
            connection.execution_options(isolation_level="REPEATABLE READ")
        if connection.dialect.name == "postgresql" and (
            connection.scalar(text("SELECT current_schema()")) is None
        ):
            role = connection.scalar(text("SELECT current_user"))
            raise FaultError(
                f"refused by the database: role {role!r} may use no schema on its search path",
                where,
                f"ask the database owner to run `workbench team add-reviewer {role}`, "
                "or fix search_path in --db",
            )
        revision = MigrationContext.configure(connection).get_current_revision()
        columns = _columns(connection)
    ours = {table.name for table in metadata.sorted_tables}
    others = sorted(set(columns) - ours - {"alembic_version"})
    if revision is not None and "reports" not in columns:
        known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
        if revision not in known:  # another program's alembic history
            raise FaultError(
                f"not a workbench database (schema revision {revision!r} of another program)",
                where,
                "pass --db with a workbench database, or a new file name",
            )
    if revision is None:
        clash = sorted(set(columns) & ours)
        if clash or (engine.dialect.name == "sqlite" and others):
            raise FaultError(
                "not a workbench database (it holds other tables: "
                f"{', '.join((clash or others)[:5])})",
                where,
                "pass --db with a workbench database, or a new file name",
            )
        return
    if revision != head_revision():
        return  # older: the migrations bring it forward; newer: upgrade() refuses it
    for table in metadata.sorted_tables:
        missing = sorted({c.name for c in table.columns} - columns.get(table.name, set()))
        if missing:
            what = (
                f"table {table.name!r} is missing"
                if table.name not in columns
                else f"table {table.name!r} has no column {missing[0]!r}"
            )
            raise FaultError(
                f"the database schema does not match this workbench ({what})",
                where,
                "it was changed by hand or by another program: restore it from a backup, "
                "or pass --db",
            )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate forward (idempotent; a no-op when already at head).

    Safe when several processes open a new database at once, and atomic: the check of
    the revision and every migration run in one transaction that holds the migration
    lock (SQLite: BEGIN IMMEDIATE, the database's write lock; PostgreSQL: an advisory
    lock for this schema), so the second process finds the schema made and does
    nothing, and a migration failing half-way rolls back to the previous revision.
    """
    check_schema(engine)
    if revision == "head" and current_revision(engine) == head_revision():
        return
    config = _config()
    with engine.begin() as connection:
        _lock_migrations(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        if revision == "head" and current == head_revision():
            return  # another process migrated while we waited for the lock
        known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise FaultError(
                f"the database is at schema revision {current!r}, newer than this workbench "
                f"knows (newest {head_revision()!r})",
                display_url(engine.url.render_as_string(hide_password=False)),
                "upgrade the workbench to open it",
            )
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _lock_migrations(connection: Connection) -> None:
    """Wait for the migration lock (held until the transaction ends).

    SQLite's writers already hold the database's write lock here (``engine.begin()``
    begins IMMEDIATE); PostgreSQL needs an advisory lock, keyed by the schema so
    databases in other schemas migrate independently.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(hashtext('workbench.migrate:' || current_schema()))")
        )
