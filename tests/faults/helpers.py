"""FaultError injection helpers: run the real CLI under a fault, check the one-line error and
that the database is exactly as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.conftest import ROOT, Result

ERROR_PREFIX = "workbench: error: "


def run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
    prefix: Sequence[str] = (),
    timeout: float = 120,
) -> Result:
    """The console entry point in a child process (optionally wrapped by ``prefix``)."""
    full_env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_DB"}
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "workbench", *args],
        capture_output=True,
        env=full_env,
        input=stdin,
        timeout=timeout,
        check=False,
        preexec_fn=preexec,
    )
    return Result(
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
        done.stdout,
    )


def assert_one_line(result: Result, code: int, *needles: str) -> str:
    """Exactly one line on stderr (log lines of the scoring library aside), the error
    prefix, no traceback, the exit code, and every needle in the line."""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("scoring: ")]
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith(ERROR_PREFIX), line
    assert "Traceback" not in result.stderr
    assert result.code == code, (result.code, line)
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def sqlite_state(path: Path) -> str:
    """A digest of what the file holds: its rows as SQL if SQLite can read it (a failed
    write may leave a rolled-back WAL frame, which is not content), else its bytes."""
    if not path.exists():
        return "absent"
    try:
        copy = Path(tempfile.mkdtemp()) / path.name  # not beside it: that disk may be full
        shutil.copyfile(path, copy)
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                shutil.copyfile(side, Path(str(copy) + suffix))
        connection = sqlite3.connect(copy)
        try:
            dump = "\n".join(connection.iterdump())
        finally:
            connection.close()
            shutil.rmtree(copy.parent, ignore_errors=True)
        return hashlib.sha256(dump.encode()).hexdigest()
    except sqlite3.DatabaseError:
        return hashlib.sha256(path.read_bytes()).hexdigest()


def pg_state(url: str) -> dict[str, int]:
    """Row count of every table in the URL's schema (PostgreSQL)."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection:
            tables = connection.scalars(
                text(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema() ORDER BY table_name"
                )
            ).all()
            return {
                t: int(connection.scalar(text(f'SELECT count(*) FROM "{t}"')) or 0) for t in tables
            }
    finally:
        engine.dispose()


def without_file_permission_override() -> Callable[[], None] | None:
    """A pre-exec hook that drops root's power to ignore file permissions (so a read-only
    file is read-only to the child too); None when not running as root."""
    if os.geteuid() != 0:
        return None

    def drop() -> None:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_capbset_drop = 24
        for capability in range(0, 41):  # every capability: permissions apply as to anyone
            libc.prctl(pr_capbset_drop, capability, 0, 0, 0)

    return drop
