"""Sums (Hubs and Authorities) truth discovery, after Pasternack & Roth (COLING 2010).

Belief in a claim is the sum of the trust of the sources asserting it; trust in
a source is the sum of the beliefs in its claims (Kleinberg's HITS on the
source-claim graph). Both vectors are max-normalised every iteration; known
truths are clamped (belief 1 for the true claim, 0 for its rivals), which is
Pasternack & Roth's "knowing what to believe when you already know something".
Each iteration is two sparse matrix-vector products.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring.base import CoreResult, TruthEstimator, relative_change
from scoring.utils import Encoded, FloatArray


class Sums(TruthEstimator):
    """Hubs-and-authorities style mutual reinforcement of trust and belief."""

    name = "sums"

    def __init__(
        self,
        *,
        n_iter: int = 20,
        tol: float = 1e-6,
        value_type: str = "auto",
        similarity: float = 90.0,
        numeric_tol: float = 0.05,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        super().__init__(
            n_iter=n_iter,
            tol=tol,
            value_type=value_type,
            similarity=similarity,
            numeric_tol=numeric_tol,
            prior=prior,
            level=level,
        )

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        cs = enc.claim_source_matrix()
        sc = enc.source_claim_matrix()
        trust = np.ones(enc.n_sources)
        belief = np.zeros(enc.n_claims)
        history: list[float] = []
        for _ in range(self.n_iter):
            belief = enc.clamp(_max_norm(cs @ trust))
            new_trust = _max_norm(sc @ belief)
            change = relative_change(trust, new_trust)
            trust = new_trust
            history.append(change)
            if change < self.tol:
                break
        return CoreResult(claim_prob=belief, trust=trust, loss_history=history)


def _max_norm(v: FloatArray) -> FloatArray:
    top = float(v.max()) if len(v) else 0.0
    return v / top if top > 0 else v
