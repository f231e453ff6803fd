"""``python -m scoring``: batch source scoring for scripts (argparse; no workbench, no typer).

    python -m scoring ASSERTIONS.csv [--method NAME] [--truth GOLD.csv] [--known KNOWN.csv]
                      [--truths-out FILE] [-o FILE] [--format csv|json|jsonl]
                      [--value-type TYPE] [--tolerance FRACTION]

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

from scoring.exit_codes import ExitCode
from scoring.io import (
    FORMATS,
    InputFileError,
    read_assertions,
    read_truths,
    reliability_table,
    render,
    truths_table,
)
from scoring.utils import FrameError


@dataclass
class ScoreReport:
    """What a scoring run produced (the texts are exactly what gets written)."""

    method: str
    reason: str
    sources_text: str
    truths_text: str | None
    accuracy: float | None
    mae: float | None
    n_gold: int


def evaluate(truths: pd.DataFrame, gold: pd.Series) -> tuple[float | None, float | None, int]:
    """Accuracy (and MAE for numbers) of the inferred truths on the gold objects."""
    gold = gold[~gold.index.duplicated(keep="last")]
    pred = truths["value"]
    idx = pd.Index(pred.index.astype(str))
    gidx = pd.Index(gold.index.astype(str))
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
) -> ScoreReport:
    """Read, fit and render; raises :class:`InputFileError` for bad input."""
    from scoring import get_estimator

    log = log or sys.stderr
    if fmt not in FORMATS:
        raise InputFileError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if not (tolerance >= 0 and np.isfinite(tolerance)):
        raise InputFileError(f"--tolerance must be a number >= 0, got {tolerance!r}")
    try:
        est = get_estimator(method, value_type=value_type)
        if "numeric_tol" in est.get_params():
            est.set_params(numeric_tol=tolerance)
    except ValueError as error:
        raise InputFileError(str(error)) from None
    t0 = time.perf_counter()
    frame = read_assertions(assertions, stdin)
    gold = read_truths(truth, stdin) if truth else None
    fixed = read_truths(known, stdin) if known else None
    t1 = time.perf_counter()
    print(f"scoring: read {len(frame)} assertions in {t1 - t0:.2f} s", file=log)
    try:
        est.fit(frame, known_truths=fixed)
    except FrameError as error:
        line = None if error.row is None else error.row + 2
        where = "<stdin>" if assertions == "-" else assertions
        raise InputFileError(error.message, where, line) from None
    t2 = time.perf_counter()
    reason = str(getattr(est, "reason_", ""))
    chosen = est.method_
    print(
        f"scoring: {method}{' -> ' + chosen if chosen != method else ''} fitted "
        f"{len(est.source_reliability_)} sources, {len(est.truths_)} objects "
        f"in {t2 - t1:.2f} s ({est.n_iter_} iterations){'; ' + reason if reason else ''}",
        file=log,
    )
    accuracy = mae = None
    n_gold = 0
    if gold is not None:
        accuracy, mae, n_gold = evaluate(est.truths_, gold)
        if accuracy is None:
            print("scoring: no object of the gold file was scored", file=log)
        else:
            extra = f", MAE {mae:.4g}" if mae is not None else ""
            print(f"scoring: accuracy {accuracy:.4f} on {n_gold} gold objects{extra}", file=log)
    sources_text = render(reliability_table(est.source_reliability_, chosen), fmt)
    truths_text = render(truths_table(est.truths_), fmt) if with_truths else None
    return ScoreReport(chosen, reason, sources_text, truths_text, accuracy, mae, n_gold)


def write_text(text: str, path: str | None, stdout: IO[str] | None = None) -> None:
    """Write to ``path`` or stdout, byte for byte the same."""
    if path is None or path == "-":
        (stdout or sys.stdout).write(text)
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def build_parser() -> argparse.ArgumentParser:
    from scoring import METHODS

    p = argparse.ArgumentParser(
        prog="python -m scoring",
        description="Score source reliability and infer truths from (source, object, value) "
        "assertions. Results go to stdout, messages to stderr.",
    )
    p.add_argument("assertions", help="CSV with columns source,object,value[,weight]; - = stdin")
    p.add_argument("--method", default="auto", choices=METHODS, help="default: auto")
    p.add_argument("--truth", help="gold CSV object,value: prints accuracy on stderr")
    p.add_argument("--known", help="CSV object,value of known truths that fix those objects")
    p.add_argument("--truths-out", help="write the inferred truths to this file")
    p.add_argument("-o", "--output", help="write the source table here instead of stdout")
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
        )
        write_text(report.sources_text, args.output)
        if args.truths_out and report.truths_text is not None:
            write_text(report.truths_text, args.truths_out)
    except InputFileError as error:
        print(f"scoring: error: {error}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        print("scoring: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    return ExitCode.OK
