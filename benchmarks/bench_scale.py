"""Scoring at scale: 1e7 and 1e8 assertions on one machine, Dask beside it, warm start.

    python benchmarks/bench_scale.py run --n 1e7 1e8      # generate (once) and score each size
    python benchmarks/bench_scale.py generate --n 1e8 --out /tmp/scale/1e8
    python benchmarks/bench_scale.py single --data /tmp/scale/1e8
    python benchmarks/bench_scale.py dask --n 1e6 1e7
    python benchmarks/bench_scale.py warm --days 7

The generator is seeded: objects have 10 assertions each, by sources drawn from
1e4 (a heavy tail: a few sources give most assertions, as outlets do), each with
an accuracy from Beta(2, 2) and wrong answers spread over the other labels.
Every timed run is a separate ``python -m scoring`` subprocess (interpreter start,
Parquet read, fit and writing the tables included); its peak memory is the
child's ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
N_SOURCES = 10_000
N_LABELS = 4
PER_OBJECT = 10
CHUNK = 5_000_000  # rows generated and written at a time (one Parquet file each)


def generate(n: int, out: Path, seed: int = 21, first_object: int = 0) -> Path:
    """Write ``n`` assertions as a Parquet dataset (a folder of files) plus ``truth.parquet``.

    Returns the folder. Objects are numbered from ``first_object`` (daily batches
    get new objects; the sources stay the same)."""
    rng = np.random.default_rng(seed)
    src_rng = np.random.default_rng(7)  # the sources are the same in every data set
    accuracy = src_rng.beta(2.0, 2.0, N_SOURCES)
    popularity = src_rng.pareto(1.2, N_SOURCES) + 1.0
    popularity /= popularity.sum()
    data = out / "assertions"
    data.mkdir(parents=True, exist_ok=True)
    n_obj = n // PER_OBJECT
    truths = []
    per_chunk = max(CHUNK // PER_OBJECT, 1)
    for part, start in enumerate(range(0, n_obj, per_chunk)):
        k = min(per_chunk, n_obj - start)
        obj = np.repeat(np.arange(start, start + k, dtype=np.int32) + first_object, PER_OBJECT)
        truth = rng.integers(0, N_LABELS, k, dtype=np.int8)
        src = rng.choice(N_SOURCES, size=len(obj), p=popularity).astype(np.int32)
        right = rng.random(len(obj), dtype=np.float32) < accuracy[src]
        wrong = (np.repeat(truth, PER_OBJECT) + rng.integers(1, N_LABELS, len(obj))) % N_LABELS
        value = np.where(right, np.repeat(truth, PER_OBJECT), wrong).astype(np.int8)
        table = pa.table({"source": src, "object": obj, "value": value})
        pq.write_table(table, data / f"part-{part:04d}.parquet", row_group_size=1_000_000)
        truths.append(
            pa.table(
                {
                    "object": np.arange(start, start + k, dtype=np.int32) + first_object,
                    "value": truth,
                }
            )
        )
    pq.write_table(pa.concat_tables(truths), out / "truth.parquet")
    return data


def run_scoring(args: list[str]) -> tuple[float, float, str, str]:
    """Run ``python -m scoring ARGS`` in a child: (seconds, peak GB, stdout, stderr)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - t0
    peak_gb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    if proc.returncode != 0:
        raise SystemExit(f"python -m scoring {' '.join(args)} failed:\n{proc.stderr}")
    return seconds, peak_gb, proc.stdout, proc.stderr


def accuracy_of(stderr: str) -> str:
    for line in stderr.splitlines():
        if "accuracy" in line:
            return line.split("accuracy", 1)[1].split(" on ")[0].strip()
    return "?"


def single(data: Path, methods: list[str]) -> None:
    """Each method as its own process (so ru_maxrss is that run's peak)."""
    for method in methods:
        with tempfile.TemporaryDirectory() as tmp:
            args = [
                str(data / "assertions"),
                "--method",
                method,
                "--truth",
                str(data / "truth.parquet"),
                "-o",
                str(Path(tmp) / "sources.csv"),
            ]
            # a fresh interpreter per method: ru_maxrss of children is the max so far
            out = subprocess.run(
                [sys.executable, __file__, "_one", json.dumps(args)],
                capture_output=True,
                text=True,
                check=False,
            )
            print(out.stdout.strip() or out.stderr.strip()[-2000:], flush=True)


def _one(args: list[str]) -> None:
    seconds, peak, _out, err = run_scoring(args)
    method = args[args.index("--method") + 1]
    print(f"{method:12s} {seconds:7.1f} s  peak {peak:5.2f} GB  accuracy {accuracy_of(err)}")
    for line in err.splitlines():
        print("    " + line)


def _tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(out / "sources.parquet"), pd.read_parquet(out / "truths.parquet")


def compare(a: Path, b: Path) -> tuple[float, float, int]:
    """Share of equal truths, largest reliability difference, sources compared."""
    sa, ta = _tables(a)
    sb, tb = _tables(b)
    truths = ta.set_index("object")["value"]
    other = tb.set_index("object")["value"].reindex(truths.index)
    rel = sa.set_index("source")["reliability"]
    rel_b = sb.set_index("source")["reliability"].reindex(rel.index)
    return float((truths == other).mean()), float((rel - rel_b).abs().max()), len(rel)


def engines(sizes: list[int], methods: list[str], workers: int) -> None:
    """In memory vs ``--engine dask`` on a local cluster of ``workers`` processes."""
    for n in sizes:
        data = Path(tempfile.gettempdir()) / "scale" / f"{n:.0e}"
        if not (data / "assertions").is_dir():
            generate(n, data)
        for method in methods:
            runs = {}
            for engine in ("memory", "dask"):
                out = data / f"out-{method}-{engine}"
                out.mkdir(exist_ok=True)
                args = [
                    str(data / "assertions"),
                    "--method",
                    method,
                    "--engine",
                    engine,
                    "--workers",
                    str(workers),
                    "--truth",
                    str(data / "truth.parquet"),
                    "-o",
                    str(out / "sources.parquet"),
                    "--truths-out",
                    str(out / "truths.parquet"),
                ]
                seconds, _peak, _o, err = run_scoring(args)
                runs[engine] = out
                print(
                    f"{n:.0e} {method:12s} {engine:6s} {seconds:7.1f} s  "
                    f"accuracy {accuracy_of(err)}",
                    flush=True,
                )
            same, diff, n_src = compare(runs["memory"], runs["dask"])
            print(
                f"{n:.0e} {method:12s} dask vs memory: truths equal {same:.6f}, "
                f"largest reliability difference {diff:.2e} over {n_src} sources",
                flush=True,
            )


def warm(days: int, per_day: int) -> None:
    """Daily batches: warm start from yesterday's state vs a full refit on every day so far."""
    root = Path(tempfile.gettempdir()) / "scale" / f"days-{per_day:.0e}"
    history = root / "history"
    # the full refit reads every day so far: never the days of a longer earlier run
    shutil.rmtree(history, ignore_errors=True)
    history.mkdir(parents=True)
    state = None
    print("day  warm s  full s  (n so far)  truths equal  acc warm  acc full  max |rel diff|")
    for d in range(days):
        day = root / f"day{d}"
        if not (day / "assertions").is_dir():
            generate(per_day, day, seed=100 + d, first_object=d * (per_day // PER_OBJECT))
        for f in (day / "assertions").iterdir():  # the full refit reads every day so far
            target = history / f"day{d}-{f.name}"
            if not target.exists():
                target.symlink_to(f)
        w_out, f_out = day / "warm", day / "full"
        w_out.mkdir(exist_ok=True)
        f_out.mkdir(exist_ok=True)
        new_state = day / "state.json"
        args = [
            str(day / "assertions"),
            "--method",
            "dawid_skene",
            "--truth",
            str(day / "truth.parquet"),
            "-o",
            str(w_out / "sources.parquet"),
            "--truths-out",
            str(w_out / "truths.parquet"),
            "--state-out",
            str(new_state),
        ]
        if state is not None:
            args += ["--warm-start", str(state)]
        t_warm, _p, _o, err_warm = run_scoring(args)
        state = new_state
        t_full, _p, _o, err_full = run_scoring(
            [
                str(history),
                "--method",
                "dawid_skene",
                "--truth",
                str(day / "truth.parquet"),
                "-o",
                str(f_out / "sources.parquet"),
                "--truths-out",
                str(f_out / "truths.parquet"),
            ]
        )
        same, diff, _n = compare(w_out, f_out)
        print(
            f"{d + 1:3d} {t_warm:7.1f} {t_full:7.1f}  {(d + 1) * per_day:>10,}  {same:12.4f}"
            f"  {accuracy_of(err_warm):>8s}  {accuracy_of(err_full):>8s}  {diff:.4f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--n", type=float, required=True)
    gen.add_argument("--out", type=Path, required=True)
    one = sub.add_parser("single")
    one.add_argument("--data", type=Path, required=True)
    one.add_argument("--methods", default="majority,one_coin,dawid_skene")
    both = sub.add_parser("run")
    both.add_argument("--n", type=float, nargs="+", default=[1e7, 1e8])
    both.add_argument("--methods", default="majority,one_coin,dawid_skene")
    eng = sub.add_parser("dask")
    eng.add_argument("--n", type=float, nargs="+", default=[1e6, 1e7])
    eng.add_argument("--methods", default="majority,one_coin,dawid_skene,crh")
    eng.add_argument("--workers", type=int, default=2)
    days = sub.add_parser("warm")
    days.add_argument("--days", type=int, default=7)
    days.add_argument("--per-day", type=float, default=1e6)
    hidden = sub.add_parser("_one")
    hidden.add_argument("args")
    args = parser.parse_args()
    if args.cmd == "generate":
        t0 = time.perf_counter()
        generate(int(args.n), args.out)
        print(f"generated {int(args.n):,} assertions in {time.perf_counter() - t0:.1f} s")
    elif args.cmd == "single":
        single(args.data, args.methods.split(","))
    elif args.cmd == "run":
        for n in (int(x) for x in args.n):
            data = Path(tempfile.gettempdir()) / "scale" / f"{n:.0e}"
            if not (data / "truth.parquet").exists():
                generate(n, data)
            print(f"{n:,} assertions ({n // PER_OBJECT:,} objects, {N_SOURCES:,} sources)")
            single(data, args.methods.split(","))
    elif args.cmd == "dask":
        engines([int(n) for n in args.n], args.methods.split(","), args.workers)
    elif args.cmd == "warm":
        warm(args.days, int(args.per_day))
    elif args.cmd == "_one":
        _one(json.loads(args.args))


if __name__ == "__main__":
    pd.options.mode.copy_on_write = True
    main()
