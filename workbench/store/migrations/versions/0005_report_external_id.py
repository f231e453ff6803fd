"""A report's own id from the tool it came from, and the fields the workbench does not use.

JSONL exports of other tools carry an ``id`` and fields of their own; ingest keeps the
id as ``external_id`` (shown and exported) and the other fields in ``extra`` (JSON),
instead of refusing the file. Existing reports get an empty id and no extra fields.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: no batch copy, so SQLite keeps its triggers.
    op.add_column("reports", sa.Column("external_id", sa.Text, nullable=False, server_default=""))
    op.add_column("reports", sa.Column("extra", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("extra")
        batch.drop_column("external_id")
