"""AverageLog truth discovery, after Pasternack & Roth (COLING 2010).

Like Sums, but a source's trust is the *average* belief of its claims scaled by
``log |C_s|``, so prolific sources are not trusted merely for volume. As in the
paper, a source with a single assertion gets trust 0 (log 1 = 0); weighted
counts below 1 are treated as 1.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring.base import CoreResult, TruthEstimator, relative_change
from scoring.sums import _max_norm
from scoring.utils import Encoded


class AverageLog(TruthEstimator):
    """T(s) = log|C_s| * mean belief of s's claims; B(c) = sum of trust behind c."""

    name = "average_log"

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
        count = np.maximum(enc.source_weight(), 1.0)
        scale = np.log(count) / count
        trust = np.ones(enc.n_sources)
        belief = np.zeros(enc.n_claims)
        history: list[float] = []
        for _ in range(self.n_iter):
            belief = enc.clamp(_max_norm(cs @ trust))
            new_trust = _max_norm(scale * (sc @ belief))
            change = relative_change(trust, new_trust)
            trust = new_trust
            history.append(change)
            if change < self.tol:
                break
        return CoreResult(claim_prob=belief, trust=trust, loss_history=history)
