"""Who speaks when wire copy names a source indirectly: unlisted bodies, acronyms defined
in the report, titled people named in apposition or in the next sentence, descriptions
anchored to a place, regional governments. Each rule is also pinned by a dev11/dev12 gold
report in ``data/wire_gold.jsonl``; the sentences here are other wordings of the same rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Report
from workbench.extract import extract_claims
from workbench.extract.evaluation import score_split

DATA = Path(__file__).parent / "data"


def _sources(text: str) -> list[tuple[str, ...]]:
    return [c.sources for c in extract_claims(Report(text=text))]


def test_the_dev_gold_scores_perfectly_on_sources_and_figures() -> None:
    total = score_split(DATA / "wire_gold.jsonl", "dev")
    summary = total.summary()
    assert summary["f1"] == 1.0, total.errors
    assert summary["source_accuracy"] == 1.0, total.errors
    assert summary["figure_accuracy"] == 1.0, total.errors
    assert summary["unattributed_violations"] == 0, total.errors


def test_a_name_ending_in_an_organisation_head_is_its_own_body() -> None:
    # Not the United States, which only modifies the name.
    assert _sources("The U.S. Space Force Command said it tracked the launch.") == [
        ("U.S. Space Force Command",)
    ]
    assert _sources("U.S. Africa Command said it carried out an air strike.") == [("AFRICOM",)]
    assert _sources("The Commission on Human Rights said it would investigate.") == [
        ("Commission on Human Rights",)
    ]


def test_an_acronym_defined_in_the_report_names_that_body() -> None:
    text = (
        "Gunmen attacked a convoy escorted by the Joint Protection Brigade (JPB) near "
        "the border on Monday.\nThe JPB said two of its men were killed."
    )
    assert _sources(text) == [("Joint Protection Brigade",)]
    # A local definition wins over a listed acronym spelt the same way.
    text = (
        "Troops of the Southern Defence Front (SDF) repelled an attack.\n"
        "The SDF said it had lost no men."
    )
    assert _sources(text) == [("Southern Defence Front",)]


def test_a_relative_clause_between_subject_and_cue() -> None:
    text = "Hamas, which runs Gaza, said the strike killed 12 people."
    assert _sources(text) == [("Hamas",)]
    text = (
        "The al-Qaida-linked Group for the Support of Islam and Muslims, known as JNIM, "
        "said it shot down a drone."
    )
    assert _sources(text) == [("JNIM",)]


def test_a_titled_person_in_apposition_speaks_and_is_remembered() -> None:
    text = (
        "Drones were shot down, the army spokesman, Brigadier General Yahya Saree, said.\n"
        "Saree said more operations would follow."
    )
    assert _sources(text) == [("Houthis",), ("Houthis",)]


@pytest.mark.parametrize(
    "description",
    ["the mayor of Tulkarm", "the town's deputy mayor", "the commissioner of Akobo county"],
)
def test_a_title_is_the_person_the_next_sentence_names(description: str) -> None:
    text = (
        f"Gunmen burned the market overnight, {description} told Reuters.\n"
        '"Nothing is left," Faisal Salama said.\n'
        f"{description[0].upper()}{description[1:]} said 12 shops were destroyed."
    )
    assert _sources(text) == [("Faisal Salama",)] * 3


def test_a_title_is_not_a_person_already_named() -> None:
    text = (
        "Faisal Salama, a resident, said the camp was raided.\n"
        "The mayor of Tulkarm told Reuters that roads were destroyed.\n"
        '"Nothing is left," Faisal Salama said.'
    )
    assert _sources(text)[1] == ("mayor of Tulkarm",)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Strikes killed 45 people, Gaza health officials said.", "Gaza Health Ministry"),
        ("Strikes killed 45 people, health authorities in Gaza said.", "Gaza Health Ministry"),
        ("Strikes killed five people, Lebanese health officials said.", "Lebanese Health Ministry"),
        (
            "Strikes killed 18 people, the civil defence agency in the Gaza Strip said.",
            "Gaza Civil Defence",
        ),
    ],
)
def test_descriptions_anchored_to_a_place(text: str, source: str) -> None:
    assert _sources(text) == [(source,)]


def test_the_mission_in_the_country_is_the_listed_mission_of_the_dateline() -> None:
    text = "JUBA (AFP) - The UN mission in the country said peacekeepers protected a camp."
    assert _sources(text) == [("UNMISS",)]
    text = "BEIRUT (AP) - The U.N. peacekeeping force in the area said it recorded violations."
    assert _sources(text) == [("UNIFIL",)]


def test_a_regional_government_is_the_listed_region_the_report_names() -> None:
    text = (
        "BOSASO Somalia - Puntland forces killed 14 fighters, the regional government's "
        "security ministry said."
    )
    assert _sources(text) == [("Puntland",)]
    text = "GAROWE - Puntland's security ministry said 14 fighters were killed."
    assert _sources(text) == [("Puntland",)]
    # A country's ministry keeps its national name.
    assert _sources("Somalia's security ministry said 14 fighters were killed.") == [
        ("Somali Security Ministry",)
    ]


def test_the_mission_is_the_mission_named_before() -> None:
    text = (
        "A spokesperson for the Kenyan-led Multinational Security Support Mission said "
        "its troops were not deployed there.\nThe mission said patrols had been stepped up."
    )
    assert _sources(text) == [("Gang Suppression Force",)] * 2


def test_he_and_it_after_a_person_who_speaks_for_a_listed_body() -> None:
    text = (
        "Missiles hit a ship, Houthi military spokesman Yahya Saree said.\n"
        "He said more attacks would follow.\n"
        "It said the ship was Israeli-owned."
    )
    assert _sources(text) == [("Houthis",)] * 3


def test_a_body_named_next_is_not_the_titled_person() -> None:
    text = (
        "Gunmen burned the market overnight, the mayor of Tulkarm told Reuters.\n"
        '"It was a deliberate attack," Human Rights Watch said.'
    )
    assert _sources(text) == [("mayor of Tulkarm",), ("Human Rights Watch",)]


def test_a_title_named_next_with_a_rank() -> None:
    text = (
        "BAMAKO (AFP) - Jihadists killed 20 soldiers, the army chief of staff said.\n"
        '"We will respond," General Oumar Diarra said.'
    )
    assert _sources(text) == [("Oumar Diarra",), ("Oumar Diarra",)]
    text = "Troops repelled an attack, the army's spokesman, Brig. Gen. Nabil Abdallah, said."
    assert _sources(text) == [("Nabil Abdallah",)]


def test_a_title_named_next_by_an_inverted_quote() -> None:
    text = (
        "Airstrikes killed 11 civilians, a spokesperson for the Ta'ang National Liberation "
        'Army said.\n"Most of the dead were women," said Lway Yay Oo, who speaks for the group.'
    )
    assert _sources(text) == [("Lway Yay Oo",), ("Lway Yay Oo",)]


def test_a_un_mission_without_a_place_is_the_mission_of_the_dateline() -> None:
    text = (
        "GOMA, Democratic Republic of Congo (Reuters) - M23 took the town, a spokeswoman for "
        "the U.N. peacekeeping mission said."
    )
    assert _sources(text) == [("MONUSCO",)]


def test_an_unlisted_regional_government_is_named_from_its_region() -> None:
    text = (
        "ADDIS ABABA (Reuters) - Insurgents killed 16 people in Ethiopia's Oromiya region, "
        "the regional government said."
    )
    assert _sources(text) == [("Oromiya Regional Government",)]


def test_an_owner_with_a_modifier_speaks_through_its_information_team() -> None:
    text = (
        "BANGKOK (AP) - The military government's information team said its forces had "
        "targeted a training camp in Myanmar."
    )
    assert _sources(text) == [("Myanmar Military",)]


def test_stripped_commas_relative_clause_and_a_listed_acronym() -> None:
    text = (
        "PEMBA Mozambique - Rwanda's defence force (RDF) which has troops in the province "
        "said its soldiers had killed several dozen insurgents\n"
        "The police spokesman for the province Inspector Tiago Mussa said a church was burned"
    )
    assert _sources(text) == [("Rwanda Defence Force",), ("Tiago Mussa",)]


def test_a_title_is_not_the_holder_of_another_office_named_next() -> None:
    text = (
        "Gunmen burned the market overnight, the governor told Reuters.\n"
        '"We will not be intimidated," President William Ruto said.'
    )
    assert _sources(text) == [("governor",), ("William Ruto",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tarun District Superintendent of Police Anil Kumar Bora said three men had been "
            "detained near the market on Sunday.",
            "Anil Kumar Bora",
        ),
        (
            "Head of the Vornik City Military Administration Petro Hlushko said a tram came "
            "under fire in the morning.",
            "Petro Hlushko",
        ),
        (
            "Kalat District Police Officer Imran Aziz Khattak said the gunmen fled on motorcycles.",
            "Imran Aziz Khattak",
        ),
        (
            "Serchhip Deputy Commissioner K. Lalthanzuala said two more camps would open.",
            "K. Lalthanzuala",
        ),
        (
            "Army spokesman Brig-Gen Htun Aung Kyaw said the convoy had been attacked twice.",
            "Htun Aung Kyaw",
        ),
    ],
)
def test_a_person_after_a_long_title_is_the_person(text: str, expected: str) -> None:
    assert _sources(text) == [(expected,)]


def test_a_surname_resolves_to_the_full_name_given_after_a_title() -> None:
    text = (
        "Shelling hit 12 villages overnight, the regional administration reported. "
        "The figure was given by the head of the Vornik Regional Administration, "
        "Ivan Zadorozhny, in a morning briefing.\n"
        '"The enemy fired 90 times," Zadorozhny said.'
    )
    assert ("Ivan Zadorozhny",) in _sources(text)


def test_a_person_in_apposition_after_an_acronym_speaks() -> None:
    text = (
        "The spokesman of the Northern Regional Authority (NRA), Karim Dosti, said the "
        'roads had been reopened. "We will not stop," Dosti added.'
    )
    assert _sources(text) == [("Karim Dosti",), ("Karim Dosti",)]


def test_descriptions_are_normalised() -> None:
    text = (
        "Residents of Wadi Harb said the shelling lasted all night. "
        "Another resident said the market had burned down."
    )
    assert _sources(text) == [("residents of Wadi Harb",), ("resident",)]


def test_a_ministry_of_x_and_y_is_one_body() -> None:
    from workbench.extract.speakers import split_speakers

    assert split_speakers("the Ministry of Foreign Affairs and Expatriates") == [
        "the Ministry of Foreign Affairs and Expatriates"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A listed acronym wins over the last word of the name before it.
        (
            "The UN Children\u2019s Fund (UNICEF) said 3,000 children had been treated in May.",
            ("UNICEF", "said"),
        ),
        # "of the Republic of X" names the country; statements' own cues.
        (
            "The Ministry of Foreign Affairs of the Republic of Kenya said the envoy had been "
            "recalled.",
            ("Kenyan Foreign Ministry", "said"),
        ),
        (
            "The Ministry of Defence of the Republic of Moldova informs that two drones fell "
            "near the border.",
            ("Moldovan Defence Ministry", "informs"),
        ),
        (
            "The Interior Ministry of Chad categorically denies that its troops crossed the "
            "border.",
            ("Chadian Interior Ministry", "denies"),
        ),
        # A possessive description with a curly apostrophe stays whole.
        (
            "A fire broke out at the refinery on Monday, the plant\u2019s operator said.",
            ("plant's operator", "said"),
        ),
    ],
)
def test_national_ministries_and_statement_cues(text: str, expected: tuple[str, str]) -> None:
    claims = extract_claims(Report(text=text))
    assert [(c.sources[0], c.cue) for c in claims] == [expected]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A drone hit the pipeline on Tuesday, the pipeline\u2019s operator, Tarsan Oil, said.",
            "Tarsan Oil",
        ),
        (
            "The peacekeeping mission in the region, MINARK, said it had recorded 12 incidents.",
            "MINARK",
        ),
    ],
)
def test_a_proper_name_in_apposition_to_a_description_speaks(text: str, source: str) -> None:
    assert _sources(text) == [(source,)]


def test_he_after_an_unnamed_person_is_that_person() -> None:
    # "A nurse said ... '...,' she said by phone": one unnamed speaker throughout,
    # where a group of residents stays "they".
    claims = extract_claims(
        Report(
            text="A nurse at the clinic said shells hit the ward.\n"
            '"We moved the patients to the basement. Two of them died there," she said by phone.'
        )
    )
    assert [c.sources for c in claims] == [("nurse at the clinic",)] * 3
    assert [c.text for c in claims][1:] == [
        "We moved the patients to the basement",
        "Two of them died there",
    ]


def test_an_acronym_of_another_language_stands_for_the_whole_name() -> None:
    # RNDDH abbreviates the French name: not "Rights Defense Network", the tail
    # that happens to start with R. An English acronym still takes its own tail.
    text = (
        "Gangs burned 40 homes, the National Human Rights Defense Network (RNDDH) said.\n"
        "The attack lasted six hours, the RNDDH said in a report.\n"
        "Fighters of the Southern Defence Front (SDF) attacked a base.\n"
        "The SDF said it captured 12 soldiers."
    )
    assert _sources(text) == [
        ("National Human Rights Defense Network",),
        ("National Human Rights Defense Network",),
        ("Southern Defence Front",),
    ]


def test_an_office_owned_by_a_title_is_that_office() -> None:
    # "the Ombudsman's Office" is the ombudsman's body (the country's, from the
    # dateline), not a source called "Office"; a named unit of an owner still speaks.
    text = (
        "CUCUTA, Colombia (AP) - At least eight civilians were killed, the Ombudsman's "
        "Office said.\nThe United States Navy's Fifth Fleet said it shot down two drones.\n"
        "Ombudswoman Ana Ruiz told reporters that schools were full."
    )
    assert _sources(text) == [
        ("Colombian Ombudsman's Office",),
        ("Fifth Fleet",),
        ("Ana Ruiz",),
    ]
