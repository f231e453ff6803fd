"""Claim threads: the fine, claim-level clustering inside and across reports.

Threads split a report into its strands (the fighting, the air support, the ceasefire
talks) and link a background strand to the same strand in other reports. Grouping by
happening (``report_grouping``) uses them to decide which claims leave their report's
happening together.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from workbench.events.blocking import DEFAULT_LIMITS, BlockingLimits, candidate_pairs
from workbench.events.clustering import cluster
from workbench.events.features import ClaimFeatures
from workbench.events.similarity import DEFAULT_WEIGHTS, Weights, score


def score_pairs(
    features: Sequence[ClaimFeatures],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    weights: Weights = DEFAULT_WEIGHTS,
) -> npt.NDArray[np.float64]:
    """Scores of candidate pairs; text similarity runs in bulk in rapidfuzz's C code."""
    if len(left) == 0:
        return np.empty(0, dtype=np.float64)
    words = [feature.words for feature in features]
    queries = [words[i] for i in left.tolist()]
    choices = [words[j] for j in right.tolist()]
    text = cpdist(queries, choices, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.float32)
    text = text + cpdist(
        queries, choices, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.float32
    )
    text_scores = (text / 200.0).tolist()
    del queries, choices, text
    return np.fromiter(
        (
            score(features[i], features[j], weights, t)
            for i, j, t in zip(left.tolist(), right.tolist(), text_scores, strict=True)
        ),
        dtype=np.float64,
        count=len(left),
    )


def claim_threads(
    features: Sequence[ClaimFeatures],
    weights: Weights = DEFAULT_WEIGHTS,
    limits: BlockingLimits = DEFAULT_LIMITS,
) -> list[int]:
    """One thread number per claim."""
    left, right = candidate_pairs(features, limits)
    scores = score_pairs(features, left, right, weights)
    thread_of = [0] * len(features)
    for number, group in enumerate(cluster(features, left, right, scores, weights)):
        for index in group:
            thread_of[index] = number
    return thread_of
