"""Kinds of happening named in text (air strike, shelling, ceasefire talks, ...).

The lexicon is data (``data/incident_kinds.yaml``). Kinds come in classes: violence and
diplomacy. Two texts whose kinds fall in different classes only are about different
happenings, whatever place and day they share; two headlines that name only different
means of attack ("air raid" beside "car bomb") are, most of the time, too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

KINDS_FILE = Path(__file__).with_name("data") / "incident_kinds.yaml"


def _alternation(words: list[str]) -> str:
    return "|".join(
        re.escape(word[:-1]) + r"[\w-]*" if word.endswith("*") else re.escape(word)
        for word in sorted(words, key=len, reverse=True)
    )


@functools.cache
def _data() -> dict[str, Any]:
    """The lexicon file, read once for both the kinds and the means of attack."""
    data: dict[str, Any] = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    return data


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One whole-word pattern of ``words`` in lower case."""
    return re.compile(r"\b(?:" + _alternation([word.lower() for word in words]) + r")\b")


@functools.cache
def _lexicon() -> dict[str, re.Pattern[str]]:
    """Class -> one pattern of all its kinds' words in lower case (one search per class)."""
    return {
        class_name: _pattern(word for words in members.values() for word in words)
        for class_name, members in _data()["classes"].items()
    }


# Look-alikes of kind words: "according to" is no accord, "deal with" no deal
_LOOK_ALIKES = re.compile(r"\baccording(?:ly)?\b|\bdeal(?:s|t|ing)?\s+with\b")


def kind_classes(text: str) -> frozenset[str]:
    """Classes of the kinds named in ``text`` ("violence", "diplomacy")."""
    # the text lowered once: twice as fast as each class's pattern matching with (?i)
    lowered = text.lower()
    if "accord" in lowered or "deal" in lowered:
        lowered = _LOOK_ALIKES.sub(" ", lowered)
    return frozenset(name for name, pattern in _lexicon().items() if pattern.search(lowered))


@functools.cache
def _means() -> dict[str, re.Pattern[str]]:
    """Family of means of attack -> one pattern of its words in lower case."""
    return {family: _pattern(words) for family, words in _data()["means"].items()}


def attack_means(text: str) -> frozenset[str]:
    """The families of means of attack ``text`` names (air, ground, bombing, chemical).

    Read from headlines: on FA-KES, a reader found one pair in 84 whose headlines name
    only different means to be one happening (benchmarks/data/README.md).
    """
    lowered = text.lower()
    return frozenset(family for family, pattern in _means().items() if pattern.search(lowered))


def means_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name a means of attack, and no family in common."""
    return bool(a) and bool(b) and a.isdisjoint(b)
