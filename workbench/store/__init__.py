"""Storage on SQLAlchemy 2 Core: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

from sqlalchemy import Engine

from workbench.store.engine import create_db_engine, default_db_path, resolve_db_url
from workbench.store.migrate import current_revision, head_revision, upgrade


def open_engine(db: str | None = None) -> Engine:
    """Resolve ``db`` (path, URL, ``WORKBENCH_DB`` or default), connect and migrate."""
    engine = create_db_engine(resolve_db_url(db))
    upgrade(engine)
    return engine


__all__ = [
    "create_db_engine",
    "current_revision",
    "default_db_path",
    "head_revision",
    "open_engine",
    "resolve_db_url",
    "upgrade",
]
