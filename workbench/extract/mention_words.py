"""Word lists and patterns of speaker mentions: heads, titles, roles, name shapes.

The vocabulary that mention resolution (coreference) reads a speaker phrase with:
which head nouns name which kinds of source, which words are titles, how a personal
name or an appositive looks. Pure data and small pure helpers, no state.
"""

from __future__ import annotations

import functools
import re

from models import SourceKind
from workbench.extract.place_names import (
    is_demonym,
)
from workbench.extract.registry import SourceRegistry
from workbench.extract.speakers import NP_WORDS

ORG_KINDS = frozenset(
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
PERSON_KINDS = frozenset({SourceKind.PERSON, SourceKind.OFFICIAL})
# Head nouns of descriptions and the source kinds they can refer to.
HEAD_KINDS: dict[str, frozenset[SourceKind]] = {
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
    # "The team said": the team of a body named before (a UN team, a fact-finding team).
    "team": frozenset(
        {SourceKind.OFFICIAL, SourceKind.NGO, SourceKind.MONITOR, SourceKind.GOVERNMENT}
    ),
}
KIND_BY_HEAD: dict[str, SourceKind] = {
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
    # A province's administration ("a source at Deir Ezzor Governorate" told SANA)
    "governorate": SourceKind.GOVERNMENT,
    "municipality": SourceKind.GOVERNMENT,
    "directorate": SourceKind.GOVERNMENT,
    "prefecture": SourceKind.GOVERNMENT,
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
GENERIC_MODIFIERS = frozenset(
    """
    ethnic armed rebel militant jihadist insurgent separatist islamist extremist armed-
    local regional national federal main largest powerful rival the a an its state news war
    monitoring rights human aid humanitarian
    """.split()  # noqa: SIM905
)
ALIAS_INDEX: dict[int, tuple[int, dict[str, list[tuple[str, str]]]]] = {}


def aliases_by_first_word(registry: SourceRegistry) -> dict[str, list[tuple[str, str]]]:
    """Registry aliases longer than three letters, indexed by their first word (cached)."""
    cached = ALIAS_INDEX.get(id(registry))
    if cached is not None and cached[0] == len(registry.entries):
        return cached[1]
    index: dict[str, list[tuple[str, str]]] = {}
    for name, entry in registry.entries.items():
        for alias in (name, *entry.source.aliases):
            if len(alias) > 3:
                index.setdefault(alias.split(maxsplit=1)[0], []).append((alias, name))
    if len(ALIAS_INDEX) > 64:
        ALIAS_INDEX.clear()
    ALIAS_INDEX[id(registry)] = (len(registry.entries), index)
    return index


FIRST_WORDS = re.compile(r"[^\s\"\u201c\u201d(]+")
ANONYMOUS_HEADS = frozenset(
    """
    palestinians israelis ukrainians syrians iraqis yemenis russians civilians locals
    survivors
    bloggers blogger commentators
    adviser advisor advisers advisors aide aides insider insiders negotiator negotiators
    source sources official officials witness witnesses resident residents medic medics
    doctor doctors paramedics diplomat diplomats activist activists people eyewitness
    eyewitnesses relatives villagers survivors security analysts experts investigators
    investigator inspectors
    member members commander commanders fighter fighters militiaman militiamen supporter
    supporters worker workers
    nurse nurses farmer farmers teacher teachers student students driver drivers trader
    traders shopkeeper shopkeepers fisherman fishermen elder elders mother mothers father
    fathers survivor
    """.split()  # noqa: SIM905
)
# Unnamed sources are people; a singular head is one person ("a resident said ...
# '...,' he said" is the resident again), unless it names a group.
GROUP_NOUNS = frozenset(
    """
    police staff crew media personnel people family public community team committee group
    security military army government press militia
    """.split()  # noqa: SIM905
)
TITLE_WORDS = frozenset(
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

SUBJECT = re.compile(
    r"^(?:(?:But|And|Meanwhile|However|Earlier|Later),?\s+)?"
    r"((?:(?:[A-Z][\w'\u2019.-]*|"
    + "|".join(sorted((w for w in TITLE_WORDS if w.isalpha()), key=len, reverse=True))
    + r")\s+){0,6}[A-Z][\w'\u2019.-]*)"
    # an apposition, its commas stripped: "Mahmud Abu Malak a spokesman for the Nureddin
    # al-Zanki rebel group described fierce fighting"
    r"(?:,?\s+(?:a|an)\s+(?:[\w'\u2019-]+\s+){1,9}?)?"
    r"\s*(?<=\s)(?:[a-z]+ed|spoke|met|was|is|has|had|"
    r"will|would|visited|arrived|left|took|gave|made|went|came|flew|sent|signed)\b"
)
TRAILING_NAME = re.compile(
    r"(?:^|\s)(?!(?:of|for|the|and|de|al|in|on|at)\s)[a-z][\w-]*\s+((?:[A-Z][\w&'\u2019.-]*\s?){1,4})$"
)


def one_person(description: str) -> bool:
    """'resident', 'nurse at the clinic', 'military source': one unnamed person."""
    head = head_noun(description.lower())
    return bool(head) and not head.endswith("s") and head not in GROUP_NOUNS


def initials(words: list[str]) -> str:
    """'Southern Defence Front' -> 'SDF' (capitalised words only)."""
    return "".join(w[0] for w in words if w[:1].isupper())


def in_order(letters: str, acronym: str) -> bool:
    """'MJTF' in 'MNJTF': every letter found, in order (an acronym may skip or add)."""
    rest = iter(acronym)
    return all(letter in rest for letter in letters)


OWNED_UNIT = re.compile(r"['\u2019]s\s+((?:[A-Z][\w'\u2019.-]*\s?){1,4})$")


# Possessives that are part of a name, not an owner: "Kanbalu People's Defense Force".
NAME_POSSESSIVES = frozenset(
    "people's peoples' women's workers' martyrs' mujahideen's".split()  # noqa: SIM905
)


def owned_unit(phrase: str) -> re.Match[str] | None:
    """ "the Navy's Fifth Fleet" -> the unit; not a bare office ("the Ombudsman's Office"
    is the ombudsman's own body, not a source called "Office"), nor a name that holds a
    possessive ("Kanbalu People's Defense Force" is one body)."""
    owned = OWNED_UNIT.search(phrase)
    if owned is None or owned.group(1).strip().lower() in GENERIC_UNITS:
        return None
    owner = phrase[: owned.start()].split()
    if owner and f"{owner[-1]}'s".replace("\u2019", "'").lower() in NAME_POSSESSIVES:
        return None
    return owned


# Titles whose holder speaks for the body named beside them ("Kremlin spokesman X").
AFFILIATION_TITLES = frozenset(
    """
    spokesman spokeswoman spokesperson official officials representative envoy minister
    commander chief head director president vice-president chairman secretary leader
    member coordinator ambassador
    """.split()  # noqa: SIM905
)


SPOKES_ROLE = re.compile(
    r"\s+(?:spokesman|spokeswoman|spokesperson|press\s+office)$", re.IGNORECASE
)
NOT_NAME_WORDS = frozenset(
    """
    ministry agency observatory media news network council forces army front brigade brigades
    committee union department office for of navy fleet states united nations kingdom republic
    corps guard guards police party movement institute university bank company group centre
    center command authority court mission organisation organization federation association
    defense defence helmets crescent cross governorate municipality directorate prefecture
    """.split()  # noqa: SIM905
)
SUB_BODY_HEADS = frozenset(
    "mission office council committee panel commission court tribunal department ministry".split()  # noqa: SIM905
)


GENERIC_UNITS = SUB_BODY_HEADS | frozenset(
    "agency authority service directorate bureau administration secretariat".split()  # noqa: SIM905
)
ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
INDEFINITE = re.compile(r"^(?:a|an)\s", re.IGNORECASE)
FINAL_STOP = re.compile(r"(?<=[a-z]{2})\.$")  # "the ministry." but not "U.S."


def strip_article(phrase: str) -> str:
    return ARTICLE.sub("", phrase.strip())


def lower_first(name: str) -> str:
    """'Residents' -> 'residents': a sentence-initial capital is not part of a name."""
    first, _, rest = name.partition(" ")
    proper = (
        bool(rest)
        # "Residents of Um Sumeima" is a description, "Ministry of Defence" a name
        and (rest[:1].isupper() or first.lower() not in ANONYMOUS_HEADS)
        and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in rest.split())
    )
    # "National Unity Government's human rights ministry": a name opens the phrase.
    named = len(rest.split()) >= 2 and rest[:1].isupper() and rest.split()[0][1:].islower()
    if (
        first.lower() in NP_WORDS
        and first[1:].islower()
        and not is_demonym(first)
        and not proper
        and not named
    ):
        first = first.lower()
    elif (
        first.lower() in _COMMON_OPENERS
        and first[1:].islower()
        and rest.islower()
        and rest.split()[-1] in _REPORT_HEADS | ANONYMOUS_HEADS
    ):
        first = first.lower()  # "Initial reports indicated": a description, no name
    return f"{first} {rest}".strip()


# Common adjectives that open an unnamed description at a sentence's start.
_COMMON_OPENERS = frozenset(
    """
    initial preliminary early earlier first latest unconfirmed conflicting further new
    previous recent subsequent separate similar various numerous independent
    """.split()  # noqa: SIM905
)
_REPORT_HEADS = frozenset(
    ["reports", "report", "information", "figures", "data", "estimates", "accounts"]
)


POST_MODIFIER = re.compile(
    r"(?<=\w)\s+(?:of|for|at|in|from|with|on|near|inside|close\s+to|familiar\s+with)\s+"
)
WORDS = re.compile(r"[a-z][a-z'-]*")
AFFILIATION = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:analysts?|experts?|researchers?|spokesman|spokeswoman|"
    r"spokesperson|spokespeople)\s+(?:at|from|with|for)\s+(?=(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
ROLE_TITLES = frozenset(
    """
    governor mayor president minister spokesman spokeswoman spokesperson commander chief
    envoy ambassador director secretary leader chairman coordinator prosecutor general
    """.split()  # noqa: SIM905
)
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
PARTITIVE = re.compile(r"^(?:one|two|some|several|another|many|most)\s+of\s+", re.IGNORECASE)
DOCUMENT_HEADS = frozenset(
    "statement communique report bulletin post message update release video".split()  # noqa: SIM905
)
QUANTIFIERS = frozenset(
    "the a an one two three four five several some many various other another multiple".split()  # noqa: SIM905
)
APPOSITIVE = re.compile(r"\s*,\s*")
PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
RELATIVE = re.compile(r",?\s+(?:who|which|that)\b.*$")
# A name's words; U+FFFD stands for a letter lost in transcoding ("\ufffdavu\ufffd\ufffdolu").
NAME_RUN = re.compile(
    r"(?<![\w-])((?:[A-Z\ufffd][\w'\u2019.\ufffd-]*|al-[A-Z][\w'\u2019-]*|al|el|bin|ibn|abu|de|van|"
    r"von)(?:\s+(?:[A-Z\ufffd][\w'\u2019.\ufffd-]*|al-[A-Z][\w'\u2019-]*|al|el|bin|ibn|abu|de|van|"
    r"von|Al|Abu))*)$"
)
CAPITAL_WORD = re.compile(r"^[A-Z][a-z]")
TITLED_PERSON = re.compile(
    r"((?:[A-Z][\w'\u2019]*|\w+'s)\s+(?:[Pp]rime\s+[Mm]inister|[Pp]resident))\s+"
    r"((?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)(?:\s+(?:[A-Z][\w'\u2019-]+|"
    r"al-[A-Z][\w-]+|al|bin|abu)){1,3})"
)
OUTLET_STAFF = frozenset(
    """
    reporter reporters journalist journalists correspondent correspondents witness witnesses
    photographer photographers cameraman cameramen crew crews team teams staff
    """.split()  # noqa: SIM905
)
# Titles that may follow a place name inside a run of capitals ("Nasir County Commissioner").
INNER_TITLES = frozenset(
    """
    commissioner administrator governor mayor spokesman spokeswoman spokesperson minister
    commander chief director general colonel president secretary envoy ambassador
    region province oblast county district governorate territory
    """.split()  # noqa: SIM905
)
ORG_NAME_WORDS = frozenset(
    """
    nations mission office agency organization organisation programme program fund council
    court commission committee union department ministry secretary-general force forces
    coalition government observatory network committees center centre
    """.split()  # noqa: SIM905
)
# Bodies that "the X" names for the country of the dateline ("the defence ministry").
HOME_BODY_HEADS = frozenset(
    "ministry army military navy presidency junta government".split()  # noqa: SIM905
)
THE_COUNTRY = re.compile(r"^(?:the\s+)?(?:country|nation)['\u2019]s\s+", re.IGNORECASE)
BARE_APPOSITIVE = re.compile(
    r"^((?:(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w'\u2019-]+|al|bin|abu)\s+){1,3}"
    r"(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w'\u2019-]+))\s+((?:a|an)\s+[a-zA-Z].*)$"
)
# One name glued to a description of a person by a stripped comma: "Ahmed a resident of
# the city". (Two words or more are read by ``BARE_APPOSITIVE``.)
SINGLE_NAME_APPOSITIVE = re.compile(r"^([A-Z][a-z'\u2019-]{2,})\s+((?:a|an)\s+[a-z].*)$")
PROPER_APPOSITIVE = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}")
BARE_SPOKESMAN = frozenset({"the spokesman", "the spokeswoman", "the spokesperson"})
ROLE_OF_BODY = re.compile(
    r"^(?:the\s+|an?\s+)?(?:official\s+|military\s+)?(?:spokesman|spokeswoman|spokesperson)"
    r"\s+(?:of|for)\s+(the\s+[A-Z][^,]*)$",
    re.IGNORECASE,
)
ROLE_FOR = re.compile(
    r"^(?:a|the)\s+(?:spokesman|spokeswoman|spokesperson|leader|commander)\s+(?:for|of)\s+"
)
PERSON_OFFICE = re.compile(r"^(his|her|their)\s+office$")
OWNER_ROLE = re.compile(
    r"^(?:(its)|the\s+((?:military\s+|ruling\s+|interim\s+|transitional\s+)?"
    r"(?:group|movement|militia|organisation|organization|alliance|coalition|"
    r"army|military|ministry|rebels|insurgents|faction|government|junta|agency|network|"
    r"monitor|observatory))(?:'s|')?)\s+(?:top\s+|chief\s+|military\s+|official\s+|main\s+)?"
    r"(?:(leader|spokesman|spokeswoman|spokesperson|chief|head|commander|founder|emir)|"
    r"media\s+(?:wing|office|arm|centre|center|cell)|press\s+(?:office|service|wing)|"
    r"information\s+(?:team|office|service|department))$"
)
# A person named as the speaker of the next sentence: '..." Abdul Malik al-Houthi said'.
NEXT_SPEAKER = re.compile(
    r"^\s*[^\n]*?[,\"\u201d]\s+((?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)"
    r"(?:\s+(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)){1,4})\s+(?:said|says|added|told)\b"
)
# The same, inverted: '"...," said Lway Yay Oo, who speaks for the group.'
NEXT_SPEAKER_AFTER = re.compile(
    r"^\s*[^\n]*?[,\"\u201d]\s+(?:said|says|added)\s+((?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+)"
    r"(?:\s+(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w-]+|al|bin|abu)){1,4})(?=\s*[,.;]|\s*$)"
)


def next_speaker(ahead: str) -> str:
    """The name that speaks in the text just ahead ('..., Name said' or '..., said Name')."""
    found = NEXT_SPEAKER.search(ahead) or NEXT_SPEAKER_AFTER.search(ahead)
    return found.group(1) if found else ""


# "the civil defence agency in the Gaza Strip", "the UN mission in the country".
VARIANT_HINT = re.compile(r" in |health|regional|state |provincial|mission|force")
SPOKES_FOR = re.compile(r"^(?:spokesman|spokeswoman|spokesperson)\s+(?:for|of)\s+(?:the\s+)?")
IN_PLACE = re.compile(r"^(.+?)\s+in\s+(?:the\s+)?(.+)$")
PLACE_TAIL = re.compile(r"\s+(?:strip|region|province|state|territory|city|governorate)$")
THE_HOME = frozenset({"country", "area", "region", "territory", "nation"})
HEALTH_OFFICIALS = re.compile(r"^(?:(.+)\s+)?health\s+(?:officials|authorities)$")
# "the regional government's security ministry": the region the report names.
REGIONAL = re.compile(
    r"\b(?:regional|state|provincial)\s+(?:government|administration|authorities)\b"
)
REGIONAL_FORMS = (
    "{} government",
    "{} regional government",
    "{} state government",
    "{} interim administration",
    "{} regional administration",
    "{} authorities",
)
PLACE_MODIFIER = re.compile(r"\s(?:in|at|near|from|of)\s")
# "Oromiya region", "Khyber Pakhtunkhwa province", "North Kordofan state" (not "The ...").
REGION_NAMED = re.compile(
    r"\b((?:(?!(?:The|A|An|In|On|At|From|Its|Their)\b)[A-Z][a-z][\w-]+\s+){0,2}"
    r"(?!(?:The|A|An|In|On|At|From|Its|Their)\b)[A-Z][a-z][\w-]+)\s+(region|state|province)\b"
)
LEVELS = {"region": "Regional", "state": "State", "province": "Provincial"}
CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]+")
# Heads of organisation names; a proper name ending in one is a body of its own, even when
# it opens with a listed owner ("U.S. Africa Command" is not the United States).
ORG_NAME_HEADS = frozenset(
    """
    command commission agency authority forces force army police front movement mission
    office committee network observatory coalition group brigade brigades corps council
    service directorate division administration centre center guard
    """.split()  # noqa: SIM905
)
# Ranks may come with a name whose office was given before ("the army chief of staff said
# ... General Oumar Diarra said"); another office introduces another person.
RANKS = frozenset(
    """
    general gen colonel col major maj lieutenant lt captain capt brigadier brig commander cmdr
    admiral adm sergeant sgt inspector superintendent supt insp dr mr mrs ms brigadier-general
    major-general lt.gen maj.gen brig.gen
    """.split()  # noqa: SIM905
)
# Offices held by one person, and the body words that end a title before a name
# ("Bannu District Police Officer Saleem Abbas Kulachi").
PERSON_TITLES = frozenset(
    """
    superintendent officer head commissioner administrator director chief inspector
    governor mayor spokesman spokeswoman spokesperson commander administration police
    """.split()  # noqa: SIM905
)


def is_title_word(word: str) -> bool:
    """A title word, also hyphenated ranks ("Maj-Gen", "Lt-Col")."""
    lowered = word.lower().rstrip(".,")
    if lowered in TITLE_WORDS:
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and all(p.rstrip(".") in TITLE_WORDS for p in parts)


LOCAL_TITLES = frozenset(
    "commissioner administrator prefect councillor councilor elder chief".split()  # noqa: SIM905
)
NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "in", "de", "&"})
# A name defined before its acronym: "the Multinational Joint Task Force (MNJTF)".
DEFINITION = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*\s+(?:(?:of|for|the|and|on|in|de)\s+)*){0,7}"
    r"[A-Z][\w'\u2019.-]*)\s*\($"
)
ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}s?")


COMPOUND_HEADS: dict[str, str] = {
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


def head_as_written(phrase: str) -> str:
    """The head word as written ("agency" in "Israel's military agency in charge of ..."),
    to tell a description (lower-case head) from a name."""
    before = POST_MODIFIER.split(phrase, maxsplit=1)[0].split()
    return before[-1] if before else ""


@functools.lru_cache(maxsize=8192)
def head_noun(phrase: str) -> str:
    """The head noun: before a post-modifier ("ministry" in "health ministry in Gaza")."""
    lowered = POST_MODIFIER.split(phrase.lower(), maxsplit=1)[0].strip() or phrase.lower()
    for compound, head in COMPOUND_HEADS.items():
        if lowered.endswith(compound):
            return head
    words = WORDS.findall(lowered)
    while words and words[-1] in ("said", "says"):
        words.pop()
    return words[-1].removesuffix("'s") if words else ""


# Words that end the phrase a feed glued to an unnamed source when it stripped the comma
# before it ("... in the northwestern province activists said", "... ahead of a Raqqa
# assault residents said", "in recent days experts said"): the source is what follows.
GLUE_WORDS = frozenset(
    """
    province assault offensive attack attacks city town area region days weeks months years
    ago time fighting clashes strikes raids bombardment shelling siege week month year
    today yesterday overnight night morning evening afternoon
    """.split()  # noqa: SIM905
)
_GLUE_OPENING = frozenset("in on at during after since ahead before amid following".split())  # noqa: SIM905


def anonymous_name(name: str) -> str:
    """An unnamed source without the words a stripped comma glued before it:
    'northwestern province activists' -> 'activists', 'in recent days experts' ->
    'experts'; 'local civil defense official' and 'RSF adviser' stay as they are."""
    words = name.split()
    if len(words) < 2 or any(
        w.lower() in ("of", "at", "from", "with", "for", "in", "close") for w in words[1:]
    ):
        return name
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in GLUE_WORDS), default=0)
    capital = [w[:1].isupper() for w in words]
    for end in range(len(words) - 2, 1, -1):
        # "... killing the terrorist commander Abu Taha well-informed sources told": a
        # name of two words or more between lowercase words ends the clause before.
        if capital[end] and capital[end - 1] and not capital[end + 1]:
            start = end - 1
            while start > 0 and capital[start - 1]:
                start -= 1
            if start > 0 and not capital[start - 1]:
                cut = max(cut, end + 1)
            break
    if words[0].lower() in _GLUE_OPENING and cut == 0:
        cut = len(words) - 1
    return " ".join(words[cut:]) if cut else name


# "a source at Aleppo Police Command", "an official at the ministry": the body speaks.
SOURCE_AT_BODY = re.compile(
    r"^(?:(?:an?|the|one)\s+)?(?:[\w-]+\s+){0,2}?(?:source|sources|official|officials)\s+"
    r"(?P<prep>at|in|within)\s+(?:the\s+)?(?P<body>[A-Z].*)$"
)
# "A Police Command source told SANA": the body named before "source" speaks.
BODY_SOURCE = re.compile(
    r"^(?:(?:an?|the|one)\s+)?(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,4})\s+"
    r"(?:source|sources|official|officials)$"
)
SAME_SOURCE = re.compile(
    r"^(?:the\s+|this\s+|that\s+)?(?:same\s+)?(source|sources|official|officials)$",
    re.IGNORECASE,
)
# A name, then its title over a body, with the comma between stripped.
NAME_THEN_TITLE = re.compile(
    r"^((?:[A-Z][\w'\u2019-]+\s+){1,4}(?:[A-Z][\w'\u2019-]+|al-[A-Z][\w'\u2019-]+))\s+"
    r"((?:the\s+)?(?:top\s+|chief\s+|senior\s+|deputy\s+)?(?i:head|chief|director|spokesman|"
    r"spokeswoman|spokesperson|leader|founder|commander)\s+(?:of|for)\s+.+)$"
)
# A name, then an indefinite description of it, the comma stripped.
INDEFINITE_APPOSITIVE = re.compile(r"^(.*?\w)\s+((?:a|an)\s+[a-zA-Z][\w-]*(?:\s+[\w-]+){0,5})$")
BARE_ACRONYM_POSSESSIVE = re.compile(r"\b([A-Z]{2,})s\b")
