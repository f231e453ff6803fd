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
    and sources without a group (code -1) use the prior learnt over everyone.
    """
    a0, b0 = _one_beta(hits, n)
    a = np.full(len(n), a0)
    b = np.full(len(n), b0)
    if groups is None or len(groups) == 0:
        return a, b
    active = n > 0
    n_groups = int(groups.max()) + 1 if len(groups) else 0
    size = np.bincount(groups[(groups >= 0) & active], minlength=max(n_groups, 0))
    for g in np.flatnonzero(size >= min_group):  # loop over groups (kinds), not rows
        sel = groups == g
        ga, gb = _one_beta(hits[sel], n[sel])
        a[sel], b[sel] = ga, gb
    return a, b


def _one_beta(hits: FloatArray, n: FloatArray) -> tuple[float, float]:
    total = float(n.sum())
    if total <= 0:
        return 1.0, 1.0
    m = float(np.clip(hits.sum() / total, 0.02, 0.98))
    counts = np.column_stack([hits, np.maximum(n - hits, 0.0)])
    strength = dispersion_strength(counts, np.array([m, 1.0 - m]))
    # a weak floor: with MIN_STRENGTH pseudo-assertions the prior is never flatter
    # than a uniform Beta(1, 1) would be around its centre
    strength = max(strength, 2.0)
    return m * strength, (1.0 - m) * strength


def group_codes(values: Any, source_names: Any) -> npt.NDArray[np.int64] | None:
    """Codes of each source's group (kind) from a source -> kind mapping, or None."""
    if values is None:
        return None
    import pandas as pd

    kinds = pd.Series(values).reindex(source_names)
    codes, _ = pd.factorize(kinds, use_na_sentinel=True)
    return codes.astype(np.int64)
