"""Weighted majority vote: the baseline every other method must beat (Zheng et al. 2017).

Each object's truth is the claim with the most (weighted) endorsement; numeric
values vote for their closeness cluster (see ``utils._numeric_clusters``), so an
outlier is outvoted rather than averaged in. One pass, no iteration.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring.base import CoreResult, TruthEstimator
from scoring.utils import Encoded, scatter_add, seg_normalise


class MajorityVote(TruthEstimator):
    """Plurality of weighted votes per object; reliability = agreement with it."""

    name = "majority"

    def __init__(
        self,
        *,
        value_type: str = "auto",
        similarity: float = 90.0,
        numeric_tol: float = 0.05,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        super().__init__(
            n_iter=1,
            value_type=value_type,
            similarity=similarity,
            numeric_tol=numeric_tol,
            prior=prior,
            level=level,
        )

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        votes = enc.claim_weight()
        share = seg_normalise(votes, enc.obj_start, enc.claim_obj)
        hit = share[enc.c]
        trust = scatter_add(enc.s, weights=enc.w * hit, minlength=enc.n_sources)
        n = enc.source_weight()
        trust = np.divide(trust, n, out=np.full(enc.n_sources, np.nan), where=n > 0)
        return CoreResult(claim_prob=votes, trust=trust, loss_history=[])
