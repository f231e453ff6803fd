"""Append-only incident grades; the current grade is the newest row per (event, reviewer)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, RowMapping, func, select

from models import IncidentGrade, IncidentGradeLabel
from workbench.store import schema


def grade_to_row(grade: IncidentGrade) -> dict[str, Any]:
    return {
        "event_id": grade.event_id,
        "reviewer": grade.reviewer,
        "grade": grade.grade.value if grade.grade else None,
        "civilians_min": grade.civilians_min,
        "civilians_max": grade.civilians_max,
        "belligerent": grade.belligerent,
        "note": grade.note,
        "claim_ids": list(grade.claim_ids),
        "created_at": grade.created_at,
    }


def row_to_grade(row: RowMapping) -> IncidentGrade:
    created = row["created_at"]
    if created.tzinfo is None:  # SQLite hands back naive datetimes; we store UTC
        created = created.replace(tzinfo=UTC)
    return IncidentGrade(
        id=row["id"],
        event_id=row["event_id"],
        reviewer=row["reviewer"],
        grade=IncidentGradeLabel(row["grade"]) if row["grade"] else None,
        civilians_min=row["civilians_min"],
        civilians_max=row["civilians_max"],
        belligerent=row["belligerent"],
        note=row["note"],
        claim_ids=tuple(row["claim_ids"]),
        created_at=created,
    )


def append_grade(connection: Connection, grade: IncidentGrade) -> IncidentGrade:
    """Append one row and return it with its id. Never updates or deletes."""
    table = schema.incident_grades
    new_id = connection.execute(
        table.insert().returning(table.c.id), grade_to_row(grade)
    ).scalar_one()
    return grade.model_copy(update={"id": new_id})


def current_grades(
    connection: Connection, reviewer: str | None = None, event_ids: Iterable[str] | None = None
) -> list[IncidentGrade]:
    """The newest grade per (event, reviewer), withdrawals dropped."""
    table = schema.incident_grades
    newest = select(func.max(table.c.id)).group_by(table.c.event_id, table.c.reviewer)
    if reviewer is not None:
        newest = newest.where(table.c.reviewer == reviewer)
    if event_ids is not None:
        newest = newest.where(table.c.event_id.in_(list(event_ids)))
    rows = connection.execute(
        select(table).where(table.c.id.in_(newest.scalar_subquery())).order_by(table.c.id)
    ).mappings()
    return [grade for grade in map(row_to_grade, rows) if grade.grade is not None]
