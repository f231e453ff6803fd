"""Dates, places, actors and figures are normalised so differently worded claims compare."""

from __future__ import annotations

from datetime import date

import pytest

from models import Claim, Quantity, Report
from workbench.events.features import (
    actors_of,
    claim_units,
    distance_units,
    extract_features,
    normalise_unit,
    resolve_time,
)

MONDAY = date(2016, 3, 21)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Monday", MONDAY, (MONDAY, MONDAY)),  # publication day itself
        ("on Thursday", MONDAY, (date(2016, 3, 17), date(2016, 3, 17))),
        ("last Monday", MONDAY, (date(2016, 3, 14), date(2016, 3, 14))),
        ("last week", MONDAY, (date(2016, 3, 14), date(2016, 3, 20))),
        ("last week", date(2016, 3, 24), (date(2016, 3, 14), date(2016, 3, 20))),
        ("yesterday", MONDAY, (date(2016, 3, 20), MONDAY)),
        ("earlier on Monday", MONDAY, (MONDAY, MONDAY)),
        ("starting from March 22", MONDAY, (date(2016, 3, 22), date(2016, 3, 22))),
        ("on 20 June", date(2024, 6, 21), (date(2024, 6, 20), date(2024, 6, 20))),
        ("on December 30", date(2017, 1, 2), (date(2016, 12, 30), date(2016, 12, 30))),
        ("two days ago", MONDAY, (date(2016, 3, 19), date(2016, 3, 19))),
        ("this week", date(2016, 3, 23), (MONDAY, date(2016, 3, 23))),
        ("last month", MONDAY, (date(2016, 2, 1), date(2016, 2, 29))),
        ("soon", MONDAY, None),
        ("on Monday", None, None),
    ],
)
def test_time_expressions_resolve_against_the_report_date(
    expression: str, published: date | None, expected: tuple[date, date] | None
) -> None:
    assert resolve_time(expression, published) == expected


def test_actor_aliases_fold_to_one_party() -> None:
    assert actors_of("IS militants killed 26 Syrian soldiers") == {
        "islamic state",
        "syrian government",
    }
    assert actors_of("Islamic State fighters attacked government forces") == {
        "islamic state",
        "syrian government",
    }
    assert actors_of("this is what it is") == frozenset()  # lower-case "is" is no actor
    assert actors_of("rejected the call from Russia's military") == {"russia"}


def test_distance_needs_a_reference_point() -> None:
    assert distance_units("the fighting took place about 4 km (2 miles) west of Palmyra") == {
        4.0: "km west of palmyra"
    }
    assert distance_units("the IS-held town of Al Qaryatayn, about 100km further west") == {}


def test_units_fold_synonyms() -> None:
    assert normalise_unit("troops dead") == normalise_unit("soldiers killed") == "soldiers killed"


def test_at_least_keeps_an_open_upper_bound() -> None:
    claim = Claim(
        text="at least 12 civilians were killed",
        span=(0, 33),
        quantities=(Quantity(value=12, unit="civilians killed", high=float("inf"), at_least=True),),
    )
    assert claim_units(claim) == {"civilians killed": (12.0, float("inf"))}


def _claims(report: Report, *texts: str) -> list[Claim]:
    out = []
    for text in texts:
        start = report.text.index(text)
        out.append(Claim(report_id=report.id, text=text, span=(start, start + len(text))))
    return out


def test_follow_up_sentence_borrows_places_one_hop_only() -> None:
    report = Report(
        text="Shelling hit Kafr Dunya on Monday. The fighting went on all night. "
        "Nothing else was said. In Syria talks continued.",
        published=MONDAY,
    )
    claims = _claims(
        report,
        "Shelling hit Kafr Dunya on Monday",
        "The fighting went on all night",
        "Nothing else was said",
        "In Syria talks continued",
    )
    claims[0] = claims[0].model_copy(update={"places": ("Kafr Dunya",)})
    first, second, third, fourth = extract_features(claims, {report.id: report})
    assert first.places == {"kafr dunya"}
    assert first.explicit_date
    assert second.places == {"kafr dunya"}
    assert second.inherited_places
    assert third.places == frozenset()  # no chain through an inherited place
    assert fourth.places == frozenset()
    assert fourth.coarse_places == {"syria"}


def test_known_places_are_found_again_in_other_claims() -> None:
    report = Report(text="Troops entered Tasil. Tasil fell quickly.", published=MONDAY)
    claims = _claims(report, "Troops entered Tasil", "Tasil fell quickly")
    claims[0] = claims[0].model_copy(update={"places": ("Tasil",)})
    features = extract_features(claims, {report.id: report})
    assert features[1].places == {"tasil"}
    assert not features[1].inherited_places


# every locative word of the place pattern, in the cases wire copy writes them
LOCATIVES = (
    "in", "near", "at", "around", "outside", "into", "toward", "towards", "north of",
    "south-east of", "northwestern of", "western of", "village of", "town of", "city of",
    "province of", "district of", "governorate of", "region of", "area of", "suburb of",
    "neighbourhood of", "neighborhood of",
)  # fmt: skip


@pytest.mark.parametrize("word", LOCATIVES)
def test_each_locative_word_finds_the_place_in_any_case(word: str) -> None:
    from workbench.events.features import places_in_text

    for form in (word, word.capitalize(), word.upper()):
        assert places_in_text(f"Shells fell {form} Kafr Dunya on Monday.") == {"kafr dunya"}


@pytest.mark.parametrize(
    "text",
    [
        "on Monday", "since Sunday", "earlier on Friday", "last week", "this month",
        "past week", "yesterday", "today", "last night", "3 days ago", "several weeks ago",
        "a few days ago", "seven days ago", "January 5", "5 December", "Wednesday",
        "thursday", "Saturday", "TUESDAY", "two weeks ago", "June 30", "12 August",
    ],
)  # fmt: skip
def test_each_time_expression_is_found_in_any_case(text: str) -> None:
    from workbench.events.features import find_time

    assert find_time(f"Fighting continued {text}, residents said.") == text
