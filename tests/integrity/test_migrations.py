"""Migrations under concurrency and failure, and databases that are not ours.

Six processes opening one new database at once all succeed (a lock around the
migration); a migration failing half-way leaves the previous revision intact; another
program's file is refused with one line and left byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import ROOT, run_cli
from workbench.store import open_engine
from workbench.store.engine import create_db_engine, resolve_db_url
from workbench.store.migrate import current_revision, head_revision, upgrade

OPENERS = 6

# Each child sleeps until the same instant, then opens (and so migrates) the database.
_OPEN_AT = """
import sys, time
from workbench.store import open_engine
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
engine = open_engine(sys.argv[1])
with engine.connect() as connection:
    connection.exec_driver_sql("SELECT count(*) FROM verdicts").scalar()
"""


def _open_at_once(url: str) -> list[subprocess.CompletedProcess[bytes]]:
    start = time.time() + 3.0  # time for six interpreters to import everything
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AT, url, str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(OPENERS)
    ]
    done = []
    for child in children:
        out, err = child.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


def test_six_processes_open_a_new_sqlite_database_at_once(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    results = _open_at_once(str(path))
    assert [r.returncode for r in results] == [0] * OPENERS, [r.stderr[-300:] for r in results]
    assert current_revision(open_engine(str(path))) == head_revision()


@pytest.mark.postgres
def test_six_processes_open_a_new_postgres_schema_at_once(pg_url: str) -> None:
    results = _open_at_once(pg_url)
    assert [r.returncode for r in results] == [0] * OPENERS, [r.stderr[-300:] for r in results]
    assert current_revision(open_engine(pg_url)) == head_revision()


@pytest.mark.postgres
def test_a_schema_made_between_the_checks_two_reads_is_not_another_programs(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads the revision, then the tables. Another process that makes the whole
    schema in between must not look like another program's tables beside no revision."""
    from workbench.store import migrate

    engine = create_db_engine(resolve_db_url(pg_url))
    other = create_db_engine(resolve_db_url(pg_url))
    read_tables = migrate._columns

    def another_process_migrates_first(connection):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(migrate, "_columns", read_tables)  # once
        upgrade(other)  # commits the whole schema, revision included
        return read_tables(connection)

    monkeypatch.setattr(migrate, "_columns", another_process_migrates_first)
    migrate.check_schema(engine)  # sees one snapshot: no revision and no tables yet
    upgrade(engine)  # and then finds the schema made
    assert current_revision(engine) == head_revision()


def test_a_migration_failing_half_way_leaves_the_previous_revision(tmp_path: Path) -> None:
    """0002 adds verdicts.role, then creates review_requests; make the second step fail."""
    path = tmp_path / "old.db"
    engine = create_db_engine(resolve_db_url(str(path)))
    upgrade(engine, "0001")
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE review_requests (x)")  # in the way of 0002's create_table
    with pytest.raises(Exception, match="already exists"):
        upgrade(engine)
    with sqlite3.connect(path) as raw:
        columns = [row[1] for row in raw.execute("PRAGMA table_info(verdicts)")]
        raw.execute("DROP TABLE review_requests")
    assert current_revision(engine) == "0001"
    assert "role" not in columns  # the first half of 0002 was rolled back with the rest
    upgrade(engine)  # and the database is usable: the migration runs once the way is clear
    assert current_revision(engine) == head_revision()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "setup",
    [
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "CREATE VIEW answers AS SELECT 42 AS value",
        "PRAGMA application_id = 1096040532",
        "PRAGMA user_version = 7",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); "
        "INSERT INTO alembic_version VALUES ('ae1027a6acf')",
    ],
)
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path, setup: str) -> None:
    path = tmp_path / "theirs.db"
    with sqlite3.connect(path) as raw:
        raw.executescript(setup)
    raw.close()
    before = _digest(path)
    result = run_cli("verdicts", "status", "--db", str(path))
    assert result.code == 2, result.stderr
    assert "not a workbench database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(path) == before
    with sqlite3.connect(path) as raw:
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    raw.close()
    assert "reports" not in names


@pytest.mark.postgres
def test_postgres_migration_takes_an_advisory_lock(pg_url: str) -> None:
    """While another session holds the schema's migration lock, opening waits for it."""
    engine = create_db_engine(resolve_db_url(pg_url))
    with engine.connect() as holder:
        holder.execute(
            text("SELECT pg_advisory_lock(hashtext('workbench.migrate:' || current_schema()))")
        )
        child = subprocess.Popen(
            [sys.executable, "-c", _OPEN_AT, pg_url, "0"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(4)
        assert child.poll() is None  # waiting for the lock, not migrating beside us
        holder.execute(
            text("SELECT pg_advisory_unlock(hashtext('workbench.migrate:' || current_schema()))")
        )
        holder.commit()
    assert child.wait(timeout=120) == 0, child.stderr.read() if child.stderr else ""
