"""Real FA-KES sentences from the second blind batch (December 2026), one per fix.

FA-KES: Abu Salem et al., ICWSM 2019; Zenodo 2607278, CC BY 4.0. The copy keeps the
dataset's stripped commas and apostrophes ("Tuesdays statement", "IFRC said stressing").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Report
from workbench.extract import extract_claims, load_registry
from workbench.extract.evaluation import score_split
from workbench.extract.quantities import parse_quantities

DATA = Path(__file__).parent / "data"


def _claims(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [
        (claim.sources, claim.cue, claim.text)
        for claim in extract_claims(Report(text=text), load_registry())
    ]


def test_the_federation_is_not_the_committee_of_the_red_cross() -> None:
    claims = _claims(
        "The air raids that hit an aid convoy near Aleppo killed around 20 people the "
        "International Federation of Red Cross and Red Crescent Societies said on Tuesday."
    )
    assert [sources for sources, _, _ in claims] == [
        ("International Federation of Red Cross and Red Crescent Societies",)
    ]


def test_the_group_named_before_a_place_that_stands_for_a_government() -> None:
    # "Damascus" can name the Syrian government; "a besieged Damascus suburb" does not.
    claims = _claims(
        "Three rescue workers from the Syrian Civil Defence have been killed in bombing in "
        "a besieged Damascus suburb the group said."
    )
    assert [sources for sources, _, _ in claims] == [("White Helmets",)]


def test_a_surname_after_a_full_name_with_its_particle() -> None:
    claims = _claims(
        "President of the Syrian Coalition Anas al-Abdah said the inaction encouraged Assad. "
        "Abdah said this complete inaction towards Assads atrocities was shameful."
    )
    assert [sources for sources, _, _ in claims] == [("Anas al-Abdah",), ("Anas al-Abdah",)]


def test_pointed_out_reports() -> None:
    claims = _claims(
        "Nyrabia pointed out that the aftermath of the airstrikes indicates deliberate attacks."
    )
    assert claims == [
        (
            ("Nyrabia",),
            "pointed out",
            "the aftermath of the airstrikes indicates deliberate attacks",
        )
    ]


@pytest.mark.parametrize(
    ("text", "sources", "content"),
    [
        (
            '"Much of the aid was destroyed" IFRC said stressing that "the attack deprives '
            'thousands of civilians of food".',
            "International Federation of Red Cross and Red Crescent Societies",
            "Much of the aid was destroyed",
        ),
        (
            '"From what we know there has been a flagrant violation of law" Peter Maurer head '
            "of the International Committee of the Red Cross said in Tuesdays statement.",
            "Peter Maurer",
            "From what we know there has been a flagrant violation of law",
        ),
    ],
)
def test_a_quotation_before_its_speaker_whose_cue_has_an_adjunct(
    text: str, sources: str, content: str
) -> None:
    first = _claims(text)[0]
    assert first[0] == (sources,)
    assert first[2] == content


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # The child is one of the dead, not of the wounded that follow.
        (
            "It killed 18 civilians including one child and wounded dozens of others",
            [(18, "civilians killed"), (1, "child killed"), (12, "wounded")],
        ),
        # No verb before the subgroup: the verb after it counts.
        (
            "At least seven civilians, among them three children, have been killed by shelling",
            [(7, "civilians killed"), (3, "children killed")],
        ),
        (
            "The battle for Zabadani has cost the lives of at least 63 rebels and 21 "
            "Hezbollah fighters",
            [(63, "rebels killed"), (21, "fighters killed")],
        ),
        (
            "the attack claimed the lives of two persons and injured three others",
            [(2, "persons killed"), (3, "wounded")],
        ),
    ],
)
def test_casualty_verbs_of_subgroups_and_lives(text: str, figures: list[tuple[int, str]]) -> None:
    assert [(q.value, q.unit) for q in parse_quantities(text)] == figures


def test_the_real_development_gold_keeps_its_level() -> None:
    """The 48 blind-annotated FA-KES reports tuned on: a regression floor, set a little
    below what the rules score now (F1 0.91, named source 0.85, figures 0.84)."""
    total = score_split(DATA / "fakes_gold.jsonl", "dev")
    summary = total.summary()
    assert summary["f1"] >= 0.90, total.errors
    assert summary["source_accuracy"] >= 0.83, total.errors
    assert summary["figure_accuracy"] >= 0.82, total.errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A province's administration is a body, not a person called "Deir Ezzor Governorate".
        (
            "A source at Deir Ezzor Governorate told SANA reporter on Wednesday that ISIL "
            "terrorists fired several rocket shells on al-Qusour.",
            (("Deir Ezzor Governorate",), "told", "ISIL terrorists fired several rocket shells"),
        ),
        # "in a statement to SANA reporter" is the cue's adjunct, not its content.
        (
            "A source at Aleppo Police Command said in a statement to SANA reporter that "
            "terrorist groups targeted al-Shrafiyeh neighborhood.",
            (("Aleppo Police Command",), "said", "terrorist groups targeted al-Shrafiyeh"),
        ),
        # "claims made by" is a noun; "denounced" reports.
        (
            "The Syrian Coalition denounced the extraordinary claims made by the regimes UN "
            "representative.",
            (("Syrian National Coalition",), "denounced", "the extraordinary claims made by"),
        ),
    ],
)
def test_bodies_and_cues_of_state_agency_copy(
    text: str, expected: tuple[tuple[str, ...], str, str]
) -> None:
    (sources, cue, content), *_ = _claims(text)
    assert (sources, cue) == expected[:2]
    assert content.startswith(expected[2])


# Third blind batch (fc3): the fixes its first contact prompted.


def test_a_quotation_mark_never_closed_does_not_silence_the_rest_of_the_report() -> None:
    text = (
        "An ammunition depot explosion in Homs killed at least 40 people. "
        '"At least 40 people including civilians were killed when an ammunitions depot blew '
        "up after rocket fire the UK-based Syrian Observatory for Human Rights claimed on "
        "Thursday. The group added that the depot was operated by forces loyal to the "
        "government. A doctor living in Akruma area said that residential districts were hit."
    )
    assert [(sources, cue) for sources, cue, _ in _claims(text)] == [
        (("Syrian Observatory for Human Rights",), "claimed"),
        (("Syrian Observatory for Human Rights",), "added"),
        (("doctor",), "said"),
    ]


def test_a_quotation_left_open_for_the_next_paragraph_is_kept() -> None:
    text = (
        'The minister said: "We will not retreat from the city.\n'
        '"Our forces hold every district," he added.'
    )
    claims = _claims(text)
    assert claims[0][2].startswith("We will not retreat")
    assert all(sources == ("minister",) for sources, _, _ in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Police Command source told SANA that a mortar shell killed a child.",
            (("Police Command",), "told"),
        ),
        # "reports" before a reporting verb is a noun, not the cue
        (
            "Initial reports indicated that over 40 civilians were killed.",
            (("initial reports",), "indicated"),
        ),
        # ... and "police officials" stays a description, not a body called "Police"
        ("Police officials said all six were wanted.", (("police officials",), "said")),
    ],
)
def test_sources_named_before_their_noun(text: str, expected: tuple[tuple[str, ...], str]) -> None:
    (sources, cue, _), *_ = _claims(text)
    assert (sources, cue) == expected


def test_an_adjunct_with_state_tv_after_a_trailing_cue() -> None:
    text = (
        'The U.S. strikes "targeted military positions in Syria" in order to "serve the '
        'goals of terrorism" Barazi added in his interview with state TV.'
    )
    (sources, cue, content), *_ = _claims(text)
    assert (sources, cue) == (("Talal Barazi",), "added")  # the registry names him
    assert "state TV" not in content


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "over 40 civilians were killed and hundreds more were injured",
            [(40, "civilians killed"), (100, "wounded")],
        ),
        ("the conflict has taken lives of more than 200000 people", [(200000, "people killed")]),
    ],
)
def test_more_of_the_wounded_and_lives_taken(text: str, figures: list[tuple[int, str]]) -> None:
    assert [(q.value, q.unit) for q in parse_quantities(text)] == figures


def test_a_sentence_detailing_the_dead_carries_on_the_claim_before_it() -> None:
    text = (
        "MSF said 13 people were killed in the strike. Among the dead were four staff and five "
        "children. The hospital was destroyed."
    )
    assert [(sources, content[:20]) for sources, _, content in _claims(text)] == [
        (("Médecins Sans Frontières",), "13 people were kille"),
        (("Médecins Sans Frontières",), "Among the dead were "),
    ]
    # ... only right after a claim: the reporter's own background stays no claim.
    background = "The hospital was hit at dawn. Among the dead were four staff."
    assert _claims(background) == []
