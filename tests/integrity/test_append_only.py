"""History cannot be rewritten by any statement: UPDATE, DELETE, upsert, TRUNCATE
(PostgreSQL) and INSERT OR REPLACE / REPLACE INTO (SQLite), on every append-only table."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.integrity.helpers import CLAIM, stored_claim
from workbench.store.schema import APPEND_ONLY_TABLES
from workbench.store.verdicts import verdict_history

ROWS = {
    "verdicts": (
        "(id, claim_id, reviewer, label, evidence, note, created_at, role)",
        f"(1, '{CLAIM.id}', 'mallory', 'refuted', '[]', 'rewritten', "
        "'2020-01-01 00:00:00', 'review')",
    ),
    "event_edits": (
        "(id, kind, payload, reviewer, created_at)",
        "(1, 'split', '{}', 'mallory', '2020-01-01 00:00:00')",
    ),
    "review_requests": (
        "(id, claim_id, kind, requested_by, created_at)",
        f"(1, '{CLAIM.id}', 'second_review', 'mallory', '2020-01-01 00:00:00')",
    ),
    "incident_grades": (
        "(id, event_id, reviewer, grade, belligerent, note, claim_ids, created_at)",
        "(1, 'ev-1', 'mallory', 'fair', '', 'rewritten', '[]', '2020-01-01 00:00:00')",
    ),
    "claim_corrections": (
        "(id, kind, claim_id, payload, reviewer, created_at)",
        f"(1, 'reject', '{CLAIM.id}', '{{}}', 'mallory', '2020-01-01 00:00:00')",
    ),
}


def _first_rows(engine) -> dict[str, list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        for table, (columns, values) in ROWS.items():
            if table != "verdicts":
                connection.execute(text(f"INSERT INTO {table} {columns} VALUES {values}"))
    with engine.connect() as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))]
            for table in APPEND_ONLY_TABLES
        }


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE INTO", "REPLACE INTO"])
def test_sqlite_refuses_replace_of_an_existing_row(sqlite_url: str, table: str, verb: str) -> None:
    engine = stored_claim(sqlite_url)
    before = _first_rows(engine)
    columns, values = ROWS[table]
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(f"{verb} {table} {columns} VALUES {values}"))
    assert _first_rows_unchanged(engine, before)


def _first_rows_unchanged(engine, before) -> bool:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        after = {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))]
            for table in APPEND_ONLY_TABLES
        }
    return after == before


@pytest.mark.postgres
@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_postgres_refuses_truncate(pg_url: str, table: str) -> None:
    engine = stored_claim(pg_url)
    before = _first_rows(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {table} CASCADE"))
    assert _first_rows_unchanged(engine, before)


def test_a_new_row_is_still_appended(db_url: str) -> None:
    """The guards refuse rewrites only: ordinary appends (ids from the database) pass."""
    engine = stored_claim(db_url, verdicts=3)
    with engine.connect() as connection:
        assert len(verdict_history(connection)) == 3


@pytest.mark.postgres
def test_postgres_upsert_on_an_existing_id_is_refused(pg_url: str) -> None:
    engine = stored_claim(pg_url)
    columns, values = ROWS["verdicts"]
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(
            text(
                f"INSERT INTO verdicts {columns} VALUES {values} "
                "ON CONFLICT (id) DO UPDATE SET note = excluded.note"
            )
        )
    with engine.connect() as connection:
        assert [v.note for v in verdict_history(connection)] == [""]
