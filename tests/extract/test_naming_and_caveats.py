"""Canonical names of unlisted bodies, possessive roles, outlet voice and caveat targets."""

from __future__ import annotations

import pytest

from models import CaveatKind, Report
from workbench.extract import extract_claims


def _sources(text: str) -> list[tuple[str, ...]]:
    return [c.sources for c in extract_claims(Report(text=text))]


@pytest.mark.parametrize(
    "text",
    [
        "Troops repelled an attack, Kenya's defence ministry said.",
        "Troops repelled an attack, the Kenyan Defense Ministry said.",
        "The Kenyan Ministry of Defence said troops repelled an attack.",
        "Kenya's Ministry of Defense said troops repelled an attack.",
        "The Ministry of National Defence of Kenya said troops repelled an attack.",
        "The Defence Ministry of Kenya said troops repelled an attack.",
    ],
)
def test_an_unlisted_ministry_has_one_name(text: str) -> None:
    assert _sources(text) == [("Kenyan Defence Ministry",)]


def test_foreign_affairs_folds_to_foreign() -> None:
    assert _sources("The Ministry of Foreign Affairs of Kenya said talks failed.") == [
        ("Kenyan Foreign Ministry",)
    ]
    assert _sources("Kenya's Foreign Affairs Ministry said talks failed.") == [
        ("Kenyan Foreign Ministry",)
    ]


def test_two_word_countries_and_the_country() -> None:
    assert _sources("South Africa's defence ministry said troops left.") == [
        ("South African Defence Ministry",)
    ]
    text = "BOGOTA, Colombia - The country's Ombudsman's Office said 40 minors were recruited."
    assert _sources(text) == [("Colombian Ombudsman's Office",)]


def test_registry_covers_other_conflicts() -> None:
    assert _sources("M23 rebels said they took the town.") == [("M23",)]
    assert _sources("The Somali National Army (SNA) said 45 militants were killed.") == [
        ("Somali National Army",)
    ]
    text = "ISLAMABAD - Troops killed 16 militants, the military's media wing said."
    assert _sources(text) == [("Pakistani Military",)]


def test_his_office_is_the_person_named_before() -> None:
    text = (
        "Prime Minister Shehbaz Sharif praised the troops. "
        "His office said he had asked Kabul to act."
    )
    assert _sources(text) == [("Shehbaz Sharif",)]
    text = "Iraq's prime minister Mohammed Shia al-Sudani ordered an inquiry, his office said."
    assert _sources(text) == [("Iraqi Government",)]


def test_group_leader_named_in_the_next_sentence() -> None:
    text = (
        'The Houthis will keep up their attacks, the group\'s leader said.\n"We will not stop,"'
        " Abdul Malik al-Houthi said."
    )
    assert _sources(text) == [("Abdul Malik al-Houthi",), ("Abdul Malik al-Houthi",)]


def test_its_spokesman_speaks_for_the_body() -> None:
    text = "The Arakan Army said it took the base. Its spokesman said 30 soldiers surrendered."
    assert _sources(text) == [("Arakan Army",), ("Arakan Army",)]


def test_outlet_voice() -> None:
    assert _sources("Reuters witnesses saw at least 10 bodies in the street.") == [("Reuters",)]
    assert _sources("An AFP journalist saw dozens of destroyed homes.") == [("AFP",)]
    assert _sources("Residents saw smoke rising over the base.") == []


def test_data_show_is_attributed() -> None:
    claims = extract_claims(Report(text="ACLED data show more than 1,500 people were killed."))
    assert [(c.sources, c.cue) for c in claims] == [(("ACLED",), "show")]
    assert _sources("The images show smoke over the base.") == []


def test_caveat_names_whose_claim_it_doubts() -> None:
    text = (
        "Fighters attacked a base, killing 11 sailors, the junta said.\n"
        "The Arakan Army said it had captured two boats.\n"
        "The group's claim could not be independently verified."
    )
    claims = extract_claims(Report(text=text))
    assert len(claims) == 2
    assert not claims[0].caveats
    assert claims[1].caveats[0].text.startswith("The group's claim")


def test_caveat_naming_a_body_doubts_its_spokesman_not_an_earlier_armed_group() -> None:
    text = (
        "The RSF said it had struck army positions near El Obeid.\n"
        "Army spokesman Brigadier Osman al-Tayeb said troops had repelled an RSF assault. "
        "AFP was unable to independently verify the army's account."
    )
    claims = extract_claims(Report(text=text))
    assert [c.sources for c in claims] == [("Rapid Support Forces",), ("Osman al-Tayeb",)]
    assert claims[0].caveats == ()
    assert [c.text for c in claims[1].caveats] == [
        "AFP was unable to independently verify the army's account."
    ]


@pytest.mark.parametrize(
    ("text", "proposition", "comment", "kind"),
    [
        (
            "The group accused the army of using the camp to store weapons, "
            "a charge the military did not immediately respond to.",
            "the army of using the camp to store weapons",
            "a charge the military did not immediately respond to",
            CaveatKind.UNVERIFIED,
        ),
        (
            "Al-Shabaab said its fighters killed 47 soldiers, "
            "a figure far higher than the official toll.",
            "its fighters killed 47 soldiers",
            "a figure far higher than the official toll",
            CaveatKind.OTHER,
        ),
        (
            "The rebels said they had shot down a jet, a claim the government denied.",
            "they had shot down a jet",
            "a claim the government denied",
            CaveatKind.DISPUTED,
        ),
    ],
)
def test_reporters_closing_comment_is_a_caveat_not_part_of_the_claim(
    text: str, proposition: str, comment: str, kind: CaveatKind
) -> None:
    (claim,) = extract_claims(Report(text=text))
    assert claim.text == proposition
    assert text[claim.span[0] : claim.span[1]] == proposition
    assert [(c.text, c.kind) for c in claim.caveats] == [(comment, kind)]


def test_a_closing_phrase_with_a_figure_stays_in_the_claim() -> None:
    text = "The ministry said 30 people were killed, a toll that includes 12 children."
    (claim,) = extract_claims(Report(text=text))
    assert claim.text.endswith("includes 12 children")
    assert sorted(q.value for q in claim.quantities) == [12, 30]


def test_non_response_qualifies_the_casualty_claim_before_quotes() -> None:
    text = (
        "Drone strikes killed at least 30 civilians, two health workers told Reuters.\n"
        '"We counted the bodies ourselves," said one of the health workers.\n'
        "A government spokesman did not respond to requests for comment."
    )
    claims = extract_claims(Report(text=text))
    assert [len(c.caveats) for c in claims] == [1, 0]


def test_a_quoted_paragraph_continues_the_speaker() -> None:
    text = (
        "Strikes hit the market, a doctor said.\n"
        '"We counted the bodies ourselves," the doctor said.\n'
        '"The wounded are being treated on the floor."'
    )
    claims = extract_claims(Report(text=text))
    assert [c.text for c in claims][-1] == "The wounded are being treated on the floor"
    assert claims[-1].sources == claims[-2].sources


@pytest.mark.parametrize(
    ("first", "later", "name"),
    [
        (
            "Militants attacked a police station in Khyber Pakhtunkhwa province, police said.",
            "The provincial government announced three days of mourning.",
            "Khyber Pakhtunkhwa Provincial Government",
        ),
        (
            "Fighting spread in Sudan's North Kordofan state, residents said.",
            "The state government said calm had returned.",
            "North Kordofan State Government",
        ),
    ],
)
def test_a_regional_government_takes_the_regions_whole_name(
    first: str, later: str, name: str
) -> None:
    claims = extract_claims(Report(text=f"{first}\n{later}"))
    assert claims[-1].sources == (name,)


def test_a_doubt_about_the_figures_is_a_caveat_not_a_claim() -> None:
    # Issue 14: "said it was not yet possible to verify the figures" doubts the toll.
    claims = extract_claims(
        Report(
            text=(
                "The Observatory said 12 people were killed in the strike. The Observatory "
                "said it was not yet possible to verify the figures."
            )
        )
    )
    assert len(claims) == 1
    assert [c.text for c in claims[0].caveats] == [
        "The Observatory said it was not yet possible to verify the figures."
    ]


def test_a_caveat_naming_whose_claims_it_doubts() -> None:
    claims = extract_claims(
        Report(
            text=(
                "Israeli officials say Hamas steals aid, an allegation the militant group "
                "rejects.\nA U.N. spokesperson, Stephane Dujarric, later said the world body "
                "had documented at least 30 attacks on aid convoys this month.\nThe U.N. has "
                "said it cannot verify Israel\u2019s claims."
            )
        )
    )
    assert len(claims) == 2
    assert claims[0].caveats[-1].text.startswith("The U.N. has said it cannot verify")
    assert not claims[1].caveats


def test_a_toll_claimed_by_a_war_is_no_claimant() -> None:
    # "claimed ... lives" counts the dead; nobody claims anything.
    text = "But US-led coalition strikes have also claimed hundreds of civilian lives in Syria."
    assert extract_claims(Report(text=text)) == []
