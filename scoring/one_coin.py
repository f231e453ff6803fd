"""One-coin Dawid-Skene: one accuracy per source, fitted by EM (Dawid & Skene 1979;
the "ZC"/one-coin model of Zheng et al. 2017; Raykar et al. 2010 for the MAP form).

A source gives the true value with probability p_s, else one of the K_o - 1
other values of the object's domain uniformly. The E-step collapses to a
weighted vote in log-odds: a claim scores sum_{a asserts c} w_a * log(p_s (K_o - 1)
/ (1 - p_s)), and unseen alternatives score 0. The M-step is a Beta(alpha, beta)
smoothed weighted agreement. Each iteration is a few ``np.bincount`` passes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scoring._common import claim_posterior, domain_sizes, majority_shares, source_counts
from scoring.base import CoreResult, TruthEstimator
from scoring.utils import Encoded, FloatArray, scatter_add


class OneCoin(TruthEstimator):
    """EM with a single accuracy parameter per source."""

    name = "one_coin"
    probabilistic = True

    def __init__(
        self,
        *,
        alpha: float = 2.0,
        beta: float = 1.0,
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
        self.alpha = alpha
        self.beta = beta

    def _m_step(self, enc: Encoded, post: FloatArray, n_s: FloatArray) -> FloatArray:
        hits = enc.source_claim_matrix() @ post  # sum_a w_a P(c_a is true), per source
        acc = (hits + self.alpha - 1.0) / (n_s + self.alpha + self.beta - 2.0)
        clipped: FloatArray = np.clip(acc, 1e-4, 1 - 1e-4)
        return clipped

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        if not (self.alpha >= 1 and self.beta >= 1):
            raise ValueError("alpha and beta must be >= 1 (a Beta prior with a mode)")
        k = domain_sizes(enc)
        n_unseen = k - enc.claims_per_object()
        n_s = source_counts(enc)
        cs = enc.claim_source_matrix()
        # constant parts of the E-step and of the log-likelihood, computed once
        wlog_k1 = enc.w * np.log(k - 1.0)[enc.o]
        claim_const = scatter_add(enc.c, weights=wlog_k1, minlength=enc.n_claims)
        const = float(-wlog_k1.sum() - np.log(k).sum())
        post = majority_shares(enc)
        history: list[float] = []
        acc = self._m_step(enc, post, n_s)
        for _ in range(self.n_iter):
            # E-step: a claim's log-odds is the weighted sum of its sources' log-odds
            score = cs @ (np.log(acc) - np.log1p(-acc)) + claim_const
            post, log_z = claim_posterior(enc, score, n_unseen)
            post = enc.clamp(post)
            loglik = float(n_s @ np.log1p(-acc) + log_z.sum() + const)
            acc = self._m_step(enc, post, n_s)
            history.append(-loglik)
            if len(history) > 1 and abs(history[-2] - history[-1]) <= self.tol * abs(history[-1]):
                break
        return CoreResult(claim_prob=post, trust=acc, loss_history=history)
