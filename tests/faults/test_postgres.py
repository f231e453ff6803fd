"""Fault injection against the real PostgreSQL server (127.0.0.1:5432): an unreachable port,
a missing database, an unknown host, an unknown role, and a role without privileges
(created and dropped by the test). One line, exit code 2, the database unchanged."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import PG_URL, SEED
from tests.faults.helpers import assert_one_line, pg_state, run

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize(
    ("url", "needles"),
    [
        (
            "postgresql://postgres@127.0.0.1:1/test",
            ("cannot reach the PostgreSQL server", "127.0.0.1:1", "port"),
        ),
        (
            "postgresql://postgres@127.0.0.1:5432/no_such_db_wb16",
            ("no database named 'no_such_db_wb16'", "createdb"),
        ),
        (
            "postgresql://postgres@no-such-host.invalid:5432/test",
            ("unknown database host", "no-such-host.invalid"),
        ),
        (
            "postgresql://no_such_role_wb16:pw@127.0.0.1:5432/test",
            ("no role 'no_such_role_wb16'", "team add-reviewer"),
        ),
    ],
    ids=["wrong-port", "missing-database", "unknown-host", "unknown-role"],
)
def test_connection_faults(url: str, needles: tuple[str, ...]) -> None:
    for command in (["export"], ["ingest", str(SEED)]):
        line = assert_one_line(run(*command, "--db", url), 2, *needles)
        assert ":pw@" not in line


@pytest.fixture
def stranger(pg_url: str) -> Iterator[str]:
    """A URL for a login role with no privilege on the workbench's schema."""
    role = f"wb_stranger_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        yield pg_url.replace("postgresql://postgres@", f"postgresql://{role}@", 1)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def test_role_without_privileges(pg_url: str, stranger: str) -> None:
    assert run("ingest", str(SEED), "--db", pg_url).code == 0
    before = pg_state(pg_url)
    for command in (["export"], ["ingest", str(SEED)], ["verdicts", "status"]):
        assert_one_line(run(*command, "--db", stranger), 2, "refused by the database", "wb_")
    assert pg_state(pg_url) == before
