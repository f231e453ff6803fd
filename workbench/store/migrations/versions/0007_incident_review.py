"""Incident review: incident grades and claim corrections, both append-only.

An incident grade is Airwars' grade, civilian toll and belligerent per incident; a
claim correction fixes what the extractor read (source, figure, modality, a
rejected non-claim, a source rolled up into another). Like verdicts, neither is
ever changed or deleted: a new grade supersedes the old (the newest per event and
reviewer is current, ``grade`` NULL withdraws it) and an ``undo`` correction
withdraws an earlier one. SQLite
refuses UPDATE and DELETE by trigger; PostgreSQL by trigger, by privilege (reviewers
may only INSERT and SELECT) and by row-level security (a reviewer inserts rows only
under their own name).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

GRADES = "incident_grades"
CORRECTIONS = "claim_corrections"
REVIEWER_GROUP = "workbench_reviewer"


def upgrade() -> None:
    op.create_table(
        GRADES,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(80), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("grade", sa.String(20), nullable=True),
        sa.Column("civilians_min", sa.Integer, nullable=True),
        sa.Column("civilians_max", sa.Integer, nullable=True),
        sa.Column("belligerent", sa.String(200), nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("claim_ids", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incident_grades_event_reviewer", GRADES, ["event_id", "reviewer", "id"])
    op.create_table(
        CORRECTIONS,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("claim_id", sa.String(40), nullable=False, server_default=""),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in (GRADES, CORRECTIONS):
        _append_only(table)


def _append_only(table: str) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        # INSERT OR REPLACE on a taken id, as 0006 refuses it for the other history tables
        op.execute(
            f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id) "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )
    elif dialect == "postgresql":
        # workbench_append_only() comes from 0001
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION workbench_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION workbench_append_only()"
        )
        op.execute(
            f"""
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{REVIEWER_GROUP}') THEN
                    EXECUTE 'GRANT SELECT, INSERT ON {table} TO {REVIEWER_GROUP}';
                    EXECUTE 'GRANT USAGE, SELECT ON SEQUENCE {table}_id_seq TO {REVIEWER_GROUP}';
                END IF;
            END $$
            """
        )
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_visible ON {table} FOR SELECT USING (true)")
        op.execute(
            f"CREATE POLICY {table}_own_rows ON {table} FOR INSERT "
            "WITH CHECK (reviewer = current_user::text)"
        )


def downgrade() -> None:
    op.drop_table(CORRECTIONS)
    op.drop_table(GRADES)
