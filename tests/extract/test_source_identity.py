"""Who speaks, and for which body: source identity on real wire copy.

The FA-KES sentences (Abu Salem et al., ICWSM 2019; Zenodo 2607278, CC BY 4.0) keep the
dataset's stripped punctuation; the others are the real sentences quoted in issue 14.
"""

from __future__ import annotations

import pytest

from models import Report
from workbench.extract import extract_claims, load_registry
from workbench.extract.mention_words import anonymous_name, owned_unit


def _sources(text: str) -> list[tuple[str, ...]]:
    return [claim.sources for claim in extract_claims(Report(text=text), load_registry())]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # An unnamed source at a body: the body speaks.
        (
            "A source at Aleppo Police Command told SANA that a woman was killed and three "
            "other civilians got injured.",
            ("Aleppo Police Command",),
        ),
        # ... its own name, not the listed city inside it.
        (
            "Meanwhile a source at Damascus hospital said that bodies of two martyrs and "
            "several injured civilians arrived at the hospital.",
            ("Damascus hospital",),
        ),
        # The Observatory's head, however his name is spelled.
        (
            "Rami Abdurrahman who heads the Britain-based Syrian Observatory for Human Rights "
            "said the warplane crashed in the center of the town.",
            ("Rami Abdel Rahman",),
        ),
        (
            "Rami Abdul-Rahman the Observatory chief said the activists in the area said "
            '"poisonous gas" was fired in rockets.',
            ("Rami Abdel Rahman",),
        ),
        # Another spelling of a listed body is that body.
        (
            "At least five people including children were killed when a shell struck a "
            "school in Deraa the Britain-based Syria Observatory for Human Rights (SOHR) "
            "monitoring group said.",
            ("Syrian Observatory for Human Rights",),
        ),
        (
            "The Local Coordination Committees said the warplane crashed in a busy market in "
            "Ariha.",
            ("Local Coordination Committees",),
        ),
        # A distinct body is never merged into another (CENTCOM is not the Pentagon).
        (
            "A spokeswoman for US Central Command said the strike killed a senior militant.",
            ("US Central Command",),
        ),
        # Stripped commas glue a clause's end onto an unnamed source.
        (
            "About 30 Syrian government fighters were killed when rebels set off a bomb in a "
            "tunnel beneath a checkpoint in a northwestern province activists said on Tuesday.",
            ("activists",),
        ),
        (
            "Even in the early days of the Raqqa assault residents said they feared being "
            "caught in air strikes or shelling.",
            ("residents",),
        ),
    ],
)
def test_source_of_real_sentences(text: str, sources: tuple[str, ...]) -> None:
    assert _sources(text)[0] == sources


def test_surname_glued_by_a_stripped_comma_is_the_person() -> None:
    text = (
        "Vice-president of the Syrian Coalition Abdul Ahad Steifo said that the ongoing "
        "assault on Aleppo had failed. Aleppo has seen the gravest war crimes since World "
        "War II Steifo said."
    )
    found = _sources(text)
    assert found[-1] == found[0]
    assert found[0][0].endswith("Steifo")


def test_person_speaks_for_a_listed_body() -> None:
    registry = load_registry()
    assert registry.origin_of("Rami Abdel Rahman") == "Syrian Observatory for Human Rights"
    assert registry.origin_of("Dmitry Peskov") == "Kremlin"
    assert registry.origin_of("SANA") == "SANA"


def test_affiliation_noted_from_the_title() -> None:
    registry = load_registry()
    report = Report(
        text=(
            "A senior Hamas official, Basem Naim, told Reuters the group hoped a deal could be "
            "reached within days."
        )
    )
    claims = extract_claims(report, registry)
    assert claims[0].sources == ("Basem Naim",)
    assert registry.origin_of("Basem Naim") == "Hamas"


def test_two_names_of_one_body_are_one_origin() -> None:
    registry = load_registry()
    report = Report(
        text=(
            "An activist group known as the Local Coordination Committees said the warplane "
            "crashed in a busy market. The LCC said 27 people were killed."
        )
    )
    names = {registry.origin_of(s) for c in extract_claims(report, registry) for s in c.sources}
    assert names == {"Local Coordination Committees"}


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("northwestern province activists", "activists"),
        ("in recent days experts", "experts"),
        ("local civil defense official", "local civil defense official"),
        ("RSF adviser", "RSF adviser"),
        ("aid worker in El Obeid", "aid worker in El Obeid"),
    ],
)
def test_anonymous_name(phrase: str, name: str) -> None:
    assert anonymous_name(phrase) == name


def test_a_name_holding_a_possessive_is_not_an_owned_unit() -> None:
    assert owned_unit("Kanbalu People's Defense Force") is None
    unit = owned_unit("the United States Navy's Fifth Fleet")
    assert unit is not None
    assert unit.group(1).strip() == "Fifth Fleet"


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # Apostrophes stripped: "Russias" is Russia's.
        (
            "Russias defense ministry said a Russian helicopter was shot down near Saraqeb.",
            ("Russian Defence Ministry",),
        ),
        # A ministry named by its capital.
        (
            "The defence ministry in Moscow said six long-range bombers from Russia had struck "
            "around Aleppo.",
            ("Russian Defence Ministry",),
        ),
        # A reporter's comment glued to the source by a stripped comma.
        (
            "The fighting on that front has left at least 37 dead according to the Observatory "
            "a toll the regime has not confirmed.",
            ("Syrian Observatory for Human Rights",),
        ),
        (
            "Most of the dead were civilians according to the UK-based Observatory for Human "
            "Rights which tracks violence across Syria.",
            ("Syrian Observatory for Human Rights",),
        ),
    ],
)
def test_source_of_real_sentences_more(text: str, sources: tuple[str, ...]) -> None:
    assert _sources(text)[0] == sources


def test_bare_possessive_of_a_country() -> None:
    from workbench.extract.registry import normalise_mention

    assert normalise_mention("Syrias army") == "syrian army"
    assert normalise_mention("turkeys") == "turkeys"


def test_the_source_again_is_the_body_it_spoke_for() -> None:
    text = (
        "A source at Aleppo province told SANAs correspondent that terrorists fired a number "
        "of shells at the area. The source added that the attack also caused considerable "
        "material damage."
    )
    claims = extract_claims(Report(text=text), load_registry())
    assert [(c.sources, c.text[:20]) for c in claims] == [
        (("Aleppo province",), "terrorists fired a n"),
        (("Aleppo province",), "the attack also caus"),
    ]


def test_a_spokesman_of_a_body_named_before_speaks_for_it() -> None:
    text = (
        "The Syrian Civil Defense said barrels of gas fell on the town. The Civil Defense "
        "spokesman said it was the second time Saraqeb had been hit by toxic gas."
    )
    assert _sources(text) == [("White Helmets",), ("White Helmets",)]
    # Issue 14: "the Armed Forces spokesman" is the country's army.
    text = "KHARTOUM (Reuters) - The Armed Forces spokesman said the army had repelled the attack."
    assert _sources(text) == [("Sudanese Armed Forces",)]


def test_a_name_glued_before_unnamed_sources_is_cut() -> None:
    text = (
        "The Syrian army targeted the militants gatherings on the barrens of Assal Al-Ward in "
        "Qalamoun killing the terrorist commander Abu Taha well-informed sources told Al-Manar."
    )
    assert _sources(text) == [("well-informed sources",)]


def test_an_outlet_s_correspondent_without_apostrophe_is_the_outlet() -> None:
    text = (
        "SANAs correspondent said that civil defense teams have uncovered the bodies of 8 people."
    )
    assert _sources(text) == [("SANA",)]


def test_a_member_of_a_body_named_before_his_name() -> None:
    registry = load_registry()
    text = (
        "Member of the Syrian Coalition Hussein Albuseis condemned the crimes committed by "
        "the Assad regime."
    )
    claims = extract_claims(Report(text=text), registry)
    assert claims[0].sources == ("Hussein Albuseis",)
    assert registry.origin_of("Hussein Albuseis") == "Syrian National Coalition"


def test_two_titles_of_one_person() -> None:
    # Issue 14: this gave three sources.
    registry = load_registry()
    text = (
        "The UN Resident and Humanitarian Coordinator for Sudan, Clementine Nkweta-Salami, "
        "said the attack had killed at least 20 civilians."
    )
    claims = extract_claims(Report(text=text), registry)
    assert claims[0].sources == ("Clementine Nkweta-Salami",)
    assert registry.origin_of("Clementine Nkweta-Salami") == "United Nations"
    # Two bodies stay two.
    assert _sources("Syria and Russia said the strikes hit militants.") == [
        ("Syrian Government", "Russian Government")
    ]


def test_the_team_of_a_body_named_before() -> None:
    text = "The UN sent a team to Douma. The team said it had found no evidence of gas."
    assert _sources(text) == [("United Nations",)]


def test_a_name_opening_a_description_keeps_its_capital() -> None:
    text = (
        "The National Unity Government's human rights ministry put the death toll at 27, and "
        "said more than 30 people were wounded."
    )
    claims = extract_claims(Report(text=text), load_registry())
    assert claims[0].sources == ("National Unity Government's human rights ministry",)


def test_a_local_unit_of_a_listed_body_is_its_own_body() -> None:
    # Issue 14: "Kanbalu People's Defense Force" gave "Defense Force".
    assert _sources("The Kanbalu People's Defense Force said 12 soldiers were killed.") == [
        ("Kanbalu People's Defense Force",)
    ]
    assert _sources("Gaza Civil Defence said five people died.") == [("Gaza Civil Defence",)]


def test_the_army_is_the_states_forces_not_the_militia_that_spoke_last() -> None:
    text = (
        "A drone strike hit a market in Kutum in Sudan's North Darfur state, local activists "
        "said. The Rapid Support Forces accused the army of carrying out the strike. An army "
        "spokesman said the military does not target civilians."
    )
    assert _sources(text) == [
        ("local activists",),
        ("Rapid Support Forces",),
        ("Sudanese Armed Forces",),
    ]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        # "the source" after "a <Body> source": the body that spoke (issue 14).
        (
            "Two rockets hit a school according to a Homs Police Command source. The attack "
            "also damaged several shops the source told SANA.",
            ("Homs Police Command",),
        ),
        # A body's spokesman, then "he said": the spokesman, not the last person named.
        (
            "Prime Minister Hussein Arnous visited the site. The Syrian Civil Defense said "
            "rescuers were searching the rubble. The Civil Defense spokesman said ten bodies "
            "were found. Teams had worked through the night he said.",
            ("White Helmets",),
        ),
    ],
)
def test_a_later_mention_of_a_body_that_spoke_through_a_source(
    text: str, last: tuple[str, ...]
) -> None:
    assert _sources(text)[-1] == last


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # Two modifiers of one head: one source ("police and medical sources" stay two).
        (
            "Diplomatic and military sources said the convoy was hit. Two drivers died "
            "according to the sources.",
            [("diplomatic and military sources",), ("diplomatic and military sources",)],
        ),
        # A bare plural with another modifier is not the sources that spoke before.
        (
            "Local sources told SANA that a shell fell on the market. Tribal sources said "
            "the road was cut.",
            [("local sources",), ("tribal sources",)],
        ),
        # A sentence adverb after a stripped full stop opens the speaker's sentence.
        (
            "Two shops burned in Jisr al-Shughour and Ariha Moreover civil sources said four "
            "people were hurt.",
            [("civil sources",)],
        ),
    ],
)
def test_shared_heads_other_sources_and_glued_sentences(
    text: str, sources: list[tuple[str, ...]]
) -> None:
    assert _sources(text) == sources


def test_one_name_glued_to_a_persons_description() -> None:
    # "Ahmed a resident of ... said" with the comma stripped (issue 14): the named person
    # speaks, and "he" after is that person.
    text = (
        "Karim a teacher in the old city said the market was shelled at noon. Two shops "
        "burned he said."
    )
    assert _sources(text) == [("Karim",), ("Karim",)]
