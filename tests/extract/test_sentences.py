"""Sentence splitting that survives wire copy."""

from __future__ import annotations

from workbench.extract.sentences import dateline_length, is_headline, iter_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in iter_sentences(text)]


def test_abbreviations_do_not_split() -> None:
    text = "Lt. Col. John Smith of the U.S. Army said Gen. Ali left. Then he spoke."
    assert _texts(text) == [
        "Lt. Col. John Smith of the U.S. Army said Gen. Ali left.",
        "Then he spoke.",
    ]


def test_quote_closing_after_full_stop() -> None:
    text = '"We will win." He said it twice. "Why?" he asked.'
    assert _texts(text) == ['"We will win."', "He said it twice.", '"Why?" he asked.']


def test_datelines_are_not_part_of_the_sentence() -> None:
    for text, first in [
        ("Beirut: IS militants killed 26.", "IS militants killed 26."),
        ("KYIV (Reuters) - Russia fired drones.", "Russia fired drones."),
        ("BEIRUT, March 21 (Reuters) - The army said.", "The army said."),
        ("SANAA, Yemen (AP) — Houthis said.", "Houthis said."),
    ]:
        assert _texts(text)[0] == first
    assert dateline_length("Meanwhile, Russia will act.") == 0


def test_offsets_slice_the_text() -> None:
    text = 'Beirut: A said B.\n\n  C said D. "E," he said.\nLAST LINE IN CAPS'
    for sentence in iter_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_headlines() -> None:
    assert is_headline("RUSSIAN DRONES HIT KHARKIV, GOVERNOR SAYS")
    assert not is_headline("Russian drones hit Kharkiv, the governor said.")
    assert list(iter_sentences("ARMY SAYS 40 KILLED")) == []


def test_headline_is_four_fifths_capitals_whatever_the_vowels() -> None:
    # A slug with a few lower-case words is still a headline; prose with many
    # capitalised names is not; letters outside ASCII count like any other.
    assert is_headline("UN SAYS 40 KILLED IN DARFUR ATTACK - update 2")
    assert is_headline("ÉTAT ISLAMIQUE: L'ARMÉE SYRIENNE REPREND PALMYRE")
    assert not is_headline("UN, WHO and ICRC officials in Darfur said on Monday")
    assert not is_headline("Lqrd Brk Shw")  # no vowels, still lower-case letters


def test_a_headline_glued_to_the_lead_is_no_claim() -> None:
    # FA-KES copy (Abu Salem et al., ICWSM 2019; CC BY 4.0): date, headline and lead in one run.
    from models import Report
    from workbench.extract import extract_claims

    report = Report(
        title="Homs governor says U.S. attack caused deaths but doesnt see big human losses",
        text=(
            "Fri 07 Apr 2017 at 0914 Homs governor says U.S. attack caused deaths but doesnt "
            "see big human losses. A U.S. missile strike on an airbase near the Syrian city "
            'of Homs on Friday caused deaths but is not believed to have resulted in "big '
            'human casualties" Homs Governor Talal Barazi said.'
        ),
    )
    claims = extract_claims(report)
    assert [c.sources for c in claims] == [("Talal Barazi",)]
    assert claims[0].text.startswith("A U.S. missile strike")
