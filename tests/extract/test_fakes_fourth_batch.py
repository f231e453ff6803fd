"""Real FA-KES sentences from the fourth blind batch (fc4, December 2026), one per fix.

FA-KES: Abu Salem et al., ICWSM 2019; Zenodo 2607278, CC BY 4.0. The copy keeps the
dataset's stripped commas and apostrophes.
"""

from __future__ import annotations

from models import Report
from workbench.extract import extract_claims, load_registry
from workbench.extract.tolls import report_toll, sentence_toll


def _claims(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [
        (claim.sources, claim.cue, claim.text)
        for claim in extract_claims(Report(text=text), load_registry())
    ]


def test_a_bracketed_other_name_does_not_replace_the_body() -> None:
    claims = _claims(
        "Gas was used in the Sheikh Maqsood district on Thursday. The Kurdish Red Crescent "
        "Society (Heyva Sor) also confirmed the reports."
    )
    assert [(sources, cue) for sources, cue, _ in claims] == [
        (("Kurdish Red Crescent",), "confirmed")
    ]


def test_a_bracketed_credit_before_the_speaker_is_not_part_of_it() -> None:
    claims = _claims(
        "A boy breathes through an oxygen mask. (Reuters) Western powers say the Syrian regime "
        "has been responsible for chlorine attacks."
    )
    assert [sources for sources, _, _ in claims] == [("Western powers",)]


def test_a_name_glued_to_its_description_is_the_source() -> None:
    # the comma before "an online opposition news portal" was stripped
    claims = _claims(
        "The Aleppo Media Centre an online opposition news portal for the city posted a video "
        "that it said was of victims of the gas attack."
    )
    assert claims[0][0] == ("Aleppo Media Centre",)


def test_a_source_in_a_named_force_speaks_for_the_force() -> None:
    claims = _claims(
        "But a source in the Kurdish Asayesh security forces told AFP that this is the largest "
        "explosion the city has ever seen."
    )
    assert [sources for sources, _, _ in claims] == [("Asayish",)]


def test_officials_in_a_city_stay_a_description() -> None:
    claims = _claims("Security officials in Aleppo said the road was closed on Monday.")
    assert [sources for sources, _, _ in claims] == [("security officials in Aleppo",)]


def test_giving_a_toll_is_a_claim_with_its_figures() -> None:
    claims = extract_claims(
        Report(
            text="Syrian state media gave a toll of 44 dead and 140 injured in the bombing "
            "which hit a western district of the city."
        ),
        load_registry(),
    )
    assert len(claims) == 1
    assert claims[0].cue == "gave"
    assert [(q.value, q.unit) for q in claims[0].quantities] == [
        (44.0, "killed"),
        (140.0, "wounded"),
    ]


def test_the_war_s_total_is_not_the_report_s_toll() -> None:
    background = (
        "Once Syrias economic powerhouse Aleppo has been ravaged by the war that began with "
        "anti-government protests in 2011 and which has since killed more than 280000 people."
    )
    assert sentence_toll(background) is None
    report = Report(
        text=f"{background} Air raids on the rebel-held parts of Aleppo killed 13 civilians "
        "Monday the Observatory said."
    )
    assert report_toll(report).killed == 13


def test_a_count_glued_before_the_speaker_is_not_part_of_it() -> None:
    # FA-KES copy with the comma stripped: "... killing 50 state media said"
    claims = _claims(
        "Air strikes on the town killed 50 state media said. Shelling killed 80 people in "
        "Hama rights groups said."
    )
    assert [sources for sources, _, _ in claims] == [("state media",), ("rights groups",)]


def test_a_caption_s_end_is_not_part_of_the_speaker() -> None:
    claims = _claims(
        "This is also giving them credibility. Slideshow (2 Images) Another resident of Deir "
        "al-Zor Abdullah al-Noami said that four al-Sheitaat towns had fallen."
    )
    assert claims
    assert not any(")" in name or "Images" in name for name in claims[0][0])


def test_he_after_a_named_spokesman_whose_comma_was_stripped() -> None:
    claims = _claims(
        "Ahmed a resident of the west of the city said his home was destroyed. Mahmud Abu "
        "Malak a spokesman for the Nureddin al-Zanki rebel group described fierce fighting. "
        "All kinds of heavy artillery are being used in the assault he said."
    )
    assert claims[-1][0] == ("Mahmud Abu Malak",)
