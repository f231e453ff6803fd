"""Death tolls on real reports: the extracted main toll against the crowd-coded count.

Usage: python benchmarks/bench_fakes_tolls.py [CSV] [--errors N] [--no-title]

Data: FA-KES (Abu Salem, Al Feel, Elbassuoni, Jaber, Farah, ICWSM 2019; Zenodo 2607278,
CC BY 4.0): its CSV (input/fakes.csv of the record, or any part of it with the same columns),
given as the argument or in the FAKES_CSV environment variable.
Each article's crowd-coded deaths of its main happening are ``nb_civilians`` +
``nb_noncivilians`` (children and women are subgroups of the civilians). The extracted
toll is ``workbench.extract.tolls.report_toll``: the killed figure of the first sentence
(headline included) that gives one for a happening, or a later update of it ("rose to");
a report that gives none counts as 0. A report is right when the two are equal.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import Report  # noqa: E402
from workbench.extract.tolls import report_toll  # noqa: E402

# The FA-KES CSV with its crowd-coded columns: an argument, or this variable.
DEFAULT = os.environ.get("FAKES_CSV")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print this many mismatches")
    parser.add_argument("--no-title", action="store_true", help="ignore the article titles")
    args = parser.parse_args()
    if args.csv is None:
        parser.error("give the FA-KES CSV (or set FAKES_CSV)")
    csv.field_size_limit(sys.maxsize)
    with args.csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    right = 0
    errors: list[str] = []
    started = time.perf_counter()
    for row in rows:
        gold = int(float(row["nb_civilians"])) + int(float(row["nb_noncivilians"]))
        report = Report(
            text=row["article_content"],
            outlet=row["source"],
            title="" if args.no_title else row["article_title"],
        )
        toll = report_toll(report)
        got = int(toll.killed) if toll.killed is not None else 0
        if got == gold:
            right += 1
        else:
            errors.append(
                f"{row['unit_id']}: got {got} gold {gold} | {row['article_title'][:70]}"
                f" | {toll.sentence[:160]}"
            )
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "reports": len(rows),
                "toll_equal": right,
                "toll_accuracy": round(right / len(rows), 3) if rows else 0.0,
                "seconds": round(elapsed, 2),
            }
        )
    )
    for line in errors[: args.errors]:
        print("   ", line)


if __name__ == "__main__":
    main()
