"""Review workbench speed on a database with 100,000 claims.

Measures, each in a fresh child process so imports and caches count:

- launch: from process start (before importing workbench) to the first event's
  claims on screen (goal < 1.5 s);
- verdict: from a verdict key to the next claim shown, p50/p95/max over many
  verdicts, crossing event boundaries (goal p95 < 50 ms);
- correction: from a correction saved (the claim's modality, as the correction
  dialog's enter does) to the event shown again with it, p50/p95 (goal p95 < 100 ms);
- peak memory: the child's maximum resident set size (goal < 500 MB).

"Shown" is the first frame the app hands to the terminal while its state holds the
change (the next claim, the corrected modality): each frame records whether it did, so
the time does not depend on when this script's own loop gets to look.

Beside each key's wall time it reports the main thread's CPU time over the same
interval (``time.thread_time``): on a shared machine the wall time moves with the
load, the CPU time much less, so it is the figure to compare two versions by.

The app runs headless through ``App.run_test`` (Pilot): same widgets, layout
and workers as in a terminal, without the terminal's own drawing time.

    python benchmarks/bench_tui.py [--claims 100000] [--verdicts 500] [--corrections 100]
                                   [--runs 3] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMS_PER_REPORT = 10
N_SOURCES = 200

CHILD = r"""
import time
T0 = time.perf_counter()
import asyncio, json, resource, sys

from textual import events

from workbench.tui import make_app

FRAMES: list[float] = []
SEEN: list[bool] = []  # per frame: did the app's state hold the change being timed
WATCH = [lambda: False]  # what the change is, set before each timed action


async def shown(since: float) -> float:
    # the first frame the app hands to the terminal after ``since`` with the change in it
    # (the app's state when it drew the frame). Looking for "a frame after we saw the
    # change" instead timed the frame after the one that showed it whenever the app
    # painted before this loop looked, a sixtieth to a thirtieth of a second later, or
    # waited for a frame that never came.
    start = len(FRAMES)
    while start and FRAMES[start - 1] > since:
        start -= 1
    while True:
        for n in range(start, len(FRAMES)):
            if SEEN[n]:
                return FRAMES[n]
        start = len(FRAMES)
        await asyncio.sleep(0.0005)


async def main(db: str, verdicts: int, corrections: int) -> None:
    app = make_app(db=db, reviewer="bench", keys={})
    display = app._display

    def timed_display(screen, renderable):
        display(screen, renderable)
        FRAMES.append(time.perf_counter())
        SEEN.append(WATCH[0]())

    app._display = timed_display
    WATCH[0] = lambda: getattr(app.screen, "ready", False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        while not getattr(screen, "ready", False):
            await asyncio.sleep(0.0005)
            screen = pilot.app.screen
        launch = await shown(0.0) - T0
        while not screen.queue_loaded:  # the rest of the queue arrives in the background
            await asyncio.sleep(0.001)
        queue = time.perf_counter() - T0
        times, crossing, within = [], [], []
        cpu_crossing, cpu_within = [], []  # main-thread CPU: what the load cannot stretch
        keys = "ssuscd"
        for n in range(verdicts):
            if screen.index == len(screen.items) - 1:
                break  # the last event: there may be no next claim to wait for
            await pilot.pause()  # a reviewer reads before the next key
            before, event = screen.claim_id, screen.index
            WATCH[0] = lambda: screen.ready and screen.claim_id != before
            start, cpu = time.perf_counter(), time.thread_time()
            key = keys[n % len(keys)]
            app._driver.send_message(events.Key(key, key))  # what Pilot.press sends
            while not screen.ready or screen.claim_id == before:
                await asyncio.sleep(0.0005)
            elapsed = await shown(start) - start
            cpu = time.thread_time() - cpu
            times.append(elapsed)
            (crossing if screen.index != event else within).append(elapsed)
            (cpu_crossing if screen.index != event else cpu_within).append(cpu)
        fixes = []
        for n in range(corrections):
            claim = screen._claim()
            if claim is None or not hasattr(screen.session, "correct"):
                break  # a version without corrections
            from models import Modality
            from models.correction import Correction, CorrectionKind

            await pilot.pause()
            modality = Modality.DENIED if n % 2 == 0 else Modality.ASSERTED
            WATCH[0] = lambda: screen.ready and screen._claim() is not None \
                and screen._claim().modality is modality
            start = time.perf_counter()
            fix = Correction(kind=CorrectionKind.MODALITY, reviewer="bench", claim_id=claim.id,
                             report_id=claim.report_id, span=claim.span, modality=modality)
            screen.session.correct(fix)  # what the dialog's enter runs
            screen._reload(claim.id, "corrected")
            while not screen.ready or screen._claim() is None \
                    or screen._claim().modality is not modality:
                await asyncio.sleep(0.0005)
            fixes.append(await shown(start) - start)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"launch_s": launch, "queue_s": queue, "verdict_s": times,
                          "correction_s": fixes,
                          "crossing_s": crossing, "within_s": within, "peak_rss_mb": rss,
                          "cpu_crossing_s": cpu_crossing, "cpu_within_s": cpu_within}))


asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
"""


def build_db(path: Path, n_claims: int) -> None:
    """A synthetic corpus: reports of ten claims each, 200 sources, some figures."""
    from models import Caveat, CaveatKind, Claim, Quantity, Report, Source, SourceKind
    from workbench.store import open_engine
    from workbench.store.reports import store_reports

    engine = open_engine(str(path))
    kinds = list(SourceKind)
    sources = [Source(name=f"Source {i:03d}", kind=kinds[i % len(kinds)]) for i in range(N_SOURCES)]
    n_reports = n_claims // CLAIMS_PER_REPORT
    batch: list[Report] = []
    claims: dict[str, list[Claim]] = {}
    for r in range(n_reports):
        lines = [
            f"Source {(r + k) % N_SOURCES:03d} said {k + 3} people were killed in town {r % 97} "
            f"on day {r % 365}, in report {r}."
            for k in range(CLAIMS_PER_REPORT)
        ]
        text = "\n".join(lines)
        report = Report(
            outlet=f"Outlet {r % 40}",
            title=f"Report {r}: clashes in town {r % 97}",
            published=date(2016, 1, 1) + timedelta(days=r % 365),
            text=text,
        )
        offset = 0
        found = []
        for k, line in enumerate(lines):
            value = k + 3
            found.append(
                Claim(
                    report_id=report.id,
                    text=line,
                    sentence=line,
                    span=(offset, offset + len(line)),
                    cue="said",
                    sources=(f"Source {(r + k) % N_SOURCES:03d}",),
                    quantities=(Quantity(value=value, unit="people killed", text=str(value)),),
                    caveats=(Caveat(text="could not be verified", kind=CaveatKind.UNVERIFIED),)
                    if k % 4 == 0
                    else (),
                )
            )
            offset += len(line) + 1
        batch.append(report)
        claims[report.id] = found
        if len(batch) == 1000 or r == n_reports - 1:
            with engine.begin() as connection:
                store_reports(connection, batch, claims, sources)
            batch, claims = [], {}
    engine.dispose()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--verdicts", type=int, default=500)
    parser.add_argument("--corrections", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="launches to time")
    parser.add_argument("--db", type=Path, default=Path("/tmp/workbench-bench-tui.db"))
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    if not args.db.exists():
        started = time.perf_counter()
        build_db(args.db, args.claims)
        print(f"built {args.db} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    results = []
    for run in range(args.runs):
        fresh = args.db.with_name(f"{args.db.stem}-run{run}{args.db.suffix}")
        fresh.write_bytes(args.db.read_bytes())  # every run starts with no verdicts
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(fresh), str(args.verdicts), str(args.corrections)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        fresh.unlink()
        for extra in ("-wal", "-shm"):
            Path(f"{fresh}{extra}").unlink(missing_ok=True)
    launches = [r["launch_s"] for r in results]
    verdicts = [t for r in results for t in r["verdict_s"]]
    crossing = [t for r in results for t in r["crossing_s"]]
    within = [t for r in results for t in r["within_s"]]
    cpu_crossing = [t for r in results for t in r["cpu_crossing_s"]]
    cpu_within = [t for r in results for t in r["cpu_within_s"]]
    fixes = [t for r in results for t in r.get("correction_s", [])]
    summary = {
        "claims": args.claims,
        "launch_s_median": sorted(launches)[len(launches) // 2],
        "launch_s_max": max(launches),
        "full_queue_s_median": sorted(r["queue_s"] for r in results)[len(results) // 2],
        "verdict_ms_p50": percentile(verdicts, 0.50) * 1000,
        "verdict_ms_p95": percentile(verdicts, 0.95) * 1000,
        "verdict_ms_max": max(verdicts) * 1000,
        "verdicts_timed": len(verdicts),
        "same_event_ms_p50": percentile(within, 0.50) * 1000,
        "same_event_ms_p95": percentile(within, 0.95) * 1000,
        "next_event_ms_p50": percentile(crossing, 0.50) * 1000 if crossing else None,
        "next_event_ms_p95": percentile(crossing, 0.95) * 1000 if crossing else None,
        "next_event_count": len(crossing),
        "same_event_cpu_ms_p50": percentile(cpu_within, 0.50) * 1000,
        "same_event_cpu_ms_p95": percentile(cpu_within, 0.95) * 1000,
        "next_event_cpu_ms_p50": percentile(cpu_crossing, 0.50) * 1000 if crossing else None,
        "next_event_cpu_ms_p95": percentile(cpu_crossing, 0.95) * 1000 if crossing else None,
        "correction_ms_p50": percentile(fixes, 0.50) * 1000 if fixes else None,
        "correction_ms_p95": percentile(fixes, 0.95) * 1000 if fixes else None,
        "corrections_timed": len(fixes),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
