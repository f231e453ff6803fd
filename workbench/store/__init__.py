"""Storage on SQLAlchemy 2 Core: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

from workbench.store.engine import create_db_engine, default_db_path, resolve_db_url
from workbench.store.identity import VIEWER_KEY
from workbench.store.migrate import current_revision, head_revision, upgrade


def open_engine(db: str | None = None, viewer: str | None = None) -> Engine:
    """Resolve ``db`` (path, URL, ``WORKBENCH_DB`` or default), connect and migrate.

    With ``viewer``, every verdict read on this engine shows only what that reviewer
    may see under blind second review (``workbench.store.verdicts``).
    """
    engine = create_db_engine(resolve_db_url(db))
    upgrade(engine)
    if viewer:
        attach_viewer(engine, viewer)
    return engine


def attach_viewer(engine: Engine, viewer: str) -> Engine:
    """From now on, verdict reads on ``engine`` show what ``viewer`` may see."""

    def remember(_dbapi_connection: Any, record: Any) -> None:
        record.info[VIEWER_KEY] = viewer

    event.listen(engine, "connect", remember)
    engine.dispose()  # pooled connections predate the listener
    return engine


def open_as(db: str | None, reviewer: str | None = None) -> tuple[Engine, str]:
    """Open the database for a reviewer: (engine reading with their eyes, their name).

    The name is the connected role on PostgreSQL, else ``reviewer`` or the
    operating-system user (``workbench.store.identity.resolve_reviewer``).
    """
    from workbench.store.identity import resolve_reviewer

    engine = open_engine(db)
    name = resolve_reviewer(engine, reviewer)
    return attach_viewer(engine, name), name


__all__ = [
    "attach_viewer",
    "create_db_engine",
    "current_revision",
    "default_db_path",
    "head_revision",
    "open_as",
    "open_engine",
    "resolve_db_url",
    "upgrade",
]
