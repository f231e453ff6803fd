"""Place names in report text, resolved to a country, a first-level region and a position.

Outlets spell the same place differently ("Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr") and
name it at different levels ("Qamishli" in one report, "Hasakeh province" in the next), so
grouping compares regions, not strings. The gazetteer is GeoNames' (CC BY 4.0), shipped in
``data/places.tsv.gz`` (see ``gazetteer_build``): nothing is downloaded at run time.

A capitalised name can be a place in many countries ("Homs" is also in Libya, "Of" in
Turkey), so a report's places are read in the country the report is about: the country it
names most (by name, demonym or unambiguous city), and only candidates there are kept.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("data")
PLACES_FILE = DATA / "places.tsv.gz"
COUNTRIES_FILE = DATA / "countries.yaml"
SEPARATOR = "#names"

# Two places this close are one area for grouping (a town and the city beside it).
NEAR_KM = 50.0
# A city this big is what an ambiguous name most likely means ("Damascus", not Damascus, MD).
BIG_CITY = 100_000
# A city this big names the scene's country even alone ("Lebanese victims in Damascus"
# is Syria); a smaller one may be a namesake of a town the gazetteer lacks.
METROPOLIS = 1_000_000
TOWN = 5_000
_LOCATIVE = re.compile(
    r"(?i)\b(?:in|near|at|outside|around|of|from|into|village|town|city|province|district)\s+(?:the\s+)?$"
)

# "Baghdad Street" in Damascus, "Thawra Street": a street, square or road is named after
# another place (or a person) and says nothing about where the report is.
_STREET_AFTER = re.compile(
    r"\s+(?:Street|St\b|Road|Rd\b|Square|Avenue|Ave\b|Roundabout|Highway|Boulevard)"
)

_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "ash", "az", "at", "an", "ath", "the"})
_LETTERS = re.compile(r"[^a-z ]+")
# The Arabic article in its transliterations, inside a name: "Deir ez-Zor", "Ras al-Ain"
_INNER_ARTICLE = "al|el|ad|as|ar|ash|az|ez|es|ed|er|en|et|at|an|ath|ul|ud|us|ur"
_CAPITALISED = re.compile(
    rf"\b[A-Z][\w'\u2019\-]*(?:\s+(?:(?:{_INNER_ARTICLE})-)?[A-Z][\w'\u2019\-]*){{0,3}}"
)


def fold_name(name: str) -> str:
    """Key for spelling variants: no accents, case, hyphens, spaces or leading article."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = _LETTERS.sub(" ", text.replace("'", "").replace("\u2019", "")).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(words)


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place: ``region`` is (country code, first-level region code)."""

    name: str
    country: str
    admin1: str
    latitude: float
    longitude: float
    population: int

    @property
    def region(self) -> tuple[str, str]:
        return self.country, self.admin1


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def same_area(a: Place, b: Place, km: float = NEAR_KM) -> bool:
    """One first-level region, or in one country and within ``km`` (one theatre)."""
    return a.region == b.region or (a.country == b.country and distance_km(a, b) <= km)


@dataclass(frozen=True)
class Gazetteer:
    """Folded name -> candidate places; country names and demonyms -> country code."""

    places: Mapping[str, tuple[Place, ...]]
    countries: Mapping[str, str]
    not_places: frozenset[str]

    def candidates(self, name: str) -> tuple[Place, ...]:
        key = fold_name(name)
        if len(key) < 4 or key in self.not_places:
            return ()
        # GeoNames lists "Rapid" for Rapid City and "North" for North Salt Lake: the first
        # word of a longer name is an English word far more often than that place.
        return tuple(
            place for place in self.places.get(key, ()) if not _first_word_of(key, place.name)
        )

    def country(self, name: str) -> str | None:
        return self.countries.get(fold_name(name))


class _Places(Mapping[str, tuple[Place, ...]]):
    """Folded name -> places, parsing a place's row only when it is looked up."""

    def __init__(self, rows: list[str], keys: dict[str, str]) -> None:
        self._rows = rows
        self._keys = keys

    def __getitem__(self, key: str) -> tuple[Place, ...]:
        return _parse(self._rows, self._keys[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@functools.lru_cache(maxsize=65536)
def _parse_row(row: str) -> Place:
    country, admin1, lat, lon, population, name = row.split("\t")
    return Place(name, country, admin1, float(lat), float(lon), int(population))


def _parse(rows: list[str], ids: str) -> tuple[Place, ...]:
    return tuple(_parse_row(rows[int(number)]) for number in ids.split(","))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    with gzip.open(PLACES_FILE, "rt", encoding="utf-8") as handle:
        head, _, tail = handle.read().partition("\n" + SEPARATOR + "\n")
    rows = head.split("\n")
    keys = dict(line.split("\t", 1) for line in tail.splitlines())
    data = yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8"))
    countries: dict[str, str] = {}
    for code, names in data["countries"].items():
        for name in names:
            countries[fold_name(name)] = code
    return Gazetteer(
        places=_Places(rows, keys),
        countries=countries,
        not_places=frozenset(fold_name(word) for word in data["not_places"]),
    )


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A resolved place at a character offset of the text it was read from."""

    offset: int
    place: Place


@dataclass(frozen=True, slots=True)
class PlaceScan:
    """What one pass over a text found: candidate places and the countries pointed to."""

    found: tuple[tuple[int, tuple[Place, ...]], ...]
    votes: Mapping[str, float]
    named: frozenset[str]
    # countries a metropolis points to ("Damascus"): a scene, even named alone
    cities: frozenset[str] = frozenset()


def scan_places(text: str) -> PlaceScan:
    """Every name in ``text`` that may be a place, and the evidence for each country."""
    found: list[tuple[int, tuple[Place, ...]]] = []
    votes: dict[str, float] = defaultdict(float)  # country -> evidence
    named: set[str] = set()
    cities: set[str] = set()
    for offset, name in _names(text):
        if _STREET_AFTER.match(text, offset + len(name)):
            continue
        country, candidates = _lookup(name)
        if candidates and name.isupper() and len(name) > 3:
            # "KHARTOUM (AFP) -": a dateline says which country the desk covers, not
            # where the scene is; so its city votes for its country and is no place
            # (as much as a country named: Reuters' Beirut desk covers Syria)
            city = _big_city(candidates)
            if city is not None:
                votes[city.country] += 0.5
                named.add(city.country)
            continue
        if candidates and " " not in name and written_lower(name, text):
            continue  # "Drone", "City": the text writes the word in lower case
        if country:
            # "US", "Russian": often an actor, not the scene, so half a place's vote
            votes[country] += 0.5
            named.add(country)
            continue
        if not candidates:
            continue
        located = _LOCATIVE.search(text, max(0, offset - 24), offset) is not None
        if any(place.population < TOWN for place in candidates) and not located:
            # Without "in", "near", "village of" before it, a capitalised word is a
            # place only if it is at least a town: "Human" is no village here.
            candidates = tuple(place for place in candidates if place.population >= TOWN)
            if not candidates:
                continue
        city = _big_city(candidates)
        if not located and city is None and not _own_name(name, candidates):
            # a small town's other name ("Drone" for Dronero) is a word until a
            # locative says otherwise ("Drone strike on El Fasher hospital")
            continue
        found.append((offset, candidates))
        # A name that can only be in one country says so; else only a city that dwarfs
        # its namesakes ("Homs" in Syria, not Al Khums in Libya).
        first = candidates[0].country
        if all(place.country == first for place in candidates):
            votes[first] += 1
        else:
            top, second = heapq.nlargest(2, candidates, key=_population)
            if top.population >= BIG_CITY and top.population >= 3 * max(second.population, 1):
                votes[top.country] += 1
        if city is not None and city.population >= METROPOLIS:
            cities.add(city.country)
    return PlaceScan(tuple(found), dict(votes), frozenset(named), frozenset(cities))


def read_places(text: str, default_country: str = "") -> tuple[list[PlaceMention], str]:
    """Places named in ``text``, and the country the text is mostly about ("" if none)."""
    return resolve_places(scan_places(text), default_country)


def resolve_places(scan: PlaceScan, default_country: str = "") -> tuple[list[PlaceMention], str]:
    """The scan's places read in one country, and that country ("" if none).

    The country is the one the text points to most: countries and demonyms named, names
    that can only be in one country, and big cities. Only places in that country are
    kept: the scene of a report is in one country, and "Castello" in an Aleppo report is
    not the Spanish city. ``default_country`` is used when the text points nowhere.
    """
    votes = dict(scan.votes)
    if not votes:
        if not default_country or not scan.found:
            return [], ""
        votes[default_country] = 0.0
    # A scene country is named, holds a metropolis, or holds two places named differently:
    # one small name alone ("Obama", a Japanese town) is more likely a person or a word.
    # Two candidates of one name ("City": Oakville and Thompsonville) are one name.
    distinct: dict[str, set[frozenset[str]]] = {}
    for _offset, candidates in scan.found:
        names = frozenset(place.name for place in candidates)
        for place in candidates:
            distinct.setdefault(place.country, set()).add(names)
    eligible = {
        code
        for code in votes
        if code in scan.named or code in scan.cities or len(distinct.get(code, ())) >= 2
    }
    country = max(votes, key=lambda code: (code in eligible, votes[code]))
    mentions = []
    for offset, candidates in scan.found:
        local = [place for place in candidates if place.country == country]
        if local:
            mentions.append(PlaceMention(offset, max(local, key=lambda place: place.population)))
    return mentions, country


def written_lower(word: str, text: str) -> bool:
    """The text also writes ``word`` in lower case, as a word of its own."""
    lower = word.lower()
    return (
        lower != word
        and lower in text
        and re.search(rf"(?<![\w\-]){re.escape(lower)}(?![\w\-])", text) is not None
    )


_VOWELS = "aeiou"


@functools.lru_cache(maxsize=65536)
def respell(name: str, country: str) -> Place | None:
    """The place of ``country`` a name the gazetteer lacks is a spelling of, if one is.

    Transliterated names vary in doubled letters and vowels ("Raqa" for Raqqa, "Idleb" for
    Idlib). One such edit of the folded name (a letter doubled or undoubled, a vowel
    changed, dropped or added) that names a town of the report's country, among all the
    spellings GeoNames lists for it, is taken ("Deir az-Zour" is one edit from its
    "Deir az-Zor"); two different towns, or none, leave the name unresolved.
    """
    key = fold_name(name)
    if len(key) < 4 or not country:
        return None
    variants: set[str] = set()
    for i, letter in enumerate(key):
        variants.add(key[: i + 1] + letter + key[i + 1 :])  # doubled
        if i and key[i - 1] == letter:
            variants.add(key[:i] + key[i + 1 :])  # undoubled
        if letter in _VOWELS:
            variants.add(key[:i] + key[i + 1 :])  # dropped
            variants.update(key[:i] + v + key[i + 1 :] for v in _VOWELS)  # changed
    for i in range(1, len(key)):
        variants.update(key[:i] + v + key[i:] for v in _VOWELS)  # added
    variants.discard(key)
    gazetteer = load_gazetteer()
    found = {
        place
        for variant in variants
        if variant in gazetteer.places
        for place in gazetteer.places[variant]
        if place.country == country and place.population >= TOWN
    }
    return found.pop() if len(found) == 1 else None


def _own_name(name: str, candidates: tuple[Place, ...]) -> bool:
    """``name`` is the main name of one of the candidates, not only another name of it."""
    key = fold_name(name)
    return any(fold_name(place.name) == key for place in candidates)


def _population(place: Place) -> int:
    return place.population


def _big_city(candidates: tuple[Place, ...]) -> Place | None:
    """The big city a name most likely means: one that dwarfs its namesakes elsewhere."""
    top = max(candidates, key=_population)
    if top.population < BIG_CITY:
        return None
    abroad = [place.population for place in candidates if place.country != top.country]
    return top if top.population >= 3 * max(abroad, default=1) else None


def names_country(name: str) -> str | None:
    """The country a name names ("Syria", "Syrian"), if it names one."""
    return _lookup(name)[0]


@functools.lru_cache(maxsize=262144)
def _lookup(name: str) -> tuple[str | None, tuple[Place, ...]]:
    """(country it names, places it can be) for one name; names repeat across reports."""
    gazetteer = load_gazetteer()
    if name.endswith(("'s", "\u2019s")):  # "Sudan's North Darfur state"
        name = name[:-2]
    country = gazetteer.country(name)
    if country is None and name.endswith("s") and len(name) > 4:
        # "Syrias", "Ukraines": copy that lost its apostrophe (FA-KES) names the country.
        country = gazetteer.country(name[:-1])
        if country is not None:
            return country, ()
    return country, gazetteer.candidates(name)


def _first_word_of(key: str, name: str) -> bool:
    words = name.split()
    return len(words) > 1 and fold_name(words[0]) == key != fold_name(name)


def _names(text: str) -> Iterator[tuple[int, str]]:
    """Capitalised names of up to four words, longest known name first."""
    for match in _CAPITALISED.finditer(text):
        words = match.group(0).split()
        offsets, at = [], match.start()
        for word in words:  # where each word starts
            at = text.index(word, at)
            offsets.append(at)
            at += len(word)
        start = 0
        while start < len(words):
            size = 1
            for length in range(min(4, len(words) - start), 0, -1):
                name = " ".join(words[start : start + length])
                country, candidates = _lookup(name)
                if country or candidates:
                    size = length
                    yield offsets[start], name
                    break
            start += size
