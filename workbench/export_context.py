"""What an analyst groups and filters an export by, beyond the claim's own row.

Each claim's event (the stored grouping of ``workbench events``; none until claims are
grouped), its sources' kinds and whether one is a party to the conflict (the source
registry's ``party_to_conflict`` role), and whether it is a copy: a later repetition
of the same origin's claim in the same event (a wire story republished, one statement
quoted again), the claims ``workbench.reliability.copy_units`` counts once.
Read-only and Textual-free, like the rest of the export.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from models import Claim, Report, RoleFlag, Source
from workbench.store import schema


@dataclass(frozen=True, slots=True)
class ClaimContext:
    event_id: str = ""
    event_title: str = ""
    source_kinds: tuple[str, ...] = ()
    party_to_conflict: bool = False
    is_copy: bool = False


def load_context(
    connection: Connection, claims: Sequence[Claim], reports: Mapping[str, Report]
) -> dict[str, ClaimContext]:
    """Claim id -> its context, for every claim in ``claims``."""
    from workbench.events.storage import load_grouping, load_sources

    titles = dict(connection.execute(select(schema.events.c.id, schema.events.c.title)).all())
    event_of = {
        claim_id: event_id
        for event_id, members in load_grouping(connection).items()
        for claim_id in members
    }
    sources = load_sources(connection)
    copied = copies(claims, reports, sources, event_of)
    context = {}
    for claim in claims:
        known = [sources[name] for name in claim.sources if name in sources]
        event_id = event_of.get(claim.id, "")
        context[claim.id] = ClaimContext(
            event_id=event_id,
            event_title=titles.get(event_id, ""),
            source_kinds=tuple(
                sources[name].kind.value if name in sources else "unknown" for name in claim.sources
            ),
            party_to_conflict=any(RoleFlag.PARTY_TO_CONFLICT in s.roles for s in known),
            is_copy=claim.id in copied,
        )
    return context


def copies(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source],
    event_of: Mapping[str, str],
) -> set[str]:
    """Ids of the claims that repeat an earlier one: of each group of copies, the first
    published (then by outlet and place in the report) is the original."""
    from workbench.reliability import copy_units

    units, _origins = copy_units(claims, reports, sources, event_of)
    members: dict[str, list[Claim]] = {}
    for claim in claims:
        members.setdefault(units.get(claim.id, claim.id), []).append(claim)

    def first(claim: Claim) -> tuple[str, str, int]:
        report = reports.get(claim.report_id)
        published = report.published.isoformat() if report and report.published else "9999"
        return published, (report.outlet if report else ""), claim.span[0]

    copied: set[str] = set()
    for group in members.values():
        original = min(group, key=first)
        copied.update(claim.id for claim in group if claim is not original)
    return copied
