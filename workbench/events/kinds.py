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


@functools.cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    data = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    alternatives = []
    kind_of_group: dict[str, tuple[str, str]] = {}
    for class_name, kinds in data["classes"].items():
        for kind, words in kinds.items():
            group = f"k{len(kind_of_group)}"
            kind_of_group[group] = (class_name, kind)
            body = "|".join(
                re.escape(word[:-1]) + r"[\w-]*" if word.endswith("*") else re.escape(word)
                for word in sorted(words, key=len, reverse=True)
            )
            alternatives.append(f"(?P<{group}>{body})")
    pattern = re.compile(r"(?i)\b(?:" + "|".join(alternatives) + r")\b")
    return pattern, kind_of_group


def kinds_of(text: str) -> frozenset[str]:
    """Kinds named in ``text`` ("air_strike", "ceasefire", ...)."""
    pattern, kind_of_group = _lexicon()
    return frozenset(
        kind_of_group[match.lastgroup][1]
        for match in pattern.finditer(text)
        if match.lastgroup is not None
    )


def kind_classes(text: str) -> frozenset[str]:
    """Classes of the kinds named in ``text`` ("violence", "diplomacy")."""
    pattern, kind_of_group = _lexicon()
    return frozenset(
        kind_of_group[match.lastgroup][0]
        for match in pattern.finditer(text)
        if match.lastgroup is not None
    )
