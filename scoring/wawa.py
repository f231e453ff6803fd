"""Wawa: Worker Agreement With Aggregate (crowd-kit's ``Wawa``; Appen's "trust").

Two weighted votes: the first is plain majority vote; each source's weight is then
the (weighted) share of its assertions that agree with that majority, and the
second vote, weighted by those shares, gives the truths. One pass, no iteration:
a cheap step beyond majority that discounts sources which often stand alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring.base import CoreResult, TruthEstimator
from scoring.utils import Encoded, scatter_add, seg_argmax


class Wawa(TruthEstimator):
    """Majority vote reweighted by each source's agreement with majority vote."""

    name = "wawa"

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
        votes = enc.clamp(enc.claim_weight().copy())
        best = seg_argmax(votes, enc.obj_start, enc.claim_obj)
        agree = (best[enc.o] == enc.c).astype(np.float64)
        n = enc.source_weight()
        hits = scatter_add(enc.s, weights=enc.w * agree, minlength=enc.n_sources)
        skill = np.divide(hits, n, out=np.zeros(enc.n_sources), where=n > 0)
        weighted = enc.clamp(enc.claim_source_matrix() @ skill)
        return CoreResult(claim_prob=weighted, trust=skill, loss_history=[])
