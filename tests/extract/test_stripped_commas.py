"""Attribution in feeds that strip every comma (real FA-KES copy).

Sentences from FA-KES (Abu Salem et al., ICWSM 2019; Zenodo 2607278, CC BY 4.0), as the
dataset distributes them.
"""

from __future__ import annotations

import pytest

from models import Report
from workbench.extract import extract_claims, load_registry


def _claims(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [(c.sources, c.cue, c.text) for c in extract_claims(Report(text=text), load_registry())]


@pytest.mark.parametrize(
    ("text", "source", "proposition"),
    [
        # A trailing pronoun: "... it said."
        (
            "Thirty-five people were killed the Syrian Observatory for Human Rights said. "
            "Scores were also injured it said.",
            "Syrian Observatory for Human Rights",
            "Scores were also injured",
        ),
        # The cue before a short speaker closing the sentence: "... said the spokesman."
        (
            "The Syrian Civil Defense said containers of gas were dropped on the town. The "
            "Syrian Civil Defense was not able to determine the type of the gas said the "
            "spokesman.",
            "White Helmets",
            "The Syrian Civil Defense was not able to determine the type of the gas",
        ),
        (
            "The intensification of the strikes in Idlib is due to the fact that this "
            "province is the main source of fighters for the Army of Conquest said observatory "
            "head Rami Abdel Rahman.",
            "Rami Abdel Rahman",
            "The intensification of the strikes in Idlib",
        ),
        (
            "I believe that if we continue to act in such a coordinated way it will not be "
            "necessary to use force and increase the number of people wounded and killed in "
            "the long-suffering land of Syria said Putin.",
            "Vladimir Putin",
            "I believe that if we continue",
        ),
    ],
)
def test_trailing_attribution_without_comma(text: str, source: str, proposition: str) -> None:
    last = _claims(text)[-1]
    assert last[0] == (source,)
    assert last[2].startswith(proposition)


def test_a_pronoun_inside_a_clause_is_no_speaker() -> None:
    # "vessels it accuses of smuggling": not a trailing cue, no claim.
    text = "Tehran regularly announces seizures of vessels it accuses of smuggling fuel."
    assert _claims(text) == []


def test_told_a_conference_and_has_said() -> None:
    text = (
        "Putin spoke on Monday. There is every reason to believe we are on the right track "
        "Putin told an investment conference."
    )
    assert _claims(text)[-1][:2] == (("Vladimir Putin",), "told")
    assert _claims("Airstrikes killed 25 children on Saturday UNICEF has said.")[0][0] == (
        "UNICEF",
    )


def test_allegations_a_party_denied_is_no_speaker() -> None:
    text = (
        "Human Rights Watch last month accused the AA of killing and displacing Rohingya "
        "civilians in Buthidaung and Maungdaw townships, allegations the group has denied."
    )
    assert [c[:2] for c in _claims(text)] == [(("Human Rights Watch",), "accused")]


@pytest.mark.parametrize(
    ("text", "source", "cue", "proposition"),
    [
        (
            "Homs Governor Talal Barazi said the attack was a crime. Speaking at dawn he said "
            "rescue and fire-fighting operations had been going on for two hours at the base.",
            "Talal Barazi",
            "said",
            "rescue and fire-fighting operations",
        ),
        (
            "Ryan Dillon said the coalition would look into it. We will do so for this "
            "allegation as well he added in an e-mail to AFP.",
            "Ryan Dillon",
            "added",
            "We will do so",
        ),
        (
            "The Syrian government promptly denied the reports of Wednesdays chemical weapons "
            "attack as baseless.",
            "Syrian Government",
            "denied",
            "the reports of Wednesdays",
        ),
        (
            "A civil defense source said jets hit the town. The jets targeted the neighborhood "
            "of al-Sakhour wounding scores more the source told Anadolu Agency on condition of "
            "anonymity due to fear of reprisal.",
            "civil defense source",
            "told",
            "The jets targeted",
        ),
    ],
)
def test_more_forms_of_real_copy(text: str, source: str, cue: str, proposition: str) -> None:
    last = _claims(text)[-1]
    assert last[:2] == ((source,), cue)
    assert last[2].startswith(proposition)


def test_established_reports_only_with_that() -> None:
    assert _claims("UN investigators established that sarin gas was used in 2013.")[0][1] == (
        "established"
    )
    assert _claims("The army established a base near the town.") == []


def test_acronym_after_a_description_is_the_listed_body() -> None:
    text = (
        "Russian and Syrian regime airstrikes killed 25 children on Saturday in a densely "
        "populated town in eastern Syria the United Nations childrens agency (UNICEF) has said."
    )
    assert _claims(text)[0][0] == ("UNICEF",)


def test_a_day_s_reports_are_no_cue() -> None:
    # "Following Wednesdays reports the Observatory called upon ...": "reports" is a noun,
    # and the call is an appeal.
    text = (
        "Following Wednesdays reports the Observatory called upon the UN team in Syria to "
        "visit the stricken areas."
    )
    assert _claims(text) == []


def test_quoting_after_a_trailing_cue_is_not_a_proposition() -> None:
    text = (
        '"They are an attempt to divert the UN commission" the state-run SANA news agency '
        "said quoting an unnamed government official as is its standard practice."
    )
    assert [c[:2] for c in _claims(text)] == [(("SANA",), "said")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Unseen FA-KES copy, read after the held-out batch was scored.
        (
            "I can think of no good reason why any party would decline this opportunity to get "
            "to the truth of the matter the U.N. chief told a diplomatic forum in Seoul.",
            "United Nations",
        ),
        (
            "Russian military planes were seen all night until morning in several regions of "
            "Idlib in northwestern Syria said Rami Abdel Rahman head of the Syrian Observatory "
            "for Human Rights.",
            "Rami Abdel Rahman",
        ),
    ],
)
def test_trailing_speaker_with_adjunct_or_title(text: str, source: str) -> None:
    claims = _claims(text)
    assert claims[0][0] == (source,)
    assert claims[0][2].startswith(text[:20])


def test_no_group_is_no_speaker() -> None:
    text = (
        "Four Syrian Terrorist Groups Join Ranks With Ahrar al-Sham Statement No group has "
        "claimed responsibility for the attack so far."
    )
    assert _claims(text) == []


def test_said_the_source_adding_that() -> None:
    text = (
        "A military source told SANA that the air force hit ISIL hideouts. About 70 "
        "terrorists were killed and 70 others were injured in the airstrikes said the source "
        "adding that a number of vehicles and key positions for ISIL terrorists were destroyed."
    )
    claims = _claims(text)
    assert [c[:2] for c in claims] == [
        (("military source",), "told"),
        (("military source",), "said"),
        (("military source",), "adding"),
    ]
    assert claims[1][2].startswith("About 70 terrorists were killed")


def test_a_listed_name_then_an_indefinite_description() -> None:
    text = (
        "The Syrian Observatory for Human Rights said five people were killed. Two suicide "
        "bombers exploded inside base 17 an army base under siege according to the "
        "observatory a Britain-based group."
    )
    assert _claims(text)[-1][:2] == (("Syrian Observatory for Human Rights",), "according to")


def test_with_x_saying() -> None:
    text = (
        "The explosion was also reported by Syrian state media with the official SANA news "
        "agency saying at least four people had been killed and 19 wounded."
    )
    assert [c[:2] for c in _claims(text)] == [(("SANA",), "saying")]


def test_a_multi_sentence_quote_closed_by_said_the_body_which() -> None:
    text = (
        '"More than 20 members of IS were killed in strikes on two of the organisations '
        "positions in Raqa province. The strikes completely destroyed the two positions as "
        'well as vehicles stationed there" said the Syrian Observatory for Human Rights which '
        "relies on a broad network of activists and doctors."
    )
    claims = _claims(text)
    assert [c[0] for c in claims] == [("Syrian Observatory for Human Rights",)] * 2


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Unseen FA-KES copy: names with their description, commas stripped.
        ("Hadi Abdullah a Syrian activist said the town was shelled all night.", "Hadi Abdullah"),
        (
            "Abu Shadi al-Hamwi a local media activist said the town was shelled all night.",
            "Abu Shadi al-Hamwi",
        ),
        (
            "General Joseph Votel the top commander for US military forces in the Middle East "
            "said the strikes would continue.",
            "Joseph Votel",
        ),
        (
            "Lieutenant General Sergey Rudskoy Chief of the Main Operational Directorate of the "
            "General Staff said the strikes would continue.",
            "Sergey Rudskoy",
        ),
        # A place closes the clause glued before the source.
        (
            "At least 20 people were killed in the government-controlled neighbourhood in the "
            "central city of Homs state television said.",
            "state television",
        ),
        ("A doctor at the Shifa hospital said 20 people died.", "doctor at the Shifa hospital"),
    ],
)
def test_names_and_places_glued_to_a_speaker(text: str, source: str) -> None:
    assert _claims(text)[0][0] == (source,)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Early on Monday the Turkish military said one of its soldiers had been killed.",
            "Turkish Military",
        ),
        (
            "North of Aleppo city the Observatory said clashes raged.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "Sheikh Mohammed Reda Hatem a religious leader in Latakia said the city was calm.",
            "Mohammed Reda Hatem",
        ),
    ],
)
def test_fronted_adjuncts_and_titled_names(text: str, source: str) -> None:
    assert _claims(text)[0][0] == (source,)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A participle clause after the subject, its commas stripped: its object is not the
        # speaker (issue 14, FA-KES "A doctor receiving the casualties confirmed").
        ("A nurse treating the injured told reporters nine people had died.", "nurse"),
        ("Paramedics responding to the blast said at least six people died.", "paramedics"),
        ("Volunteers digging through the rubble said two rescuers were killed.", "volunteers"),
        # "monitoring", "peacekeeping" before a noun are modifiers, not participles.
        ("The EU monitoring mission said its teams saw shelling.", "EU monitoring mission"),
    ],
)
def test_a_participle_clause_glued_to_the_speaker(text: str, source: str) -> None:
    assert _claims(text)[0][0] == (source,)


@pytest.mark.parametrize(
    ("text", "source", "proposition"),
    [
        # "According to X" whose comma before the clause was stripped: the clause's
        # subject is not part of the speaker (issue 14).
        (
            "According to civil defence chief Raed al-Saleh the shelter was hit twice.",
            "Raed al-Saleh",
            "the shelter was hit twice",
        ),
        (
            "According to a source at Homs Police Command 7 people were wounded.",
            "Homs Police Command",
            "7 people were wounded",
        ),
        (
            "According to the Syrian Network for Human Rights a total of 60 people died.",
            "Syrian Network for Human Rights",
            "a total of 60 people died",
        ),
        # ... and information provided by someone is that someone's.
        (
            "According to the information provided by a medical source the dead were all "
            "civilians.",
            "medical source",
            "the dead were all civilians",
        ),
    ],
)
def test_according_to_a_speaker_glued_to_its_clause(
    text: str, source: str, proposition: str
) -> None:
    sources, _, claim = _claims(text)[0]
    assert (sources, claim) == ((source,), proposition)
