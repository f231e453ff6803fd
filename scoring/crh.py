"""CRH: conflict resolution on heterogeneous data, after Li et al. (SIGMOD 2014).

Alternates two steps until the source weights settle:

- truths: for categorical objects the claim with the largest weighted vote
  (0-1 loss); for numeric objects the minimiser of the weighted ``loss``:
  ``"absolute"`` (default) the weighted *median*, so an outlier never drags the
  truth; ``"huber"`` the weighted Huber M-estimate (Huber 1964), quadratic
  within ``huber_k`` robust scales (1.4826 x the median absolute deviation
  around the weighted median) and linear beyond, fitted by a few reweighting
  steps from the median: it averages the agreeing values like a mean (less
  noisy than a median on small, noisy panels) while an outlier's pull is
  bounded by ``huber_k`` scales; ``"squared"`` the weighted *mean* (the
  paper's squared loss; an outlier drags it, use only for clean data);
- weights: w_s = -log(loss_s / sum_s' loss_s'), loss_s being the source's
  normalised loss (0-1 loss; |x - truth| / std_o for numbers, the paper's
  normalised absolute deviation).

Why ``"absolute"`` stays the default although the mean scores better on the
zheng2017 ratings set f201_emotion (MAE 11.93 squared, 13.03 Huber, 13.95
median): the truths here are reported figures (tolls, counts), and the median
is a value some source actually reported, with a 50 % breakdown point, so one
wild report moves it not at all; Huber moves it by a bounded amount (26, 26, 27,
260 -> 26.14) and returns figures nobody gave; the mean is dragged (84.75).
Averaging noisy continuous ratings is a different task: choose ``"huber"`` there.

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
    IntArray,
    scatter_add,
    seg_argmax,
    weighted_median_sorted,
)

LOSSES = ("absolute", "huber", "squared")
# Iteratively reweighted steps of the Huber estimate (from the median; converges fast).
HUBER_STEPS = 10


def source_weights(
    total: FloatArray, n_s: FloatArray, mean_loss: float, smoothing: float
) -> FloatArray:
    """CRH's source weights from each source's summed loss: -log of its smoothed share of
    the total loss (Li et al. 2014), floored so a perfect source keeps a finite weight."""
    smoothed = (total + smoothing * mean_loss + 1e-9) / (n_s + smoothing)
    return np.maximum(-np.log(smoothed / smoothed.sum()), 1e-6)


class CRH(TruthEstimator):
    """Weighted vote / weighted median truths with loss-based source weights."""

    name = "crh"

    def __init__(
        self,
        *,
        smoothing: float = 2.0,
        loss: str = "absolute",
        huber_k: float = 1.345,
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
        self.loss = loss
        self.huber_k = huber_k

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        if self.loss not in LOSSES:
            raise ValueError(f"loss must be one of {', '.join(LOSSES)}, got {self.loss!r}")
        if not self.huber_k > 0:
            raise ValueError(f"huber_k must be > 0, got {self.huber_k!r}")
        num_a = ~np.isnan(enc.x)
        cat_a = ~num_a
        numeric_obj = scatter_add(enc.o, weights=num_a, minlength=enc.n_objects) > 0
        any_num = bool(num_a.any())
        if any_num:
            # numeric objects: sort once by (object, value); weights change, order does not
            order = np.lexsort((np.where(num_a, enc.x, 0.0), enc.o))
            so, sx = enc.o[order], np.where(num_a, enc.x, 0.0)[order]
            scale = _object_std(enc, num_a)
        else:
            # labels only: votes and per-source losses are products with the
            # weighted (claims x sources) matrix, built once
            cs, sc = enc.claim_source_matrix(), enc.source_claim_matrix()
            claim_idx = np.arange(enc.n_claims)
        n_s = enc.source_weight()
        weight = np.ones(enc.n_sources)
        history: list[float] = []
        truth_num = np.zeros(enc.n_objects)
        votes = np.zeros(enc.n_claims)
        for _ in range(self.n_iter):
            if not any_num:
                votes = enc.clamp(cs @ weight)
                best = seg_argmax(votes, enc.obj_start, enc.claim_obj)
                is_best = (best[enc.claim_obj] == claim_idx).astype(np.float64)
                total = n_s - sc @ is_best  # weighted 0-1 loss per source
                mean_loss = float(total.sum() / n_s.sum())
                new_weight = source_weights(total, n_s, mean_loss, self.smoothing)
                change = relative_change(weight, new_weight)
                weight = new_weight
                history.append(float(total @ weight))
                if change < self.tol:
                    break
                continue
            vw = enc.w * weight[enc.s]
            votes = enc.clamp(scatter_add(enc.c, weights=vw, minlength=enc.n_claims))
            best = seg_argmax(votes, enc.obj_start, enc.claim_obj)
            loss = np.where(cat_a, (best[enc.o] != enc.c).astype(np.float64), 0.0)
            if any_num:
                truth_num = self._numeric_truth(enc, num_a, so, sx, vw, order)
                known = ~np.isnan(enc.fixed_value)
                truth_num = np.where(known, enc.fixed_value, truth_num)
                dev = np.abs(enc.x - truth_num[enc.o]) / scale[enc.o]
                loss = np.where(num_a, np.nan_to_num(dev), loss)
            total = scatter_add(enc.s, weights=enc.w * loss, minlength=enc.n_sources)
            mean_loss = float((enc.w * loss).sum() / enc.w.sum())
            new_weight = source_weights(total, n_s, mean_loss, self.smoothing)
            change = relative_change(weight, new_weight)
            weight = new_weight
            history.append(float((enc.w * loss * weight[enc.s]).sum()))
            if change < self.tol:
                break
        truth_value: FloatArray | None = None
        if any_num:
            truth_value = np.where(numeric_obj, truth_num, np.nan)
        self.numeric_objects_ = numeric_obj
        return CoreResult(
            claim_prob=votes, trust=weight, truth_value=truth_value, loss_history=history
        )

    def _numeric_truth(
        self,
        enc: Encoded,
        num_a: BoolArray,
        so: IntArray,
        sx: FloatArray,
        vw: FloatArray,
        order: IntArray,
    ) -> FloatArray:
        """Per-object minimiser of the weighted loss (assertions sorted by object, value)."""
        vw = np.where(num_a, vw, 0.0)
        xs = np.where(num_a, enc.x, 0.0)
        if self.loss == "squared":
            tot = scatter_add(enc.o, weights=vw, minlength=enc.n_objects)
            wsum = scatter_add(enc.o, weights=vw * xs, minlength=enc.n_objects)
            mean: FloatArray = wsum / np.maximum(tot, 1e-300)
            return mean
        med = weighted_median_sorted(so, sx, vw[order], enc.n_objects)
        if self.loss == "absolute":
            return med
        # Huber: robust scale = 1.4826 x median absolute deviation around the median
        dev = np.abs(xs - med[enc.o])
        dorder = np.lexsort((dev, enc.o))
        ones = np.where(num_a, 1.0, 0.0)[dorder]
        mad = weighted_median_sorted(enc.o[dorder], dev[dorder], ones, enc.n_objects)
        floor = max(float(np.median(mad[mad > 0])) if (mad > 0).any() else 1.0, 1e-9) * 0.1
        delta = self.huber_k * 1.4826 * np.maximum(mad, floor)
        mu = med
        for _ in range(HUBER_STEPS):
            r = np.abs(xs - mu[enc.o])
            hw = vw * np.minimum(1.0, delta[enc.o] / np.maximum(r, 1e-300))
            tot = scatter_add(enc.o, weights=hw, minlength=enc.n_objects)
            num = scatter_add(enc.o, weights=hw * xs, minlength=enc.n_objects)
            mu = np.where(tot > 0, num / np.maximum(tot, 1e-300), med)
        return mu


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
