"""Sources in real wire copy (issue 14, after the figures round): each test a general rule
in short sentences of the same pattern as the reports that showed it."""

from __future__ import annotations

from models import Report
from workbench.extract import extract_claims, load_registry


def _sources(text: str) -> list[tuple[str, ...]]:
    return [claim.sources for claim in extract_claims(Report(text=text), load_registry())]


def test_a_common_adjective_opening_a_description_is_lower_cased() -> None:
    assert _sources("Preliminary reports indicated that 12 people were killed.") == [
        ("preliminary reports",)
    ]
    # a name before "reports" keeps its capital
    assert _sources("Amaq reports said the blast killed 5 soldiers.") != [("amaq reports",)]
