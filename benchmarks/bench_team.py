"""Sustained verdict throughput with several reviewer processes on one database.

Each writer commits one verdict per transaction (as the review UI does) and prints
an acknowledgement after the commit; throughput = acknowledged verdicts / seconds.

    python benchmarks/bench_team.py [--seconds 10] [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import Claim, Report  # noqa: E402
from workbench.store import open_engine  # noqa: E402
from workbench.store.reports import store_reports  # noqa: E402

WRITER = ROOT / "tests" / "team" / "verdict_writer.py"


def seed(url: str) -> None:
    report = Report(text="A monitor said many things.")
    claims = [Claim(report_id=report.id, text=f"claim {i}", span=(i, i + 1)) for i in range(500)]
    with open_engine(url).begin() as connection:
        store_reports(connection, [report], {report.id: claims})


def run(url: str, writers: int, seconds: float) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, f"r{i}", str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(writers)
    ]
    acked = 0
    for proc in procs:
        out, _ = proc.communicate()
        acked += sum(line.startswith("ack ") for line in out.splitlines())
    return acked / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = str(Path(tmp) / "team.db")
        seed(sqlite)
        for writers in (1, 2):
            rate = run(sqlite, writers, args.seconds)
            print(f"sqlite      {writers} writer(s): {rate:8.0f} verdicts/s sustained")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{args.pg}?options=-csearch_path%3D{schema}"
        seed(url)
        for writers in (1, 8):
            rate = run(url, writers, args.seconds)
            print(f"postgresql  {writers} writer(s): {rate:8.0f} verdicts/s sustained")
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
