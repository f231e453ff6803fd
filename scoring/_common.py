"""Small helpers shared by several algorithms (kept out of utils: they know the contract)."""

from __future__ import annotations

import numpy as np

from scoring.utils import Encoded, FloatArray, seg_max, seg_normalise, seg_sum


def majority_shares(enc: Encoded) -> FloatArray:
    """Weighted vote share of every claim within its object (the usual EM start)."""
    votes = enc.claim_weight()
    return enc.clamp(seg_normalise(votes, enc.obj_start, enc.claim_obj))


def source_counts(enc: Encoded) -> FloatArray:
    """Weighted number of assertions per source."""
    return enc.source_weight()


def domain_sizes(enc: Encoded) -> FloatArray:
    """Size K_o of each object's value domain for the 'wrong answers are uniform' models.

    Categorical data: the global label set (at least the claims seen on the object);
    numeric clusters and free text: the claims seen plus one unseen alternative.
    """
    seen = enc.claims_per_object().astype(np.float64)
    if enc.n_labels > 0:
        return np.maximum(seen, float(enc.n_labels)).clip(min=2.0)
    return seen + 1.0


def claim_posterior(
    enc: Encoded, score: FloatArray, n_unseen: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Softmax of claim log-odds per object, with ``n_unseen`` alternatives at log-odds 0.

    Returns the posterior of each claim and the log normaliser of each object.
    """
    m = seg_max(score, enc.obj_start)
    np.maximum(m, 0.0, out=m)
    e = score - m[enc.claim_obj]
    np.exp(e, out=e)
    z = seg_sum(e, enc.obj_start, enc.claim_obj)
    z += n_unseen * np.exp(-m)
    e /= z[enc.claim_obj]
    np.log(z, out=z)
    z += m
    return e, z
