"""Each attribution form of wire copy, with its source, cue and proposition."""

from __future__ import annotations

import pytest

from models import Modality, Report
from workbench.extract import extract_claims


def _one(text: str) -> tuple[str, tuple[str, ...], str]:
    claims = extract_claims(Report(text=text))
    assert len(claims) == 1, claims
    return claims[0].text, claims[0].sources, claims[0].cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Syrian Observatory for Human Rights said 10 people died.",
            ("10 people died", ("Syrian Observatory for Human Rights",), "said"),
        ),
        (
            "Ten people died in the raid, SANA said.",
            ("Ten people died in the raid", ("SANA",), "said"),
        ),
        (
            "Ten people died in the raid, said Hamas spokesman Hazem Qassem.",
            ("Ten people died in the raid", ("Hazem Qassem",), "said"),
        ),
        (
            "According to the World Health Organization, the hospital was hit.",
            ("the hospital was hit", ("World Health Organization",), "according to"),
        ),
        (
            "The hospital was hit, according to the WHO and the Red Cross.",
            (
                "The hospital was hit",
                ("World Health Organization", "International Committee of the Red Cross"),
                "according to",
            ),
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters that talks had stalled.",
            ("talks had stalled", ("Dmitry Peskov",), "told"),
        ),
        (
            "A Ukrainian military source told Reuters the bridge was destroyed.",
            ("the bridge was destroyed", ("Ukrainian military source",), "told"),
        ),
        (
            "The army said in a statement on Monday that it had retaken the town.",
            ("it had retaken the town", ("army",), "said"),
        ),
        (
            "Ten people died in the raid the Observatory said",
            ("Ten people died in the raid", ("Syrian Observatory for Human Rights",), "said"),
        ),
    ],
)
def test_forms(text: str, expected: tuple[str, tuple[str, ...], str]) -> None:
    assert _one(text) == expected


def test_two_claims_joined_by_and() -> None:
    claims = extract_claims(
        Report(
            text=(
                "Russian planes hit the town, according to the Observatory, and Putin said "
                "on Thursday he hoped the city would fall."
            )
        )
    )
    assert [c.sources for c in claims] == [
        ("Syrian Observatory for Human Rights",),
        ("Vladimir Putin",),
    ]
    assert claims[1].modality is Modality.HOPED


def test_saying_carries_the_speaker() -> None:
    claims = extract_claims(
        Report(
            text=(
                "The United States rejected the call, saying that its concerns were being handled."
            )
        )
    )
    assert [(c.cue, c.sources) for c in claims] == [
        ("rejected", ("United States",)),
        ("saying", ("United States",)),
    ]


def test_quote_closed_by_he_said_and_multi_sentence_quotes() -> None:
    text = (
        "Russian President Vladimir Putin spoke on Thursday.\n"
        "“The first sentence. The second sentence,” he said. “A third one.”"
    )
    claims = extract_claims(Report(text=text))
    assert [c.text for c in claims] == ["The first sentence", "The second sentence", "A third one"]
    assert {c.sources for c in claims} == {("Vladimir Putin",)}


def test_reported_speech_over_sentences_with_it() -> None:
    text = (
        "Ten soldiers died, the Observatory said.\n"
        "It said the army lost two tanks.\n"
        "The ministry in Damascus did not comment."
    )
    claims = extract_claims(Report(text=text))
    assert [c.sources for c in claims] == [("Syrian Observatory for Human Rights",)] * 2


def test_background_sentences_are_not_claims() -> None:
    text = (
        "Palmyra has both symbolic and military value.\n"
        "The truce has been in place for nearly three weeks."
    )
    assert extract_claims(Report(text=text)) == []


def test_nested_cue_inside_a_proposition() -> None:
    claims = extract_claims(
        Report(text=("Israeli forces told residents to leave the area, the ministry said."))
    )
    assert len(claims) == 1
    assert claims[0].text == "Israeli forces told residents to leave the area"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The army said it would recapture the town.", Modality.PREDICTED),
        ("The army said it will act if talks fail.", Modality.CONDITIONAL),
        ("Hamas denied that its fighters were there.", Modality.DENIED),
        ("The minister said he hoped the talks would succeed.", Modality.HOPED),
        ("The United States rejected claims that it had struck the convoy.", Modality.DENIED),
        ("The army said the town had fallen.", Modality.ASSERTED),
    ],
)
def test_modality(text: str, modality: Modality) -> None:
    assert extract_claims(Report(text=text))[0].modality is modality


def test_caveats_attach_to_the_figure_claim() -> None:
    text = (
        "Twenty people were killed, the Observatory said.\n"
        "The army said it had advanced 4 km.\n"
        "Reuters could not independently verify the death toll.\n"
        "Residents said troops had reportedly looted shops."
    )
    claims = extract_claims(Report(text=text))
    assert [len(c.caveats) for c in claims] == [1, 0, 1]
    assert claims[0].caveats[0].kind == "unverified"
    assert claims[2].caveats[0].text == "reportedly"
    assert claims[2].caveats[0].kind == "hedge"


def test_quoted_as_saying() -> None:
    text = (
        "The RIA news agency quoted Deputy Foreign Minister Sergei Ryabkov as saying that "
        "Moscow saw no basis for talks.\n"
        "Ryabkov was also quoted as saying that Russia would respond.\n"
        "TASS cited a source in the defence ministry as saying 12 drones were destroyed."
    )
    claims = extract_claims(Report(text=text))
    assert [c.sources for c in claims] == [
        ("Sergei Ryabkov",),
        ("Sergei Ryabkov",),
        ("source in the defence ministry",),
    ]
    assert claims[1].modality is Modality.PREDICTED
    assert claims[2].quantities[0].value == 12


def test_relative_clause_and_auxiliary_before_the_cue() -> None:
    claims = extract_claims(
        Report(text="The Huthi rebels, who control the capital Sanaa, have accused the UN of bias.")
    )
    assert [(c.sources, c.cue) for c in claims] == [(("Houthis",), "accused")]


def test_quote_running_over_paragraphs() -> None:
    text = (
        "Hamas spokesman Hazem Qassem spoke after the strike.\n"
        '"We will not negotiate under fire. The occupation bears responsibility.\n'
        '"Our demands have not changed," Qassem said.'
    )
    claims = extract_claims(Report(text=text))
    assert [c.text for c in claims] == [
        "We will not negotiate under fire",
        "The occupation bears responsibility",
        "Our demands have not changed",
    ]
    assert {c.sources for c in claims} == {("Hazem Qassem",)}


@pytest.mark.parametrize(
    ("text", "proposition"),
    [
        (
            "A senior official told Reuters on condition of anonymity that talks had collapsed.",
            "talks had collapsed",
        ),
        (
            "The ministry said in a statement carried by the state news agency SANA that 12 "
            "soldiers were killed.",
            "12 soldiers were killed",
        ),
        (
            "The army said on Monday, without giving details, that it had killed 20 militants.",
            "it had killed 20 militants",
        ),
        (
            "Putin told a televised meeting of his security council that Russia would respond.",
            "Russia would respond",
        ),
    ],
)
def test_adjuncts_between_cue_and_proposition(text: str, proposition: str) -> None:
    assert _one(text)[0] == proposition


def test_both_parties_deny() -> None:
    claims = extract_claims(
        Report(text="The Sudanese army and the RSF have both denied targeting civilians.")
    )
    assert claims[0].sources == ("Sudanese Armed Forces", "Rapid Support Forces")
    assert claims[0].modality is Modality.DENIED


def test_role_titles_refer_back_to_the_named_person() -> None:
    text = (
        "Glide bombs hit Kharkiv, Kharkiv governor Oleh Syniehubov said.\n"
        "Kharkiv mayor Ihor Terekhov said the water supply was cut.\n"
        "The governor said a playground was hit. The mayor added that crews would work all night."
    )
    claims = extract_claims(Report(text=text))
    assert [c.sources[0] for c in claims] == [
        "Oleh Syniehubov",
        "Ihor Terekhov",
        "Oleh Syniehubov",
        "Ihor Terekhov",
    ]


def test_capitals_speak_for_governments_and_relative_denials_are_caveats() -> None:
    claims = extract_claims(
        Report(text="Kinshasa accuses Rwanda of backing the M23, which Kigali denies.")
    )
    assert len(claims) == 1
    assert claims[0].sources == ("Congolese Government",)
    assert claims[0].cue == "accuses"
    assert [c.kind for c in claims[0].caveats] == ["disputed"]


def test_base_form_cues_and_infinitives() -> None:
    claims = extract_claims(
        Report(text="UN experts estimate that between 3,000 and 4,000 troops are deployed.")
    )
    assert claims[0].sources == ("UN experts",)
    assert (claims[0].quantities[0].low, claims[0].quantities[0].high) == (3000, 4000)
    assert extract_claims(Report(text="The army refused to confirm the figures.")) == []


def test_trailing_name_with_appositive_and_called_for() -> None:
    claims = extract_claims(
        Report(
            text=(
                '"The militants used two car bombs," Mohamed Abdi, a local elder, said by phone.\n'
                "The U.N. mission in Libya called for a ceasefire and said it was alarmed.\n"
                "A group called Saraya Awliya al-Dam said nothing."
            )
        )
    )
    # "called for a ceasefire" is an appeal, no claim (issue 14), but it still gives the
    # subject of the "said" that follows it.
    assert [(c.sources, c.cue) for c in claims] == [
        (("Mohamed Abdi",), "said"),
        (("U.N. mission in Libya",), "said"),
    ]


def test_an_appeal_is_not_a_claim() -> None:
    # The real sentence of issue 14; "called X a Y" still asserts.
    claims = extract_claims(
        Report(
            text=(
                "The Red Cross called on all parties to respect international humanitarian "
                "law. The junta called the KIA a terrorist organisation. The UN urged both "
                "sides to protect civilians."
            )
        )
    )
    assert [(c.cue, c.text) for c in claims] == [("called", "the KIA a terrorist organisation")]


def test_could_is_not_always_a_prediction() -> None:
    heard, rise = extract_claims(
        Report(
            text=(
                "Residents said gunfire could be heard all night. "
                "Police said the death toll could rise."
            )
        )
    )
    assert heard.modality is Modality.ASSERTED
    assert rise.modality is Modality.PREDICTED


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A participle before the name, an acronym after it.
        (
            "The outlawed Eastern Liberation Front (ELF) claimed responsibility for the "
            "bombing in a message to reporters.",
            "Eastern Liberation Front",
        ),
        # A long descriptive appositive between the name and the cue.
        (
            "The Northern Patriotic Army (NPA), the oldest of the rebel groups still "
            "fighting in the hills, claimed responsibility for the ambush.",
            "Northern Patriotic Army",
        ),
    ],
)
def test_claimed_responsibility_after_a_named_group(text: str, source: str) -> None:
    claims = extract_claims(Report(text=text))
    assert [(c.sources, c.cue) for c in claims] == [((source,), "claimed")]


def test_a_longer_name_holding_a_listed_name_is_its_own_body() -> None:
    # "National Liberation Army" is the listed ELN; the longer name is another group.
    text = "The Kivu Hills National Liberation Army (KHNLA) claimed responsibility for the raid."
    claims = extract_claims(Report(text=text))
    assert [c.sources for c in claims] == [("Kivu Hills National Liberation Army",)]


@pytest.mark.parametrize(
    ("text", "source", "proposition"),
    [
        # A place or channel after the cue of a closed quote is not a proposition.
        (
            '"We will rebuild every school," provincial spokesman Idris Kamara said on '
            "national radio.",
            "Idris Kamara",
            "We will rebuild every school",
        ),
        (
            '"The road is closed," Captain Musa Dengi said by phone from the nearby town of '
            "Garoka.",
            "Musa Dengi",
            "The road is closed",
        ),
        # A relative clause after an inverted speaker.
        (
            '"The water ran out on Sunday," said a resident who asked not to be named.',
            "resident",
            "The water ran out on Sunday",
        ),
    ],
)
def test_quote_then_speaker_with_a_tail(text: str, source: str, proposition: str) -> None:
    claims = extract_claims(Report(text=text))
    assert [(c.sources, c.text) for c in claims] == [((source,), proposition)]


def test_a_ministry_takes_the_country_of_its_sentence() -> None:
    text = (
        "Russia's Defence Ministry controls the Africa Corps in Mali.\n"
        "In neighbouring Niger, the Defence Ministry said nine soldiers were killed."
    )
    claims = extract_claims(Report(text=text))
    assert [c.sources for c in claims] == [("Nigerien Defence Ministry",)]


def test_quote_told_by_phone_from_a_place_to_an_anonymous_speaker() -> None:
    # The adjuncts after "told AFP" and the anonymity clause are not a proposition.
    claims = extract_claims(
        Report(
            text='"Nobody came to help us. We hid in the fields," a farmer told AFP by '
            "phone from the capital, asking not to be named."
        )
    )
    assert [(c.text, c.sources, c.cue) for c in claims] == [
        ("Nobody came to help us", ("farmer",), "told"),
        ("We hid in the fields", ("farmer",), "told"),
    ]


def test_said_a_and_that_b_is_two_claims_each_with_its_own_figures_and_modality() -> None:
    claims = extract_claims(
        Report(
            text="A senior police official told Reuters that at least 12 soldiers had died "
            "and that the toll could rise as several of the wounded were in critical condition."
        )
    )
    assert [c.text for c in claims] == [
        "at least 12 soldiers had died",
        "the toll could rise as several of the wounded were in critical condition",
    ]
    assert {c.sources for c in claims} == {("senior police official",)}
    assert [c.cue for c in claims] == ["told", "told"]
    assert [c.modality for c in claims] == [Modality.ASSERTED, Modality.PREDICTED]
    assert [q.value for q in claims[0].quantities] == [12]
    assert claims[1].quantities == () or all(q.value != 12 for q in claims[1].quantities)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "UKMTO said the vessel reported an explosion nearby but that the crew were safe.",
            ["the vessel reported an explosion nearby", "the crew were safe"],
        ),
        (
            "Police rejected the allegation, saying all six were wanted cadres "
            "and that weapons were found next to the bodies.",
            [
                "the allegation",
                "all six were wanted cadres",
                "weapons were found next to the bodies",
            ],
        ),
        (
            "The army said the town was retaken, and that it had cleared the roads "
            "and that civilians could return.",
            ["the town was retaken", "it had cleared the roads", "civilians could return"],
        ),
    ],
)
def test_each_complement_of_one_cue_is_its_own_claim(text: str, parts: list[str]) -> None:
    claims = extract_claims(Report(text=text))
    assert [c.text for c in claims] == parts
    assert len({c.sources for c in claims}) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a demonstrative "that", not a second complement
        "The governor said troops had fought for the hill and that was the end of it.",
        # inside a quotation the speaker's own words stay whole
        'The governor said: "We held the hill and that is what matters."',
        # "and that" with no clause after it
        "The governor said he had heard the same rumour, and that only.",
    ],
)
def test_a_that_which_opens_no_clause_does_not_split(text: str) -> None:
    assert len(extract_claims(Report(text=text))) == 1


def test_a_hedge_inside_the_second_complement_qualifies_only_it() -> None:
    claims = extract_claims(
        Report(
            text="Residents said fighting had continued into the night and that 30 civilians "
            "had reportedly been killed in the crossfire."
        )
    )
    assert [c.text for c in claims] == [
        "fighting had continued into the night",
        "30 civilians had reportedly been killed in the crossfire",
    ]
    assert claims[0].caveats == ()
    assert [c.text for c in claims[1].caveats] == ["reportedly"]
    assert [(q.value, q.unit) for q in claims[1].quantities] == [(30, "civilians killed")]


@pytest.mark.parametrize(
    ("text", "sources", "proposition"),
    [
        # a fronted adjunct with no comma after it, and "posted" after "statement"
        (
            'In a statement posted on Telegram the RSF said it "will not abandon Gezira".',
            ("Rapid Support Forces",),
            'it "will not abandon Gezira"',
        ),
        (
            "In a statement broadcast on state media on Monday the army said the rebels "
            "had suffered heavy losses.",
            ("army",),
            "the rebels had suffered heavy losses",
        ),
        # the passive "was quoted by X as saying": the quoted person speaks, not "by X"
        (
            "One resident was quoted by the station as saying that 200 families had fled.",
            ("resident",),
            "200 families had fled",
        ),
        (
            "Major General Abebe Tadesse, a regional commander, was quoted by the state-run "
            "broadcaster as saying that order had been restored.",
            ("Abebe Tadesse",),
            "order had been restored",
        ),
        # a descriptive appositive after "according to X"
        (
            "According to the Sudan Doctors Network, a medical group that tracks casualties, "
            "at least 23 civilians were killed.",
            ("Sudan Doctors Network",),
            "at least 23 civilians were killed",
        ),
        # ", citing X,", ", or TTP," and a quotation inside a relative clause
        (
            "Radio Anfani, citing residents of Tera, reported that the jihadists had burned "
            "granaries.",
            ("Radio Anfani",),
            "the jihadists had burned granaries",
        ),
        (
            "Tehreek-e-Taliban Pakistan, or TTP, claimed responsibility for the attack.",
            ("Tehrik-i-Taliban Pakistan",),
            "responsibility for the attack",
        ),
        (
            "A Ukrainian drone operator fighting near the city, "
            'who gave only his call sign "Bison", '
            "told AFP that Russian infantry were infiltrating.",
            ("Ukrainian drone operator",),
            "Russian infantry were infiltrating",
        ),
        # a modifier of the body ("PKK-linked", "privately-owned") and a person's workplace
        (
            "The PKK-linked Firat news agency claimed that strikes had damaged three villages.",
            ("Firat news agency",),
            "strikes had damaged three villages",
        ),
        (
            "Four officers were wounded, according to Dr. Fazal Rahim at the district hospital.",
            ("Fazal Rahim",),
            "Four officers were wounded",
        ),
        # a cue inside a relative clause about the subject is not the main verb
        (
            "President Daniel Noboa, who declared an \u201cinternal armed conflict\u201d in "
            "January, wrote on X that the government would not step back.",
            ("Daniel Noboa",),
            "the government would not step back",
        ),
        # "Gov." is a title, like "Governor"
        (
            "Two missiles hit a bus depot, Gov. Serhii Kovalenko said.",
            ("Serhii Kovalenko",),
            "Two missiles hit a bus depot",
        ),
        # "in a video statement" is where it was said, not what
        (
            '"We will continue to act," military spokesman Lieutenant Colonel Nadav Shoham '
            "said in a video statement.",
            ("Nadav Shoham",),
            "We will continue to act",
        ),
        (
            '"Attacks were thwarted," the Russian Defence Ministry said in a statement posted '
            "on its Telegram channel.",
            ("Russian Defence Ministry",),
            "Attacks were thwarted",
        ),
    ],
)
def test_wire_forms_of_the_blind_batches(
    text: str, sources: tuple[str, ...], proposition: str
) -> None:
    (claim,) = extract_claims(Report(text=text))
    assert (claim.sources, claim.text) == (sources, proposition)


def test_according_to_then_a_clause_opening_with_the_is_not_an_appositive() -> None:
    (claim,) = extract_claims(
        Report(
            text="According to Prokudin, the evacuation of families will continue, "
            "and buses will leave daily."
        )
    )
    assert claim.text.startswith("the evacuation of families will continue")


def test_who_said_after_a_named_speaker_is_that_speaker() -> None:
    claims = extract_claims(
        Report(
            text='"We were sleeping when the tent exploded," said Umm Khaled Abu Shamala, 46, '
            "who said she had lost three relatives."
        )
    )
    assert [(c.sources, c.text) for c in claims] == [
        (("Umm Khaled Abu Shamala",), "We were sleeping when the tent exploded"),
        (("Umm Khaled Abu Shamala",), "she had lost three relatives"),
    ]


def test_the_next_quotation_after_a_who_said_tail_is_the_same_speakers() -> None:
    claims = extract_claims(
        Report(
            text='"We were sleeping when the tent exploded," said Umm Khaled Abu Shamala, 46, '
            'who said she had lost three relatives. "There is no safe place."'
        )
    )
    assert [c.text for c in claims][-1] == "There is no safe place"
    assert {c.sources for c in claims} == {("Umm Khaled Abu Shamala",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A manner adverb between the auxiliary and the cue (issue 14).
        (
            "The ministry has vigorously denied targeting civilian areas.",
            [("targeting civilian areas", "denied")],
        ),
        (
            "The militia has consistently rejected the charges.",
            [("the charges", "rejected")],
        ),
        # "pointing out that" after a claim whose comma was stripped: a second claim.
        (
            "The minister said the talks had stalled pointing out that no date was set.",
            [("the talks had stalled", "said"), ("no date was set", "pointing out")],
        ),
    ],
)
def test_adverbs_and_phrasal_participles(text: str, expected: list[tuple[str, str]]) -> None:
    claims = extract_claims(Report(text=text))
    assert [(c.text, c.cue) for c in claims] == expected
