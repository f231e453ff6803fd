"""Team review: verdict roles (review, adjudication) and second-review requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows are ordinary reviews; the default keeps them so.
    with op.batch_alter_table("verdicts") as batch:
        batch.add_column(sa.Column("role", sa.String(20), nullable=False, server_default="review"))
    op.create_table(
        "review_requests",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(40), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, server_default="second_review"),
        sa.Column("requested_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_review_requests_claim_id", "review_requests", ["claim_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # batch mode recreated the verdicts table, dropping its triggers: put them back.
        for table in ("verdicts", "review_requests"):
            for action in ("UPDATE", "DELETE"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action.lower()}")
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            "CREATE TRIGGER review_requests_append_only BEFORE UPDATE OR DELETE ON "
            "review_requests FOR EACH ROW EXECUTE FUNCTION workbench_append_only()"
        )


def downgrade() -> None:
    op.drop_table("review_requests")
    with op.batch_alter_table("verdicts") as batch:
        batch.drop_column("role")
