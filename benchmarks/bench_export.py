"""Export speed on the bundled corpus: rows per second for CSV, Parquet and ClaimReview.

Ingests ``corpora/`` (or the folder given) into a temporary SQLite database, groups it
into events (so every analyst column is filled), then times ``export_rows`` and each
writer. Run from the repository root:

    python benchmarks/bench_export.py [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from workbench.events.storage import current_grouping
from workbench.export import export_rows, render_bytes
from workbench.ingest import ingest_paths
from workbench.store import open_engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=Path("corpora"))
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(str(Path(folder) / "bench.db"))
        ingest_paths(engine, [args.corpus])
        with engine.begin() as connection:
            current_grouping(connection)
        with engine.connect() as connection:
            best = min(_timed(lambda: export_rows(connection)) for _ in range(args.repeat))
            rows = export_rows(connection)
        print(f"claims x reviewers: {len(rows)} rows")
        print(f"export_rows (load, events, copies): {best:.2f} s")
        for fmt in ("csv", "parquet"):  # ClaimReview holds reviewed claims only: none here
            seconds = min(_timed(partial(render_bytes, rows, fmt)) for _ in range(args.repeat))
            size = len(render_bytes(rows, fmt))
            print(f"{fmt:12} {seconds:.2f} s  {size / 2**20:.1f} MiB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole run, ingest included): {peak:.0f} MiB")


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
