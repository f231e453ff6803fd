"""Place names and time expressions of a claim, for grouping claims into events.

Places are capitalised names after a locative preposition or "town/village/city
of"; time expressions are the weekday and relative phrases wire copy uses.
"""

from __future__ import annotations

import re

from workbench.extract.patterns import word_trie

_LOCATIVE = re.compile(
    r"\b(?:"
    + word_trie(
        """
        in near at around outside inside of from into toward towards across on west east
        north south town village city province region district governorate suburb port camp
        neighbourhood neighborhood area
        """.split()  # noqa: SIM905
    )
    + r")\s+(?:the\s+)?(?:[a-z]+-(?:held|controlled|occupied|"
    r"besieged)\s+)?(?:(?:town|village|city|province|region|district|area|port)\s+of\s+)?"
    r"((?:Al-|al-|Al\s|el-|Ad-|As-|Ar-)?[A-Z][\w'\u2019-]+(?:\s+(?:Al-|al-|Al|el|de|of)?\s*"
    r"[A-Z][\w'\u2019-]+){0,3})"
)
_NOT_PLACES = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December IS ISIS Reuters AFP
    AP The A An President Prime Minister Ministry Army Government Observatory Council
    United Nations UN Islamic State God Russian Syrian Israeli Ukrainian Iraqi American
    Sudanese Yemeni Iranian Jordanian Turkish Palestinian Lebanese British French
    Chinese Egyptian Saudi Arab Western Al Qaeda Nusra Front Hamas Hezbollah Houthis
    Kremlin Pentagon Putin Netanyahu Assad
    """.split()  # noqa: SIM905
)
# "Gaza City" is found as "Gaza": the shorter name always matched first here.
_KNOWN_PLACES = re.compile(
    word_trie(
        [
            place.replace("_", " ")
            for place in """
        Syria Iraq Ukraine Russia Gaza Israel Lebanon Yemen Sudan Darfur Khartoum Omdurman
        Kyiv Kiev Kharkiv Donetsk Luhansk Zaporizhzhia Kherson Odesa Odessa Bakhmut Avdiivka
        Crimea Moscow Belgorod Kursk Damascus Aleppo Idlib Homs Hama Deir_ez-Zor Raqqa
        Palmyra Baghdad Mosul Kirkuk Anbar Basra Erbil Fallujah Ramadi Sanaa Aden Hodeidah
        Marib Taiz Red_Sea Rafah Khan_Younis Jabalia West_Bank Jenin Beirut Golan_Heights
        El_Fasher Port_Sudan Kordofan Wad_Madani Geneva Jerusalem Tel_Aviv Washington
        """.split()  # noqa: SIM905
        ],
        after_no=r"\w",
    )
    + r"\b"
)
TIME_RE = re.compile(
    r"\b(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?\b|"
    r"\b(?:last|this|next)\s+(?:week|month|year|night|weekend|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b|\b(?:yesterday|today|tonight|overnight)\b|"
    r"\bon\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b|"
    r"\bearlier\s+this\s+(?:week|month|year)\b|\b(?:hours|days)\s+(?:earlier|later|ago)\b|"
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|24\s+hours|48\s+hours|week|"
    r"two\s+days|three\s+days|few\s+days)\b"
)


# "the Syrian border", "Israeli forces": an adjective of a body, not a place.
_BODY_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:border|forces|army|government|military|air|troops|"
    r"planes|officials|president|ministry|side)\b"
)
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean")
_CLAUSE_END = re.compile(r"\s*[,.;]")
_SPACES = re.compile(r"\s+")


def find_places(text: str) -> list[str]:
    """Capitalised place names in ``text``, first mention first, no repeats."""
    seen: dict[str, None] = {}
    for match in _LOCATIVE.finditer(text):
        name = match.group(1).strip()
        if name.endswith(("'s", "\u2019s")):
            continue
        words = name.split()
        while words and words[-1] in _NOT_PLACES:
            words.pop()
        while words and words[0] in _NOT_PLACES and words[0] not in ("Al",):
            words.pop(0)
        name = " ".join(words)
        if name.endswith(("'s", "\u2019s")):
            continue
        if not name or name in _NOT_PLACES or (name.isupper() and len(name) <= 4):
            continue
        end = match.end()
        following = text[end : end + 20]
        if _BODY_AFTER.match(following):
            continue
        if name.endswith(_DEMONYM_ENDINGS) and not _CLAUSE_END.match(following):
            continue
        seen.setdefault(name, None)
    for match in _KNOWN_PLACES.finditer(text):
        seen.setdefault(_SPACES.sub(" ", match.group(0)), None)
    return list(seen)


# Every time expression holds one of these words; most claim texts hold none, and
# finding them costs far less than the full pattern.
_TIME_ANCHOR = re.compile(
    word_trie(
        """
        day week month year night hour January February March April May June July August
        September October November December
        """.split()  # noqa: SIM905
    )
)


def find_time(text: str) -> str:
    """The first time expression in ``text`` ("on Monday", "last week"), or ''."""
    if _TIME_ANCHOR.search(text) is None:
        return ""
    match = TIME_RE.search(text)
    return match.group(0) if match else ""
