"""One event described from its claims: title, reading order, figures, origins.

Kept apart from ``grouping`` so that describing an event (the review screen does it
for the first event on screen) does not load the clustering's scikit-learn and SciPy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from models import Claim, Event, Report, Source
from workbench.events.casualties import reconcile
from workbench.events.figures import event_figures
from workbench.events.origins import count_origins

TITLE_CHARS = 90


def as_report_map(reports: Iterable[Report] | Mapping[str, Report]) -> dict[str, Report]:
    """Accept reports as a list or as a mapping by id."""
    if isinstance(reports, Mapping):
        return dict(reports)
    return {report.id: report for report in reports}


def reading_order(claim: Claim, reports: Mapping[str, Report]) -> tuple[str, str, str, int]:
    report = reports.get(claim.report_id)
    published = report.published.isoformat() if report and report.published else "9999"
    outlet = report.outlet.casefold() if report else ""
    return published, outlet, claim.report_id, claim.span[0]


def event_title(lead: str) -> str:
    """An event's title: its first claim's text, cut at ``TITLE_CHARS``."""
    return lead if len(lead) <= TITLE_CHARS else lead[: TITLE_CHARS - 1].rstrip() + "\u2026"


def build_event(
    event_id: str,
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source] | None = None,
) -> Event:
    """An Event from its claims: title, figure comparison, outlets and origins."""
    ordered = sorted(claims, key=lambda claim: reading_order(claim, reports))
    title = event_title(ordered[0].text)
    origins = count_origins(ordered, reports, sources, one_event=True)
    return Event(
        id=event_id,
        title=title,
        claim_ids=tuple(claim.id for claim in ordered),
        figures=event_figures(ordered, reports),
        casualties=reconcile(ordered, reports, origins.claim_origins),
        outlets=len(origins.outlets),
        origins=len(origins.origins),
    )
