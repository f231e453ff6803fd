"""One victim named by an article: "killing a civilian", "a child was killed",
"injuring a 45-year-old woman and a girl", "left a child dead and a woman injured".

Wire copy (SANA's above all) counts single victims this way; each counts one person
only as the victim of a casualty word right beside it.
"""

from __future__ import annotations

import re

from workbench.extract.patterns import word_trie

SINGULAR_PEOPLE = frozenset(
    """
    civilian soldier child woman man boy girl paramedic medic doctor nurse journalist
    policeman police officer officer resident worker aid-worker student teacher farmer
    fighter militant rebel peacekeeper person
    """.split()  # noqa: SIM905
)
# An age or a light adjective between the article and the person: "a 9-year-old girl".
AGE = re.compile(r"\s+(?:\d+-years?-old|young|elderly|little|pregnant|old)(?=\s)", re.IGNORECASE)
# The casualty word before the article, also before a second victim joined by "and"
# ("injuring a woman and a girl").
_ONE_BEFORE = re.compile(
    r"(?:killing|killed|kills?|wounding|wounded|injuring|injured|shot\s+dead|"
    # "leading to the death of a woman", "causing serious injuries to a man"
    r"deaths?\s+of|injur(?:y|ies)\s+to)\s+"
    r"(?:an?(?:\s+[\d\w-]+)?\s+[a-z]+\s+and\s+)?$",
    re.IGNORECASE,
)
# "killing two people including a child": one child, as "including three children" counts
# three; an occupation ("including a paramedic") is read as part of the toll only.
_INCLUDING_BEFORE = re.compile(r"\bincluding\s+$", re.IGNORECASE)
_SUBGROUP_PEOPLE = frozenset({"woman", "child", "girl", "boy"})
_ONE_AFTER = re.compile(
    r"(?:\s+child)?\s+(?:(?:was|has\s+been|had\s+been)\s+(?:also\s+)?)?"
    r"(?:killed|wounded|injured|shot\s+dead|martyred|dead)\b",
    re.IGNORECASE,
)
_CASUALTY_VERB = """
    killing killed kill kills wounding wounded injuring injured shot_dead including
    death_of deaths_of injury_to injuries_to
""".split()  # noqa: SIM905
# Quick tests that a text may count one victim, for texts with no number at all.
KILLING_ONE = re.compile(
    word_trie([w.replace("_", " ") for w in _CASUALTY_VERB], fold_case=True, after_no=r"\w")
    + r"\s+[aA][nN]?\s"
)
ONE_WAS_KILLED = re.compile(
    r"\s(?:"
    + word_trie(["was", "has been", "had been"], fold_case=True)
    + r")\s+(?:[aA][lL][sS][oO]\s+)?(?:"
    + word_trie(["killed", "wounded", "injured", "shot dead"], fold_case=True)
    + r")\b"
)
ONE_LEFT_DEAD = re.compile(
    word_trie(sorted(SINGULAR_PEOPLE), after_no=r"\w") + r"\s+(?:dead|killed|injured|wounded)\b"
)


def person_after_article(text: str, end: int) -> tuple[str, int] | None:
    """The person noun after an article ending at ``end`` and where it ends, skipping an
    age ("a 45-years-old woman"); None when the next word is no person."""
    age = AGE.match(text, end)
    at = age.end() if age is not None else end
    word = re.match(r"\s+([A-Za-z-]+)", text[at : at + 40])
    if word is None or word.group(1).lower() not in SINGULAR_PEOPLE:
        return None
    return word.group(1).lower(), at + word.end()


def one_casualty(text: str, start: int, person: tuple[str, int]) -> bool:
    """'a civilian' (the article at ``start``; ``person`` from ``person_after_article``)
    counts one only as the victim of a casualty word next to it."""
    before = text[max(0, start - 60) : start]
    if person[0] in _SUBGROUP_PEOPLE and _INCLUDING_BEFORE.search(before):
        return True
    return bool(_ONE_BEFORE.search(before) or _ONE_AFTER.match(text, person[1]))


# A headline that opens on one victim without an article: "Child killed 9 civilians
# injured in attacks", "Girl child killed two others injured".
HEADLINE_ONE = re.compile(
    r"(?:(?:girl|boy|baby|little|young|teenage)\s+)?(child|woman|girl|boy|man)\s+"
    r"(?:killed|dead)\b",
    re.IGNORECASE,
)
# The victim right before a verb: "child killed" is passive, not "killed 9 civilians".
ONE_PERSON_BEFORE = re.compile(r"\b(?:child|woman|girl|boy|man)\s+$", re.IGNORECASE)
