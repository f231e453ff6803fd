"""Mention resolution inside one report: many ways of naming one source.

"a monitoring group", "The Britain-based Syrian Observatory for Human Rights",
"the Observatory" and "It" must all become one canonical source, or nothing
downstream (grouping, origin counting, reliability) can be trusted. Order:

1. pronouns -> the most recent speaker of a compatible kind;
2. a registry alias anywhere in the phrase (longest, rightmost wins), after a
   trailing personal name ("Hamas spokesman Hazem Qassem" is the person);
3. descriptions and short forms ("the ministry", "Russia's military") -> the most
   recent compatible speaker, then registry descriptions and short forms, then a
   compatible named source later in the report (cataphora: "a monitoring group
   said ... The Syrian Observatory said");
4. otherwise a new source named from the phrase, its kind read from the head noun.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from dataclasses import dataclass

from models import RoleFlag, Source, SourceKind
from workbench.extract.registry import POSSESSIVE_DEMONYMS, SourceRegistry, normalise_mention
from workbench.extract.speakers import NP_WORDS, PRONOUNS

_ORG_KINDS = frozenset(
    {
        SourceKind.MONITOR,
        SourceKind.STATE_MEDIA,
        SourceKind.MEDIA,
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.NGO,
        SourceKind.UNKNOWN,
    }
)
_PERSON_KINDS = frozenset({SourceKind.PERSON, SourceKind.OFFICIAL})
# Head nouns of descriptions and the source kinds they can refer to.
_HEAD_KINDS: dict[str, frozenset[SourceKind]] = {
    "monitor": frozenset({SourceKind.MONITOR, SourceKind.NGO}),
    "observatory": frozenset({SourceKind.MONITOR}),
    "watchdog": frozenset({SourceKind.MONITOR, SourceKind.NGO}),
    "agency": frozenset({SourceKind.STATE_MEDIA, SourceKind.MEDIA, SourceKind.OFFICIAL}),
    "media": frozenset({SourceKind.STATE_MEDIA, SourceKind.MEDIA}),
    "television": frozenset({SourceKind.STATE_MEDIA, SourceKind.MEDIA}),
    "tv": frozenset({SourceKind.STATE_MEDIA, SourceKind.MEDIA}),
    "broadcaster": frozenset({SourceKind.STATE_MEDIA, SourceKind.MEDIA}),
    "newspaper": frozenset({SourceKind.MEDIA, SourceKind.STATE_MEDIA}),
    "ministry": frozenset({SourceKind.GOVERNMENT, SourceKind.MILITARY}),
    "government": frozenset({SourceKind.GOVERNMENT}),
    "kremlin": frozenset({SourceKind.GOVERNMENT}),
    "office": frozenset({SourceKind.GOVERNMENT, SourceKind.OFFICIAL}),
    "presidency": frozenset({SourceKind.GOVERNMENT}),
    "authorities": frozenset({SourceKind.GOVERNMENT}),
    "army": frozenset({SourceKind.MILITARY}),
    "military": frozenset({SourceKind.MILITARY}),
    "forces": frozenset({SourceKind.MILITARY}),
    "staff": frozenset({SourceKind.MILITARY}),
    "command": frozenset({SourceKind.MILITARY}),
    "coalition": frozenset({SourceKind.MILITARY}),
    "group": frozenset(
        {SourceKind.MONITOR, SourceKind.NGO, SourceKind.MILITARY, SourceKind.GOVERNMENT}
    ),
    "organisation": frozenset({SourceKind.NGO, SourceKind.MONITOR, SourceKind.OFFICIAL}),
    "organization": frozenset({SourceKind.NGO, SourceKind.MONITOR, SourceKind.OFFICIAL}),
    "charity": frozenset({SourceKind.NGO}),
    "movement": frozenset({SourceKind.MILITARY, SourceKind.GOVERNMENT}),
    "militia": frozenset({SourceKind.MILITARY}),
    "body": frozenset({SourceKind.OFFICIAL, SourceKind.NGO, SourceKind.GOVERNMENT}),
    "department": frozenset({SourceKind.GOVERNMENT}),
    "service": frozenset({SourceKind.GOVERNMENT, SourceKind.MILITARY}),
    "network": frozenset({SourceKind.NGO, SourceKind.MONITOR, SourceKind.MEDIA}),
    "committee": frozenset({SourceKind.NGO, SourceKind.MONITOR, SourceKind.GOVERNMENT}),
    "union": frozenset({SourceKind.NGO}),
    "association": frozenset({SourceKind.NGO}),
    "centre": frozenset({SourceKind.MONITOR, SourceKind.MILITARY, SourceKind.GOVERNMENT}),
    "center": frozenset({SourceKind.MONITOR, SourceKind.MILITARY, SourceKind.GOVERNMENT}),
    "cell": frozenset({SourceKind.MILITARY}),
    "junta": frozenset({SourceKind.MILITARY, SourceKind.GOVERNMENT}),
    "mission": frozenset({SourceKind.OFFICIAL, SourceKind.MILITARY, SourceKind.GOVERNMENT}),
}
_KIND_BY_HEAD: dict[str, SourceKind] = {
    "monitor": SourceKind.MONITOR,
    "observatory": SourceKind.MONITOR,
    "watchdog": SourceKind.MONITOR,
    "agency": SourceKind.MEDIA,
    "media": SourceKind.MEDIA,
    "television": SourceKind.MEDIA,
    "tv": SourceKind.MEDIA,
    "broadcaster": SourceKind.MEDIA,
    "newspaper": SourceKind.MEDIA,
    "daily": SourceKind.MEDIA,
    "radio": SourceKind.MEDIA,
    "ministry": SourceKind.GOVERNMENT,
    "government": SourceKind.GOVERNMENT,
    "office": SourceKind.GOVERNMENT,
    "presidency": SourceKind.GOVERNMENT,
    "authorities": SourceKind.GOVERNMENT,
    "authority": SourceKind.GOVERNMENT,
    "council": SourceKind.GOVERNMENT,
    "department": SourceKind.GOVERNMENT,
    "army": SourceKind.MILITARY,
    "military": SourceKind.MILITARY,
    "forces": SourceKind.MILITARY,
    "command": SourceKind.MILITARY,
    "staff": SourceKind.MILITARY,
    "navy": SourceKind.MILITARY,
    "coalition": SourceKind.MILITARY,
    "brigade": SourceKind.MILITARY,
    "brigades": SourceKind.MILITARY,
    "militia": SourceKind.MILITARY,
    "junta": SourceKind.GOVERNMENT,
    "group": SourceKind.NGO,
    "organisation": SourceKind.NGO,
    "organization": SourceKind.NGO,
    "charity": SourceKind.NGO,
    "ngo": SourceKind.NGO,
    "committee": SourceKind.NGO,
    "network": SourceKind.NGO,
    "union": SourceKind.NGO,
    "association": SourceKind.NGO,
    "spokesman": SourceKind.OFFICIAL,
    "spokeswoman": SourceKind.OFFICIAL,
    "spokesperson": SourceKind.OFFICIAL,
    "minister": SourceKind.OFFICIAL,
    "president": SourceKind.OFFICIAL,
    "governor": SourceKind.OFFICIAL,
    "mayor": SourceKind.OFFICIAL,
    "commander": SourceKind.OFFICIAL,
    "envoy": SourceKind.OFFICIAL,
    "ambassador": SourceKind.OFFICIAL,
    "secretary": SourceKind.OFFICIAL,
    "chief": SourceKind.OFFICIAL,
    "director": SourceKind.OFFICIAL,
    "head": SourceKind.OFFICIAL,
    "leader": SourceKind.OFFICIAL,
    "general": SourceKind.OFFICIAL,
    "prosecutor": SourceKind.OFFICIAL,
    "coordinator": SourceKind.OFFICIAL,
}
# Modifiers that describe any armed group or body and say nothing about which one.
_GENERIC_MODIFIERS = frozenset(
    """
    ethnic armed rebel militant jihadist insurgent separatist islamist extremist armed-
    local regional national federal main largest powerful rival the a an its state news war
    monitoring rights human aid humanitarian
    """.split()  # noqa: SIM905
)
_ALIAS_INDEX: dict[int, tuple[int, dict[str, list[tuple[str, str]]]]] = {}


def _aliases_by_first_word(registry: SourceRegistry) -> dict[str, list[tuple[str, str]]]:
    """Registry aliases longer than three letters, indexed by their first word (cached)."""
    cached = _ALIAS_INDEX.get(id(registry))
    if cached is not None and cached[0] == len(registry.entries):
        return cached[1]
    index: dict[str, list[tuple[str, str]]] = {}
    for name, entry in registry.entries.items():
        for alias in (name, *entry.source.aliases):
            if len(alias) > 3:
                index.setdefault(alias.split(maxsplit=1)[0], []).append((alias, name))
    if len(_ALIAS_INDEX) > 64:
        _ALIAS_INDEX.clear()
    _ALIAS_INDEX[id(registry)] = (len(registry.entries), index)
    return index


_FIRST_WORDS = re.compile(r"[^\s\"\u201c\u201d(]+")
_ANONYMOUS_HEADS = frozenset(
    """
    palestinians israelis ukrainians syrians iraqis yemenis russians civilians locals
    survivors
    bloggers blogger commentators
    adviser advisor advisers advisors aide aides insider insiders negotiator negotiators
    source sources official officials witness witnesses resident residents medic medics
    doctor doctors paramedics diplomat diplomats activist activists people eyewitness
    eyewitnesses relatives villagers survivors security analysts experts
    member members commander commanders fighter fighters militiaman militiamen supporter
    supporters worker workers
    nurse nurses farmer farmers teacher teachers student students driver drivers trader
    traders shopkeeper shopkeepers fisherman fishermen elder elders mother mothers father
    fathers survivor
    """.split()  # noqa: SIM905
)
# Unnamed sources are people; a singular head is one person ("a resident said ...
# '...,' he said" is the resident again), unless it names a group.
_GROUP_NOUNS = frozenset(
    """
    police staff crew media personnel people family public community team committee group
    security military army government press militia
    """.split()  # noqa: SIM905
)
_TITLE_WORDS = frozenset(
    """
    energy economy finance justice education culture agriculture transport infrastructure
    digital information emergency emergencies trade industry labour labor social environment
    intelligence veterans
    president prime minister foreign defence defense interior spokesman spokeswoman
    spokesperson secretary general gen. gen lt. lt col. col maj. maj commander chief
    governor mayor ambassador envoy leader head director deputy vice senior military
    army police health official colonel major lieutenant captain sheikh king prince emir
    chairman coordinator lawmaker senator sen. rep. judge prosecutor dr. dr mr. mrs. ms.
    mr mrs ms pope cardinal brigadier admiral ayatollah security council acting regional
    former top chief rear field marshal lt.gen. maj.gen. brig.gen. staff sgt. sgt
    brig brig. capt capt. cmdr cmdr. adm adm. cpl cpl. brigadier-general major-general
    inspector superintendent constable sergeant corporal commissioner insp. supt.
    ombudsman ombudswoman ombudsperson gov. gov pres. pres
    """.split()  # noqa: SIM905
)
_COUNTRY_DEMONYM = {key.removesuffix("'s"): value for key, value in POSSESSIVE_DEMONYMS.items()}

_SUBJECT = re.compile(
    r"^(?:(?:But|And|Meanwhile|However|Earlier|Later),?\s+)?"
    r"((?:(?:[A-Z][\w'\u2019.-]*|"
    + "|".join(sorted((w for w in _TITLE_WORDS if w.isalpha()), key=len, reverse=True))
    + r")\s+){0,6}[A-Z][\w'\u2019.-]*)\s+(?:[a-z]+ed|spoke|met|was|is|has|had|"
    r"will|would|visited|arrived|left|took|gave|made|went|came|flew|sent|signed)\b"
)
_TRAILING_NAME = re.compile(
    r"(?:^|\s)(?!(?:of|for|the|and|de|al|in|on|at)\s)[a-z][\w-]*\s+((?:[A-Z][\w&'\u2019.-]*\s?){1,4})$"
)


_BODY_HEADS = frozenset(
    """
    ministry agency army military forces command office presidency council committee
    service authority authorities navy guard police prosecutor court parliament government
    """.split()  # noqa: SIM905
)


_CAPITALS = {
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
_COUNTRY_DEMONYM.update(_CAPITALS)
_COUNTRY_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w)
        for w in sorted({*_COUNTRY_DEMONYM, *_COUNTRY_DEMONYM.values()}, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)


def _one_person(description: str) -> bool:
    """'resident', 'nurse at the clinic', 'military source': one unnamed person."""
    head = _head(description.lower())
    return bool(head) and not head.endswith("s") and head not in _GROUP_NOUNS


def _initials(words: list[str]) -> str:
    """'Southern Defence Front' -> 'SDF' (capitalised words only)."""
    return "".join(w[0] for w in words if w[:1].isupper())


def _in_order(letters: str, acronym: str) -> bool:
    """'MJTF' in 'MNJTF': every letter found, in order (an acronym may skip or add)."""
    rest = iter(acronym)
    return all(letter in rest for letter in letters)


_PLACE_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PLACE_DEMONYM = {
    " ".join(_PLACE_TOKEN.findall(key.replace("-", " "))): value
    for key, value in (
        *((v, v) for v in _COUNTRY_DEMONYM.values()),
        *_COUNTRY_DEMONYM.items(),
    )
}


# First words of the names of more than one word: only these open a longer n-gram.
_PLACE_FIRST_WORDS = frozenset(key.split()[0] for key in _PLACE_DEMONYM if " " in key)


@functools.lru_cache(maxsize=4096)
def _demonyms_in(text: str) -> tuple[str, ...]:
    """Demonyms of the countries and capitals named in ``text``, in order (cached: the
    same sentence and report head are asked about for every description)."""
    if not text:
        return ()
    # Word n-grams looked up in a dict: much faster than one regex of 300 alternatives.
    words = [
        w[:-2] if w.endswith("'s") else w
        for w in _PLACE_TOKEN.findall(text.lower().replace("\u2019", "'"))
    ]
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1) if words[i] in _PLACE_FIRST_WORDS else (1,):
            gram = " ".join(words[i : i + size])
            demonym = _PLACE_DEMONYM.get(gram)
            if demonym is not None and len(gram.split()) == size:
                found.append(demonym)
                i += size
                break
        else:
            i += 1
    return tuple(found)


# Countries and capitals speak for their governments ("Kigali denies").
_STATE_BY_PLACE = {
    place: demonym.title()
    for place, demonym in (
        *((k.removesuffix("'s"), v) for k, v in POSSESSIVE_DEMONYMS.items()),
        *_CAPITALS.items(),
    )
    if place not in ("gaza", "palestine")
}


_PORTFOLIO = (
    r"(?:foreign(?:\s+affairs)?|(?:national\s+)?defen[cs]e|interior|internal\s+affairs|"
    r"health|information|justice|finance|security|public\s+security|energy|education|"
    r"home\s+affairs|emergency\s+situations|emergencies)"
)
_MINISTRY_OF = re.compile(rf"^ministry\s+of\s+(?:the\s+)?({_PORTFOLIO})\s+of\s+(?:the\s+)?(.+)$")
_DEMONYM_MINISTRY_OF = re.compile(rf"^(.+?)\s+ministry\s+of\s+(?:the\s+)?({_PORTFOLIO})$")
_MINISTRY_OF_COUNTRY = re.compile(rf"^({_PORTFOLIO})\s+ministry\s+of\s+(?:the\s+)?(.+)$")
_PORTFOLIO_CANON = {
    "foreign affairs": "foreign",
    "national defence": "defence",
    "national defense": "defence",
    "defense": "defence",
    "internal affairs": "interior",
    "home affairs": "interior",
    "emergency situations": "emergencies",
}


_DEMONYM_VALUES = frozenset(POSSESSIVE_DEMONYMS.values())


_REPUBLIC_OF = re.compile(r"^(?:the\s+)?(?:[a-z]+\s+){0,2}republic\s+of\s+(?:the\s+)?")


def _demonym_of(country: str) -> str:
    country = _REPUBLIC_OF.sub("", country)  # "the republic of armenia" -> "armenia"
    if country in POSSESSIVE_DEMONYMS.values():
        return country
    return _COUNTRY_DEMONYM.get(country, "")


def canonical_body(normal: str) -> str:
    """One wording for a national ministry: 'ministry of defense of kenya', 'kenyan ministry
    of defence', 'defence ministry of kenya' and 'kenyan national defence ministry' all
    become 'kenyan defence ministry'; anything else is returned unchanged."""
    portfolio = demonym = ""
    match = _MINISTRY_OF.match(normal)
    if match:
        portfolio, demonym = match.group(1), _demonym_of(match.group(2))
    elif (match := _DEMONYM_MINISTRY_OF.match(normal)) is not None:
        demonym, portfolio = _demonym_of(match.group(1)), match.group(2)
    elif (match := _MINISTRY_OF_COUNTRY.match(normal)) is not None:
        portfolio, demonym = match.group(1), _demonym_of(match.group(2))
    else:
        words = normal.split()
        lead = 2 if " ".join(words[:2]) in _DEMONYM_VALUES else 1
        if (
            len(words) >= lead + 2
            and words[-1] == "ministry"
            and (lead == 2 or words[0] in _DEMONYM_VALUES)
        ):
            middle = " ".join(words[lead:-1])
            demonym = " ".join(words[:lead])
            return f"{demonym} {_PORTFOLIO_CANON.get(middle, middle)} ministry"
        return normal
    if not demonym:
        return normal
    portfolio = " ".join(portfolio.split())
    return f"{demonym} {_PORTFOLIO_CANON.get(portfolio, portfolio)} ministry"


def _national_body(normal: str, head: str) -> str:
    """'Ukraine's energy ministry' -> 'Ukrainian Energy Ministry', else ''.

    A state body named from its country gets one canonical spelling, so the
    possessive and adjective forms of the same ministry in two reports agree.
    """
    normal = canonical_body(normal)
    words = normal.split()
    if head not in _BODY_HEADS or len(words) < 2 or len(words) > 5:
        return ""
    two_word = " ".join(words[:2]) in _DEMONYM_VALUES and len(words) > 2
    if not (words[0] in _DEMONYM_VALUES or two_word) or any(
        w in ("of", "for", "in", "at", "from", "and") for w in words
    ):
        return ""
    words = ["defence" if w == "defense" else w for w in words]  # one spelling, as the registry
    return " ".join(w[:1].upper() + w[1:] for w in words)


_OWNED_UNIT = re.compile(r"['\u2019]s\s+((?:[A-Z][\w'\u2019.-]*\s?){1,4})$")


def _owned_unit(phrase: str) -> re.Match[str] | None:
    """ "the Navy's Fifth Fleet" -> the unit; not a bare office ("the Ombudsman's Office"
    is the ombudsman's own body, not a source called "Office")."""
    owned = _OWNED_UNIT.search(phrase)
    if owned is None or owned.group(1).strip().lower() in _GENERIC_UNITS:
        return None
    return owned


_SPOKES_ROLE = re.compile(
    r"\s+(?:spokesman|spokeswoman|spokesperson|press\s+office)$", re.IGNORECASE
)
_NOT_NAME_WORDS = frozenset(
    """
    ministry agency observatory media news network council forces army front brigade brigades
    committee union department office for of navy fleet states united nations kingdom republic
    corps guard guards police party movement institute university bank company group centre
    center command authority court mission organisation organization federation association
    """.split()  # noqa: SIM905
)
_SUB_BODY_HEADS = frozenset(
    "mission office council committee panel commission court tribunal department ministry".split()  # noqa: SIM905
)


_GENERIC_UNITS = _SUB_BODY_HEADS | frozenset(
    "agency authority service directorate bureau administration secretariat".split()  # noqa: SIM905
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_INDEFINITE = re.compile(r"^(?:a|an)\s", re.IGNORECASE)
_FINAL_STOP = re.compile(r"(?<=[a-z]{2})\.$")  # "the ministry." but not "U.S."


def _strip_article(phrase: str) -> str:
    return _ARTICLE.sub("", phrase.strip())


def _names_a_country(place: str) -> bool:
    """ "Ethiopia" names a country; "Khyber Pakhtunkhwa", listed under Pakistan, a region."""
    demonym = _PLACE_DEMONYM.get(place)
    return demonym is not None and place in _COUNTRY_NAMES.get(demonym, (place,))


def _lower_first(name: str) -> str:
    """'Residents' -> 'residents': a sentence-initial capital is not part of a name."""
    first, _, rest = name.partition(" ")
    proper = (
        bool(rest)
        # "Residents of Um Sumeima" is a description, "Ministry of Defence" a name
        and (rest[:1].isupper() or first.lower() not in _ANONYMOUS_HEADS)
        and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in rest.split())
    )
    if first.lower() in NP_WORDS and first[1:].islower() and not _demonym(first) and not proper:
        first = first.lower()
    return f"{first} {rest}".strip()


_POST_MODIFIER = re.compile(
    r"(?<=\w)\s+(?:of|for|at|in|from|with|on|near|inside|close\s+to|familiar\s+with)\s+"
)
_WORDS = re.compile(r"[a-z][a-z'-]*")
_AFFILIATION = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:analysts?|experts?|researchers?|spokesman|spokeswoman|"
    r"spokesperson|spokespeople)\s+(?:at|from|with|for)\s+(?=(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
_ROLE_TITLES = frozenset(
    """
    governor mayor president minister spokesman spokeswoman spokesperson commander chief
    envoy ambassador director secretary leader chairman coordinator prosecutor general
    """.split()  # noqa: SIM905
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
_PARTITIVE = re.compile(r"^(?:one|two|some|several|another|many|most)\s+of\s+", re.IGNORECASE)
_DOCUMENT_HEADS = frozenset(
    "statement communique report bulletin post message update release video".split()  # noqa: SIM905
)
_QUANTIFIERS = frozenset(
    "the a an one two three four five several some many various other another multiple".split()  # noqa: SIM905
)
_APPOSITIVE = re.compile(r"\s*,\s*")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_RELATIVE = re.compile(r",?\s+(?:who|which|that)\b.*$")
_NAME_RUN = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'\u2019.-]*|al-[A-Z][\w'\u2019-]*|al|el|bin|ibn|abu|de|van|von)"
    r"(?:\s+(?:[A-Z][\w'\u2019.-]*|al-[A-Z][\w'\u2019-]*|al|el|bin|ibn|abu|de|van|von|Al|Abu))*)$"
)
_CAPITAL_WORD = re.compile(r"^[A-Z][a-z]")
_TITLED_PERSON = re.compile(
    r"((?:[A-Z][\w'\u2019]*|\w+'s)\s+(?:[Pp]rime\s+[Mm]inister|[Pp]resident))\s+"
    r"((?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)(?:\s+(?:[A-Z][\w'\u2019-]+|"
    r"al-[A-Z][\w-]+|al|bin|abu)){1,3})"
)
_OUTLET_STAFF = frozenset(
    """
    reporter reporters journalist journalists correspondent correspondents witness witnesses
    photographer photographers cameraman cameramen crew crews team teams staff
    """.split()  # noqa: SIM905
)
# Titles that may follow a place name inside a run of capitals ("Nasir County Commissioner").
_INNER_TITLES = frozenset(
    """
    commissioner administrator governor mayor spokesman spokeswoman spokesperson minister
    commander chief director general colonel president secretary envoy ambassador
    region province oblast county district governorate territory
    """.split()  # noqa: SIM905
)
_ORG_NAME_WORDS = frozenset(
    """
    nations mission office agency organization organisation programme program fund council
    court commission committee union department ministry secretary-general force forces
    """.split()  # noqa: SIM905
)
# Bodies that "the X" names for the country of the dateline ("the defence ministry").
_HOME_BODY_HEADS = frozenset(
    "ministry army military navy presidency junta government".split()  # noqa: SIM905
)
_THE_COUNTRY = re.compile(r"^(?:the\s+)?(?:country|nation)['\u2019]s\s+", re.IGNORECASE)
_BARE_APPOSITIVE = re.compile(
    r"^((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)\s+((?:a|an)\s+[a-z].*)$"
)
_PROPER_APPOSITIVE = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}")
_BARE_SPOKESMAN = frozenset({"the spokesman", "the spokeswoman", "the spokesperson"})
_ROLE_OF_BODY = re.compile(
    r"^(?:the\s+|an?\s+)?(?:official\s+|military\s+)?(?:spokesman|spokeswoman|spokesperson)"
    r"\s+(?:of|for)\s+(the\s+[A-Z][^,]*)$",
    re.IGNORECASE,
)
_ROLE_FOR = re.compile(
    r"^(?:a|the)\s+(?:spokesman|spokeswoman|spokesperson|leader|commander)\s+(?:for|of)\s+"
)
_PERSON_OFFICE = re.compile(r"^(his|her|their)\s+office$")
_OWNER_ROLE = re.compile(
    r"^(?:(its)|the\s+((?:military\s+|ruling\s+|interim\s+|transitional\s+)?"
    r"(?:group|movement|militia|organisation|organization|alliance|coalition|"
    r"army|military|ministry|rebels|insurgents|faction|government|junta|agency|network|"
    r"monitor|observatory))(?:'s|')?)\s+(?:top\s+|chief\s+|military\s+|official\s+|main\s+)?"
    r"(?:(leader|spokesman|spokeswoman|spokesperson|chief|head|commander|founder|emir)|"
    r"media\s+(?:wing|office|arm|centre|center|cell)|press\s+(?:office|service|wing)|"
    r"information\s+(?:team|office|service|department))$"
)
# A person named as the speaker of the next sentence: '..." Abdul Malik al-Houthi said'.
_NEXT_SPEAKER = re.compile(
    r"^\s*[^\n]*?[,\"\u201d]\s+((?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)"
    r"(?:\s+(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)){1,4})\s+(?:said|says|added|told)\b"
)
# The same, inverted: '"...," said Lway Yay Oo, who speaks for the group.'
_NEXT_SPEAKER_AFTER = re.compile(
    r"^\s*[^\n]*?[,\"\u201d]\s+(?:said|says|added)\s+((?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+)"
    r"(?:\s+(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)){1,4})(?=\s*[,.;]|\s*$)"
)


def _next_speaker(ahead: str) -> str:
    """The name that speaks in the text just ahead ('..., Name said' or '..., said Name')."""
    found = _NEXT_SPEAKER.search(ahead) or _NEXT_SPEAKER_AFTER.search(ahead)
    return found.group(1) if found else ""


# "the civil defence agency in the Gaza Strip", "the UN mission in the country".
_VARIANT_HINT = re.compile(r" in |health|regional|state |provincial|mission|force")
_SPOKES_FOR = re.compile(r"^(?:spokesman|spokeswoman|spokesperson)\s+(?:for|of)\s+(?:the\s+)?")
_IN_PLACE = re.compile(r"^(.+?)\s+in\s+(?:the\s+)?(.+)$")
_PLACE_TAIL = re.compile(r"\s+(?:strip|region|province|state|territory|city|governorate)$")
_THE_HOME = frozenset({"country", "area", "region", "territory", "nation"})
_HEALTH_OFFICIALS = re.compile(r"^(?:(.+)\s+)?health\s+(?:officials|authorities)$")
# "the regional government's security ministry": the region the report names.
_REGIONAL = re.compile(
    r"\b(?:regional|state|provincial)\s+(?:government|administration|authorities)\b"
)
_REGIONAL_FORMS = (
    "{} government",
    "{} regional government",
    "{} state government",
    "{} interim administration",
    "{} regional administration",
    "{} authorities",
)
_PLACE_MODIFIER = re.compile(r"\s(?:in|at|near|from|of)\s")
# "Oromiya region", "Khyber Pakhtunkhwa province", "North Kordofan state" (not "The ...").
_REGION_NAMED = re.compile(
    r"\b((?:(?!(?:The|A|An|In|On|At|From|Its|Their)\b)[A-Z][a-z][\w-]+\s+){0,2}"
    r"(?!(?:The|A|An|In|On|At|From|Its|Their)\b)[A-Z][a-z][\w-]+)\s+(region|state|province)\b"
)
_LEVELS = {"region": "Regional", "state": "State", "province": "Provincial"}
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]+")
# Heads of organisation names; a proper name ending in one is a body of its own, even when
# it opens with a listed owner ("U.S. Africa Command" is not the United States).
_ORG_NAME_HEADS = frozenset(
    """
    command commission agency authority forces force army police front movement mission
    office committee network observatory coalition group brigade brigades corps council
    service directorate division administration centre center guard
    """.split()  # noqa: SIM905
)
# Ranks may come with a name whose office was given before ("the army chief of staff said
# ... General Oumar Diarra said"); another office introduces another person.
_RANKS = frozenset(
    """
    general gen colonel col major maj lieutenant lt captain capt brigadier brig commander cmdr
    admiral adm sergeant sgt inspector superintendent supt insp dr mr mrs ms brigadier-general
    major-general lt.gen maj.gen brig.gen
    """.split()  # noqa: SIM905
)
# Offices held by one person, and the body words that end a title before a name
# ("Bannu District Police Officer Saleem Abbas Kulachi").
_PERSON_TITLES = frozenset(
    """
    superintendent officer head commissioner administrator director chief inspector
    governor mayor spokesman spokeswoman spokesperson commander administration police
    """.split()  # noqa: SIM905
)


def _title_word(word: str) -> bool:
    """A title word, also hyphenated ranks ("Maj-Gen", "Lt-Col")."""
    lowered = word.lower().rstrip(".,")
    if lowered in _TITLE_WORDS:
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and all(p.rstrip(".") in _TITLE_WORDS for p in parts)


_LOCAL_TITLES = frozenset(
    "commissioner administrator prefect councillor councilor elder chief".split()  # noqa: SIM905
)
_NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "in", "de", "&"})
# A name defined before its acronym: "the Multinational Joint Task Force (MNJTF)".
_DEFINITION = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*\s+(?:(?:of|for|the|and|on|in|de)\s+)*){0,7}"
    r"[A-Z][\w'\u2019.-]*)\s*\($"
)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}s?")
_COUNTRY_NAMES: dict[str, list[str]] = {}
for _key, _value in POSSESSIVE_DEMONYMS.items():
    _COUNTRY_NAMES.setdefault(_value, []).append(_key.removesuffix("'s").removesuffix("'"))


@dataclass(frozen=True, slots=True)
class Resolved:
    """A canonical source with the kind the report suggests for it."""

    name: str
    kind: SourceKind


_COMPOUND_HEADS: dict[str, str] = {
    "monitoring group": "monitor",
    "monitoring organisation": "monitor",
    "monitoring organization": "monitor",
    "war monitor": "monitor",
    "rights group": "monitor",
    "rights monitor": "monitor",
    "human rights group": "monitor",
    "aid group": "charity",
    "aid agency": "charity",
    "relief agency": "charity",
    "news agency": "agency",
    "militant group": "militia",
    "armed group": "militia",
    "rebel group": "militia",
    "health ministry": "ministry",
    "health authorities": "authorities",
}


def _head_word(phrase: str) -> str:
    """The head word as written ("agency" in "Israel's military agency in charge of ..."),
    to tell a description (lower-case head) from a name."""
    before = _POST_MODIFIER.split(phrase, maxsplit=1)[0].split()
    return before[-1] if before else ""


@functools.lru_cache(maxsize=8192)
def _head(phrase: str) -> str:
    """The head noun: before a post-modifier ("ministry" in "health ministry in Gaza")."""
    lowered = _POST_MODIFIER.split(phrase.lower(), maxsplit=1)[0].strip() or phrase.lower()
    for compound, head in _COMPOUND_HEADS.items():
        if lowered.endswith(compound):
            return head
    words = _WORDS.findall(lowered)
    while words and words[-1] in ("said", "says"):
        words.pop()
    return words[-1].removesuffix("'s") if words else ""


class MentionResolver:
    """Resolves speaker phrases of one report to canonical source names."""

    def __init__(self, registry: SourceRegistry, text: str = "", history: int = 32) -> None:
        self.registry = registry
        self.text = text
        self.recent: deque[Resolved] = deque(maxlen=history)
        self.local_aliases: dict[str, str] = {}
        self.context = ""  # the sentence being read, for "the military" -> whose military
        self.titles: dict[str, str] = {}  # "governor" -> the last governor named
        self.title_words: dict[str, frozenset[str]] = {}  # words of a person's title
        self.surnames: dict[str, str] = {}  # "al-maliki" -> the listed source he speaks for
        self._definitions: dict[str, str | None] = {}  # acronyms defined in the text
        self._named_cache: dict[tuple[str, str], bool] = {}
        self._alias_cache: dict[tuple[str, str], str | None] = {}

    # -- memory ------------------------------------------------------------
    def note(self, resolved: Resolved) -> None:
        """Record a speaker as the most recent one (pronouns and short forms look here)."""
        if self.recent and self.recent[-1] == resolved:
            return
        if resolved in self.recent:  # (a failed remove() would format its repr)
            self.recent.remove(resolved)
        self.recent.append(resolved)

    def _kind_of(self, name: str) -> SourceKind:
        source = self.registry.get(name)
        return source.kind if source else SourceKind.UNKNOWN

    def _known(self, name: str) -> Resolved:
        return Resolved(name, self._kind_of(name))

    # -- resolution ----------------------------------------------------------
    def resolve(self, phrase: str, position: int = 0) -> Resolved | None:
        """Canonical source for one speaker phrase, or None if it is not a speaker."""
        phrase = _FINAL_STOP.sub("", phrase.strip(' ,;:"\u201c\u201d'))
        phrase = phrase.replace("\u2019", "'")  # "the military\u2019s media wing"
        if not phrase:
            return None
        for match in _PAREN_ACRONYM.finditer(phrase):
            acronym = match.group(1)
            before = phrase[: match.start()].strip()
            target = self.resolve(before, position) if before else None
            if target is not None and target.name not in self.registry.entries:
                # "Rwanda's defence force (RDF)": the listed RDF, when its names share the
                # words of the one written ("Southern Defence Front (SDF)" is not the SDF).
                listed = self.registry.lookup_alias(acronym.lower(), acronym)
                if listed is not None and (
                    self._same_words(before, listed)
                    or normalise_mention(target.name)
                    != normalise_mention(_strip_article(before))  # "Fund" of "Children's Fund"
                ):
                    target = self._known(listed)
            elif target is not None and not self._same_words(before, target.name):
                listed = self.registry.lookup_alias(acronym.lower(), acronym)
                if listed is not None and listed != target.name:
                    # "the UN children's fund (UNICEF)": the listed acronym, not the UN.
                    target = self._known(listed)
                elif listed is None and before[:1].isupper() and len(before.split()) >= 3:
                    # "The West Papua National Liberation Army (TPNPB)" is not the listed
                    # "National Liberation Army" (ELN) inside its name: a body of its own.
                    own = _strip_article(before)
                    kind = _KIND_BY_HEAD.get(_head(own.lower()), target.kind)
                    target = self._discover(own, kind)
            if target is not None:
                self.local_aliases[acronym.lower()] = target.name
                self._alias_cache.clear()
                rest = phrase[match.end() :].strip()
                if rest.startswith(",") and self._titled_name(rest.strip(" ,")):
                    # "The spokesperson of the Kurdistan Regional Government (KRG),
                    # Peshawa Hawramani": the person in apposition speaks.
                    phrase = f"{before}{phrase[match.end() :]}"
                    break
                return target
        phrase = _PARTITIVE.sub("", phrase)
        bare_acronym = phrase[4:] if phrase[:4].lower() == "the " else phrase
        if " " not in bare_acronym and _ACRONYM.fullmatch(bare_acronym):
            defined = self._defined(bare_acronym)
            if defined is not None:
                return self._known(defined)  # "MNJTF said", defined earlier
        if _ROLE_FOR.match(phrase.lower()):
            # "a spokesman for the group told Reuters ... '...,' Colonel Naw Bu said."
            next_name = _next_speaker(self.text[position : position + 400])
            if len(next_name.split()) >= 2:
                name = self._personal_name(next_name) or next_name
                known = self.registry.lookup_alias(normalise_mention(name), name)
                return self._known(known) if known else self._discover(name, SourceKind.OFFICIAL)
        phrase = _AFFILIATION.sub("", phrase)  # "analysts at the Institute for ..." -> the body
        lowered = _OBJECT_PRONOUNS.get(phrase.lower(), phrase.lower())
        if lowered in PRONOUNS:
            return self._pronoun(lowered)
        country = _THE_COUNTRY.match(phrase)
        if country:
            # "The country's Ombudsman's Office": the country the report is about.
            demonym = self._country_demonym()
            if demonym:
                phrase = f"{demonym.title()} {phrase[country.end() :]}"
                lowered = phrase.lower()
        office = _PERSON_OFFICE.match(lowered)
        if office:
            return self._office_of(office.group(1), position)
        if lowered in _BARE_SPOKESMAN and "spokesman" not in self.titles and self.recent:
            # "The spokesman said" after "the Official Spokesman of the Armed Forces said".
            last = self.recent[-1]
            if last.kind is not SourceKind.ANONYMOUS:
                return last
        role_of = _ROLE_OF_BODY.match(phrase)
        if role_of:
            # "the Official Spokesman of the Armed Forces": the body speaks.
            body = self.resolve(role_of.group(1), position)
            if body is not None and body.name in self.registry.entries:
                return body
        owned_role = _OWNER_ROLE.match(lowered)
        if owned_role:
            found = self._owner_role(
                owned_role.group(1) or owned_role.group(2), position, bool(owned_role.group(3))
            )
            if found is not None:
                return found
        if _head(lowered) in _DOCUMENT_HEADS and len(lowered.split()) <= 3 and self.recent:
            # "the statement said": the document speaks for the last source.
            return self.recent[-1]
        bare = _BARE_APPOSITIVE.match(phrase)
        if bare and self._personal_name(bare.group(1)) == bare.group(1):
            # Stripped commas: "Musa Bello a resident who lost two brothers".
            phrase = f"{bare.group(1)}, {bare.group(2)}"
        parts = _APPOSITIVE.split(_RELATIVE.sub("", phrase), maxsplit=1)
        main = parts[0].strip()
        appositive = parts[1].strip() if len(parts) > 1 else ""
        if appositive and self._titled_name(appositive):
            # "A senior Hamas official, Basem Naim", "the spokesman of the Coalition,
            # Brigadier General Turki al-Maliki": the person is the source.
            main, appositive = appositive, main
        found = self._resolve_main(main, appositive, position)
        if appositive and (
            found is None
            or bool(_WORDS.fullmatch(_head_word(main)))  # a description, not a name
            or (
                found.name not in self.registry.entries
                and (found.kind not in _PERSON_KINDS or not self._personal_name(found.name))
            )
        ):
            # "The UN mission in the country, MONUSCO, said": the listed name wins.
            normal = normalise_mention(appositive)
            listed = self.registry.lookup_alias(normal, _strip_article(appositive))
            if listed:
                return self._known(listed)
            if _PROPER_APPOSITIVE.fullmatch(appositive) and bool(
                _WORDS.fullmatch(_head_word(main))
            ):
                # "the field's operator, HKN Energy, said": the name, not the description.
                return self._discover(
                    appositive,
                    _KIND_BY_HEAD.get(_head(normal), found.kind if found else SourceKind.UNKNOWN),
                )
        if found is None and appositive:
            found = self._resolve_main(appositive, "", position)
        return found

    def _country_demonym(self, dateline_first: bool = False) -> str:
        texts = (self.text[:80], self.context, self.text[:600])
        for text in texts if dateline_first else texts[1:]:
            found = _demonyms_in(text)
            if found:
                return found[0]
        return ""

    def _named_with(self, name: str, head: str) -> bool:
        """True when one of the names of ``name`` contains the word ``head``."""
        key = (name, head)
        found = self._named_cache.get(key)
        if found is None:
            source = self.registry.get(name)
            names = (name, *(source.aliases if source else ()))
            found = any(head in normalise_mention(n).split() for n in names)
            self._named_cache[key] = found
        return found

    def _office_of(self, pronoun: str, position: int) -> Resolved | None:
        """'his office said' after a named person: that person, or the office the registry
        lists for the title the person was given ("Iraq's prime minister ... his office"
        -> the Iraqi prime minister's office, an alias of the Iraqi Government)."""
        titled = _TITLED_PERSON.search(self.context)
        if titled:
            office = normalise_mention(titled.group(1)) + "'s office"
            known = self.registry.lookup_alias(office, office)
            if known:
                return self._known(known)
            name = titled.group(2).strip()
            listed = self.registry.lookup_alias(normalise_mention(name), name)
            return self._known(listed) if listed else self._discover(name, SourceKind.OFFICIAL)
        person = self._pronoun("he" if pronoun != "their" else "they")
        if person is None:
            return None
        if person.kind in _PERSON_KINDS:
            before = self.text[max(0, position - 3000) : position]
            at = before.rfind(person.name)
            if at >= 0:
                lead = before[max(0, at - 60) : at]
                title = re.search(
                    r"((?:[A-Z][\w'\u2019]*|\w+'s)\s+(?:[Pp]rime\s+[Mm]inister|[Pp]resident))\s*$",
                    lead,
                )
                if title:
                    office = normalise_mention(title.group(1)) + "'s office"
                    known = self.registry.lookup_alias(office, office)
                    if known:
                        return self._known(known)
        return person

    def _owner_role(self, owner: str, position: int, person: bool = True) -> Resolved | None:
        """'the group's leader', 'its spokesman': the person named just after, when the
        next sentence names one ('... Abdul Malik al-Houthi said'), else the owner body."""
        ahead = self.text[position : position + 400]
        next_name = _next_speaker(ahead) if person else ""
        if next_name:
            name = next_name
            known = self.registry.lookup_alias(normalise_mention(name), name)
            if known:
                return self._known(known)
            if len(name.split()) >= 2 and not (set(name.lower().split()) & _NOT_NAME_WORDS):
                return self._discover(name, SourceKind.OFFICIAL)
        if owner == "its":
            body = self._pronoun("it")
        else:
            body = self._describe(f"the {owner}", normalise_mention(owner), position)
        if (
            body is not None
            and body.kind not in _PERSON_KINDS
            and (body.name in self.registry.entries or body in self.recent)
        ):
            return body
        return None

    def note_subject(self, sentence: str) -> None:
        """Remember a known source or titled person opening a sentence that is not a claim.

        "Putin spoke on Thursday. '...,' he said." needs Putin in memory for "he".
        Only registry names and titled people count: a description here could be
        anything ("The ceasefire agreement"), and guessing would mislead pronouns.
        """
        match = _SUBJECT.match(sentence)
        if match is None:
            return
        phrase = match.group(1)
        normal = normalise_mention(phrase)
        original = _ARTICLE.sub("", phrase)
        name = self.registry.lookup_alias(normal, original)
        if name is None:
            person = self._personal_name(phrase)
            if person and len(phrase.split()) > len(person.split()):
                name = self.registry.lookup_alias(normalise_mention(person), person)
                if name is None:
                    resolved = self._discover(person, SourceKind.OFFICIAL)
                    self.note(resolved)
                    return
        if name is not None:
            self.note(self._known(name))

    def _remember_titles(self, person: str, description: str) -> None:
        """'Kharkiv governor Oleh Syniehubov': later "the governor" means him."""
        words = _WORDS.findall(description.lower())
        for word in words:
            if word in _ROLE_TITLES or word in _LOCAL_TITLES:
                self.titles[word] = person
                self.title_words[person] = frozenset(words)

    def _by_title(self, normal: str) -> Resolved | None:
        words = normal.split()
        if not words or len(words) > 5:
            return None
        head = words[-1] if len(words) <= 3 and words[-1] in _ROLE_TITLES else _head(normal)
        person = self.titles.get(head)
        if person is None:
            return None
        if head != words[-1] and not set(_WORDS.findall(normal)) <= self.title_words.get(
            person, frozenset()
        ):
            return None  # "the mayor of Kyiv" is not the mayor of Kharkiv named before
        return next((r for r in reversed(self.recent) if r.name == person), None)

    def _is_organisation(self, resolved: Resolved) -> bool:
        """Bodies, including UN bodies listed as 'official' ("UNMISS"), not people."""
        if resolved.kind not in _PERSON_KINDS:
            return True
        if resolved.name not in self.registry.entries:
            return False
        words = set(resolved.name.lower().split())
        return resolved.name.isupper() or bool(words & _ORG_NAME_WORDS)

    def _pronoun(self, pronoun: str) -> Resolved | None:
        wanted = _PERSON_KINDS if pronoun in ("he", "she", "i") else None
        for resolved in reversed(self.recent):
            # A listed body that spoke through a named person ("Yahya Saree" is the
            # Houthis): "he" is the person, "it" the body.
            listed = self.registry.entries.get(resolved.name)
            through_person = (
                listed is not None
                and resolved.kind in _PERSON_KINDS
                and listed.source.kind not in _PERSON_KINDS
            )
            organisation = through_person or self._is_organisation(resolved)
            if wanted is not None:
                if resolved.kind in wanted and (through_person or not organisation):
                    return resolved
                if resolved.kind is SourceKind.ANONYMOUS and _one_person(resolved.name):
                    return resolved
            elif pronoun in ("it", "its"):
                if organisation:
                    return resolved
            else:
                return resolved
        return None

    def _alias_in(self, phrase: str, original: str) -> str | None:
        """Longest (then rightmost) registry alias or description inside ``phrase``."""
        key = (phrase, original)
        if key not in self._alias_cache:
            if len(self._alias_cache) > 4096:
                self._alias_cache.clear()
            self._alias_cache[key] = self._alias_scan(phrase, original)
        return self._alias_cache[key]

    def _alias_scan(self, phrase: str, original: str) -> str | None:
        words = phrase.split()
        originals = original.replace("\u2019", "'").split()
        if len(originals) != len(words):
            originals = words
        limit = min(len(words), self.registry.max_alias_words)
        for size in range(limit, 0, -1):
            for start in range(len(words) - size, -1, -1):
                gram = " ".join(words[start : start + size])
                raw = " ".join(originals[start : start + size]).strip(",.;:")
                gram = gram.strip(",;:")
                name = self.registry.lookup_alias(gram, raw)
                if name is None and gram.endswith("'s"):
                    name = self.registry.lookup_alias(gram[:-2], raw[:-2])
                if name is None:
                    name = self.registry.lookup_description(gram)
                if name is None:
                    name = self.local_aliases.get(gram) if raw.isupper() else None
                if name is not None:
                    return name
        return None

    def _same_words(self, phrase: str, name: str) -> bool:
        """True when one of the names of ``name`` has every content word of ``phrase``."""
        wanted = {
            w.removesuffix("'s")
            for w in _WORDS.findall(phrase.lower().replace("\u2019", "'"))
            if w not in ("the", "a", "an", "of", "for", "and")
        }
        source = self.registry.get(name)
        for alias in (name, *(source.aliases if source else ())):
            if wanted and wanted <= set(_WORDS.findall(alias.lower())):
                return True
        return False

    def _titled_name(self, phrase: str) -> bool:
        """True for a personal name with nothing but titles before it ("Brigadier General
        Yahya Saree", "Basem Naim"), not for a description that holds a name."""
        person = self._personal_name(phrase)
        if not person:
            return False
        lead = phrase.strip()[: len(phrase.strip()) - len(person)].split()
        return all(w.lower().rstrip(".,") in _TITLE_WORDS or _demonym(w) for w in lead)

    def _lookup_listed(self, candidate: str) -> str | None:
        normal = normalise_mention(candidate)
        return self.registry.lookup_alias(normal, candidate) or self.registry.lookup_description(
            normal
        )

    def _home_places(self) -> list[str]:
        """Names of the country the report is about ("in the country")."""
        demonym = self._country_demonym(dateline_first=True)
        return list(_COUNTRY_NAMES.get(demonym, ())) if demonym else []

    def _listed_variant(self, normal: str, position: int) -> str | None:
        """A listed body named another way: "the civil defence agency in the Gaza Strip"
        ("Gaza civil defence agency"), "Gaza health officials" (the Gaza Health Ministry),
        "the UN mission in the country" (the UN mission in the report's country)."""
        if not _VARIANT_HINT.search(normal):
            return None  # most phrases: nothing to re-read (a cheap test first, for speed)
        pairs: list[tuple[str, str]] = []
        health = _HEALTH_OFFICIALS.match(normal)
        if health and health.group(1):
            pairs.append(("health ministry", health.group(1)))
        match = _IN_PLACE.match(normal) if " in " in normal else None
        if match:
            body, place = match.group(1), match.group(2)
            if _HEALTH_OFFICIALS.match(body):
                body = "health ministry"  # "health authorities in Gaza"
            places = self._home_places() if place in _THE_HOME else [place]
            short = _PLACE_TAIL.sub("", place)
            if short != place:
                places.append(short)
            pairs.extend((body, p) for p in places)
        body_of = _SPOKES_FOR.sub("", normal)
        if (
            not match
            and _head(body_of) in ("mission", "force")
            and body_of.split()[0] in ("un", "u.n.", "united", "eu", "european", "african", "au")
        ):
            # "a spokeswoman for the U.N. peacekeeping mission" in a Goma report.
            pairs.extend((body_of, place) for place in self._home_places())
        for body, place in pairs:
            for candidate in (f"{body} in {place}", f"{place} {body}", f"{place}'s {body}"):
                found = self._lookup_listed(candidate)
                if found is None and body.endswith("ministry"):
                    found = self._lookup_listed(canonical_body(normalise_mention(candidate)))
                if found is not None:
                    return found
        if _REGIONAL.search(normal):
            return self._region_named()
        return None

    def _region_named(self) -> str | None:
        """The listed regional government of a region the sentence or the report's head
        names ("Puntland forces killed ..., the regional government's security ministry
        said" -> Puntland)."""
        for text in (self.context, self.text[:600]):
            for word in _CAPITALISED.findall(text):
                for place in (word, *_COUNTRY_NAMES.get(word.lower(), ())):
                    for form in _REGIONAL_FORMS:
                        found = self._lookup_listed(form.format(place))
                        if found is not None and self._regional_government(found):
                            return found
        named = _REGION_NAMED.search(self.context) or _REGION_NAMED.search(self.text[:600])
        if named is not None and not _names_a_country(named.group(1).lower()):
            # "Ethiopia's Oromiya region ..., the regional government said": not listed,
            # named as "<Region> Regional Government".
            level = _LEVELS[named.group(2).lower()]
            return self._discover(
                f"{named.group(1)} {level} Government", SourceKind.GOVERNMENT
            ).name
        return None

    def _regional_government(self, name: str) -> bool:
        """A listed government that is not a country's ("Somali Government" is national)."""
        if self._kind_of(name) is not SourceKind.GOVERNMENT:
            return False
        first = name.split()[0].lower()
        return not (name.endswith("Government") and first in _DEMONYM_VALUES) and (
            first not in _STATE_BY_PLACE or name.endswith(("Regional Government", "Administration"))
        )

    def _regional(self, normal: str, inside: str) -> str | None:
        """ "Puntland's security ministry": a ministry of a listed regional government is
        that government (a country's ministry is named as a national body instead)."""
        if _head(normal) not in ("ministry", "department", "office", "bureau"):
            return None
        if self._kind_of(inside) is not SourceKind.GOVERNMENT:
            return None
        owner = normal.split()[0].removesuffix("'s")
        if owner in _PLACE_DEMONYM or owner in _STATE_BY_PLACE:
            return None
        for form in _REGIONAL_FORMS[:2]:
            if self._lookup_listed(form.format(owner)) == inside:
                return inside
        return None

    def _proper_org_name(self, original: str, head: str) -> bool:
        """ "U.S. Africa Command", "UN Joint Human Rights Office": a capitalised name of
        three words or more ending in an organisation head, not led by a demonym."""
        words = original.split()
        if head not in _ORG_NAME_HEADS or len(words) < 3:
            return False
        if not words[-1][:1].isupper() or words[0].lower() in _DEMONYM_VALUES:
            return False
        return all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words)

    def _defined(self, acronym: str) -> str | None:
        """The source an acronym stands for when the report defines it: "the
        Multinational Joint Task Force (MNJTF)" makes a later "MNJTF said" that body."""
        if acronym in self._definitions:
            return self._definitions[acronym]
        self._definitions[acronym] = None  # no recursion through the definition
        found: str | None = self.local_aliases.get(acronym.lower())
        at = self.text.find(f"({acronym})") if found is None else -1
        if at > 0:
            match = _DEFINITION.search(self.text, max(0, at - 160), at + 1)
            if match is not None:
                words = match.group(1).split()
                # The longest capitalised tail opening with the acronym's letter:
                # "Troops of the Southern Defence Front (SDF)" -> "Southern Defence Front".
                tail = words
                while tail and tail[0][:1] != acronym[:1]:
                    tail = tail[1:]
                if _in_order(_initials(tail), acronym.upper()):
                    words = tail
                # else an acronym of another language ("National Human Rights Defense
                # Network (RNDDH)", from the French name): the whole name.
                if len(words) >= 2:
                    resolved = self._resolve_main(" ".join(words), "", at)
                    found = resolved.name if resolved is not None else None
        self._definitions[acronym] = found
        return found

    def _named_next(self, phrase: str, normal: str, position: int) -> Resolved | None:
        """ "The mayor of Kenscoff told AFP ... '...,' Massillon Jean said": a titled
        description without a name is the person the next sentence first quotes, when
        that name is new to the report (copy names a person in full only once)."""
        lowered = phrase.strip().lower()
        if not (lowered.startswith("the ") or "'s " in lowered or "\u2019s " in lowered):
            return None
        if _head(normal) not in _ROLE_TITLES and _head(normal) not in _LOCAL_TITLES:
            return None
        named = _next_speaker(self.text[position : position + 400])
        if not self._titled_name(named):
            return None  # '"...," General Oumar Diarra said' still names a person
        name = self._personal_name(named)
        if len(name.split()) < 2:
            return None
        lead = {w.lower().rstrip(".") for w in named[: named.rfind(name)].split()}
        if lead - _RANKS - {_head(normal)}:
            return None  # "..., President William Ruto said": an office names someone else
        if self.text.find(name, max(0, position - 5000), position) >= 0:
            return None
        known = self.registry.lookup_alias(normalise_mention(name), name)
        if known and self._kind_of(known) not in _PERSON_KINDS:
            return None  # "Human Rights Watch said" names a body, not the mayor
        if known:
            return self._known(known)
        self._remember_titles(name, normal)
        return self._discover(name, SourceKind.OFFICIAL)

    def _resolve_main(self, phrase: str, appositive: str, position: int) -> Resolved | None:
        normal = normalise_mention(phrase)
        if not normal:
            return None
        original = _strip_article(phrase)
        name = self.registry.lookup_alias(normal, original) or self.registry.lookup_description(
            normal
        )
        if name:
            resolved = self._known(name)
            if resolved.kind not in _PERSON_KINDS and " " in normal and self._personal_name(phrase):
                # "Houthi military spokesman Yahya Saree": the body, through a person.
                resolved = Resolved(name, SourceKind.OFFICIAL)
            return resolved
        listed = self._listed_variant(normal, position)
        if listed:
            return self._known(listed)
        if " " not in normal and normal in self.surnames:
            return self._known(self.surnames[normal])  # "Al-Maliki stated"
        person = self._personal_name(phrase)
        if person:
            known = self.registry.lookup_alias(normalise_mention(person), person)
            if known:
                # "the spokesman of the Coalition, Brigadier General Turki al-Maliki":
                # later "Al-Maliki" and "the spokesman" are the same listed source.
                self.surnames[normalise_mention(person.split()[-1])] = known
                title = phrase[: len(phrase) - len(person)]
                self._remember_titles(known, f"{title} {appositive}")
                resolved = self._known(known)
                if resolved.kind not in _PERSON_KINDS:
                    # A person speaking for a listed body: "he" may still refer to him.
                    resolved = Resolved(known, SourceKind.OFFICIAL)
                return resolved
            for resolved in reversed(self.recent):
                if resolved.kind in _PERSON_KINDS and (
                    resolved.name.endswith(" " + person) or resolved.name == person
                ):
                    return resolved
            if len(person.split()) >= 2:
                title = phrase[: len(phrase) - len(person)]
                head = _head(title) or _head(appositive)
                kind = (
                    SourceKind.OFFICIAL
                    if head in _KIND_BY_HEAD or head in ("official", "spokesman")
                    else SourceKind.PERSON
                )
                self._remember_titles(person, f"{title} {appositive}")
                return self._discover(person, kind)
        elif (
            " " not in normal
            and phrase[:1].isupper()
            and not phrase.isupper()
            and normal not in _ANONYMOUS_HEADS
            and normal not in _HEAD_KINDS
        ):
            full = self._earlier_full_name(phrase.strip(), position)
            if full:
                return self._discover(full, SourceKind.OFFICIAL)  # "Prokudin said"
        if phrase[:4].lower() == "the " or phrase[:1].isupper():
            titled = self._by_title(normal)
            if titled is not None:
                return titled  # "the governor said"
        named_next = self._named_next(phrase, normal, position)
        if named_next is not None:
            return named_next
        body = _SPOKES_ROLE.sub("", _strip_article(phrase))
        if body != _strip_article(phrase) and body:
            # "An Indian army spokesman" speaks for the Indian army.
            body_normal = normalise_mention(body)
            known = self.registry.lookup_alias(body_normal, body) or self._alias_in(
                body_normal, body
            )
            if known:
                return self._known(known)
            national = _national_body(body_normal, _head(body_normal))
            if national:
                military = _head(body_normal) in ("army", "military", "forces", "navy")
                return self._discover(
                    national, SourceKind.MILITARY if military else SourceKind.GOVERNMENT
                )
        if _head(normal) in _OUTLET_STAFF:
            # "Reuters witnesses", "an AFP journalist": the outlet's own reporting.
            outlet = self._alias_in(normal, original)
            if outlet and self._kind_of(outlet) in (SourceKind.MEDIA, SourceKind.STATE_MEDIA):
                return self._known(outlet)
        if _head(normal) in _ANONYMOUS_HEADS:
            # "a U.S. official", "two security sources": unnamed people, not the body.
            return self._describe(phrase, normal, position)
        owned = _owned_unit(phrase.strip())
        owner = phrase[: owned.start()].split()[-1:] if owned else []
        if owned and owner and f"{owner[0].lower()}'s" not in POSSESSIVE_DEMONYMS:
            # "The United States Navy's Fifth Fleet": the unit speaks, not its owner.
            unit = owned.group(1).strip()
            known = self.registry.lookup_alias(normalise_mention(unit), unit)
            first = _strip_article(phrase).split()[0]
            known = known or self.registry.lookup_alias(
                normalise_mention(f"{first} {unit}"), f"{first} {unit}"
            )  # "The U.S. military's Central Command" -> "U.S. Central Command"
            if known:
                return self._known(known)
            return self._discover(unit, _KIND_BY_HEAD.get(_head(unit), SourceKind.UNKNOWN))
        if normal.startswith("ministry of "):
            # "the Ministry of Defence of the Republic of Armenia": a national ministry.
            national = _national_body(normal, "ministry")
            if national:
                listed = self.registry.lookup_alias(normalise_mention(national), national)
                return (
                    self._known(listed)
                    if listed
                    else self._discover(national, SourceKind.GOVERNMENT)
                )
        inside = self._alias_in(normal, original)
        if inside:
            head = _head(normal)
            regional = self._regional(normal, inside)
            if regional is not None:
                return self._known(regional)
            person_office = head == "office" and self._kind_of(inside) in _PERSON_KINDS
            if (head in _SUB_BODY_HEADS or self._proper_org_name(original, head)) and (
                not self._named_with(inside, head)
                and not person_office  # "Netanyahu's office" speaks for Netanyahu
            ):
                # "the U.N. mission in Libya", "the UN Security Council": a body of
                # its own, not the organisation named as its modifier.
                own_kind = _KIND_BY_HEAD.get(head) if head not in _SUB_BODY_HEADS else None
                return self._discover(
                    _lower_first(_strip_article(phrase)), own_kind or self._kind_of(inside)
                )
            return self._known(inside)
        return self._describe(phrase, normal, position)

    def _earlier_full_name(self, surname: str, position: int) -> str:
        """The full name a bare surname was given earlier in the report, also after a
        title ("the head of the Regional Military Administration, Oleksandr Prokudin")."""
        before = self.text[max(0, position - 5000) : position]
        if surname not in before:
            return ""
        found = ""
        for match in re.finditer(
            r"((?:(?:[A-Z][\w'\u2019-]*|[A-Z]\.)[ ]){1,3})" + re.escape(surname) + r"\b", before
        ):
            found = match.group(0)
        if not found:
            return ""
        name = self._personal_name(found)
        if len(name.split()) < 2 or not name.endswith(surname):
            return ""
        return name

    def _personal_name(self, phrase: str) -> str:
        """'Russian President Vladimir Putin' -> 'Vladimir Putin'; '' if no name."""
        words = phrase.replace("\u2019", "'").split()
        if not words:
            return ""
        match = _NAME_RUN.search(" ".join(words))
        if not match:
            return ""
        run = match.group(1).split()
        before_run = " ".join(words)[: match.start(1)].split()
        inner = [i for i, w in enumerate(run[:-2]) if w.lower() in _INNER_TITLES]
        after_connector = bool(
            before_run
            and before_run[-1].lower() in ("for", "of", "and", "&", "the", "de", "on", "in", "at")
        )
        # "Superintendent of Police Rakesh Singh Laishram", "Head of the Kherson City
        # Military Administration Roman Mrochko": a title before the connector, and a
        # title or body word in the run before the name, make the run end in a person.
        titled_lead = after_connector and any(
            w.lower().rstrip(".,") in _PERSON_TITLES for w in before_run
        )
        if (
            after_connector
            and not (inner and words[0].lower().rstrip(".") in _TITLE_WORDS)
            and not titled_lead
        ):
            return ""  # "Syrian Observatory for Human Rights" is not a person
        full = len(run)
        # Drop titles and adjectives of nationality from the front of the run.
        while run and (_title_word(run[0]) or run[0].endswith(("'s",)) or _demonym(run[0])):
            run = run[1:]
        inner_titles = [
            i
            for i, w in enumerate(run[:-1])
            if w.lower() in _INNER_TITLES or w.lower() in _PERSON_TITLES or _title_word(w)
        ]
        if inner_titles and len(run) - inner_titles[-1] - 1 >= 2:
            run = run[inner_titles[-1] + 1 :]  # "Nasir County Commissioner James Gatluak"
        if titled_lead and not inner and len(run) == full:
            return ""  # "High Commissioner for Refugees Filippo": no title word in the run
        if not run or any(w.rstrip(".").isupper() and len(w.rstrip(".")) > 1 for w in run):
            return ""
        if len(run) == 1:
            # A bare surname is a name only if it follows a title word or matches a
            # person mentioned earlier.
            before = words[: len(words) - 1]
            if before and before[-1].lower().rstrip(".") in _TITLE_WORDS:
                return run[0]
            if any(r.kind in _PERSON_KINDS and r.name.endswith(" " + run[0]) for r in self.recent):
                return run[0]
            return ""
        lowered = {w.lower() for w in run}
        if (
            lowered & set(_HEAD_KINDS)
            or lowered & _NOT_NAME_WORDS
            or len(run) > 4
            or any(w.endswith(("'s", "\u2019s")) for w in run)
        ):
            return ""  # an organisation ("Navy's Fifth Fleet"), not a person
        return " ".join(run)

    def _describe(self, phrase: str, normal: str, position: int) -> Resolved | None:
        head = _head(normal)
        kinds = _HEAD_KINDS.get(head)
        definite = not _INDEFINITE.match(phrase.strip())
        modifiers = set(normal.split()[:-1])
        if head in _ANONYMOUS_HEADS and definite:
            stem = head.rstrip("s")
            for resolved in reversed(self.recent):
                if resolved.kind is SourceKind.ANONYMOUS and resolved.name.rstrip("s").endswith(
                    stem
                ):
                    return resolved
        words = [w for w in phrase.split() if w.lower() not in ("the", "a", "an")]
        if len(words) >= 2 and all(
            w[:1].isupper() or w.lower() in ("of", "for", "and", "on", "the") for w in words
        ):
            # A proper name we do not know ("SITE Intelligence Group") is its own source,
            # unless it is the country's own ("the Armed Forces" in a SUNA report).
            national = self._national(normal) if definite and len(words) <= 3 else None
            if national:
                return self._known(national)
            short = self.registry.lookup_short(normal)
            return (
                self._known(short)
                if short
                else self._discover_from_description(phrase, normal, head)
            )
        if definite and len(normal.split()) <= 2:
            for resolved in reversed(self.recent):
                # A source whose own name has the head: "the network", "the company".
                if (
                    head in resolved.name.lower().split()
                    or (head in _ORG_NAME_HEADS and self._named_with(resolved.name, head))
                ) and self._compatible(resolved.name, modifiers, head):
                    return resolved
        if kinds is not None:
            for resolved in reversed(self.recent):
                if (
                    resolved.kind in kinds
                    and self._compatible(resolved.name, modifiers, head)
                    and (definite or head in ("monitor", "observatory"))
                ):
                    return resolved
            national = self._national(normal) if definite and len(normal.split()) <= 2 else None
            if national:
                return self._known(national)
            short = self.registry.lookup_short(normal)
            if short:
                return self._known(short)
            ahead_kinds = (
                frozenset({SourceKind.MONITOR, SourceKind.NGO}) if head == "group" else kinds
            )
            ahead = None if definite else self._forward(ahead_kinds, head, position)
            if ahead is None and phrase.strip()[:4].lower() == "the ":
                ahead = self._backward(kinds, modifiers, position)
            if ahead:
                return self._known(ahead)
        else:
            short = self.registry.lookup_short(normal)
            if short:
                return self._known(short)
        return self._discover_from_description(phrase, normal, head)

    def _national(self, head: str) -> str | None:
        """'the military' in a sentence about Ukraine -> the Ukrainian military, if known."""
        for text in (self.context, self.text[:600]):
            for demonym in _demonyms_in(text):
                name = self.registry.lookup_alias(f"{demonym} {head}", f"{demonym} {head}")
                if name:
                    return name
            if (
                text is self.context
                and head.endswith(" ministry")
                and not _COUNTRY_WORD.search(head)
            ):
                # "In neighbouring Niger, the Defense Ministry said": the country of the
                # sentence, even when its ministry is not listed and another country's is.
                found = _demonyms_in(text)
                national = _national_body(f"{found[0]} {head}", "ministry") if found else ""
                if national:
                    return national
        return None

    def _compatible(self, name: str, modifiers: set[str], head: str) -> bool:
        source = self.registry.get(name)
        names = [name, *(source.aliases if source else ())]
        text = " ".join(normalise_mention(n) for n in names)
        informative = {
            m
            for m in modifiers
            if m not in ("the", "a", "an", "its", "state", "news", "war", "monitoring")
        }
        return all(m in text for m in informative)

    def _backward(
        self, kinds: frozenset[SourceKind], modifiers: set[str], position: int
    ) -> str | None:
        """'The ethnic armed group said' after 'Fighters of the Arakan Army attacked':
        the nearest registry source of a compatible kind named earlier in the report."""
        # The sentence itself counts: "Islamic State-linked insurgents beheaded ..., the
        # jihadist group said".
        window = self.text[max(0, position - 3000) : position]
        if not window:
            return None
        specific = modifiers - _GENERIC_MODIFIERS
        index_by_word = _aliases_by_first_word(self.registry)
        candidates: dict[str, list[str]] = {}
        for word in set(_FIRST_WORDS.findall(window)):
            for alias, name in index_by_word.get(word, ()):
                candidates.setdefault(name, []).append(alias)
        best: tuple[int, str] | None = None
        for name, aliases in candidates.items():
            if self._kind_of(name) not in kinds:
                continue
            if specific and not self._compatible(name, specific, ""):
                continue
            for alias in aliases:
                index = window.rfind(alias)
                if index >= 0 and (best is None or index > best[0]):
                    best = (index, name)
        return best[1] if best else None

    def _forward(self, kinds: frozenset[SourceKind], head: str, position: int) -> str | None:
        """A registry source of a compatible kind named later in the report."""
        window = self.text[position : position + 20_000]
        if not window:
            return None
        best: tuple[int, str] | None = None
        for name, entry in self.registry.entries.items():
            if entry.source.kind not in kinds:
                continue
            for alias in (name, *entry.source.aliases):
                if len(alias) <= 3:
                    continue
                index = window.find(alias)
                if index >= 0 and (best is None or index < best[0]):
                    best = (index, name)
        return best[1] if best else None

    def _discover(self, name: str, kind: SourceKind) -> Resolved:
        roles = (
            frozenset({RoleFlag.UNKNOWN_PROVENANCE})
            if kind in (SourceKind.ANONYMOUS, SourceKind.UNKNOWN)
            else frozenset()
        )
        if kind is SourceKind.MONITOR:
            roles = frozenset({RoleFlag.MONITOR_NGO, RoleFlag.UNKNOWN_PROVENANCE})
        source = self.registry.remember(Source(name=name, kind=kind, roles=roles))
        return Resolved(source.name, source.kind)

    def _discover_from_description(self, phrase: str, normal: str, head: str) -> Resolved | None:
        words = [w for w in normal.split() if w not in ("a", "an", "the")]
        if not words:
            return None
        name_words = phrase.strip().split()
        while name_words and name_words[0].lower() in _QUANTIFIERS:
            name_words = name_words[1:]
        name = " ".join(name_words).strip(" ,.;:")
        if not name:
            return None
        if head in _ANONYMOUS_HEADS or "anonymity" in normal or "declined" in normal:
            return self._discover(_lower_first(name), SourceKind.ANONYMOUS)
        kind = _KIND_BY_HEAD.get(head, SourceKind.UNKNOWN)
        state = _STATE_BY_PLACE.get(normal)
        if state:
            # "Kinshasa accuses ...", "Rwanda denies ...": the country's government.
            return self._discover(f"{state} Government", SourceKind.GOVERNMENT)
        national = _national_body(normal, head)
        if not national and head in _HOME_BODY_HEADS and len(normal.split()) <= 3:
            # "the defence ministry said" in a Niamey story: Niger's, named as if written
            # "the Nigerien Defence Ministry" (a listed body if the registry has it).
            demonym = self._country_demonym(dateline_first=True)
            if demonym and not _COUNTRY_WORD.search(normal):
                home = canonical_body(f"{demonym} {normal}")
                listed = self.registry.lookup_alias(home, home)
                if listed:
                    return self._known(listed)
                national = _national_body(home, head)
        if national:
            military = head in ("army", "military", "forces", "command", "navy", "guard")
            return self._discover(
                national, SourceKind.MILITARY if military else SourceKind.GOVERNMENT
            )
        if "state" in normal.split() and head in ("media", "television", "tv", "agency", "radio"):
            kind = SourceKind.STATE_MEDIA  # "Lebanese state media"
        name = _lower_first(name)  # "Police said" and "police said" are one source
        owned = _owned_unit(name)
        if owned:
            # "The United States Navy's Fifth Fleet": the unit that speaks.
            return self._discover(owned.group(1).strip(), kind)
        named = _TRAILING_NAME.search(name)
        if named and _PLACE_MODIFIER.search(name[: named.start(1)]):
            named = None  # "health authorities in the state capital Bor": a place, not a name
        if named and kind is not SourceKind.ANONYMOUS:
            # "Shipping data firm Clarksons": the name, not the description.
            name = named.group(1)
            kind = _KIND_BY_HEAD.get(_head(phrase[: phrase.rfind(name)]), kind)
        return self._discover(name, kind)


_DEMONYMS = frozenset(
    """
    western eastern northern southern
    russian syrian israeli ukrainian iraqi sudanese yemeni lebanese iranian turkish american
    british french chinese egyptian jordanian german qatari palestinian libyan afghan
    pakistani indian belarusian polish ethiopian somali malian nigerian saudi emirati kurdish
    european western arab gazan houthi u.s. us u.n. un uk eu
    """.split()  # noqa: SIM905
)


def _demonym(word: str) -> bool:
    return word.lower().rstrip(",") in _DEMONYMS
