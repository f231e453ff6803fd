"""How firmly a source commits to what it says: asserted, predicted, hoped,
conditional or denied.

Precedence follows what a reviewer needs first: a denial is not evidence for the
proposition, a hope or a threat under a condition is not a report of fact, and a
prediction cannot be checked yet.
"""

from __future__ import annotations

import re

from models import Modality
from workbench.extract.patterns import word_trie

_HOPE_WORDS = """
    hope hoped hopes hoping wish wished wishes hopeful aspire aspires dream
""".split()  # noqa: SIM905
_CONDITION_WORDS = ["if", "unless", "otherwise", "provided that", "as long as", "in case"]
_CONDITION_WORDS += ["in the event"]
_HOPE = re.compile(word_trie(_HOPE_WORDS, fold_case=True, after_no=r"\w") + r"\b")
_CONDITION = re.compile(word_trie(_CONDITION_WORDS, fold_case=True, after_no=r"\w") + r"\b")
_FUTURE_WORDS = [
    words.replace("_", " ")
    for words in """
    will would shall won't wouldn't 'll going_to about_to expected_to is_set_to are_set_to
    was_set_to plan_to plans_to planned_to intend_to intends_to soon_be next_week
    next_month next_year expect expects likely_to
    """.split()  # noqa: SIM905
]
_UNCERTAIN_FUTURE = """
    rise increase grow climb reach worsen spread escalate resume collapse follow last take
    lead face need happen come continue run_out starve die
""".split()  # noqa: SIM905
_FUTURE = re.compile(word_trie(_FUTURE_WORDS, fold_case=True, after_no=r"\w") + r"\b")
# "could rise", "may well worsen": an uncertain future, not a mere possibility.
_MODAL_FUTURE = re.compile(
    word_trie(["could", "may", "might"], fold_case=True, after_no=r"\w")
    + r"\s+(?:[wW][eE][lL][lL]\s+)?(?:"
    + word_trie([w.replace("_", " ") for w in _UNCERTAIN_FUTURE], fold_case=True)
    + r")\b"
)
_CURLY_LL = re.compile(r"\u2019[lL][lL]\b")  # "they\u2019ll"
_CURLY_LL_ANYWHERE = re.compile(r"\u2019[lL][lL]")
# "any deal that would cede territory": a modal inside a relative clause.
_RELATIVE_MODAL = re.compile(
    word_trie(["that", "which", "who", "what"], fold_case=True, after_no=r"\w")
    + r"\s+(?:"
    + word_trie(["would", "will", "could", "may", "might"], fold_case=True)
    + r")\b"
)
# Every hope, condition and future form starts with one of these words (or "\u2019ll"):
# one scan that finds none of them settles most claims.
_ANY_MODAL_WORD = re.compile(
    word_trie(
        [*_HOPE_WORDS, *_CONDITION_WORDS, *_FUTURE_WORDS, "could", "may", "might"],
        fold_case=True,
        after_no=r"\w",
    )
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
    "expects": Modality.PREDICTED,
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


def _is_future(text: str) -> bool:
    return any(p.search(text) is not None for p in (_FUTURE, _MODAL_FUTURE, _CURLY_LL))


def classify_modality(cue: str, content: str, cue_tail: str = "") -> Modality:
    """Modality of ``content`` said with ``cue``; ``cue_tail`` is the text right after it."""
    lowered = cue.lower()
    by_cue = _CUE_MODALITY.get(lowered)
    if lowered in ("rejected", "rejects", "rejecting") and _PROPOSITION_DENIAL.match(cue_tail):
        by_cue = Modality.DENIED
    if by_cue is Modality.DENIED or _DENY_CONTENT.match(content):
        return Modality.DENIED
    if by_cue is Modality.HOPED:
        return Modality.HOPED
    if _ANY_MODAL_WORD.search(content) is None and _CURLY_LL_ANYWHERE.search(content) is None:
        return Modality.ASSERTED if by_cue is None else Modality.PREDICTED
    head = content[:80]
    if _HOPE.search(head):
        return Modality.HOPED
    if _CONDITION.search(content):
        return Modality.CONDITIONAL
    if by_cue is Modality.CONDITIONAL:
        return Modality.CONDITIONAL if _is_future(content) else Modality.PREDICTED
    if by_cue is Modality.PREDICTED or _is_future(_RELATIVE_MODAL.sub("", content)):
        return Modality.PREDICTED
    return Modality.ASSERTED
