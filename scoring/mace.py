"""MACE: Multi-Annotator Competence Estimation, after Hovy et al. (NAACL 2013), EM form.

Each source s either knows the answer (probability theta_s) and gives the true
label, or "spams" and draws a label from its own distribution xi_s over the
global label set:

    P(s says l | truth k) = theta_s [l = k] + (1 - theta_s) xi_s[l].

The E-step is a vote in which an assertion of label l adds
log(theta + (1 - theta) xi[l]) - log((1 - theta) xi[l]) to its claim (labels
nobody gave score 0); the M-step re-estimates theta and xi from the expected
"knowing" indicators, with Beta(alpha, beta) and symmetric Dirichlet(delta)
smoothing. The default Beta(2, 1) on theta (a source more likely knows than
spams) breaks the degenerate solution in which a source that always gives the
commonest label is "explained" as a spammer; Hovy et al. use priors and random
restarts for the same reason. Everything is scatter-adds over assertions. Free text and numeric
clusters have no global label set; there MACE reduces to one-coin
(``fallback_``), as Dawid-Skene does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from scoring._common import claim_posterior, domain_sizes, majority_shares, source_counts
from scoring.base import CoreResult, TruthEstimator
from scoring.one_coin import OneCoin
from scoring.utils import Encoded, FloatArray, scatter_add


class MACE(TruthEstimator):
    """Knowing-or-spamming source model with per-source spam distributions (EM)."""

    name = "mace"
    probabilistic = True

    def __init__(
        self,
        *,
        alpha: float = 2.0,
        beta: float = 1.0,
        delta: float = 0.1,
        max_labels: int = 50,
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
        self.delta = delta
        self.max_labels = max_labels

    def _m_step(
        self,
        post: FloatArray,
        ratio: FloatArray,
        cell_claim: sparse.csr_matrix,
        cell_w: FloatArray,
        n_s: FloatArray,
        k: int,
    ) -> tuple[FloatArray, FloatArray]:
        """theta and xi from the expected knowing indicators.

        An assertion's P(knowing) is post[claim] * ratio[cell], ratio = t / (t + (1-t) x)
        depending only on its (source, label) cell, so the per-cell sums are one
        sparse product of the (cells x claims) weight matrix with ``post``.
        """
        n_src = len(n_s)
        know_cell = ratio * (cell_claim @ post)
        knows = know_cell.reshape(n_src, k).sum(axis=1)
        theta = (knows + self.alpha - 1.0) / (n_s + self.alpha + self.beta - 2.0)
        spam = (cell_w - know_cell).reshape(n_src, k) + self.delta
        xi = spam / spam.sum(axis=1, keepdims=True)
        return np.clip(theta, 1e-4, 1 - 1e-4), xi

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        if not (self.alpha >= 1 and self.beta >= 1 and self.delta > 0):
            raise ValueError("alpha and beta must be >= 1 and delta > 0")
        k = enc.n_labels
        if enc.value_type != "categorical" or k < 2 or k > self.max_labels:
            self.fallback_ = "one_coin"
            return OneCoin(n_iter=self.n_iter, tol=self.tol)._fit_encoded(enc)
        self.fallback_ = ""
        n_unseen = domain_sizes(enc) - enc.claims_per_object()
        n_s = source_counts(enc)
        n_cells = enc.n_sources * k
        cell = enc.s * k + enc.claim_label[enc.c]
        # every per-assertion quantity depends on its (source, label) cell only: build
        # the (claims x cells) weight matrix once, then each pass is a sparse product
        claim_cell = sparse.csr_matrix((enc.w, (enc.c, cell)), shape=(enc.n_claims, n_cells))
        cell_claim = claim_cell.T.tocsr()
        cell_w = scatter_add(cell, weights=enc.w, minlength=n_cells)
        post = majority_shares(enc)
        # ratio for t = 1/2, x = 1/k is (1/2) / (1/2 + 1/(2k)) = k / (k + 1)
        theta, xi = self._m_step(post, np.full(n_cells, k / (k + 1.0)), cell_claim, cell_w, n_s, k)
        history: list[float] = []
        for _ in range(self.n_iter):
            t = np.repeat(theta, k)
            x = xi.ravel()
            mix = t + (1.0 - t) * x
            spam = np.log1p(-t) + np.log(x)
            score = claim_cell @ (np.log(mix) - spam)
            post, log_z = claim_posterior(enc, score, n_unseen)
            post = enc.clamp(post)
            # log-likelihood with a uniform label prior: sum_o [-log K + sum_a w spam + log Z]
            loglik = float(cell_w @ spam + log_z.sum() - enc.n_objects * np.log(k))
            theta, xi = self._m_step(post, t / mix, cell_claim, cell_w, n_s, k)
            history.append(-loglik)
            if len(history) > 1 and abs(history[-2] - history[-1]) <= self.tol * abs(history[-1]):
                break
        self.spam_distribution_ = xi
        return CoreResult(claim_prob=post, trust=theta, loss_history=history)
