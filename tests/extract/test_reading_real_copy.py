"""Reading rules found on real wire copy (FA-KES held-out, issue 14), each shown on an
invented sentence of the same shape. The copy keeps FA-KES's stripped commas."""

from __future__ import annotations

import pytest

from models import Report
from workbench.extract import extract_claims, load_registry
from workbench.extract.quantities import parse_quantities
from workbench.extract.speakers import forward_speaker_end


def _claims(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [
        (claim.sources, claim.cue, claim.text)
        for claim in extract_claims(Report(text=text), load_registry())
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The militia that runs the valley has declared a free zone along the river.",
        "Volunteers posted a film on Facebook apparently showing smoke over the market.",
        "Photos posted online purportedly show a crater near the old bridge.",
        "The relief agency on Friday demanded an inquiry into the shelling of the depot.",
        "The army responded with shelling on positions north of the town.",
        "A week-long truce declared last month by the council expired on Monday.",
    ],
)
def test_an_act_with_a_noun_object_is_not_a_claim(text: str) -> None:
    assert _claims(text) == []


def test_an_act_verb_before_a_clause_still_reports() -> None:
    claims = _claims("The ministry declared that the crossing would reopen on Sunday.")
    assert [cue for _, cue, _ in claims] == ["declared"]


@pytest.mark.parametrize(
    "text",
    [
        "Member states of the agency have long questioned whether the list was full.",
        "Inland states in the Sahel have sent more troops to their borders this year.",
    ],
)
def test_states_as_a_noun_is_no_cue(text: str) -> None:
    assert _claims(text) == []


def test_officially_before_a_cue_keeps_the_cue() -> None:
    claims = _claims(
        "The Iraqi army meanwhile officially announced it had retaken the northern bridge."
    )
    assert [(cue, text) for _, cue, text in claims] == [
        ("announced", "it had retaken the northern bridge")
    ]


def test_an_officially_reported_toll_is_no_cue() -> None:
    assert _claims("The officially reported toll stood at nine on Monday.") == []


def test_a_count_after_an_according_to_source_opens_the_clause() -> None:
    # the comma after the source was stripped
    claims = _claims(
        "According to the Al-Rahma clinic three people died and twelve were hurt in the raid."
    )
    assert [(text[:16], cue) for _, cue, text in claims] == [("three people die", "according to")]
    assert "three" not in " ".join(claims[0][0])


def test_a_count_inside_a_relative_clause_stays_in_the_speaker() -> None:
    text = "Ali Musa a farmer who lost two sons"
    assert forward_speaker_end(text, 0) > text.index("two")


def test_a_date_stamp_before_the_lead_is_not_the_claim() -> None:
    claims = _claims(
        "14 Mar 2017 According to the Red Crescent five people died in the shelling of the camp."
    )
    assert [(cue, text[:9]) for _, cue, text in claims] == [("according to", "five peop")]


def test_a_lead_repeated_with_its_source_is_one_claim_where_first_stated() -> None:
    text = (
        "Gunmen fired mortar rounds at the market of Tal Hamra on Monday leaving four people "
        "dead. Gunmen fired mortar rounds at the market of Tal Hamra on Monday leaving four "
        "people dead the state news agency reported."
    )
    claims = extract_claims(Report(text=text), load_registry())
    assert len(claims) == 1
    assert claims[0].span[0] == 0
    assert text[claims[0].span[0] : claims[0].span[1]] == claims[0].text


def test_a_sentence_printed_twice_is_one_claim() -> None:
    sentence = (
        "A rocket fired at the old quarter of Tal Hamra on Sunday wounded two girls "
        "according to a police source. "
    )
    claims = _claims(sentence + sentence)
    assert len(claims) == 1


def test_an_appositive_after_the_cue_leaves_the_clause_before_as_the_claim() -> None:
    claims = _claims(
        "Government troops have retaken three hamlets in southern Jordan state media said "
        "on Sunday part of an offensive launched last week against the rebels."
    )
    assert [text for _, _, text in claims] == [
        "Government troops have retaken three hamlets in southern Jordan"
    ]


def test_an_inverted_speaker_may_close_with_a_relative_clause() -> None:
    claims = _claims(
        "Several gunmen from the northern brigade were also killed said monitor director "
        "Omar Haddad who did not give a precise figure."
    )
    assert [(sources, text) for sources, _, text in claims] == [
        (("Omar Haddad",), "Several gunmen from the northern brigade were also killed")
    ]


def test_a_second_statement_after_and_later_is_its_own_claim() -> None:
    claims = _claims(
        "A police source said that two shells hit the old souk and later the source said "
        "that gunmen fired more shells at the same street injuring 9 people; the agency "
        "reported."
    )
    assert [text for _, _, text in claims] == [
        "two shells hit the old souk",
        "gunmen fired more shells at the same street injuring 9 people",
    ]


def test_and_before_a_titled_name_opens_a_second_statement() -> None:
    claims = _claims(
        "The monitor reported that 12 fighters were killed as they left a village near Tal "
        "Afar on May 9 and Colonel Tom Reyes said there was no sign of a retreat."
    )
    assert [(sources, text) for sources, _, text in claims] == [
        (("monitor",), "12 fighters were killed as they left a village near Tal Afar on May 9"),
        (("Tom Reyes",), "there was no sign of a retreat"),
    ]


def test_an_inverted_speaker_may_close_with_an_appositive() -> None:
    claims = _claims(
        "There is no bread left because the bakery has closed said Umm Samir a teacher in "
        "the Karm al-Jabal district."
    )
    assert [(sources, text) for sources, _, text in claims] == [
        (("Umm Samir",), "There is no bread left because the bakery has closed")
    ]


def test_a_manner_participle_after_a_trailing_cue_is_not_the_content() -> None:
    claims = _claims(
        "The road has been shut for a week said Umm Samir a teacher in the old quarter. We "
        "have nothing left to cook she said pointing to an empty shelf."
    )
    assert [(sources, text) for sources, _, text in claims] == [
        (("Umm Samir",), "The road has been shut for a week"),
        (("Umm Samir",), "We have nothing left to cook"),
    ]


def test_described_reports_what_a_witness_saw() -> None:
    claims = _claims("Residents also described long queues for bread in the eastern districts.")
    assert [(sources, cue) for sources, cue, _ in claims] == [(("residents",), "described")]


def test_describes_itself_is_not_a_claim() -> None:
    claims = _claims("The volunteer group which describes itself as neutral runs three clinics.")
    assert claims == []


@pytest.mark.parametrize(
    ("speaker", "source"),
    [("UN investigators", "UN investigators"), ("OPCW inspectors", "OPCW inspectors")],
)
def test_investigators_of_a_body_stay_a_group_of_their_own(speaker: str, source: str) -> None:
    claims = _claims(f"{speaker} said that chlorine was dropped on the village in May.")
    assert [sources for sources, _, _ in claims] == [(source,)]


def test_a_police_command_after_a_place_is_one_named_body() -> None:
    claims = _claims(
        "A source at Homs police command said two shells fell on the market. The Homs "
        "Police Command said later that a child was hurt."
    )
    assert {sources for sources, _, _ in claims} == {("Homs Police Command",)}


@pytest.mark.parametrize(
    "text",
    [
        "The envoy reiterated the need for new talks between the two sides.",
        "The minister stressed the importance of keeping the border crossings open.",
    ],
)
def test_a_stated_need_is_an_appeal_not_a_claim(text: str) -> None:
    assert _claims(text) == []


def test_an_inverted_speaker_may_open_with_a_capitalised_body() -> None:
    claims = _claims(
        "Several gunmen of the northern brigade were also killed said Monitor director Omar "
        "Haddad who did not give a precise figure."
    )
    assert [sources for sources, _, _ in claims] == [("Omar Haddad",)]


def test_calling_an_event_a_name_is_a_claim() -> None:
    claims = _claims(
        "A blast on a bus killed four people; the state agency has called the attack a "
        '"cowardly crime".'
    )
    assert [(cue, text) for _, cue, text in claims] == [("called", 'the attack a "cowardly crime"')]


def test_a_published_date_stamp_is_not_part_of_the_lead() -> None:
    claims = _claims(
        "Published May 3 2016 Rebel forces on Monday claimed that jets hit a depot near the "
        "border killing one guard."
    )
    assert [(sources, text[:8]) for sources, _, text in claims] == [(("rebel forces",), "jets hit")]


def test_relayed_reports() -> None:
    claims = _claims('"Four depots were destroyed overnight" the spokesman relayed.')
    assert [cue for _, cue, _ in claims] == ["relayed"]


def test_a_with_clause_of_casualties_after_a_trailing_cue_is_not_the_content() -> None:
    claims = _claims(
        "Two nurses were also hurt in the raid the medical charity said with three patients "
        "killed in shelling the day before."
    )
    assert [text for _, _, text in claims] == ["Two nurses were also hurt in the raid"]


def test_monitors_at_a_named_monitor_are_the_monitor() -> None:
    claims = _claims(
        "Monitors at the Britain-based Syrian Observatory for Human Rights said that two "
        "barrel bombs fell on the town."
    )
    assert [sources for sources, _, _ in claims] == [("Syrian Observatory for Human Rights",)]


def test_a_quote_before_was_quoted_as_saying_by_an_outlet_is_the_claim() -> None:
    claims = _claims(
        '"Three guards were killed at the gate" the governor was quoted as saying by a local '
        "radio station."
    )
    assert [(sources, cue, text) for sources, cue, text in claims] == [
        (("governor",), "saying", "Three guards were killed at the gate")
    ]


def test_a_cue_after_a_subject_pronoun_is_a_verb() -> None:
    claims = _claims(
        "The mayor said the depot was hit on Monday. She confirmed deaths at the depot in a "
        "phone call with a local radio station."
    )
    assert [(sources, cue) for sources, cue, _ in claims] == [
        (("mayor",), "said"),
        (("mayor",), "confirmed"),
    ]


def test_an_inquiry_found_reports_its_finding() -> None:
    claims = _claims(
        "The joint inquiry found the militia was responsible for two raids on the camp and "
        "that the army had shelled a school."
    )
    assert [(cue, text) for _, cue, text in claims] == [
        ("found", "the militia was responsible for two raids on the camp"),
        ("found", "the army had shelled a school"),
    ]


def test_found_after_anyone_else_is_no_cue() -> None:
    assert _claims("Rescuers found three bodies under the rubble of the school.") == []


def test_a_participle_may_close_the_speaker_phrase() -> None:
    claims = _claims("Three women interviewed said the water had been cut for a week.")
    assert [(sources, text) for sources, _, text in claims] == [
        (("women interviewed",), "the water had been cut for a week")
    ]


def test_a_name_with_letters_lost_in_transcoding_is_still_a_name() -> None:
    # U+FFFD where the copy lost "\u00c7" and "\u015f" of a Turkish name
    claims = _claims(
        "Interior Minister Ahmet \ufffdel\ufffdk also stated that the border gate would stay "
        "closed until Friday."
    )
    assert [(sources, text) for sources, _, text in claims] == [
        (("Ahmet \ufffdel\ufffdk",), "the border gate would stay closed until Friday")
    ]


def test_a_described_person_opening_a_sentence_is_the_he_that_follows() -> None:
    claims = _claims(
        "The governor said 12 soldiers were killed. The elderly man walked into the clinic "
        "and sat by his son. He is all I had he said crying over the bed."
    )
    assert [sources for sources, _, _ in claims] == [("governor",), ("elderly man",)]


def test_a_lead_repeated_after_an_agency_credit_is_one_claim() -> None:
    lead = (
        "A shell fired by rebels killed at least six people on Monday in the old market of "
        "the city a monitoring group said."
    )
    claims = _claims(f"{lead} (afp) {lead}")
    assert len(claims) == 1


def test_a_quote_no_cue_claims_is_the_speaker_before_it() -> None:
    claims = _claims(
        "Shells hit the northern district on Friday according to Radio Nord. "
        '"Eleven people have been killed and 40 others wounded in the shelling." '
        "The shelling began at dawn."
    )
    assert [(sources, cue, text[:15]) for sources, cue, text in claims] == [
        (("Radio Nord",), "according to", "Shells hit the "),
        (("Radio Nord",), "according to", "Eleven people h"),
    ]


def test_a_quote_closed_by_a_later_cue_is_that_speaker_s() -> None:
    claims = _claims(
        "Shells hit the northern district on Friday according to Radio Nord. "
        '"We counted eleven dead at the hospital." a doctor said.'
    )
    assert [sources for sources, _, _ in claims] == [("Radio Nord",), ("doctor",)]


def test_a_quoted_first_person_appeal_is_not_a_claim() -> None:
    claims = _claims(
        "The minister said the strike on the market was a crime. "
        '"I ask every member of the council to act now. '
        'The attack killed nine people in the market" he added.'
    )
    assert [text[:16] for _, _, text in claims] == ["the strike on th", "The attack kille"]


def test_a_caption_glued_before_according_to_is_not_the_claim() -> None:
    claims = _claims(
        "Reuters Photo John Smith Rebels Retake Northern Border Crossing - Report According "
        "to the mayor the crossing was closed for three hours on Monday."
    )
    assert [(sources, text) for sources, _, text in claims] == [
        (("mayor",), "the crossing was closed for three hours on Monday")
    ]


def test_describing_it_as_reports_after_the_main_cue() -> None:
    claims = _claims(
        'Jordan condemned the shelling of the camp describing it as "a grave violation".'
    )
    assert [(cue, text) for _, cue, text in claims] == [
        ("condemned", "the shelling of the camp"),
        ("describing", 'it as "a grave violation"'),
    ]


def test_a_population_is_not_a_count_of_the_displaced() -> None:
    figures = parse_quantities(
        "the fighting displaced a third of the pre-war population of about 6 million people"
    )
    assert figures == []


def test_revolutionary_and_opposition_forces_is_inside_one_name() -> None:
    claims = _claims(
        "The National Coalition of Revolutionary and Opposition Forces said the town was "
        "shelled overnight."
    )
    assert len(claims) == 1
    assert len(claims[0][0]) == 1


def test_expects_reports_a_prediction() -> None:
    claims = extract_claims(
        Report(text="The food agency expects stocks in the camp to run out within two weeks."),
        load_registry(),
    )
    assert [(c.cue, c.modality.value) for c in claims] == [("expects", "predicted")]
