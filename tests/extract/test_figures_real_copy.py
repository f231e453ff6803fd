"""Figures in real wire copy (issue 14, the figures round after fc4): each test is a general
rule, written in short sentences of the same pattern as the reports that showed it (not
copied from the gold)."""

from __future__ import annotations

from workbench.extract.quantities import parse_quantities


def _figures(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in parse_quantities(text)]


def test_a_noun_after_another_number_is_not_this_numbers() -> None:
    # a list with its commas stripped: each number counts its own noun
    assert _figures("the raids destroyed nine fortified strongholds six tanks") == [(6, "tanks")]
    assert _figures("militants shelled the two districts wounding 13 people") == [
        (13, "people wounded")
    ]


def test_a_capitalised_is_is_the_group_not_a_verb() -> None:
    assert _figures("Eight IS group vehicles were destroyed") == [(8, "vehicles")]
    assert _figures("the raids killed 15 Islamic State (IS) militants") == [
        (15, "militants killed")
    ]
