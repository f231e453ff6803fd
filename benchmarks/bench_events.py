"""Benchmark: event grouping of 10,000 to 100,000 generated claims.

Usage:  python benchmarks/bench_events.py [--sizes 10000 25000 50000 100000] [--seed 7]

Every size runs in a fresh subprocess so its peak memory (ru_maxrss) is its own.
The corpus is GENERATED (invented places, outlets and happenings): each happening
(a type of incident at one place on one day, with parties and a casualty figure)
is reported by one to several outlets, each with a few differently worded claims,
plus unrelated statements. Reported per size: grouping wall and CPU time (features, blocking,
scoring, clustering, figures and origins), candidate pairs, peak RSS, and B-cubed
precision/recall against the generated truth. Growth is ~linear when the time per
claim stays flat; the log-log slope between the smallest and largest size is printed
(1.0 = linear, 2.0 = quadratic).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models import Claim, Modality, Quantity, Report  # noqa: E402

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SYLLABLES = (
    "al", "ba", "da", "fa", "ka", "ma", "na", "ra", "sa", "ta", "za", "qa", "ha", "ja", "la",
    "wa", "ya", "shu", "dun", "mir", "kar", "tal", "bir", "zur", "han", "sar", "mas", "rif",
    "bab", "hum", "dar", "kom",
)  # fmt: skip
ACTORS = (
    "IS militants", "Syrian soldiers", "government forces", "Russian warplanes",
    "rebels", "Kurdish forces", "Nusra Front fighters", "coalition jets", "Hezbollah fighters",
    "US-led coalition aircraft", "Syrian army troops", "insurgents",
)  # fmt: skip
INCIDENTS = (
    ("air strikes hit", "air strike"), ("shelling struck", "shelling"),
    ("clashes broke out in", "clashes"), ("a car bomb exploded in", "car bomb"),
    ("an ambush took place near", "ambush"), ("a drone strike hit", "drone strike"),
    ("fighting erupted around", "fighting"), ("a raid targeted", "raid"),
)  # fmt: skip
VICTIMS = ("civilians", "soldiers", "fighters", "people")
DIRECTIONS = ("north", "south", "east", "west")
SOURCES = tuple(f"Monitor {n}" for n in range(20)) + tuple(f"Ministry {n}" for n in range(10))
ANONYMOUS = ("activists", "a local source", "witnesses")


def _place_names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        words = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(rng.choice((1, 1, 2)))
        ]
        names.add(" ".join(words))
    return sorted(names)


def _when(day: date, published: date, rng: random.Random) -> str:
    gap = (published - day).days
    choice = rng.random()
    if choice < 0.5 and gap < 7:
        return f"on {WEEKDAYS[day.weekday()]}"
    if choice < 0.65 and gap == 1:
        return "yesterday"
    return ""


def generate(n_claims: int, seed: int = 7) -> tuple[list[Claim], list[Report], dict[str, int]]:
    """Claims, their reports, and the true happening of every claim (-1 = unrelated)."""
    rng = random.Random(seed)
    places = _place_names(rng, max(200, n_claims // 25))
    outlets = [f"Outlet {n}" for n in range(max(50, n_claims // 200))]
    start = date(2015, 1, 1)
    span_days = 730
    claims: list[Claim] = []
    reports: list[Report] = []
    truth: dict[str, int] = {}
    happening = 0
    while len(claims) < n_claims:
        happening += 1
        place = rng.choice(places)
        day = start + timedelta(days=rng.randrange(span_days))
        actor = rng.choice(ACTORS)
        verb, noun = rng.choice(INCIDENTS)
        victims = rng.choice(VICTIMS)
        toll = rng.randint(2, 60)
        km = rng.randint(2, 30)
        direction = rng.choice(DIRECTIONS)
        n_outlets = min(len(outlets), 1 + int(rng.expovariate(0.45)))
        for outlet in rng.sample(outlets, n_outlets):
            published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            source = rng.choice(SOURCES) if rng.random() > 0.1 else rng.choice(ANONYMOUS)
            figure = max(1, toll + rng.choice((0, 0, 0, -2, 3, -toll // 2)))
            when = _when(day, published, rng)
            variants = [
                (
                    f"{actor} killed {figure} {victims} in {place} {when}".strip(),
                    (Quantity(value=figure, unit=f"{victims} killed"),),
                    (place,),
                ),
                (
                    f"{verb} {place} {when}, killing {figure} {victims}".strip(),
                    (Quantity(value=figure, unit=f"{victims} killed"),),
                    (place,),
                ),
                (
                    f"the {noun} took place about {km} km {direction} of {place}",
                    (Quantity(value=km, unit="km", approximate=True),),
                    (place,),
                ),
                (f"{actor} carried out operations around {place} {when}".strip(), (), (place,)),
                (f"the {noun} continued into the night", (), ()),
            ]
            chosen = rng.sample(variants, rng.randint(1, 3))
            # Unrelated statements in the same report (diplomacy, elsewhere).
            if rng.random() < 0.3:
                other = rng.choice(places)
                chosen.append(
                    (f"talks on a ceasefire in {other} would resume next month", (), (other,))
                )
            body = ". ".join(text[0].upper() + text[1:] for text, _q, _p in chosen) + "."
            report = Report(
                outlet=outlet, published=published, text=body, title=f"GENERATED {noun} in {place}"
            )
            reports.append(report)
            offset = 0
            for text, quantities, names in chosen:
                stop = offset + len(text)
                claim = Claim(
                    report_id=report.id,
                    text=text,
                    sentence=text,
                    span=(offset, stop),
                    sources=(source,),
                    quantities=quantities,
                    places=names,
                    time_expression=when if when in text else "",
                    modality=Modality.ASSERTED if "next month" not in text else Modality.PREDICTED,
                )
                offset = stop + 2
                claims.append(claim)
                unrelated = "ceasefire" in text
                truth[claim.id] = -1 if unrelated else happening
    claims = claims[:n_claims]
    kept = {claim.report_id for claim in claims}
    return claims, [r for r in reports if r.id in kept], truth


def bcubed(groups: list[tuple[str, ...]], truth: dict[str, int]) -> tuple[float, float]:
    """B-cubed precision and recall of groups against the generated happenings."""
    true_size = Counter(truth[claim] for group in groups for claim in group if truth[claim] >= 0)
    precision = recall = 0.0
    n = 0
    for group in groups:
        labels = Counter(truth[claim] for claim in group)
        for claim in group:
            label = truth[claim]
            if label < 0:
                continue
            same = labels[label]
            precision += same / len(group)
            recall += same / true_size[label]
            n += 1
    return precision / n, recall / n


def run_one(n_claims: int, seed: int) -> dict[str, float]:
    """Generate, group and measure one size (called in a subprocess)."""
    from workbench.events import group_claims
    from workbench.events.blocking import candidate_pairs
    from workbench.events.features import extract_features

    claims, reports, truth = generate(n_claims, seed)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    events = group_claims(claims, reports)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report_map = {report.id: report for report in reports}
    left, _right = candidate_pairs(extract_features(claims, report_map))
    precision, recall = bcubed([event.claim_ids for event in events], truth)
    return {
        "claims": len(claims),
        "reports": len(reports),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "pairs": len(left),
        "events": len(events),
        "multi_claim_events": sum(1 for event in events if len(event.claim_ids) > 1),
        "rss_corpus_mb": rss_before,
        "peak_rss_mb": peak,
        "bcubed_precision": precision,
        "bcubed_recall": recall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 25_000, 50_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    rows = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        rows.append(json.loads(done.stdout))
        print(f"  {size} claims done", file=sys.stderr)
    header = (
        "| claims | reports | time (s) | CPU (s) | µs/claim | candidate pairs | pairs/claim "
        "| events | peak RSS (MB) | corpus RSS (MB) | B³ precision | B³ recall |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for row in rows:
        print(
            f"| {row['claims']:,} | {row['reports']:,} | {row['seconds']:.1f} "
            f"| {row['cpu_seconds']:.1f} "
            f"| {row['seconds'] / row['claims'] * 1e6:.0f} | {row['pairs']:,} "
            f"| {row['pairs'] / row['claims']:.1f} | {row['events']:,} "
            f"| {row['peak_rss_mb']:.0f} | {row['rss_corpus_mb']:.0f} "
            f"| {row['bcubed_precision']:.3f} | {row['bcubed_recall']:.3f} |"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        slope = math.log(last["seconds"] / first["seconds"]) / math.log(
            last["claims"] / first["claims"]
        )
        print(
            f"\ntime x{last['seconds'] / first['seconds']:.1f} for claims "
            f"x{last['claims'] / first['claims']:.0f}; log-log slope {slope:.2f} "
            "(1 = linear, 2 = quadratic)"
        )


if __name__ == "__main__":
    main()
