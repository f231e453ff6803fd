"""Grouping quality on real coverage: FA-KES reports of the Syrian war (CC BY 4.0).

Usage: python benchmarks/bench_grouping_real.py [CSV] [--undated] [--gold GOLD.csv]
       python benchmarks/bench_grouping_real.py LABELLED.jsonl [--undated]
       python benchmarks/bench_grouping_real.py corpora/fakes-syria/fakes-syria-reports.jsonl \
           --gold benchmarks/data/fakes_happenings.csv

CSV is the FA-KES CSV with its coded columns, as the argument or in FAKES_CSV (FA-KES, Abu
Salem et al., ICWSM 2019, Zenodo 2607278). Each row becomes a report (outlet, title, text,
published = the coded date; with --undated no date at all). Gold: articles with the same
coded date and location are one happening (noisy: a governorate can hold two happenings on
one day, and the coded date of one happening differs between outlets now and then); or,
with --gold, the happenings a reader decided (``benchmarks/data/fakes_happenings.csv``, see
``benchmarks/data/README.md``).

Any other labelled coverage scores the same way: a JSON Lines file of reports (``outlet``,
``title``, ``text``, ``published`` as YYYY-MM-DD or null, and ``happening``, a label that
reports of one happening share) is its own gold.

Printed for the default grouping by happening (``group_claims``) and for claim threads
alone (the claim-level clustering that was the default before): report-pair precision,
recall and F1 (a report's happening is the event holding most of its claims, or, as
lead_*, the event of its first claim; also for the report clusters themselves), and
claim-level B-cubed precision and recall (a claim's gold is its report's happening).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from models import Claim, Report  # noqa: E402
from workbench.events.features import extract_features  # noqa: E402
from workbench.events.grouping import automatic_groups  # noqa: E402
from workbench.events.happenings import happening_labels  # noqa: E402
from workbench.events.threads import claim_threads  # noqa: E402
from workbench.extract import extract_claims, load_registry  # noqa: E402

# The FA-KES CSV with its crowd-coded columns: an argument, or this variable.
DEFAULT_CSV = os.environ.get("FAKES_CSV")


def pair_scores(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against gold labels."""
    joint = Counter((pred[item], gold[item]) for item in gold)
    both = sum(c * (c - 1) // 2 for c in joint.values())
    predicted = sum(c * (c - 1) // 2 for c in Counter(pred[i] for i in gold).values())
    true = sum(c * (c - 1) // 2 for c in Counter(gold.values()).values())
    p = both / predicted if predicted else 1.0
    r = both / true if true else 1.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0}


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    cp, cg = Counter(pred[i] for i in gold), Counter(gold.values())
    joint = Counter((pred[i], gold[i]) for i in gold)
    p = sum(joint[(pred[i], gold[i])] / cp[pred[i]] for i in gold) / len(gold)
    r = sum(joint[(pred[i], gold[i])] / cg[gold[i]] for i in gold) / len(gold)
    return {"bP": round(p, 3), "bR": round(r, 3)}


def score_groups(
    groups: Sequence[Sequence[str]],
    claims: Sequence[Claim],
    reports: Sequence[Report],
    gold: Mapping[str, Hashable],
) -> dict[str, float]:
    event = {claim_id: number for number, group in enumerate(groups) for claim_id in group}
    per_report: dict[str, Counter[int]] = defaultdict(Counter)
    lead: dict[str, Claim] = {}
    for claim in claims:
        per_report[claim.report_id][event[claim.id]] += 1
        if claim.report_id not in lead or claim.span[0] < lead[claim.report_id].span[0]:
            lead[claim.report_id] = claim
    by_majority: dict[str, Hashable] = {
        r.id: per_report[r.id].most_common(1)[0][0] if per_report[r.id] else ("alone", r.id)
        for r in reports
    }
    by_lead: dict[str, Hashable] = {
        r.id: event[lead[r.id].id] if r.id in lead else ("alone", r.id) for r in reports
    }
    claim_gold = {claim.id: gold[claim.report_id] for claim in claims}
    return {
        **pair_scores(by_majority, gold),
        **{f"lead_{k}": v for k, v in pair_scores(by_lead, gold).items()},
        **bcubed(event, claim_gold),
    }


def group_by_happening(claims: list[Claim], reports: dict[str, Report]) -> list[list[str]]:
    return automatic_groups(claims, reports)


def group_by_threads(claims: list[Claim], reports: dict[str, Report]) -> list[list[str]]:
    threads = claim_threads(extract_features(claims, reports))
    groups: dict[int, list[str]] = defaultdict(list)
    for claim, thread in zip(claims, threads, strict=True):
        groups[thread].append(claim.id)
    return list(groups.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--undated", action="store_true", help="give the reports no date")
    parser.add_argument(
        "--gold",
        type=Path,
        help="a CSV of row,happening (row: 0-based row of the FA-KES CSV) to score against "
        "instead of the date and location groups, e.g. benchmarks/data/fakes_happenings.csv",
    )
    args = parser.parse_args()
    if args.csv is None:
        parser.error("give the FA-KES CSV (or set FAKES_CSV)")
    labelled = False
    if args.csv.suffix == ".jsonl":
        frame = pd.read_json(args.csv, lines=True, dtype={"published": str})
        labelled = "happening" in frame.columns
        if not labelled and args.gold is None:  # the bundled corpus: no governorate
            parser.error(f"{args.csv}: no 'happening' field and no location: give --gold")
        frame = frame.rename(
            columns={"outlet": "source", "title": "article_title", "text": "article_content"}
        )
        dates = pd.to_datetime(frame["published"], errors="coerce")
        frame["date"] = dates.dt.strftime("%m/%d/%y").where(dates.notna(), "")
        if labelled:  # a report without a label is a happening of its own
            missing = frame["happening"].isna()
            frame["location"] = frame["happening"].astype(str)
            frame.loc[missing, "location"] = [f"unlabelled {i}" for i in frame.index[missing]]
        else:
            frame["location"] = ""
    else:
        frame = pd.read_csv(args.csv)
    registry = load_registry()
    reports, claims, gold = [], [], {}
    relabel = None
    if args.gold is not None:
        happenings = pd.read_csv(args.gold)
        relabel = dict(zip(happenings["row"], happenings["happening"], strict=True))
        if set(relabel) != set(range(len(frame))):
            parser.error(f"{args.gold}: its rows do not cover the CSV's {len(frame)} rows")
    for number, row in enumerate(frame.itertuples()):
        published = (
            None if args.undated or not row.date else datetime.strptime(row.date, "%m/%d/%y").date()
        )
        report = Report(
            outlet=row.source,
            title=row.article_title,
            text=row.article_content,
            published=published,
        )
        reports.append(report)
        if relabel:
            gold[report.id] = relabel[number]
        else:  # a labelled file's own label, else FA-KES's coded date and place
            gold[report.id] = row.location if labelled else (row.date, row.location)
        claims.extend(extract_claims(report, registry))
    by_id = {report.id: report for report in reports}
    print(
        json.dumps(
            {
                "reports": len(reports),
                "claims": len(claims),
                "undated": args.undated,
                "gold": str(args.gold)
                if args.gold
                else ("its happening labels" if labelled else "date and location"),
            }
        )
    )
    for name, group in (
        ("by happening (default)", group_by_happening),
        ("claim threads alone (the earlier default)", group_by_threads),
    ):
        start = time.perf_counter()
        groups = group(claims, by_id)
        seconds = time.perf_counter() - start
        print(
            json.dumps(
                {
                    "grouping": name,
                    **score_groups(groups, claims, reports, gold),
                    "seconds": round(seconds, 2),
                }
            )
        )
    labels = happening_labels(reports)
    clusters = {report.id: label for report, label in zip(reports, labels, strict=True)}
    print(json.dumps({"grouping": "report clusters alone", **pair_scores(clusters, gold)}))


if __name__ == "__main__":
    main()
