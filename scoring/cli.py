"""``python -m scoring``: batch source scoring for scripts (argparse; no workbench, no typer).

    python -m scoring ASSERTIONS.csv|.parquet|DIR [--method NAME] [--truth GOLD] [--known KNOWN]
                      [--truths-out FILE] [-o FILE] [--format csv|json|jsonl]
                      [--value-type TYPE] [--tolerance FRACTION]
                      [--engine memory|dask] [--scheduler ADDRESS] [--workers N]
                      [--warm-start STATE.json] [--state-out STATE.json]

stdout carries only the per-source table (or ``-o FILE``, byte for byte the
same); progress, the chosen method and the accuracy against ``--truth`` go to
stderr. A bad file is reported on one line ``path:line: message``, exit 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from typing import IO

import numpy as np
import pandas as pd

from scoring.columnar import is_parquet, is_parquet_name, write_frame_atomic, write_text_atomic
from scoring.engines import DASK_METHODS, ENGINES
from scoring.exit_codes import ExitCode
from scoring.io import (
    FORMATS,
    InputFileError,
    _at_row,
    check_assertions_parquet,
    read_assertions,
    read_truths,
    reliability_table,
    render,
    truths_table,
)
from scoring.utils import FrameError
from scoring.warm_start import load_state, save_state


@dataclass
class ScoreReport:
    """What a scoring run produced; the texts are exactly what gets written (rendered
    on first use, so a Parquet output never renders 1e7 rows of text)."""

    method: str
    reason: str
    sources: pd.DataFrame
    truths: pd.DataFrame | None
    fmt: str
    accuracy: float | None
    mae: float | None
    n_gold: int

    @property
    def sources_text(self) -> str:
        return render(self.sources, self.fmt)

    @property
    def truths_text(self) -> str | None:
        return None if self.truths is None else render(self.truths, self.fmt)


def evaluate(truths: pd.DataFrame, gold: pd.Series) -> tuple[float | None, float | None, int]:
    """Accuracy (and MAE for numbers) of the inferred truths on the gold objects."""
    gold = gold[~gold.index.duplicated(keep="last")]
    pred = truths["value"]
    idx, gidx = pred.index, gold.index
    if not (idx.dtype.kind in "iu" and gidx.dtype.kind in "iu"):  # ids as numbers: as they are
        idx, gidx = pd.Index(idx.astype(str)), pd.Index(gidx.astype(str))
    pos = idx.get_indexer(gidx)
    ok = pos >= 0
    if not ok.any():
        return None, None, 0
    p = pred.to_numpy()[pos[ok]]
    g = gold.to_numpy()[ok]
    pn = pd.to_numeric(pd.Series(p), errors="coerce").to_numpy(np.float64)
    gn = pd.to_numeric(pd.Series(g), errors="coerce").to_numpy(np.float64)
    if not np.isnan(pn).any() and not np.isnan(gn).any():
        return float(np.mean(pn == gn)), float(np.mean(np.abs(pn - gn))), int(ok.sum())
    ps = np.array([str(v).strip().casefold() for v in p])  # gold objects only
    gs = np.array([str(v).strip().casefold() for v in g])
    return float(np.mean(ps == gs)), None, int(ok.sum())


def score_file(
    assertions: str,
    method: str = "auto",
    truth: str | None = None,
    known: str | None = None,
    fmt: str = "csv",
    value_type: str = "auto",
    tolerance: float = 0.05,
    with_truths: bool = False,
    stdin: IO[str] | None = None,
    log: IO[str] | None = None,
    engine: str = "memory",
    scheduler: str | None = None,
    workers: int = 2,
    warm_start: str | None = None,
    state_out: str | None = None,
) -> ScoreReport:
    """Read, fit and tabulate; raises :class:`InputFileError` for bad input.

    ``engine="dask"`` fits on a Dask cluster (``scheduler`` address, else a local
    one of ``workers`` processes), reading a Parquet dataset there, not here.
    ``warm_start``/``state_out``: Dawid-Skene's saved state in and out (daily batches).
    """
    from scoring import get_estimator

    log = log or sys.stderr
    if fmt not in FORMATS:
        raise InputFileError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if not (tolerance >= 0 and np.isfinite(tolerance)):
        raise InputFileError(f"--tolerance must be a number >= 0, got {tolerance!r}")
    _check_engine(engine, method, known, warm_start, state_out)
    try:
        est = get_estimator(method, value_type=value_type)
        if "numeric_tol" in est.get_params():
            est.set_params(numeric_tol=tolerance)
        if warm_start is not None:
            state = load_state(warm_start)
            if state.get("batch_missing"):
                print(
                    f"scoring: {warm_start}: its last batch {state['batch_missing']} is "
                    "missing; every past batch stays as it was fitted",
                    file=log,
                )
            est.set_params(warm_start=state)
    except FrameError as error:
        raise InputFileError(error.message, warm_start) from None
    except ValueError as error:
        raise InputFileError(str(error)) from None
    t0 = time.perf_counter()
    lazy = engine == "dask" and is_parquet(assertions)  # the workers read it
    if lazy:
        check_assertions_parquet(assertions)
    frame = None if lazy else read_assertions(assertions, stdin)
    gold = read_truths(truth, stdin) if truth else None
    fixed = read_truths(known, stdin) if known else None
    t1 = time.perf_counter()
    if frame is not None:
        print(f"scoring: read {len(frame)} assertions in {t1 - t0:.2f} s", file=log)
    try:
        if engine == "dask":
            from scoring.engines.dask_engine import fit_dask

            data = assertions if frame is None else frame
            est = fit_dask(
                data, method, scheduler=scheduler, n_workers=workers, value_type=value_type
            )
        else:
            assert frame is not None
            est.fit(frame, known_truths=fixed)
    except FrameError as error:
        raise _at_row(assertions, error.row, error.message) from None
    t2 = time.perf_counter()
    reason = str(getattr(est, "reason_", ""))
    chosen = est.method_
    on = " on dask" if engine == "dask" else ""
    print(
        f"scoring: {method}{' -> ' + chosen if chosen != method else ''} fitted "
        f"{len(est.source_reliability_)} sources, {len(est.truths_)} objects{on} "
        f"in {t2 - t1:.2f} s ({est.n_iter_} iterations){'; ' + reason if reason else ''}",
        file=log,
    )
    if state_out is not None:
        try:
            save_state(est.warm_state(), state_out)  # type: ignore[attr-defined]
        except OSError as error:
            raise InputFileError(error.strerror or str(error), state_out) from None
    accuracy = mae = None
    n_gold = 0
    if gold is not None:
        accuracy, mae, n_gold = evaluate(est.truths_, gold)
        if accuracy is None:
            print("scoring: no object of the gold file was scored", file=log)
        else:
            extra = f", MAE {mae:.4g}" if mae is not None else ""
            print(f"scoring: accuracy {accuracy:.4f} on {n_gold} gold objects{extra}", file=log)
    sources = reliability_table(est.source_reliability_, chosen)
    truths = truths_table(est.truths_) if with_truths else None
    return ScoreReport(chosen, reason, sources, truths, fmt, accuracy, mae, n_gold)


def _check_engine(
    engine: str, method: str, known: str | None, warm_start: str | None, state_out: str | None
) -> None:
    """Options that cannot go together, refused before any file is read."""
    if engine not in ENGINES:
        raise InputFileError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "dask":
        if method not in DASK_METHODS:
            raise InputFileError(
                f"--engine dask runs {', '.join(DASK_METHODS)}; choose one with --method"
            )
        if known or warm_start or state_out:
            raise InputFileError("--engine dask takes no --known, --warm-start or --state-out")
    if (warm_start or state_out) and method != "dawid_skene":
        raise InputFileError("--warm-start and --state-out go with --method dawid_skene")


def write_text(text: str, path: str | None, stdout: IO[str] | None = None) -> None:
    """Write to ``path`` (via a temporary file: never half-written) or stdout, byte for
    byte the same."""
    if path is None or path == "-":
        (stdout or sys.stdout).write(text)
        return
    write_text_atomic(text, path)


def write_table(report: ScoreReport, which: str, path: str | None) -> None:
    """The source table (``which="sources"``) or the truths to ``path``: Parquet when
    the name ends in .parquet/.pq, else text in the chosen format."""
    frame = report.sources if which == "sources" else report.truths
    if frame is None:
        return
    try:
        if path is not None and path != "-" and is_parquet_name(path):
            write_frame_atomic(frame, path)
            return
        write_text(render(frame, report.fmt), path)
    except BrokenPipeError:  # stdout closed downstream: not a bad output file
        raise
    except IsADirectoryError:
        raise InputFileError("is a directory (give a file)", path) from None
    except OSError as error:
        raise InputFileError(error.strerror or str(error), path) from None


def build_parser() -> argparse.ArgumentParser:
    from scoring import METHODS

    p = argparse.ArgumentParser(
        prog="python -m scoring",
        description="Score source reliability and infer truths from (source, object, value) "
        "assertions. Results go to stdout, messages to stderr.",
    )
    p.add_argument(
        "assertions",
        help="CSV or Parquet (.parquet, .pq or a folder) with columns "
        "source,object,value[,weight]; - = stdin",
    )
    p.add_argument("--method", default="auto", choices=METHODS, help="default: auto")
    p.add_argument("--truth", help="gold CSV object,value: prints accuracy on stderr")
    p.add_argument("--known", help="CSV object,value of known truths that fix those objects")
    p.add_argument("--truths-out", help="write the inferred truths here (.parquet: Parquet)")
    p.add_argument(
        "-o", "--output", help="write the source table here instead of stdout (.parquet: Parquet)"
    )
    p.add_argument("--format", default="csv", choices=FORMATS)
    p.add_argument(
        "--value-type", default="auto", choices=("auto", "categorical", "numeric", "text", "mixed")
    )
    p.add_argument(
        "--tolerance",
        type=float,
        default=0.05,
        help="numbers within this fraction of each other agree (default 0.05 = 5%%)",
    )
    p.add_argument(
        "--engine",
        default="memory",
        choices=ENGINES,
        help="where to fit: memory (default) or dask (majority, one_coin, dawid_skene, crh)",
    )
    p.add_argument("--scheduler", help="--engine dask: address of a running Dask scheduler")
    p.add_argument(
        "--workers", type=int, default=2, help="--engine dask without --scheduler: local workers"
    )
    p.add_argument("--warm-start", help="dawid_skene: start from this saved state (JSON)")
    p.add_argument(
        "--state-out",
        help="dawid_skene: save the state for the next batch here (and the batch itself "
        "beside it, as STATE.batch.parquet)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m scoring`` on ``argv``; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:
        return int(done.code or 0) and ExitCode.BAD_INPUT
    try:
        report = score_file(
            args.assertions,
            method=args.method,
            truth=args.truth,
            known=args.known,
            fmt=args.format,
            value_type=args.value_type,
            tolerance=args.tolerance,
            with_truths=bool(args.truths_out),
            engine=args.engine,
            scheduler=args.scheduler,
            workers=args.workers,
            warm_start=args.warm_start,
            state_out=args.state_out,
        )
        write_table(report, "sources", args.output)
        if args.truths_out:
            write_table(report, "truths", args.truths_out)
    except InputFileError as error:
        print(f"scoring: error: {error}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        print("scoring: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    return ExitCode.OK
