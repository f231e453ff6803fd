"""Loader for the INVENTED multi-outlet corpus in data/invented_corpus.json (all made up)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models import Claim, Quantity, Report

DATA = Path(__file__).parent / "data" / "invented_corpus.json"


def load(keys: set[str] | None = None) -> tuple[list[Report], list[Claim], dict[str, Any]]:
    """Reports and hand-annotated claims of the invented corpus (optionally some reports)."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    reports: list[Report] = []
    claims: list[Claim] = []
    for entry in raw["reports"]:
        if keys is not None and entry["key"] not in keys:
            continue
        report = Report(
            outlet=entry["outlet"],
            published=entry["published"],
            title=entry["title"],
            text=entry["text"],
        )
        reports.append(report)
        for number, item in enumerate(entry["claims"]):
            start = report.text.index(item["text"])
            claims.append(
                Claim(
                    id=f"{entry['key']}:{number}",
                    report_id=report.id,
                    text=item["text"],
                    sentence=item["text"],
                    span=(start, start + len(item["text"])),
                    sources=tuple(item["sources"]),
                    quantities=tuple(Quantity.model_validate(q) for q in item["quantities"]),
                    places=tuple(item["places"]),
                    time_expression=item["time_expression"],
                )
            )
    return reports, claims, raw


def report_keys_of(claim_id: str) -> str:
    return claim_id.split(":")[0]
