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
    BoolArray,
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
CHECK_MAX_ASSERTIONS = 100_000
# Median assertions per source below which sources count as sparse: pooled models
# join the candidates and a candidate must beat majority significantly.
SPARSE_SOURCE_MEDIAN = 10.0
# One-sided z (paired, on the held-out answers where the two disagree) a candidate
# needs over majority vote on sparse sources (95 %).
SPARSE_Z = 1.645
# Held-out folds (one assertion per object each) on data up to a third of the cap.
CHECK_FOLDS = 3


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


def sample_objects(enc: Encoded, limit: int, seed: int = 0) -> BoolArray:
    """Mask of the assertions of a seeded random sample of objects (about ``limit``)."""
    if len(enc.o) <= limit:
        return np.ones(len(enc.o), dtype=bool)
    rng = np.random.default_rng(seed)
    keep = rng.random(enc.n_objects) < limit / len(enc.o)
    out: BoolArray = keep[enc.o]
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
        fitted: dict[int, CoreResult] = {}  # results computed on the way, by estimator
        if choice == "compare":
            choice, reason, cands = self._compare(enc, reason, fitted)
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
        result = fitted.get(id(est)) or est._fit_encoded(enc)
        est._finish(enc, result, known)
        for attr, value in vars(est).items():
            if attr.endswith("_") and not attr.startswith("_"):
                setattr(self, attr, value)
        self.method_ = est.name
        self.reason_ = reason
        self.check_ = dict(self.check_)
        return self

    def _compare(
        self, enc: Encoded, why: str, fitted: dict[int, CoreResult]
    ) -> tuple[str, str, list[TruthEstimator]]:
        """Fit one-coin; take one Dawid-Skene EM step from it; order by AIC.

        One EM step cannot lower the likelihood of the richer model below its
        starting point, so if even one step pays for the extra parameters,
        Dawid-Skene comes first. Returns the candidates, preferred first.
        """
        pooling = "kind" if enc.source_group is not None else None
        coin = OneCoin(n_iter=self.n_iter, tol=self.tol, pooling=pooling)
        res_coin = coin._fit_encoded(enc)
        fitted[id(coin)] = res_coin  # kept: the final fit may need it again
        step_history = DawidSkene(n_iter=1)._em(enc, init=res_coin.claim_prob)[3]
        k = enc.n_labels
        per_source = scatter_add(enc.s, minlength=enc.n_sources)
        active = float(np.count_nonzero(per_source))
        aic_coin = aic(res_coin.loss_history[-1], active)
        aic_ds = aic(step_history[-1], active * k * (k - 1) + k - 1)
        scores = f"AIC one_coin {aic_coin:.0f} vs dawid_skene {aic_ds:.0f} (one EM step)"
        # refit from majority vote, Dawid & Skene's own start (a different optimum
        # from the one-coin start, and the better one on the zheng2017 sets)
        ds = DawidSkene(n_iter=self.n_iter, tol=self.tol)
        cands: list[TruthEstimator] = [ds, coin] if aic_ds < aic_coin else [coin, ds]
        if float(np.median(per_source[per_source > 0])) < SPARSE_SOURCE_MEDIAN:
            # most sources too sparse for their own confusion matrix (K (K - 1)
            # parameters from one to three answers): only models that borrow strength
            cands = [coin, DawidSkene(n_iter=self.n_iter, tol=self.tol, pooled_prior="auto")]
            if pooling is None:
                cands.append(OneCoin(n_iter=self.n_iter, tol=self.tol, pooling="data"))
        first = cands[0].name
        return first, f"{why}; {scores}", cands

    def _held_out(
        self, enc: Encoded, candidates: list[TruthEstimator]
    ) -> tuple[TruthEstimator, str]:
        """Score majority and every candidate on held-out assertions (``CHECK_FOLDS``
        seeded folds); keep a candidate only where the check allows it.

        For each candidate, b = held-out weight it agrees with and majority does
        not, c = the reverse; z = (b - c) / sqrt(b + c). Dense sources (median at
        least ``SPARSE_SOURCE_MEDIAN`` assertions): the preferred (AIC) candidate
        if it is not worse (z >= 0), else the best one that is not. Sparse
        sources, where rich models are least trustworthy: only a candidate
        significantly better than majority (z >= ``SPARSE_Z``), else majority.
        """
        sample = sample_objects(enc, CHECK_MAX_ASSERTIONS)
        base = restrict(enc, sample)[0] if not sample.all() else enc
        folds = CHECK_FOLDS if len(base.o) <= CHECK_MAX_ASSERTIONS // 3 else 1
        models: list[TruthEstimator] = [MajorityVote(), *candidates]
        agree: list[list[FloatArray]] = [[] for _ in models]
        weights: list[FloatArray] = []
        for fold in range(folds):
            held = held_out_mask(base, seed=fold) > 0
            if not held.any():
                break
            train, new_o, new_c = restrict(base, ~held)
            h_obj = new_o[base.o[held]]
            h_claim = new_c[base.c[held]]
            weights.append(base.w[held])
            for i, est in enumerate(models):
                res: CoreResult = est._fit_encoded(train)
                prob = train.clamp(res.claim_prob)
                best = seg_argmax(prob, train.obj_start, train.claim_obj)
                agree[i].append((best[h_obj] == h_claim).astype(np.float64))
        if not weights:
            return candidates[0], "no object with two assertions: nothing to hold out"
        w = np.concatenate(weights)
        hits = [np.concatenate(a) for a in agree]
        total = float(w.sum())
        labels = ["majority", *(_label(est) for est in candidates)]
        self.check_ = {lab: float(w @ h) / total for lab, h in zip(labels, hits, strict=True)}
        z = []
        for h in hits[1:]:
            b = float(w @ (h * (1 - hits[0])))
            c = float(w @ (hits[0] * (1 - h)))
            z.append((b - c) / np.sqrt(b + c) if b + c > 0 else 0.0)
        per_source = scatter_add(enc.s, minlength=enc.n_sources)
        sparse = float(np.median(per_source[per_source > 0])) < SPARSE_SOURCE_MEDIAN
        text = ", ".join(f"{lab} {self.check_[lab]:.3f}" for lab in labels)
        text = f"held-out agreement ({folds} fold{'s' if folds > 1 else ''}) {text}"
        if sparse:
            best_i = int(np.argmax(z))
            if z[best_i] >= SPARSE_Z:
                return candidates[
                    best_i
                ], f"{text}; sparse sources: {labels[best_i + 1]} beats majority"
            return MajorityVote(), f"{text}; sparse sources: nothing beats majority, majority kept"
        if z[0] >= 0:
            return candidates[0], text
        ok = [i for i in range(len(candidates)) if z[i] >= 0]
        if ok:
            best_i = max(ok, key=lambda i: z[i])
            return candidates[best_i], f"{text}; {labels[best_i + 1]} kept"
        return MajorityVote(), f"{text}: majority kept"


def _label(est: TruthEstimator) -> str:
    if isinstance(est, DawidSkene) and est.pooled_prior == "auto":
        return "dawid_skene (pooled)"
    if isinstance(est, OneCoin) and est.pooling:
        return f"one_coin (pooled by {est.pooling})"
    return est.name
