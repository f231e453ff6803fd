"""Shared fixtures: databases on both backends, the bundled corpus, a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
SEED = CORPUS / "palmyra-2016" / "observatory-sana-palmyra.txt"

# CI and every developer machine run PostgreSQL here; these tests never skip.
PG_URL = os.environ.get("WORKBENCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's default database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "workbench.db")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema per test, so tests never see each other's rows."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs on SQLite and on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    raw_stdout: bytes


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    """Run the real console entry point in a child process, as a user's shell would."""
    full_env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_DB"}
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        env=full_env,
        input=stdin.encode() if stdin is not None else None,
        timeout=300,
        check=False,
    )
    return Result(
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
        done.stdout,
    )
