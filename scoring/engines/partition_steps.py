"""What each worker computes on its partition: E-steps and the sums the M-step needs.

Each function takes a :class:`PartitionState` and returns a new one (never
mutating: Dask may hold or move the old one) whose ``stats`` are small arrays
that add up across partitions. The maths are the in-memory estimators' own
helpers (``DawidSkene._e_step``, ``claim_posterior``, ``seg_argmax`` ...), run on
a partition's :class:`scoring.utils.Encoded`, so both engines agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from scoring._common import claim_posterior, domain_sizes, majority_shares
from scoring.base import TruthEstimator
from scoring.dawid_skene import DawidSkene, _row_argmax
from scoring.engines.partition import Vocabulary, encode_partition
from scoring.utils import (
    Encoded,
    FloatArray,
    csr_from_codes,
    scatter_add,
    seg_argmax,
    seg_max,
    seg_normalise,
)


@dataclass(frozen=True)
class PartitionState:
    """A partition's encoded assertions, its method state, and its latest sums."""

    enc: Encoded | None  # None: an empty partition
    arrays: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)


def start(frame: pd.DataFrame, vocab: Vocabulary, est: TruthEstimator) -> PartitionState:
    """Encode the partition and return the sums of the method's starting point."""
    if not len(frame) or ("weight" in frame and not (frame["weight"].to_numpy() > 0).any()):
        return PartitionState(None)
    enc = encode_partition(frame, vocab)
    n_src = enc.n_sources
    base: dict[str, Any] = {
        "n_s": enc.source_weight().copy(),
        "n_obj": enc.n_objects,
        "total_w": float(enc.w.sum()),
    }
    name = est.name
    if name == "majority":
        votes = enc.claim_weight()
        hit = seg_normalise(votes, enc.obj_start, enc.claim_obj)[enc.c]
        base["trust_sum"] = scatter_add(enc.s, weights=enc.w * hit, minlength=n_src)
        return PartitionState(enc, {"prob": votes}, base)
    if name == "crh":
        return PartitionState(enc, {}, base)
    if name == "one_coin":
        dom = domain_sizes(enc)
        wlog_k1 = enc.w * np.log(dom - 1.0)[enc.o]
        post = majority_shares(enc)
        arrays = {
            "n_unseen": dom - enc.claims_per_object(),
            "claim_const": scatter_add(enc.c, weights=wlog_k1, minlength=enc.n_claims),
            "post": post,
        }
        base["const"] = float(-wlog_k1.sum() - np.log(dom).sum())
        base["hits"] = enc.claim_source_matrix().T @ post
        base["lab_mass"] = np.bincount(
            enc.claim_label, weights=post, minlength=max(enc.n_labels, 1)
        )
        return PartitionState(enc, arrays, base)
    if name == "dawid_skene":
        k = enc.n_labels
        n_obj = enc.n_objects
        cell = enc.s * k + enc.claim_label[enc.c]
        rows = np.concatenate([enc.o, np.arange(n_obj)])
        cols = np.concatenate([cell, np.full(n_obj, n_src * k)])
        data = np.concatenate([enc.w, np.ones(n_obj)])
        m = csr_from_codes(rows, cols, data, (n_obj, n_src * k + 1), dtype=np.float32)
        t = np.zeros((n_obj, k), dtype=np.float32)
        t[enc.claim_obj, enc.claim_label] = majority_shares(enc)
        base["used"] = scatter_add(cell, weights=enc.w, minlength=n_src * k)
        base["both"] = np.asarray(m.T @ t, dtype=np.float64)
        return PartitionState(enc, {"m": m, "t": t, "labels": vocab.label_values}, base)
    raise ValueError(f"the dask engine has no method {name!r}")


def step(state: PartitionState, est: TruthEstimator, params: dict[str, Any]) -> PartitionState:
    """One EM (or reweighting) round on the partition, with the global ``params``."""
    enc = state.enc
    if enc is None:
        return state
    name = est.name
    if name == "crh":
        cs = enc.claim_source_matrix()
        votes = cs @ params["weight"]
        best = seg_argmax(votes, enc.obj_start, enc.claim_obj)
        is_best = (best[enc.claim_obj] == np.arange(enc.n_claims)).astype(np.float64)
        stats = {"hit_w": enc.source_claim_matrix() @ is_best}
        return replace(state, arrays={"prob": votes}, stats=stats)
    if name == "one_coin":
        acc, kpi = params["acc"], params["kpi"]
        arrays = state.arrays
        score = enc.claim_source_matrix() @ (np.log(acc) - np.log1p(-acc))
        score += arrays["claim_const"]
        unseen = arrays["n_unseen"]
        if kpi is not None:
            score += np.log(kpi)[enc.claim_label]
            seen = scatter_add(enc.claim_obj, kpi[enc.claim_label], enc.n_objects)
            unseen = np.maximum(len(kpi) - seen, 0.0)
        post, log_z = claim_posterior(enc, score, unseen)
        stats = {
            "log_z": float(log_z.sum()),
            "hits": enc.claim_source_matrix().T @ post,
            "lab_mass": np.bincount(enc.claim_label, weights=post, minlength=max(enc.n_labels, 1)),
        }
        return replace(state, arrays={**arrays, "post": post}, stats=stats)
    if name == "dawid_skene":
        assert isinstance(est, DawidSkene)
        arrays = state.arrays
        t = arrays["pending"] if params["commit"] else arrays["t"]
        m = arrays["m"]
        t_new, loglik, elbo = est._e_step(enc, m, params["table"], t if params["need"] else None)
        stats = {"loglik": loglik, "elbo": elbo, "both": np.asarray(m.T @ t_new, dtype=np.float64)}
        return replace(state, arrays={**arrays, "t": t, "pending": t_new}, stats=stats)
    raise ValueError(f"the dask engine has no method {name!r}")


def finish(
    state: PartitionState, est: TruthEstimator, commit: bool = False
) -> tuple[pd.DataFrame, FloatArray, FloatArray] | None:
    """The partition's truths and per-source agreement sums (base.TruthEstimator._finish,
    for categorical data without known truths)."""
    enc = state.enc
    if enc is None:
        return None
    unasserted = None
    if est.name == "dawid_skene":
        t = state.arrays["pending"] if commit else state.arrays["t"]
        prob = t[enc.claim_obj, enc.claim_label].astype(np.float64)
        top = _row_argmax(t)
        top_p = t[np.arange(enc.n_objects), top].astype(np.float64)
        mask = top_p > seg_max(prob, enc.obj_start) + 1e-12
        unasserted = (mask, top, top_p)
    elif est.name == "one_coin":
        prob = state.arrays["post"]
    else:
        prob = state.arrays["prob"]
    best = seg_argmax(prob, enc.obj_start, enc.claim_obj)
    support = enc.claim_weight()[best]
    if est.probabilistic:
        conf = prob[best]
        agree_a = prob[enc.c]
    else:
        conf = seg_normalise(prob, enc.obj_start, enc.claim_obj)[best]
        agree_a = (best[enc.o] == enc.c).astype(np.float64)
    values = enc.claim_value[best]
    if unasserted is not None and unasserted[0].any():
        mask, top, top_p = unasserted
        values = np.asarray(values, dtype=object)
        values[mask] = state.arrays["labels"][top[mask]]
        conf = np.where(mask, top_p, conf)
        support = np.where(mask, 0.0, support)
    truths = pd.DataFrame(
        {
            "value": values,
            "confidence": np.clip(conf, 0.0, 1.0),
            "support": support,
            "known": np.zeros(enc.n_objects, dtype=bool),
        },
        index=pd.Index(enc.object_names, name="object"),
    )
    agree = scatter_add(enc.s, weights=enc.w * agree_a, minlength=enc.n_sources)
    return truths, agree, enc.source_weight().copy()


def stats_of(state: PartitionState) -> dict[str, Any]:
    """Only the small sums travel back to the client."""
    return state.stats
