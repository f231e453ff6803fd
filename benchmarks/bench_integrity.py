"""Integrity costs and limits: a report of many claims in the review UI, the guards on input.

Prints, for one report holding N claims (default 100,000) on SQLite:

- build: writing the report and its claims;
- first_item / load_queue / load_event: the review session's three reads when the UI
  opens (the first part of the report, the whole queue, one part's claims);
- parts and cards: how many queue entries the report became, the most cards one holds;

and for the input guards:

- a few hundred bytes of nested YAML aliases ("billion laughs"): time to refuse them;
- six processes opening one new SQLite database at once: wall time, failures (0 expected).

    python benchmarks/bench_integrity.py [--claims 100000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OPEN = "from workbench.store import open_engine; open_engine(__import__('sys').argv[1])"


def _timed(label: str, call):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = call()
    print(f"{label:<34} {time.perf_counter() - started:8.2f} s")
    return result


def big_report(folder: Path, claims: int) -> None:
    from tests.integrity.big_report import big_report_db
    from workbench.tui.session import PAGE_CLAIMS, ReviewSession

    db = str(folder / "big.db")
    _timed(f"build ({claims:,} claims, one report)", lambda: big_report_db(db, claims))
    session = ReviewSession.open(db, "bench")
    _timed("first_item", session.first_item)
    items = _timed("load_queue", session.load_queue)
    detail = _timed("load_event (one part)", lambda: session.load_event(items[0]))
    print(f"{'parts / most cards in one':<34} {len(items):>8} / {len(detail.claims)}")
    assert len(detail.claims) <= PAGE_CLAIMS


def laughs(folder: Path) -> None:
    from workbench.errors import InputError
    from workbench.ingest.readers import read_report_file

    levels = "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    text = f"---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n{levels}title: *i\n---\nx\n"
    path = folder / "laughs.md"
    path.write_text(text, encoding="utf-8")

    def refuse() -> str:
        try:
            read_report_file(path)
        except InputError as error:
            return str(error)
        return "accepted"

    message = _timed(f"billion laughs ({path.stat().st_size} bytes)", refuse)
    print(f"{'':<34} {message.split(': ', 1)[1]}")


def six_openers(folder: Path) -> None:
    db = str(folder / "new.db")
    started = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-c", OPEN, db], cwd=ROOT) for _ in range(6)]
    failed = sum(child.wait() != 0 for child in children)
    print(
        f"{'six openers of a new database':<34} {time.perf_counter() - started:8.2f} s, "
        f"{failed} failed"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        big_report(folder, args.claims)
        laughs(folder)
        six_openers(folder)


if __name__ == "__main__":
    main()
