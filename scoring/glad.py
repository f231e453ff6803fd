"""GLAD: source expertise and object difficulty, after Whitehill et al. (NIPS 2009).

P(source s is right on object o) = sigmoid(alpha_s * beta_o) with beta_o =
exp(b_o) > 0 (b_o large: an easy object). Wrong answers are uniform over the
K_o - 1 other values. The E-step is a weighted log-odds vote (as in one-coin,
with a per-assertion accuracy). ``loss_history_`` holds the one-coin start's
negative log-likelihood, then the mean change of a claim's posterior per GLAD
round (stop when below ``tol``). The M-step takes ``newton_steps`` damped
diagonal Newton (Fisher scoring) steps on the expected log-likelihood with the
paper's Gaussian priors alpha ~ N(1, 1), b ~ N(0, 1), starting from the one-coin
EM solution (GLAD with every beta = 1), which it then refines; all gradients are
``np.bincount`` scatter-adds, so it scales linearly, unlike a generic optimiser.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from scoring._common import claim_posterior, domain_sizes
from scoring.base import CoreResult, TruthEstimator
from scoring.one_coin import OneCoin
from scoring.utils import Encoded, FloatArray, scatter_add


class GLAD(TruthEstimator):
    """Generative model of Labels, Abilities and Difficulties (EM)."""

    name = "glad"
    probabilistic = True

    def __init__(
        self,
        *,
        alpha_prior: float = 1.0,
        newton_steps: int = 1,
        n_iter: int = 100,
        tol: float = 5e-3,
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

    def _newton_step(
        self, enc: Encoded, hit: FloatArray, a: FloatArray, b: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """One damped diagonal Newton (Fisher scoring) step on alpha and b jointly."""
        s, o, w = enc.s, enc.o, enc.w
        beta_o = np.exp(b)[o]
        ab = a[s] * beta_o
        # sigmoid in float32 (SIMD exp; the step is damped and clipped anyway)
        p = np.exp(-ab.astype(np.float32))
        p += 1.0
        np.reciprocal(p, out=p)
        resid = hit - p
        curv = p * (1.0 - p)
        if not self._unit_weights:
            resid *= w
            curv *= w
        g_a = scatter_add(s, weights=resid * beta_o, minlength=enc.n_sources)
        h_a = scatter_add(s, weights=curv * beta_o * beta_o, minlength=enc.n_sources)
        g_b = scatter_add(o, weights=resid * ab, minlength=enc.n_objects)
        h_b = scatter_add(o, weights=curv * ab * ab, minlength=enc.n_objects)
        a = a + np.clip((g_a - (a - self.alpha_prior)) / (h_a + 1.0), -1.0, 1.0)
        b = b + np.clip((g_b - b) / (h_b + 1.0), -1.0, 1.0)
        return a, b

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        if self.newton_steps < 1:
            raise ValueError("newton_steps must be >= 1")
        self._unit_weights = bool(np.all(enc.w == 1.0))
        k = domain_sizes(enc)
        n_unseen = k - enc.claims_per_object()
        wlog_k1 = enc.w * np.log(k - 1.0)[enc.o]
        claim_const = scatter_add(enc.c, weights=wlog_k1, minlength=enc.n_claims)
        # warm start from one-coin EM (GLAD with every difficulty at beta = 1)
        # (a start only: GLAD's own rounds refine it, so a loose tolerance is enough)
        coin = OneCoin(n_iter=self.n_iter, tol=1e-3)._fit_encoded(enc)
        post = coin.claim_prob
        a = np.log(coin.trust) - np.log1p(-coin.trust)
        b = np.zeros(enc.n_objects)
        cs = enc.claim_source_matrix()  # weighted, so the E-step needs no per-assertion pass
        history: list[float] = list(coin.loss_history)
        for _ in range(self.n_iter):
            hit = post[enc.c]
            for _ in range(self.newton_steps):
                a, b = self._newton_step(enc, hit, a, b)
            # E-step: log-odds of each claim = sum of its assertions' log(p (K-1) / (1-p))
            # (all of a claim's assertions share its object's difficulty: one sparse product)
            score = np.exp(b)[enc.claim_obj] * (cs @ a) + claim_const
            new_post, _ = claim_posterior(enc, score, n_unseen)
            new_post = enc.clamp(new_post)
            change = float(np.mean(np.abs(new_post - post))) if len(post) else 0.0
            post = new_post
            history.append(change)
            if change < self.tol:
                break
        del self._unit_weights
        self.difficulty_ = pd.Series(np.exp(-b), index=enc.object_names, name="difficulty")
        return CoreResult(claim_prob=post, trust=a, loss_history=history)
