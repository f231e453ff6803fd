"""The seed report: every expected claim, source, cue, modality, figure and caveat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models import Modality
from workbench.extract import extract_claims, load_registry, sources_for_claims
from workbench.extract.evaluation import load_gold, report_of, score_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return load_gold(DATA / "palmyra_expected.json")[0]


def test_seed_scores_perfectly(seed: dict[str, Any]) -> None:
    report = report_of(seed)
    scores = score_report(report.text, seed, extract_claims(report), "palmyra")
    assert scores.errors == []
    assert scores.precision == scores.recall == 1.0


def test_our_expected_file_is_complete_and_anchored(seed: dict[str, Any]) -> None:
    """The expected file in tests/ is the only reference: no skip when shared/ is absent.

    It is our copy of the shared Palmyra fixture (claims and unattributed anchors
    identical); here we check it is whole: every claim is fully annotated and every
    anchor is verbatim in the report text it carries.
    """
    text = seed["text"]
    assert len(seed["claims"]) == 18
    for claim in seed["claims"]:
        assert {"anchor", "sources", "cue", "modality", "quantities", "caveats"} <= set(claim)
        assert claim["anchor"]
        assert claim["anchor"] in text
        assert claim["sources"], claim["anchor"]
    assert seed["unattributed"]
    for anchor in seed["unattributed"]:
        assert anchor in text


def test_spans_slice_the_report(seed: dict[str, Any]) -> None:
    report = report_of(seed)
    for claim in extract_claims(report):
        assert claim.report_id == report.id
        region = report.text[claim.span[0] : claim.span[1]]
        assert region == claim.text or "as well as" in region


def test_death_toll_caveat_is_attached_not_a_claim(seed: dict[str, Any]) -> None:
    claims = extract_claims(report_of(seed))
    caveated = [c for c in claims if c.caveats]
    assert len(caveated) == 1
    assert caveated[0].quantities[0].unit == "soldiers killed"
    assert not any("not possible" in c.text for c in claims)


def test_places_and_times_for_grouping(seed: dict[str, Any]) -> None:
    claims = extract_claims(report_of(seed))
    first = claims[0]
    assert first.places == ("Palmyra",)
    assert first.time_expression == "on Monday"
    assert any("Al Qaryatayn" in c.places for c in claims)
    assert any("Tasil" in c.places for c in claims)


def test_sources_for_the_store(seed: dict[str, Any]) -> None:
    registry = load_registry()
    claims = extract_claims(report_of(seed), registry)
    sources = {s.name: s for s in sources_for_claims(claims, registry)}
    assert sources["SANA"].kind == "state_media"
    assert sources["regional media"].kind == "media"
    assert "monitor_ngo" in sources["Syrian Observatory for Human Rights"].roles
    assert {c.modality for c in claims} >= {
        Modality.HOPED,
        Modality.CONDITIONAL,
        Modality.PREDICTED,
    }
