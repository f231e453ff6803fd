"""``auto``: pick a sound method for the data and say which (``method_``, ``reason_``).

Rules (Zheng et al. 2017: richer source models pay off only with enough answers
per source; majority vote is the safe floor on sparse data):

- numeric or mixed values -> ``crh`` (weighted median, robust to outliers);
- fewer than 1.5 assertions per object -> ``majority`` (nothing to cross-check);
- categorical with a small label set -> ``one_coin`` and ``dawid_skene`` (started
  from the one-coin solution) are compared by AIC (Akaike 1974): the K x K
  confusion matrices must earn their S * K * (K - 1) parameters, which they do
  only with enough answers per source and real asymmetric confusions; a
  partially pooled Dawid-Skene (``pooled_prior="auto"``, scoring.pooling) is a
  third candidate when most sources are sparse;
- otherwise (free text, large label sets) -> ``one_coin`` (pooled by source kind
  when the frame gives a ``kind`` column).

Then the held-out check (``check``): one assertion of every object with two or
more is held out (seeded), every candidate and majority vote are fitted on the
rest, and each is scored by how many held-out assertions its truths agree with
(weighted). ``auto`` never keeps a model that this check finds worse than
majority vote, and among the candidates it keeps the AIC choice unless the
check finds another candidate clearly better. ``check_`` holds the scores.
Above ``CHECK_MAX_ASSERTIONS`` the check runs on a seeded sample of objects.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np

from scoring.base import CoreResult, TruthEstimator
from scoring.dawid_skene import DawidSkene
from scoring.majority import MajorityVote
from scoring.one_coin import OneCoin
from scoring.utils import (
    Encoded,
    FloatArray,
    as_known_series,
    restrict,
    scatter_add,
    seg_argmax,
)

# Full confusion matrices are only considered for small label sets.
MAX_DS_LABELS = 10
# The held-out check fits on a sample of objects holding about this many assertions.
CHECK_MAX_ASSERTIONS = 150_000
# Median assertions per source below which the pooled Dawid-Skene is a candidate.
SPARSE_SOURCE_MEDIAN = 20.0


def choose_method(enc: Encoded) -> tuple[str, str]:
    """The method family ``auto`` runs on this encoded data, and why.

    For a small categorical label set the answer is provisional ("compare"):
    ``Auto.fit`` then fits both models and keeps the better AIC.
    """
    per_object = float(enc.w.sum()) / max(enc.n_objects, 1)
    if enc.value_type in ("numeric", "mixed"):
        return "crh", f"{enc.value_type} values: weighted median truths, robust to outliers"
    if per_object < 1.5:
        return "majority", f"{per_object:.2f} assertions per object: too sparse to cross-check"
    k = enc.n_labels
    if enc.value_type == "categorical" and 2 <= k <= MAX_DS_LABELS:
        return "compare", f"{k} labels, {per_object:.1f} assertions per object"
    return "one_coin", f"{per_object:.1f} assertions per object; one accuracy per source"


def aic(neg_loglik: float, n_params: float) -> float:
    """Akaike information criterion (lower is better)."""
    return 2.0 * neg_loglik + 2.0 * n_params


def held_out_mask(enc: Encoded, seed: int = 0) -> FloatArray:
    """1.0 for one random assertion of every object with two or more, else 0.0."""
    rng = np.random.default_rng(seed)
    key = rng.random(len(enc.o))
    order = np.lexsort((key, enc.o))
    so = enc.o[order]
    first = np.r_[True, so[1:] != so[:-1]]
    count = np.bincount(enc.o, minlength=enc.n_objects)
    pick = order[first & (count[so] >= 2)]
    out = np.zeros(len(enc.o))
    out[pick] = 1.0
    return out


def sample_objects(enc: Encoded, limit: int, seed: int = 0) -> np.ndarray:
    """Mask of the assertions of a seeded random sample of objects (about ``limit``)."""
    if len(enc.o) <= limit:
        return np.ones(len(enc.o), dtype=bool)
    rng = np.random.default_rng(seed)
    keep = rng.random(enc.n_objects) < limit / len(enc.o)
    out: np.ndarray = keep[enc.o]
    return out


class Auto(TruthEstimator):
    """Chooses majority, one_coin, dawid_skene or crh from the data, then fits it."""

    name = "auto"

    def __init__(
        self,
        *,
        check: bool = True,
        n_iter: int = 100,
        tol: float = 1e-5,
        value_type: str = "auto",
        similarity: float = 90.0,
        numeric_tol: float = 0.05,
        prior: Any = "empirical",
        level: float = 0.95,
    ) -> None:
        super().__init__(
            n_iter=n_iter,
            tol=tol,
            value_type=value_type,
            similarity=similarity,
            numeric_tol=numeric_tol,
            prior=prior,
            level=level,
        )
        self.check = check

    def fit(self, frame: Any, known_truths: Any = None) -> Self:
        self._forget()
        self._check_params()
        known = as_known_series(known_truths)
        enc = self._encode(frame, known)
        choice, reason = choose_method(enc)
        candidates: list[TruthEstimator] = []
        if choice == "compare":
            choice, reason, cands = self._compare(enc, reason)
            candidates = cands
        elif choice == "one_coin":
            pooling = "kind" if enc.source_group is not None else None
            candidates = [OneCoin(n_iter=self.n_iter, tol=self.tol, pooling=pooling)]
        elif choice == "crh":
            from scoring.crh import CRH

            candidates = [CRH()]
        else:
            candidates = [MajorityVote()]
        self.check_: dict[str, float] = {}
        if self.check and choice not in ("majority", "crh"):
            est, why = self._held_out(enc, candidates)
            reason = f"{reason}; {why}"
        else:
            est = candidates[0]
        shared = {
            "value_type": self.value_type,
            "similarity": self.similarity,
            "numeric_tol": self.numeric_tol,
            "prior": self.prior,
            "level": self.level,
        }
        est.set_params(**shared)
        result = est._fit_encoded(enc)
        est._finish(enc, result, known)
        for attr, value in vars(est).items():
            if attr.endswith("_") and not attr.startswith("_"):
                setattr(self, attr, value)
        self.method_ = est.name
        self.reason_ = reason
        self.check_ = dict(self.check_)
        return self

    def _compare(self, enc: Encoded, why: str) -> tuple[str, str, list[TruthEstimator]]:
        """Fit one-coin; take one Dawid-Skene EM step from it; order by AIC.

        One EM step cannot lower the likelihood of the richer model below its
        starting point, so if even one step pays for the extra parameters,
        Dawid-Skene comes first. Returns the candidates, preferred first.
        """
        res_coin = OneCoin(n_iter=self.n_iter, tol=self.tol)._fit_encoded(enc)
        step_history = DawidSkene(n_iter=1)._em(enc, init=res_coin.claim_prob)[3]
        k = enc.n_labels
        per_source = scatter_add(enc.s, minlength=enc.n_sources)
        active = float(np.count_nonzero(per_source))
        aic_coin = aic(res_coin.loss_history[-1], active)
        aic_ds = aic(step_history[-1], active * k * (k - 1) + k - 1)
        scores = f"AIC one_coin {aic_coin:.0f} vs dawid_skene {aic_ds:.0f} (one EM step)"
        coin = OneCoin(n_iter=self.n_iter, tol=self.tol)
        # refit from majority vote, Dawid & Skene's own start (a different optimum
        # from the one-coin start, and the better one on the zheng2017 sets)
        ds = DawidSkene(n_iter=self.n_iter, tol=self.tol)
        cands: list[TruthEstimator] = [ds, coin] if aic_ds < aic_coin else [coin, ds]
        if float(np.median(per_source[per_source > 0])) < SPARSE_SOURCE_MEDIAN:
            # most sources too sparse for their own confusion matrix: borrow strength
            cands.append(DawidSkene(n_iter=self.n_iter, tol=self.tol, pooled_prior="auto"))
        first = cands[0].name
        return first, f"{why}; {scores}", cands

    def _held_out(
        self, enc: Encoded, candidates: list[TruthEstimator]
    ) -> tuple[TruthEstimator, str]:
        """Score majority and every candidate on held-out assertions; keep the best
        candidate unless majority vote does at least as well."""
        sample = sample_objects(enc, CHECK_MAX_ASSERTIONS)
        base, _, _ = restrict(enc, sample) if not sample.all() else (enc, None, None)
        held = held_out_mask(base) > 0
        if not held.any():
            return candidates[0], "no object with two assertions: nothing to hold out"
        train, new_o, new_c = restrict(base, ~held)
        h_obj = new_o[base.o[held]]
        h_claim = new_c[base.c[held]]
        h_w = base.w[held]

        def agreement(est: TruthEstimator) -> float:
            res: CoreResult = est._fit_encoded(train)
            prob = train.clamp(res.claim_prob)
            best = seg_argmax(prob, train.obj_start, train.claim_obj)
            return float(h_w @ (best[h_obj] == h_claim))

        total = float(h_w.sum())
        floor = agreement(MajorityVote())
        labels = ["majority"]
        scores = [floor]
        for est in candidates:
            scores.append(agreement(est))
            labels.append(_label(est))
        self.check_ = {lab: sc / total for lab, sc in zip(labels, scores, strict=True)}
        # the preferred (AIC) candidate unless another one is clearly better:
        # by more than two binomial standard errors of the held-out agreement
        margin = 2.0 * np.sqrt(max(total, 1.0) * 0.25)
        pick = 0
        for i in range(1, len(candidates)):
            if scores[i + 1] > scores[pick + 1] + margin:
                pick = i
        chosen = candidates[pick]
        text = ", ".join(f"{lab} {sc / total:.3f}" for lab, sc in zip(labels, scores, strict=True))
        if scores[pick + 1] < floor:
            return MajorityVote(), f"held-out agreement {text}: majority kept"
        return chosen, f"held-out agreement {text}"


def _label(est: TruthEstimator) -> str:
    if isinstance(est, DawidSkene) and est.pooled_prior == "auto":
        return "dawid_skene (pooled)"
    if isinstance(est, OneCoin) and est.pooling:
        return f"one_coin (pooled by {est.pooling})"
    return est.name
