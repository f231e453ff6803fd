"""One-coin Dawid-Skene as crowd-kit fits it (``OneCoinDawidSkene``): maximum likelihood.

The model of ``one_coin`` (one accuracy p per source; a wrong answer is any of the
K - 1 other labels alike) fitted the way crowd-kit's reference implementation
does it: EM from majority vote, p = the expected share of a source's answers
that are right (no prior), a label prior from the posteriors, and crowd-kit's
stopping rule (``DawidSkene`` ``stop="elbo"``), which ends early on sparse
sources. ``one_coin`` is the Bayesian (variational) fit of the same model; this
one is the maximum-likelihood fit, kept so the same estimator is available
wherever that is the better of the two. Categorical data with a global label
set only (else the one-coin fallback of ``DawidSkene``).
"""

from __future__ import annotations

from scoring.dawid_skene import DawidSkene


class OneCoinDawidSkene(DawidSkene):
    """One accuracy per source, maximum likelihood, crowd-kit's EM and stopping rule."""

    name = "one_coin_ds"
    _one_coin = True
