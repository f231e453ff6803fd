"""Hedges and verification notes: structured caveats, never claims of their own.

A reporter's "It was not possible to independently verify the death toll" is a
sentence-level caveat: it qualifies the nearest preceding claim that carries a
casualty figure (or, failing that, the claim just before it). In-sentence hedges
("reportedly", "allegedly", "unconfirmed") qualify the claim they sit in.
"""

from __future__ import annotations

import re

from models import CaveatKind
from workbench.extract.patterns import word_trie

_UNVERIFIED_SENTENCE = re.compile(
    r"\b(?:"
    r"(?:not|n't|never)\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:possible|able)\s+to\s+(?:independently\s+)?"
    r"(?:verify|confirm|corroborate)|"
    r"(?:could|can|cannot|can't|couldn't)\s*(?:not\s+)?(?:be\s+)?(?:immediately\s+|independently\s+)*"
    r"(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed))|"
    r"(?:was|were|is|are|has|have|had)\s+(?:not|n't)\s+(?:been\s+)?(?:independently\s+)?"
    r"(?:verified|confirmed|corroborated)|"
    r"unable\s+to\s+(?:independently\s+)?(?:verify|confirm|corroborate)|"
    r"no\s+independent\s+(?:verification|confirmation)|"
    r"(?:impossible|difficult)\s+to\s+(?:independently\s+)?(?:verify|confirm)|"
    r"did\s+not\s+(?:immediately\s+)?(?:respond|reply|comment)\s+to\s+(?:a\s+)?request|"
    r"could\s+not\s+be\s+reached\s+for\s+comment|"
    r"independently\s+(?:verify|verified|confirm|confirmed)"
    r")",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(reportedly|allegedly|purportedly|apparently|unconfirmed|unverified|"
    r"was\s+said\s+to|were\s+said\s+to|is\s+believed\s+to|are\s+believed\s+to)\b",
    re.IGNORECASE,
)
_DISPUTED = re.compile(
    r"\b(?:a\s+claim|claims?|an\s+account|allegations?|figures?|reports?|a\s+charge|"
    r"charges?|accusations?|an\s+accusation|an\s+assertion)\s+"
    r"(?:that\s+)?(?:\w+\s+){0,3}(?:denied|denies|deny|disputed|disputes|dispute|rejected|"
    r"rejects|dismissed|dismisses)\b|"
    r"\b(?:disputed|contested)\s+by\b|"
    r"\b(?:which|something)\s+(?:[\w'-]+\s+){1,3}(?:denies|denied|rejects|rejected|disputes|"
    r"disputed)\b",
    re.IGNORECASE,
)
_RESPONSE = re.compile(
    r"\b(?:not|n't)\s+(?:\w+\s+)?(?:respond|responded|comment|commented|confirm|confirmed)\b",
    re.IGNORECASE,
)
_FIGURE_WORDS = re.compile(
    r"\b(?:toll|tolls|casualt\w*|dead|deaths?|killed|figures?|numbers?|counts?|injur\w*|"
    r"wounded|fatalit\w*)\b",
    re.IGNORECASE,
)


# "..., a claim the army has not confirmed" / ", a figure far higher than the official toll":
# the reporter's comment closing a reported clause qualifies it; it is not the source's word.
_REPORTER_APPOSITIVE = re.compile(
    r",\s+(?:a|an)\s+(?:claim|charge|figure|account|allegation|accusation|assertion|number|"
    r"toll|tally|version)\s+(?:[^\s,;\d\"\u201c\u201d]+\s+)+[^\s,;\d\"\u201c\u201d]+\s*$",
    re.IGNORECASE,
)


HEDGE_CUES = frozenset({"claimed", "claims", "claiming", "alleged", "alleges", "alleging"})


_HINTS = (
    "report",
    "alleg",
    "purport",
    "apparent",
    "unconfirm",
    "unverif",
    "said to",
    "believed",
    "verif",
    "confirm",
    "corroborat",
    "respond",
    "reply",
    "comment",
    "disput",
    "contest",
    "denie",
    "deny",
    "reject",
    "dismiss",
)


# Every verification note contains one of these: a cheap test before the regex.
_UNVERIFIED_HINTS = ("verif", "confirm", "corroborat", "respond", "reply", "comment")


_UNVERIFIED_HINT = re.compile(word_trie(_UNVERIFIED_HINTS))
_HINT = re.compile(word_trie(_HINTS))


def _may_be_unverified(sentence: str) -> bool:
    return _UNVERIFIED_HINT.search(sentence.lower()) is not None


def is_caveat_sentence(sentence: str) -> bool:
    """True when a sentence only says that something could not be verified."""
    return _may_be_unverified(sentence) and _UNVERIFIED_SENTENCE.search(sentence) is not None


def caveat_start(sentence: str) -> int | None:
    """Where a verification note starts in ``sentence``, or None."""
    if not _may_be_unverified(sentence):
        return None
    match = _UNVERIFIED_SENTENCE.search(sentence)
    return match.start() if match else None


def caveat_targets_figures(sentence: str) -> bool:
    """True when the caveat is about a toll or figure, so it attaches to a figure claim."""
    return _FIGURE_WORDS.search(sentence) is not None


def inline_caveats(text: str) -> list[tuple[str, CaveatKind, int, int]]:
    """Hedges inside a clause: (words, kind, start, end) relative to ``text``."""
    found: list[tuple[str, CaveatKind, int, int]] = []
    if _HINT.search(text.lower()) is None:
        return found  # most clauses carry no hedge: skip the three scans
    for match in _HEDGE.finditer(text):
        found.append((match.group(0), CaveatKind.HEDGE, match.start(), match.end()))
    for match in _DISPUTED.finditer(text):
        found.append((match.group(0), CaveatKind.DISPUTED, match.start(), match.end()))
    for match in _UNVERIFIED_SENTENCE.finditer(text):
        found.append((match.group(0), CaveatKind.UNVERIFIED, match.start(), match.end()))
    return found


def reporter_appositive(text: str) -> tuple[int, CaveatKind] | None:
    """Where a reporter's closing comment on ``text`` starts (at its comma), and its kind."""
    if ", a" not in text:
        return None
    match = _REPORTER_APPOSITIVE.search(text)
    if match is None:
        return None
    words = text[match.start() :]
    if _DISPUTED.search(words):
        kind = CaveatKind.DISPUTED
    elif _UNVERIFIED_SENTENCE.search(words) or _RESPONSE.search(words):
        kind = CaveatKind.UNVERIFIED
    else:
        kind = CaveatKind.OTHER
    return match.start(), kind
