"""Several reviewer processes write at once; one is SIGKILLed; no acknowledged verdict is lost
or stored twice (PostgreSQL with 8 writers, one SQLite file with 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from models import Claim, Report
from tests.conftest import ROOT
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import verdict_history

WRITER = Path(__file__).with_name("verdict_writer.py")
SECONDS = 6.0


def _seed(url: str) -> None:
    report = Report(text="A monitor said many things.")
    claims = [Claim(report_id=report.id, text=f"claim {i}", span=(i, i + 1)) for i in range(50)]
    with open_engine(url).begin() as connection:
        store_reports(connection, [report], {report.id: claims})


def _run_reviewers(url: str, count: int) -> list[str]:
    """Start ``count`` writers, SIGKILL the first mid-way; return acknowledged tokens."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, f"reviewer{i}", str(SECONDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(count)
    ]
    victim = procs[0]
    assert victim.stdout is not None
    assert victim.stdout.readline().strip() == "ready"  # it has connected and migrated
    time.sleep(SECONDS / 3)
    victim.send_signal(signal.SIGKILL)
    acked: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        if proc is not victim:
            assert proc.returncode == 0, err
        acked += [line.split()[1] for line in out.splitlines() if line.startswith("ack ")]
    assert victim.returncode == -signal.SIGKILL
    return acked


def _check(url: str, acked: list[str]) -> None:
    with open_engine(url).connect() as connection:
        stored = Counter(v.note for v in verdict_history(connection))
    assert len(acked) > 20, "the writers barely ran"
    assert len(set(acked)) == len(acked)
    assert all(stored[token] == 1 for token in acked), "an acknowledged verdict was lost"
    assert all(count == 1 for count in stored.values())


@pytest.mark.postgres
def test_eight_reviewers_on_postgresql(pg_url: str) -> None:
    _seed(pg_url)
    acked = _run_reviewers(pg_url, 8)
    _check(pg_url, acked)


def test_two_reviewer_processes_on_one_sqlite_file(sqlite_url: str) -> None:
    _seed(sqlite_url)
    acked = _run_reviewers(sqlite_url, 2)
    _check(sqlite_url, acked)
