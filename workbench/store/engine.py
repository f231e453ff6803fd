"""Open the database: resolve where it is, set it up safely, bring its schema up to date.

A plain path is a SQLite file; a SQLAlchemy URL (``sqlite:///...``,
``postgresql://...``) is used as given; ``WORKBENCH_DB`` is read when no
``--db`` is passed; otherwise a file in the user's data directory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from workbench.errors import InputError

ENV_VAR = "WORKBENCH_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> Path:
    """Where the database lives when the user says nothing (XDG data dir)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "workbench" / "workbench.db"


def resolve_db_url(db: str | None = None) -> str:
    """Turn ``--db``/``WORKBENCH_DB``/the default into a SQLAlchemy URL."""
    value = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" not in value:
        path = Path(value).expanduser()
        if path.is_dir():
            raise InputError("is a directory, not a database file", path=path)
        return f"sqlite:///{path.resolve()}"
    try:
        url = make_url(value)
    except ArgumentError as error:
        raise InputError(f"not a database URL: {value!r} ({error})") from None
    # Plain postgresql:// means psycopg 3, the driver we ship.
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a reader (the TUI's score worker) run beside a writer; foreign keys
    # are off by default in SQLite; a busy timeout turns lock contention into waiting.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    """An engine with the per-backend settings the workbench relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)
