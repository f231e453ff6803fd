"""Database errors as one-line faults that name the database and say what to do.

Every engine the workbench opens carries a ``handle_error`` hook (see
``workbench.store.engine``) that passes each DBAPI error through ``database_fault``:
a recognised fault (read-only file, full disk, damaged file, unreachable server,
unknown role, missing privilege, a row refused by row-level security, a drifted
schema) is attached to the SQLAlchemy error as its ``FaultError``, which the command
line and the review UI show (``fault_of``); anything unrecognised is reported as an
internal error. The failed statement's
transaction is rolled back by SQLAlchemy either way, so nothing is half-written.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from workbench.errors import FaultError, InputError, one_line, os_fault
from workbench.text_safety import visible_line

_SQLITE_RULES: tuple[tuple[str, str, str], ...] = (
    # (pattern in the SQLite message, what happened, what to do)
    (
        "attempt to write a readonly database",
        "database is read-only",
        "check the permissions of the file and its folder, or pass --db",
    ),
    (
        "unable to open database file",
        "cannot open the database",
        "check that its folder exists and is writable, or pass --db",
    ),
    (
        "database or disk is full",
        "disk full or file-size limit reached while writing the database",
        "free some space or raise the limit; nothing was written",
    ),
    (
        "file is not a database",
        "not a SQLite database",
        "pass --db with a workbench database, or a new file name",
    ),
    (
        "database disk image is malformed",
        "database file is damaged",
        "restore it from a backup, or pass --db with another file",
    ),
    (
        "database is locked",
        "database is busy: another program kept it locked past the wait",
        "try again when the other writer has finished, or wait longer with "
        "WORKBENCH_BUSY_TIMEOUT=SECONDS; nothing was written",
    ),
    (
        "disk i/o error",
        "disk I/O error on the database",
        "check the disk, the file and its folder; the file may be truncated",
    ),
)

# PostgreSQL messages that arrive before any SQLSTATE (connection set-up).
_CONNECT_RULES: tuple[tuple[str, str, str], ...] = (
    (
        "connection refused",
        "cannot reach the PostgreSQL server",
        "check that it is running and the host and port in --db",
    ),
    (
        "could not translate host name",
        "unknown database host",
        "check the host name in --db",
    ),
    (
        "name or service not known",
        "unknown database host",
        "check the host name in --db",
    ),
    (
        "timeout expired",
        "the PostgreSQL server did not answer in time",
        "check the host and port in --db and the network",
    ),
    (
        "password authentication failed",
        "the database refused the password",
        "check the user and password in --db",
    ),
    (
        "no pg_hba.conf entry",
        "the database server does not accept this connection",
        "ask its administrator to allow this host and role",
    ),
)

_MISSING_DATABASE = re.compile(r'database "([^"]*)" does not exist')
_MISSING_ROLE = re.compile(r'role "([^"]*)" does not exist')


def display_url(url: str) -> str:
    """The database as a user names it: a SQLite file path, or the URL without password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def fault_of(error: BaseException) -> FaultError | None:
    """The one-line fault for an error raised by an engine of ours (or any database error
    that names its cause), else None: an internal error."""
    if isinstance(error, FaultError):
        return error
    found = getattr(error, "workbench_fault", None)
    if isinstance(found, FaultError):
        return found
    return database_fault(error, "") if getattr(error, "orig", None) is not None else None


def database_fault(error: BaseException, url: str) -> FaultError | None:
    """A ``FaultError`` for a database error on ``url``, or None when it is not a known fault.

    Args:
        error: the DBAPI exception (``sqlalchemy.exc.DBAPIError.orig``) or the wrapper.
        url: the database URL the engine was opened with.
    """
    original = getattr(error, "orig", None) or error
    where = display_url(url)
    message = one_line(str(original))
    lowered = message.lower()
    module = type(original).__module__
    if module.startswith("sqlite3"):
        return _sqlite_fault(lowered, message, where)
    if module.startswith("psycopg"):
        return _postgres_fault(original, lowered, message, where)
    return None


def _write_limit(where: str) -> FaultError | None:
    """Why a write to the file ``where`` failed, if it was the disk or a size limit (SQLite
    reports both as a plain I/O error)."""
    import resource
    import shutil

    folder = Path(where).parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if free is not None and free < 1024 * 1024:
        return FaultError(
            "no space left on the disk while writing the database",
            where,
            "free some space and try again; nothing was written",
        )
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft != resource.RLIM_INFINITY:
        return FaultError(
            f"the file-size limit ({soft} bytes, ulimit -f) stopped a write to the database",
            where,
            "raise the limit and try again; nothing was written",
        )
    return None


def _sqlite_fault(lowered: str, message: str, where: str) -> FaultError | None:
    if "is append-only" in lowered:  # raised by the triggers of the migrations
        return FaultError(
            f"refused by the database: {message}",
            where,
            "history is never rewritten; undo writes a new row",
        )
    if ("disk i/o error" in lowered or "disk is full" in lowered) and where:
        limit = _write_limit(where)
        if limit is not None:
            return limit
    for needle, what, hint in _SQLITE_RULES:
        if needle in lowered:
            return FaultError(what, where, hint)
    if "no such column" in lowered or "no such table" in lowered or "has no column" in lowered:
        return _drift(message, where)
    return None


def _drift(message: str, where: str) -> FaultError:
    return FaultError(
        f"the database schema does not match this workbench ({message})",
        where,
        "it was changed by hand or another program: restore it from a backup, or pass --db",
    )


def _postgres_fault(
    original: BaseException, lowered: str, message: str, where: str
) -> FaultError | None:
    sqlstate = getattr(original, "sqlstate", None) or ""
    # The server's own words, without the client's "connection failed: ..." preamble.
    detail = message.split("FATAL:")[-1].strip() if "FATAL:" in message else message
    missing_db = _MISSING_DATABASE.search(message)
    if missing_db:
        return FaultError(
            f"no database named {missing_db.group(1)!r} on the server",
            where,
            "create it (createdb) or fix the database name in --db",
        )
    missing_role = _MISSING_ROLE.search(message)
    if missing_role:
        return FaultError(
            f"the database has no role {missing_role.group(1)!r}",
            where,
            "ask the database owner to run `workbench team add-reviewer "
            f"{missing_role.group(1)}`, or fix the user in --db",
        )
    if "row-level security" in lowered:
        return FaultError(
            f"refused by the database: {detail}",
            where,
            "a reviewer role writes only under its own name, and rules on a disagreement "
            "only with the adjudicator right and no review of its own on the claim",
        )
    if sqlstate == "42501" or "permission denied" in lowered:
        return FaultError(
            f"refused by the database: {detail}",
            where,
            "this role lacks the right; ask the database owner (workbench team add-reviewer)",
        )
    if sqlstate == "3F000":  # no schema on the search path this role may use
        return FaultError(
            "refused by the database: this role may use no schema on its search path",
            where,
            "ask the database owner to run `workbench team add-reviewer` for this role, "
            "or fix search_path in --db",
        )
    if sqlstate in ("42703", "42P01"):
        return _drift(detail, where)
    if sqlstate == "P0001":  # raised by our triggers and checks
        return FaultError(f"refused by the database: {detail}", where, "")
    if sqlstate in ("53100",):
        return FaultError("the database server's disk is full", where, "ask its administrator")
    if sqlstate in ("40001", "40P01", "55P03"):
        return FaultError(
            "the database was busy with another writer", where, "try again; nothing was written"
        )
    for needle, what, hint in _CONNECT_RULES:
        if needle in lowered:
            return FaultError(what, where, hint)
    if sqlstate.startswith("08") or not sqlstate:
        return FaultError(
            f"database connection failed: {detail}", where, "check --db and the server"
        )
    if sqlstate[:2] in ("53", "57", "58"):  # resources, operator intervention, system
        return FaultError(f"the database server failed: {detail}", where, "try again later")
    return None  # a statement of ours the server rejected: an internal error


def describe_error(error: BaseException) -> str:
    """One line for the user: the fault's own words, else the error's type and message
    (for the review UI, which shows an error instead of exiting)."""
    return visible_line(_describe(error))  # names and paths in it are shown inert


def _describe(error: BaseException) -> str:
    fault = fault_of(error)
    if fault is not None:
        return str(fault)
    if isinstance(error, OSError):
        return str(os_fault(error))
    if isinstance(error, InputError):
        return str(error)
    return f"{type(error).__name__}: {one_line(str(error).split(chr(10))[0])}"
