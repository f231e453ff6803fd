"""Sources: the body a person speaks for, so their claims count as that body's origin.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both backends: no table rebuild, so SQLite's triggers stay.
    op.add_column(
        "sources", sa.Column("speaks_for", sa.String(300), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("speaks_for")
