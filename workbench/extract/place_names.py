"""Countries, capitals, demonyms and national bodies: the place words of source names.

"Ukraine's energy ministry" and "the Ukrainian Energy Ministry" are one body; "Kigali"
speaks for the Rwandan government. Used by mention resolution (coreference).
"""

from __future__ import annotations

import functools
import re

from workbench.extract.registry import POSSESSIVE_DEMONYMS

COUNTRY_DEMONYM = {key.removesuffix("'s"): value for key, value in POSSESSIVE_DEMONYMS.items()}


BODY_HEADS = frozenset(
    """
    ministry agency army military forces command office presidency council committee
    service authority authorities navy guard police prosecutor court parliament government
    """.split()  # noqa: SIM905
)


CAPITALS = {
    "kinshasa": "congolese",
    "kigali": "rwandan",
    "addis ababa": "ethiopian",
    "tripoli": "libyan",
    "ankara": "turkish",
    "tehran": "iranian",
    "beijing": "chinese",
    "paris": "french",
    "london": "british",
    "berlin": "german",
    "cairo": "egyptian",
    "amman": "jordanian",
    "riyadh": "saudi",
    "doha": "qatari",
    "abu dhabi": "emirati",
    "islamabad": "pakistani",
    "new delhi": "indian",
    "kabul": "afghan",
    "mogadishu": "somali",
    "bamako": "malian",
    "niamey": "nigerien",
    "ouagadougou": "burkinabe",
    "yerevan": "armenian",
    "baku": "azerbaijani",
    "minsk": "belarusian",
    "warsaw": "polish",
    "naypyitaw": "myanmar",
    "juba": "south sudanese",
    "nairobi": "kenyan",
    "kampala": "ugandan",
    "asmara": "eritrean",
    "beirut": "lebanese",
    "tbilisi": "georgian",
    "n'djamena": "chadian",
    "damascus": "syrian",
    "baghdad": "iraqi",
    "kyiv": "ukrainian",
    "kiev": "ukrainian",
    "moscow": "russian",
    "sanaa": "yemeni",
    "khartoum": "sudanese",
    "port sudan": "sudanese",
    "bangkok": "thai",
    "phnom penh": "cambodian",
    "bogota": "colombian",
    "port-au-prince": "haitian",
    "maputo": "mozambican",
    "yaounde": "cameroonian",
    "abuja": "nigerian",
    "dhaka": "bangladeshi",
    "caracas": "venezuelan",
    "yangon": "myanmar",
    # Dateline cities and provinces that name their country as well as a capital does.
    "peshawar": "pakistani",
    "quetta": "pakistani",
    "karachi": "pakistani",
    "lahore": "pakistani",
    "khyber pakhtunkhwa": "pakistani",
    "balochistan": "pakistani",
}
COUNTRY_DEMONYM.update(CAPITALS)
COUNTRY_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w)
        for w in sorted({*COUNTRY_DEMONYM, *COUNTRY_DEMONYM.values()}, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)


PLACE_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
PLACE_DEMONYM = {
    " ".join(PLACE_TOKEN.findall(key.replace("-", " "))): value
    for key, value in (
        *((v, v) for v in COUNTRY_DEMONYM.values()),
        *COUNTRY_DEMONYM.items(),
    )
}


# First words of the names of more than one word: only these open a longer n-gram.
PLACE_FIRST_WORDS = frozenset(key.split()[0] for key in PLACE_DEMONYM if " " in key)


@functools.lru_cache(maxsize=4096)
def demonyms_in(text: str) -> tuple[str, ...]:
    """Demonyms of the countries and capitals named in ``text``, in order (cached: the
    same sentence and report head are asked about for every description)."""
    if not text:
        return ()
    # Word n-grams looked up in a dict: much faster than one regex of 300 alternatives.
    words = [
        w[:-2] if w.endswith("'s") else w
        for w in PLACE_TOKEN.findall(text.lower().replace("\u2019", "'"))
    ]
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1) if words[i] in PLACE_FIRST_WORDS else (1,):
            gram = " ".join(words[i : i + size])
            demonym = PLACE_DEMONYM.get(gram)
            if demonym is not None and len(gram.split()) == size:
                found.append(demonym)
                i += size
                break
        else:
            i += 1
    return tuple(found)


# Countries and capitals speak for their governments ("Kigali denies").
STATE_BY_PLACE = {
    place: demonym.title()
    for place, demonym in (
        *((k.removesuffix("'s"), v) for k, v in POSSESSIVE_DEMONYMS.items()),
        *CAPITALS.items(),
    )
    if place not in ("gaza", "palestine")
}


PORTFOLIO = (
    r"(?:foreign(?:\s+affairs)?|(?:national\s+)?defen[cs]e|interior|internal\s+affairs|"
    r"health|information|justice|finance|security|public\s+security|energy|education|"
    r"home\s+affairs|emergency\s+situations|emergencies)"
)
MINISTRY_OF = re.compile(rf"^ministry\s+of\s+(?:the\s+)?({PORTFOLIO})\s+of\s+(?:the\s+)?(.+)$")
DEMONYM_MINISTRY_OF = re.compile(rf"^(.+?)\s+ministry\s+of\s+(?:the\s+)?({PORTFOLIO})$")
MINISTRY_OF_COUNTRY = re.compile(rf"^({PORTFOLIO})\s+ministry\s+of\s+(?:the\s+)?(.+)$")
PORTFOLIO_CANON = {
    "foreign affairs": "foreign",
    "national defence": "defence",
    "national defense": "defence",
    "defense": "defence",
    "internal affairs": "interior",
    "home affairs": "interior",
    "emergency situations": "emergencies",
}


DEMONYM_VALUES = frozenset(POSSESSIVE_DEMONYMS.values())


REPUBLIC_OF = re.compile(r"^(?:the\s+)?(?:[a-z]+\s+){0,2}republic\s+of\s+(?:the\s+)?")


def demonym_of(country: str) -> str:
    country = REPUBLIC_OF.sub("", country)  # "the republic of armenia" -> "armenia"
    if country in POSSESSIVE_DEMONYMS.values():
        return country
    return COUNTRY_DEMONYM.get(country, "")


def canonical_body(normal: str) -> str:
    """One wording for a national ministry: 'ministry of defense of kenya', 'kenyan ministry
    of defence', 'defence ministry of kenya' and 'kenyan national defence ministry' all
    become 'kenyan defence ministry'; anything else is returned unchanged."""
    portfolio = demonym = ""
    match = MINISTRY_OF.match(normal)
    if match:
        portfolio, demonym = match.group(1), demonym_of(match.group(2))
    elif (match := DEMONYM_MINISTRY_OF.match(normal)) is not None:
        demonym, portfolio = demonym_of(match.group(1)), match.group(2)
    elif (match := MINISTRY_OF_COUNTRY.match(normal)) is not None:
        portfolio, demonym = match.group(1), demonym_of(match.group(2))
    else:
        words = normal.split()
        lead = 2 if " ".join(words[:2]) in DEMONYM_VALUES else 1
        if (
            len(words) >= lead + 2
            and words[-1] == "ministry"
            and (lead == 2 or words[0] in DEMONYM_VALUES)
        ):
            middle = " ".join(words[lead:-1])
            demonym = " ".join(words[:lead])
            return f"{demonym} {PORTFOLIO_CANON.get(middle, middle)} ministry"
        return normal
    if not demonym:
        return normal
    portfolio = " ".join(portfolio.split())
    return f"{demonym} {PORTFOLIO_CANON.get(portfolio, portfolio)} ministry"


def national_body(normal: str, head: str) -> str:
    """'Ukraine's energy ministry' -> 'Ukrainian Energy Ministry', else ''.

    A state body named from its country gets one canonical spelling, so the
    possessive and adjective forms of the same ministry in two reports agree.
    """
    normal = canonical_body(normal)
    words = normal.split()
    if head not in BODY_HEADS or len(words) < 2 or len(words) > 5:
        return ""
    two_word = " ".join(words[:2]) in DEMONYM_VALUES and len(words) > 2
    if not (words[0] in DEMONYM_VALUES or two_word) or any(
        w in ("of", "for", "in", "at", "from", "and") for w in words
    ):
        return ""
    words = ["defence" if w == "defense" else w for w in words]  # one spelling, as the registry
    return " ".join(w[:1].upper() + w[1:] for w in words)


def names_a_country(place: str) -> bool:
    """ "Ethiopia" names a country; "Khyber Pakhtunkhwa", listed under Pakistan, a region."""
    demonym = PLACE_DEMONYM.get(place)
    return demonym is not None and place in COUNTRY_NAMES.get(demonym, (place,))


COUNTRY_NAMES: dict[str, list[str]] = {}
for _key, _value in POSSESSIVE_DEMONYMS.items():
    COUNTRY_NAMES.setdefault(_value, []).append(_key.removesuffix("'s").removesuffix("'"))


DEMONYMS = frozenset(
    """
    western eastern northern southern
    russian syrian israeli ukrainian iraqi sudanese yemeni lebanese iranian turkish american
    british french chinese egyptian jordanian german qatari palestinian libyan afghan
    pakistani indian belarusian polish ethiopian somali malian nigerian saudi emirati kurdish
    european western arab gazan houthi u.s. us u.n. un uk eu
    """.split()  # noqa: SIM905
)


def is_demonym(word: str) -> bool:
    return word.lower().rstrip(",") in DEMONYMS
