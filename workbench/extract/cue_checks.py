"""Whether a cue word found in a sentence reports there.

``CUE_RE`` finds every reporting word; the words around it decide whether it attributes
("the army said", "the inquiry found that ...") or is a noun, an adjective, a passive or
an act ("the reported attack", "member states", "declared an autonomous region",
"rescuers found three bodies"). Used by ``attribution``.
"""

from __future__ import annotations

import re

from workbench.extract.cues import (
    CLAIM_CUES,
    CLAUSE_ONLY_CUES,
    CLAUSE_OR_END_RE,
    FINDING_CLAUSE_RE,
    FINDING_CUES,
    FINDING_SUBJECTS,
    NOT_A_CUE_AFTER,
    NOT_A_CUE_BEFORE,
    OUTLET_CUES,
    OUTLET_STAFF_BEFORE,
    SHOW_SUBJECTS,
    STATES_NOUN_BEFORE,
    THAT_ONLY_CUES,
    THAT_RE,
    TOLL_AFTER_RE,
    TOLL_CUES,
    is_according,
)

# "called the KIA a terrorist organisation", "called the attack a terrorist explosion": a
# naming asserts; "called for a ceasefire" and "called on all parties to ..." appeal.
NAMING = (
    r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|(?:the|this|that|its)\s+[a-z]+)"
    r"\s+(?:a|an)\s"
)
_CALLED_FOR = re.compile(r"\s+(?:for\b|on\s+[\w\s'-]{1,40}?\s+to\b|" + NAMING + ")")
_LIFE_CLAIMS = frozenset({"claimed", "claims", "claim", "claiming"})
_LIVES = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:lives?|souls)\b")
WAS_QUOTED = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:also\s+|later\s+)?(?:quoted|cited)"
    r"(?:\s+by\s+[^,;]{1,60}?)?\s+as\s+$",
    re.IGNORECASE,
)
_BASE_FORMS = frozenset(
    {
        "estimate",
        "claim",
        "deny",
        "warn",
        "allege",
        "accuse",
        "insist",
        "confirm",
        "predict",
        "argue",
        "report",
        "reports",
        "claims",
        "estimates",
    }
)
_TO_HAVE = re.compile(r"^\s+to\s+have\b")
# "a statement posted on Telegram": a participle after a document, not a cue.
_DOCUMENT_PARTICIPLES = frozenset(
    {"posted", "published", "broadcast", "released", "issued", "circulated", "shared", "aired"}
)
_DOCUMENTS = frozenset(
    {"statement", "message", "video", "post", "communique", "communiqu\u00e9", "letter", "notice"}
)
_WORD_BEFORE = re.compile(r"([\w'\u2019-]+)\s*$")
_WORD_OR_SPACE = re.compile(r"[\w'\u2019\s-]")


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """The word just before ``end`` (``_WORD_BEFORE`` over the 40 characters before it),
    reading a short tail first: the pattern costs its window times a word's length."""
    lo = max(0, end - 40)
    tail = max(lo, end - 16)
    match = _WORD_BEFORE.search(text, tail, end)
    if (
        tail > lo
        and (match is None or match.start() == tail)
        and _WORD_OR_SPACE.match(text, tail - 1)
    ):
        match = _WORD_BEFORE.search(text, lo, end)  # the word (or its spaces) runs on
    return match


def valid_cue(text: str, match: re.Match[str]) -> bool:
    """Whether a ``CUE_RE`` match reports here: "the army said" does, "the reported attack",
    "member states", "a group called X" and "rescuers found three bodies" do not."""
    if is_according(match):
        return True
    before = _word_before(text, match.start())
    if before and before.group(1).lower() == "officially":
        # "the army officially announced" reports; "the officially reported toll" does not
        before = _word_before(text, before.start(1)) or before
    if before and (before.group(1).lower() in NOT_A_CUE_BEFORE or before.group(1).isdigit()):
        return False  # "the reported attack", "was said", "8 reports"
    word = match.group(0)
    if word in _DOCUMENT_PARTICIPLES and before and before.group(1).lower() in _DOCUMENTS:
        return False
    if word in OUTLET_CUES:
        staff = OUTLET_STAFF_BEFORE.search(text, max(0, match.start() - 80), match.start())
        return staff is not None
    if word in ("show", "shows"):
        return before is not None and before.group(1).lower() in SHOW_SUBJECTS
    if (
        before
        and word in _BASE_FORMS
        and before.group(1).lower().replace("\u2019", "'").endswith(("'s", "s'"))
    ):
        return False  # "the group's claim could not be verified": a noun
    after = text[match.end() : match.end() + 30]
    if word in THAT_ONLY_CUES and not THAT_RE.match(after):
        return False
    if word in FINDING_CUES:
        return (
            before is not None
            and before.group(1).lower() in FINDING_SUBJECTS
            and FINDING_CLAUSE_RE.match(text, match.end()) is not None
        )
    if word in CLAUSE_ONLY_CUES and not CLAUSE_OR_END_RE.match(after):
        return False  # "declared an autonomous region", "posted a video": an act
    if word in ("described", "describes") and _REFLEXIVE.match(after):
        return False  # "the group which describes itself as neutral": who it is, no claim
    if word == "states" and (
        (before and before.group(1).lower() in STATES_NOUN_BEFORE)
        or _STATES_NOUN_AFTER.match(after)
    ):
        return False  # "member states of the OPCW", "coastal states in the Gulf": a noun
    if word in TOLL_CUES:
        return TOLL_AFTER_RE.match(text, match.end()) is not None
    if word in _LIFE_CLAIMS and _LIVES.match(text, match.end()):
        return False  # "the war has claimed over 300000 lives": a toll, not a claimant
    if word in CLAIM_CUES and _TO_HAVE.match(after):
        return True  # "claimed to have killed 12 soldiers"
    if word == "saying" and WAS_QUOTED.search(text, max(0, match.start() - 80), match.start()):
        return True  # "X was quoted as saying by Al Mayadeen": the outlet, not a passive
    if match.group(0) in ("called", "calls") and not _CALLED_FOR.match(after):
        return False  # "a group called X" names; "called for a ceasefire" appeals
    if before and before.group(1).lower() in _SUBJECT_PRONOUNS:
        return True  # "He confirmed deaths at the airbase": after a subject, a verb
    return not NOT_A_CUE_AFTER.match(after)


_STATES_NOUN_AFTER = re.compile(
    r"\s+(?:in|of|and|or|have|has|are|were|will|would|which|who|across|along|bordering)\b"
)
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i"})
_REFLEXIVE = re.compile(r"\s+(?:itself|himself|herself|themselves)\b")
