"""Partial pooling: how strongly a sparse source's parameters lean on its peers'.

A source with one to three assertions cannot estimate its own accuracy or
confusion matrix; a source with thousands can. A hierarchical prior lets each
borrow exactly as much as it needs: every source's parameters are drawn from a
shared distribution centred on the pooled estimate (of all sources, or of the
sources of its kind), with a concentration ``alpha`` (pseudo-assertions) that is
*learnt from the data* by the method of moments (empirical Bayes):

For a source with n (expected) assertions drawn Dirichlet-multinomially around
the pooled proportions m, the dispersion statistic
``X = sum_l (c_l - n m_l)^2 / (n m_l)`` has expectation ``(K - 1)(n + alpha) /
(1 + alpha)``. Summing over sources (N = total n, M = number of sources) and
solving gives ``alpha = (N - T) / (T - M)`` with ``T = sum X / (K - 1)``.
Sources that differ little beyond sampling noise give a large alpha (strong
pooling); sources that truly differ give a small one. Everything is a few
vectorised sums; no loop over sources.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from scoring.utils import FloatArray

# Bounds on the learnt concentration (pseudo-assertions): never no pooling at all
# (a one-answer source must not be certain), never so strong that a source with a
# few hundred assertions cannot move away from its peers.
MIN_STRENGTH = 0.5
MAX_STRENGTH = 200.0


def dispersion_strength(counts: FloatArray, pooled: FloatArray) -> float:
    """Learnt Dirichlet concentration around ``pooled`` (see the module docstring).

    ``counts``: (units, K) expected counts per unit (a source, or a source's row
    for one true label); ``pooled``: (units, K) or (K,) the pooled proportions each
    unit is compared with.
    """
    n = counts.sum(axis=1)
    live = n > 1e-9
    if live.sum() < 3:
        return MAX_STRENGTH
    c, m = counts[live], np.broadcast_to(pooled, counts.shape)[live]
    n = n[live]
    k = counts.shape[1]
    m = np.clip(m, 1e-9, None)
    x = ((c - n[:, None] * m) ** 2 / (n[:, None] * m)).sum(axis=1)
    t = float(x.sum()) / max(k - 1, 1)
    total, units = float(n.sum()), float(len(n))
    if t <= units:  # no more spread than sampling noise: pool (almost) completely
        return MAX_STRENGTH
    if t >= total:
        return MIN_STRENGTH
    return float(np.clip((total - t) / (t - units), MIN_STRENGTH, MAX_STRENGTH))


def beta_priors(
    hits: FloatArray,
    n: FloatArray,
    groups: npt.NDArray[np.int64] | None = None,
    min_group: int = 5,
) -> tuple[FloatArray, FloatArray]:
    """Per-source Beta(a0, b0) prior on accuracy, pooled over all sources or by group.

    ``groups`` (one code per source, e.g. its kind) gives each group its own centre
    and strength when it has at least ``min_group`` active sources; smaller groups
    and sources without a group (code -1) use the prior learnt over everyone. All
    groups at once, with ``np.bincount`` (no loop over groups or sources).
    """
    everyone = np.zeros(len(n), dtype=np.int64)
    a_all, b_all = _grouped_beta(hits, n, everyone, 1)
    a = np.full(len(n), a_all[0])
    b = np.full(len(n), b_all[0])
    if groups is None or len(groups) == 0 or int(groups.max()) < 0:
        return a, b
    n_groups = int(groups.max()) + 1
    mine = groups >= 0
    g = np.where(mine, groups, 0)
    active = np.bincount(g, weights=(mine & (n > 0)).astype(np.float64), minlength=n_groups)
    ga, gb = _grouped_beta(np.where(mine, hits, 0.0), np.where(mine, n, 0.0), g, n_groups)
    own = mine & (active[g] >= min_group)
    return np.where(own, ga[g], a), np.where(own, gb[g], b)


def _grouped_beta(
    hits: FloatArray, n: FloatArray, g: npt.NDArray[np.int64], n_groups: int
) -> tuple[FloatArray, FloatArray]:
    """Beta(a0, b0) of each group: centre = pooled rate, strength learnt as in
    :func:`dispersion_strength` (two outcomes: right, wrong)."""
    total = np.bincount(g, weights=n, minlength=n_groups)
    m = np.clip(
        np.divide(
            np.bincount(g, weights=hits, minlength=n_groups),
            total,
            out=np.full(n_groups, 0.5),
            where=total > 0,
        ),
        0.02,
        0.98,
    )
    live = n > 1e-9
    mg = m[g]
    x = np.where(live, (hits - n * mg) ** 2 / np.maximum(n * mg * (1 - mg), 1e-12), 0.0)
    t = np.bincount(g, weights=x, minlength=n_groups)
    units = np.bincount(g, weights=live.astype(np.float64), minlength=n_groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        learnt = (total - t) / (t - units)
    strength = np.where(
        units < 3,
        MAX_STRENGTH,
        np.where(t <= units, MAX_STRENGTH, np.where(t >= total, MIN_STRENGTH, learnt)),
    )
    # never flatter than a uniform Beta(1, 1) would be around its centre
    strength = np.clip(np.nan_to_num(strength, nan=MAX_STRENGTH), 2.0, MAX_STRENGTH)
    return m * strength, (1.0 - m) * strength


def group_codes(values: Any, source_names: Any) -> npt.NDArray[np.int64] | None:
    """Codes of each source's group (kind) from a source -> kind mapping, or None."""
    if values is None:
        return None
    import pandas as pd

    kinds = pd.Series(values).reindex(source_names)
    codes, _ = pd.factorize(kinds, use_na_sentinel=True)
    return codes.astype(np.int64)
