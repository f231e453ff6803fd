"""Events as records and text, shared by the CLI and the TUI (no I/O, no Textual)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from models import CasualtyFigures, Claim, Event, Report, Source
from workbench.events.origins import count_origins


def _bound(value: float) -> float | None:
    """JSON has no infinity: an open bound ("at least 26") is null."""
    return None if math.isinf(value) else value


def event_record(
    event: Event,
    claims: Mapping[str, Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source] | None = None,
) -> dict[str, Any]:
    """One event with its claims, figure comparison and origins, as plain JSON data."""
    members = [claims[claim_id] for claim_id in event.claim_ids]
    origins = count_origins(members, reports, sources, one_event=True)
    out_claims = []
    for claim in members:
        report = reports.get(claim.report_id)
        out_claims.append(
            {
                "id": claim.id,
                "report_id": claim.report_id,
                "outlet": report.outlet if report else "",
                "published": report.published.isoformat() if report and report.published else None,
                "sources": list(claim.sources),
                "origins": list(origins.claim_origins.get(claim.id, ())),
                "text": claim.text,
                "modality": claim.modality.value,
                "quantities": [
                    {
                        "value": q.value,
                        "unit": q.unit,
                        "low": _bound(q.low if q.low is not None else q.value),
                        "high": _bound(q.high if q.high is not None else q.value),
                        "approximate": q.approximate,
                        "at_least": q.at_least,
                        "at_most": q.at_most,
                    }
                    for q in claim.quantities
                ],
                "caveats": [caveat.text for caveat in claim.caveats],
            }
        )
    return {
        "id": event.id,
        "title": event.title,
        "outlets": event.outlets,
        "origins": event.origins,
        "summary": origins.summary,
        "outlet_names": list(origins.outlets),
        "origin_names": list(origins.origins),
        "unknown_lineage": list(origins.unknown_claims),
        "figures": [
            {
                "unit": figure.unit,
                "agree": figure.agree,
                "figures": [
                    {"source": source, "low": _bound(low), "high": _bound(high)}
                    for source, (low, high) in figure.figures.items()
                ],
            }
            for figure in event.figures
        ],
        "casualties": [casualty_record(row) for row in event.casualties],
        "claims": out_claims,
    }


def casualty_record(row: CasualtyFigures) -> dict[str, Any]:
    """One reconciled casualty row as JSON data (an open bound is null)."""
    return {
        "kind": row.kind,
        "status": row.status.value,
        "minimum": row.minimum,
        "minimum_origin": row.minimum_origin,
        "maximum": row.maximum,
        "maximum_origin": row.maximum_origin,
        "conservative": row.conservative,
        "conservative_origin": row.conservative_origin,
        "origins": [
            {
                "origin": origin.origin,
                "low": _bound(origin.low),
                "high": _bound(origin.high),
                "outlets": list(origin.outlets),
                "history": [[_bound(low), _bound(high)] for low, high in origin.history],
            }
            for origin in row.origins
        ],
        "subgroups": {
            group: {name: [_bound(low), _bound(high)] for name, (low, high) in given.items()}
            for group, given in row.subgroups.items()
        },
    }


def casualty_line(row: Mapping[str, Any]) -> str:
    """ "killed CONFLICT 22-44, conservative 22 (State TV): Monitor 44; State TV 22 (was 16)"."""
    given = "; ".join(
        f"{o['origin']} {format_range(o['low'], o['high'])}"
        + (
            " (was " + ", ".join(format_range(lo, hi) for lo, hi in o["history"]) + ")"
            if o["history"]
            else ""
        )
        for o in row["origins"]
    )
    status = row["status"].upper() if row["status"] == "conflict" else row["status"]
    span = format_range(row["minimum"], row["maximum"])
    return (
        f"{row['kind']} {status} {span}, conservative {row['conservative']:g} "
        f"({row['conservative_origin']}): {given}"
    )


def format_range(low: float | None, high: float | None) -> str:
    """26, 3.6-4.4, 12+ (open above), up to 5 (open below)."""
    if low is None and high is None:
        return "?"
    if high is None:
        return f"{low:g}+"
    if low is None or math.isinf(low):
        return f"up to {high:g}"
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def format_table(record: Mapping[str, Any], width: int = 100) -> str:
    """A reviewer's text view of one event: header, figure comparison, then claims."""
    lines = [f"{record['id']}  {record['summary']}  {_cut(record['title'], width - 40)}"]
    if record["origin_names"]:
        lines.append(f"  origins: {'; '.join(record['origin_names'])}")
    if record["unknown_lineage"]:
        lines.append(f"  unknown lineage: {len(record['unknown_lineage'])} claim(s), no origin")
    for figure in record["figures"]:
        given = ", ".join(
            f"{item['source']} {format_range(item['low'], item['high'])}"
            for item in figure["figures"]
        )
        verdict = "agree" if figure["agree"] else "CONFLICT"
        lines.append(f"  figures [{figure['unit']}] {verdict}: {given}")
    lines.extend(f"  toll: {casualty_line(row)}" for row in record.get("casualties", ()))
    header = f"  {'claim':<20}  {'outlet':<16}  {'sources':<28}  text"
    lines.append(header)
    for claim in record["claims"]:
        figures = "; ".join(
            f"{format_range(q['low'], q['high'])} {q['unit']}".strip() for q in claim["quantities"]
        )
        text = claim["text"] + (f"  [{figures}]" if figures else "")
        lines.append(
            f"  {claim['id']:<20}  {_cut(claim['outlet'], 16):<16}  "
            f"{_cut(', '.join(claim['sources']) or '(none)', 28):<28}  {text}"
        )
        lines.extend(f"  {'':<20}  {'':<16}  {'':<28}  caveat: {c}" for c in claim["caveats"])
    return "\n".join(lines)
