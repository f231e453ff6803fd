"""``workbench events`` output formats pinned as golden files (INVENTED corpus, hand-made claims).

The CLI writes exactly these renderings (views.event_record / views.format_table).
To accept a deliberate change: UPDATE_GOLDEN=1 pytest tests/events/test_golden_formats.py,
then read the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.events.invented import load
from workbench.events import group_claims
from workbench.events.views import event_record, format_table

GOLDEN = Path(__file__).parent / "data" / "golden"


def _render(output_format: str) -> str:
    reports, claims, _raw = load()
    events = group_claims(claims, reports)
    by_id = {claim.id: claim for claim in claims}
    report_map = {report.id: report for report in reports}
    records = [event_record(event, by_id, report_map) for event in events]
    if output_format == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in records)
    return "\n".join(format_table(record) + "\n" for record in records)


@pytest.mark.parametrize(
    ("output_format", "name"), [("jsonl", "events.jsonl"), ("table", "events.txt")]
)
def test_output_matches_golden(output_format: str, name: str) -> None:
    path = GOLDEN / name
    rendered = _render(output_format)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")
