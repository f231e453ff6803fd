"""Claim-extraction quality on hand-annotated reports: P/R/F1 and field accuracies.

Usage: python benchmarks/bench_extract_quality.py [--errors] [--split dev|heldout|seed]
       [--batch ID_PREFIX]   (one batch, e.g. --batch ho3- for the third held-out batch)

Gold items with a "toll" field ({"killed": N|null, "injured": N|null}, the real FA-KES
gold) are also scored on the report's main toll (workbench.extract.tolls.report_toll).

Data: tests/extract/data/wire_gold.jsonl (invented wire-style reports, marked
"invented": true, split into a dev half used while building the rules and a
held-out half that was written at the same time and not tuned on) and
tests/extract/data/palmyra_expected.json (the seed). Matching is by overlap with
the gold anchor (workbench.extract.evaluation).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.extract import extract_claims, load_registry  # noqa: E402
from workbench.extract.evaluation import (  # noqa: E402
    Scores,
    load_gold,
    report_of,
    score_report,
    toll_right,
)
from workbench.extract.tolls import report_toll  # noqa: E402

DATA = ROOT / "tests" / "extract" / "data"


def evaluate(split: str, batch: str = "", gold: Path = DATA / "wire_gold.jsonl") -> Scores:
    """Scores summed over every gold report of one split (or of one batch: an id prefix)."""
    items = (
        load_gold(DATA / "palmyra_expected.json")
        if split == "seed"
        else [
            g
            for g in load_gold(gold)
            if g["split"] == split and (g["id"].startswith(batch) or g.get("batch") == batch)
        ]
    )
    total = Scores()
    for item in items:
        registry = load_registry()
        report = report_of(item)
        scores = score_report(report.text, item, extract_claims(report, registry), item["id"])
        if "toll" in item:
            toll = report_toll(report)
            scores.tolls = 1
            if toll_right(item, toll.killed, toll.injured):
                scores.tolls_right = 1
            else:
                scores.errors.append(
                    f"{item['id']}: toll killed {toll.killed} != {item['toll'].get('killed')}"
                    f" ({toll.sentence[:80]!r})"
                )
            gold_injured = item["toll"].get("injured")
            if (toll.injured is None and gold_injured is None) or (
                toll.injured is not None
                and gold_injured is not None
                and abs(toll.injured - gold_injured) < 1e-6
            ):
                scores.injured_right = 1
        total.add(scores)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--split", choices=["seed", "dev", "heldout"], action="append")
    parser.add_argument(
        "--batch",
        default="",
        help='only reports whose id starts with this (or whose "batch" field is this)',
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=DATA / "wire_gold.jsonl",
        help="a gold file of the same shape (JSON lines), e.g. your own annotated reports",
    )
    args = parser.parse_args()
    for split in args.split or ["seed", "dev", "heldout"]:
        scores = evaluate(split, args.batch, args.gold)
        label = {"split": split, "batch": args.batch} if args.batch else {"split": split}
        print(json.dumps({**label, **scores.summary()}))
        if args.errors:
            for error in scores.errors:
                print("   ", error)


if __name__ == "__main__":
    main()
