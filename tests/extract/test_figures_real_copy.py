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


def test_another_victim_counts_one() -> None:
    assert _figures("Later another woman was killed by a sniper") == [(1, "woman killed")]
    assert _figures("killed another 20 people") == [(20, "people killed")]
    assert _figures("another convoy was hit") == []


def test_a_person_named_by_the_word_person_counts_one() -> None:
    assert _figures("a shell hit the market injuring a person") == [(1, "person wounded")]


def test_the_death_of_and_injuries_to_a_single_victim() -> None:
    assert _figures("the shelling led to the death of a girl") == [(1, "girl killed")]
    assert _figures("a mortar round caused injuries to a man") == [(1, "man wounded")]


def test_a_second_victim_named_by_a_possessive() -> None:
    assert _figures("resulting in the death of a woman and her child") == [
        (1, "woman killed"),
        (1, "child killed"),
    ]


def test_a_part_of_a_toll_is_counted_with_the_tolls_verb() -> None:
    assert _figures(
        "The fighting has claimed more than 5000 lives including some 900 civilians"
    ) == [(5000, "killed"), (900, "civilians killed")]
    assert _figures("dozens were wounded - 10 of them children") == [
        (12, "wounded"),
        (10, "children wounded"),
    ]
    # no verb before: nothing to inherit
    assert _figures("hundreds of people including 50 children were evacuated") == [
        (100, "people"),
        (50, "children"),
    ]


def test_a_compound_whose_head_alone_says_too_little_is_kept_whole() -> None:
    assert _figures("helicopters dropped four barrel bombs on the market") == [(4, "barrel bombs")]
    assert _figures("the strikes destroyed three command posts") == [(3, "command posts")]
    # people keep the head: a toll is compared across outlets ("9 staff", "nine medical
    # staff")
    assert _figures("two aid workers were killed") == [(2, "workers killed")]
    # an adjective is still dropped
    assert _figures("the rebels fired two ballistic missiles") == [(2, "missiles")]


def test_the_verb_after_the_subjects_own_post_modifier() -> None:
    assert _figures("five nurses from a clinic in the eastern suburbs were also killed") == [
        (5, "nurses killed")
    ]
    assert _figures(
        "Two paramedics from the Red Crescent - the main relief group - have been wounded"
    ) == [(2, "paramedics wounded")]
    # a verb before the figure governs it
    assert _figures("shelling killed 20 people in the town as 10 civilians were wounded") == [
        (20, "people killed"),
        (10, "civilians wounded"),
    ]


def test_dead_and_injured_together_are_one_count_of_both() -> None:
    assert _figures("dozens of dead and injured people arrived at the clinic") == [
        (12, "killed or injured")
    ]


def test_cases_strongpoints_and_bombers_are_counted() -> None:
    assert _figures("the group recorded dozens of cases of gas poisoning") == [(12, "cases")]
    assert _figures("aircraft hit five militant strongpoints") == [(5, "strongpoints")]
    assert _figures("four strategic bombers took part in the raid") == [(4, "bombers")]
    # a bomber is a person too: a headline's toll of them stays a toll
    assert _figures("5 ISIS Bombers Killed near the border") == [(5, "bombers killed")]


def test_a_singular_person_noun_before_a_counted_thing_is_its_modifier() -> None:
    assert _figures("the jets struck three rebel positions") == [(3, "positions")]


def test_several_and_a_few_are_not_figures() -> None:
    # every gold, invented and real, leaves "several" uncounted; "several dozen" counts
    assert _figures("several civilians were wounded in the shelling") == []
    assert _figures("the toll may rise as a few of the injured are in critical condition") == []
    assert _figures("several dozen fighters were killed") == [(12, "fighters killed")]


def test_n_of_them_counts_the_people_named_before_in_its_sentence() -> None:
    assert _figures("police fired on the gunmen and killed three of them") == [(3, "gunmen killed")]
    assert _figures("the rebels said they killed 30 soldiers and lost six of their own") == [
        (30, "soldiers killed"),
        (6, "soldiers killed"),
    ]
    # a casualty word is no antecedent
    assert _figures("the dead were buried. Four of them were children") == []
    assert _figures("they detained four men and released one of them") == [(4, "men detained")]


def test_a_designator_letter_is_no_measure() -> None:
    assert _figures("troops seized two M16 rifles from the camp") == [(2, "rifles")]
    assert _figures("a 5 m wall") == [(5, "m")]


def test_one_of_the_things_is_not_a_count() -> None:
    assert _figures("one of the rockets fell on a school") == []
    assert _figures("the blast killed one of the guards") == [(1, "guards killed")]


def test_hospitalized_and_trapped_are_the_figures_own_verbs() -> None:
    assert _figures("three people died and 15 residents were hospitalised") == [
        (3, "people killed"),
        (15, "residents hospitalized"),
    ]
    assert _figures("some 20000 people trapped in the old city") == [(20000, "people trapped")]


def test_a_bare_one_in_a_list_of_places_counts_one_more() -> None:
    assert _figures("Four soldiers were killed in the town of Kafr Nabl and one in Saraqeb") == [
        (4, "soldiers killed"),
        (1, "soldiers killed"),
    ]
    assert _figures("the two of them and one in the morning") == []


def test_suvs_are_counted() -> None:
    assert _figures("the raids destroyed 12 SUVs") == [(12, "suvs")]


def test_a_web_pages_furniture_is_no_figure() -> None:
    assert _figures("Get short URL 312 Militants executed at least 40 civilians") == [
        (40, "civilians killed")
    ]
    assert _figures("Print Tweet Views 215 Related Syrian refugees arrive") == []


def test_destroyed_people_are_killed_and_destroyed_things_stay_bare() -> None:
    assert _figures("the army destroyed 40 terrorists and 3 vehicles") == [
        (40, "terrorists killed"),
        (3, "vehicles"),
    ]


def test_a_calibre_in_millimetres_is_a_measure() -> None:
    assert _figures("units destroyed a truck carrying a 14 mm machinegun") == [(14, "mm")]


def test_a_dotted_date_is_no_figure() -> None:
    assert _figures("21.06.2017 Jets killed 12 militants near the town") == [
        (12, "militants killed")
    ]
