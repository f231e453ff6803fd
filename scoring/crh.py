"""CRH: conflict resolution on heterogeneous data, after Li et al. (SIGMOD 2014).

Alternates two steps until the source weights settle:

- truths: for categorical objects the claim with the largest weighted vote
  (0-1 loss); for numeric objects the weighted *median* (absolute loss), so
  an outlier never drags the truth;
- weights: w_s = -log(loss_s / sum_s' loss_s'), loss_s being the source's
  normalised loss (0-1 loss; |x - truth| / std_o for numbers, the paper's
  normalised absolute deviation).

Deviation from the paper, documented: loss_s is a *mean* smoothed towards the
overall mean with ``smoothing`` pseudo-assertions (as in CATD, Li et al. VLDB
2015) instead of a sum, so a source with one assertion is not given an extreme
weight. Categorical and numeric objects can be mixed in one frame.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring.base import CoreResult, TruthEstimator, relative_change
from scoring.utils import (
    BoolArray,
    Encoded,
    FloatArray,
    scatter_add,
    seg_argmax,
    weighted_median_sorted,
)


class CRH(TruthEstimator):
    """Weighted vote / weighted median truths with loss-based source weights."""

    name = "crh"

    def __init__(
        self,
        *,
        smoothing: float = 2.0,
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
        self.smoothing = smoothing

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        num_a = ~np.isnan(enc.x)
        cat_a = ~num_a
        numeric_obj = scatter_add(enc.o, weights=num_a, minlength=enc.n_objects) > 0
        # numeric objects: sort once by (object, value); weights change, order does not
        order = np.lexsort((np.where(num_a, enc.x, 0.0), enc.o))
        so, sx = enc.o[order], np.where(num_a, enc.x, 0.0)[order]
        scale = _object_std(enc, num_a)
        n_s = scatter_add(enc.s, weights=enc.w, minlength=enc.n_sources)
        weight = np.ones(enc.n_sources)
        history: list[float] = []
        truth_num = np.zeros(enc.n_objects)
        votes = np.zeros(enc.n_claims)
        for _ in range(self.n_iter):
            vw = enc.w * weight[enc.s]
            votes = enc.clamp(scatter_add(enc.c, weights=vw, minlength=enc.n_claims))
            best = seg_argmax(votes, enc.obj_start, enc.claim_obj)
            loss = np.where(cat_a, (best[enc.o] != enc.c).astype(np.float64), 0.0)
            if num_a.any():
                truth_num = weighted_median_sorted(so, sx, vw[order], enc.n_objects)
                known = ~np.isnan(enc.fixed_value)
                truth_num = np.where(known, enc.fixed_value, truth_num)
                dev = np.abs(enc.x - truth_num[enc.o]) / scale[enc.o]
                loss = np.where(num_a, np.nan_to_num(dev), loss)
            total = scatter_add(enc.s, weights=enc.w * loss, minlength=enc.n_sources)
            mean_loss = float((enc.w * loss).sum() / enc.w.sum())
            smoothed = (total + self.smoothing * mean_loss + 1e-9) / (n_s + self.smoothing)
            new_weight = -np.log(smoothed / smoothed.sum())
            new_weight = np.maximum(new_weight, 1e-6)
            change = relative_change(weight, new_weight)
            weight = new_weight
            history.append(float((enc.w * loss * weight[enc.s]).sum()))
            if change < self.tol:
                break
        truth_value: FloatArray | None = None
        if num_a.any():
            truth_value = np.where(numeric_obj, truth_num, np.nan)
        self.numeric_objects_ = numeric_obj
        return CoreResult(
            claim_prob=votes, trust=weight, truth_value=truth_value, loss_history=history
        )


def _object_std(enc: Encoded, num_a: BoolArray) -> FloatArray:
    """Standard deviation of each numeric object's values (floored, so loss is defined)."""
    cnt = scatter_add(enc.o, weights=num_a, minlength=enc.n_objects)
    xs = np.where(num_a, enc.x, 0.0)
    mean = scatter_add(enc.o, weights=xs, minlength=enc.n_objects) / np.maximum(cnt, 1)
    var = scatter_add(enc.o, weights=(xs - mean[enc.o]) ** 2 * num_a, minlength=enc.n_objects)
    std = np.sqrt(var / np.maximum(cnt, 1))
    floor = max(float(np.median(std[cnt > 0])) if (cnt > 0).any() else 1.0, 1e-9) * 0.1
    out: FloatArray = np.maximum(std, floor)
    return out
