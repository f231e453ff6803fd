"""Scoring at scale: 1e7 and 1e8 assertions on one machine, Dask beside it, warm start.

    python benchmarks/bench_scale.py generate --n 1e8 --out /tmp/scale/1e8
    python benchmarks/bench_scale.py single --data /tmp/scale/1e8 --methods majority,one_coin,dawid_skene
    python benchmarks/bench_scale.py dask --n 1e6 1e7
    python benchmarks/bench_scale.py warm --days 7

The generator is seeded: objects have 10 assertions each, by sources drawn from
1e4 (a heavy tail: a few sources give most assertions, as outlets do), each with
an accuracy from Beta(4, 1.5) and wrong answers spread over the other labels.
Every timed run is a separate ``python -m scoring`` subprocess (interpreter start,
Parquet read, fit and writing the tables included); its peak memory is the
child's ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
    accuracy = src_rng.beta(4.0, 1.5, N_SOURCES)
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
            pa.table({"object": np.arange(start, start + k, dtype=np.int32) + first_object,
                      "value": truth})
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
            args = [str(data / "assertions"), "--method", method, "--truth",
                    str(data / "truth.parquet"), "-o", str(Path(tmp) / "sources.csv")]
            # a fresh interpreter per method: ru_maxrss of children is the max so far
            out = subprocess.run(
                [sys.executable, __file__, "_one", json.dumps(args)],
                capture_output=True, text=True, check=False,
            )
            print(out.stdout.strip() or out.stderr.strip()[-2000:], flush=True)


def _one(args: list[str]) -> None:
    seconds, peak, _out, err = run_scoring(args)
    method = args[args.index("--method") + 1]
    print(f"{method:12s} {seconds:7.1f} s  peak {peak:5.2f} GB  accuracy {accuracy_of(err)}")
    for line in err.splitlines():
        print("    " + line)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--n", type=float, required=True)
    gen.add_argument("--out", type=Path, required=True)
    one = sub.add_parser("single")
    one.add_argument("--data", type=Path, required=True)
    one.add_argument("--methods", default="majority,one_coin,dawid_skene")
    hidden = sub.add_parser("_one")
    hidden.add_argument("args")
    args = parser.parse_args()
    if args.cmd == "generate":
        t0 = time.perf_counter()
        generate(int(args.n), args.out)
        print(f"generated {int(args.n):,} assertions in {time.perf_counter() - t0:.1f} s")
    elif args.cmd == "single":
        single(args.data, args.methods.split(","))
    elif args.cmd == "_one":
        _one(json.loads(args.args))


if __name__ == "__main__":
    pd.options.mode.copy_on_write = True
    main()
