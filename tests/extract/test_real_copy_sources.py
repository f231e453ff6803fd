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


def test_the_chemical_weapons_watchdog_is_the_opcw_and_the_group_after_it() -> None:
    assert (
        _sources(
            "The global chemical weapons watchdog said it had found traces of sarin. "
            '"Samples are being analysed" the group said.'
        )
        == [("Organisation for the Prohibition of Chemical Weapons",)] * 2
    )


def test_a_description_headed_by_watchdog_is_a_speaker() -> None:
    assert _sources("The nuclear safety watchdog said the plant lost power.") == [
        ("nuclear safety watchdog",)
    ]


def test_al_masdar_and_the_homs_governor_have_one_name() -> None:
    assert _sources("Shells hit the Christian quarter Al Masdar reports.") == [("Al-Masdar News",)]
    assert _sources("Homs governor Talal al-Barazi said 3 people were killed.") == [
        ("Talal Barazi",)
    ]


def _claims(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(c.sources, c.text) for c in extract_claims(Report(text=text), load_registry())]


def test_according_to_between_subject_and_verb_keeps_the_whole_clause() -> None:
    claims = _claims(
        "The shelling according to the police source killed three people and wounded 12. "
        "The city was calm on Friday."
    )
    assert len(claims) == 1
    sources, content = claims[0]
    assert sources == ("police source",)
    assert content.startswith("The shelling")
    assert "wounded 12" in content
    # a clause before "according to" keeps its own reading
    assert _claims("Five people died according to the monitor.") == [
        (("monitor",), "Five people died")
    ]


def test_a_part_of_the_toll_after_a_trailing_cue_stays_with_the_toll() -> None:
    claims = _claims(
        "Shelling on the old city killed 9 civilians Sunday the monitor said most of them "
        "in the market area."
    )
    assert len(claims) == 1
    sources, content = claims[0]
    assert sources == ("monitor",)
    assert content.startswith("Shelling on the old city killed 9 civilians")


def test_the_toll_of_the_attack_a_source_just_described_carries_its_source() -> None:
    claims = _claims(
        "A police source told SANA that terrorists fired rocket shells on the city. "
        "The attacks claimed the lives of three citizens and injured 20 others."
    )
    assert [sources for sources, _ in claims] == [("police source",), ("police source",)]
    # with no claim before it, the sentence is the reporter's own
    assert _claims("The attacks claimed the lives of three citizens.") == []


def test_went_on_to_state_is_a_cue() -> None:
    assert [
        (c.sources, c.cue)
        for c in extract_claims(
            Report(
                text="The ministry said 5 people died. The ministry went on to state that "
                "two towns have joined the truce."
            ),
            load_registry(),
        )
    ] == [(("ministry",), "said"), (("ministry",), "state")]


def test_the_activist_after_activists_is_one_of_them_named_in_the_singular() -> None:
    assert _sources(
        "Activists said 12 people were killed in the raids. "
        '"A rocket hit the school gate" the activist said.'
    ) == [("activists",), ("activist",)]
    # the plural again is the same group
    assert _sources(
        "Activists said 12 people were killed in the raids. The activists said a school was hit."
    ) == [("activists",), ("activists",)]
