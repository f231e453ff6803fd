"""The estimator contract every scoring method follows (scikit-learn / crowd-kit style).

``fit(frame, known_truths=None) -> self`` on a long frame with columns
``source, object, value`` (optional ``weight``; optional ``stance`` where
"observing" means the row repeats a claim without endorsing it and adds no vote;
optional ``kind``, the source's kind, whose sources a sparse source borrows
strength from). Values are taken exactly as written: a truth is always spelt as
some source spelt it (scoring.utils.encode). After fitting:

- ``truths_``: DataFrame indexed by object: ``value``, ``confidence``, ``support``;
- ``source_reliability_``: DataFrame indexed by source, every source listed:
  ``reliability`` (posterior mean accuracy), ``ci_low``, ``ci_high``
  (equal-tailed credible interval), ``n`` (weighted assertions behind it),
  ``grade`` (the Admiralty letter that follows the interval,
  models.score.grade_from_bounds), ``trust`` (the algorithm's own score, whose
  scale differs per method), ``assessment`` (the letter in words; F is "not
  enough evidence");
- ``method_``, ``value_type_``, ``prior_``, ``n_iter_``, ``loss_history_``.

Reliability is always a Beta posterior over a source's weighted agreement with
the inferred (or known) truths, with an empirical-Bayes prior fitted across
sources, so a source with one lucky assertion cannot outrank a source with
10,000 good ones, and ``n`` is honest. Hyperparameters are stored untouched in
``__init__``; validation happens in ``fit``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.special import betaincinv

from models.score import GRADE_CUTOFFS, GRADE_MEANINGS, MIN_GRADED, MIN_RESOLVED, SourceScore
from scoring.utils import (
    Encoded,
    FloatArray,
    FrameError,
    as_known_series,
    beta_posterior,
    encode,
    scatter_add,
    seg_argmax,
    seg_normalise,
    source_agreement,
    spelled_numbers,
    validate_frame,
)


@dataclass
class CoreResult:
    """What an algorithm hands back to the shared finishing step."""

    claim_prob: FloatArray  # (C,) belief that each claim is true
    trust: FloatArray  # (S,) the algorithm's own per-source score
    truth_value: FloatArray | None = None  # (O,) numeric truths, when not a claim's value
    # (O,) mask, values and confidences of objects whose most probable value nobody
    # asserted (Dawid-Skene over a global label set can infer such a label)
    unasserted: tuple[npt.NDArray[np.bool_], npt.NDArray[Any], FloatArray] | None = None
    loss_history: list[float] = field(default_factory=list)


def grades(
    agree: FloatArray, n: FloatArray, prior: tuple[float, float], level: float
) -> npt.NDArray[np.object_]:
    """Admiralty letters for many sources at once (models.score.grade_from_bounds).

    The bounds are one-sided at ``level``: with 0.95, "95 % sure the source is at
    least / at most this reliable" (the 5th and 95th percentiles of the posterior).
    """
    a = prior[0] + agree
    b = prior[1] + np.maximum(n - agree, 0.0)
    low = betaincinv(a, b, 1.0 - level)
    high = betaincinv(a, b, level)
    out = np.full(len(n), "F", dtype=object)
    for letter, cutoff in reversed(GRADE_CUTOFFS):
        out[low >= cutoff] = letter
    straddle = out == "F"
    out[straddle & (high < GRADE_CUTOFFS[-1][1])] = "E"
    # an interval across the D cut-off: a middling source once MIN_RESOLVED measure it
    middling = straddle & (high >= GRADE_CUTOFFS[-1][1]) & (n >= MIN_RESOLVED)
    mean = a / (a + b)
    by_mean = np.full(len(n), "E", dtype=object)
    for letter, cutoff in reversed(GRADE_CUTOFFS):
        by_mean[mean >= cutoff] = letter
    out[middling] = by_mean[middling]
    out[(n < MIN_GRADED) | np.isnan(low) | np.isnan(high)] = "F"
    return out


def assessments(letters: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
    """The words of each letter ("F" -> "not enough evidence")."""
    return np.asarray([GRADE_MEANINGS[str(g)] for g in letters], dtype=object)


class TruthEstimator:
    """Base class: shared validation, encoding and the reliability posterior."""

    name: ClassVar[str] = "base"
    #: claim_prob is a calibrated posterior (EM models); else agreement is hard 0/1.
    probabilistic: ClassVar[bool] = False
    #: numeric values are clustered into claims unless the method handles them itself.
    iterative: ClassVar[bool] = True

    def __init__(
        self,
        *,
        n_iter: int = 100,
        tol: float = 1e-6,
        value_type: str = "auto",
        similarity: float = 90.0,
        numeric_tol: float = 0.05,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        self.n_iter = n_iter
        self.tol = tol
        self.value_type = value_type
        self.similarity = similarity
        self.numeric_tol = numeric_tol
        self.prior = prior
        self.level = level

    # -- scikit-learn style parameter access ---------------------------------

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p for p in sig.parameters if p != "self"]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> Self:
        valid = set(self._param_names())
        for key, value in params.items():
            if key not in valid:
                raise ValueError(f"invalid parameter {key!r} for {type(self).__name__}")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"

    # -- fitting --------------------------------------------------------------

    def _check_params(self) -> None:
        if not isinstance(self.n_iter, int) or self.n_iter < 1:
            raise ValueError(f"n_iter must be a positive integer, got {self.n_iter!r}")
        if not self.tol >= 0:
            raise ValueError(f"tol must be >= 0, got {self.tol!r}")
        if not 0 < self.level < 1:
            raise ValueError(f"level must lie in (0, 1), got {self.level!r}")
        if not (np.isfinite(self.numeric_tol) and self.numeric_tol >= 0):
            raise ValueError(f"numeric_tol must be a number >= 0, got {self.numeric_tol!r}")
        if not 0 <= self.similarity <= 100:
            raise ValueError(f"similarity must lie in [0, 100], got {self.similarity!r}")

    def _forget(self) -> None:
        for attr in [a for a in vars(self) if a.endswith("_") and not a.startswith("__")]:
            delattr(self, attr)

    def _encode(self, frame: pd.DataFrame, known: pd.Series | None) -> Encoded:
        data = validate_frame(frame, copy=False)  # encode only reads it
        return encode(
            data,
            value_type=self.value_type,
            similarity=self.similarity,
            numeric_tol=self.numeric_tol,
            known_truths=known,
        )

    def fit(self, frame: pd.DataFrame, known_truths: Any = None) -> Self:
        """Fit on a long frame; ``known_truths`` (object -> value) fixes those objects."""
        self._forget()
        self._check_params()
        known = as_known_series(known_truths)
        enc = self._encode(self._frame_to_fit(frame), known)
        result = self._fit_encoded(enc)
        self._finish(enc, result, known)
        self._after_fit(frame)
        return self

    def _frame_to_fit(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The assertions to fit for ``frame`` (a warm start adds yesterday's batch)."""
        return frame

    def _after_fit(self, frame: pd.DataFrame) -> None:
        """Called once the fitted attributes are set, with the frame ``fit`` was given."""

    def fit_predict(self, frame: pd.DataFrame, known_truths: Any = None) -> pd.Series:
        """Fit, then return the inferred value of every object."""
        return self.fit(frame, known_truths).truths_["value"]

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        raise NotImplementedError

    # -- shared finishing step -----------------------------------------------

    def _finish(self, enc: Encoded, res: CoreResult, known_truths: pd.Series | None) -> None:
        prob = enc.clamp(res.claim_prob)
        best = seg_argmax(prob, enc.obj_start, enc.claim_obj)
        support = enc.claim_weight()
        if self.probabilistic:  # calibrated posteriors: confidence and soft agreement
            conf = prob[best]
            agree_a = prob[enc.c]
        else:  # scores: the best claim's share, and hard 0/1 agreement
            conf = seg_normalise(prob, enc.obj_start, enc.claim_obj)[best]
            agree_a = (best[enc.o] == enc.c).astype(np.float64)
        values: Any = enc.claim_value[best]
        none_asserted = enc.fixed_claim == -1
        if res.truth_value is not None:
            tv = res.truth_value.copy()
            known_num = ~np.isnan(enc.fixed_value)
            tv[known_num] = enc.fixed_value[known_num]
            num_obj = ~np.isnan(tv)
            spelled = spelled_numbers(enc, tv, num_obj)
            if num_obj.all():
                values = spelled
            else:
                values = np.asarray(values, dtype=object)
                values[num_obj] = spelled[num_obj]
            num_a = num_obj[enc.o]
            close = np.abs(enc.x - tv[enc.o]) <= np.maximum(enc.tol[enc.o], 1e-12)
            agree_a = np.where(num_a, close, agree_a)
            close_w = scatter_add(enc.o, weights=enc.w * close * num_a, minlength=enc.n_objects)
            conf = np.where(num_obj, close_w / enc.object_weight(), conf)
            support_best = np.where(num_obj, close_w, support[best])
        else:
            support_best = support[best]
        if res.unasserted is not None and res.unasserted[0].any():
            mask, label_values, label_conf = res.unasserted
            mask = mask & (enc.fixed_claim == -2)
            values = np.asarray(values, dtype=object)
            values[mask] = label_values[mask]
            conf = np.where(mask, label_conf, conf)
            support_best = np.where(mask, 0.0, support_best)
        if none_asserted.any() and known_truths is not None:
            # the known truth is a value nobody asserted: every assertion there is wrong
            agree_a = np.where(none_asserted[enc.o], 0.0, agree_a)
            if res.truth_value is None:
                values = np.asarray(values, dtype=object)
                known_vals = known_truths[~known_truths.index.duplicated(keep="last")]
                values[none_asserted] = known_vals.reindex(
                    enc.object_names[none_asserted]
                ).to_numpy()
        known = enc.fixed_claim != -2
        conf = np.where(known, 1.0, conf)
        agree, n_all = self._source_sums(enc, agree_a)
        self._publish(
            pd.DataFrame(
                {
                    "value": values,
                    "confidence": np.clip(conf, 0.0, 1.0),
                    "support": support_best,
                    "known": known,
                },
                index=pd.Index(enc.object_names, name="object"),
            ),
            enc.source_names,
            agree,
            n_all,
            res.trust,
            enc.value_type,
            res.loss_history,
        )

    def _source_sums(self, enc: Encoded, agree_a: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Each source's weighted agreement and n (an estimator may keep more of it)."""
        return source_agreement(enc, agree_a)

    def _publish(
        self,
        truths: pd.DataFrame,
        source_names: pd.Index,
        agree: FloatArray,
        n_all: FloatArray,
        trust: FloatArray,
        value_type: str,
        loss_history: list[float],
    ) -> None:
        """Set the fitted attributes from per-source sums (also the Dask engine's last step)."""
        mean, lo, hi, prior = beta_posterior(agree, n_all, self.prior, self.level)
        letters = grades(agree, n_all, prior, self.level)
        self.truths_ = truths
        self.source_reliability_ = pd.DataFrame(
            {
                "reliability": mean,
                "ci_low": lo,
                "ci_high": hi,
                "n": n_all,
                "grade": letters,
                "trust": np.where(n_all > 0, trust, np.nan),
                "assessment": assessments(letters),
            },
            index=pd.Index(source_names, name="source"),
        )
        self.method_ = self.name
        self.value_type_ = value_type
        self.prior_ = prior
        self.loss_history_ = list(loss_history)
        self.n_iter_ = len(loss_history)

    def to_source_scores(self) -> list[SourceScore]:
        """The fitted reliabilities as :class:`models.score.SourceScore` records."""
        rel = self.source_reliability_
        return [
            SourceScore(
                source=str(src),
                method=self.method_,
                reliability=float(row.reliability),  # type: ignore[arg-type]
                ci_low=float(row.ci_low),  # type: ignore[arg-type]
                ci_high=float(row.ci_high),  # type: ignore[arg-type]
                n=float(row.n),  # type: ignore[arg-type]
                grade=str(row.grade),
            )
            for src, row in zip(rel.index, rel.itertuples(index=False), strict=True)
        ]


def relative_change(old: FloatArray, new: FloatArray) -> float:
    """Largest absolute change, relative to the largest magnitude (convergence test)."""
    scale = max(float(np.max(np.abs(new))) if len(new) else 0.0, 1e-300)
    return float(np.max(np.abs(new - old))) / scale if len(new) else 0.0


__all__ = ["CoreResult", "FrameError", "TruthEstimator", "grades", "relative_change"]
