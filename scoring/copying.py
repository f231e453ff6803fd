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

Pure numpy/pandas over integer codes; the pairs are built once per fit, and each
iteration only re-weights them with ``np.bincount``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import expit

from scoring.utils import BoolArray, FloatArray, IntArray, scatter_add


@dataclass(frozen=True)
class SharedValues:
    """Row pairs of different sources that gave the identical value on one object."""

    row_a: IntArray  # (P,) first row of each pair
    row_b: IntArray  # (P,) second row
    pair: IntArray  # (P,) the source pair each row pair belongs to
    n_pairs: int  # distinct source pairs with at least one shared value
    shared_objects: FloatArray  # (n_pairs,) objects both sources of the pair assert on

    @property
    def empty(self) -> bool:
        return len(self.row_a) == 0


def shared_values(s: IntArray, o: IntArray, value: IntArray) -> SharedValues:
    """Pairs of rows (different sources) with the identical value code on one object.

    ``value`` numbers each distinct (object, value) pair, so equal codes mean the same
    object too. Only values given by two or more sources produce pairs.
    """
    rows = pd.DataFrame({"r": np.arange(len(s)), "s": s, "v": value})
    counts = rows["v"].map(rows["v"].value_counts())
    rows = rows[counts.to_numpy() > 1]
    if rows.empty:
        none = np.zeros(0, dtype=np.int64)
        return SharedValues(none, none, none, 0, np.zeros(0))
    pairs = rows.merge(rows, on="v", suffixes=("_a", "_b"))
    pairs = pairs[pairs["s_a"] != pairs["s_b"]]
    lo = np.minimum(pairs["s_a"].to_numpy(), pairs["s_b"].to_numpy())
    hi = np.maximum(pairs["s_a"].to_numpy(), pairs["s_b"].to_numpy())
    n_src = int(s.max()) + 1
    pair_code, pair_keys = pd.factorize(lo * n_src + hi)
    # objects each source pair both assert on (counted once per object, any values)
    so = pd.DataFrame({"s": s, "o": o}).drop_duplicates()
    keys = pd.Index(pair_keys)
    both = so.merge(so, on="o", suffixes=("_a", "_b"))
    both = both[both["s_a"] < both["s_b"]]
    both_key = both["s_a"].to_numpy() * n_src + both["s_b"].to_numpy()
    hit = keys.get_indexer(both_key)
    shared = scatter_add(hit[hit >= 0], minlength=len(keys))
    return SharedValues(
        row_a=pairs["r_a"].to_numpy(np.int64),
        row_b=pairs["r_b"].to_numpy(np.int64),
        pair=pair_code.astype(np.int64),
        n_pairs=len(keys),
        shared_objects=shared,
    )


def copy_probability(
    shared: SharedValues,
    row_true: BoolArray,
    row_source: IntArray,
    accuracy: FloatArray,
    *,
    copy_rate: float = 0.8,
    n_false: float = 20.0,
    alpha: float = 0.2,
) -> FloatArray:
    """Posterior probability that each source pair is dependent (Dong et al. 2009, eq. 2-4).

    Each row pair appears twice (a, b and b, a), so the identical-value counts are halved.
    """
    true_pair = row_true[shared.row_a].astype(np.float64)
    k_true = 0.5 * scatter_add(shared.pair, weights=true_pair, minlength=shared.n_pairs)
    k_false = 0.5 * scatter_add(shared.pair, weights=1.0 - true_pair, minlength=shared.n_pairs)
    k_diff = np.maximum(shared.shared_objects - k_true - k_false, 0.0)
    first = np.zeros(shared.n_pairs, dtype=np.int64)
    second = np.zeros(shared.n_pairs, dtype=np.int64)
    first[shared.pair] = row_source[shared.row_a]
    second[shared.pair] = row_source[shared.row_b]
    a1 = np.clip(accuracy[first], 0.01, 0.99)
    a2 = np.clip(accuracy[second], 0.01, 0.99)
    mean = 0.5 * (a1 + a2)
    p_true = a1 * a2
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
    load = scatter_add(shared.row_a, weights=prob[shared.pair], minlength=n_rows)
    out: FloatArray = 1.0 / (1.0 + load)
    return out


__all__ = ["SharedValues", "copy_probability", "dependence_weights", "shared_values"]
