"""What grouping compares: normalised places, actors, dates, figures and words per claim.

Claims are worded differently across outlets ("IS militants killed 26 soldiers"
vs "concentrated operations against IS"), so raw text similarity alone cannot
find the same happening. We reduce each claim to comparable keys once, in one
linear pass, so blocking and scoring never re-parse text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from models import Claim, Modality, Report

# A window of days as ordinal integers (date.toordinal), inclusive.
Window = tuple[int, int]

# How far back an undated claim may reach from its report's publication date.
SOFT_WINDOW_DAYS = 10

_STOPWORDS_TEXT = """
a an the and or but of to in on at by for from with without into onto over under about
around near as is are was were be been being has have had having do does did it its
this that these those there their they them he she his her him we our you your i me my
which who whom whose what when where while after before than then so such not no nor
also very more most some any all each other another up down out off said says say
saying told according would will could should can may might must further already still
just only even since until against between during through per
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}

MONTHS = {
    name: index + 1
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a few": 3, "several": 3, "a couple of": 2,
}  # fmt: skip

# Countries, wide regions and metonymic capitals: compatible with any place, so they
# neither veto nor confirm a match ("ceasefire in Syria" vs "west of Palmyra").
COARSE_PLACES = frozenset(
    {
        "syria", "iraq", "russia", "jordan", "israel", "lebanon", "turkey", "iran", "egypt",
        "libya", "yemen", "saudi arabia", "united states", "us", "u.s.", "usa", "america",
        "ukraine", "afghanistan", "pakistan", "india", "china", "france", "germany",
        "britain", "united kingdom", "uk", "europe", "middle east", "gulf", "africa", "asia",
        "sudan", "somalia", "mali", "niger", "nigeria", "ethiopia", "qatar", "kuwait",
        "bahrain", "oman", "palestine", "kurdistan", "levant", "north africa", "sahel",
        "caucasus", "balkans", "south", "north", "east", "west",
        # Capitals that stand for their governments ("if Moscow does not reach agreement").
        "moscow", "washington", "kremlin", "white house", "pentagon", "tehran", "ankara",
        "beijing", "london", "paris", "riyadh", "brussels",
    }
)  # fmt: skip

DEMONYMS = {
    "syrian": "syria", "russian": "russia", "jordanian": "jordan", "israeli": "israel",
    "iraqi": "iraq", "turkish": "turkey", "lebanese": "lebanon", "iranian": "iran",
    "american": "united states", "egyptian": "egypt", "libyan": "libya", "yemeni": "yemen",
    "ukrainian": "ukraine", "afghan": "afghanistan", "kurdish": "kurdistan",
    "palestinian": "palestine", "saudi": "saudi arabia",
}  # fmt: skip

# Actor aliases -> canonical actor. Patterns are matched case-sensitively where the
# short form is ambiguous ("IS" vs "is").
_ACTOR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), actor)
    for pattern, actor in (
        (r"\b(?:IS|ISIS|ISIL|Daesh|Islamic State)\b", "islamic state"),
        (r"(?i)\b(?:syrian|government|regime|pro-government|assad)(?:'s)?\s+"
         r"(?:army|soldiers|troops|forces|air force|warplanes|jets)\b", "syrian government"),
        (r"(?i)\bsyrian (?:government|regime)\b|\bAssad\b", "syrian government"),
        (r"(?i)\b(?:russia|russian|moscow|kremlin|putin)\b", "russia"),
        (r"\b(?:US|U\.S\.|United States|Washington|American|Pentagon)\b", "united states"),
        (r"(?i)\b(?:nusra front|al-nusra|jabhat al-nusra|al qaeda's syrian affiliate)\b",
         "nusra front"),
        (r"(?i)\b(?:hezbollah)\b", "hezbollah"),
        (r"(?i)\b(?:kurdish|ypg|sdf)\b(?:\s+(?:forces|fighters|militia))?", "kurdish forces"),
        (r"(?i)\b(?:rebels?|insurgents?|opposition fighters)\b", "rebels"),
        (r"(?i)\bcoalition\b", "coalition"),
    )
)  # fmt: skip

_PLACE_AFTER = re.compile(
    # The lookahead holds the first letters of the words below: Python's re tries the
    # case-blind alternation at every word start otherwise (1.7x slower at 100k claims).
    r"\b(?=[ainotsewvcpdgrAINOTSEWVCPDGR])"
    r"(?i:in|near|at|around|outside|into|toward|towards|(?:north|south|east|west|"
    r"north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\s+of|(?:village|town|city|province|district|governorate|region|area|suburb|"
    r"neighbourhood|neighborhood)\s+of)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'\-]*)(?:\s+(?:al|Al|el|El|ad|as|ar|bin|de)?\s*[A-Z][\w'\-]*){0,3})"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'\-]*(?:\s+(?:[A-Z][\w'\-]*|al|el|de|of)){0,3}")
_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

_DISTANCE_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mile", "miles": "mile", "m": "m", "metres": "m",
    "meters": "m",
}  # fmt: skip
_DISTANCE_REF = re.compile(
    r"(\d+(?:\.\d+)?)\s*((?i:km|kms|kilomet(?:re|er)s?|miles?))\b(?:\s*\([^)]*\))?\s*"
    r"((?i:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?))?\s*(?i:of|from)\s+"
    r"(?:the\s+)?([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2})"
)

# Words that name who or what a count is about, folded to one head.
_UNIT_SYNONYMS = {
    "troops": "soldiers", "servicemen": "soldiers", "soldier": "soldiers",
    "militants": "fighters", "jihadists": "fighters", "insurgent": "insurgents",
    "fighter": "fighters", "civilian": "civilians", "people": "people", "persons": "people",
    "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed",
    "killings": "killed", "fatalities": "killed", "wounded": "injured", "injuries": "injured",
    "hurt": "injured",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """Everything grouping needs about one claim, computed once."""

    index: int
    claim_id: str
    report_id: str
    outlet: str
    position: int  # order of the claim within its report
    words: str  # normalised content words, space-joined, for rapidfuzz
    tokens: frozenset[str]
    places: frozenset[str]  # specific places (villages, towns, cities)
    inherited_places: bool  # places borrowed from the preceding claim in the report
    coarse_places: frozenset[str]  # countries and regions
    actors: frozenset[str]
    window: Window | None  # days the happening may fall on
    explicit_date: bool  # the window comes from the text, not the publication date
    units: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    modality: Modality = Modality.ASSERTED


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@functools.lru_cache(maxsize=65536)  # few distinct (expression, day) pairs in a corpus
def resolve_time(expression: str, published: date | None) -> tuple[date, date] | None:
    """Resolve "on Monday", "last week", "March 22", "yesterday" against the report's date.

    Returns the inclusive range of days the expression can mean, or None when it
    names no day we can place. Weekdays mean the most recent such day on or before
    publication, as news copy uses them.
    """
    if published is None or not expression:
        return None
    text = expression.casefold()
    words = _WORD.findall(text)
    if not words:
        return None
    joined = " ".join(words)
    if "today" in words or "tonight" in words or "this morning" in joined:
        return published, published
    if "yesterday" in words or "last night" in joined or "overnight" in words:
        return published - timedelta(days=1), published
    match = re.search(r"(\d+|" + "|".join(NUMBER_WORDS) + r") (day|week|month)s? ago", joined)
    if match:
        amount = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS[match.group(1)]
        unit = {"day": 1, "week": 7, "month": 30}[match.group(2)]
        centre = published - timedelta(days=amount * unit)
        slack = 0 if unit == 1 else unit // 2
        return centre - timedelta(days=slack), centre + timedelta(days=slack)
    if "last week" in joined or "past week" in joined:
        start = _monday(published) - timedelta(days=7)
        return start, start + timedelta(days=6)
    if "this week" in joined or "earlier this week" in joined:
        return _monday(published), published
    if "last month" in joined or "past month" in joined:
        first = published.replace(day=1)
        last_prev = first - timedelta(days=1)
        return last_prev.replace(day=1), last_prev
    if "this month" in joined:
        return published.replace(day=1), published
    # Explicit calendar dates: "March 22", "22 March", "March 22, 2016".
    for index, word in enumerate(words):
        if (word in MONTHS and word != "may") or (word == "may" and _has_day_near(words, index)):
            day = _day_near(words, index)
            if day is None:
                continue
            year = _year_near(words, index) or published.year
            try:
                found = date(year, MONTHS[word], day)
            except ValueError:
                continue
            if not _year_near(words, index) and (found - published).days > 180:
                found = found.replace(year=year - 1)
            return found, found
    for index, word in enumerate(words):
        if word in WEEKDAYS and len(word) > 3:
            strictly_before = index > 0 and words[index - 1] == "last"
            back = (published.weekday() - WEEKDAYS[word]) % 7
            if back == 0 and strictly_before:
                back = 7
            weekday = published - timedelta(days=back)
            return weekday, weekday
    return None


def _has_day_near(words: Sequence[str], index: int) -> bool:
    return _day_near(words, index) is not None


def _day_near(words: Sequence[str], index: int) -> int | None:
    for neighbour in (index + 1, index - 1):
        if 0 <= neighbour < len(words):
            word = words[neighbour].removesuffix("th").removesuffix("st").removesuffix("nd")
            word = word.removesuffix("rd")
            if word.isdigit() and 1 <= int(word) <= 31:
                return int(word)
    return None


def _year_near(words: Sequence[str], index: int) -> int | None:
    for neighbour in range(index + 1, min(index + 4, len(words))):
        word = words[neighbour]
        if word.isdigit() and len(word) == 4:
            return int(word)
    return None


_TIME_IN_LOWER = re.compile(
    # first characters of every branch below: a word start that cannot begin one is
    # passed over at once (1.7x faster)
    r"(?=[olestmwfypdajn0-9])(?:"
    r"\b(?:(?:on|last|earlier on|late on|early on|since)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:last|this|past) (?:week|month)\b|\byesterday\b|\btoday\b|\blast night\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|several|a few) (?:day|week)s? ago\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}\b|\b\d{1,2} (?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b"
    r")"
)
# The same, case-blind: Python's re scans a lower-cased copy about three times faster than
# it matches with IGNORECASE, which matters at 100,000 claims.
_TIME_IN_TEXT = re.compile(_TIME_IN_LOWER.pattern, re.IGNORECASE)


def find_time(text: str) -> str:
    """The first time expression in ``text`` ("on Monday", "March 22"), or ""."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two
        match = _TIME_IN_TEXT.search(text)
        return match.group(0) if match else ""
    match = _TIME_IN_LOWER.search(lowered)
    return text[match.start() : match.end()] if match else ""


def time_expression_of(claim: Claim) -> str:
    """The claim's time expression, or one found in its own text when the extractor gave none."""
    if claim.time_expression:
        return claim.time_expression
    return find_time(claim.text)


@functools.lru_cache(maxsize=65536)
def normalise_place(name: str) -> str:
    """Fold a place name so "the Golan Heights" and "Golan Heights" are one key."""
    name = name.strip().casefold()
    name = re.sub(r"^(?:the|al-)\s*", "", name) if name.startswith("the ") else name
    name = name.removesuffix("'s").removesuffix("\u2019s").strip(" .,;:")
    return DEMONYMS.get(name, name)


def is_coarse(place: str) -> bool:
    """Countries and wide regions: compatible with any place inside them."""
    return place in COARSE_PLACES


def content_words(text: str) -> list[str]:
    """Lower-cased content words with light suffix folding ("killed"/"killing" -> "kill")."""
    out: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if word in STOPWORDS or len(word) < 2:
            continue
        out.append(_stem(word))
    return out


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def actors_of(text: str) -> frozenset[str]:
    """Canonical parties named in the claim text (IS, the Syrian army, Russia, ...)."""
    # One search per actor stops at its first mention: faster than one pass of an
    # alternation of every alias, which Python's re cannot prefilter.
    return frozenset(actor for pattern, actor in _ACTOR_PATTERNS if pattern.search(text))


def places_in_text(text: str, gazetteer: frozenset[str] = frozenset()) -> set[str]:
    """Places the extractor may have missed: after locative words, or already known places."""
    found = {normalise_place(match.group(1)) for match in _PLACE_AFTER.finditer(text)}
    if gazetteer:
        for match in _CAPITALISED.finditer(text):
            words = match.group(0).split()
            for size in range(len(words), 0, -1):
                for start in range(len(words) - size + 1):
                    candidate = normalise_place(" ".join(words[start : start + size]))
                    if candidate in gazetteer:
                        found.add(candidate)
    return {place for place in found if place and place not in _NOT_PLACES}


_NOT_PLACES = frozenset(
    {
        "is",
        "isis",
        "isil",
        "us",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "his",
        "her",
        "their",
    }
)


@functools.lru_cache(maxsize=65536)
def normalise_unit(unit: str) -> str:
    """Fold a figure's unit so "troops dead" and "soldiers killed" compare."""
    words = [_UNIT_SYNONYMS.get(word, word) for word in _WORD.findall(unit.casefold())]
    words = [_DISTANCE_UNITS.get(word, word) for word in words]
    return " ".join(words)


_DISTANCE_WORDS = frozenset({"km", "mile", "m"})


def is_distance(unit: str) -> bool:
    """Distances describe where, not what; they compare only with a reference point."""
    return not _DISTANCE_WORDS.isdisjoint(unit.split())


@functools.lru_cache(maxsize=16384)  # a claim's text is read by grouping and by its event
def distance_units(text: str) -> Mapping[float, str]:
    """Map each distance figure in the text to a unit that names its reference point.

    "about 4 km (2 miles) west of Palmyra" gives {4.0: "km west of palmyra"}; a bare
    "about 100km further west" has no reference and gives nothing, so it is never
    compared with a distance measured from somewhere else.
    """
    out: dict[float, str] = {}
    for match in _DISTANCE_REF.finditer(text):
        unit = _DISTANCE_UNITS.get(match.group(2).casefold(), match.group(2).casefold())
        direction = (match.group(3) or "").casefold().removesuffix("ern")
        reference = normalise_place(match.group(4))
        label = " ".join(part for part in (unit, direction, "of", reference) if part)
        out[float(match.group(1))] = label
    return out


def claim_units(claim: Claim) -> dict[str, tuple[float, float]]:
    """Comparable figures of one claim: normalised unit -> (low, high)."""
    out: dict[str, tuple[float, float]] = {}
    distances: dict[float, str] | None = None
    for quantity in claim.quantities:
        unit = normalise_unit(quantity.unit)
        if not unit:
            continue
        if is_distance(unit):
            if distances is None:
                distances = distance_units(claim.text or claim.sentence)
            label = distances.get(float(quantity.value))
            if label is None:
                continue
            unit = label
        low = float(quantity.low if quantity.low is not None else quantity.value)
        high = float(quantity.high if quantity.high is not None else quantity.value)
        if unit in out:
            low, high = min(low, out[unit][0]), max(high, out[unit][1])
        out[unit] = (low, high)
    return out


def build_gazetteer(claims: Iterable[Claim]) -> frozenset[str]:
    """Specific places any claim of the corpus names, to find them again in other claims."""
    places: set[str] = set()
    for claim in claims:
        places.update(normalise_place(place) for place in claim.places)
        places.update(
            normalise_place(match.group(1)) for match in _PLACE_AFTER.finditer(claim.text)
        )
    return frozenset(
        place for place in places if place and not is_coarse(place) and place not in _NOT_PLACES
    )


def extract_features(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    gazetteer: frozenset[str] | None = None,
) -> list[ClaimFeatures]:
    """Features for every claim, in input order; claims without places borrow their
    neighbour's, because a reporter's follow-up sentence ("the fighting took place")
    is about the place just named."""
    if gazetteer is None:
        gazetteer = build_gazetteer(claims)
    order = sorted(range(len(claims)), key=lambda i: (claims[i].report_id, claims[i].span[0]))
    positions = [0] * len(claims)
    previous_in_report: list[int | None] = [None] * len(claims)
    last_report: str | None = None
    last_index: int | None = None
    position = 0
    for index in order:
        report_id = claims[index].report_id
        if report_id != last_report:
            position, last_index, last_report = 0, None, report_id
        positions[index] = position
        previous_in_report[index] = last_index
        position += 1
        last_index = index

    raw_places: list[set[str]] = []
    for claim in claims:
        named = {normalise_place(place) for place in claim.places}
        named.update(places_in_text(claim.text, gazetteer))
        raw_places.append({place for place in named if place and place not in _NOT_PLACES})

    specific: list[frozenset[str]] = [frozenset()] * len(claims)
    inherited = [False] * len(claims)
    for index in order:  # report order, so the preceding claim is already resolved
        own = frozenset(raw_places[index] - COARSE_PLACES)
        before = previous_in_report[index]
        # One hop only, from a claim that named its places itself, and only when this
        # claim names no place at all (a country is a place too): no chains.
        if (
            not raw_places[index]
            and before is not None
            and not inherited[before]
            and _near(claims[before], claims[index])
        ):
            own, inherited[index] = specific[before], bool(specific[before])
        specific[index] = own

    features: list[ClaimFeatures] = []
    for index, claim in enumerate(claims):
        report = reports.get(claim.report_id)
        published = report.published if report else None
        window: Window | None = None
        explicit = False
        resolved = (
            resolve_time(time_expression_of(claim), published)
            if claim.modality in _HAPPENED
            else None
        )
        if resolved is not None:
            window, explicit = (resolved[0].toordinal(), resolved[1].toordinal()), True
        elif published is not None:
            day = published.toordinal()
            window = (day - SOFT_WINDOW_DAYS, day)
        words = content_words(claim.text)
        features.append(
            ClaimFeatures(
                index=index,
                claim_id=claim.id,
                report_id=claim.report_id,
                outlet=(report.outlet if report else "") or claim.report_id,
                position=positions[index],
                words=" ".join(words),
                tokens=frozenset(words),
                places=specific[index],
                inherited_places=inherited[index],
                coarse_places=frozenset(raw_places[index] & COARSE_PLACES),
                # A speaker that is itself a party ("Russia's Foreign Ministry", "the
                # United States") is involved in what it speaks about.
                actors=actors_of(" ; ".join((claim.text, *claim.sources))),
                window=window,
                explicit_date=explicit,
                units=claim_units(claim),
                modality=claim.modality,
            )
        )
    return features


# Only for claims about something that happened does the time expression date the
# happening; "would act starting from March 22" dates a threat, not an event.
_HAPPENED = frozenset({Modality.ASSERTED, Modality.DENIED})

# A follow-up sentence borrows the preceding claim's places only when it is close.
_NEAR_CHARS = 400


def _near(before: Claim, after: Claim) -> bool:
    return after.span[0] - before.span[1] <= _NEAR_CHARS
