"""The Palmyra seed: the side_by_side groups of palmyra-expected.json come out as events."""

from __future__ import annotations

import pytest

from models import Claim, Event
from tests.events.seed import SIDE_BY_SIDE, UNRELATED_TO_FIGHTING, seed_claims, seed_report
from workbench.events import count_origins, group_claims


def _event_of(fragment: str, events: list[Event], claims: list[Claim]) -> Event:
    matching = [claim for claim in claims if fragment in claim.text]
    assert len(matching) == 1, fragment
    return next(event for event in events if matching[0].id in event.claim_ids)


@pytest.fixture(scope="module", params=["hand-made", "extractor"])
def grouped(request: pytest.FixtureRequest) -> tuple[list[Event], list[Claim]]:
    """The seed grouped from hand-made claims and from the real extractor's claims."""
    report = seed_report()
    if request.param == "extractor":
        from workbench.extract import extract_claims

        claims = extract_claims(report)
    else:
        claims = seed_claims(report)
    return group_claims(claims, [report]), claims


@pytest.mark.parametrize("group", SIDE_BY_SIDE, ids=["fighting", "air-support", "ceasefire"])
def test_side_by_side_group_is_one_event(
    grouped: tuple[list[Event], list[Claim]], group: tuple[str, ...]
) -> None:
    events, claims = grouped
    assert len({_event_of(fragment, events, claims).id for fragment in group}) == 1


def test_the_three_groups_are_three_different_events(
    grouped: tuple[list[Event], list[Claim]],
) -> None:
    events, claims = grouped
    ids = {_event_of(group[0], events, claims).id for group in SIDE_BY_SIDE}
    assert len(ids) == 3


def test_fighting_event_is_exactly_the_three_palmyra_fighting_claims(
    grouped: tuple[list[Event], list[Claim]],
) -> None:
    events, claims = grouped
    fighting = _event_of(SIDE_BY_SIDE[0][0], events, claims)
    texts = [claim.text for claim in claims if claim.id in fighting.claim_ids]
    assert len(texts) == 3
    for fragment in UNRELATED_TO_FIGHTING:
        assert not any(fragment in text for text in texts), fragment


def test_fighting_event_keeps_the_toll_and_counts_two_origins(
    grouped: tuple[list[Event], list[Claim]],
) -> None:
    events, claims = grouped
    fighting = _event_of(SIDE_BY_SIDE[0][0], events, claims)
    members = [claim for claim in claims if claim.id in fighting.claim_ids]
    origins = count_origins(members, {report.id: report for report in [seed_report()]})
    assert fighting.outlets == 1
    assert origins.origins == ("SANA", "Syrian Observatory for Human Rights")
    toll = next(figure for figure in fighting.figures if figure.unit == "soldiers killed")
    assert toll.figures == {"Syrian Observatory for Human Rights": (26.0, 26.0)}
    # SANA's "about 100km further west" has no reference point: never compared with
    # the Observatory's "4 km west of Palmyra".
    assert [figure.unit for figure in fighting.figures] == ["km west of palmyra", "soldiers killed"]


def test_southern_village_claims_form_their_own_event(
    grouped: tuple[list[Event], list[Claim]],
) -> None:
    events, claims = grouped
    ids = {_event_of(fragment, events, claims).id for fragment in UNRELATED_TO_FIGHTING[:3]}
    assert len(ids) == 1
    assert ids.isdisjoint({_event_of(SIDE_BY_SIDE[0][0], events, claims).id})


def test_hand_made_fighting_event_counts_exactly_two_origins() -> None:
    report = seed_report()
    claims = seed_claims(report)
    events = group_claims(claims, [report])
    fighting = _event_of(SIDE_BY_SIDE[0][0], events, claims)
    assert (fighting.outlets, fighting.origins) == (1, 2)  # SOHR and SANA, one report


def test_every_claim_is_in_exactly_one_event(grouped: tuple[list[Event], list[Claim]]) -> None:
    events, claims = grouped
    placed = [claim_id for event in events for claim_id in event.claim_ids]
    assert sorted(placed) == sorted(claim.id for claim in claims)
