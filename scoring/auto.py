"""``auto``: pick a sound method for the data and say which (``method_``, ``reason_``).

Rules (Zheng et al. 2017: richer source models pay off only with enough answers
per source; majority vote is the safe floor on sparse data):

- numeric or mixed values -> ``crh`` (weighted median, robust to outliers);
- fewer than 1.5 assertions per object -> ``majority`` (nothing to cross-check);
- categorical with a small label set -> ``one_coin`` and ``dawid_skene`` (started
  from the one-coin solution) are compared by AIC (Akaike 1974): the K x K
  confusion matrices must earn their S * K * (K - 1) parameters, which they do
  only with enough answers per source and real asymmetric confusions;
- otherwise (free text, large label sets) -> ``one_coin``.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np

from scoring.base import CoreResult, TruthEstimator
from scoring.dawid_skene import DawidSkene
from scoring.one_coin import OneCoin
from scoring.utils import Encoded, as_known_series, scatter_add

# Full confusion matrices are only considered for small label sets.
MAX_DS_LABELS = 10


def choose_method(enc: Encoded) -> tuple[str, str]:
    """The method family ``auto`` runs on this encoded data, and why.

    For a small categorical label set the answer is provisional ("one_coin"
    "compare"): ``Auto.fit`` then fits both models and keeps the better AIC.
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


class Auto(TruthEstimator):
    """Chooses majority, one_coin, dawid_skene or crh from the data, then fits it."""

    name = "auto"

    def __init__(
        self,
        *,
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

    def fit(self, frame: Any, known_truths: Any = None) -> Self:
        from scoring import REGISTRY

        self._forget()
        self._check_params()
        known = as_known_series(known_truths)
        enc = self._encode(frame, known)
        choice, reason = choose_method(enc)
        result = None
        if choice == "compare":
            choice, reason, result = self._compare(enc, reason)
        shared = {
            "value_type": self.value_type,
            "similarity": self.similarity,
            "numeric_tol": self.numeric_tol,
            "prior": self.prior,
            "level": self.level,
        }
        est = REGISTRY[choice](**shared)
        if choice != "majority":
            est.set_params(n_iter=self.n_iter, tol=self.tol)
        if result is None:
            result = est._fit_encoded(enc)
        est._finish(enc, result, known)
        for attr, value in vars(est).items():
            if attr.endswith("_") and not attr.startswith("_"):
                setattr(self, attr, value)
        self.method_ = choice
        self.reason_ = reason
        return self

    def _compare(self, enc: Encoded, why: str) -> tuple[str, str, CoreResult]:
        """Fit one-coin; take one Dawid-Skene EM step from it; keep the lower AIC.

        One EM step cannot lower the likelihood of the richer model below its
        starting point, so if even one step pays for the extra parameters,
        Dawid-Skene is then fitted in full.
        """
        res_coin = OneCoin(n_iter=self.n_iter, tol=self.tol)._fit_encoded(enc)
        step_history = DawidSkene(n_iter=1)._em(enc, init=res_coin.claim_prob)[3]
        k = enc.n_labels
        active = float(np.count_nonzero(scatter_add(enc.s, minlength=enc.n_sources)))
        aic_coin = aic(res_coin.loss_history[-1], active)
        aic_ds = aic(step_history[-1], active * k * (k - 1) + k - 1)
        scores = f"AIC one_coin {aic_coin:.0f} vs dawid_skene {aic_ds:.0f} (one EM step)"
        if aic_ds < aic_coin:
            # refit from majority vote, Dawid & Skene's own start (a different optimum
            # from the one-coin start, and the better one on the zheng2017 sets)
            ds = DawidSkene(n_iter=self.n_iter, tol=self.tol)
            return "dawid_skene", f"{why}; {scores}", ds._fit_encoded(enc)
        return "one_coin", f"{why}; {scores}", res_coin
