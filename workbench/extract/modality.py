"""How firmly a source commits to what it says: asserted, predicted, hoped,
conditional or denied.

Precedence follows what a reviewer needs first: a denial is not evidence for the
proposition, a hope or a threat under a condition is not a report of fact, and a
prediction cannot be checked yet.
"""

from __future__ import annotations

import re

from models import Modality

_HOPE = re.compile(
    r"\b(?:hope|hoped|hopes|hoping|wish|wished|wishes|hopeful|aspire|aspires|dream)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:if|unless|otherwise|provided\s+that|as\s+long\s+as|in\s+case|in\s+the\s+event)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|won't|wouldn't|'ll|going\s+to|about\s+to|expected\s+to|"
    r"is\s+set\s+to|are\s+set\s+to|was\s+set\s+to|plans?\s+to|planned\s+to|intends?\s+to|"
    r"soon\s+be|next\s+(?:week|month|year)|expects?|likely\s+to|(?:could|may|might)\s+(?:well\s+)?(?:rise|increase|grow|climb|reach|"
    r"worsen|spread|escalate|resume|collapse|follow|last|take|lead|face|need|happen|come|"
    r"continue|run\s+out|starve|die))\b|\u2019ll\b",
    re.IGNORECASE,
)
# "any deal that would cede territory": a modal inside a relative clause.
_RELATIVE_MODAL = re.compile(
    r"\b(?:that|which|who|what)\s+(?:would|will|could|may|might)\b", re.IGNORECASE
)
_DENY_CONTENT = re.compile(
    r"^(?:(?:he|she|it|they|we|i)\s+)?(?:denied|denies|deny|rejected|rejects)\b",
    re.IGNORECASE,
)
_CUE_MODALITY = {
    "hoped": Modality.HOPED,
    "hopes": Modality.HOPED,
    "hope": Modality.HOPED,
    "wished": Modality.HOPED,
    "denied": Modality.DENIED,
    "denies": Modality.DENIED,
    "deny": Modality.DENIED,
    "denying": Modality.DENIED,
    "dismissed": Modality.DENIED,
    "refuted": Modality.DENIED,
    "predicted": Modality.PREDICTED,
    "predicts": Modality.PREDICTED,
    "forecast": Modality.PREDICTED,
    "vowed": Modality.PREDICTED,
    "pledged": Modality.PREDICTED,
    "promised": Modality.PREDICTED,
    "threatened": Modality.CONDITIONAL,
}
_PROPOSITION_DENIAL = re.compile(
    r"^(?:that\b|claims?\b|reports?\b|allegations?\b|accusations?\b|"
    r"suggestions?\b|charges?\b|it\s+was)",
    re.IGNORECASE,
)


def classify_modality(cue: str, content: str, cue_tail: str = "") -> Modality:
    """Modality of ``content`` said with ``cue``; ``cue_tail`` is the text right after it."""
    lowered = cue.lower()
    by_cue = _CUE_MODALITY.get(lowered)
    if lowered in ("rejected", "rejects", "rejecting") and _PROPOSITION_DENIAL.match(cue_tail):
        by_cue = Modality.DENIED
    if by_cue is Modality.DENIED or _DENY_CONTENT.match(content):
        return Modality.DENIED
    head = content[:80]
    if by_cue is Modality.HOPED or _HOPE.search(head):
        return Modality.HOPED
    if _CONDITION.search(content):
        return Modality.CONDITIONAL
    if by_cue is Modality.CONDITIONAL:
        return Modality.CONDITIONAL if _FUTURE.search(content) else Modality.PREDICTED
    if by_cue is Modality.PREDICTED or _FUTURE.search(_RELATIVE_MODAL.sub("", content)):
        return Modality.PREDICTED
    return Modality.ASSERTED
