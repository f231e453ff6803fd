"""``workbench score``: source reliability from assertions (a thin wrapper over ``scoring``).

Same options, output and errors as ``python -m scoring``; the work is done by
``scoring.cli.score_file``. Without an assertions file it scores the sources in the
database from the reviewers' verdicts (``workbench.reliability``, the same figures
the review UI's source panel shows) and, beside them, from the figures origins
asserted about incidents (``workbench.figure_reliability``): the ``figures_*`` columns.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.options import DbOption
from workbench.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


class Engine(StrEnum):
    MEMORY = "memory"
    DASK = "dask"


class OutputFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


def score(
    assertions: Annotated[
        str | None,
        typer.Argument(
            help="CSV or Parquet (.parquet, .pq, a folder) with columns "
            "source,object,value[,weight]; - reads stdin."
        ),
    ] = None,
    db: DbOption = None,
    method: Annotated[
        str, typer.Option("--method", help="majority, sums, ..., beta, auto (default).")
    ] = "auto",
    truth: Annotated[
        str | None, typer.Option("--truth", help="Gold CSV object,value: accuracy on stderr.")
    ] = None,
    known: Annotated[
        str | None, typer.Option("--known", help="CSV object,value of truths that fix objects.")
    ] = None,
    truths_out: Annotated[
        str | None,
        typer.Option("--truths-out", help="Write the inferred truths here (.parquet: Parquet)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Write the source table here (.parquet: Parquet)."),
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.CSV,
    value_type: Annotated[
        str, typer.Option("--value-type", help="auto, categorical, numeric, text or mixed.")
    ] = "auto",
    tolerance: Annotated[
        float,
        typer.Option(
            "--tolerance", help="Numbers within this fraction of each other agree (0.05 = 5%)."
        ),
    ] = 0.05,
    engine: Annotated[
        Engine, typer.Option("--engine", help="memory, or dask for a cluster (Parquet folders).")
    ] = Engine.MEMORY,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="--engine dask: a Dask scheduler address.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", help="--engine dask without --scheduler: local workers.")
    ] = 2,
    warm_start: Annotated[
        str | None, typer.Option("--warm-start", help="dawid_skene: start from this state.")
    ] = None,
    state_out: Annotated[
        str | None,
        typer.Option("--state-out", help="dawid_skene: save the state here (the batch beside it)."),
    ] = None,
) -> None:
    """Score how far each source can be trusted, with an interval and an Admiralty grade."""
    import io

    from scoring import METHODS
    from scoring.cli import score_file, write_table
    from scoring.columnar import is_parquet_name
    from scoring.io import InputFileError
    from workbench.cli.io import read_stdin_text, write_text_output

    if assertions is None:
        if method not in ("auto", "beta"):
            raise InputError(
                f"--method {method} needs an assertions file; the database is scored from "
                "verdicts with beta"
            )
        _score_database(db, fmt.value, output)
        return
    if method not in METHODS:
        raise InputError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    # stdin is read here, strictly: the locale may otherwise let binary data through
    # as surrogates that fail deep inside the CSV parser.
    uses_stdin = "-" in (assertions, truth, known)
    stdin = io.StringIO(read_stdin_text(), newline="") if uses_stdin else None
    try:
        report = score_file(
            assertions,
            method=method,
            truth=truth,
            known=known,
            fmt=fmt.value,
            value_type=value_type,
            tolerance=tolerance,
            with_truths=truths_out is not None,
            stdin=stdin,
            engine=engine.value,
            scheduler=scheduler,
            workers=workers,
            warm_start=warm_start,
            state_out=state_out,
        )
    except InputFileError as error:
        raise InputError(error.message, error.path, error.line) from None
    for which, path in (("sources", output), ("truths", truths_out)):
        if which == "truths" and path is None:
            continue
        if path is not None and is_parquet_name(path):
            try:  # Parquet by extension, written atomically
                write_table(report, which, path)
            except InputFileError as error:
                raise InputError(error.message, error.path, error.line) from None
        else:
            text = report.sources_text if which == "sources" else report.truths_text
            write_text_output(text or "", path)


def _score_database(db: str | None, fmt: str, output: str | None) -> None:
    import sys

    from scoring.io import render
    from workbench.cli.io import write_text_output
    from workbench.figure_reliability import fit_figures_database
    from workbench.reliability import fit_database
    from workbench.store import open_as
    from workbench.store.verdicts import current_verdicts

    engine, _viewer = open_as(db)  # blind second review: only verdicts this reviewer may see
    with engine.connect() as connection:
        fitted = fit_database(connection)
        figures = fit_figures_database(connection, current_verdicts(connection))
    if fitted is None:
        print(
            "score: no claim has a resolved verdict yet (corroborated, acknowledged or refuted)",
            file=sys.stderr,
        )
    if figures is None:
        print("score: no incident has a casualty figure from a known origin", file=sys.stderr)
    if fitted is None and figures is None:
        return
    verdict_rel = fitted.source_reliability_ if fitted is not None else None
    figure_rel = figures.model.source_reliability_ if figures is not None else None
    write_text_output(render(both_kinds(verdict_rel, figure_rel), fmt), output)


def both_kinds(verdicts: pd.DataFrame | None, figures: pd.DataFrame | None) -> pd.DataFrame:
    """One row per source: reliability from verdicts, then ``figures_*`` from truth discovery.

    The verdict columns are those of ``workbench score`` before figures were scored
    (reliability ... assessment); a source that only gave figures has n = 0 and grade F
    there. Sources scored from verdicts come first, as before, then the others by their
    figure-based reliability.
    """
    import pandas as pd

    from scoring.io import reliability_table

    empty = pd.DataFrame(
        {c: pd.Series(dtype=float) for c in ("reliability", "ci_low", "ci_high", "n", "trust")}
        | {"grade": pd.Series(dtype=object), "assessment": pd.Series(dtype=object)},
        index=pd.Index([], name="source"),
    )
    table = reliability_table(verdicts if verdicts is not None else empty, "beta")
    if figures is None:
        figures = empty
    extra = figures.reset_index()
    extra = extra.sort_values(["reliability", "n"], ascending=[False, False], kind="stable")
    missing = extra.loc[~extra["source"].isin(table["source"]), ["source"]]
    missing = missing.assign(n=0.0, grade="F", method="beta", assessment="not enough evidence")
    table = pd.concat([table, missing], ignore_index=True) if len(missing) else table
    named = extra.set_index("source")
    for column in ("reliability", "ci_low", "ci_high", "n", "grade"):
        values = table["source"].map(named[column]) if len(named) else None
        table[f"figures_{column}"] = values
    table["figures_grade"] = table["figures_grade"].fillna("F")
    table["figures_n"] = table["figures_n"].fillna(0.0)
    return table.round({f"figures_{c}": 6 for c in ("reliability", "ci_low", "ci_high", "n")})
