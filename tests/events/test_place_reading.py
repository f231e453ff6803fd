"""Reading a report's places on real copy: the mistakes FA-KES showed, one test each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from models import Claim, Modality, Report
from workbench.events.departures import (
    Departure,
    _speaks_for_a_state,
    departures,
    names_near_day,
)
from workbench.events.gazetteer import load_gazetteer, read_places, respell
from workbench.events.happenings import DEFAULT_HAPPENING_WEIGHTS, happening_labels
from workbench.events.kinds import attack_means, kind_classes, means_differ
from workbench.events.report_profile import place_words, profile_report, profile_reports

DAY = date(2016, 4, 4)


def test_a_word_the_text_writes_in_lower_case_is_no_place() -> None:
    # GeoNames lists "City" for two towns in Connecticut; they outvoted Aleppo.
    text = (
        "Two Killed Three Injured in Terrorist Attack in Aleppo City. Two civilians were "
        "killed as terrorists targeted New Aleppo area in Aleppo city with rocket shells."
    )
    mentions, country = read_places(text)
    assert country == "SY"
    assert {m.place.name for m in mentions} == {"Aleppo"}


def test_a_drone_is_no_italian_town() -> None:
    mentions, _country = read_places(
        "Drone strike on Darfur market kills dozens. A drone strike on a crowded market "
        "in the North Darfur town of Kutum killed at least 54 people."
    )
    assert "Dronero" not in {m.place.name for m in mentions}


def test_a_dateline_names_the_country_but_not_the_scene() -> None:
    text = "KHARTOUM (AFP) - A drone strike on a crowded market in Kutum killed 54 people."
    mentions, country = read_places(text)
    assert country == "SD"
    assert all(m.offset > 0 for m in mentions)  # the dateline is not a place of the report


def test_a_metropolis_outweighs_a_demonym() -> None:
    # "Lebanese" names Lebanon once; Damascus is where the bus was bombed.
    mentions, country = read_places(
        "Terrorist Bomb Targets Bus in Damascus Claims 6 Lebanese Martyrs 22 Injured"
    )
    assert country == "SY"
    assert [m.place.name for m in mentions] == ["Damascus"]


@pytest.mark.parametrize(
    ("run", "text", "expected"),
    [
        # FA-KES titles lost their colons: "in Syria's Raqa: Monitor"
        ("Syrias Raqa Monitor", "the monitor said", "Raqa"),
        ("IS stronghold", "a stronghold of the group", ""),  # a group, not a place
        ("N", "in N. Syria", ""),  # an abbreviation
        ("Kafr Dunya", "air strikes hit a market", "Kafr Dunya"),
        ("Jordan Valley", "settlers", "Jordan Valley"),  # a country word inside a name
        ("Gaza City", "an air strike", "Gaza City"),
        ("Syria", "fighting", ""),  # a country alone is read as one elsewhere
        # real copy (FA-KES, wire reports): adjectives, agencies, headline words
        ("Daesh-held Raqqa", "air strikes", "Raqqa"),
        ("US-Led Coalition Airstrike", "the US-led coalition", ""),
        ("Houthi-controlled Saada", "a detention centre", "Saada"),
        ("Syria-Turkey", "a border crossing", ""),
        ("Moscow AFP", "the ministry said", "Moscow"),
        ("N Syria", "four soldiers", ""),
        ("Clashes", "at least 12 were killed", ""),
        ("Eastern Ghouta", "shelling of the enclave", "Ghouta"),  # a direction, then the name
        ("Ras-al-Ain", "a border town", "Ras-al-Ain"),  # an article inside is no adjective
        ("Al-Qaeda-held Idlib", "the province", "Idlib"),
    ],
)
def test_the_words_of_a_run_after_in_that_can_name_a_place(
    run: str, text: str, expected: str
) -> None:
    assert place_words(run, text) == expected


def test_a_title_run_ends_at_a_word_the_body_never_capitalises() -> None:
    # "Civilian Death Toll in Raqqa Rises to 20": "Rises" is the headline's verb
    body = "The toll of the strike on Raqqa has risen to 20."
    assert place_words("Raqqa Rises", body, title=True) == "Raqqa"
    assert place_words("Kafr Dunya", "Jets struck Kafr Dunya.", title=True) == "Kafr Dunya"


def test_a_title_name_the_body_writes_otherwise_is_not_cut_to_its_first_word() -> None:
    # "Kafr" alone would make every "Kafr ..." village of the day one place
    assert place_words("Kafr Hamra", "Jets struck Kafr-Hamra village.", title=True) == (
        "Kafr Hamra"
    )
    assert place_words("Kafr Hamra", "Jets struck a village.", title=True) == ""
    reports = [
        Report(title="Air Strikes Kill 9 in Kafr Hamra", text="Jets struck Kafr-Hamra village.",
               published=DAY),
        Report(title="Rebels Shell Homes in Kafr Dael", text="Shells fell at Kafr-Dael.",
               published=DAY),
    ]  # fmt: skip
    labels = happening_labels([*reports, *_other_days()])
    assert labels[0] != labels[1]


def test_a_place_across_a_border_is_far_whatever_the_distance() -> None:
    from workbench.events.departures import FAR_KM
    from workbench.events.gazetteer import same_area

    # Beirut is 85 km from Damascus: within the 150 km of one theatre, but another country
    damascus, beirut, homs = (
        max(load_gazetteer().candidates(name), key=lambda place: place.population)
        for name in ("Damascus", "Beirut", "Homs")
    )
    assert (damascus.country, beirut.country) == ("SY", "LB")
    assert not same_area(damascus, beirut, FAR_KM)
    assert same_area(damascus, homs, FAR_KM)  # 141 km, one country


def test_region_words_are_no_place() -> None:
    # GeoNames lists a "Middle East" in Baltimore
    assert read_places("an attack on migrants in the Middle East")[0] == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [("Raqa", "Ar Raqqah"), ("Deir az-Zour", "Deir ez-Zor"), ("Idleb", "Idlib")],
)
def test_a_spelling_the_gazetteer_lacks_is_read_as_the_place(written: str, expected: str) -> None:
    place = respell(written, "SY")
    assert place is not None
    assert place.name == expected


def test_a_name_one_edit_from_two_towns_stays_unresolved() -> None:
    assert respell("Qusour", "SY") is None  # a Deir ez-Zor district, not Al Qusayr (Homs)
    assert respell("Raqa", "") is None  # no country to read it in


def test_two_spellings_of_one_city_give_one_region() -> None:
    reports = [
        Report(title="US-led strike kills 18 civilians in Syrias Raqa", text="The monitor said.",
               published=DAY),
        Report(title="At least 45 killed in US airstrike in Syrias Raqqa", text="Local reports.",
               published=DAY),
    ]  # fmt: skip
    first, second = profile_reports(reports)
    assert set(first.regions) == set(second.regions) == {("SY", "04")}


@pytest.mark.parametrize(
    ("expression", "near"),
    [
        ("on Tuesday", True),
        ("Thursday evening", True),
        ("today", True),
        ("last night", True),
        ("last week", False),
        ("on December 11", False),
        ("two weeks ago", False),
        ("on Monday, December 11", False),  # a weekday with its date is a date
        ("the night of 12 June", False),
        ("", False),
    ],
)
def test_weekdays_are_near_days_and_dates_are_not(expression: str, near: bool) -> None:
    assert names_near_day(expression) is near


def _claim(report: Report, text: str, when: str) -> Claim:
    start = report.text.index(text)
    return Claim(
        report_id=report.id,
        text=text,
        sentence=text,
        span=(start, start + len(text)),
        sources=("Syrian Observatory for Human Rights",),
        modality=Modality.ASSERTED,
        time_expression=when,
    )


def _departed(text: str, claim_texts: list[tuple[str, str]]) -> dict[str, Departure]:
    report = Report(title="Air strikes kill 15 in Kafr Dunya", text=text, published=DAY)
    claims = [_claim(report, part, when) for part, when in claim_texts]
    profile = profile_report(report)
    gone = departures(claims, {report.id: report}, {report.id: profile}, lambda _: {})
    return {claims[index].text: why.reason for index, why in gone.items()}


def test_a_weekday_alone_keeps_a_claim_with_its_report() -> None:
    # FA-KES: "the missile hit near a school Thursday evening" in Friday's report of it
    text = (
        "Air strikes killed 15 civilians in Kafr Dunya on Sunday, the monitor said. "
        "The strikes hit a market on Thursday, the monitor said."
    )
    gone = _departed(
        text,
        [
            ("Air strikes killed 15 civilians in Kafr Dunya on Sunday", "on Sunday"),
            ("The strikes hit a market on Thursday", "on Thursday"),
        ],
    )
    assert gone == {}


def test_a_date_of_another_month_still_departs() -> None:
    text = (
        "Air strikes killed 15 civilians in Kafr Dunya on Sunday, the monitor said. "
        "Warplanes dropped nerve agents on eastern Hama on December 11, the monitor said."
    )
    gone = _departed(
        text,
        [
            ("Air strikes killed 15 civilians in Kafr Dunya on Sunday", "on Sunday"),
            ("Warplanes dropped nerve agents on eastern Hama on December 11", "on December 11"),
        ],
    )
    assert gone == {"Warplanes dropped nerve agents on eastern Hama on December 11": Departure.DATE}


def test_headlines_naming_different_means_of_attack_are_two_happenings() -> None:
    # FA-KES, one day in Aleppo: the opposition's air raid and the state agency's rocket
    # attack share the city, the day and the words "killed", "civilians", "Aleppo".
    raid = (
        "Air raids on the rebel-held Shaar district of Aleppo killed 12 civilians, a monitor said."
    )
    rockets = (
        "Terrorists fired rocket shells on al-Midan in Aleppo, killing 12 civilians, SANA said."
    )
    reports = [
        Report(title="Air raids kill 12 civilians in Aleppo", text=raid, published=DAY),
        Report(title="Rocket attack kills 12 civilians in Aleppo", text=rockets, published=DAY),
        Report(title="Air raids kill 12 in Aleppo: monitor", text=raid, published=DAY),
    ]
    reports += _other_days()
    labels = happening_labels(reports)
    assert labels[0] == labels[2] != labels[1]
    same = happening_labels(reports, replace(DEFAULT_HAPPENING_WEIGHTS, means_differ=1.0))
    assert same[0] == same[1] == same[2]  # without the evidence, place, day and words join them


@pytest.mark.parametrize(
    ("headline", "means"),
    [
        ("Air strikes kill 18 in Idlib", {"air"}),
        ("Car bomb kills 10 in Homs", {"bombing"}),
        ("Rebel shelling kills four civilians in Damascus", {"ground"}),
        ("Clashes kill 30 fighters near Aleppo", set()),  # fighting goes with any means
        ("Army raid in Jenin kills three", set()),  # a raid on the ground is no air raid
    ],
)
def test_the_means_of_attack_a_headline_names(headline: str, means: set[str]) -> None:
    assert attack_means(headline) == means


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Israeli bombing kills 20 in Gaza", "Israeli air strikes kill 20 in Gaza"),
        ("Russian missile strike kills 12 in Odesa", "Russian air strike kills 12 in Odesa"),
        ("Drone strike on El Fasher hospital", "Air strike on El Fasher hospital"),
    ],
)
def test_outlets_words_for_one_strike_are_one_means(one: str, other: str) -> None:
    assert not means_differ(attack_means(one), attack_means(other))


def _departed_after_an_idlib_lead(rest: str, claim_texts: list[str]) -> dict[str, Departure]:
    """Claims of ``rest`` in a report whose lead is about Idlib; ``rest`` comes after the
    lead's 400 characters, so its places are the claims' own, not the lead's."""
    lead = "Air strikes killed 15 civilians in Idlib on Sunday, the monitor said. "
    filler = "Rescuers searched the rubble of the market for hours after the raids. " * 6
    return _departed(
        lead + filler + rest,
        [
            ("Air strikes killed 15 civilians in Idlib on Sunday", "on Sunday"),
            *((text, "") for text in claim_texts),
        ],
    )


def test_a_capital_speaking_for_its_state_is_no_place_of_the_claim() -> None:
    gone = _departed_after_an_idlib_lead(
        "Damascus has accused rebels of shelling the safe corridors, the monitor said. "
        "Rockets hit a market outside Damascus, the monitor said.",
        [
            "Damascus has accused rebels of shelling the safe corridors",
            "Rockets hit a market outside Damascus",
        ],
    )
    assert gone == {"Rockets hit a market outside Damascus": Departure.PLACE}


def test_a_neighbouring_governorate_keeps_a_claim_with_its_report() -> None:
    # FA-KES: a report of strikes on Idlib goes on to the same bombardment in Hama (about
    # 100 km away, another governorate); a place across the country is another happening.
    gone = _departed_after_an_idlib_lead(
        "Jets also struck a bakery in Hama, the monitor said. "
        "Rockets hit a market in Raqqa, the monitor said.",
        ["Jets also struck a bakery in Hama", "Rockets hit a market in Raqqa"],
    )
    assert gone == {"Rockets hit a market in Raqqa": Departure.PLACE}


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("according to the health ministry, 12 people were killed", {"violence"}),
        ("the challenge is to deal with the agendas of each country", set()),
        ("the deal collapsed after a week", {"diplomacy"}),
        ("the two sides signed an accord in Astana", {"diplomacy"}),
        ("Iran nuclear deal collapses", {"diplomacy"}),
        ("the rebels dealt with the truce breach", {"diplomacy"}),
    ],
)
def test_kinds_read_words_not_their_look_alikes(text: str, classes: set[str]) -> None:
    # "according to" is no accord and "deal with" no deal: on FA-KES they sent a cue
    # fragment ("according to Barazi") out of an air strike's happening as diplomacy.
    assert kind_classes(text) == classes


def _other_days() -> list[Report]:
    """A corpus around the reports under test, as in any real use: other days' reports."""
    return [
        Report(
            title=f"{n} killed in Aleppo",
            text=f"Fighting killed {n} civilians in a market in Aleppo, a monitor said.",
            published=date(2016, 3, n),
        )
        for n in range(1, 25)
    ]


@pytest.mark.parametrize(
    ("text", "name", "speaks"),
    [
        ("Damascus has accused rebels of shelling the corridors", "Damascus", True),
        ("Moscow denied the report", "Moscow", True),
        ("the YPG cooperates with Damascus rather than fighting it", "Damascus", True),
        ("Deir ez-Zor denied it", "Deir", True),
        ("Activists in Douma said jets struck a clinic", "Douma", False),  # people there
        ("An official in Kherson said", "Kherson", False),
        ("Israel's border with Gaza was shelled", "Gaza", False),
        ("Fighters in Idlib agreed to a truce", "Idlib", False),
        ("Shells hit Aleppo urgently", "Aleppo", False),
    ],
)
def test_a_place_acting_for_its_state(text: str, name: str, speaks: bool) -> None:
    assert _speaks_for_a_state(text, text.index(name)) is speaks


@pytest.mark.parametrize("written", ["Deir ez-Zor", "Deir al-Zor"])
def test_a_name_with_the_article_inside_is_read_whole(written: str) -> None:
    # Syrian copy writes the article of "Deir ez-Zor" many ways; "ez-" ended the name,
    # so the city was never read and its claims never left an Idlib report's happening.
    mentions, country = read_places(f"Rockets hit a market in {written} on Sunday.")
    assert [mention.place.name for mention in mentions] == ["Deir ez-Zor"]
    assert country == "SY"
