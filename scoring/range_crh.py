"""RangeCRH: truth discovery over numeric *ranges*, aware of copying between sources.

A CRH-style estimator (Li et al., SIGMOD 2014) for figures given as ranges, the way
conflict tolls are reported: "26 killed" is [26, 26], "between 20 and 30" is [20, 30],
"at least 40" is [40, inf). It alternates, until the source weights settle:

- truths: per object, the minimiser of the weighted distance from the truth to each
  asserted range (0 inside it), so "at least 40" is consistent with 60 and costs
  nothing there. Since dist(t, [l, h]) = (|t - l| + |t - h| - (h - l)) / 2, that
  minimiser is the weighted (lower) median of the ranges' end points, an open end
  sitting at +inf; a single exact figure gives itself, a lone "at least 40" gives 40
  (the most conservative toll consistent with it, as ACLED codes);
- weights: w_s = -log(loss_s / sum loss), loss_s the source's weighted mean of
  distance / scale_o, scale_o = max(std of the object's end points, ``numeric_tol``
  x |truth|), smoothed towards the overall mean with ``smoothing`` pseudo-assertions
  as in scoring.crh;
- dependence (``dependence=True``): copy probabilities between sources from the values
  they share (scoring.copying, Dong et al. 2009); a value repeated by dependent sources
  counts about once.

Input: the usual long frame with ``source, object`` and either ``lower, upper``
(upper may be empty or inf: open above) or ``value`` (an exact figure); optional
``weight`` (a hedged or caveated figure counts less), ``group`` (a declared copy group:
rows of one group on one object share one vote, e.g. outlets carrying one wire story)
and ``verdict`` ("true": a reviewer corroborated the figure, so the truth lies in its
range; "false": refuted, so it adds nothing to the truth and counts against its
source). ``known_truths`` (object -> number) fixes those objects.

After fitting, ``truths_`` (indexed by object) holds ``value`` (the best estimate),
``low`` and ``high`` (the interquartile range of the weighted end points: where the
weight of the evidence lies), ``confidence`` (weight share of the ranges consistent
with the estimate), ``support`` and ``known``; ``source_reliability_`` is the Beta
posterior of each source's weighted share of ranges within ``numeric_tol`` of the
truths, as every estimator gives (scoring.base); ``copy_probability_`` lists the
source pairs found dependent.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np
import numpy.typing as npt
import pandas as pd

from scoring.base import TruthEstimator, assessments, grades, relative_change
from scoring.copying import copy_probability, dependence_weights, shared_values
from scoring.crh import source_weights
from scoring.utils import (
    BoolArray,
    FloatArray,
    FrameError,
    IntArray,
    as_known_series,
    beta_posterior,
    scatter_add,
)

# verdict codes per row: 1 corroborated, -1 refuted, 0 none
Int8Array = npt.NDArray[np.int8]
TRUE_VERDICTS = frozenset({"true", "1", "yes", "corroborated", "acknowledged"})
FALSE_VERDICTS = frozenset({"false", "0", "no", "refuted"})


class RangeCRH(TruthEstimator):
    """Range-aware numeric truths, loss-based source weights, copy-aware votes."""

    name = "range_crh"

    def __init__(
        self,
        *,
        smoothing: float = 2.0,
        dependence: bool = True,
        copy_rate: float = 0.8,
        n_false: float = 20.0,
        copy_prior: float = 0.2,
        n_iter: int = 20,
        tol: float = 1e-6,
        numeric_tol: float = 0.1,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        super().__init__(
            n_iter=n_iter,
            tol=tol,
            value_type="numeric",
            numeric_tol=numeric_tol,
            prior=prior,
            level=level,
        )
        self.smoothing = smoothing
        self.dependence = dependence
        self.copy_rate = copy_rate
        self.n_false = n_false
        self.copy_prior = copy_prior

    def _check_params(self) -> None:
        super()._check_params()
        if not 0 < self.copy_rate < 1:
            raise ValueError(f"copy_rate must lie in (0, 1), got {self.copy_rate!r}")
        if not 0 < self.copy_prior < 1:
            raise ValueError(f"copy_prior must lie in (0, 1), got {self.copy_prior!r}")
        if not self.n_false >= 1:
            raise ValueError(f"n_false must be >= 1, got {self.n_false!r}")
        if not self.smoothing >= 0:
            raise ValueError(f"smoothing must be >= 0, got {self.smoothing!r}")

    def fit(self, frame: pd.DataFrame, known_truths: Any = None) -> Self:
        """Fit on a frame of ranges; ``known_truths`` (object -> number) fixes those objects."""
        self._forget()
        self._check_params()
        data = _ranges(frame)
        s_codes, sources = pd.factorize(data["source"], sort=False)
        o_codes, objects = pd.factorize(data["object"], sort=False)
        s, o = s_codes.astype(np.int64), o_codes.astype(np.int64)
        lo, hi = data["lower"].to_numpy(np.float64), data["upper"].to_numpy(np.float64)
        w = _declared_copies(data, o)
        verdict = data["verdict"].to_numpy(np.int8)
        n_obj, n_src = len(objects), len(sources)
        fixed_low, fixed_high = _constraints(o, lo, hi, verdict, n_obj)
        known = as_known_series(known_truths)
        if known is not None:
            idx = pd.Index(objects).get_indexer(known.index)
            vals = pd.to_numeric(pd.Series(known.to_numpy()), errors="coerce").to_numpy(float)
            ok = (idx >= 0) & np.isfinite(vals)
            fixed_low[idx[ok]] = vals[ok]
            fixed_high[idx[ok]] = vals[ok]
        truth, trust, dep, history, copy_p, shared = self._iterate(
            s, o, lo, hi, w, verdict, n_src, n_obj, fixed_low, fixed_high
        )
        vw = w * trust[s] * dep * (verdict >= 0)
        tol = self.numeric_tol * np.maximum(np.abs(truth), 1.0)
        close = _distance(truth[o], lo, hi) <= tol[o] + 1e-12
        agree_row = close & (verdict >= 0)
        agree = scatter_add(s, weights=w * agree_row, minlength=n_src)
        n_all = scatter_add(s, weights=w, minlength=n_src)
        mean, ci_lo, ci_hi, prior = beta_posterior(agree, n_all, self.prior, self.level)
        letters = grades(agree, n_all, prior, self.level)
        total = scatter_add(o, weights=vw, minlength=n_obj)
        support = scatter_add(o, weights=vw * close, minlength=n_obj)
        q_low, q_high = _quantiles(o, lo, hi, vw, n_obj, (0.25, 0.75))
        is_known = np.isfinite(fixed_low) & (fixed_low == fixed_high)
        self.truths_ = pd.DataFrame(
            {
                "value": truth,
                "low": np.minimum(q_low, truth),
                "high": np.maximum(q_high, truth),
                "confidence": np.where(is_known, 1.0, support / np.maximum(total, 1e-300)),
                "support": support,
                "known": is_known,
            },
            index=pd.Index(objects, name="object"),
        )
        self.source_reliability_ = pd.DataFrame(
            {
                "reliability": mean,
                "ci_low": ci_lo,
                "ci_high": ci_hi,
                "n": n_all,
                "grade": letters,
                "trust": np.where(n_all > 0, trust, np.nan),
                "assessment": assessments(letters),
            },
            index=pd.Index(sources, name="source"),
        )
        self.copy_probability_ = _pair_table(shared, copy_p, sources)
        self.method_ = self.name
        self.value_type_ = "numeric"
        self.prior_ = prior
        self.loss_history_ = history
        self.n_iter_ = len(history)
        return self

    def _iterate(
        self,
        s: IntArray,
        o: IntArray,
        lo: FloatArray,
        hi: FloatArray,
        w: FloatArray,
        verdict: Int8Array,
        n_src: int,
        n_obj: int,
        fixed_low: FloatArray,
        fixed_high: FloatArray,
    ) -> tuple[FloatArray, FloatArray, FloatArray, list[float], FloatArray, Any]:
        # the end points, sorted once by (object, point): only their weights change
        ends_o = np.r_[o, o]
        ends_x = np.r_[lo, hi]
        order = np.lexsort((ends_x, ends_o))
        so, sx = ends_o[order], ends_x[order]
        finite = np.isfinite(ends_x)
        spread = _object_std(ends_o[finite], ends_x[finite], n_obj)
        live = (verdict >= 0).astype(np.float64)
        n_s = scatter_add(s, weights=w, minlength=n_src)
        trust = np.ones(n_src)
        dep = np.ones(len(s))
        shared = None
        copy_p = np.zeros(0)
        if self.dependence:
            ends = pd.DataFrame({"o": o, "lo": lo, "hi": hi})
            value_code = ends.groupby(["o", "lo", "hi"], sort=False).ngroup().to_numpy(np.int64)
            shared = shared_values(s, o, value_code)
        history: list[float] = []
        truth = np.zeros(n_obj)

        def truth_of(trust: FloatArray, dep: FloatArray) -> FloatArray:
            vw = w * trust[s] * dep * live
            med = _median_of_ends(so, sx, np.r_[vw, vw][order], n_obj)
            return _apply_constraints(med, fixed_low, fixed_high)

        for _ in range(self.n_iter):
            truth = truth_of(trust, dep)
            change = 0.0
            if shared is not None and not shared.empty:
                # dependence first, then the truth it implies, then trust: copies that
                # agree with each other must not earn trust before they are discounted
                tol = self.numeric_tol * np.maximum(np.abs(truth), 1.0)
                row_true = _distance(truth[o], lo, hi) <= tol[o] + 1e-12
                acc = (scatter_add(s, weights=w * row_true, minlength=n_src) + 1.0) / (n_s + 2.0)
                copy_p = copy_probability(
                    shared,
                    row_true,
                    acc,
                    copy_rate=self.copy_rate,
                    n_false=self.n_false,
                    alpha=self.copy_prior,
                )
                new_dep = dependence_weights(shared, copy_p, len(s))
                change = float(np.max(np.abs(new_dep - dep)))
                dep = new_dep
                truth = truth_of(trust, dep)
            scale = np.maximum(spread, self.numeric_tol * np.maximum(np.abs(truth), 1.0))
            loss = _distance(truth[o], lo, hi) / scale[o]
            loss = np.where(verdict < 0, np.maximum(loss, 1.0), loss)  # refuted: wrong
            total = scatter_add(s, weights=w * loss, minlength=n_src)
            mean_loss = float((w * loss).sum() / max(w.sum(), 1e-300))
            new_trust = source_weights(total, n_s, mean_loss, self.smoothing)
            change = max(change, relative_change(trust, new_trust))
            trust = new_trust
            history.append(float((w * loss * trust[s]).sum()))
            if change < self.tol:
                break
        return truth_of(trust, dep), trust, dep, history, copy_p, shared


def _ranges(frame: pd.DataFrame) -> pd.DataFrame:
    """Validate the frame: source, object, lower, upper, weight, group, verdict (codes)."""
    if not isinstance(frame, pd.DataFrame):
        raise FrameError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    has_range = "lower" in frame.columns
    need = ("source", "object", "lower") if has_range else ("source", "object", "value")
    missing = [c for c in need if c not in frame.columns]
    if missing:
        raise FrameError(
            f"missing column(s): {', '.join(missing)}; need source, object and lower[, upper] "
            "or value"
        )
    out = pd.DataFrame({"source": frame["source"].array, "object": frame["object"].array})
    for col in ("source", "object"):
        bad = _blank(out[col])
        if bad.any():
            raise FrameError(f"empty {col}", row=int(np.flatnonzero(bad)[0]))
    first = frame["lower"] if has_range else frame["value"]
    lower = pd.to_numeric(first, errors="coerce").to_numpy(np.float64)
    bad = ~np.isfinite(lower)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise FrameError(f"{first.name} must be a finite number, got {first.iloc[row]!r}", row=row)
    if has_range and "upper" in frame.columns:
        raw_up = frame["upper"]
        upper = pd.to_numeric(raw_up, errors="coerce").to_numpy(np.float64)
        blank = _blank(raw_up)
        upper = np.where(blank, np.inf, upper)  # an empty upper bound is open above
        bad = np.isnan(upper) | (upper < lower)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise FrameError(
                f"upper must be empty, inf or a number >= lower, got {raw_up.iloc[row]!r}",
                row=row,
            )
    else:
        upper = lower.copy()
    out["lower"], out["upper"] = lower, upper
    if "weight" in frame.columns:
        w = pd.to_numeric(frame["weight"], errors="coerce").to_numpy(np.float64)
        bad = ~np.isfinite(w) | (w < 0)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise FrameError(
                f"weight must be a finite number >= 0, got {frame['weight'].iloc[row]!r}", row=row
            )
    else:
        w = np.ones(len(out))
    out["weight"] = w
    # copy group codes: a declared group, else the source itself (its own group)
    s_codes = pd.factorize(out["source"])[0].astype(np.int64)
    if "group" in frame.columns:
        codes, uniques = pd.factorize(frame["group"].to_numpy(dtype=object))
        given = ~_blank(pd.Series(uniques, dtype=object))
        declared = (codes >= 0) & given[np.maximum(codes, 0)] if len(uniques) else codes < -1
        out["group"] = np.where(declared, codes, len(uniques) + s_codes)
    else:
        out["group"] = s_codes
    verdict = np.zeros(len(out), dtype=np.int8)
    if "verdict" in frame.columns:
        codes, uniques = pd.factorize(frame["verdict"].to_numpy(dtype=object))
        words = [str(u).strip().lower() for u in uniques]
        code_of = np.array(
            [1 if w in TRUE_VERDICTS else -1 if w in FALSE_VERDICTS else 0 for w in words] + [0],
            dtype=np.int8,
        )
        verdict = code_of[codes]  # -1 (missing) picks the trailing 0
    out["verdict"] = verdict
    return out


def _blank(values: pd.Series) -> BoolArray:
    """Missing or blank text, tested once per distinct value (not per row)."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    blank = np.fromiter(
        (isinstance(u, str) and not u.strip() for u in uniques), dtype=bool, count=len(uniques)
    )
    out: BoolArray = (codes < 0) | (blank[np.maximum(codes, 0)] if len(uniques) else False)
    return out


def _declared_copies(data: pd.DataFrame, o: IntArray) -> FloatArray:
    """Weights with each declared copy group's rows on one object sharing one vote."""
    g = data["group"].to_numpy(np.int64)
    key = pd.factorize(o * (int(g.max()) + 1 if len(g) else 1) + g)[0]
    size = np.bincount(key)[key].astype(np.float64)
    out: FloatArray = data["weight"].to_numpy(np.float64) / size
    return out


def _constraints(
    o: IntArray, lo: FloatArray, hi: FloatArray, verdict: Int8Array, n_obj: int
) -> tuple[FloatArray, FloatArray]:
    """Per object, the range corroborated figures pin the truth to (NaN when none).

    Corroborated ranges that cannot all hold (disjoint) pin nothing.
    """
    yes = verdict > 0
    low = np.full(n_obj, -np.inf)
    high = np.full(n_obj, np.inf)
    np.maximum.at(low, o[yes], lo[yes])
    np.minimum.at(high, o[yes], hi[yes])
    has = scatter_add(o[yes], minlength=n_obj) > 0
    ok = has & (low <= high)
    return np.where(ok, low, np.nan), np.where(ok, high, np.nan)


def _apply_constraints(truth: FloatArray, low: FloatArray, high: FloatArray) -> FloatArray:
    pinned = ~np.isnan(low)
    out: FloatArray = np.where(pinned, np.clip(truth, np.where(pinned, low, 0.0), high), truth)
    return out


def _distance(t: FloatArray, lo: FloatArray, hi: FloatArray) -> FloatArray:
    """Distance from each truth to its range (0 inside; an open end never costs)."""
    out: FloatArray = np.maximum(lo - t, 0.0) + np.maximum(t - hi, 0.0)
    return out


def _median_of_ends(so: IntArray, sx: FloatArray, sw: FloatArray, n_obj: int) -> FloatArray:
    """Lower weighted median of the sorted end points; unweighted where all weight is 0."""
    med = _quantile_sorted(so, sx, sw, n_obj, 0.5)
    empty = np.isnan(med)
    if empty.any():
        fallback = _quantile_sorted(so, sx, np.ones(len(sx)), n_obj, 0.5)
        med = np.where(empty, fallback, med)
    return med


def _quantile_sorted(
    so: IntArray, sx: FloatArray, sw: FloatArray, n_obj: int, q: float
) -> FloatArray:
    """First point per object whose cumulative weight reaches ``q`` of the total; finite only."""
    starts = np.searchsorted(so, np.arange(n_obj + 1))
    cw = np.cumsum(sw)
    before = np.r_[0.0, cw][starts[:-1]]
    total = np.r_[0.0, cw][starts[1:]] - before
    inside = cw - before[so]
    idx = np.where(inside >= q * total[so] - 1e-12 * total[so], np.arange(len(sx)), len(sx))
    first = np.minimum.reduceat(idx, starts[:-1]) if len(sx) else np.zeros(0, dtype=np.int64)
    first = np.minimum(first, starts[1:] - 1)
    out: FloatArray = np.where(total > 0, sx[first], np.nan)
    return out


def _quantiles(
    o: IntArray, lo: FloatArray, hi: FloatArray, vw: FloatArray, n_obj: int, qs: tuple[float, ...]
) -> list[FloatArray]:
    ends_o, ends_x, ends_w = np.r_[o, o], np.r_[lo, hi], np.r_[vw, vw]
    order = np.lexsort((ends_x, ends_o))
    so, sx, sw = ends_o[order], ends_x[order], ends_w[order]
    out = []
    for q in qs:
        got = _quantile_sorted(so, sx, sw, n_obj, q)
        fallback = _quantile_sorted(so, sx, np.ones(len(sx)), n_obj, q)
        out.append(np.where(np.isnan(got), fallback, got))
    return out


def _object_std(o: IntArray, x: FloatArray, n_obj: int) -> FloatArray:
    """Standard deviation of each object's finite end points (0 with one point)."""
    cnt = scatter_add(o, minlength=n_obj)
    mean = scatter_add(o, weights=x, minlength=n_obj) / np.maximum(cnt, 1)
    var = scatter_add(o, weights=(x - mean[o]) ** 2, minlength=n_obj) / np.maximum(cnt, 1)
    out: FloatArray = np.sqrt(var)
    return out


def _pair_table(shared: Any, prob: FloatArray, sources: pd.Index) -> pd.DataFrame:
    """Source pairs with a shared value and their copy probability, likeliest first."""
    columns = ["source_a", "source_b", "probability", "shared_objects", "identical"]
    if shared is None or shared.n_pairs == 0 or len(prob) == 0:
        return pd.DataFrame(columns=columns)
    names = sources.to_numpy(dtype=object)
    n = shared.n_pairs
    table = pd.DataFrame(
        {
            "source_a": names[shared.first],
            "source_b": names[shared.second],
            "probability": prob,
            "shared_objects": scatter_add(shared.pair, minlength=n),
            "identical": scatter_add(shared.pair, weights=shared.same, minlength=n),
        }
    )
    return table.sort_values("probability", ascending=False, kind="stable").reset_index(drop=True)


__all__ = ["RangeCRH"]
