"""History that cannot be rewritten by any statement: TRUNCATE and REPLACE refused too.

0001 made verdicts, event edits and second-review requests append-only against
UPDATE and DELETE. Two statements slipped past:

- PostgreSQL ``TRUNCATE`` fires no row trigger: a statement-level BEFORE TRUNCATE
  trigger refuses it;
- SQLite ``INSERT OR REPLACE`` (and ``REPLACE INTO``) with an existing id deletes the
  old row as conflict resolution, which fires no DELETE trigger unless
  ``recursive_triggers`` is on: a BEFORE INSERT trigger refuses an insert whose id is
  taken, before the conflict is resolved.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

APPEND_ONLY = ("verdicts", "event_edits", "review_requests")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            op.execute(
                f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
                f"WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id) "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        elif dialect == "postgresql":
            # workbench_append_only() (0001) raises for any trigger it is attached to
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION workbench_append_only()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
