"""The main toll of a report, read as a reader reads it.

Every sentence here is real wire copy from FA-KES (Abu Salem et al., ICWSM 2019;
Zenodo 2607278, CC BY 4.0), quoted with the dataset's own stripped punctuation.
"""

from __future__ import annotations

import pytest

from models import Report
from workbench.extract.quantities import parse_quantities
from workbench.extract.tolls import (
    is_killed,
    load_toll_words,
    report_toll,
    sentence_toll,
)


def _figures(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The casualty verb of a headline, however it is written.
        (
            "Israeli drone strike kills 3 popular fighters in Syrias Quneitra",
            [(3, "fighters killed")],
        ),
        (
            "suicide attack on wedding party in Syria kills 30 injures 90",
            [(30, "killed"), (90, "wounded")],
        ),
        # "4 killed": the figure's own participle, not the next noun a few words on.
        (
            "4 killed over 43 injured in terrorist rocket attacks in aleppo daraa",
            [(4, "killed"), (43, "wounded")],
        ),
        # Martyrs are the dead, in state media's words.
        (
            "25 April 2017 51 martyrs from Kefraya and al-Fouaa escorted from Military Hospital",
            [(51, "killed")],
        ),
        (
            "Three citizens were martyred and others were injured in terrorist suicide bombing",
            [(3, "citizens killed")],
        ),
        # Commas stripped: the verb before the figure governs it, not the next participle.
        (
            "A suicide bomber killed 30 people injured 90 on Monday in an attack",
            [(30, "people killed"), (90, "wounded")],
        ),
        # "a girl child was killed": one dead.
        (
            "A girl child was killed and two others were injured on Sunday by rocket shells",
            [(1, "girl killed"), (2, "wounded")],
        ),
        # The army's word for killing.
        (
            'Israeli soldiers had "eliminated" three "terrorists" who opened fire',
            [(3, "terrorists killed")],
        ),
    ],
)
def test_casualty_verbs_of_real_copy(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # Groups listed together add up.
        (
            "US air strikes killed 50 Al-Qaeda militants and eight civilians including children "
            "in northern Syria on Tuesday the Syrian Observatory for Human Rights said.",
            58,
        ),
        ("Syria air strikes kill 10 children 5 women in Aleppo monitor", 15),
        # A part of the toll is not added: "among", "including".
        ("11 children among 18 dead in Syria car bombings state media", 18),
        (
            "Three children were among at least 19 civilian killed in an air raid on a village",
            19,
        ),
        (
            "Air strikes on two hospitals in rebel-held northwestern Syria on Thursday left 10 "
            "people dead including two children",
            10,
        ),
    ],
)
def test_sentence_toll(sentence: str, killed: float) -> None:
    toll = sentence_toll(sentence)
    assert toll is not None
    assert toll.killed == killed


def test_war_total_is_not_a_toll() -> None:
    sentence = (
        "The war has killed more than 220000 people wounded at least one million and left "
        "many displaced since it began in March 2011."
    )
    assert any(is_killed(q) for q in parse_quantities(sentence))
    assert sentence_toll(sentence) is None


def test_update_is_marked_and_wins() -> None:
    report = Report(
        text=(
            "A car bomb exploded in the town on Sunday killing five people and injuring 46 a "
            "source at Aleppo Police Command said. Later the death toll rose to 12 with over "
            "200 injured."
        )
    )
    toll = report_toll(report)
    assert toll.killed == 12
    assert toll.update
    assert toll.injured == 200


def test_update_unit_is_killed_not_the_injured_next_to_it() -> None:
    toll = sentence_toll("The death toll rose to nine, with 34 people injured, the ministry said.")
    assert toll is not None
    assert (toll.killed, toll.injured, toll.update) == (9, 34, True)


def test_headline_capitals_read_as_a_sentence() -> None:
    report = Report(
        title="Israeli Drone Strike Kills 3 Popular Fighters in Syrias Quneitra",
        text=(
            "29-07-2015 Three fighters from the Popular committees in Syrias Quneitra were "
            "martyred as an Israeli drone struck their position in al-Hadar village."
        ),
    )
    assert report_toll(report).killed == 3


def test_vague_first_figure_gives_way_to_a_precise_one() -> None:
    report = Report(
        title="Dozens killed in car bomb attack on Syrian rebels",
        text="A car bomb killed at least 20 rebels in Idlib province on Sunday a monitor said.",
    )
    assert report_toll(report).killed == 20


def test_no_toll() -> None:
    toll = report_toll(Report(text="The minister met his counterpart in Moscow on Monday."))
    assert toll.killed is None
    assert toll.injured is None


def test_word_lists_load() -> None:
    words = load_toll_words()
    assert "including" in words.subgroup_before
    assert "rose to" in words.update_verbs
    assert "the war has killed" in words.background_markers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # One count of the dead and the injured together is no death toll.
        ("Aleppos civilian massacre continues 88 killed & injured", [(88, "killed or injured")]),
        (
            "Another group the Local Coordination Committees said hundreds of people were "
            "killed or injured in the shelling.",
            [(100, "people killed or injured")],
        ),
    ],
)
def test_killed_or_injured_is_one_count(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert _figures(sentence) == expected
    assert sentence_toll(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A bare figure after "and" counts what the figure before it counted.
        (
            "The air strikes which began Saturday and continued Sunday killed 45 civilians in "
            "and around Aleppo and 22 in neighbouring Idlib province",
            [(45, "civilians killed"), (22, "civilians killed")],
        ),
        # Bodies recovered are the dead.
        (
            "Civil defense teams have uncovered the bodies of 8 people from under the rubble",
            [(8, "people killed")],
        ),
    ],
)
def test_more_casualty_readings(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert _figures(sentence) == expected


def test_got_injured_and_an_uncounted_vague_amount() -> None:
    assert _figures("a woman was killed and three other civilians got injured") == [
        (1, "woman killed"),
        (3, "civilians wounded"),
    ]
    # "a few others blew up": nothing counted that a reader could compare.
    assert _figures("Two shells exploded in the city center a few others blew up") == [
        (2, "shells")
    ]


def test_scoring_reads_one_unit_in_its_spellings() -> None:
    from workbench.extract.evaluation import _norm_unit

    assert _norm_unit("women killed") == _norm_unit("woman killed")
    assert _norm_unit("people injured") == _norm_unit("wounded")
    assert _norm_unit("civilians injured") == _norm_unit("civilians wounded")
    assert _norm_unit("soldiers killed") != _norm_unit("civilians killed")


def test_put_the_toll_at_is_a_claim() -> None:
    # Issue 14: "A local resistance committee ... put the toll at 52 dead" was missed.
    from workbench.extract import extract_claims

    claims = extract_claims(Report(text="A local resistance committee put the toll at 52 dead."))
    assert [(c.cue, [(q.value, q.unit) for q in c.quantities]) for c in claims] == [
        ("put", [(52, "killed")])
    ]
    assert extract_claims(Report(text="The army put pressure on the rebels.")) == []


# Written in the pattern of real headlines and leads (not quoted from the data set).
@pytest.mark.parametrize(
    ("title", "text", "killed", "injured"),
    [
        # A headline opening on one victim with no article: the figure after is the
        # injured, not more dead (issue 14).
        (
            "Woman killed 12 civilians injured in rocket attacks on Hama",
            "Rocket shells hit residential areas of the city on Monday.",
            1,
            12,
        ),
        (
            "Boy killed 4 others injured in mortar attack on Latakia",
            "A mortar shell landed near a school in the city.",
            1,
            4,
        ),
        # A range: the crowd coders of FA-KES count its upper end.
        (
            "Gas attack kills hundreds near Damascus",
            "Between 400 and 900 people died in the attack on the suburbs the activists said.",
            900,
            None,
        ),
    ],
)
def test_one_victim_headlines_and_ranges(
    title: str, text: str, killed: float, injured: float | None
) -> None:
    toll = report_toll(Report(title=title, text=text))
    assert (toll.killed, toll.injured) == (killed, injured)
