"""The main toll of a report, as a reader takes it: killed and injured, and whether an update.

A reader takes a report's death toll from the first sentence that gives one for the
happening it covers (the headline or the lead), whatever the verb ("killed",
"martyred", "claimed the lives of", "the death toll reached"), and reads a later
"the toll rose to nine" as an update of it. Figures of the war as a whole ("the
conflict has killed more than 220,000 people") and parts of a toll already given
("including four children") are not the toll. Figures of several groups listed
together ("50 militants and eight civilians were killed") add up.

The word lists live in ``toll_words.yaml``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from models import Quantity, Report
from workbench.extract.patterns import word_trie
from workbench.extract.quantities import parse_quantities
from workbench.extract.sentences import iter_sentences

_WORDS_FILE = Path(__file__).with_name("toll_words.yaml")


@dataclass(frozen=True, slots=True)
class TollWords:
    """The word lists of toll reading, from ``toll_words.yaml``."""

    subgroup_before: tuple[str, ...]
    update_verbs: tuple[str, ...]
    background_markers: tuple[str, ...]


@functools.cache
def load_toll_words(path: Path = _WORDS_FILE) -> TollWords:
    """The toll word lists (cached)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return TollWords(
        subgroup_before=tuple(data["subgroup_before"]),
        update_verbs=tuple(data["update_verbs"]),
        background_markers=tuple(data["background_markers"]),
    )


@dataclass(frozen=True, slots=True)
class Toll:
    """The killed and injured counts of a report's main happening.

    ``killed``/``injured`` are None when the report gives no such figure;
    ``update`` is True when the killed figure was given as an update of an earlier
    one ("the death toll rose to nine"); ``sentence`` is where it was read.
    """

    killed: float | None = None
    injured: float | None = None
    update: bool = False
    vague: bool = False
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class _Patterns:
    subgroup: re.Pattern[str]
    update: re.Pattern[str]
    background: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    words = load_toll_words()
    return _Patterns(
        subgroup=re.compile(
            r"\b(?:" + word_trie(words.subgroup_before, fold_case=True) + r")"
            r"\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+|more\s+than\s+)?$"
        ),
        update=re.compile(
            r"\b(?:" + word_trie(words.update_verbs, fold_case=True) + r")"
            r"\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+|more\s+than\s+|over\s+)?$"
        ),
        background=re.compile(
            r"\b(?:" + word_trie(words.background_markers, fold_case=True) + r")\b"
        ),
    )


def is_killed(quantity: Quantity) -> bool:
    """A count of the dead ("people killed", "killed")."""
    return quantity.unit == "killed" or quantity.unit.endswith(" killed")


def is_injured(quantity: Quantity) -> bool:
    """A count of the injured ("wounded", "people wounded")."""
    return quantity.unit == "wounded" or quantity.unit.endswith(" wounded")


def is_update(text: str, quantity: Quantity) -> bool:
    """True when ``quantity`` is given as an updated toll in ``text`` ("rose to nine")."""
    at = text.find(quantity.text)
    return at >= 0 and _patterns().update.search(text, max(0, at - 60), at) is not None


# "At least 30 children were among 39 people killed": the children are part of the toll.
_AMONG_AFTER = re.compile(
    r"\s+(?:were\s+|was\s+|are\s+|is\s+)?among\s+(?:the\s+)?(?:at\s+least\s+)?\S"
)
# Vague amounts ("dozens of civilians"): a reader takes a precise figure given later.
_VAGUE = re.compile(r"(?i)(?:dozens|scores|tens|hundreds|thousands|several|a\s+few)\b")


def _subgroup(text: str, quantity: Quantity) -> bool:
    at = text.find(quantity.text)
    if at < 0:
        return False
    if _patterns().subgroup.search(text, max(0, at - 40), at) is not None:
        return True
    return _AMONG_AFTER.match(text, at + len(quantity.text)) is not None


def _vague(quantity: Quantity) -> bool:
    return _VAGUE.match(quantity.text) is not None


# Figures listed together: "50 Al-Qaeda militants and eight civilians" (a short joint).
# Feeds that strip commas list them with a space only: "kill 10 children 5 women".
_LIST_JOINT = re.compile(r"^\s*(?:,\s*|and\s+|,\s*and\s+|as\s+well\s+as\s+)?$")


def _listed_with(text: str, first: Quantity, second: Quantity) -> bool:
    a, b = text.find(first.text), text.find(second.text)
    if a < 0 or b <= a:
        return False
    return _LIST_JOINT.match(text[a + len(first.text) : b]) is not None


def _count(quantity: Quantity) -> float:
    """A range's upper end ("between 500 and 1300 people died" counts 1,300, as the
    crowd coders of real copy read it); any other figure as written."""
    high = quantity.high
    if (
        high is not None
        and math.isfinite(high)
        and high > quantity.value
        and quantity.low == quantity.value
        and not (quantity.at_least or quantity.at_most or _vague(quantity))
    ):
        return high
    return quantity.value


def sentence_toll(text: str) -> Toll | None:
    """The toll one sentence gives, or None when it gives no killed figure of a happening."""
    if _patterns().background.search(text):
        return None
    figures = parse_quantities(text)
    killed = [q for q in figures if is_killed(q) and not _subgroup(text, q)]
    if not killed:
        return None
    total = _count(killed[0])
    previous = killed[0]
    for quantity in killed[1:]:
        if not _listed_with(text, previous, quantity):
            break
        total += _count(quantity)
        previous = quantity
    injured = next((q.value for q in figures if is_injured(q) and not _subgroup(text, q)), None)
    return Toll(
        killed=total,
        injured=injured,
        update=is_update(text, killed[0]),
        vague=_vague(killed[0]),
        sentence=text.strip(),
    )


# A headline's capitals ("Israeli Drone Strike Kills 3 Popular Fighters") read as a sentence.
_TITLE_WORD = re.compile(r"\b([A-Z])([a-z]+)\b")


def _texts(report: Report) -> Iterable[str]:
    if report.title and not report.text.lstrip().startswith(report.title.strip()):
        yield _TITLE_WORD.sub(lambda m: m.group(1).lower() + m.group(2), report.title)
    for sentence in iter_sentences(report.text):
        yield sentence.text


def report_toll(report: Report) -> Toll:
    """The main toll of a report: the first sentence's, or a later update of it."""
    main: Toll | None = None
    injured: float | None = None
    for text in _texts(report):
        toll = sentence_toll(text)
        if toll is None:
            continue
        if main is None:
            main = toll
            injured = toll.injured
        elif main.vague and not toll.vague:
            main = toll  # "dozens killed ..." then "at least 20 people were killed"
            injured = toll.injured if toll.injured is not None else injured
        elif toll.update and main.killed is not None and (toll.killed or 0) > main.killed:
            main = toll
            injured = toll.injured if toll.injured is not None else injured
    if main is None:
        return Toll()
    return Toll(killed=main.killed, injured=injured, update=main.update, sentence=main.sentence)
