"""Count independent origins, not outlets.

"According to SOHR" in ten outlets is one origin (SOHR). A wire story carried by
several outlets, credited or recognisable by its near-identical wording, is one
origin (the wire story). A claim whose lineage is unknown (an anonymous source,
"activists said") counts as an outlet but adds no independent origin: unknown
provenance is shown as unknown, never as independent confirmation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from models import Claim, Report, RoleFlag, Source, SourceKind

WIRES = frozenset(
    {
        "reuters", "afp", "agence france-presse", "agence france presse", "ap",
        "associated press", "dpa", "deutsche presse-agentur", "xinhua", "anadolu",
        "anadolu agency", "efe", "ansa", "upi", "kyodo", "pti", "press trust of india",
        "bloomberg", "tass", "interfax", "ria novosti", "bernama", "yonhap",
    }
)  # fmt: skip

_WIRE_CREDIT = re.compile(
    r"\((Reuters|AFP|AP|Associated Press|dpa|DPA|Xinhua|Anadolu|EFE|ANSA|UPI|Bloomberg)\)"
    r"|^\s*(?:By|Source|Credit):?\s+(Reuters|AFP|AP|Associated Press|dpa|Xinhua)\b"
    r"|[-\u2014]\s*(Reuters|AFP|AP|Associated Press|dpa|Xinhua)\s*$",
    re.MULTILINE,
)

_ANONYMOUS = re.compile(
    r"(?i)^(?:an? )?(?:unnamed|anonymous|unknown|unidentified)\b|^(?:an? |some |several |local "
    r"|military |security |medical |diplomatic |informed |opposition )*(?:sources?|activists?|"
    r"witnesses?|residents?|officials?|reports?|social media|people|insiders?)$|^unknown$"
)

# How a report names itself or its staff: the outlet's own voice, not a new origin.
SELF_REFERENCES = frozenset(
    {
        "newspaper", "the newspaper", "paper", "the paper", "daily", "the daily", "agency",
        "the agency", "news agency", "correspondent", "our correspondent", "reporter",
        "our reporter", "channel", "the channel", "broadcaster", "the broadcaster",
    }
)  # fmt: skip

# Copies of one story differ by a headline word or a trimmed clause at most.
SYNDICATION_SIMILARITY = 92.0


@dataclass(frozen=True, slots=True)
class OriginCount:
    """Outlets and independent origins of a set of claims, with the reasons."""

    outlets: tuple[str, ...]
    origins: tuple[str, ...]
    unknown_claims: tuple[str, ...] = ()  # claim ids whose lineage is unknown
    claim_origins: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        """ "5 outlets / 2 origins", the line a reviewer reads first."""
        outlets, origins = len(self.outlets), len(self.origins)
        return (
            f"{outlets} outlet{'s' if outlets != 1 else ''} / "
            f"{origins} origin{'s' if origins != 1 else ''}"
        )


_WIRE_NAMES = {
    "agence france-presse": "AFP", "agence france presse": "AFP", "afp": "AFP",
    "associated press": "AP", "ap": "AP", "reuters": "Reuters", "dpa": "dpa",
    "deutsche presse-agentur": "dpa", "xinhua": "Xinhua", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
}  # fmt: skip


def wire_story(name: str) -> str:
    """The origin label of a wire's own copy, the same whichever alias credits it."""
    return f"{_WIRE_NAMES.get(name.strip().casefold(), name.strip())} wire story"


def is_wire(name: str, sources: Mapping[str, Source] | None = None) -> bool:
    """A news agency whose copy other outlets carry."""
    source = (sources or {}).get(name)
    if source is not None and RoleFlag.WIRE in source.roles:
        return True
    return name.strip().casefold() in WIRES


def provenance_known(name: str, sources: Mapping[str, Source] | None = None) -> bool:
    """Whether a source's lineage is known; the registry decides when it knows the source."""
    source = (sources or {}).get(name)
    if source is not None:
        return source.provenance_known
    return bool(name.strip()) and not _ANONYMOUS.search(name.strip())


def wire_credit(report: Report | None, sources: Mapping[str, Source] | None = None) -> str | None:
    """The wire a report's copy comes from: the outlet itself, or a credit in the text."""
    if report is None:
        return None
    if report.outlet and is_wire(report.outlet, sources):
        return report.outlet
    return _credit_in(report.dateline, report.text[:300], report.text[-300:])


@functools.lru_cache(maxsize=65536)  # asked again for every event a report's claims are in
def _credit_in(*texts: str) -> str | None:
    for text in texts:
        match = _WIRE_CREDIT.search(text)
        if match:
            return next(group for group in match.groups() if group)
    return None


def _syndication_groups(claims: Sequence[Claim], reports: Mapping[str, Report]) -> dict[str, str]:
    """claim id -> story key, for claims whose wording is copied across outlets."""
    parent = list(range(len(claims)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def outlet_of(claim: Claim) -> str:
        report = reports.get(claim.report_id)
        return (report.outlet if report else "") or claim.report_id

    outlets = [outlet_of(claim) for claim in claims]
    if len(set(outlets)) < 2:  # copies are across outlets
        return {}
    texts = [" ".join((claim.sentence or claim.text).casefold().split()) for claim in claims]
    order = sorted(range(len(claims)), key=lambda index: texts[index])
    # Copies sort next to each other; compare a bounded neighbourhood, not all pairs.
    for position, a in enumerate(order):
        for b in order[position + 1 : position + 8]:
            if outlets[a] == outlets[b]:
                continue
            if fuzz.ratio(texts[a], texts[b]) >= SYNDICATION_SIMILARITY:
                parent[find(a)] = find(b)
    members: dict[int, list[int]] = {}
    for index in range(len(claims)):
        members.setdefault(find(index), []).append(index)
    out: dict[str, str] = {}
    for group in members.values():
        if len(group) < 2:
            continue
        first = min(group, key=lambda index: (_published(claims[index], reports), outlets[index]))
        key = f"story first carried by {outlets[first]}"
        for index in group:
            out[claims[index].id] = key
    return out


# Words that make a description another office ("former governor", "deputy governor").
_OFFICE_QUALIFIERS = frozenset(
    {"former", "deputy", "vice", "acting", "assistant", "ex", "late", "then", "interim"}
)
# Descriptions many people fit: never one named person of the event.
_GENERIC_HEADS = frozenset(
    """witness witnesses resident residents activist activists source sources official
    officials group doctor doctors medic medics man woman relative relatives survivor
    survivors journalist reporter fighter fighters soldier soldiers officer officers
    """.split()  # noqa: SIM905
)


def _is_person(name: str, sources: Mapping[str, Source] | None) -> bool:
    """Two or more capitalised words (any script), not a body the registry lists."""
    source = (sources or {}).get(name)
    if source is not None and source.kind is not SourceKind.PERSON:
        return False
    words = name.replace("al-", "").split()
    return len(words) >= 2 and all(
        w[:1].isupper() and not any(c.isdigit() for c in w) for w in words
    )


def _named_descriptions(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source] | None = None,
) -> dict[str, str]:
    """Descriptions that another report of the event gives a name: description -> person.

    AFP's "the regional governor said" and Reuters' "regional governor Serhiy Lysak said"
    are one speaker, so one origin. Only a description of two words or more whose head
    many people do not fit ("witness", "spokesman"), written right before the name with
    no other office word before it ("former governor X" is not "governor"), and naming
    one person across the event's reports, counts. Call it on one event's claims only.
    """
    speakers = {speaker for claim in claims for speaker in claim.sources}
    people = [s for s in speakers if _is_person(s, sources)]
    descriptions = {
        s.casefold(): s
        for s in speakers
        if s[:1].islower()
        and len(s.split()) >= 2
        and s.split()[-1].casefold() not in _GENERIC_HEADS
    }
    if not people or not descriptions:
        return {}
    pattern = re.compile("|".join(re.escape(p) for p in sorted(people, key=len, reverse=True)))
    found: dict[str, set[str]] = {}
    texts = {claim.report_id for claim in claims if claim.report_id in reports}
    for report_id in texts:
        text = reports[report_id].text
        for match in pattern.finditer(text):
            # the words right before the name: "... said regional governor Serhiy Lysak"
            before = text[max(0, match.start() - 60) : match.start()].casefold().rstrip(" ,")
            for key, description in descriptions.items():
                if before.endswith(key) and not _qualified(before[: -len(key)]):
                    found.setdefault(description, set()).add(match.group(0))
    return {d: names.pop() for d, names in found.items() if len(names) == 1}


def _qualified(head: str) -> bool:
    """The text before a description ends in another office word ("former", "deputy")."""
    if head and head[-1:].isalnum():
        return True  # "vice-regional governor": the description is part of a longer word
    words = head.split()
    return bool(words) and words[-1].strip("-") in _OFFICE_QUALIFIERS


def _body_of(name: str, sources: Mapping[str, Source] | None) -> str:
    """The body a source speaks for (``Source.speaks_for``), else the source itself."""
    source = (sources or {}).get(name)
    return source.speaks_for if source is not None and source.speaks_for else name


def _published(claim: Claim, reports: Mapping[str, Report]) -> str:
    report = reports.get(claim.report_id)
    return report.published.isoformat() if report and report.published else "9999"


def count_origins(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source] | None = None,
    one_event: bool = False,
) -> OriginCount:
    """Outlets and independent origins of the claims of one event.

    A source with known provenance is an origin whichever outlet quotes it; a person who
    speaks for a body (``Source.speaks_for``) counts as that body. A claim
    in the outlet's (or a wire's) own voice has the wire story as its origin when
    the copy is credited to a wire or copied word for word across outlets, and the
    outlet otherwise. Sources of unknown provenance, and claims with no named
    source, add no origin. With ``one_event`` (the claims are one event's), a description
    that another report writes before a name is that person (``_named_descriptions``).
    """
    syndicated = _syndication_groups(claims, reports)
    # only within one event can "the regional governor" be the named governor of another
    # report (corpus-wide, the same words name many people)
    named = _named_descriptions(claims, reports, sources) if one_event else {}
    outlets: set[str] = set()
    origins: set[str] = set()
    unknown: list[str] = []
    per_claim: dict[str, tuple[str, ...]] = {}
    credits: dict[str, str | None] = {}
    for claim in claims:
        report = reports.get(claim.report_id)
        outlet = (report.outlet if report else "") or claim.report_id
        outlets.add(outlet)
        if claim.report_id not in credits:
            credits[claim.report_id] = wire_credit(report, sources)
        credit = credits[claim.report_id]
        own_voice = {outlet.casefold(), *SELF_REFERENCES}
        if credit:
            own_voice.add(credit.casefold())
        found: list[str] = []
        # No named source at all is unknown lineage too: it adds no origin.
        for speaker in claim.sources:
            # A spokesperson's claims are their body's: two officials of one ministry
            # are one origin, not two.
            name = _body_of(named.get(speaker, speaker), sources)
            if name.casefold() not in own_voice:
                if is_wire(name, sources):
                    found.append(wire_story(name))
                elif provenance_known(name, sources):
                    found.append(name)
                continue
            # The outlet's own reporting: one wire story however many carry it.
            if credit:
                found.append(wire_story(credit))
            elif claim.id in syndicated:
                found.append(syndicated[claim.id])
            else:
                found.append(outlet)
        if not found:
            unknown.append(claim.id)
        per_claim[claim.id] = tuple(dict.fromkeys(found))
        origins.update(found)
    return OriginCount(
        outlets=tuple(sorted(outlets)),
        origins=tuple(sorted(origins)),
        unknown_claims=tuple(unknown),
        claim_origins=per_claim,
    )
