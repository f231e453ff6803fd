"""One-coin Dawid-Skene: one accuracy per source, fitted by EM (Dawid & Skene 1979;
the "ZC"/one-coin model of Zheng et al. 2017; Liu, Peng & Ihler, NIPS 2012 for the
variational form).

A source gives the true value with probability p_s, else one of the K_o - 1
other values of the object's domain uniformly. The E-step collapses to a
weighted vote in log-odds: a claim scores sum_{a asserts c} w_a * (logit p_s +
log(K_o - 1)), and unseen alternatives score 0. Each iteration is a few sparse
products and ``np.bincount`` passes.

Defaults, from the model rather than from any data set:

- ``estimate="variational"`` (Liu, Peng & Ihler 2012): p_s is not a point
  estimate but a Beta(alpha + hits, beta + misses) posterior, and the vote
  uses its expected log-odds digamma(a) - digamma(b). A source with one
  agreeing answer weighs 1 nat, not the maximum-likelihood "always right"
  (which lets single-answer sources decide objects); with many answers it is
  the usual log(p / (1 - p)). ``alpha = beta = 1`` (uniform) needs no tuning.
  ``estimate="map"`` is the classic point estimate (alpha, beta >= 1).
- ``label_prior=1.0``: with a global label set (categorical values, the same
  labels on every object) the labels have a prior pi, as in Dawid & Skene's
  model, re-estimated each iteration from the posterior label shares with
  ``label_prior`` Dirichlet pseudo-counts per label (Laplace smoothing; crowd-kit's
  OneCoinDawidSkene uses the unsmoothed shares). Free text and numeric clusters
  have per-object domains and no shared labels, hence no prior. ``None`` drops it.

``loss_history_`` is the negative log-likelihood of the data at the fitted
accuracies; EM stops when its relative change falls below ``tol``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.special import digamma, expit

from scoring._common import claim_posterior, domain_sizes, majority_shares, source_counts
from scoring.base import CoreResult, TruthEstimator
from scoring.pooling import beta_priors
from scoring.utils import Encoded, FloatArray, scatter_add

ESTIMATES = ("variational", "map")
POOLING = (None, "data", "kind")


class OneCoin(TruthEstimator):
    """EM with a single accuracy parameter per source."""

    name = "one_coin"
    probabilistic = True

    def __init__(
        self,
        *,
        alpha: float = 1.0,
        beta: float = 1.0,
        estimate: str = "variational",
        label_prior: float | None = 1.0,
        pooling: str | None = None,
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
        self.estimate = estimate
        self.label_prior = label_prior
        self.pooling = pooling

    def _m_step(self, enc: Encoded, post: FloatArray, n_s: FloatArray) -> FloatArray:
        """Each source's accuracy from its expected hits (sum_a w_a P(c_a is true))."""
        # the transpose of the (claims x sources) matrix, not a second matrix: at 1e8
        # assertions that is 1.2 GB saved, and its products gather into S sums (in cache)
        return self._accuracy(enc.claim_source_matrix().T @ post, n_s, enc.source_group)

    def _accuracy(self, hits: FloatArray, n_s: FloatArray, source_group: Any = None) -> FloatArray:
        """The M-step from its sufficient statistics (summed per partition on Dask)."""
        if self.pooling is None:
            a0: FloatArray | float = self.alpha
            b0: FloatArray | float = self.beta
        else:  # hierarchical prior learnt from the sources (by kind when given)
            groups = source_group if self.pooling == "kind" else None
            a0, b0 = beta_priors(hits, n_s, groups)
        a = hits + a0
        b = np.maximum(n_s - hits, 0.0) + b0
        if self.estimate == "variational":
            # expit(E[log p] - E[log(1 - p)]) under q(p) = Beta(a, b)
            acc = expit(digamma(a) - digamma(b))
        else:
            acc = (a - 1.0) / (a + b - 2.0)
        clipped: FloatArray = np.clip(acc, 1e-4, 1 - 1e-4)
        return clipped

    def _fit_encoded(self, enc: Encoded) -> CoreResult:
        if self.label_prior is not None and not self.label_prior > 0:
            raise ValueError(f"label_prior must be > 0 or None, got {self.label_prior!r}")
        if self.estimate not in ESTIMATES:
            raise ValueError(f"estimate must be one of {', '.join(ESTIMATES)}")
        if self.estimate == "map" and not (self.alpha >= 1 and self.beta >= 1):
            raise ValueError("alpha and beta must be >= 1 (a Beta prior with a mode)")
        if self.pooling not in POOLING:
            raise ValueError(f"pooling must be one of {POOLING}, got {self.pooling!r}")
        if not (self.alpha > 0 and self.beta > 0):
            raise ValueError("alpha and beta must be > 0")
        k = domain_sizes(enc)
        n_unseen = k - enc.claims_per_object()
        n_s = source_counts(enc)
        cs = enc.claim_source_matrix()
        # constant parts of the E-step and of the log-likelihood, computed once
        wlog_k1 = enc.w * np.log(k - 1.0)[enc.o]
        claim_const = scatter_add(enc.c, weights=wlog_k1, minlength=enc.n_claims)
        const = float(-wlog_k1.sum() - np.log(k).sum())
        del wlog_k1  # one float per assertion, not needed in the loop
        post = majority_shares(enc)
        history: list[float] = []
        acc = self._m_step(enc, post, n_s)
        smooth = 0.0 if self.label_prior is None else float(self.label_prior)
        use_prior = self.label_prior is not None and enc.n_labels >= 2
        n_lab = max(enc.n_labels, 1)
        for _ in range(self.n_iter):
            # E-step: a claim's log-odds is the weighted sum of its sources' log-odds
            score = cs @ (np.log(acc) - np.log1p(-acc))
            score += claim_const
            unseen = n_unseen
            if use_prior:
                # label prior pi (Dirichlet-smoothed posterior label shares): a claim's
                # log-odds gains log(K pi_l); the unseen labels of an object together
                # weigh K (1 - sum of its seen labels' pi)
                lab_mass = np.bincount(enc.claim_label, weights=post, minlength=n_lab)
                kpi = n_lab * (lab_mass + smooth) / (lab_mass.sum() + n_lab * smooth)
                score += np.log(kpi)[enc.claim_label]
                seen = scatter_add(enc.claim_obj, kpi[enc.claim_label], enc.n_objects)
                unseen = np.maximum(n_lab - seen, 0.0)
            post, log_z = claim_posterior(enc, score, unseen)
            post = enc.clamp(post)
            loglik = float(n_s @ np.log1p(-acc) + log_z.sum() + const)
            acc = self._m_step(enc, post, n_s)
            history.append(-loglik)
            if len(history) > 1 and abs(history[-2] - history[-1]) <= self.tol * abs(history[-1]):
                break
        return CoreResult(claim_prob=post, trust=acc, loss_history=history)
