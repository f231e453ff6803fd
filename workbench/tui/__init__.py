"""The review workbench TUI. Importing this package does not import Textual.

``make_app`` is the one factory: the CLI, the tests and the snapshot apps all
build the App through it.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.ingest.pipeline import Progress
    from workbench.tui.app import WorkbenchApp

__all__ = ["bundled_corpus", "default_reviewer", "make_app"]


def bundled_corpus() -> Path:
    """The shipped reports: ``corpora/`` in a checkout, ``workbench/_corpora`` in a wheel."""
    import workbench

    package = Path(workbench.__file__).resolve().parent
    for candidate in (package.parent / "corpora", package / "_corpora"):
        if candidate.is_dir():
            return candidate
    return package.parent / "corpora"


def default_reviewer() -> str:
    """$USER (or the login name), else "reviewer"."""
    try:
        return os.environ.get("USER") or getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


def make_app(
    db: str | None = None,
    reviewer: str | None = None,
    paths: Sequence[Path] = (),
    keys: dict[str, str] | None = None,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> WorkbenchApp:
    """Ingest ``paths`` (idempotent), group, open the database and build the App.

    With no paths and an empty database, the bundled corpus is ingested so the
    first command a new user types shows real claims; the grouping is stored then,
    so later opens start at once. ``keys`` overrides the user's keys file (tests
    pass ``{}`` to ignore it); ``progress`` is told (stage, done, total), ``warn`` of
    unknown report fields kept as metadata.
    """
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.session import ReviewSession

    session = ReviewSession.open(db, reviewer)
    if paths or session.is_empty():
        from workbench.ingest import ingest_paths

        ingest_paths(session.engine, list(paths) or [bundled_corpus()], progress, warn=warn)
        from sqlalchemy import func, select

        from workbench.events.storage import current_grouping
        from workbench.store import schema

        with session.engine.begin() as connection:
            claims = connection.scalar(select(func.count()).select_from(schema.claims)) or 0
            if progress:
                progress("grouping", 0, claims)
            current_grouping(connection)
            if progress:
                progress("grouping", claims, claims)
    return WorkbenchApp(session, keys)
