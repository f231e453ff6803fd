"""Shared maths for every estimator: validation, integer encoding, grouped ops, Beta posteriors.

Everything on the fit path is vectorised: a frame of assertions is factorised once
into integer codes (source, object, claim), and every algorithm works with
``np.bincount`` scatter-adds, ``np.*.reduceat`` over claims sorted by object, or
``scipy.sparse`` products. Python loops run only over *unique* values (text
normalisation), never over assertions.

Vocabulary (Zheng et al. 2017 survey; Pasternack & Roth 2010):
- assertion: one row (source, object, value[, weight]);
- claim: one distinct value (after clustering equivalent forms) for one object;
  the claims of an object are mutually exclusive candidates for its truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import sparse
from scipy.special import betaincinv

try:  # scipy's O(nnz) COO -> CSR kernel, without the duplicate-merging sort after it
    from scipy.sparse._sparsetools import coo_tocsr as _coo_tocsr
except ImportError:  # pragma: no cover
    _coo_tocsr = None

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

REQUIRED_COLUMNS = ("source", "object", "value")
# A report that repeats a claim without endorsing it ("observing" stance) adds no vote.
NON_ENDORSING_STANCES = frozenset({"observing", "observe", "observed", "reporting", "relay"})
# weight: < 1 for hedged claims; stance: "observing" adds no vote; origin: where the
# claim really comes from; kind: the source's kind (monitor, state_media, ...), the
# group whose sources a sparse source borrows strength from (scoring.pooling).
OPTIONAL_COLUMNS = ("weight", "stance", "origin", "kind")
VALUE_TYPES = ("auto", "categorical", "numeric", "text", "mixed")
# Integers between -1 and this (0..3, 1..5) on every object are label codes, not figures.
MAX_LABELS_FOR_CATEGORICAL_INTS = 10
# Strings with at most this many distinct values overall are a label set, not free text.
MAX_LABELS_FOR_CATEGORICAL_TEXT = 20
# seg_argmax uses a padded table when no object has more claims than this.
DENSE_MAX_WIDTH = 16
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def csr_from_codes(
    rows: npt.NDArray[np.integer[Any]],
    cols: npt.NDArray[np.integer[Any]],
    data: npt.ArrayLike,
    shape: tuple[int, int],
    dtype: type[np.floating[Any]] = np.float64,
) -> sparse.csr_matrix:
    """A CSR matrix from (row, column, value) triples in one counting-sort pass.

    Duplicate (row, column) entries are kept, not summed: every product sums
    them anyway, and skipping scipy's sort-and-merge step halves the build time
    at 1e6 assertions. Indices are int32 while they fit.
    """
    n_row, n_col = shape
    nnz = len(rows)
    itype = np.int32 if max(n_row, n_col, nnz) < 2**31 - 1 else np.int64
    values = np.broadcast_to(np.asarray(data, dtype=dtype), (nnz,))
    if _coo_tocsr is None:  # pragma: no cover - scipy without the private kernel
        coo = sparse.coo_matrix((values, (rows, cols)), shape=shape)
        return coo.tocsr().astype(dtype, copy=False)
    indptr = np.empty(n_row + 1, dtype=itype)
    indices = np.empty(nnz, dtype=itype)
    out = np.empty(nnz, dtype=dtype)
    _coo_tocsr(
        n_row,
        n_col,
        nnz,
        np.asarray(rows, dtype=itype),
        np.asarray(cols, dtype=itype),
        np.ascontiguousarray(values),
        indptr,
        indices,
        out,
    )
    return sparse.csr_matrix((out, indices, indptr), shape=shape, copy=False)


def scatter_add(
    idx: npt.NDArray[np.integer[Any]] | npt.NDArray[np.bool_],
    weights: npt.ArrayLike | None = None,
    minlength: int = 0,
) -> FloatArray:
    """``np.bincount`` as float64: the scatter-add every algorithm is built on."""
    out = np.bincount(idx, weights=weights, minlength=minlength)
    return out.astype(np.float64, copy=False)


class FrameError(ValueError):
    """The assertions frame is not usable; ``row`` is the 0-based row at fault, if any."""

    def __init__(self, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row = row


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------


def validate_frame(frame: pd.DataFrame, copy: bool = True) -> pd.DataFrame:
    """Check the long frame and return a copy with a float ``weight`` column.

    Rows with a non-endorsing ``stance`` (see NON_ENDORSING_STANCES) get weight 0.
    The input frame is never modified. ``copy=False`` (the estimators' fit path,
    which only reads the result) shares the column data with the input instead
    of copying it, so writing into the result would write into the input.
    """
    if not isinstance(frame, pd.DataFrame):
        raise FrameError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise FrameError(f"missing column(s): {', '.join(missing)}; need source, object, value")
    cols = [*REQUIRED_COLUMNS] + [c for c in OPTIONAL_COLUMNS if c in frame]
    if copy:
        out = frame.loc[:, cols].reset_index(drop=True)
    else:  # a new frame over the same column arrays; the weight column is its own
        out = pd.DataFrame({c: frame[c].array for c in cols}, copy=False)
    for col in REQUIRED_COLUMNS:
        bad = out[col].isna().to_numpy(dtype=bool, copy=True)
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            # blank text, tested once per distinct value (not per row)
            codes, uniques = pd.factorize(out[col].to_numpy(dtype=object), use_na_sentinel=True)
            blank = np.fromiter(
                (isinstance(u, str) and not u.strip() for u in uniques),
                dtype=bool,
                count=len(uniques),
            )
            if blank.any():
                bad |= (codes >= 0) & blank[np.maximum(codes, 0)]
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise FrameError(f"empty {col}", row=row)
    if "weight" in out:
        w = pd.to_numeric(out["weight"], errors="coerce").to_numpy(np.float64)
        bad = ~np.isfinite(w) | (w < 0)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise FrameError(
                f"weight must be a finite number >= 0, got {out['weight'].iloc[row]!r}", row=row
            )
    else:
        w = np.ones(len(out), dtype=np.float64)
    if "stance" in out:
        stance = out["stance"].astype("string").str.strip().str.lower()
        w = np.where(stance.isin(NON_ENDORSING_STANCES).to_numpy(bool), 0.0, w)
    out["weight"] = w
    return out


# ---------------------------------------------------------------------------
# value kinds, text normalisation and clustering
# ---------------------------------------------------------------------------


def label_key(value: Any) -> str:
    """Key of a categorical label: "1" and "1.0" are one label, "Yes" and "yes" too."""
    text = str(value)
    try:
        number = float(text)
    except ValueError:
        return normalise_label(text)
    if not np.isfinite(number):
        return normalise_label(text)
    return str(int(number)) if number.is_integer() and abs(number) < 2**53 else repr(number)


def _numbers(uniques: pd.Index) -> FloatArray:
    """Each distinct value as a finite number, NaN when it is not one ("NA", "inf", "yes")."""
    if pd.api.types.is_bool_dtype(uniques.dtype):
        return np.full(len(uniques), np.nan)
    if pd.api.types.is_numeric_dtype(uniques.dtype):
        x = uniques.to_numpy(np.float64)
    else:
        x = pd.to_numeric(
            pd.Series(uniques.to_numpy(dtype=object), dtype=object), errors="coerce"
        ).to_numpy(np.float64, na_value=np.nan)
    out: FloatArray = np.where(np.isfinite(x), x, np.nan)
    return out


def _are_codes(numbers: FloatArray) -> bool:
    """Small integer codes (a label set such as 0..3 or 1..5), not quantities (26, 27, 30)."""
    if len(numbers) == 0:
        return True
    low, high = float(numbers.min()), float(numbers.max())
    small = low >= -1 and high <= MAX_LABELS_FOR_CATEGORICAL_INTS  # 0..3, 1..5, -1/0/1
    return small and bool(np.all(numbers == np.round(numbers)))


def _label_kind(uniques: pd.Index) -> str:
    """'categorical' for a few short labels, 'text' for names and phrases."""
    if len(uniques) > MAX_LABELS_FOR_CATEGORICAL_TEXT:
        return "text"
    if len(uniques) == 0 or pd.api.types.is_numeric_dtype(uniques.dtype):
        return "categorical"
    words = np.mean([len(_PUNCT.sub(" ", str(u)).split()) for u in uniques])
    return "text" if words > 1.5 else "categorical"


def _value_kinds(
    o: IntArray,
    n_obj: int,
    raw_codes: IntArray,
    raw_uniques: pd.Index,
    value_type: str,
    keep: BoolArray,
    frame: pd.DataFrame,
) -> tuple[str, BoolArray, FloatArray]:
    """The value type, which assertions are quantities, and their numbers.

    With ``value_type="auto"`` (or "mixed") the type is decided per object: an
    object all of whose values are numbers holds a quantity (a toll), unless
    every object is answered in small integer codes (labels 0..3). Any
    other object holds labels ("yes", "true", a name): categorical for a few
    short labels, text for names and phrases. So tolls beside yes/no questions
    stay quantities, and the yes/no questions stay labels.
    """
    n = len(o)
    no_num = np.zeros(n, dtype=bool)
    nan_x: FloatArray = np.broadcast_to(np.float64(np.nan), (n,))
    if value_type in ("categorical", "text"):
        return value_type, no_num, nan_x
    ux = _numbers(raw_uniques)
    is_num_u = ~np.isnan(ux)
    if value_type == "numeric":
        bad = ~is_num_u[raw_codes]
        if bad.any():
            row = int(np.flatnonzero(keep)[np.flatnonzero(bad)[0]])
            raise FrameError(f"value {frame['value'].iloc[row]!r} is not a number", row=row)
        return "numeric", np.ones(n, dtype=bool), ux[raw_codes]
    if not is_num_u.any():
        return _label_kind(raw_uniques), no_num, nan_x
    if is_num_u.all():
        obj_num = np.ones(n_obj, dtype=bool)
    else:
        obj_num = scatter_add(o, weights=~is_num_u[raw_codes], minlength=n_obj) == 0
    used = np.zeros(len(ux), dtype=bool)
    used[raw_codes if obj_num.all() else raw_codes[obj_num[o]]] = True
    if not obj_num.any() or (obj_num.all() and _are_codes(ux[used])):
        return _label_kind(raw_uniques), no_num, nan_x
    quantity = obj_num
    if quantity.all():
        return "numeric", np.ones(n, dtype=bool), ux[raw_codes]
    num_row = quantity[o]
    return "mixed", num_row, np.where(num_row, ux[raw_codes], np.nan)


def normalise_text(value: str) -> str:
    """Case-, punctuation- and order-insensitive key: "Knuth, Donald E." -> "donald e knuth"."""
    tokens = _PUNCT.sub(" ", value.casefold()).split()
    return " ".join(sorted(tokens))


def normalise_label(value: str) -> str:
    """Light key for categorical labels: trimmed, case-folded, single spaces."""
    return " ".join(value.casefold().split())


def fuzzy_clusters(
    obj: IntArray, keys: list[str], threshold: float, max_compare: int = 64
) -> IntArray:
    """Cluster the unique (object, key) pairs whose keys are near-duplicates.

    ``obj[i]`` is the object of unique key ``keys[i]``; pairs are formed only
    within an object (each key against at most ``max_compare`` earlier keys of
    that object), scored in one ``rapidfuzz.process.cpdist`` call with
    ``token_sort_ratio`` and joined by single linkage (connected components).
    Returns a cluster id per key.
    """
    from rapidfuzz import fuzz, process

    n = len(keys)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(obj, kind="stable")
    sobj = obj[order]
    starts = np.flatnonzero(np.r_[True, sobj[1:] != sobj[:-1]])
    pos = np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))
    counts = np.minimum(pos, max_compare)
    total = int(counts.sum())
    if total == 0:
        return np.arange(n, dtype=np.int64)
    left = np.repeat(np.arange(n), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    right = np.repeat(starts[np.searchsorted(starts, np.arange(n), side="right") - 1], counts)
    right = right + (np.arange(total) - first)
    karr = np.asarray(keys, dtype=object)[order]
    scores = process.cpdist(
        karr[left].tolist(), karr[right].tolist(), scorer=fuzz.token_sort_ratio, workers=1
    )
    hit = np.asarray(scores) >= threshold
    graph = sparse.coo_matrix(
        (np.ones(int(hit.sum())), (left[hit], right[hit])), shape=(n, n)
    ).tocsr()
    _, labels = sparse.csgraph.connected_components(graph, directed=False)
    out = np.empty(n, dtype=np.int64)
    out[order] = labels
    return out


# ---------------------------------------------------------------------------
# encoding
# ---------------------------------------------------------------------------


@dataclass
class Encoded:
    """A frame of assertions as integer codes; claims are sorted by object.

    Assertions with weight 0 (abstentions, observing reports) are dropped here:
    they add no vote. Their sources still appear in ``source_names`` with n = 0.
    """

    source_names: pd.Index
    object_names: pd.Index
    s: IntArray  # (n,) source code per assertion
    o: IntArray  # (n,) object code
    c: IntArray  # (n,) claim code
    w: FloatArray  # (n,) weight > 0
    claim_obj: IntArray  # (C,) object of each claim, non-decreasing
    obj_start: IntArray  # (O + 1,) offsets of each object's claims
    claim_value: npt.NDArray[Any]  # (C,) representative value of each claim
    claim_label: IntArray  # (C,) global label code (same value across objects)
    n_labels: int
    value_type: str
    x: FloatArray  # (n,) numeric value per assertion (NaN unless numeric; read-only)
    tol: FloatArray  # (O,) closeness tolerance per object (numeric only, else 0)
    fixed_claim: IntArray  # (O,) known true claim, -1 none asserted, -2 not known
    fixed_value: FloatArray  # (O,) known numeric truth (NaN if unknown)
    source_group: IntArray | None = None  # (S,) kind code per source, -1 unknown
    raw_code: IntArray | None = None  # (n,) code of each assertion's value as written
    raw_values: npt.NDArray[Any] | None = None  # the distinct values as written
    num_obj: BoolArray | None = None  # (O,) objects whose values are quantities
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def n_sources(self) -> int:
        return len(self.source_names)

    @property
    def n_objects(self) -> int:
        return len(self.object_names)

    @property
    def n_claims(self) -> int:
        return len(self.claim_obj)

    @property
    def has_fixed(self) -> bool:
        if "has_fixed" not in self._cache:
            self._cache["has_fixed"] = bool((self.fixed_claim != -2).any())
        return bool(self._cache["has_fixed"])

    def claims_per_object(self) -> IntArray:
        return np.diff(self.obj_start)

    def _weight_total(self, key: str, idx: IntArray, size: int) -> FloatArray:
        if key not in self._cache:
            total = scatter_add(idx, weights=self.w, minlength=size)
            total.flags.writeable = False  # shared by every caller
            self._cache[key] = total
        out: FloatArray = self._cache[key]
        return out

    def source_weight(self) -> FloatArray:
        """Weighted number of assertions per source (computed once; do not modify)."""
        return self._weight_total("n_s", self.s, self.n_sources)

    def claim_weight(self) -> FloatArray:
        """Weighted votes per claim (computed once; do not modify)."""
        return self._weight_total("n_c", self.c, self.n_claims)

    def object_weight(self) -> FloatArray:
        """Weighted number of assertions per object (computed once; do not modify)."""
        return self._weight_total("n_o", self.o, self.n_objects)

    def claim_source_matrix(self) -> sparse.csr_matrix:
        """Weighted (claims x sources) matrix (duplicate entries add up in products)."""
        if "W" not in self._cache:
            self._cache["W"] = csr_from_codes(
                self.c, self.s, self.w, (self.n_claims, self.n_sources)
            )
        return self._cache["W"]

    def source_claim_matrix(self) -> sparse.csr_matrix:
        if "WT" not in self._cache:
            self._cache["WT"] = csr_from_codes(
                self.s, self.c, self.w, (self.n_sources, self.n_claims)
            )
        return self._cache["WT"]

    def fixed_mask(self) -> tuple[BoolArray, FloatArray]:
        """(C,) mask of claims whose truth is known, and their 0/1 truth."""
        if "fixed" not in self._cache:
            known = self.fixed_claim != -2
            mask = known[self.claim_obj]
            val = np.zeros(self.n_claims)
            gold = self.fixed_claim[known & (self.fixed_claim >= 0)]
            val[gold] = 1.0
            self._cache["fixed"] = (mask, val)
        fixed: tuple[BoolArray, FloatArray] = self._cache["fixed"]
        return fixed

    def clamp(self, prob: FloatArray) -> FloatArray:
        """Overwrite the probabilities of claims of known objects with 0/1."""
        if not self.has_fixed:
            return prob
        mask, val = self.fixed_mask()
        return np.where(mask, val, prob)


def _factorize(values: pd.Series | npt.NDArray[Any]) -> tuple[IntArray, pd.Index]:
    """Integer codes and the unique values they index.

    Integers spanning a range not much wider than their count (ids exported as
    numbers, small label codes) go through a presence table: two linear passes
    instead of a hash table, 4-8x faster at 1e6 rows and cache-friendly at 1e7;
    their codes follow the sorted values. Anything else is hashed by
    ``pd.factorize`` (codes in order of first appearance).
    """
    arr = values.to_numpy() if isinstance(values, pd.Series) else np.asarray(values)
    if arr.dtype.kind in "iu" and len(arr):
        lo, hi = int(arr.min()), int(arr.max())
        span = hi - lo + 1
        if span <= 2 * len(arr) + 65_536:
            # offsets in the column's own width when they fit (no int64 copy at 1e8 rows)
            fits = arr.dtype.itemsize < 4 or arr.dtype == np.int32  # (not uint32)
            narrow = fits and span < 2**31
            shifted: IntArray = arr.astype(np.int32 if narrow else np.int64, copy=False)
            if lo:
                shifted = shifted - (np.int32(lo) if narrow else lo)
            present = np.zeros(span, dtype=bool)
            present[shifted] = True
            uniq = np.flatnonzero(present)
            # code = number of present values up to it: a running count, int32 so
            # the table gathered from at random is half the size (and the codes too)
            rank: IntArray = np.cumsum(present, dtype=np.int32 if span < 2**31 else np.int64)
            codes = rank[shifted]
            codes -= 1
            return codes, pd.Index((uniq + lo).astype(arr.dtype, copy=False))
    codes, uniques = pd.factorize(arr, sort=False)
    return codes.astype(np.int64, copy=False), pd.Index(uniques)


def encode(
    frame: pd.DataFrame,
    value_type: str = "auto",
    similarity: float = 90.0,
    numeric_tol: float = 0.05,
    known_truths: pd.Series | None = None,
) -> Encoded:
    """Factorise a validated frame into an :class:`Encoded` (one pass, vectorised)."""
    if value_type not in VALUE_TYPES:
        raise FrameError(f"value_type must be one of {', '.join(VALUE_TYPES)}")
    s_all, source_names = _factorize(frame["source"].to_numpy())
    w_all = frame["weight"].to_numpy(np.float64)
    keep = w_all > 0
    if not keep.any():
        raise FrameError("no assertion with a positive weight: nothing to score")
    if keep.all():
        sub, s, w = frame, s_all, w_all
    else:
        sub, s, w = frame.loc[keep], s_all[keep], w_all[keep]
    o, object_names = _factorize(sub["object"].to_numpy())
    raw_codes, raw_uniques = _factorize(sub["value"].to_numpy())
    n_obj = len(object_names)
    n = len(sub)
    vtype, num_row, x = _value_kinds(o, n_obj, raw_codes, raw_uniques, value_type, keep, frame)
    tol = np.zeros(n_obj)
    vcodes = np.zeros(n, dtype=np.int64)
    n_num_keys = 0
    rep_num = np.zeros(0)
    if num_row.any():
        idx = np.flatnonzero(num_row) if not num_row.all() else np.arange(n)
        key_n, tol_full, rep_num = _numeric_clusters(o[idx], x[idx], n_obj, numeric_tol)
        has = scatter_add(o[idx], minlength=n_obj) > 0
        tol = np.where(has, tol_full, 0.0)
        vcodes[idx] = key_n
        n_num_keys = len(rep_num)
    n_labels = 0
    raw_of_key: IntArray | None = None  # claim key -> its one written form
    lab_idx = np.flatnonzero(~num_row)
    if len(lab_idx):
        lab_raw = raw_codes[lab_idx] if len(lab_idx) < n else raw_codes
        used = np.unique(lab_raw) if len(lab_idx) < n else np.arange(len(raw_uniques))
        text_like = vtype == "text" or (
            vtype == "mixed" and _label_kind(raw_uniques[used]) == "text"
        )
        if text_like:
            ukeys = [normalise_text(str(v)) for v in raw_uniques]  # unique values only
        elif pd.api.types.is_numeric_dtype(raw_uniques.dtype) and raw_uniques.dtype != bool:
            ukeys = None  # integer or float codes: the values are their own keys
        else:
            ukeys = [label_key(v) for v in raw_uniques]
        if ukeys is None:
            lcodes = lab_raw
            key_uniques = raw_uniques
            raw_of_key = np.arange(len(raw_uniques), dtype=np.int64)
        else:
            key_codes, key_uniques = _factorize(np.asarray(ukeys, dtype=object))
            lcodes = key_codes[lab_raw]
            if len(key_uniques) == len(raw_uniques):  # no two spellings merged
                raw_of_key = np.empty(len(key_uniques), dtype=np.int64)
                raw_of_key[key_codes] = np.arange(len(raw_uniques))
        n_keys = len(key_uniques)
        if text_like and similarity < 100:
            pair = o[lab_idx].astype(np.int64) * n_keys + lcodes
            pcodes, puniq = _factorize(pair)
            p_obj = puniq.to_numpy() // n_keys
            p_key = puniq.to_numpy() % n_keys
            cl = fuzzy_clusters(p_obj, [str(key_uniques[k]) for k in p_key], similarity)
            lcodes = cl[pcodes]
            raw_of_key = None
        elif not text_like:
            n_labels = n_keys
        if len(lab_idx) == n:
            vcodes = n_num_keys + lcodes
        else:
            vcodes[lab_idx] = n_num_keys + lcodes
    # claims: unique (object, cluster) pairs, sorted by object
    n_v = int(vcodes.max()) + 1
    ckey = o.astype(np.int64) * n_v + vcodes  # int64: objects x values may pass 2**31
    if n_obj * n_v <= 4 * n + 1_000_000:
        # small key space: a presence table gives claims already sorted by object
        present = np.zeros(n_obj * n_v, dtype=bool)
        present[ckey] = True
        cu = np.flatnonzero(present)
        # claim number of each key: a running count (one sequential pass, int32 so
        # the table gathered from at random is half the size)
        dtype = np.int32 if len(cu) < 2**31 else np.int64
        rank = np.cumsum(present, dtype=dtype)
        c = rank[ckey]
        c -= 1
        per_obj = np.count_nonzero(present.reshape(n_obj, n_v), axis=1)
        claim_obj = np.repeat(np.arange(n_obj, dtype=np.int64), per_obj)
    else:
        c_raw, cuniq = _factorize(ckey)
        cu = cuniq.to_numpy()
        order = np.argsort(cu // n_v, kind="stable")
        remap = np.empty_like(order)
        remap[order] = np.arange(len(order))
        c = remap[c_raw]
        cu = cu[order]
        claim_obj = (cu // n_v).astype(np.int64)
        per_obj = np.bincount(claim_obj, minlength=n_obj)
    claim_key = cu - claim_obj * n_v
    n_claims = len(cu)
    obj_start = np.zeros(n_obj + 1, dtype=np.int64)
    np.cumsum(per_obj, out=obj_start[1:])
    claim_label = np.maximum(claim_key - n_num_keys, 0)
    if n_num_keys == 0 and len(lab_idx) and raw_of_key is not None:
        claim_value: npt.NDArray[Any] = raw_uniques.to_numpy()[raw_of_key[claim_key]]
    else:
        claim_value = _most_common_form(c, raw_codes, raw_uniques, n_claims, w)
    enc = Encoded(
        source_names=source_names,
        object_names=object_names,
        s=s,
        o=o,
        c=c,
        w=w,
        claim_obj=claim_obj,
        obj_start=obj_start,
        claim_value=claim_value,
        claim_label=claim_label.astype(np.int64),
        n_labels=n_labels,
        value_type=vtype,
        x=x,
        tol=tol,
        fixed_claim=np.full(n_obj, -2, dtype=np.int64),
        fixed_value=np.full(n_obj, np.nan),
        raw_code=raw_codes,
        raw_values=raw_uniques.to_numpy(),
        num_obj=_objects_with(num_row, o, n_obj),
    )
    if "kind" in frame:
        enc.source_group = _source_groups(frame["kind"], s_all, len(source_names))
    if known_truths is not None and len(known_truths):
        _attach_known(enc, known_truths, similarity)
    return enc


def _objects_with(rows: BoolArray, o: IntArray, n_obj: int) -> BoolArray:
    """Objects with at least one row in ``rows``."""
    if not rows.any():
        return np.zeros(n_obj, dtype=bool)
    if rows.all():
        return np.ones(n_obj, dtype=bool)
    out: BoolArray = scatter_add(o, weights=rows, minlength=n_obj) > 0
    return out


def _source_groups(kind: pd.Series, s_all: IntArray, n_sources: int) -> IntArray:
    """Each source's kind code (the first kind given for it; -1 when none)."""
    text = kind.astype("string").str.strip().str.casefold()
    codes, _ = pd.factorize(text.where(text != ""), use_na_sentinel=True)
    out = np.full(n_sources, -1, dtype=np.int64)
    given = codes >= 0
    # the first row of each source wins: write in reverse so earlier rows overwrite
    out[s_all[given][::-1]] = codes[given][::-1]
    return out


def _numeric_clusters(
    o: IntArray, x: FloatArray, n_obj: int, numeric_tol: float
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Cluster numeric values per object: sorted values join while gaps <= tolerance.

    Tolerance per object = numeric_tol * max(|median|, global median |x|), so
    "26" and "27" deaths are one claim while "26" and "260" are not. Returns
    the cluster id per assertion, the tolerance per object and the median of
    each cluster (its representative value).
    """
    order = np.lexsort((x, o))
    so, sx = o[order], x[order]
    starts = np.searchsorted(so, np.arange(n_obj + 1))
    sizes = np.diff(starts)
    lo_i = np.clip(starts[:-1] + (sizes - 1) // 2, 0, len(sx) - 1)
    hi_i = np.clip(starts[:-1] + sizes // 2, 0, len(sx) - 1)
    med = 0.5 * (sx[lo_i] + sx[hi_i])
    floor = float(np.median(np.abs(x))) if len(x) else 0.0
    tol = numeric_tol * np.maximum(np.abs(med), floor)
    gap = np.diff(sx) > tol[so[1:]]
    new = np.r_[True, gap | (so[1:] != so[:-1])]
    cl_sorted = np.cumsum(new) - 1
    n_cl = int(cl_sorted[-1]) + 1
    cl_start = np.flatnonzero(new)
    cl_size = np.diff(np.r_[cl_start, len(sx)])
    rep = 0.5 * (sx[cl_start + (cl_size - 1) // 2] + sx[cl_start + cl_size // 2])
    key = np.empty(len(x), dtype=np.int64)
    key[order] = cl_sorted
    assert len(rep) == n_cl
    return key, tol, rep


def _most_common_form(
    c: IntArray, rcodes: IntArray, runiq: pd.Index, n_claims: int, w: FloatArray
) -> npt.NDArray[Any]:
    """For each claim, the value as written with the most weight behind it."""
    nr = len(runiq)
    values: npt.NDArray[Any] = runiq.to_numpy()
    if nr and _one_form_per_claim(c, rcodes, n_claims):
        out_one: npt.NDArray[Any] = np.empty(n_claims, dtype=values.dtype)
        out_one[c] = values[rcodes]
        return out_one
    pair = c.astype(np.int64) * nr + rcodes
    pcodes, puniq = _factorize(pair)
    pw = scatter_add(pcodes, weights=w)
    pu = puniq.to_numpy()
    pc = pu // nr
    order = np.lexsort((-pw, pc))
    first = order[np.r_[True, pc[order][1:] != pc[order][:-1]]]
    out: npt.NDArray[Any] = np.empty(n_claims, dtype=values.dtype)
    out[pc[first]] = values[pu[first] % nr]
    return out


def _one_form_per_claim(c: IntArray, rcodes: IntArray, n_claims: int) -> bool:
    """True when every claim was written one way only (the common case: no scan of pairs)."""
    form = np.full(n_claims, -1, dtype=np.int64)
    form[c] = rcodes
    return bool(np.array_equal(form[c], rcodes))


def _attach_known(enc: Encoded, known: pd.Series, similarity: float) -> None:
    """Map known truths (object -> value) onto claims; unknown objects are ignored."""
    enc._cache.pop("fixed", None)  # both derive from fixed_claim, changed below
    enc._cache.pop("has_fixed", None)
    idx = enc.object_names.get_indexer(known.index)
    if not (idx >= 0).any():  # e.g. ids read as numbers on one side, text on the other
        idx = pd.Index(enc.object_names.astype(str)).get_indexer(known.index.astype(str))
    ok = idx >= 0
    objs = idx[ok]
    vals = known.to_numpy()[ok]
    if len(objs) == 0:
        return
    num = enc.num_obj[objs] if enc.num_obj is not None else np.zeros(len(objs), dtype=bool)
    if num.any():
        _attach_numeric(enc, objs[num], vals[num])
    if (~num).any():
        _attach_labels(enc, objs[~num], vals[~num], similarity)


def _attach_numeric(enc: Encoded, objs: IntArray, vals: npt.NDArray[Any]) -> None:
    gx = pd.to_numeric(pd.Series(vals, dtype=object), errors="coerce").to_numpy(np.float64)
    enc.fixed_value[objs] = gx
    # the claim whose value lies within tolerance of the known value
    near = np.full(len(objs), -1, dtype=np.int64)
    pos, cl = _claims_of(enc, objs)
    if len(pos):
        cx = pd.to_numeric(pd.Series(enc.claim_value[cl], dtype=object), errors="coerce").to_numpy(
            np.float64
        )
        d = np.abs(cx - gx[pos])
        good = d <= np.maximum(enc.tol[objs[pos]], 1e-12)
        _first_best(near, pos[good], cl[good], d[good])
    enc.fixed_claim[objs] = near


def _attach_labels(enc: Encoded, objs: IntArray, vals: npt.NDArray[Any], similarity: float) -> None:
    text = enc.value_type == "text" or (enc.value_type == "mixed" and enc.n_labels == 0)
    norm = normalise_text if text else label_key
    gkeys = np.asarray([norm(str(v)) for v in vals], dtype=object)
    pos, cl = _claims_of(enc, objs)
    ckeys = np.asarray([norm(str(v)) for v in enc.claim_value[cl]], dtype=object)
    if text and similarity < 100:
        from rapidfuzz import fuzz, process

        score = np.asarray(
            process.cpdist(gkeys[pos].tolist(), ckeys.tolist(), scorer=fuzz.token_sort_ratio)
        ).astype(np.float64)
        good = score >= similarity
        dist = 100.0 - score
    else:
        good = gkeys[pos] == ckeys
        dist = np.zeros(len(pos))
    near = np.full(len(objs), -1, dtype=np.int64)
    _first_best(near, pos[good], cl[good], dist[good])
    enc.fixed_claim[objs] = near


def _claims_of(enc: Encoded, objs: IntArray) -> tuple[IntArray, IntArray]:
    """All (position in objs, claim) pairs for the claims of each listed object."""
    counts = enc.obj_start[objs + 1] - enc.obj_start[objs]
    pos = np.repeat(np.arange(len(objs)), counts)
    offs = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return pos, enc.obj_start[objs][pos] + offs


def _first_best(out: IntArray, pos: IntArray, cl: IntArray, dist: FloatArray) -> None:
    order = np.lexsort((dist, pos))
    pos, cl = pos[order], cl[order]
    first = np.r_[True, pos[1:] != pos[:-1]] if len(pos) else np.zeros(0, bool)
    out[pos[first]] = cl[first]


# ---------------------------------------------------------------------------
# grouped operations over claims sorted by object
# ---------------------------------------------------------------------------


def seg_sum(values: FloatArray, starts: IntArray, claim_obj: IntArray | None = None) -> FloatArray:
    """Sum of each object's claims (every object has at least one claim).

    With ``claim_obj`` given this is one ``np.bincount`` (about 3x faster than reduceat).
    """
    if claim_obj is not None:
        return scatter_add(claim_obj, weights=values, minlength=len(starts) - 1)
    return np.add.reduceat(values, starts[:-1])


def seg_max(values: FloatArray, starts: IntArray) -> FloatArray:
    return np.maximum.reduceat(values, starts[:-1])


def seg_argmax(values: FloatArray, starts: IntArray, claim_obj: IntArray) -> IntArray:
    """Index of the first best claim of every object (NaN never wins)."""
    values = np.where(np.isnan(values), -np.inf, values)
    n_seg = len(starts) - 1
    width = int(np.max(np.diff(starts))) if n_seg else 0
    if 0 < width <= DENSE_MAX_WIDTH and n_seg * width <= 4 * len(values):
        # few claims per object: a padded (objects x width) table and one argmax
        # (first maximum wins, as below) is ~2x faster than two reduceat passes
        pos = np.arange(len(values)) - starts[claim_obj]
        table = np.full(n_seg * width, -np.inf)
        table[claim_obj * width + pos] = values
        first: IntArray = starts[:-1] + table.reshape(n_seg, width).argmax(axis=1)
        return first.astype(np.int64, copy=False)
    best = seg_max(values, starts)
    cand = np.where(values >= best[claim_obj], np.arange(len(values)), len(values))
    return np.minimum.reduceat(cand, starts[:-1]).astype(np.int64)


def seg_softmax(logits: FloatArray, starts: IntArray, claim_obj: IntArray) -> FloatArray:
    e = np.exp(logits - seg_max(logits, starts)[claim_obj])
    out: FloatArray = e / seg_sum(e, starts, claim_obj)[claim_obj]
    return out


def seg_normalise(values: FloatArray, starts: IntArray, claim_obj: IntArray) -> FloatArray:
    tot = seg_sum(values, starts, claim_obj)[claim_obj]
    return np.divide(values, tot, out=np.zeros_like(values), where=tot > 0)


def weighted_median(o: IntArray, x: FloatArray, w: FloatArray, n_obj: int) -> FloatArray:
    """Weighted median of x per object (lower median), vectorised over sorted segments."""
    order = np.lexsort((x, o))
    return weighted_median_sorted(o[order], x[order], w[order], n_obj)


def weighted_median_sorted(so: IntArray, sx: FloatArray, sw: FloatArray, n_obj: int) -> FloatArray:
    starts = np.searchsorted(so, np.arange(n_obj + 1))
    cw = np.cumsum(sw)
    before = np.r_[0.0, cw][starts[:-1]]
    total = np.r_[0.0, cw][starts[1:]] - before
    inside = cw - before[so]
    idx = np.where(inside >= 0.5 * total[so] - 1e-12, np.arange(len(sx)), len(sx))
    first = np.minimum.reduceat(idx, starts[:-1])
    first = np.minimum(first, starts[1:] - 1)
    med: FloatArray = sx[first]
    return med


# ---------------------------------------------------------------------------
# Beta posteriors for source reliability
# ---------------------------------------------------------------------------


def empirical_beta_prior(
    agree: FloatArray, n: FloatArray, min_n: float = 5.0, max_strength: float = 50.0
) -> tuple[float, float]:
    """Method-of-moments Beta prior from the sources' agreement rates (empirical Bayes).

    Only sources with at least ``min_n`` (weighted) assertions inform the prior;
    the binomial noise is subtracted from the observed variance. With fewer than
    five such sources the prior is the uniform Beta(1, 1).
    """
    sel = n >= min_n
    if sel.sum() < 5:
        return 1.0, 1.0
    r = agree[sel] / n[sel]
    m = float(np.clip(np.mean(r), 0.02, 0.98))
    noise = float(np.mean(m * (1 - m) / n[sel]))
    var = float(np.var(r)) - noise
    strength = max_strength if var <= 0 else float(np.clip(m * (1 - m) / var - 1, 2, max_strength))
    return m * strength, (1 - m) * strength


def beta_posterior(
    agree: FloatArray,
    n: FloatArray,
    prior: tuple[float, float] | str = "empirical",
    level: float = 0.95,
) -> tuple[FloatArray, FloatArray, FloatArray, tuple[float, float]]:
    """Posterior mean and equal-tailed credible interval of each source's accuracy."""
    a0, b0 = empirical_beta_prior(agree, n) if isinstance(prior, str) else prior
    a = a0 + agree
    b = b0 + np.maximum(n - agree, 0.0)
    mean = a / (a + b)
    tail = (1 - level) / 2
    lo = betaincinv(a, b, tail)
    hi = betaincinv(a, b, 1 - tail)
    return mean, np.minimum(lo, mean), np.maximum(hi, mean), (float(a0), float(b0))


def source_agreement(enc: Encoded, prob_of_assertion: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Weighted agreement with the truths, and weighted n, per source (bincount)."""
    agree = scatter_add(enc.s, weights=enc.w * prob_of_assertion, minlength=enc.n_sources)
    return agree, enc.source_weight().copy()


def as_known_series(known: pd.Series | pd.DataFrame | dict[Any, Any] | None) -> pd.Series | None:
    """Accept object -> value as a Series, a dict or a frame with object, value columns."""
    if known is None:
        return None
    if isinstance(known, pd.DataFrame):
        if not {"object", "value"} <= set(known.columns):
            raise FrameError("known truths need columns object, value")
        return pd.Series(known["value"].to_numpy(), index=known["object"].to_numpy())
    if isinstance(known, dict):
        return pd.Series(known)
    return known


def restrict(enc: Encoded, mask: BoolArray) -> tuple[Encoded, IntArray, IntArray]:
    """The encoded data of the assertions in ``mask`` only (objects and claims renumbered).

    Returns the smaller :class:`Encoded` and, for every original object and claim,
    its new code (-1 when nothing of it is left). Sources keep their codes.
    """
    s, o, c, w = enc.s[mask], enc.o[mask], enc.c[mask], enc.w[mask]
    claim_keep = np.bincount(c, minlength=enc.n_claims) > 0
    obj_keep = np.bincount(o, minlength=enc.n_objects) > 0
    new_c = np.where(claim_keep, np.cumsum(claim_keep) - 1, -1)
    new_o = np.where(obj_keep, np.cumsum(obj_keep) - 1, -1)
    claim_obj = new_o[enc.claim_obj[claim_keep]]
    n_obj = int(obj_keep.sum())
    obj_start = np.zeros(n_obj + 1, dtype=np.int64)
    np.cumsum(np.bincount(claim_obj, minlength=n_obj), out=obj_start[1:])
    fixed = enc.fixed_claim[obj_keep]
    fixed = np.where(fixed >= 0, new_c[np.maximum(fixed, 0)], fixed)
    x = enc.x[mask] if enc.x.strides != (0,) else np.broadcast_to(np.float64(np.nan), (len(s),))
    sub = Encoded(
        source_names=enc.source_names,
        object_names=enc.object_names[obj_keep],
        s=s,
        o=new_o[o],
        c=new_c[c],
        w=w,
        claim_obj=claim_obj.astype(np.int64),
        obj_start=obj_start,
        claim_value=enc.claim_value[claim_keep],
        claim_label=enc.claim_label[claim_keep],
        n_labels=enc.n_labels,
        value_type=enc.value_type,
        x=x,
        tol=enc.tol[obj_keep],
        fixed_claim=np.where(fixed == -1, -1, fixed).astype(np.int64),
        fixed_value=enc.fixed_value[obj_keep],
        source_group=enc.source_group,
        raw_code=None if enc.raw_code is None else enc.raw_code[mask],
        raw_values=enc.raw_values,
        num_obj=None if enc.num_obj is None else enc.num_obj[obj_keep],
    )
    return sub, new_o.astype(np.int64), new_c.astype(np.int64)


def spelled_numbers(enc: Encoded, truth: FloatArray, numeric: BoolArray) -> npt.NDArray[Any]:
    """Numeric truths as the sources wrote them ("26", not 26.0).

    A truth some source asserted (a weighted median always is) takes that
    assertion's spelling; any other (a mean, a known value) is written in the
    shortest form that reads back as the same number. Frames whose values are
    already numbers keep numbers.
    """
    raw = enc.raw_values
    if raw is None or raw.dtype != object or enc.raw_code is None:
        return truth
    out = np.empty(len(truth), dtype=object)
    out[:] = [np.format_float_positional(v, trim="-") if v == v else None for v in truth]
    hit = np.flatnonzero(numeric[enc.o] & (enc.x == truth[enc.o]))
    first = np.full(len(truth), -1, dtype=np.int64)
    first[enc.o[hit][::-1]] = hit[::-1]
    have = first >= 0
    out[have] = raw[enc.raw_code[first[have]]]
    return out
