"""``workbench agreement``: how far reviewers agree, per pair and overall."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from enum import StrEnum
from typing import Annotated

import typer

from workbench.cli.options import DbOption


class AgreementFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


COLUMNS = (
    "raters",
    "items",
    "percent",
    "kappa_name",
    "kappa",
    "gwet_ac1",
    "alpha_nominal",
    "alpha_ordinal",
)


def agreement(
    db: DbOption = None,
    fmt: Annotated[AgreementFormat, typer.Option("--format", "-f")] = AgreementFormat.TABLE,
) -> None:
    """Cohen's kappa per reviewer pair, Fleiss' kappa overall, Gwet's AC1, and
    Krippendorff's alpha (nominal on verdicts, ordinal on Admiralty credibility)."""
    from workbench.agreement import agreement_report
    from workbench.cli.io import for_stdout
    from workbench.store import open_as
    from workbench.store.verdicts import current_verdicts

    engine, _viewer = open_as(db)  # blind second review: only verdicts this reviewer may see
    with engine.connect() as connection:
        rows = [row.as_dict() for row in agreement_report(current_verdicts(connection))]
    if not rows:
        print("no claim has verdicts from two reviewers yet", file=sys.stderr)
    sys.stdout.write(for_stdout(render(rows, fmt)))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def render(rows: list[dict[str, object]], fmt: AgreementFormat) -> str:
    if fmt is AgreementFormat.JSON:
        clean = [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for row in rows
        ]
        return json.dumps(clean, indent=2) + "\n"
    cells = [[_cell(row[c]) for c in COLUMNS] for row in rows]
    if fmt is AgreementFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(cells)
        return buffer.getvalue()
    widths = [max((len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(COLUMNS)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines) + "\n"
