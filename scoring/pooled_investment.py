"""PooledInvestment truth discovery, after Pasternack & Roth (COLING 2010).

Trust is updated as in Investment; the investment H(c) in a claim is then
pooled among the mutually exclusive claims of its object:

    B_i(c) = H_i(c) * G(H_i(c)) / sum_{d in M_c} G(H_i(d)),   G(x) = x ** g, g = 1.4.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring.investment import Investment, _power
from scoring.utils import Encoded, FloatArray, seg_sum


class PooledInvestment(Investment):
    """Investment with beliefs pooled linearly over each object's rival claims."""

    name = "pooled_investment"

    def __init__(
        self,
        *,
        g: float = 1.4,
        n_iter: int = 10,
        tol: float = 0.0,
        value_type: str = "auto",
        similarity: float = 90.0,
        numeric_tol: float = 0.05,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        super().__init__(
            g=g,
            n_iter=n_iter,
            tol=tol,
            value_type=value_type,
            similarity=similarity,
            numeric_tol=numeric_tol,
            prior=prior,
            level=level,
        )

    def _beliefs(self, enc: Encoded, invested: FloatArray) -> FloatArray:
        grown = _power(invested, self.g)
        pool = seg_sum(grown, enc.obj_start, enc.claim_obj)[enc.claim_obj]
        return np.divide(invested * grown, pool, out=np.zeros_like(grown), where=pool > 0)
