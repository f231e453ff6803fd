"""Grouping by happening: each report's happening first, then claims that depart from it.

This is the report-level design of issue 13, measured on real coverage (FA-KES dev, see
``benchmarks/bench_grouping_real.py``): TF-IDF over whole reports, places read as regions
through the GeoNames gazetteer, a day gate, average linkage (``happenings``), and claims
that leave their report's happening only on their own evidence (``departures``). It is not
yet the default of ``group_claims``: on the short invented reports of the test corpus the
report-level text similarity is too weak across days, and that is the next step.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from models import Claim, Report
from workbench.events.blocking import DEFAULT_LIMITS, BlockingLimits, candidate_pairs
from workbench.events.clustering import cluster
from workbench.events.departures import Departure, Gone, departures
from workbench.events.features import ClaimFeatures, extract_features
from workbench.events.grouping import score_pairs
from workbench.events.happenings import (
    DEFAULT_HAPPENING_WEIGHTS,
    HappeningWeights,
    happening_labels,
)
from workbench.events.report_profile import profile_reports
from workbench.events.similarity import DEFAULT_WEIGHTS, Weights

_STAY = Gone(Departure.DATE)  # stands for "not a follower" in the leader walk


def claim_threads(
    features: Sequence[ClaimFeatures],
    weights: Weights = DEFAULT_WEIGHTS,
    limits: BlockingLimits = DEFAULT_LIMITS,
) -> list[int]:
    """The fine, claim-level clustering: one thread number per claim.

    Threads split a report into its strands (the fighting, the air support, the
    ceasefire talks) and link a background strand to the same strand in other reports.
    """
    left, right = candidate_pairs(features, limits)
    scores = score_pairs(features, left, right, weights)
    thread_of = [0] * len(features)
    for number, group in enumerate(cluster(features, left, right, scores, weights)):
        for index in group:
            thread_of[index] = number
    return thread_of


def happening_groups(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    weights: Weights = DEFAULT_WEIGHTS,
    limits: BlockingLimits = DEFAULT_LIMITS,
    happening_weights: HappeningWeights = DEFAULT_HAPPENING_WEIGHTS,
) -> list[list[str]]:
    """Groups of claim ids, before any reviewer edit.

    Each report's happening is decided from the whole report (``happenings``); its claims
    inherit it unless they depart on their own evidence (``departures``). A departed claim
    joins the happening that the rest of its thread belongs to in other reports, or stays
    with its thread as a background happening.
    """
    features = extract_features(claims, reports)
    thread_of = claim_threads(features, weights, limits)
    present = sorted({claim.report_id for claim in claims if claim.report_id in reports})
    report_list = [reports[report_id] for report_id in present]
    profiles = profile_reports(report_list)
    labels = happening_labels(report_list, happening_weights, profiles)
    happening = dict(zip(present, labels, strict=True))
    gone = departures(claims, features, reports, {p.report_id: p for p in profiles}, thread_of)
    # Where the rest of a thread went, report by report: a background strand of one
    # report may be the main happening of another.
    inherited: dict[int, Counter[tuple[int, str]]] = defaultdict(Counter)
    for index, claim in enumerate(claims):
        if index not in gone and claim.report_id in happening:
            inherited[thread_of[index]][(happening[claim.report_id], claim.report_id)] += 1
    keys: list[tuple[str, int]] = []
    for index, claim in enumerate(claims):
        if claim.report_id not in happening:
            keys.append(("thread", thread_of[index]))
        elif index not in gone:
            keys.append(("happening", happening[claim.report_id]))
        else:
            elsewhere = Counter(
                {
                    label: count
                    for (label, report_id), count in inherited[thread_of[index]].items()
                    if report_id != claim.report_id
                }
            )
            if elsewhere:
                keys.append(("happening", elsewhere.most_common(1)[0][0]))
            else:
                keys.append(("thread", thread_of[index]))
    for index in sorted(gone):  # a follower goes where the claim it follows went
        leader = gone[index].leader
        while leader is not None and gone.get(leader, _STAY).leader is not None:
            leader = gone[leader].leader
        if leader is not None:
            keys[index] = keys[leader]
    groups: dict[tuple[str, int], list[str]] = {}
    for key, claim in zip(keys, claims, strict=True):
        groups.setdefault(key, []).append(claim.id)
    return list(groups.values())
