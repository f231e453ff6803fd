"""Figures: digits, words, hedges, ranges, ACLED vague amounts, conversions, non-figures."""

from __future__ import annotations

import math

import pytest

from workbench.extract.quantities import parse_quantities, words_to_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-six", 26),
        ("two hundred and five", 205),
        ("a thousand", 1000),
        ("two dozen", 24),
        ("ninety nine", 99),
        ("three million", 3_000_000),
    ],
)
def test_number_words(words: str, value: int) -> None:
    assert words_to_number(words) == value


@pytest.mark.parametrize(
    ("text", "value", "unit", "low", "high"),
    [
        ("IS militants killed 26 Syrian soldiers", 26, "soldiers killed", 26, 26),
        ("about 4 km (2 miles) west of Palmyra", 4, "km", 3.6, 4.4),
        ("about 100km further west", 100, "km", 90, 110),
        ("at least 1,200 people were killed", 1200, "people killed", 1200, math.inf),
        ("up to 330 servicemen", 330, "servicemen", 0, 330),
        ("between 15 and 20 people were killed", 15, "people killed", 15, 20),
        ("20-25 civilians wounded", 20, "civilians wounded", 20, 25),
        ("nearly 50 fighters died", 50, "fighters killed", 45, 50),
        ("dozens of civilians were killed", 12, "civilians killed", 12, 99),
        ("tens of fighters were killed", 10, "fighters killed", 10, 99),
        ("hundreds of families fled", 100, "families", 100, 999),
        ("more than 1.2 million people displaced", 1_200_000, "people displaced", 1.2e6, math.inf),
        ("two dozen soldiers were wounded", 24, "soldiers wounded", 24, 24),
        ("some 70 nautical miles off Hodeidah", 70, "nautical miles", 63, 77),
    ],
)
def test_one_figure(text: str, value: float, unit: str, low: float, high: float) -> None:
    [quantity] = parse_quantities(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.low == pytest.approx(low)
    assert quantity.high == pytest.approx(high) or quantity.high == high


def test_conversion_in_parentheses_is_one_figure() -> None:
    [quantity] = parse_quantities("the village of Tasil, about 10 km (6 miles) from the Golan")
    assert (quantity.value, quantity.unit, quantity.approximate) == (10, "km", True)
    assert quantity.text == "about 10 km (6 miles)"


@pytest.mark.parametrize(
    "text",
    [
        "the village of Myrne Pole, about 8 kilometres (five miles) south of Pokrovsk",
        "about 8 km (roughly five miles) south of Pokrovsk",
    ],
)
def test_conversion_in_number_words_is_one_figure(text: str) -> None:
    [quantity] = parse_quantities(text)
    assert (quantity.value, quantity.unit, quantity.approximate) == (8, "km", True)


def test_weapons_after_a_designator_are_counted_as_weapons() -> None:
    figures = parse_quantities(
        "the enemy had lost up to 410 servicemen, three tanks and two US-made M777 howitzers, "
        "and 23 motorcycles were seized"
    )
    assert [(q.value, q.unit) for q in figures][1:] == [
        (3, "tanks"),
        (2, "howitzers"),
        (23, "motorcycles"),
    ]


def test_two_casualty_figures() -> None:
    found = parse_quantities("killing four soldiers and wounding six others")
    assert [(q.value, q.unit) for q in found] == [(4, "soldiers killed"), (6, "wounded")]


def test_partitive_figures_share_the_unit() -> None:
    found = parse_quantities("shot down 22 of 25 drones")
    assert [(q.value, q.unit) for q in found] == [(22, "drones"), (25, "drones")]


@pytest.mark.parametrize(
    "text",
    [
        "starting from March 22 if it gets no response",
        "on 12 June 2024 at 10:30",
        "for nearly three weeks",
        "a 12-year-old boy",
        "F-16 jets and Resolution 2254 on the M4 highway",
        "more than five months of air strikes",
        "one of the main roads",
        "the 2016 offensive",
    ],
)
def test_not_figures(text: str) -> None:
    assert parse_quantities(text) == []


def test_superlative_partitive_is_not_a_count() -> None:
    found = parse_quantities("one of its largest air attacks, firing 120 missiles")
    assert [(q.value, q.unit) for q in found] == [(120, "missiles")]


def test_one_victim_and_vague_multiples() -> None:
    from workbench.extract.quantities import parse_quantities

    def figures(text: str) -> list[tuple[float, str]]:
        return [(q.value, q.unit) for q in parse_quantities(text)]

    assert figures("shelled the town, killing a civilian and wounding three") == [
        (1, "civilian killed"),
        (3, "wounded"),
    ]
    assert figures("a child was killed when a shell hit") == [(1, "child killed")]
    assert figures("a soldier said the road was open") == []
    assert figures("killed five people, including a paramedic") == [(5, "people killed")]
    assert figures("'several dozen terrorists' were killed") == [(12, "terrorists killed")]
    assert figures("several hundred families fled") == [(100, "families")]
    assert figures("killing and wounding dozens of its elements") == [(12, "elements killed")]
    assert figures("killed four people and wounded 25, including three children") == [
        (4, "people killed"),
        (25, "wounded"),
        (3, "children wounded"),
    ]
    # "two districts" is not a count of the dead.
    assert figures("strikes on two districts of the province killed 46 people") == [
        (46, "people killed")
    ]
    # An unlisted noun counts when the casualty verb governs it.
    assert figures("gunmen killed eight tourists near the border") == [(8, "tourists killed")]
    assert figures("six mourners were killed when a drone struck") == [(6, "mourners killed")]


def _units(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A casualty adjective before the noun: the noun is counted.
        ("the clinic received 40 wounded people overnight", [(40, "people wounded")]),
        ("the hospital took in 17 injured soldiers", [(17, "soldiers wounded")]),
        # The verb of the figure's own clause wins over a nearer one of another clause.
        (
            "one soldier was killed and three others were wounded",
            [(1, "soldier killed"), (3, "wounded")],
        ),
        (
            "At least 19 people, including two police officers and a nurse, were killed",
            [(19, "people killed"), (2, "officers killed")],
        ),
        (
            "300 people have been killed and some 800 people are missing",
            [
                (300, "people killed"),
                (800, "people missing"),
            ],
        ),
        ("nine policemen were martyred in the blast", [(9, "policemen killed")]),
        # Counted things and land measures.
        ("the monitor recorded 42 incidents of shelling", [(42, "incidents")]),
        ("settlers seized 30 dunums of farmland", [(30, "dunums")]),
        ("families left 12 frontline communities", [(12, "communities")]),
        ("troops killed six \u201ckhwarij\u201d in the raid", [(6, "khwarij killed")]),
        ("air defences downed 18 Ukrainian unmanned aerial vehicles", [(18, "drones")]),
    ],
)
def test_figures_keep_the_counted_noun(text: str, expected: list[tuple[float, str]]) -> None:
    assert _units(text) == expected


def test_a_bare_figure_in_a_list_of_places_counts_what_the_first_counted() -> None:
    figures = parse_quantities(
        "27 drones were downed over the Bryansk Region, 19 over the Kursk Region "
        "and five over the Moscow Region."
    )
    assert [(q.value, q.unit) for q in figures] == [(27, "drones"), (19, "drones"), (5, "drones")]


@pytest.mark.parametrize(
    "text",
    [
        "27 drones were downed, 19 over the sea.",  # no place named: not a list of places
        "The road runs 4 km, 12 in Kursk.",  # a measure is not carried on
        "27 drones were downed. 19 over the Kursk Region.",  # another sentence
    ],
)
def test_a_bare_figure_outside_such_a_list_is_not_counted(text: str) -> None:
    assert len(parse_quantities(text)) == 1


def test_shops_explosions_and_fighter_jets_are_counted() -> None:
    # "fighter jets" is kept whole (as ho15's gold writes it), not read as fighters
    figures = parse_quantities(
        "the shelling destroyed nearly 20 shops, two fighter jets dropped bombs "
        "and residents heard 10 loud explosions"
    )
    assert [(q.value, q.unit) for q in figures] == [
        (20, "shops"),
        (2, "fighter jets"),
        (10, "explosions"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Single victims named by an article in SANA-style copy (issue 14).
        (
            "mortar fire left a boy dead and a woman injured in the old quarter",
            [(1, "boy killed"), (1, "woman wounded")],
        ),
        (
            "a shell hit a school injuring a 12-year-old girl and a teacher",
            [(1, "girl wounded"), (1, "teacher wounded")],
        ),
        (
            "rockets hit the market killing four people including a woman and injuring six",
            [(4, "people killed"), (1, "woman killed"), (6, "wounded")],
        ),
        # "claiming N lives", "N injuries", the same verb's "others", paired modifiers.
        (
            "a car bomb exploded claiming three lives and injuring ten people",
            [(3, "killed"), (10, "people wounded")],
        ),
        ("the clinic counted two deaths and 31 injuries", [(2, "killed"), (31, "wounded")]),
        (
            "12 villagers were killed in the raid while three others were killed on the road",
            [(12, "villagers killed"), (3, "villagers killed")],
        ),
        ("at least 40 army and militia fighters were killed", [(40, "fighters killed")]),
        ("11 government forces were killed in the ambush", [(11, "forces killed")]),
        # "One mother and her child": "her" is no modifier of a counted noun.
        ("One father and his son have died in the strike", []),
    ],
)
def test_wire_copy_casualty_forms(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in parse_quantities(text)] == expected


def test_a_place_named_by_its_number_is_no_count() -> None:
    # "captured Base 46" (issue 14): the number names the base.
    assert [(q.value, q.unit) for q in parse_quantities("Rebels captured Camp 17 at dawn")] == []
