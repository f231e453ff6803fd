"""The source registry: canonical sources, their aliases, kinds and role flags.

Shipped entries live in ``sources.yaml`` beside this module; a user file with the
same shape (path from ``--sources`` or ``WORKBENCH_SOURCES``) extends or
overrides them, so analysts add their outlets without touching code.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from models import RoleFlag, Source, SourceKind
from workbench.errors import InputError

SOURCES_ENV = "WORKBENCH_SOURCES"
_SHIPPED = Path(__file__).with_name("sources.yaml")

# "Russia's" and "Russian" name the same owner; mentions and aliases are both
# folded to the adjective so either spelling matches.
POSSESSIVE_DEMONYMS = {
    "russia's": "russian",
    "syria's": "syrian",
    "ukraine's": "ukrainian",
    "israel's": "israeli",
    "iraq's": "iraqi",
    "sudan's": "sudanese",
    "yemen's": "yemeni",
    "lebanon's": "lebanese",
    "iran's": "iranian",
    "turkey's": "turkish",
    "america's": "american",
    "britain's": "british",
    "congo's": "congolese",
    "drc's": "congolese",
    "rwanda's": "rwandan",
    "myanmar's": "myanmar",
    "burma's": "myanmar",
    "kenya's": "kenyan",
    "uganda's": "ugandan",
    "eritrea's": "eritrean",
    "chad's": "chadian",
    "niger's": "nigerien",
    "burkina faso's": "burkinabe",
    "armenia's": "armenian",
    "azerbaijan's": "azerbaijani",
    "georgia's": "georgian",
    "colombia's": "colombian",
    "mexico's": "mexican",
    "haiti's": "haitian",
    "saudi arabia's": "saudi",
    "qatar's": "qatari",
    "kuwait's": "kuwaiti",
    "bahrain's": "bahraini",
    "oman's": "omani",
    "tunisia's": "tunisian",
    "algeria's": "algerian",
    "morocco's": "moroccan",
    "mozambique's": "mozambican",
    "cameroon's": "cameroonian",
    "south sudan's": "south sudanese",
    "france's": "french",
    "china's": "chinese",
    "egypt's": "egyptian",
    "jordan's": "jordanian",
    "germany's": "german",
    "gaza's": "gaza",
    "palestine's": "palestinian",
    "libya's": "libyan",
    "afghanistan's": "afghan",
    "pakistan's": "pakistani",
    "india's": "indian",
    "belarus's": "belarusian",
    "poland's": "polish",
    "ethiopia's": "ethiopian",
    "somalia's": "somali",
    "mali's": "malian",
    "nigeria's": "nigerian",
    "venezuela's": "venezuelan",
    "bangladesh's": "bangladeshi",
    "thailand's": "thai",
    "cambodia's": "cambodian",
    "philippines'": "philippine",
    "indonesia's": "indonesian",
    "vietnam's": "vietnamese",
    "japan's": "japanese",
    "south korea's": "south korean",
    "north korea's": "north korean",
    "taiwan's": "taiwanese",
    "nepal's": "nepali",
    "sri lanka's": "sri lankan",
    "kazakhstan's": "kazakh",
    "tajikistan's": "tajik",
    "kyrgyzstan's": "kyrgyz",
    "uzbekistan's": "uzbek",
    "turkmenistan's": "turkmen",
    "moldova's": "moldovan",
    "serbia's": "serbian",
    "kosovo's": "kosovar",
    "bosnia's": "bosnian",
    "hungary's": "hungarian",
    "romania's": "romanian",
    "italy's": "italian",
    "spain's": "spanish",
    "greece's": "greek",
    "cyprus's": "cypriot",
    "canada's": "canadian",
    "australia's": "australian",
    "brazil's": "brazilian",
    "argentina's": "argentine",
    "peru's": "peruvian",
    "ecuador's": "ecuadorian",
    "chile's": "chilean",
    "cuba's": "cuban",
    "nicaragua's": "nicaraguan",
    "honduras's": "honduran",
    "guatemala's": "guatemalan",
    "el salvador's": "salvadoran",
    "burundi's": "burundian",
    "tanzania's": "tanzanian",
    "zambia's": "zambian",
    "zimbabwe's": "zimbabwean",
    "south africa's": "south african",
    "senegal's": "senegalese",
    "ghana's": "ghanaian",
    "guinea's": "guinean",
    "mauritania's": "mauritanian",
    "benin's": "beninese",
    "togo's": "togolese",
    "ivory coast's": "ivorian",
    "liberia's": "liberian",
    "sierra leone's": "sierra leonean",
    "central african republic's": "central african",
    "gabon's": "gabonese",
    "angola's": "angolan",
    "djibouti's": "djiboutian",
    "ireland's": "irish",
    "netherlands'": "dutch",
    "belgium's": "belgian",
    "sweden's": "swedish",
    "norway's": "norwegian",
    "finland's": "finnish",
    "denmark's": "danish",
    "estonia's": "estonian",
    "latvia's": "latvian",
    "lithuania's": "lithuanian",
    "czech republic's": "czech",
    "slovakia's": "slovak",
    "austria's": "austrian",
    "switzerland's": "swiss",
    "portugal's": "portuguese",
    "malaysia's": "malaysian",
    "laos's": "lao",
    "mongolia's": "mongolian",
    "tigray's": "tigrayan",
    "amhara's": "amhara",
    "darfur's": "darfur",
    "kurdistan's": "kurdish",
    "iraqi kurdistan's": "kurdish",
    "the uae's": "emirati",
    "uae's": "emirati",
    "emirates'": "emirati",
}
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"\b((?:[a-z]+\s)?[a-z][a-z.-]*'s)(?=\s|$)")


def _demonym_for(match: re.Match[str]) -> str:
    """'south sudan's' -> 'south sudanese'; 'the kenya's' -> 'the kenyan'."""
    phrase = match.group(1)
    if phrase in POSSESSIVE_DEMONYMS:
        return POSSESSIVE_DEMONYMS[phrase]
    first, _, last = phrase.rpartition(" ")
    last = POSSESSIVE_DEMONYMS.get(last, last)
    return f"{first} {last}" if first else last


# Feeds that strip apostrophes write "Syrias army", "Russias defense ministry": a
# country's name with a bare "s" is its possessive (never an English plural).
_BARE_POSSESSIVE = re.compile(
    r"\b("
    + "|".join(
        sorted(
            (
                re.escape(key[:-2]) + "s"
                for key in POSSESSIVE_DEMONYMS
                if key.endswith("'s")
                and " " not in key
                and key[:-2] + "s" not in ("turkeys", "chads")
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)


def _bare_possessive(match: re.Match[str]) -> str:
    return POSSESSIVE_DEMONYMS[match.group(1)[:-1] + "'s"]


@functools.lru_cache(maxsize=8192)
def normalise_mention(text: str) -> str:
    """Fold a mention for lookup: case, curly quotes, possessive countries, 'the'."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = _SPACES.sub(" ", text.strip().lower()).strip(" ,;:-\"'")
    text = _POSSESSIVE.sub(_demonym_for, text)
    if "s " in text or text.endswith("s"):
        text = _BARE_POSSESSIVE.sub(_bare_possessive, text)
    return _LEADING_DETERMINER.sub("", text)


@dataclass
class SourceEntry:
    """One registry entry: the Source plus the phrases that point at it."""

    source: Source
    short_forms: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    speaks_for: str = ""  # the body a listed person speaks for (their claims' origin)


@dataclass
class SourceRegistry:
    """Known sources and the lookup tables built from them.

    Sources discovered while extracting (a named spokesman, "regional media")
    are remembered in ``discovered`` so the store can save them with their kind.
    """

    entries: dict[str, SourceEntry] = field(default_factory=dict)
    discovered: dict[str, Source] = field(default_factory=dict)
    # Bodies that people found in a report speak for ("Kremlin spokesman X": X -> Kremlin).
    affiliations: dict[str, str] = field(default_factory=dict)
    _aliases: dict[str, str] = field(default_factory=dict, repr=False)
    _short: dict[str, str] = field(default_factory=dict, repr=False)
    _descriptions: dict[str, str] = field(default_factory=dict, repr=False)
    _max_alias_words: int = field(default=1, repr=False)

    def add(self, entry: SourceEntry) -> None:
        """Add or replace an entry and index its phrases."""
        self.entries[entry.source.name] = entry
        self._reindex()

    def _reindex(self) -> None:
        self._aliases.clear()
        self._short.clear()
        self._descriptions.clear()
        for name, entry in self.entries.items():
            for alias in (name, *entry.source.aliases):
                self._aliases.setdefault(normalise_mention(alias), name)
            for short in entry.short_forms:
                self._short.setdefault(normalise_mention(short), name)
            for description in entry.descriptions:
                self._descriptions.setdefault(normalise_mention(description), name)
        # Case matters for short acronyms ("US" vs "us", "WHO" vs "who"):
        # they are indexed by their exact spelling too, see ``lookup_alias``.
        self._max_alias_words = max(
            (len(a.split()) for a in (*self._aliases, *self._descriptions)), default=1
        )

    @property
    def max_alias_words(self) -> int:
        return self._max_alias_words

    def lookup_alias(self, phrase: str, original: str = "") -> str | None:
        """Canonical name for a full alias, or None.

        Aliases of up to three letters ("US", "UN", "WHO", "AP") must be written
        in capitals, so the pronoun "us" or the relative "who" never match.
        """
        name = self._aliases.get(phrase)
        if name is None:
            return None
        if len(phrase.replace(".", "")) <= 3 and original and not original.isupper():
            return None
        return name

    def lookup_short(self, phrase: str) -> str | None:
        return self._short.get(phrase)

    def lookup_description(self, phrase: str) -> str | None:
        return self._descriptions.get(phrase)

    def get(self, name: str) -> Source | None:
        """The Source for a canonical name, shipped or discovered."""
        entry = self.entries.get(name)
        if entry is not None:
            return entry.source
        return self.discovered.get(name)

    def origin_of(self, name: str) -> str:
        """The origin of a source's claims: the body a spokesperson or official speaks for
        (listed with ``speaks_for``, or named beside the person in a report), else itself.

        Two people of one body are one origin; a body is never merged into another.
        """
        entry = self.entries.get(name)
        body = entry.speaks_for if entry is not None and entry.speaks_for else ""
        return body or self.affiliations.get(name, "") or name

    def note_affiliation(self, person: str, body: str) -> None:
        """Record that ``person`` speaks for ``body`` (a listed or discovered body)."""
        if person != body and person not in self.entries:
            self.affiliations.setdefault(person, body)

    def remember(self, source: Source) -> Source:
        """Record a source found in a report (not in the registry)."""
        known = self.get(source.name)
        if known is not None:
            return known
        self.discovered[source.name] = source
        return source

    def sources_for(self, names: list[str] | tuple[str, ...] | set[str]) -> list[Source]:
        """``models.Source`` objects for canonical names, in the order given."""
        out: list[Source] = []
        seen: set[str] = set()
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            source = self.get(name) or Source(
                name=name, roles=frozenset({RoleFlag.UNKNOWN_PROVENANCE})
            )
            body = self.origin_of(name)
            if body != name and not source.speaks_for:
                source = source.model_copy(update={"speaks_for": body})
            out.append(source)
        return out


def _entry_from_mapping(item: Any, path: Path, index: int) -> SourceEntry:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
        raise InputError(f"source entry {index + 1} needs a 'name'", path)
    try:
        kind = SourceKind(item.get("kind", "unknown"))
        roles = frozenset(RoleFlag(r) for r in item.get("roles", []) or [])
    except ValueError as error:
        raise InputError(f"source {item['name']!r}: {error}", path) from None

    def strings(key: str) -> tuple[str, ...]:
        values = item.get(key, []) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise InputError(f"source {item['name']!r}: {key!r} must be a list of strings", path)
        return tuple(values)

    source = Source(name=item["name"], kind=kind, aliases=strings("aliases"), roles=roles)
    speaks_for = item.get("speaks_for", "") or ""
    if not isinstance(speaks_for, str):
        raise InputError(f"source {item['name']!r}: 'speaks_for' must be a name", path)
    return SourceEntry(source, strings("short_forms"), strings("descriptions"), speaks_for)


def _read_entries(path: Path) -> list[SourceEntry]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read source registry: {error.strerror}", path) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"source registry is not valid YAML: {error}", path, line) from None
    if data is None:
        return []
    items = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError("source registry must hold a list under 'sources'", path)
    return [_entry_from_mapping(item, path, i) for i, item in enumerate(items)]


_SHIPPED_CACHE: list[SourceEntry] | None = None


def load_registry(path: Path | None = None) -> SourceRegistry:
    """The shipped registry, extended by ``path`` or by ``$WORKBENCH_SOURCES``."""
    global _SHIPPED_CACHE
    if _SHIPPED_CACHE is None:
        _SHIPPED_CACHE = _read_entries(_SHIPPED)
    registry = SourceRegistry()
    registry.entries = {e.source.name: e for e in _SHIPPED_CACHE}
    extra = path if path is not None else os.environ.get(SOURCES_ENV) or None
    if extra:
        for entry in _read_entries(Path(extra)):
            registry.entries[entry.source.name] = entry
    registry._reindex()
    return registry
