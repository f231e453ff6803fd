"""Which claims leave their report's happening: a background happening on its own evidence.

A report is about one main happening, named in its title and lead, and most of its claims
are about it even when they name no place or day ("the toll could rise", "the army
denied it"). A claim departs only on evidence of its own (the seed's Tasil village beside
the Palmyra fighting):
- a day that cannot be the happening's ("last week", or a statement made before it);
- a place in another region, far from every place of the lead (by the gazetteer);
- a kind of another class (a ceasefire statement in a report on an air strike).
A claim with no evidence either way follows its own neighbours: when a claim of its own
sentence departs, or one next to it in the same claim thread, or the claim just before it
in the same voice, it departs with it and goes where that claim goes ("he hoped ..." then
the quotation of the hope).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from models import Claim, Modality, Report
from workbench.events.features import (
    _PLACE_AFTER,
    MONTHS,
    WEEKDAYS,
    Window,
    is_coarse,
    normalise_place,
    resolve_time,
    time_expression_of,
)
from workbench.events.gazetteer import Place, same_area
from workbench.events.kinds import kind_classes
from workbench.events.report_profile import ReportProfile

# Two single days a day apart can be one happening told from two sides of midnight (a
# range, "last week", already spans what it can mean and gets no slack): the next day
# alone is no evidence, the next day in another named place is.
DAY_SLACK = 1
# A claim's own place takes it out of its report's happening only this far from every
# place of the lead: a neighbouring governorate is, most of the time, the same offensive or
# the same day's bombardment told with its places (on FA-KES, 50 km, the gazetteer's "one
# theatre", moved out 172 claims, and their reports' happenings kept them at 0.03 of claim
# recall more with 150 km; Tasil is 288 km from Palmyra). Across a border is always far.
FAR_KM = 150.0
# A departed claim pulls along the unmarked claims of its thread right beside it.
FOLLOW_REACH = 1


class Departure(StrEnum):
    """Why a claim left its report's happening."""

    DATE = "date"
    PLACE = "place"
    KIND = "kind"
    FOLLOWS = "follows"


@dataclass(frozen=True, slots=True)
class Gone:
    """A departed claim: why, and whose lead it follows (for ``FOLLOWS``)."""

    reason: Departure
    leader: int | None = None


@dataclass(frozen=True, slots=True)
class _Main:
    window: Window | None
    places: tuple[Place, ...]
    spot: str
    classes: frozenset[str]


def _meets(a: Window, b: Window, slack: int = DAY_SLACK) -> bool:
    slack = slack if a[0] == a[1] and b[0] == b[1] else 0
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _elsewhere(claim: Claim, main: _Main) -> bool:
    """The claim names a place ("clashes in Tal Hamid") other than the lead's first one."""
    named = {normalise_place(m.group(1)) for m in _PLACE_AFTER.finditer(claim.text)}
    named = {name for name in named if name and not is_coarse(name)}
    return bool(named) and bool(main.spot) and main.spot not in named


_NEAR_WORDS = frozenset(
    {"today", "tonight", "yesterday", "overnight", "morning", "evening", "night"}
)
_FAR_WORDS = frozenset({"week", "weeks", "month", "months", "year", "years", "ago"})


def names_near_day(expression: str) -> bool:
    """A weekday or "yesterday": a day of the week around the report, not a date.

    On real coverage these are no evidence of another happening: they often name when
    something was said, and resolve against a date that may be the copy's, not the
    happening's (measured on FA-KES: about half the claims they moved out were about
    the report's own happening). Dates, "last week" and "in 2013" still are.
    """
    if any(ch.isdigit() for ch in expression):
        return False  # "on Monday, December 11", "3 March 2014": a date
    words = set(re.findall(r"[a-z]+", expression.casefold()))
    if words & _FAR_WORDS or any(word in MONTHS for word in words):
        return False
    return bool(words & _NEAR_WORDS) or any(word in WEEKDAYS and len(word) > 3 for word in words)


def claim_window(claim: Claim, report: Report) -> Window | None:
    """The days a claim about what happened names ("on Monday"), as ordinals; else None.

    Only claims of fact are dated by their time expression: "would act starting from
    March 22" dates a threat, not a happening.
    """
    if claim.modality not in (Modality.ASSERTED, Modality.DENIED):
        return None
    days = resolve_time(time_expression_of(claim), report.published)
    return (days[0].toordinal(), days[1].toordinal()) if days else None


def _main_of(report: Report, profile: ReportProfile, lead_claim: Claim) -> _Main:
    window = claim_window(lead_claim, report)
    if window is not None:
        pass
    elif profile.day is not None:
        window = (profile.day, profile.day)
    else:
        window = None
    return _Main(
        window=window,
        places=profile.anchors,
        spot=normalise_place(profile.spot) if profile.spot else "",
        classes=kind_classes(f"{report.title}\n{lead_claim.text}"),
    )


def _own_evidence(
    claim: Claim,
    main: _Main,
    report: Report,
    country: str,
    body_places: Sequence[tuple[int, Place]],
) -> Departure | None:
    if main.window is not None:
        window = claim_window(claim, report)
        if window is not None:
            # "on Tuesday" alone dates no other happening (see names_near_day); on
            # another day in another named place it does
            weak = names_near_day(time_expression_of(claim))
            if not weak and not _meets(window, main.window):
                return Departure.DATE
            if not _meets(window, main.window, slack=0) and _elsewhere(claim, main):
                return Departure.DATE
        elif claim.modality not in (Modality.ASSERTED, Modality.DENIED):
            # When a prediction or a hope was voiced: said before the happening, it is
            # not about it ("Putin said last week the army would soon retake the city").
            said = resolve_time(time_expression_of(claim), report.published)
            if said is not None:
                spoken = (said[0].toordinal(), said[1].toordinal())
                if spoken[1] < main.window[0] and not _meets(spoken, main.window):
                    return Departure.DATE
    if main.places and country:
        start, end = claim.span
        own = [
            place
            for offset, place in body_places
            if start <= offset < end and not _speaks_for_a_state(report.text, offset)
        ]
        if own and not any(
            same_area(place, anchor, FAR_KM) for place in own for anchor in main.places
        ):
            return Departure.PLACE
    classes = kind_classes(claim.text)
    if classes and main.classes and classes.isdisjoint(main.classes):
        return Departure.KIND
    return None


# "Damascus has accused rebels", "cooperates with Damascus": a capital named as the state
# that sits there is no place of the claim.
_NAME_AT = re.compile(r"[^\W\d_][\w']*")
_NAME_PARTICLES = frozenset({"al", "el", "ez", "az", "ad", "as", "ar", "ash", "de", "bin"})
_STATE_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:accuses|accused|denies|denied|blames|blamed|"
    r"rejects|rejected|insists|insisted|refuses|refused|condemns|condemned|vows|vowed|"
    r"warns|warned|cooperates|cooperated|acknowledges|acknowledged|admits|admitted)\b"
)
_STATE_WORD_BEFORE = re.compile(
    r"(?:\baccused|\bblamed|\burged|\btold|\bcooperat\w*\s+with|\btalks\s+with|"
    r"\bties\s+with|\brelations\s+with)\s+$"
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|of|near|outside|from|at|around|into)\s+(?:the\s+)?$")


def _speaks_for_a_state(text: str, offset: int) -> bool:
    """The place named at ``offset`` acts for its state ("Damascus denied", "blamed
    Moscow", "cooperates with Damascus"), not where something happened. "Said" is left
    out: "a doctor in Douma said" is a person in the place."""
    if _LOCATIVE_BEFORE.search(text, max(0, offset - 12), offset):
        return False
    after = offset
    for word in _NAME_AT.finditer(text, offset):  # the capitalised words of the name
        if word.start() != after and text[after : word.start()] not in (" ", "-"):
            break
        if not word.group(0)[:1].isupper() and word.group(0) not in _NAME_PARTICLES:
            break
        after = word.end()
    return bool(
        _STATE_VERB_AFTER.match(text, after)
        or _STATE_WORD_BEFORE.search(text, max(0, offset - 24), offset)
    )


def _same_voice(a: Claim, b: Claim) -> bool:
    return bool(a.sources) and a.sources == b.sources


def departures(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    profiles: Mapping[str, ReportProfile],
    threads: Callable[[Sequence[int]], Mapping[int, int]],
) -> dict[int, Gone]:
    """Claim index -> why it departs, for the claims that leave their report's happening.

    ``threads`` gives the claim-level thread (the fine clustering) of the claims it is
    asked about; it is asked only about claims with evidence of their own and their
    neighbours, since only they can follow or be followed.
    """
    by_report: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        by_report.setdefault(claim.report_id, []).append(index)
    marked: dict[int, Gone] = {}
    for report_id, members in by_report.items():
        report, profile = reports.get(report_id), profiles.get(report_id)
        members.sort(key=lambda index: claims[index].span[0])
        if report is None or profile is None:
            continue
        main = _main_of(report, profile, claims[members[0]])
        for index in members[1:]:
            reason = _own_evidence(
                claims[index], main, report, profile.country, profile.body_places
            )
            if reason is not None:
                marked[index] = Gone(reason)
    near: set[int] = set()
    for members in by_report.values():
        for position, index in enumerate(members):
            if index in marked:  # with the lead, which anchors the main strand
                near.update((members[0], *members[max(1, position - 2) : position + 3]))
    thread_of = threads(sorted(near))
    for members in by_report.values():
        _follow(claims, members, marked, thread_of)
    return marked


def _follow(
    claims: Sequence[Claim],
    members: Sequence[int],
    marked: dict[int, Gone],
    thread_of: Mapping[int, int],
) -> None:
    """Unmarked claims follow a marked neighbour, in both directions, until none moves."""
    changed = True
    while changed:
        changed = False
        for position, index in enumerate(members[1:], start=1):
            if index in marked:
                continue
            near = members[max(1, position - FOLLOW_REACH) : position + FOLLOW_REACH + 1]
            leader = next(
                (
                    other
                    for other in near
                    if other in marked
                    and (
                        thread_of.get(other, -1) == thread_of.get(index, -2)
                        or claims[other].sentence == claims[index].sentence
                        or (
                            other == members[position - 1]
                            and _same_voice(claims[other], claims[index])
                        )
                    )
                ),
                None,
            )
            if leader is not None:
                marked[index] = Gone(Departure.FOLLOWS, leader)
                changed = True
