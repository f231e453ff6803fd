"""GLAD: source expertise and object difficulty, after Whitehill et al. (NIPS 2009).

P(source s is right on object o) = sigmoid(alpha_s * beta_o) with beta_o =
exp(b_o) > 0 (b_o large: an easy object). Wrong answers are uniform over the
K_o - 1 other values. The E-step is a weighted log-odds vote (as in one-coin,
with a per-assertion accuracy). The M-step takes ``newton_steps`` damped
diagonal Newton (Fisher scoring) steps on the expected log-likelihood with the
paper's Gaussian priors alpha ~ N(1, 1), b ~ N(0, 1); all gradients are
``np.bincount`` scatter-adds, so it scales linearly, unlike a generic optimiser.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.special import expit

from scoring._common import claim_posterior, domain_sizes, majority_shares
from scoring.base import CoreResult, TruthEstimator
from scoring.utils import Encoded, FloatArray


class GLAD(TruthEstimator):
    """Generative model of Labels, Abilities and Difficulties (EM)."""

    name = "glad"
    probabilistic = True

    def __init__(
        self,
        *,
        alpha_prior: float = 1.0,
        newton_steps: int = 2,
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
        self.alpha_prior = alpha_prior
        self.newton_steps = newton_steps

    def _m_step(
        self, enc: Encoded, hit: FloatArray, a: FloatArray, b: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        s, o, w = enc.s, enc.o, enc.w
        for _ in range(self.newton_steps):
            beta = np.exp(b)
            p = expit(a[s] * beta[o])
            resid = w * (hit - p)
            curv = w * p * (1 - p)
            g_a = np.bincount(s, weights=resid * beta[o], minlength=enc.n_sources)
            h_a = np.bincount(s, weights=curv * beta[o] ** 2, minlength=enc.n_sources)
            a = a + np.clip((g_a - (a - self.alpha_prior)) / (h_a + 1.0), -1.0, 1.0)
            ab = a[s] * beta[o]
            p = expit(ab)
            g_b = np.bincount(o, weights=w * (hit - p) * ab, minlength=enc.n_objects)
            h_b = np.bincount(o, weights=w * p * (1 - p) * ab**2, minlength=enc.n_objects)
            b = b + np.clip((g_b - b) / (h_b + 1.0), -1.0, 1.0)
        return a, b

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        if self.newton_steps < 1:
            raise ValueError("newton_steps must be >= 1")
        k = domain_sizes(enc)
        n_unseen = k - enc.claims_per_object()
        log_k1 = np.log(k - 1.0)[enc.o]
        a = np.full(enc.n_sources, float(self.alpha_prior))
        b = np.zeros(enc.n_objects)
        post = majority_shares(enc)
        history: list[float] = []
        for _ in range(self.n_iter):
            a, b = self._m_step(enc, post[enc.c], a, b)
            ab = a[enc.s] * np.exp(b)[enc.o]
            logit = ab + log_k1  # log(p / ((1 - p) / (K - 1))) with p = sigmoid(ab)
            score = np.bincount(enc.c, weights=enc.w * logit, minlength=enc.n_claims)
            post, log_z = claim_posterior(enc, score, n_unseen)
            post = enc.clamp(post)
            base = enc.w * (-np.logaddexp(0.0, ab) - log_k1)  # log((1 - p) / (K - 1))
            loglik = float(base.sum() + log_z.sum() - np.log(k).sum())
            history.append(-loglik)
            if len(history) > 1 and abs(history[-2] - history[-1]) <= self.tol * abs(history[-1]):
                break
        self.difficulty_ = np.exp(-b)
        return CoreResult(claim_prob=post, trust=a, loss_history=history)
