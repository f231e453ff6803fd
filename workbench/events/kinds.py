"""Kinds of happening named in text (air strike, shelling, ceasefire talks, ...).

The lexicon is data (``data/incident_kinds.yaml``). Kinds come in classes: violence and
diplomacy. Two texts whose kinds fall in different classes only are about different
happenings, whatever place and day they share.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

KINDS_FILE = Path(__file__).with_name("data") / "incident_kinds.yaml"


def _alternation(words: list[str]) -> str:
    return "|".join(
        re.escape(word[:-1]) + r"[\w-]*" if word.endswith("*") else re.escape(word)
        for word in sorted(words, key=len, reverse=True)
    )


@functools.cache
def _lexicon() -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """Kind -> pattern and class -> pattern (one search per class is what grouping needs)."""
    data = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    kinds: dict[str, re.Pattern[str]] = {}
    classes: dict[str, re.Pattern[str]] = {}
    for class_name, members in data["classes"].items():
        every: list[str] = []
        for kind, words in members.items():
            kinds[kind] = re.compile(r"(?i)\b(?:" + _alternation(words) + r")\b")
            every.extend(words)
        classes[class_name] = re.compile(r"(?i)\b(?:" + _alternation(every) + r")\b")
    return kinds, classes


def kinds_of(text: str) -> frozenset[str]:
    """Kinds named in ``text`` ("air_strike", "ceasefire", ...)."""
    kinds, _classes = _lexicon()
    return frozenset(kind for kind, pattern in kinds.items() if pattern.search(text))


def kind_classes(text: str) -> frozenset[str]:
    """Classes of the kinds named in ``text`` ("violence", "diplomacy")."""
    _kinds, classes = _lexicon()
    return frozenset(name for name, pattern in classes.items() if pattern.search(text))
