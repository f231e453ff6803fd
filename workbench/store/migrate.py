"""Schema versioning with Alembic: every open brings the database to the newest revision.

Alembic is used rather than hand-rolled version checks because it already knows
how to alter tables on SQLite (batch mode) and PostgreSQL alike, and records the
revision in the database itself.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from workbench.errors import InputError


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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate forward (idempotent; a no-op when already at head)."""
    current = current_revision(engine)
    if revision == "head" and current == head_revision():
        return
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current is not None and current not in known:
        raise InputError(
            f"the database is at schema revision {current!r}, newer than this workbench "
            f"knows (newest {head_revision()!r}); upgrade the workbench to open it"
        )
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
