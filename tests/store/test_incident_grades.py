"""Incident grades on SQLite and PostgreSQL: appended, newest current, never rewritten."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models import IncidentGrade, IncidentGradeLabel
from workbench.store import open_engine
from workbench.store.incident_grades import append_grade, current_grades


def _grade(reviewer: str, label: IncidentGradeLabel | None, **more: object) -> IncidentGrade:
    return IncidentGrade(event_id="ev-ariha", reviewer=reviewer, grade=label, **more)  # type: ignore[arg-type]


def test_newest_grade_per_reviewer_is_current_and_withdrawal_drops_it(db_url: str) -> None:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        append_grade(connection, _grade("ana", IncidentGradeLabel.WEAK))
        append_grade(
            connection,
            _grade(
                "ana",
                IncidentGradeLabel.FAIR,
                civilians_min=38,
                civilians_max=52,
                belligerent="Russia",
                claim_ids=("c1", "c2"),
            ),
        )
        append_grade(connection, _grade("bo", IncidentGradeLabel.CONTESTED))
        append_grade(connection, _grade("bo", None))  # bo withdraws
    with engine.connect() as connection:
        grades = current_grades(connection)
        assert [(g.reviewer, g.grade) for g in grades] == [("ana", IncidentGradeLabel.FAIR)]
        fair = grades[0]
        assert (fair.civilians_min, fair.civilians_max, fair.belligerent) == (38, 52, "Russia")
        assert fair.claim_ids == ("c1", "c2")
        assert current_grades(connection, "bo") == []
        rows = connection.execute(text("SELECT count(*) FROM incident_grades")).scalar_one()
        assert rows == 4  # nothing was overwritten
    engine.dispose()


@pytest.mark.parametrize(
    "statement",
    ["UPDATE incident_grades SET grade = 'confirmed'", "DELETE FROM incident_grades"],
)
def test_the_database_refuses_to_rewrite_grades(db_url: str, statement: str) -> None:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        append_grade(connection, _grade("ana", IncidentGradeLabel.WEAK))
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    with engine.connect() as connection:
        assert [g.grade for g in current_grades(connection)] == [IncidentGradeLabel.WEAK]
    engine.dispose()


def test_a_toll_whose_minimum_is_above_its_maximum_is_refused() -> None:
    with pytest.raises(ValidationError, match="above the maximum"):
        _grade("ana", IncidentGradeLabel.FAIR, civilians_min=60, civilians_max=52)
