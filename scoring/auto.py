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
    IntArray,
    as_known_series,
    restrict,
    scatter_add,
    seg_argmax,
)

# Full confusion matrices are only considered for small label sets.
MAX_DS_LABELS = 10
# The held-out check fits on a sample of objects holding about this many assertions.
CHECK_MAX_ASSERTIONS = 50_000
# Median assertions per source below which sources count as sparse: pooled models
# join the candidates and a candidate must beat majority significantly.
SPARSE_SOURCE_MEDIAN = 10.0
# One-sided z (paired, on the held-out answers where the two disagree) a candidate
# needs over majority vote on sparse sources: 99 %, as up to three candidates are
# tried at once and a false win costs more than a missed one.
SPARSE_Z = 2.326
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

            candidates = [CRH(n_iter=20)]
        else:
            candidates = [MajorityVote()]
        self.check_: dict[str, float] = {}
        if self.check and choice != "majority":
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

        A held-out label scores 1 when the model's truth is that label, else 0; a
        held-out figure scores minus its distance from the model's truth (in units
        of the object's typical size), so a median-type truth is judged the way MAE
        judges it. For each candidate, z = sum(d) / sqrt(sum(d^2)) over the paired
        differences d with majority (for labels: (b - c) / sqrt(b + c), b and c the
        held-out answers only one of the two gets right). Dense sources (median at
        least ``SPARSE_SOURCE_MEDIAN`` assertions): the preferred (AIC) candidate
        if it is not worse (z >= 0), else the best one that is not. Sparse
        sources, where rich models are least trustworthy: only a candidate
        significantly better than majority (z >= ``SPARSE_Z``), else majority.
        """
        sample = sample_objects(enc, CHECK_MAX_ASSERTIONS)
        base = restrict(enc, sample)[0] if not sample.all() else enc
        folds = CHECK_FOLDS if len(base.o) <= CHECK_MAX_ASSERTIONS // 3 else 1
        models: list[TruthEstimator] = [MajorityVote(), *candidates]
        scores: list[list[FloatArray]] = [[] for _ in models]
        weights: list[FloatArray] = []
        for fold in range(folds):
            held = held_out_mask(base, seed=fold) > 0
            if not held.any():
                break
            train, new_o, new_c = restrict(base, ~held)
            weights.append(base.w[held])
            for i, est in enumerate(models):
                res: CoreResult = est._fit_encoded(train)
                scores[i].append(_held_out_score(train, res, base, held, new_o, new_c))
        if not weights:
            return candidates[0], "no object with two assertions: nothing to hold out"
        w = np.concatenate(weights)
        per_model = [np.concatenate(sc) for sc in scores]
        total = float(w.sum())
        labels = ["majority", *(_label(est) for est in candidates)]
        self.check_ = {
            lab: float(w @ sc) / total for lab, sc in zip(labels, per_model, strict=True)
        }
        z = []
        for sc in per_model[1:]:
            d = w * (sc - per_model[0])  # paired: the same held-out answers
            spread = float(np.sqrt(d @ d))
            z.append(float(d.sum()) / spread if spread > 0 else 0.0)
        per_source = scatter_add(enc.s, minlength=enc.n_sources)
        sparse = float(np.median(per_source[per_source > 0])) < SPARSE_SOURCE_MEDIAN
        text = ", ".join(f"{lab} {self.check_[lab]:.3f}" for lab in labels)
        what = "agreement" if not (base.num_obj is not None and base.num_obj.any()) else "score"
        text = f"held-out {what} ({folds} fold{'s' if folds > 1 else ''}) {text}"
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


def _held_out_score(
    train: Encoded,
    res: CoreResult,
    base: Encoded,
    held: BoolArray,
    new_o: IntArray,
    new_c: IntArray,
) -> FloatArray:
    """Score of each held-out assertion under a model fitted on ``train``."""
    h_obj = new_o[base.o[held]]
    best = seg_argmax(train.clamp(res.claim_prob), train.obj_start, train.claim_obj)
    out: FloatArray = (best[h_obj] == new_c[base.c[held]]).astype(np.float64)
    if train.num_obj is None or not train.num_obj.any():
        return out
    # figures: the model's number (CRH's own truth, else its best claim's mean value)
    num_a = ~np.isnan(train.x)
    count = scatter_add(train.c, weights=num_a, minlength=train.n_claims)
    claim_x = scatter_add(train.c, weights=np.where(num_a, train.x, 0.0), minlength=train.n_claims)
    truth = claim_x[best] / np.maximum(count[best], 1.0)
    if res.truth_value is not None:
        truth = np.where(np.isnan(res.truth_value), truth, res.truth_value)
    size = scatter_add(
        train.o, weights=np.where(num_a, np.abs(train.x), 0.0), minlength=train.n_objects
    )
    size /= np.maximum(scatter_add(train.o, weights=num_a, minlength=train.n_objects), 1.0)
    size = np.maximum(
        size, max(float(np.median(size[size > 0])) if (size > 0).any() else 1.0, 1e-9) * 0.1
    )
    x_h = base.x[held]
    figure = train.num_obj[h_obj] & ~np.isnan(x_h)
    err = np.abs(x_h - truth[h_obj]) / size[h_obj]
    scored: FloatArray = np.where(figure, -np.nan_to_num(err), out)
    return scored


def _label(est: TruthEstimator) -> str:
    if isinstance(est, DawidSkene) and est.pooled_prior == "auto":
        return "dawid_skene (pooled)"
    if isinstance(est, OneCoin) and est.pooling:
        return f"one_coin (pooled by {est.pooling})"
    return est.name
