"""The public entry: claims from many reports in, events (claim groups) out."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from models import Claim, Event, Report, Source
from workbench.events.blocking import DEFAULT_LIMITS, BlockingLimits
from workbench.events.describe import (
    as_report_map,
    build_event,
    reading_order,
)
from workbench.events.edits import EventEdit, apply_edits, assign_event_ids
from workbench.events.report_grouping import happening_groups
from workbench.events.similarity import DEFAULT_WEIGHTS, Weights
from workbench.gc_pause import gc_paused


def automatic_groups(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    weights: Weights = DEFAULT_WEIGHTS,
    limits: BlockingLimits = DEFAULT_LIMITS,
) -> list[list[str]]:
    """Groups of claim ids, before any reviewer edit (``report_grouping``)."""
    return happening_groups(claims, reports, weights, limits)


def group_claims(
    claims: Sequence[Claim],
    reports: Iterable[Report] | Mapping[str, Report],
    edits: Iterable[EventEdit] = (),
    sources: Mapping[str, Source] | None = None,
    previous: Mapping[str, Collection[str]] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    limits: BlockingLimits = DEFAULT_LIMITS,
) -> list[Event]:
    """Group claims into events, replay reviewer edits, and describe each event.

    ``previous`` (event id -> claim ids, e.g. the stored grouping) keeps ids stable
    across re-grouping; ``sources`` is the source registry used for provenance.
    Events come in reading order (earliest report first).
    """
    with gc_paused():  # about a million acyclic records: the collector's scans find nothing
        report_map = as_report_map(reports)
        unique = list({claim.id: claim for claim in claims}.values())
        by_id = {claim.id: claim for claim in unique}
        groups = apply_edits(automatic_groups(unique, report_map, weights, limits), edits)
        ids = assign_event_ids(groups, previous)
        events = [
            build_event(event_id, [by_id[claim] for claim in group], report_map, sources)
            for event_id, group in zip(ids, groups, strict=True)
        ]
        first = {event.id: reading_order(by_id[event.claim_ids[0]], report_map) for event in events}
        events.sort(key=lambda event: (first[event.id], event.id))
    return events
