"""One partition of assertions, encoded with the dataset's global codes.

The Dask engine shuffles assertions by object, so every object's assertions sit
in one partition: the E-step (per object) runs where the data is, and what the
M-step needs (per-source and per-label sums) adds up across partitions. A
partition is an ordinary :class:`scoring.utils.Encoded` with global source and
label codes and its own objects and claims, so the in-memory estimators'
helpers (E-steps, claim posteriors) run on it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from scoring.utils import Encoded, _factorize, label_key

# Integers whose span is at most this much wider than the row count get sorted
# codes in scoring.utils._factorize; others get codes in order of first appearance.
_SPAN_SLACK = 65_536


@dataclass(frozen=True)
class Vocabulary:
    """The dataset-wide codes: sources, and the label of every distinct value."""

    source_names: pd.Index
    value_to_label: dict[Any, int]  # raw value -> label code
    label_values: npt.NDArray[Any]  # label code -> the value written for it
    numeric_values: bool  # values are numbers (their own keys), not text

    @property
    def n_labels(self) -> int:
        return len(self.label_values)


def ordered_uniques(parts: list[npt.NDArray[Any]], n_rows: int) -> pd.Index:
    """Distinct values in the order the in-memory encoding gives them codes.

    ``parts``: each partition's distinct values in order of first appearance,
    partitions in file order. Integers over a narrow span are sorted (as
    ``scoring.utils._factorize`` does for the whole column); anything else keeps
    the order of first appearance.
    """
    joined = pd.unique(np.concatenate(parts)) if parts else np.array([])
    arr = np.asarray(joined)
    if arr.dtype.kind in "iu" and len(arr):
        span = int(arr.max()) - int(arr.min()) + 1
        if span <= 2 * n_rows + _SPAN_SLACK:
            arr = np.sort(arr)
    out: pd.Index = pd.Index(arr, copy=False)
    return out


def vocabulary(source_names: pd.Index, values: pd.Index) -> Vocabulary:
    """Label codes for the distinct values, as the in-memory encoding gives them:
    numbers are their own labels; text is keyed by ``label_key`` ("Yes" = "yes")."""
    numeric = pd.api.types.is_numeric_dtype(values.dtype) and values.dtype != bool
    if numeric:
        keys = pd.Index(values)
        label_of = np.arange(len(values))
        label_values = values.to_numpy()
    else:
        codes, keys = pd.factorize(np.asarray([label_key(v) for v in values], dtype=object))
        label_of = codes
        first = np.full(len(keys), -1, dtype=np.int64)
        first[codes[::-1]] = np.arange(len(codes))[::-1]  # first spelling of each label
        label_values = values.to_numpy()[first]
    mapping = {v: int(c) for v, c in zip(values.tolist(), label_of.tolist(), strict=True)}
    return Vocabulary(source_names, mapping, np.asarray(label_values, dtype=object), numeric)


def encode_partition(frame: pd.DataFrame, vocab: Vocabulary) -> Encoded:
    """An :class:`Encoded` of one partition (all of its objects' assertions)."""
    w_all = (
        frame["weight"].to_numpy(np.float64)
        if "weight" in frame
        else np.ones(len(frame), dtype=np.float64)
    )
    keep = w_all > 0
    sub = frame if keep.all() else frame.loc[keep]
    w = w_all[keep] if not keep.all() else w_all
    s = vocab.source_names.get_indexer(pd.Index(sub["source"].to_numpy())).astype(np.int64)
    o, object_names = _factorize(sub["object"].to_numpy())
    raw_codes, raw_uniques = pd.factorize(sub["value"].to_numpy())
    lab_of_raw = np.fromiter(
        (vocab.value_to_label[v] for v in raw_uniques.tolist()),
        dtype=np.int64,
        count=len(raw_uniques),
    )
    lab = lab_of_raw[raw_codes]
    k = max(vocab.n_labels, 1)
    n_obj = len(object_names)
    # claims: distinct (object, label) pairs sorted by object, then label (as in memory)
    present = np.zeros(n_obj * k, dtype=bool)
    ckey = o * k + lab
    present[ckey] = True
    rank = np.cumsum(present, dtype=np.int64)
    c = rank[ckey] - 1
    cu = np.flatnonzero(present)
    claim_obj = cu // k
    claim_label = cu % k
    obj_start = np.zeros(n_obj + 1, dtype=np.int64)
    np.cumsum(np.count_nonzero(present.reshape(n_obj, k), axis=1), out=obj_start[1:])
    n = len(s)
    return Encoded(
        source_names=vocab.source_names,
        object_names=pd.Index(object_names),
        s=s,
        o=o,
        c=c,
        w=w,
        claim_obj=claim_obj.astype(np.int64),
        obj_start=obj_start,
        claim_value=vocab.label_values[claim_label],
        claim_label=claim_label.astype(np.int64),
        n_labels=vocab.n_labels,
        value_type="categorical",
        x=np.broadcast_to(np.float64(np.nan), (n,)),
        tol=np.zeros(n_obj),
        fixed_claim=np.full(n_obj, -2, dtype=np.int64),
        fixed_value=np.full(n_obj, np.nan),
        num_obj=np.zeros(n_obj, dtype=bool),
    )
