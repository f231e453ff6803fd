"""Verdict-based source reliability: Beta-Binomial per source with an empirical-Bayes prior.

Input frame (what the store hands over; one row per claim a source made that a
reviewer has resolved):

    source  the source (outlet or speaker) credited with the claim
    object  the claim id
    value   the verdict's truth: True/False, 1/0, "true"/"false", or a verdict
            label of models.verdict ("corroborated", "refuted", ...); "doubtful"
            is weak evidence of falsehood (DOUBTFUL_STRENGTH of a refutation);
            labels whose ``truth`` is None (single_source, contested,
            unverifiable) and "unresolved" add no evidence, but their sources
            are still listed (n = 0, grade F: not enough evidence)
    origin  optional: where the claim really comes from ("according to SOHR"
            in ten outlets has origin SOHR); missing means the source itself
    weight  optional: < 1 for hedged or caveated claims; 0 = observing only

Counting origins, not outlets: rows repeating the same (source, claim, origin)
count once, and the k sources that echo one origin's claim share a single unit
of evidence (weight 1/k each), so an echo never corroborates itself and ``n``
stays honest. Reliability is the posterior mean of Beta(a0 + right, b0 + wrong)
with (a0, b0) fitted across sources by the method of moments (empirical Bayes,
e.g. Casella 1985); the interval is the equal-tailed credible interval and the
grade the Admiralty letter that follows the interval (models.score.grade_from_bounds).

With ``known_truths`` (object -> value), ``fit`` instead takes an ordinary
assertions frame (value = what the source said) and scores each source by its
agreement with the known values on the objects that have one.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np
import pandas as pd

from models.verdict import VERDICTS, VerdictLabel
from scoring.base import CoreResult, TruthEstimator, assessments, grades
from scoring.utils import (
    FloatArray,
    FrameError,
    as_known_series,
    beta_posterior,
    encode,
    scatter_add,
    validate_frame,
)

_TRUE = {"true", "t", "yes", "y", "1", "1.0", "supports"}
_FALSE = {"false", "f", "no", "n", "0", "0.0", "refutes"}
# Judged but unresolved (a disagreement between reviewers): the source is shown, n = 0.
_UNRESOLVED = {"unresolved"}
# "doubtful" (leans false, not yet refuted) is weak evidence of falsehood: it counts
# as this fraction of a refutation (a reviewer's lean, not a finding).
DOUBTFUL_STRENGTH = 0.5
_VERDICT_TRUTH = {label.value: info.truth for label, info in VERDICTS.items()}
_VERDICT_TRUTH[VerdictLabel.DOUBTFUL.value] = False


def verdict_strength(values: pd.Series) -> FloatArray:
    """How much each verdict value weighs: DOUBTFUL_STRENGTH for "doubtful", else 1."""
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return np.ones(len(values))
    text = values.astype("string").str.strip().str.lower()
    doubtful = (text == VerdictLabel.DOUBTFUL.value).fillna(False).to_numpy(bool)
    return np.where(doubtful, DOUBTFUL_STRENGTH, 1.0)


def verdict_truth(values: pd.Series) -> FloatArray:
    """Map verdict values to 1.0 (true), 0.0 (false) or NaN (unresolved); vectorised."""
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        num = values.to_numpy(np.float64)
        bad = ~np.isnan(num) & ~np.isin(num, (0.0, 1.0))
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise FrameError(f"verdict value {values.iloc[row]!r} is not 0 or 1", row=row)
        return num
    text = values.astype("string").str.strip().str.lower()
    out = np.full(len(values), np.nan)
    out[text.isin(_TRUE).to_numpy(bool)] = 1.0
    out[text.isin(_FALSE).to_numpy(bool)] = 0.0
    mapped = text.map(
        {k: (np.nan if v is None else float(v)) for k, v in _VERDICT_TRUTH.items()}
    ).to_numpy(np.float64, na_value=np.nan)
    is_label = text.isin(list(_VERDICT_TRUTH)).to_numpy(bool)
    out = np.where(is_label, mapped, out)
    unresolved = text.isin(list(_UNRESOLVED)).to_numpy(bool)
    unknown = ~is_label & np.isnan(out) & ~text.isna().to_numpy(bool) & ~unresolved
    if unknown.any():
        row = int(np.flatnonzero(unknown)[0])
        labels = ", ".join(v.value for v in VerdictLabel)
        raise FrameError(
            f"verdict value {values.iloc[row]!r} is not true/false/1/0 or one of {labels}",
            row=row,
        )
    return out


class BetaReliability(TruthEstimator):
    """Beta-Binomial reliability from resolved claims, counting origins not outlets."""

    name = "beta"
    iterative = False

    def __init__(
        self,
        *,
        split_echoes: bool = True,
        value_type: str = "auto",
        similarity: float = 90.0,
        numeric_tol: float = 0.05,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        super().__init__(
            n_iter=1,
            value_type=value_type,
            similarity=similarity,
            numeric_tol=numeric_tol,
            prior=prior,
            level=level,
        )
        self.split_echoes = split_echoes

    def fit(self, frame: pd.DataFrame, known_truths: Any = None) -> Self:
        self._forget()
        self._check_params()
        data = validate_frame(frame)
        known = as_known_series(known_truths)
        if known is not None:
            enc = encode(data, self.value_type, self.similarity, self.numeric_tol, known)
            keep = data["weight"].to_numpy() > 0
            resolved = (enc.fixed_claim != -2)[enc.o]
            correct = np.where(resolved, (enc.fixed_claim[enc.o] == enc.c).astype(float), np.nan)
            rows = data.loc[keep].reset_index(drop=True)
        else:
            correct = verdict_truth(data["value"])
            rows = data.assign(weight=data["weight"].to_numpy() * verdict_strength(data["value"]))
        self._score(rows, correct)
        return self

    def _fit_encoded(self, enc: Any) -> CoreResult:  # pragma: no cover - fit is overridden
        raise NotImplementedError

    def _score(self, rows: pd.DataFrame, correct: FloatArray) -> None:
        source_names = pd.Index(pd.unique(rows["source"].to_numpy()), name="source")
        ok = ~np.isnan(correct) & (rows["weight"].to_numpy() > 0)
        origin = rows["origin"] if "origin" in rows else pd.Series(np.nan, index=rows.index)
        origin = origin.where(origin.notna() & (origin.astype("string").str.strip() != ""))
        tab = pd.DataFrame(
            {
                "source": rows["source"].to_numpy()[ok],
                "object": rows["object"].to_numpy()[ok],
                "origin": origin.fillna(rows["source"]).to_numpy()[ok],
                "correct": correct[ok],
                "weight": rows["weight"].to_numpy()[ok],
            }
        )
        # one unit per (source, claim, origin): repeats of the same thing count once
        tab = tab.groupby(["source", "object", "origin"], sort=False, as_index=False).agg(
            correct=("correct", "mean"), weight=("weight", "max")
        )
        if self.split_echoes and len(tab):
            k = tab.groupby(["object", "origin"], sort=False)["source"].transform("nunique")
            tab["weight"] = tab["weight"] / k.to_numpy()
        s = source_names.get_indexer(tab["source"])
        w = tab["weight"].to_numpy(np.float64)
        agree = scatter_add(s, weights=w * tab["correct"].to_numpy(), minlength=len(source_names))
        n = scatter_add(s, weights=w, minlength=len(source_names))
        mean, lo, hi, prior = beta_posterior(agree, n, self.prior, self.level)
        letters = grades(agree, n, prior, self.level)
        rate = np.divide(agree, n, out=np.full(len(n), np.nan), where=n > 0)
        self.source_reliability_ = pd.DataFrame(
            {
                "reliability": mean,
                "ci_low": lo,
                "ci_high": hi,
                "n": n,
                "grade": letters,
                "trust": rate,
                "assessment": assessments(letters),
            },
            index=source_names,
        )
        by_obj = tab.assign(wc=w * tab["correct"].to_numpy()).groupby("object", sort=False)
        share = by_obj["wc"].sum() / by_obj["weight"].sum()
        self.truths_ = pd.DataFrame(
            {
                "value": share >= 0.5,
                "confidence": np.maximum(share, 1 - share),
                "support": by_obj["weight"].sum(),
                "known": True,
            }
        ).rename_axis("object")
        self.method_ = self.name
        self.value_type_ = "verdict"
        self.prior_ = prior
        self.loss_history_ = []
        self.n_iter_ = 0
