"""PostgreSQL: a reviewer role grades incidents under its own name only, and never rewrites."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests.team.test_database_roles import Team, _sql, team  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres


def _grade(reviewer: str) -> text:
    return text(
        "INSERT INTO incident_grades (event_id, reviewer, grade, belligerent, note, claim_ids, "
        "created_at) VALUES ('ev-1', :who, 'fair', '', '', '[]', :now)"
    ).bindparams(who=reviewer, now=datetime.now(UTC))


@pytest.mark.parametrize(
    ("statement", "refusal"),
    [
        ("as another reviewer", "row-level security"),
        ("UPDATE incident_grades SET grade = 'confirmed'", "permission denied"),
        ("DELETE FROM incident_grades", "permission denied"),
    ],
)
def test_a_reviewer_role_grades_only_as_itself(
    team: Team,  # noqa: F811 - the fixture imported above
    statement: str,
    refusal: str,
) -> None:
    engine = create_engine(_sql(team.bo))
    try:
        with engine.begin() as connection:
            connection.execute(_grade(team.names["bo"]))  # its own grade: allowed
        rogue = _grade(team.names["ana"]) if statement.startswith("as ") else text(statement)
        with pytest.raises(DBAPIError, match=refusal), engine.begin() as connection:
            connection.execute(rogue)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT reviewer, grade FROM incident_grades")).all()
        assert [tuple(r) for r in rows] == [(team.names["bo"], "fair")]
    finally:
        engine.dispose()
