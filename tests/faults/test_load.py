"""Load faults: writers racing on one SQLite file wait their turn instead of dying, and a
50 MB report ingests in bounded memory."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import CORPUS, ROOT, SEED
from tests.faults.helpers import assert_one_line, run, sqlite_state


def _writers(db: Path, commands: list[list[str]]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "workbench", *args, "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for args in commands
    ]
    for process in processes:
        _out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err.decode()


def _export(db: Path, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(run("export", "--db", str(db), *args).stdout)))


def test_four_writers_on_a_new_sqlite_file_all_succeed(tmp_path: Path) -> None:
    """Four ingests start at once on a file that does not exist yet: they create and
    migrate it and store their reports one after the other, none dies of a lock."""
    for round_ in range(3):
        db = tmp_path / f"new-{round_}.db"
        reports = []
        for i in range(4):
            report = tmp_path / f"r{round_}-{i}.txt"
            report.write_text(f"Officials said {i + 3} people were hurt in town {i}.\n")
            reports.append(report)
        _writers(db, [["ingest", str(report)] for report in reports])
        assert len({row["report_id"] for row in _export(db)}) == 4


def test_four_writers_that_read_then_write_all_succeed(tmp_path: Path) -> None:
    """Verdict imports read the history, then append: each waits for the lock and none
    writes a row twice."""
    db = tmp_path / "shared.db"
    assert run("ingest", str(SEED), "--db", str(db)).code == 0
    claims = [row["claim_id"] for row in _export(db)]
    path = tmp_path / "verdicts.csv"
    lines = ["claim_id,verdict,reviewer,note,time"]
    lines += [f"{c},corroborated,ana,n{k},2026-01-01T00:00:00+00:00" for k, c in enumerate(claims)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _writers(db, [["verdicts", "import", str(path)] for _ in range(4)])
    # The same file four times: the history holds each verdict once.
    assert len(_export(db, "--reviewed-only")) == len(claims)
    with sqlite3.connect(db) as connection:
        (rows,) = connection.execute("SELECT count(*) FROM verdicts").fetchone()
    assert rows == len(claims)


def test_a_50_mb_report_ingests_in_under_1_gb(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    block = "\n\n".join(texts) + "\n\n"
    report = tmp_path / "huge.txt"
    with report.open("w", encoding="utf-8") as handle:
        written = 0
        while written < 50 * 2**20:
            handle.write(block)
            written += len(block)
    db = tmp_path / "huge.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "ingest", str(report), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert os.waitstatus_to_exitcode(status) == 0, stderr
    assert usage.ru_maxrss < 1024 * 1024, f"peak memory {usage.ru_maxrss / 1024:.0f} MiB"
    assert "ingested 1 new report" in stderr
    shutil.rmtree(tmp_path, ignore_errors=True)


def _hold_lock(db: Path, seconds: float) -> threading.Thread:
    """Another program takes the write lock on ``db`` for ``seconds``."""
    locked = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(db, isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        locked.set()
        time.sleep(seconds)
        connection.execute("ROLLBACK")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(10)
    return thread


def test_a_writer_waits_for_a_lock_held_by_another_program(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    assert run("ingest", str(SEED), "--db", str(db)).code == 0
    report = tmp_path / "new.txt"
    report.write_text("Officials said 4 people were hurt.\n", encoding="utf-8")
    holder = _hold_lock(db, 2.0)
    started = time.monotonic()
    result = run("ingest", str(report), "--db", str(db))
    holder.join()
    assert result.code == 0, result.stderr
    assert time.monotonic() - started >= 1.5  # it waited rather than failing


def test_a_lock_held_past_the_wait_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    assert run("ingest", str(SEED), "--db", str(db)).code == 0
    report = tmp_path / "new.txt"
    report.write_text("Officials said 4 people were hurt.\n", encoding="utf-8")
    before = sqlite_state(db)
    holder = _hold_lock(db, 4.0)
    result = run("ingest", str(report), "--db", str(db), env={"WORKBENCH_BUSY_TIMEOUT": "0.5"})
    holder.join()
    assert_one_line(result, 2, "database is busy", str(db), "WORKBENCH_BUSY_TIMEOUT")
    assert sqlite_state(db) == before
    bad = run("export", "--db", str(db), env={"WORKBENCH_BUSY_TIMEOUT": "soon"})
    assert_one_line(bad, 2, "WORKBENCH_BUSY_TIMEOUT='soon'")


def test_a_reader_left_open_blocks_no_writer(tmp_path: Path) -> None:
    """Readers begin deferred: one left open (a slow export, a forgotten connection)
    holds no lock, so writers go ahead at once."""
    from sqlalchemy import text

    from workbench.store import open_engine

    db = tmp_path / "reader.db"
    assert run("ingest", str(SEED), "--db", str(db)).code == 0
    reader = open_engine(str(db)).connect()
    try:
        assert reader.scalar(text("SELECT count(*) FROM claims"))
        report = tmp_path / "new.txt"
        report.write_text("Officials said 4 people were hurt.\n", encoding="utf-8")
        result = run("ingest", str(report), "--db", str(db), env={"WORKBENCH_BUSY_TIMEOUT": "1"})
        assert result.code == 0, result.stderr
    finally:
        reader.close()
