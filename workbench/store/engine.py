"""Open the database: resolve where it is, set it up safely, bring its schema up to date.

A plain path is a SQLite file; a SQLAlchemy URL (``sqlite:///...``,
``postgresql://...``) is used as given; ``WORKBENCH_DB`` is read when no
``--db`` is passed; otherwise a file in the user's data directory.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from workbench.errors import FaultError, os_fault
from workbench.store.faults import database_fault, display_url

ENV_VAR = "WORKBENCH_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000
BUSY_ENV_VAR = "WORKBENCH_BUSY_TIMEOUT"
"""Seconds a SQLite writer waits for another one before giving up (default 30)."""


def busy_timeout_ms() -> int:
    """The SQLite wait in milliseconds: ``WORKBENCH_BUSY_TIMEOUT`` seconds, else 30 s."""
    value = os.environ.get(BUSY_ENV_VAR, "").strip()
    if not value:
        return SQLITE_BUSY_TIMEOUT_MS
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise FaultError(
            f"{BUSY_ENV_VAR}={value!r} is not a number of seconds", None, "use e.g. 30 or 0.5"
        )
    return int(seconds * 1000)


SUPPORTED_BACKENDS = ("sqlite", "postgresql")
_URL_HINT = "give a file path, sqlite:///PATH or postgresql://USER@HOST:PORT/DATABASE"


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
            raise FaultError(
                "is a directory, not a database file", path, "give a file path in --db"
            )
        return f"sqlite:///{path.resolve()}"
    try:
        url = make_url(value)
        backend = url.get_backend_name()
        url.port  # noqa: B018 - a non-numeric port fails here, not deep in the driver
    except (ArgumentError, ValueError):
        raise FaultError("not a database URL", _no_password(value), _URL_HINT) from None
    if backend not in SUPPORTED_BACKENDS and backend != "postgres":
        raise FaultError(
            f"unsupported database kind {backend!r}", display_url(value), _URL_HINT
        ) from None
    if backend == "sqlite" and url.database and Path(url.database).is_dir():
        raise FaultError("is a directory, not a database file", url.database, "give a file path")
    # Plain postgresql:// means psycopg 3, the driver we ship.
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _no_password(value: str) -> str:
    """``value`` with anything between ``://user:`` and ``@`` masked."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", value)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a reader (the TUI's score worker) run beside a writer; foreign keys
    # are off by default in SQLite; a busy timeout turns lock contention into waiting.
    # The driver's own transaction handling is switched off: ``_begin`` starts every
    # transaction instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


_IMMEDIATE = "workbench_immediate"


def _begin(connection: Any) -> None:
    # SQLite transactions, started here rather than by the driver (whose legacy mode
    # begins only at the first INSERT, leaving earlier reads and DDL outside it):
    # - ``engine.begin()`` (a writer) takes the write lock at BEGIN (IMMEDIATE): a
    #   deferred transaction that reads and then writes gets SQLITE_BUSY at once,
    #   without waiting, if another writer committed in between (WAL snapshots);
    #   taking the lock first makes every writer wait its turn (busy_timeout).
    # - ``engine.connect()`` (a reader) begins DEFERRED: readers never wait for
    #   writers, and a reader left open holds no lock.
    # A file we may only read still opens for reading: its first write is refused.
    raw = connection.connection.driver_connection
    if not connection.get_execution_options().get(_IMMEDIATE):
        raw.execute("BEGIN")
        return
    try:
        raw.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) and "read-only" not in str(error):
            raise database_fault(error, str(connection.engine.url)) or error from None
        raw.execute("BEGIN")


def _writers_begin_immediate(engine: Engine) -> None:
    """Make ``engine.begin()`` open its transaction with BEGIN IMMEDIATE (see ``_begin``)."""

    @contextmanager
    def begin() -> Iterator[Connection]:
        with engine.connect() as connection:
            connection.execution_options(**{_IMMEDIATE: True})
            with connection.begin():
                yield connection

    engine.begin = begin  # type: ignore[method-assign]


def _translate_errors(url: str) -> Any:
    def handle_error(context: ExceptionContext) -> None:
        # The error stays what SQLAlchemy raises (callers may catch DBAPIError); the
        # one-line fault rides along for the front ends (``faults.fault_of``).
        fault = database_fault(context.original_exception, url)
        if fault is not None and context.sqlalchemy_exception is not None:
            context.sqlalchemy_exception.workbench_fault = fault  # type: ignore[attr-defined]

    return handle_error


def create_db_engine(url: str) -> Engine:
    """An engine with the per-backend settings the workbench relies on.

    Every known database fault on it (``workbench.store.faults``) carries its one-line
    ``FaultError`` naming the database (``faults.fault_of(error)``).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            try:
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise os_fault(
                    error, Path(database).parent, "cannot create the database folder"
                ) from None
        wait = busy_timeout_ms() / 1000
        engine = create_engine(url, connect_args={"timeout": wait})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        _writers_begin_immediate(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "handle_error", _translate_errors(url))
    return engine
