"""Source dependence: which sources copy each other, after Dong, Berti-Equille & Srivastava
(VLDB 2009), "Integrating conflicting data: the role of source dependence".

Two independent sources agree on a *true* value often (both are right) but share a
*false* value rarely (there are many ways to be wrong); sources that share many false
values are far more likely copies. For each pair of sources that assert on common
objects we count the objects where both gave the identical value and it is true
(``k_true``), identical and false (``k_false``) and different (``k_diff``), then
compare the likelihood of those counts with and without copying (copy rate ``c``,
``n_false`` equally likely false values, prior ``alpha``):

    independent: P(same, true) = A1 A2, P(same, false) = (1 - A1)(1 - A2) / n_false
    copying:     P(same, true) = c A + (1 - c) A1 A2, P(same, false) = c (1 - A) + ...
                 P(different) = (1 - c) P_indep(different)

with A1, A2 the sources' accuracies and A their mean. The posterior probability of a
dependence discounts the copies' votes: a row shared with sources it copies (or that
copy it) weighs 1 / (1 + sum of those copy probabilities), so k outlets repeating one
value weigh about one vote together (the symmetric form of Dong's vote count; the
direction of copying does not matter for the truth).

For figures, the independent chance of an identical true value is scaled by how often
two right figures coincide in the data (``copy_probability``). Pure numpy/pandas over
integer codes; the row pairs are built once per fit, and each iteration only re-counts
them with ``np.bincount``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import expit

from scoring.utils import BoolArray, FloatArray, IntArray, scatter_add


@dataclass(frozen=True)
class SharedValues:
    """Row pairs of different sources on one object, grouped by source pair."""

    row_a: IntArray  # (P,) one row of each pair (the lower source code)
    row_b: IntArray  # (P,) the other row
    pair: IntArray  # (P,) the source pair each row pair belongs to
    same: BoolArray  # (P,) the two rows give the identical value
    n_pairs: int  # distinct source pairs asserting on a common object
    first: IntArray  # (n_pairs,) the pair's sources
    second: IntArray

    @property
    def empty(self) -> bool:
        return not bool(self.same.any())


def shared_values(s: IntArray, o: IntArray, value: IntArray) -> SharedValues:
    """Every pair of rows of different sources on one object, and whether they are identical.

    ``value`` numbers each distinct (object, value) pair, so equal codes mean the same
    object too. Only source pairs that share at least one identical value are kept:
    the others cannot be copies.
    """
    rows = pd.DataFrame({"r": np.arange(len(s)), "s": s, "o": o, "v": value})
    dup = rows.duplicated("v", keep=False).to_numpy()
    n_src = int(s.max()) + 1 if len(s) else 1
    if not dup.any():
        none = np.zeros(0, dtype=np.int64)
        return SharedValues(none, none, none, np.zeros(0, dtype=bool), 0, none, none)
    same_rows = rows[dup].merge(rows[dup], on="v", suffixes=("_a", "_b"))
    same_rows = same_rows[same_rows["s_a"] < same_rows["s_b"]]
    candidates = np.unique(same_rows["s_a"].to_numpy() * n_src + same_rows["s_b"].to_numpy())
    # objects the candidate pairs both assert on: only objects holding a shared value's source
    pairs = rows.merge(rows, on="o", suffixes=("_a", "_b"))
    pairs = pairs[pairs["s_a"] < pairs["s_b"]]
    key = pairs["s_a"].to_numpy() * n_src + pairs["s_b"].to_numpy()
    code = np.searchsorted(candidates, key)
    keep = (code < len(candidates)) & (candidates[np.minimum(code, len(candidates) - 1)] == key)
    pairs = pairs[keep]
    return SharedValues(
        row_a=pairs["r_a"].to_numpy(np.int64),
        row_b=pairs["r_b"].to_numpy(np.int64),
        pair=code[keep].astype(np.int64),
        same=(pairs["v_a"].to_numpy() == pairs["v_b"].to_numpy()),
        n_pairs=len(candidates),
        first=(candidates // n_src).astype(np.int64),
        second=(candidates % n_src).astype(np.int64),
    )


def copy_probability(
    shared: SharedValues,
    row_true: BoolArray,
    accuracy: FloatArray,
    *,
    copy_rate: float = 0.8,
    n_false: float = 20.0,
    alpha: float = 0.2,
) -> FloatArray:
    """Posterior probability that each source pair is dependent (Dong et al. 2009, eq. 2-4).

    For figures, two right answers need not be the identical number ("26" and "27" are
    both within tolerance of 26), so the independent chance of an identical true value is
    A1 A2 q, with q the share of identical values among both-true row pairs of the
    typical (median) source pair: copiers, a minority of pairs, do not set it.
    """
    if shared.n_pairs == 0:
        return np.zeros(0)
    both_true = row_true[shared.row_a] & row_true[shared.row_b]
    either_false = ~(row_true[shared.row_a] & row_true[shared.row_b])
    n = shared.n_pairs
    k_true = scatter_add(shared.pair, weights=shared.same & both_true, minlength=n)
    k_false = scatter_add(shared.pair, weights=shared.same & either_false, minlength=n)
    n_both_true = scatter_add(shared.pair, weights=both_true, minlength=n)
    k_diff = scatter_add(shared.pair, weights=~shared.same, minlength=n)
    rate = k_true[n_both_true > 0] / n_both_true[n_both_true > 0]
    q = float(np.clip(np.median(rate), 0.05, 1.0)) if len(rate) else 1.0
    a1 = np.clip(accuracy[shared.first], 0.01, 0.99)
    a2 = np.clip(accuracy[shared.second], 0.01, 0.99)
    mean = 0.5 * (a1 + a2)
    p_true = a1 * a2 * q
    p_false = (1 - a1) * (1 - a2) / n_false
    c = copy_rate
    log_ratio = (
        k_true * np.log((c * mean + (1 - c) * p_true) / p_true)
        + k_false * np.log((c * (1 - mean) + (1 - c) * p_false) / p_false)
        + k_diff * np.log(1 - c)
    )
    prob: FloatArray = expit(log_ratio + np.log(alpha / (1 - alpha)))
    return prob


def dependence_weights(shared: SharedValues, prob: FloatArray, n_rows: int) -> FloatArray:
    """Each row's vote multiplier: 1 / (1 + copy probabilities of the sources sharing its value)."""
    if shared.empty:
        return np.ones(n_rows)
    same = shared.same
    p = prob[shared.pair[same]]
    load = scatter_add(shared.row_a[same], weights=p, minlength=n_rows)
    load += scatter_add(shared.row_b[same], weights=p, minlength=n_rows)
    out: FloatArray = 1.0 / (1.0 + load)
    return out


__all__ = ["SharedValues", "copy_probability", "dependence_weights", "shared_values"]
