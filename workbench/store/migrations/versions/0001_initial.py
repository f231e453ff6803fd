"""Initial schema: reports, sources, claims, verdicts, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Append-only tables: the database itself refuses UPDATE and DELETE, so no code
# path (ours or a user's SQL console) can rewrite review history.
_APPEND_ONLY = ("verdicts", "event_edits")


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("outlet", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("url", sa.Text, nullable=False, server_default=""),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("dateline", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("origin_path", sa.Text, nullable=False, server_default=""),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False, server_default="unknown"),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("report_id", sa.String(40), sa.ForeignKey("reports.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False, server_default=""),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("cue", sa.String(80), nullable=False, server_default=""),
        sa.Column("modality", sa.String(20), nullable=False, server_default="asserted"),
        sa.Column("quantities", sa.JSON, nullable=False),
        sa.Column("caveats", sa.JSON, nullable=False),
        sa.Column("places", sa.JSON, nullable=False),
        sa.Column("time_expression", sa.Text, nullable=False, server_default=""),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_claims_report_id", "claims", ["report_id"])
    op.create_table(
        "claim_sources",
        sa.Column("claim_id", sa.String(40), sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("source", sa.String(300), sa.ForeignKey("sources.name"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_claim_sources_source", "claim_sources", ["source"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(40), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("label", sa.String(40), nullable=True),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_verdicts_claim_reviewer", "verdicts", ["claim_id", "reviewer", "id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "event_claims",
        sa.Column("claim_id", sa.String(40), sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id"), nullable=False),
    )
    op.create_index("ix_event_claims_event_id", "event_claims", ["event_id"])
    op.create_table(
        "event_edits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in _APPEND_ONLY:
        _forbid_rewrites(table)


def _forbid_rewrites(table: str) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION workbench_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION workbench_append_only()"
        )


def downgrade() -> None:
    for table in (
        "event_edits",
        "event_claims",
        "events",
        "verdicts",
        "claim_sources",
        "claims",
        "sources",
        "reports",
    ):
        op.drop_table(table)
