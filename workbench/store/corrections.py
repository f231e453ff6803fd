"""Append-only claim corrections: written once, read back in order, replayed on read."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import Connection, select

from models.correction import Correction
from workbench.store import schema

_COLUMNS = {"id", "kind", "claim_id", "reviewer", "created_at"}


def append_correction(connection: Connection, correction: Correction) -> Correction:
    """Append one row and return it with its id. Never updates or deletes."""
    payload = correction.model_dump(mode="json", exclude=_COLUMNS)
    table = schema.claim_corrections
    new_id = connection.execute(
        table.insert().returning(table.c.id),
        {
            "kind": correction.kind.value,
            "claim_id": correction.claim_id,
            "payload": payload,
            "reviewer": correction.reviewer,
            "created_at": correction.created_at,
        },
    ).scalar_one()
    return correction.model_copy(update={"id": new_id})


def load_corrections(connection: Connection) -> list[Correction]:
    """Every correction by every reviewer, oldest first (they fix the data for everyone)."""
    table = schema.claim_corrections
    found = []
    for row in connection.execute(select(table).order_by(table.c.id)).mappings():
        created = row["created_at"]
        if created.tzinfo is None:  # SQLite hands back naive datetimes; we store UTC
            created = created.replace(tzinfo=UTC)
        found.append(
            Correction.model_validate(
                {
                    **row["payload"],
                    "id": row["id"],
                    "kind": row["kind"],
                    "claim_id": row["claim_id"],
                    "reviewer": row["reviewer"],
                    "created_at": created,
                }
            )
        )
    return found
