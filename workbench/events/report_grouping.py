"""Grouping by happening: each report's happening first, then claims that depart from it.

This is the report-level design of issue 13, measured on real coverage (FA-KES dev, see
``benchmarks/bench_grouping_real.py``): TF-IDF over whole reports, places read as regions
through the GeoNames gazetteer, a day gate, average linkage (``happenings``), and claims
that leave their report's happening only on their own evidence (``departures``). It is what
``group_claims`` does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from models import Claim, Report
from workbench.events.blocking import DEFAULT_LIMITS, BlockingLimits
from workbench.events.departures import departures
from workbench.events.features import extract_features
from workbench.events.happenings import (
    DEFAULT_HAPPENING_WEIGHTS,
    HappeningWeights,
    happening_labels,
)
from workbench.events.report_profile import profile_reports
from workbench.events.similarity import DEFAULT_WEIGHTS, Weights
from workbench.events.threads import claim_threads


def happening_groups(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    weights: Weights = DEFAULT_WEIGHTS,
    limits: BlockingLimits = DEFAULT_LIMITS,
    happening_weights: HappeningWeights = DEFAULT_HAPPENING_WEIGHTS,
) -> list[list[str]]:
    """Groups of claim ids, before any reviewer edit.

    Each report's happening is decided from the whole report (``happenings``); its claims
    inherit it unless they depart on their own evidence (``departures``). Departed claims
    stay with their claim thread, across reports, as a background happening. (Letting them
    join the happening their thread-mates inherit in other reports cost 0.03 of claim
    precision on FA-KES and gained no recall.)
    """
    present = sorted({claim.report_id for claim in claims if claim.report_id in reports})
    report_list = [reports[report_id] for report_id in present]
    places: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        places[claim.report_id].extend(claim.places)
    profiles = profile_reports(report_list, places)
    labels = happening_labels(report_list, happening_weights, profiles)
    happening = dict(zip(present, labels, strict=True))
    thread_of: dict[int, int] = {}

    def threads(indexes: Sequence[int]) -> Mapping[int, int]:
        """Claim threads of ``indexes`` (and of every claim without a report), clustered
        together: only claims that may leave their happening need them."""
        wanted = sorted(
            {*indexes, *(i for i, c in enumerate(claims) if c.report_id not in happening)}
        )
        subset = [claims[index] for index in wanted]
        numbers = claim_threads(extract_features(subset, reports), weights, limits)
        thread_of.update(zip(wanted, numbers, strict=True))
        return thread_of

    gone = departures(claims, reports, {p.report_id: p for p in profiles}, threads)
    if not thread_of:
        threads(())
    keys: list[tuple[str, int]] = []
    for index, claim in enumerate(claims):
        if claim.report_id in happening and index not in gone:
            keys.append(("happening", happening[claim.report_id]))
        else:  # a follower outside the threads asked for takes its leader's key below
            keys.append(("thread", thread_of.get(index, -1 - index)))
    for index in sorted(gone):  # a follower goes where the claim it follows went
        leader = gone[index].leader
        while leader is not None and leader in gone and gone[leader].leader is not None:
            leader = gone[leader].leader
        if leader is not None:
            keys[index] = keys[leader]
    groups: dict[tuple[str, int], list[str]] = {}
    for key, claim in zip(keys, claims, strict=True):
        groups.setdefault(key, []).append(claim.id)
    return list(groups.values())
