"""Several outlets reporting one happening (INVENTED corpus): figures and origins."""

from __future__ import annotations

from typing import Any

import pytest

from models import Claim, Event, Report
from tests.events.invented import load, report_keys_of
from workbench.events import count_origins, group_claims


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Report], list[Claim], dict[str, Any], list[Event]]:
    reports, claims, raw = load()
    return reports, claims, raw, group_claims(claims, reports)


def _event_holding(claim_id: str, events: list[Event]) -> Event:
    return next(event for event in events if claim_id in event.claim_ids)


def test_events_match_the_annotation(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    _reports, _claims, raw, events = corpus
    for expected in raw["expected_events"]:
        wanted = set(expected["reports"])
        first = next(iter(sorted(wanted)))
        anchor = first if ":" in first else f"{first}:0"
        event = _event_holding(anchor, events)
        keys = {report_keys_of(c) for c in event.claim_ids}
        exact = {c for c in event.claim_ids if c in wanted}
        assert keys == wanted or exact == wanted, expected["name"]
        assert event.outlets == expected["outlets"], expected["name"]


def test_origins_are_counted_not_outlets(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    reports, claims, raw, events = corpus
    by_id = {claim.id: claim for claim in claims}
    report_map = {report.id: report for report in reports}
    for expected in raw["expected_events"]:
        if "origins" not in expected:
            continue
        event = _event_holding(f"{expected['reports'][0]}:0", events)
        counted = count_origins([by_id[c] for c in event.claim_ids], report_map)
        assert list(counted.origins) == expected["origins"], expected["name"]
        assert event.origins == len(expected["origins"])


def test_hospital_event_reads_five_outlets_two_origins(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    reports, claims, _raw, events = corpus
    event = _event_holding("reuters-hospital:0", events)
    by_id = {claim.id: claim for claim in claims}
    counted = count_origins([by_id[c] for c in event.claim_ids], {r.id: r for r in reports})
    assert counted.summary == "5 outlets / 2 origins"


def test_activists_add_an_outlet_but_no_origin(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    reports, claims, _raw, events = corpus
    event = _event_holding("reuters-market:0", events)
    by_id = {claim.id: claim for claim in claims}
    counted = count_origins([by_id[c] for c in event.claim_ids], {r.id: r for r in reports})
    assert "Beirut Blog" in counted.outlets
    assert counted.unknown_claims == ("blog-market:0",)
    assert counted.claim_origins["blog-market:0"] == ()


def test_market_figures_conflict_and_name_their_sources(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    event = _event_holding("reuters-market:0", corpus[3])
    killed = next(figure for figure in event.figures if figure.unit == "civilians killed")
    assert killed.agree is False  # SANA's 4 cannot be "at least 12"
    assert killed.figures == {
        "SANA": (4.0, 4.0),
        "Syrian Civil Defence": (15.0, 15.0),
        "Syrian Observatory for Human Rights": (12.0, float("inf")),
        "activists": (20.0, 20.0),
    }


def test_hospital_figures_agree_and_keep_the_updated_range_apart(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    event = _event_holding("reuters-hospital:0", corpus[3])
    (wounded,) = event.figures
    assert wounded.unit == "staff injured"  # "wounded" folds into "injured"
    assert wounded.agree is True  # 9 lies inside "about ten" (8-12)
    assert wounded.figures["Syrian Observatory for Human Rights via Levant Times"] == (8.0, 12.0)


def test_same_town_a_month_later_and_another_town_the_same_day_stay_apart(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    events = corpus[3]
    market = _event_holding("reuters-market:0", events)
    assert "orontes-later-strike:0" not in market.claim_ids
    assert "reuters-market:2" not in market.claim_ids  # Tal Hamid, same report


def test_grouping_does_not_depend_on_input_order(
    corpus: tuple[list[Report], list[Claim], dict[str, Any], list[Event]],
) -> None:
    reports, claims, _raw, events = corpus
    again = group_claims(list(reversed(claims)), list(reversed(reports)))
    assert {e.claim_ids for e in again} == {e.claim_ids for e in events}
