"""``auto``: pick a sound method for the data and say which (``method_``, ``reason_``).

Rules (Zheng et al. 2017: richer source models pay off only with enough answers
per source; majority vote is the safe floor on sparse data):

- numeric or mixed values -> ``crh`` (weighted median, robust to outliers);
- fewer than 1.5 assertions per object -> ``majority`` (nothing to cross-check);
- categorical with a small label set and plenty of answers per source
  -> ``dawid_skene`` (full confusion matrices are then identifiable);
- otherwise -> ``one_coin`` (one accuracy per source; robust when sources are sparse).
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np

from scoring.base import TruthEstimator
from scoring.utils import Encoded, as_known_series

# Dawid-Skene needs roughly this many answers per confusion-matrix cell.
DS_ANSWERS_PER_CELL = 10.0


def choose_method(enc: Encoded) -> tuple[str, str]:
    """The method ``auto`` runs on this encoded data, and why."""
    per_object = float(enc.w.sum()) / max(enc.n_objects, 1)
    if enc.value_type in ("numeric", "mixed"):
        return "crh", f"{enc.value_type} values: weighted median truths, robust to outliers"
    if per_object < 1.5:
        return "majority", f"{per_object:.2f} assertions per object: too sparse to cross-check"
    n_s = np.bincount(enc.s, weights=enc.w, minlength=enc.n_sources)
    share = n_s / n_s.sum()
    typical = float(1.0 / np.sum(share**2))  # effective number of sources
    per_source = float(n_s.sum()) / max(typical, 1.0)
    k = enc.n_labels
    if (
        enc.value_type == "categorical"
        and 2 <= k <= 10
        and per_source >= DS_ANSWERS_PER_CELL * k * k
    ):
        return (
            "dawid_skene",
            f"{k} labels, ~{per_source:.0f} answers per active source: confusion identifiable",
        )
    return "one_coin", f"{per_object:.1f} assertions per object; one accuracy per source"


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
        result = est._fit_encoded(enc)
        est._finish(enc, result, known)
        for attr, value in vars(est).items():
            if attr.endswith("_") and not attr.startswith("_"):
                setattr(self, attr, value)
        self.method_ = choice
        self.reason_ = reason
        return self
