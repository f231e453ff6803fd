"""``workbench extract FILE``: the attributed claims of one report, on stdout."""

from __future__ import annotations

import enum
import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from models import Claim
from workbench.errors import InputError


class ExtractFormat(enum.StrEnum):
    JSONL = "jsonl"
    TABLE = "table"


def claim_record(claim: Claim) -> dict[str, Any]:
    """One JSON object per claim; an open bound ("at least 26") is written as null."""

    def bound(value: float | None) -> float | None:
        return None if value is None or math.isinf(value) else value

    return {
        "id": claim.id,
        "report_id": claim.report_id,
        "text": claim.text,
        "sentence": claim.sentence,
        "span": list(claim.span),
        "sources": list(claim.sources),
        "cue": claim.cue,
        "modality": claim.modality.value,
        "quantities": [
            {
                "value": q.value,
                "unit": q.unit,
                "low": bound(q.low),
                "high": bound(q.high),
                "approximate": q.approximate,
                "at_least": q.at_least,
                "at_most": q.at_most,
                "text": q.text,
            }
            for q in claim.quantities
        ],
        "caveats": [
            {"text": c.text, "kind": c.kind.value, "span": list(c.span) if c.span else None}
            for c in claim.caveats
        ],
        "places": list(claim.places),
        "time_expression": claim.time_expression,
    }


def _table_row(claim: Claim) -> str:
    figures = "; ".join(q.text or f"{q.value:g} {q.unit}" for q in claim.quantities)
    caveats = "; ".join(c.kind.value for c in claim.caveats)
    text = claim.text if len(claim.text) <= 70 else claim.text[:67] + "..."
    return "\t".join(
        [", ".join(claim.sources), claim.cue, claim.modality.value, text, figures, caveats]
    )


def extract(
    file: Annotated[
        Path,
        typer.Argument(
            help="A .txt/.md report (front matter allowed), a .jsonl of reports, or - for stdin."
        ),
    ],
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", help="jsonl: one claim a line; table: for eyes.")
    ] = ExtractFormat.JSONL,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="A YAML source registry that extends the shipped one "
            "(default: $WORKBENCH_SOURCES).",
        ),
    ] = None,
) -> None:
    """Print the claims of a report: who said what, how sure, with which figures."""
    from workbench.extract import iter_claims, load_registry
    from workbench.ingest import read_report_file

    registry = load_registry(sources)
    if str(file) == "-":
        from models import Report
        from workbench.cli.io import read_stdin_text

        text = read_stdin_text()
        if not text.strip():
            raise InputError("empty input", path="<stdin>")
        reports = [Report(text=text)]
    else:
        reports = read_report_file(file)
    out = sys.stdout
    if output_format is ExtractFormat.TABLE:
        out.write("sources\tcue\tmodality\ttext\tfigures\tcaveats\n")
    for report in reports:
        for claim in iter_claims(report, registry):
            if output_format is ExtractFormat.JSONL:
                out.write(json.dumps(claim_record(claim), ensure_ascii=False) + "\n")
            else:
                out.write(_table_row(claim) + "\n")
    out.flush()
