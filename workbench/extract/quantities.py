"""Figures in claim text: digits and number words, units, hedges, ranges.

A figure is kept as a range so figures from different sources can be compared by
overlap: "at least 26" is [26, inf), "about 4 km" is [3.6, 4.4], "dozens" is coded
12 as ACLED does. "4 km (2 miles)" is one figure: the converted value in
parentheses is skipped. Dates, years, clock times, durations and designators
("F-16", "Resolution 2254") are not figures a reviewer compares.
"""

from __future__ import annotations

import math
import re

from models import Quantity
from workbench.extract.one_person import (
    HEADLINE_ONE,
    KILLING_ONE,
    ONE_LEFT_DEAD,
    ONE_PERSON_BEFORE,
    ONE_WAS_KILLED,
    SINGULAR_PEOPLE,
    one_casualty,
    person_after_article,
)
from workbench.extract.patterns import word_trie

_UNITS_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}
# ACLED's coding of vague amounts: the value, and the range the words commit to.
_VAGUE: dict[str, tuple[float, float, float]] = {
    "dozens": (12, 12, 99),
    "tens": (10, 10, 99),
    "hundreds": (100, 100, 999),
    "thousands": (1000, 1000, 9999),
    "scores": (20, 20, 99),
    "a dozen": (12, 12, 12),
    "several dozen": (12, 24, 99),
    "a few dozen": (12, 24, 60),
    "several hundred": (100, 200, 999),
    "a few hundred": (100, 200, 500),
    "several thousand": (1000, 2000, 9999),
    "a few thousand": (1000, 2000, 5000),
    "several": (10, 3, 9),
    "a few": (10, 2, 5),
    "tens of thousands": (10_000, 10_000, 99_999),
    "hundreds of thousands": (100_000, 100_000, 999_999),
    "millions": (1_000_000, 1e6, 9.99e6),
}


def _words(words: list[str]) -> str:
    """Words as a case-folded trie, case-sensitive inside the IGNORECASE pattern below
    (the engine skips branches on ``[aA]`` but not on a case-insensitive ``a``)."""
    return "(?-i:" + word_trie(words, fold_case=True) + ")"


_UNITS = _words(list(_UNITS_SMALL))
_TENS_RE = _words(list(_TENS))
# Each word list is followed by a non-word character or a boundary, so a trie (longest
# word first) matches what the listed alternation matched.
_WORD_NUMBER = (
    rf"(?:{_TENS_RE}(?:[- ]{_words([k for k in _UNITS_SMALL if k != 'zero'])})?|"
    rf"{_words([*_UNITS_SMALL, 'a', 'an', 'another'])})"
    r"(?:\s+(?:hundred|thousand|million|billion|dozen)(?:\s+and\s+"
    rf"{_words([*_TENS, *_UNITS_SMALL])}(?:-{_UNITS})?)?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS})(?:\s*(?:million|billion|thousand|bn)\b)?|(?:{_WORD_NUMBER})\b"
_MODIFIER = _words(
    [
        words.replace("_", " ")
        for words in """
        about around approximately roughly some nearly almost close_to an_estimated estimated
        at_least no_fewer_than no_less_than more_than over upwards_of up_to as_many_as at_most
        fewer_than less_than under just_over just_under well_over
        """.split()  # noqa: SIM905
    ]
)
_VAGUE_RE = (
    r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|tens|hundreds|thousands|millions|"
    r"scores|a\s+dozen|(?:several|a\s+few)\s+(?:dozen|hundred|thousand)(?!\s+and\b)|several|"
    r"a\s+few"
)
_RANGE_SEP = r"\s*(?:-|\u2013|\u2014|to)\s*|\s+and\s+"
_QUANTITY = re.compile(
    rf"(?<![\w$€£.-])(?:(?P<mod>{_MODIFIER})\s+)?(?:(?P<between>between)\s+)?"
    rf"(?:(?P<vague>{_VAGUE_RE})\b|(?P<currency>[$€£])?\s?(?P<num>{_NUMBER})"
    rf"(?:(?P<sep>{_RANGE_SEP})(?P<num2>{_DIGITS}|{_WORD_NUMBER}\b)"
    rf"(?:\s*(?:million|billion|thousand)\b)?)?)",
    re.IGNORECASE,
)
_MEASURE_UNITS = {
    "dunums": "dunums",
    "dunams": "dunums",
    "donums": "dunums",
    "km": "km",
    "kms": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "miles",
    "nautical miles": "nautical miles",
    "nautical mile": "nautical miles",
    "miles": "miles",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "m": "m",
    "mm": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "percent": "%",
    "per cent": "%",
    "%": "%",
    "tonnes": "tonnes",
    "tons": "tonnes",
    "ton": "tonnes",
    "tonne": "tonnes",
    "dollars": "USD",
    "hectares": "hectares",
    "litres": "litres",
    "liters": "litres",
    "barrels": "barrels",
    "gallons": "gallons",
    "times": "times",
    "sq km": "sq km",
    "square km": "sq km",
    "square kilometres": "sq km",
    "square kilometers": "sq km",
}
# Counted things: a figure before one of these counts objects, not people.
_THINGS = frozenset(
    """
    clashes
    assaults offensives
    facilities sites depots positions bases targets
    attacks raids settlements batteries rounds sorties
    drones missiles rockets shells airstrikes strikes bombs tanks vehicles aircraft
    planes helicopters buildings homes houses villages towns schools hospitals trucks
    boats ships violations firearms weapons rifles guns mines
    incidents communities shelters missions launchers projectiles howitzers mortars
    motorcycles cars jets warships shops stores explosions blasts
    cases strongpoints suvs
    """.split()  # noqa: SIM905
)
# Counted nouns (people, and the things above).
_PEOPLE = (
    frozenset(
        """
    clashes
    assaults offensives
    facilities sites depots positions bases targets
    people person persons civilians civilian soldiers soldier troops fighters fighter
    militants militant insurgents insurgent rebels rebel children child women men
    residents patients members policemen police officers officer servicemen personnel
    troopers paramedics medics doctors journalists workers staff refugees migrants
    prisoners detainees hostages captives gunmen attackers jihadists combatants
    mercenaries volunteers guards students pilgrims protesters demonstrators bodies
    victims casualties fatalities deaths dead wounded injured palestinians israelis
    ukrainians russians syrians iraqis yemenis sudanese families households others
    infants babies villagers passengers sailors crew commanders officials drones
    missiles rockets shells airstrikes strikes bombs tanks vehicles aircraft planes
    helicopters buildings homes houses villages towns schools hospitals trucks boats
    ships terrorists attacks raids settlements batteries rounds sorties
        farmers herders fishermen traders miners worshippers worshipers shepherds minors teenagers
    boys girls babies pupils teachers nurses peacekeepers gendarmes militiamen recruits
    inmates elements bombers
    paramedic medic doctor nurse journalist policeman woman man boy girl student teacher
    farmer worker peacekeeper
    marines sailors pilots conscripts troops contractors aid-workers humanitarians
    congolese rwandans haitians somalis malians nigerians afghans pakistanis ethiopians
    eritreans armenians azerbaijanis colombians libyans burkinabes nigeriens chadians
    lebanese israelis gazans rohingya kurds tigrayans amharas
    assailants raiders bandits kidnappers abductees gendarmes christians muslims suspects
    violations firearms weapons rifles guns mines
    serviceman servicemen khwarij martyrs citizens forces injuries
    incidents communities shelters missions launchers projectiles
""".split()  # noqa: SIM905
    )
    | _THINGS
)
# ("death toll" is read as "death" then "toll", as the listed alternation always did.)
_CASUALTY = re.compile(
    "("
    + word_trie(
        [
            words.replace("_", " ")
            for words in """
            killed kill kills killing dead died die death deaths toll lost_their_lives wounded
            wounding injured injuring injure injures injuries hurt captured detained arrested
            abducted kidnapped displaced missing executed beheaded massacred shot_dead lost
            martyred martyrs eliminated eliminating eliminates eliminate destroyed destroying
            destroy destroys
            """.split()  # noqa: SIM905
        ],
        fold_case=True,
        after_no=r"\w",
    )
    + r")\b"
)
_CASUALTY_CANON = {
    "kill": "killed",
    "kills": "killed",
    "injure": "wounded",
    "injures": "wounded",
    "martyrs": "killed",
    "eliminated": "killed",
    "eliminating": "killed",
    "eliminates": "killed",
    "eliminate": "killed",
    "killing": "killed",
    "dead": "killed",
    "died": "killed",
    "die": "killed",
    "death": "killed",
    "deaths": "killed",
    "toll": "killed",
    "death toll": "killed",
    "lost their lives": "killed",
    "shot dead": "killed",
    "executed": "killed",
    "beheaded": "killed",
    "massacred": "killed",
    "wounding": "wounded",
    "injured": "wounded",
    "injuring": "wounded",
    "injuries": "wounded",
    "hurt": "wounded",
    "arrested": "detained",
    "captured": "captured",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "lost": "killed",
    "martyred": "killed",
    # "destroyed over 60 terrorists" (army and defence-ministry copy); a destroyed thing
    # keeps its bare noun, as no casualty verb is composed with things
    "destroyed": "destroyed",
    "destroying": "destroyed",
    "destroy": "destroyed",
    "destroys": "destroyed",
    "hospitalised": "hospitalized",
}
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A month name closing the text before a figure ("Jan. 5"); searched from 10 characters
# before the end only, as no month name is longer.
_MONTH_AT_END = re.compile(
    r"\b(?:" + word_trie(_MONTHS.replace("|", " ").split(), fold_case=True) + r")\.?$"
)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_DURATION_AFTER = re.compile(
    r"^[\s-]*(?:more\s+|further\s+|straight\s+|consecutive\s+)?"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|nights?|decades?|"
    r"centuries|year-old|-year-old|a\.m\.|p\.m\.|am\b|pm\b|GMT|o'clock|:\d)",
    re.IGNORECASE,
)
_DESIGNATOR_BEFORE = re.compile(
    r"(?:\b[A-Z]{1,4}-?|\b(?i:resolution|route|highway|road|article|no\.|number|flight|page|"
    r"chapter|section|brigade|division|battalion|unit)\s+|"
    # a place named by its number, capitalised: "captured Base 46", "Hill 412", "Camp 7"
    r"\b(?:Base|Camp|Hill|Gate|Sector|Zone|Block|Checkpoint|Tower|Kilometre|Km)\s+|"
    # a web page's furniture: "Print Tweet Views 371", "Get short URL 548"
    r"\b(?:Views|URL|Comments|Shares)\s+(?:\d+\s+)?)$"
)
_UNIT_AFTER = re.compile(r"\s*(?:km|miles|%|percent|people|civilians)\b", re.IGNORECASE)
# "4 km (2 miles)", "8 kilometres (five miles)", "70 nautical miles (130 km)": one figure.
_PAREN_CONVERSION = re.compile(
    r"^\s*\(\s*(?:about|around|some|roughly|nearly|almost)?\s*"
    rf"(?:[\d.,]+|{_WORD_NUMBER})"
    r"\s*[a-z]*(?:\s+[a-z]+)?\s*\)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|%")
_APPROX = {
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "close to",
    "an estimated",
    "estimated",
}
_AT_LEAST = {
    "at least",
    "no fewer than",
    "no less than",
    "more than",
    "over",
    "upwards of",
    "just over",
    "well over",
}
_AT_MOST = {"up to", "as many as", "at most", "fewer than", "less than", "under", "just under"}


_NUMBER_WORD_SEPARATOR = re.compile(r"[\s-]+")


def words_to_number(words: str) -> float | None:
    """'twenty-six' -> 26, 'two hundred and five' -> 205, 'a thousand' -> 1000."""
    total = 0.0
    current = 0.0
    seen = False
    for token in _NUMBER_WORD_SEPARATOR.split(words.lower().strip()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = max(current, 1)
            continue
        if token in _UNITS_SMALL:
            current += _UNITS_SMALL[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            if scale in (100, 12):
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _parse_number(text: str) -> float | None:
    text = text.strip()
    scale = 1.0
    lowered = text.lower()
    for word, factor in (("million", 1e6), ("billion", 1e9), ("thousand", 1e3), ("bn", 1e9)):
        if lowered.endswith(word) and lowered[:1].isdigit():
            text = text[: -len(word)].strip()
            scale = factor
            break
    if text[:1].isdigit():
        try:
            return float(text.replace(",", "")) * scale
        except ValueError:
            return None
    return words_to_number(text)


_OF_NUMBER = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:\d[\d,.]*|(?:" + "|".join([*_TENS, *_UNITS_SMALL]) + r")\b)",
    re.IGNORECASE,
)


# Heads of two-noun compounds: "staff members", "fighter jets" (jets, not fighters).
_COMPOUND_HEADS = frozenset(
    {"members", "workers", "personnel", "officers", "fighters", "troops", "jets", "planes"}
)


# Compounds of things whose head alone does not say what is counted, kept whole as wire
# copy's readers (and the real-copy gold) keep them: "three barrel bombs", "two command
# posts". An adjective before a noun ("ballistic missiles", "military vehicles") is dropped
# as before, and so is a modifier of people ("four medical staff" count staff): a toll is
# compared across outlets that name the same dead differently ("9 staff", "nine medical
# staff"), and the grouping of reports must see one count.
_COMPOUNDS = frozenset(
    """
    barrel_bombs cluster_bombs command_posts observation_posts arms_depots ammunition_depots
    weapons_depots fuel_depots artillery_systems artillery_guns fighter_jets
    """.split()  # noqa: SIM905
)
_COMPOUNDS = frozenset(words.replace("_", " ") for words in _COMPOUNDS)


# Two modifiers joined by "and" before the counted noun: "regime and rebel fighters".
_PAIRED_MODIFIERS = re.compile(
    r"^\s+([a-z][a-z-]+)\s+and\s+(?!(?:her|his|their|its|the|other|more|some|many)\s)"
    r"([a-z][a-z-]+)\s+([a-z]+)\b"
)
_UAV = re.compile(r"^(?:\s+[A-Z][\w-]*)?\s+unmanned\s+aerial\s+vehicles\b", re.IGNORECASE)


# Another number a few words on (a digit standing alone, or a number word).
_NEXT_NUMBER = re.compile(
    r"(?<![\w-])\d|\b(?:"
    + "|".join([*_TENS, *(k for k in _UNITS_SMALL if k != "one"), "dozens", "hundreds"])
    + r")\b",
    re.IGNORECASE,
)


_DEAD_AND_INJURED = re.compile(
    r"\s*(?:and|&|or)\s*(?:injured|wounded)(?:\s+(?:people|persons|civilians))?\b",
    re.IGNORECASE,
)


def _unit_after(rest: str, vague: bool = False) -> tuple[str, int]:
    """The unit right after a number: a measure, or a people noun a few words on."""
    partitive = _OF_NUMBER.match(rest)
    if partitive:
        # "22 of 25 drones": both figures count drones; the second is read on its own.
        unit, _ = _unit_after(rest[partitive.end() :])
        return unit, 0
    window = rest[:80]
    other = _NEXT_NUMBER.search(window)
    if other is not None:
        # "nine strongpoints eight tanks", "the two neighborhoods injuring 21 people": the
        # noun after another number is that number's, not this one's.
        window = window[: other.start()]
    words = list(_WORD.finditer(window))
    if words and words[0].group(0).lower() == "of" and (vague or words[0].start() <= 1):
        words = words[1:]
        if words and words[0].group(0).lower() in ("the", "these", "those", "them"):
            words = words[1:]
    if not words:
        return "", 0
    first = words[0]
    if first.start() <= 1:
        lowered = first.group(0).lower()
        two = lowered + " " + words[1].group(0).lower() if len(words) > 1 else ""
        if two in _MEASURE_UNITS and words[1].start() - first.end() <= 1:
            return _MEASURE_UNITS[two], words[1].end()
        if lowered in _MEASURE_UNITS and not rest[first.end() : first.end() + 1].isdigit():
            return _MEASURE_UNITS[lowered], first.end()  # ("two M16 rifles": no metres)
    uav = _UAV.match(rest)
    if uav:
        return "drones", uav.end()  # "46 Ukrainian unmanned aerial vehicles"
    pair = _PAIRED_MODIFIERS.match(rest)
    if pair and pair.group(3).lower() in _PEOPLE and pair.group(1) not in _PEOPLE:
        return pair.group(3).lower(), pair.end()  # "70 regime and rebel fighters"
    for index, word in enumerate(words[:4]):
        lowered = word.group(0).lower().rstrip("'\u2019")
        following = words[index + 1] if index + 1 < len(words) else None
        if (
            following is not None
            and following.start() - word.end() <= 1
            and f"{lowered} {following.group(0).lower()}" in _COMPOUNDS
        ):
            return f"{lowered} {following.group(0).lower()}", following.end()
        if lowered in _PEOPLE:
            index = words.index(word)
            following = words[index + 1] if index + 1 < len(words) else None
            both = _DEAD_AND_INJURED.match(rest, word.end()) if lowered == "dead" else None
            if both is not None:
                # "hundreds of dead and injured people": one count of both
                return "killed or injured", both.end()
            if (
                lowered in ("wounded", "injured", "dead")
                and following is not None
                and following.group(0).lower() in _PEOPLE
                and following.group(0).lower() not in _THINGS
                and following.start() - word.end() <= 1
            ):
                # "600 wounded people", "23 wounded soldiers": the people are counted.
                return following.group(0).lower(), following.end()
            if (
                following is not None
                and following.group(0).lower() in _THINGS
                and not lowered.endswith("s")
                and following.start() - word.end() <= 1
            ):
                # "five militant strongpoints", "two rebel positions": a singular person
                # noun before a counted thing is its modifier
                return following.group(0).lower(), following.end()
            if (
                following is not None
                and following.group(0).lower() in _COMPOUND_HEADS
                and (following.start() - word.end() <= 1)
            ):
                word = following  # "staff members": the compound's head
                lowered = word.group(0).lower()
            return lowered, word.end()
        if word.group(0).islower() and lowered in (
            "killed",
            "martyred",
            "died",
            "of",
            "and",
            "including",
            "among",
            "who",
            "were",
            "was",
            "in",
            "on",
            "at",
            "from",
            "to",
            "have",
            "had",
            "has",
            "are",
            "is",
            "by",
            "for",
            "with",
        ):
            break
    return "", 0


_KILLED_AND = re.compile(
    r"\b(?:killing|killed)\s+(?:and|or)\s+(?:wounding|wounded|injuring|injured)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|around)\s+)?$",
    re.IGNORECASE,
)


# The verb of the figure's own clause: "four others were wounded", "32 people, including
# soldiers and contractors, were killed", "some 1,500 people are missing".
_OWN_VERB_AFTER = re.compile(
    r"(?:\s*,\s+including\s+[^,;.]{1,150},)?(?:\s+(?:more|others))?"  # "hundreds more were"
    r"\s+(?P<aux>(?:were|was|are|is|have\s+been|has\s+been|"
    r"had\s+been|got|get)\s+(?:also\s+|still\s+|now\s+)?)?(?P<verb>killed|wounded|injured|missing|displaced|"
    r"detained|arrested|abducted|kidnapped|martyred|"
    # states a casualty count is given in too: "10 citizens have been hospitalized"
    r"hospitali[sz]ed|trapped|stranded)\b"
)


_OWN_VERB_PAST_MODIFIER = re.compile(
    r"\s+(?:from|of|in|at|with)\s+"
    r"(?:(?!\b(?:and|while|when|after|but|who|which|that|where)\b)[^;.,\d]){1,110}?"
    r"\s+(?P<aux>(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?)"
    r"(?P<verb>killed|wounded|injured|missing|detained|arrested|abducted|kidnapped|martyred)\b"
)


# "88 killed & injured", "hundreds of people were killed or injured", "hundreds of dead and
# injured people": one count of both.
_KILLED_OR_INJURED = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:killed|dead)\s*(?:and|&|or)\s*"
    r"(?:injured|wounded)\b",
    re.IGNORECASE,
)


_LIVES_OF = re.compile(
    r"\b(?:cost|costing|claimed|claiming|took|taking|taken)\s+(?:the\s+)?lives\s+of\b(?:(?!injur|wound|hurt)[^.;:]){0,70}$",
    re.IGNORECASE,
)
_LIVES_AFTER = re.compile(r"\s+(?:more\s+|other\s+|innocent\s+|civilian\s+)?lives\b")
_TAKING = re.compile(
    r"\b(?:cost|costing|claimed|claiming|claims|took|taking|takes)\s+(?:(?:at\s+least|more\s+than|"
    r"some|about|around|nearly|another)\s+)?$",
    re.IGNORECASE,
)
_BODIES_OF = re.compile(r"\bbod(?:y|ies)\s+of\s+(?:the\s+)?(?:at\s+least\s+)?$", re.IGNORECASE)


_SUBGROUP_BEFORE = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|around)\s+)?$",
    re.IGNORECASE,
)


def _casualty_unit(text: str, start: int, end: int) -> str:
    """The casualty verb nearest to a figure in its clause ("killed", "wounded")."""
    if _BODIES_OF.search(text, max(0, start - 24), start):
        return "killed"  # "civil defense teams have uncovered the bodies of 8 people"
    if _LIVES_OF.search(text, max(0, start - 90), start):
        return "killed"  # "has cost the lives of at least 63 rebels and 21 fighters"
    if _LIVES_AFTER.match(text, end) and _TAKING.search(text, max(0, start - 30), start):
        return "killed"  # "claiming two lives and injuring three people"
    both = _KILLED_OR_INJURED.match(text, end)
    if both is not None:
        return "killed or injured"  # "88 killed & injured": casualties, not deaths
    own = _OWN_VERB_AFTER.match(text, end)
    if own is None and not _VERB_BEFORE.search(text, max(0, start - 40), start):
        # "four medical staff from a clinic in the south were also killed": the verb after
        # the subject's own post-modifier
        own = _OWN_VERB_PAST_MODIFIER.match(text, end)
    before = _VERB_BEFORE.search(text, max(0, start - 40), start) if own is not None else None
    if (
        own is not None
        and not own.group("aux")
        and before is not None
        # "child killed 9 civilians injured" (a headline): the verb before has its own victim
        and not ONE_PERSON_BEFORE.search(text, max(0, before.start() - 12), before.start())
    ):
        # "killed 30 people injured 90" (commas stripped): the verb before governs.
        own = None
    if own is not None:
        verb = own.group("verb").lower()
        return _CASUALTY_CANON.get(verb, verb)
    best: tuple[int, str] | None = None
    lo, hi = max(0, start - 60), min(len(text), end + 60)
    if _SUBGROUP_BEFORE.search(text, max(0, start - 30), start) and _CASUALTY.search(
        text, lo, start
    ):
        # "killed 18 civilians including one child and wounded dozens": the child is one
        # of the 18 dead, so the verb before counts ("seven civilians, among them three
        # children, have been killed" has none before: the verb after counts).
        hi = start
    for match in _CASUALTY.finditer(text, lo, hi):
        distance = match.start() - end if match.start() >= end else start - match.end()
        between = text[min(end, match.start()) : max(start, match.end())]
        if ";" in between or ". " in between:
            continue
        if best is None or distance < best[0]:
            best = (distance, _CASUALTY_CANON.get(match.group(1).lower(), match.group(1).lower()))
    if best is not None and best[1] != "killed" and _KILLED_AND.search(text, lo, start):
        return "killed"  # "killing and wounding dozens": the graver count, as ACLED codes it
    return best[1] if best else ""


# A plural noun we do not count right after a number: the figure counts that, not the dead.
_OTHER_NOUN_AFTER = re.compile(
    r"\s+(?:other\s+|more\s+|separate\s+|different\s+)?"
    r"(?!(?:others|times|hours|days|weeks|months|years|minutes|deaths|casualties|"
    r"fatalities|injuries|bodies|persons|lives|overnight|as|was|is|has|this|kills|injures|wounds)\b)([a-z]{3,}s)\b"
)
# ... unless the casualty verb governs it: "killed eight tourists", "eight tourists were
# killed" count tourists.
_VERB_BEFORE = re.compile(
    r"\b(?:killing|killed|kills?|wounding|wounded|injuring|injured|injures?|abducting|abducted|"
    r"kidnapping|kidnapped)\s+(?:(?:at\s+least|more\s+than|some|about|around|nearly|another)\s+)?$",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(
    r"\s+(?:were|have\s+been|had\s+been)\s+(?:killed|wounded|injured|abducted|kidnapped|martyred)\b"
)


def _destroyed_people(unit: str, casualty: str) -> str:
    """'destroyed' counts the dead only of people ("destroyed 40 terrorists"); a bare
    figure or a thing it governs has no casualty verb ("destroyed nine strongholds")."""
    if casualty != "destroyed":
        return casualty
    head = unit.rsplit(" ", 1)[-1]
    return "killed" if head in _PEOPLE and head not in _THINGS else ""


def _compose_unit(unit: str, casualty: str) -> str:
    """'soldiers' + 'killed' -> 'soldiers killed'; 'dead' alone -> 'killed'."""
    if unit in ("others", "more"):
        return casualty
    if unit == "killed or injured":
        return unit
    if unit in ("dead", "deaths", "fatalities", "casualties", "bodies", "martyrs"):
        return casualty or "killed"
    if unit in ("wounded", "injured", "injuries"):
        return "wounded"  # "three deaths and 22 injuries"
    head = unit.rsplit(" ", 1)[-1]
    if head in _PEOPLE and head not in _THINGS and casualty:
        return f"{unit} {casualty}"  # "soldiers killed", "rescue workers killed"
    return unit or casualty


# "3rd", "12-14", "5/6", "10:30", "4x4": not a count.
_ORDINAL_OR_JOINED_AFTER = re.compile(
    r"^(?:st|nd|rd|th)\b|^[-/:]\d|^\.\d|^(?!(?:km|kms|m|mi|kg|sq)\b)[A-Za-z]"
)
_JOINED_BEFORE = re.compile(r"[A-Za-z0-9][-/:]$")
_YEAR = re.compile(r"(?:19|20)\d\d")


# "displaced half of the pre-war population of about 23 million": a population, no count
# of casualties.
_POPULATION_BEFORE = re.compile(
    r"\bpopulation\s+of\s+(?:about\s+|some\s+|around\s+|nearly\s+|roughly\s+|over\s+)?$"
)


def _skip(text: str, start: int, end: int, num_text: str) -> bool:
    before, after = text[max(0, start - 30) : start], text[end : end + 30]
    stripped = before.rstrip()
    if (
        _MONTH_AT_END.search(stripped, max(0, len(stripped) - 10))
        or _MONTH_AFTER.match(after)
        or _DURATION_AFTER.match(after)
        or _POPULATION_BEFORE.search(before)
    ):
        return True
    if num_text[:1].isdigit():
        if _ORDINAL_OR_JOINED_AFTER.match(after):
            return True
        if _JOINED_BEFORE.search(before):
            return True
        if _YEAR.fullmatch(num_text) and not after.lstrip().startswith(
            ("people", "km", "soldiers", "civilians")
        ):
            return True
        # Designators: "F-16", "Su-24", "M4", "Resolution 2254", "Route 66".
        if _DESIGNATOR_BEFORE.search(before) and not _UNIT_AFTER.match(after):
            return True
    return False


# A quick test that a text has any figure at all; most claim texts have none.
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    word_trie(
        [
            *_UNITS_SMALL,
            *_TENS,
            *"""
            dozen dozens hundred hundreds thousand thousands million millions tens scores
            several few
            """.split(),  # noqa: SIM905
        ],
        fold_case=True,
        after_no=r"\w",
    )
    + r"\b"
)
# A cheap first test for "a child dead", "a woman injured" in a text with no number.
_HURT = re.compile(r"dead|killed|injured|wounded")
_SUPERLATIVE_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:\w+est|most|few|main|first|last|latest|"
    r"biggest|worst|only)\b",
    re.IGNORECASE,
)


_SPACES = re.compile(r"\s+")
_ONE_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|his|her|these|those)\b", re.IGNORECASE)


_LIST_BEFORE = re.compile(r"(?:,|\band)\s*$")
_PLACE_AFTER = re.compile(
    r"\s+(?:over|in|near|on|at|across|from|around)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|district|neighbou?rhood|province|region)\s+of\s+|(?-i:[a-z]+)\s+)?"
    r"(?-i:[A-Z])",
    re.IGNORECASE,
)
_MEASURES = frozenset(_MEASURE_UNITS.values())


def _elided_unit(text: str, start: int, end: int, found: list[Quantity]) -> str:
    """ "27 drones were downed over Bryansk, 19 over Kursk": a bare figure in a list of
    places counts what the figure before it counted; "" when it is not such a list."""
    if not found or found[-1].unit in _MEASURES or not found[-1].unit:
        return ""
    if not _LIST_BEFORE.search(text, max(0, start - 6), start):
        return ""
    if not _PLACE_AFTER.match(text, end):
        return ""
    previous = text.rfind(found[-1].text, max(0, start - 160), start)
    if previous < 0 or "." in text[previous + len(found[-1].text) : start]:
        return ""
    return found[-1].unit


_OF_THEM_AFTER = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_TOLL_VERBS = ("killed or injured", "killed", "wounded", "detained", "abducted", "missing")


def _subgroup_verb(text: str, start: int, end: int, previous: Quantity) -> str:
    """The casualty verb of the figure before, when this figure is a part of it ("including
    N", "N of them") with no verb of its own; "" otherwise."""
    if not (
        _SUBGROUP_BEFORE.search(text, max(0, start - 30), start) or _OF_THEM_AFTER.match(text, end)
    ):
        return ""
    at = text.find(previous.text, max(0, start - 200), start)
    if at < 0 or ". " in text[at:start] or ";" in text[at:start]:
        return ""
    return next(
        (
            verb
            for verb in _TOLL_VERBS
            if previous.unit == verb or previous.unit.endswith(" " + verb)
        ),
        "",
    )


_OF_THEM_OWN = re.compile(r"\s+of\s+(?:them|their\s+own)\b", re.IGNORECASE)
_NOT_ANTECEDENTS = frozenset(
    """
    dead deaths wounded injured injuries casualties fatalities victims bodies others martyrs
    """.split()  # noqa: SIM905
)


def _antecedent(text: str, start: int) -> str:
    """The plural people noun that "them" in "N of them" stands for: the last one before
    the figure in its sentence; "" when there is none."""
    lo = max(text.rfind(". ", 0, start) + 1, start - 200, 0)
    for word in reversed(list(_WORD.finditer(text, lo, start))):
        lowered = word.group(0).lower()
        if (
            lowered in _PEOPLE
            and lowered not in _THINGS
            and (lowered.endswith(("s", "men")) or lowered in ("people", "children", "personnel"))
            and lowered not in _NOT_ANTECEDENTS
        ):
            return lowered
    return ""


# A second single victim named by a possessive after a first: "a woman and her child".
_AND_THEIR_ONE = re.compile(
    r"\s+and\s+(?:her|his)\s+(?:(?:young|little|elderly|infant|teenage)\s+)?([a-z]+)\b"
)


def parse_quantities(text: str) -> list[Quantity]:
    """Figures in ``text``, in order of appearance."""
    out: list[Quantity] = []
    if not (
        _DIGIT.search(text)
        or _NUMBER_WORD.search(text)
        or KILLING_ONE.search(text)  # "killing a civilian"
        or ONE_WAS_KILLED.search(text)  # "a child was killed"
        or (_HURT.search(text) and ONE_LEFT_DEAD.search(text))  # "left a child dead"
        or HEADLINE_ONE.match(text)  # "Child killed ..."
    ):
        return out
    headline = HEADLINE_ONE.match(text)
    if headline is not None:
        noun = headline.group(1).lower()
        words = text[headline.start(1) : headline.end(1)]
        out.append(Quantity(value=1.0, unit=f"{noun} killed", low=1.0, high=1.0, text=words))
    pos = 0
    for match in _QUANTITY.finditer(text):
        if match.start() < pos:
            continue
        mod = (match.group("mod") or "").lower()
        mod = _SPACES.sub(" ", mod)
        vague = match.group("vague")
        num = match.group("num")
        if vague:
            key = _SPACES.sub(" ", vague.lower())
            vague_value, vague_low, vague_high = _VAGUE[key]
            unit, unit_end = _unit_after(text[match.end() :], vague=True)
            if key in ("several", "a few"):
                # "several civilians", "several of the wounded": every gold, invented and
                # real, leaves these uncounted (no reader compares "several" with a figure)
                continue
            # "dozens" alone counts only next to a casualty word ("dozens were killed").
            if (
                not unit
                and key != "a dozen"
                and not _casualty_unit(text, match.start(), match.end())
            ):
                continue
            end = match.end() + unit_end
            full = _compose_unit(
                unit, _destroyed_people(unit, _casualty_unit(text, match.start(), end))
            )
            if not full:
                continue  # "a few others blew up": nothing counted a reader can compare
            out.append(
                Quantity(
                    value=vague_value,
                    low=vague_low,
                    high=vague_high,
                    unit=full,
                    approximate=key != "a dozen",
                    at_least=key != "a dozen",
                    text=text[match.start() : end],
                )
            )
            pos = end
            continue
        if not num:
            continue
        if _skip(text, match.start("num"), match.end(), num):
            continue
        person: tuple[str, int] | None = None
        if num.lower() in ("a", "an", "another"):
            # "killing a civilian", "another child was killed": one person; any other "a"
            # is an article.
            person = person_after_article(text, match.end("num"))
            if person is None or not one_casualty(text, match.start(), person):
                continue
            value: float | None = 1.0
        else:
            value = _parse_number(num)
        if value is None:
            continue
        is_word = not num[:1].isdigit()
        high_value: float | None = None
        if match.group("num2"):
            # "20 to 30" is a range; "five and six" or a score "2-1" is not.
            second = _parse_number(match.group("num2"))
            sep = (match.group("sep") or "").strip().lower()
            if second is not None and second > value and (sep != "and" or match.group("between")):
                high_value = second
        match_end = match.end() if high_value is not None else match.end("num")
        unit, unit_end = _unit_after(text[match_end:])
        if person is not None:
            unit, unit_end = person[0], person[1] - match_end
        if unit == "" and value > 1:  # "releasing one of them" counts no one
            them = _OF_THEM_OWN.match(text, match_end)
            antecedent = _antecedent(text, match.start()) if them is not None else ""
            if antecedent:
                # "fired at the attackers and killed five of them": the attackers
                unit, unit_end = antecedent, them.end() - match_end
        if is_word and value in (1, 0) and unit == "":
            single = _elided_unit(text, match.start(), match_end, out) if value == 1 else ""
            if not single:
                continue
            # "five civilians were killed in X and one in the town of Y": one more of them
            out.append(
                Quantity(
                    value=1.0,
                    unit=single,
                    low=1.0,
                    high=1.0,
                    text=text[match.start() : match_end],
                )
            )
            pos = match_end
            continue
        if is_word and value == 1 and unit in _THINGS and _ONE_OF_THE.match(text, match_end):
            continue  # "one of the shells landed on the mosque" is not a count of shells
        if _SUPERLATIVE_OF.match(text, match.end("num")):
            continue  # "one of its largest air attacks" is not a count
        end = match_end + unit_end
        casualty = _destroyed_people(unit, _casualty_unit(text, match.start(), end))
        inherited = ""
        if unit == "" and not casualty:
            inherited = _elided_unit(text, match.start(), match_end, out)
            if not inherited:
                continue
        elif unit == "" and casualty and out and out[-1].unit.endswith(" " + casualty):
            # "killed 45 civilians in and around Aleppo and 22 in neighbouring Idlib": the
            # bare figure counts what the figure before it counted.
            inherited = _elided_unit(text, match.start(), match_end, out)
        governed = (
            _OTHER_NOUN_AFTER.match(text, match_end) if unit == "" and not inherited else None
        )
        if governed is not None:
            if not (
                _VERB_BEFORE.search(text, max(0, match.start() - 40), match.start())
                or _VERB_AFTER.match(text, governed.end())
            ):
                continue  # "strikes on two districts ... killed 46": districts are not the dead
            unit = governed.group(1).lower()  # "killed eight tourists"
            end = governed.end()
        full_unit = inherited or _compose_unit(unit, casualty) or ""
        if unit == "others" and casualty and out and out[-1].unit.endswith(" " + casualty):
            # "15 civilians were killed ... while six others were killed": the same verb
            # counts more of the same people ("wounded seven others" stays bare).
            full_unit = out[-1].unit
        if governed is not None and casualty:
            full_unit = f"{unit} {casualty}"
        if not casualty and unit in _PEOPLE and unit not in _THINGS and out:
            inherited_verb = _subgroup_verb(text, match.start(), match_end, out[-1])
            if inherited_verb:
                # "claimed 300000 lives including some 87000 civilians - 15000 of them
                # children": a part of a toll is counted with the toll's verb.
                full_unit = f"{unit} {inherited_verb}"
        conversion = _PAREN_CONVERSION.match(text[end:])
        if conversion:
            end += conversion.end()
        approximate = mod in _APPROX
        at_least = mod in _AT_LEAST
        at_most = mod in _AT_MOST
        low, high = value, value if high_value is None else high_value
        if approximate:
            low, high = (
                (value * 0.9, value)
                if mod in ("nearly", "almost", "close to")
                else (value * 0.9, high * 1.1)
            )
        elif at_least:
            high = math.inf
        elif at_most:
            low = 0.0
        out.append(
            Quantity(
                value=value,
                unit=full_unit,
                low=low,
                high=high,
                approximate=approximate or high_value is not None,
                at_least=at_least,
                at_most=at_most,
                text=text[match.start() : end].strip(),
            )
        )
        pos = end
        if person is not None and casualty:
            kin = _AND_THEIR_ONE.match(text, end)
            if kin is not None and kin.group(1).lower() in SINGULAR_PEOPLE:
                # "the death of a woman and her child": the second victim is one more
                noun = kin.group(1).lower()
                out.append(
                    Quantity(
                        value=1.0,
                        unit=_compose_unit(noun, casualty),
                        low=1.0,
                        high=1.0,
                        text=text[kin.start(1) : kin.end(1)],
                    )
                )
                pos = kin.end()
    return out
