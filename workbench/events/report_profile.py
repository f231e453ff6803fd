"""What decides a report's happening: its day, its places (as regions) and its words.

A report covers one main happening, named in its title and lead: that is where its places
are weighed most. The day is the publication date, or the date the copy opens with when
the report has none ("Fri 07 Apr 2017 ...", "24.08.2013 ..."); a report with neither is
undated and is grouped by its content alone. The weekdays of the copy ("on
Monday") are not used: on real coverage they often name when something was said, not when
it happened (measured on FA-KES: dating reports by them lost 0.13 of pair F1, and keeping
reports apart by them 0.05).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from models import Report
from workbench.events.features import (
    _PLACE_AFTER,
    MONTHS,
    find_time,
    is_coarse,
    normalise_place,
    resolve_time,
)
from workbench.events.gazetteer import (
    Gazetteer,
    Place,
    PlaceMention,
    PlaceScan,
    fold_name,
    load_gazetteer,
    names_country,
    resolve_places,
    respell,
    scan_places,
    written_lower,
)
from workbench.events.kinds import attack_means

LEAD_CHARS = 400  # the lead: where a report names its main happening
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
DECAY = 0.85  # each later mention weighs a little less
# A city is where many happenings happen each day; a town or village names one.
SPOT_POPULATION = 100_000
MAX_LEAD_DAYS = 7  # a lead's "on Monday" reaches back a week at most

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_LEAD_DATES = (
    # 07 Apr 2017, Tuesday 22 November 2016
    (re.compile(rf"(?i)\b(\d{{1,2}})\s+({_MONTH})\.?\s+((?:19|20)\d\d)\b"), (1, 2, 3)),
    # Sep 27 2013, Posted on April 2 2017, December 16, 2013
    (re.compile(rf"(?i)\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b"), (2, 1, 3)),
    # 24.08.2013
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b"), (1, 2, 3)),
    # 2016-03-21
    (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"), (3, 2, 1)),
)


def lead_date(text: str, chars: int = 120) -> date | None:
    """The date a report's copy opens with, if any."""
    head = text[:chars]
    best: tuple[int, date] | None = None
    for pattern, (day_group, month_group, year_group) in _LEAD_DATES:
        match = pattern.search(head)
        if not match:
            continue
        month_text = match.group(month_group)
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.casefold()]
        try:
            found = date(int(match.group(year_group)), month, int(match.group(day_group)))
        except ValueError:
            continue
        if best is None or match.start() < best[0]:
            best = (match.start(), found)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class ReportProfile:
    """A report reduced to what grouping compares."""

    report_id: str
    day: int | None  # ordinal of the report's day; None when undated
    lead_days: tuple[int, int] | None  # the days its lead names ("on Monday"), else its day
    country: str
    regions: dict[tuple[str, str], float]  # region -> weight (title and lead weigh most)
    anchors: tuple[Place, ...]  # places of the title and lead, in order
    # every gazetteer place of the body, as (offset in report.text, place): claims read
    # their own places from here instead of scanning their text again
    body_places: tuple[tuple[int, Place], ...]
    spot: str  # the first place the lead names, when it is a town or village, not a city
    words: str  # the text TF-IDF reads: the title twice, then the body
    means: frozenset[str] = frozenset()  # means of attack its headline names (``kinds``)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text[: end + 1] if 0 <= end < LEAD_CHARS else text[:LEAD_CHARS]


def _heading(report: Report) -> str:
    title = report.title.strip()
    return f"{title}.\n" if title else ""


def _holds_known(known: Sequence[int], start: int, end: int) -> bool:
    """A known place starts inside the span ("Syrias Aleppo": Aleppo is already read)."""
    at = bisect.bisect_left(known, start)
    return at < len(known) and known[at] < end


# Generic words of a place's name: never a place alone, and part of the name after a
# country word ("Gaza City").
_FEATURES = frozenset(
    """city valley delta basin province strip heights region governorate state mountains
    coast border sea river lake desert plain plains""".split()  # noqa: SIM905
)
_ACRONYM = re.compile(r"[A-Z]{2,5}s?")  # IS, ISIL, YPG, SDF: groups, not places


# "Daesh-held", "US-Led", "Houthi-controlled": a capitalised word made an adjective (an
# article inside a name, "Ras-al-Ain", "Deir-ez-Zor", is not one)
_ADJECTIVE = re.compile(
    r"[^\W\d_][\w'\-]*-(?i:led|held|controlled|backed|run|allied|linked|affiliated|majority|"
    r"occupied|dominated|besieged|ruled|based|bound|packed|regime)"
)
# "Eastern Ghouta", "Northern Aleppo", "Southern Syria": the name is what follows
_DIRECTION = frozenset(
    f"{side}{suffix}"
    for side in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                 "southwest", "north-east", "north-west", "south-east", "south-west")
    for suffix in ("", "ern")
)  # fmt: skip


def place_words(name: str, text: str, title: bool = False) -> str:
    """The words of a capitalised run after "in" that can name a place, or "".

    Headlines in title case make "in US-led Coalition Attacks" look like a place: words
    the same report writes in lower case end the name, as do names the gazetteer keeps
    out ("Monitor", "State"). A run read from the ``title`` whose later words the body
    never writes ("Raqqa Rises") keeps only its first word; if that leaves one word of a
    longer name ("Kafr" of "Kafr Hamra", written "Kafr-Hamra" below), it is no place. A
    country word in front is the country, already read ("Syrias Raqa": Raqa), and so are
    an adjective ("Daesh-held Raqqa") and a direction ("Eastern Ghouta": Ghouta). Acronyms
    are groups ("in IS stronghold") or agencies ("Moscow AFP"), and names under four
    letters ("N." of "N. Syria", "Jun") are abbreviations.
    """
    words = name.split()
    # "Daesh-held Raqqa", "N Syria", "Eastern Ghouta": what stands before the name
    while words and (
        _ADJECTIVE.fullmatch(words[0])
        or len(words[0].rstrip(".")) == 1
        or words[0].casefold() in _DIRECTION
    ):
        words = words[1:]
    # "Jordan Valley", "Gaza City", "Niger Delta": the country word is part of the name
    while len(words) > 1 and names_country(words[0]) and words[1].casefold() not in _FEATURES:
        words = words[1:]
    if not words or (len(words) == 1 and names_country(words[0])):
        return ""
    if "-" in words[0] and all(names_country(part) for part in words[0].split("-")):
        return ""  # "Syria-Turkey border": two countries, no place of its own
    kept: list[str] = []
    body = ""
    for word in words:
        if (
            written_lower(word, text)
            or fold_name(word) in load_gazetteer().not_places
            or (kept and (_ACRONYM.fullmatch(word) or _ADJECTIVE.fullmatch(word)))
        ):
            break
        if title and kept:
            body = body or _squashed(text)  # spaces and hyphens aside ("Kafr-Hamra")
            if _squashed(word) not in body:
                if len(kept) == 1 and not _known(kept[0]):
                    return ""  # "Kafr" of a name the body writes otherwise
                break
        kept.append(word)
    if (
        not kept
        or _ACRONYM.fullmatch(kept[0])
        or (len(kept) == 1 and kept[0].casefold() in _FEATURES)
    ):
        return ""
    place = " ".join(kept)
    return place if len(fold_name(place)) >= 4 else ""


_NOT_LETTERS = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4)
def _squashed(text: str) -> str:
    """``text`` in lower case without spaces, hyphens or marks: "Kafr-Hamra" is "kafrhamra"."""
    return _NOT_LETTERS.sub("", text.casefold())


def _known(word: str) -> bool:
    """The gazetteer or the country list knows ``word`` as a name of its own."""
    gazetteer = load_gazetteer()
    return bool(gazetteer.candidates(word)) or gazetteer.country(word) is not None


def report_day(report: Report) -> date | None:
    return report.published or lead_date(report.text)


def profile_report(
    report: Report,
    gazetteer: Gazetteer | None = None,
    default_country: str = "",
    claim_places: Iterable[str] = (),
    scan: PlaceScan | None = None,
) -> ReportProfile:
    """The profile of one report (a linear scan of its text).

    ``default_country`` reads the places of a report that names no country of its own
    (the country most reports of the corpus are about); ``claim_places`` are the places
    its extracted claims name, used when the text yields none.
    """
    gazetteer = gazetteer or load_gazetteer()
    title = report.title.strip()
    head = _heading(report)
    if scan is None:
        scan = scan_places(head + report.text)
    mentions, country = resolve_places(scan, default_country)
    # Places the gazetteer does not know (a village, an invented name) still compare by
    # name: "in Kafr Dunya" in two reports is one place.
    known = sorted(mention.offset for mention in mentions)
    for match in _PLACE_AFTER.finditer(head + report.text[:LEAD_CHARS]):
        words = place_words(match.group(1), report.text, title=match.start(1) < len(head))
        name = normalise_place(words)
        if (
            name
            and not is_coarse(name)
            and not names_country(match.group(1))
            and not _holds_known(known, match.start(1), match.end(1))
        ):
            # "Raqa" is Raqqa spelled another way; else the name compares as a name
            place = respell(words, country) or Place(name, "", name, 0.0, 0.0, 0)
            mentions.append(PlaceMention(match.start(1), place))
    if not mentions:  # the text yielded none: the places the claims name, first first
        folded = ""
        for name in dict.fromkeys(normalise_place(place) for place in claim_places):
            if name and not is_coarse(name):
                folded = folded or report.text.casefold()
                offset = len(head) + max(0, folded.find(name))
                mentions.append(PlaceMention(offset, Place(name, "", name, 0.0, 0.0, 0)))
    mentions.sort(key=lambda mention: mention.offset)
    regions: dict[tuple[str, str], float] = {}
    anchors: list[Place] = []
    lead = [mention.place for mention in mentions if mention.offset < len(head) + LEAD_CHARS]
    lead_end = len(head) + LEAD_CHARS
    for rank, mention in enumerate(mentions):
        if mention.offset < len(head):
            weight = TITLE_WEIGHT
        elif mention.offset < lead_end:
            weight = LEAD_WEIGHT
        else:
            weight = BODY_WEIGHT
        if mention.offset < lead_end and mention.place.country and mention.place not in anchors:
            anchors.append(mention.place)
        region = mention.place.region
        regions[region] = regions.get(region, 0.0) + weight * DECAY**rank
    day = report_day(report)
    lead_days = None
    if day is not None:
        # a lead that names no day may be about the day before ("rescuers were still
        # searching the rubble")
        lead_days = (day.toordinal() - 1, day.toordinal())
        found = find_time(head + _first_sentence(report.text))
        said = resolve_time(found, day) if found else None
        if said is not None and 0 <= (day - said[1]).days <= MAX_LEAD_DAYS:
            lead_days = (said[0].toordinal(), said[1].toordinal())
    return ReportProfile(
        report_id=report.id,
        day=day.toordinal() if day else None,
        lead_days=lead_days,
        country=country,
        regions=regions,
        anchors=tuple(anchors),
        body_places=tuple(
            (m.offset - len(head), m.place)
            for m in mentions
            if m.offset >= len(head) and m.place.country
        ),
        spot=lead[0].name if lead and lead[0].population < SPOT_POPULATION else "",
        words=f"{title}\n{title}\n{report.text}" if title else report.text,
        means=attack_means(title or _first_sentence(report.text)),
    )


def profile_reports(
    reports: Sequence[Report], claim_places: Mapping[str, Iterable[str]] | None = None
) -> list[ReportProfile]:
    """Profiles of a corpus; reports that point to no country are read in its main one."""
    gazetteer = load_gazetteer()
    claim_places = claim_places or {}
    scans = [scan_places(_heading(report) + report.text) for report in reports]
    # The corpus's main country first (only the country reading, which is cheap), so
    # that each report is profiled once.
    countries = Counter(resolve_places(scan)[1] for scan in scans if scan.votes)
    main = countries.most_common(1)[0][0] if countries else ""
    return [
        profile_report(
            report,
            gazetteer,
            main if not scan.votes and scan.found else "",
            claim_places.get(report.id, ()),
            scan,
        )
        for report, scan in zip(reports, scans, strict=True)
    ]
