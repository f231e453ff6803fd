"""Partial pooling for sparse sources, and auto's held-out check against majority vote."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import scoring
from scoring.pooling import MAX_STRENGTH, beta_priors, dispersion_strength


def test_sources_alike_pool_completely_and_sources_apart_barely() -> None:
    pooled = np.array([0.8, 0.2])
    alike = np.array([[80.0, 20.0], [79.0, 21.0], [81.0, 19.0], [80.0, 20.0]])
    apart = np.array([[99.0, 1.0], [50.0, 50.0], [98.0, 2.0], [60.0, 40.0]])
    assert dispersion_strength(alike, pooled) == MAX_STRENGTH
    assert dispersion_strength(apart, pooled) < 10


def test_a_sparse_source_borrows_from_its_kind() -> None:
    # kind "wire": 10 sources right on 18 of 20; kind "blog": 10 sources right on 6 of 20;
    # one newcomer of each kind with a single agreeing answer
    hits = np.array([18.0] * 10 + [6.0] * 10 + [1.0, 1.0])
    n = np.array([20.0] * 20 + [1.0, 1.0])
    groups = np.array([0] * 10 + [1] * 10 + [0, 1])
    a, b = beta_priors(hits, n, groups)
    wire_new, blog_new = (a[-2] + 1) / (a[-2] + b[-2] + 1), (a[-1] + 1) / (a[-1] + b[-1] + 1)
    assert wire_new > 0.8 > 0.4 > blog_new
    a_all, _b_all = beta_priors(hits, n)
    assert a_all[-1] == a_all[-2]  # without kinds both borrow from everyone


def sparse_frame(seed: int) -> tuple[pd.DataFrame, pd.Series]:
    """Outlet-stance shape: 300 claims, 4-6 outlets each, most outlets make 1-3 assertions.

    Two kinds of outlet: "wire" (right 85 % of the time) and "partisan" (right 45 %,
    else the wrong side). The truth is "false" on 60 % of the claims.
    """
    rng = np.random.default_rng(seed)
    rows = []
    truth = {}
    outlet = 0
    for c in range(300):
        t = "false" if rng.random() < 0.6 else "true"
        truth[f"c{c}"] = t
        for _ in range(rng.integers(4, 7)):
            if rng.random() < 0.7:  # a new outlet most of the time
                outlet += 1
            kind = "wire" if outlet % 3 == 0 else "partisan"
            right = rng.random() < (0.85 if kind == "wire" else 0.45)
            value = t if right else ("true" if t == "false" else "false")
            rows.append((f"o{outlet}", f"c{c}", value, kind))
    frame = pd.DataFrame(rows, columns=["source", "object", "value", "kind"])
    return frame, pd.Series(truth)


def accuracy(est: scoring.TruthEstimator, gold: pd.Series) -> float:
    pred = est.truths_["value"]
    return float((pred.reindex(gold.index) == gold).mean())


def test_pooling_by_kind_beats_majority_on_sparse_outlets() -> None:
    frame, gold = sparse_frame(0)
    majority = accuracy(scoring.MajorityVote().fit(frame), gold)
    pooled = accuracy(scoring.OneCoin(pooling="kind").fit(frame), gold)
    assert pooled > majority + 0.02


def test_pooled_dawid_skene_learns_its_strength() -> None:
    frame, gold = sparse_frame(1)
    est = scoring.DawidSkene(pooled_prior="auto").fit(frame.drop(columns="kind"))
    assert est.pooling_strength_ > 1.0  # 1-3 answers per outlet: lean on the pool
    assert accuracy(est, gold) >= accuracy(scoring.MajorityVote().fit(frame), gold) - 0.02


@pytest.mark.parametrize("seed", range(4))
def test_auto_never_keeps_a_model_its_check_finds_worse_than_majority(seed: int) -> None:
    frame, _gold = sparse_frame(seed)
    if seed % 2:
        frame = frame.drop(columns="kind")
    est = scoring.Auto().fit(frame)
    check = est.check_
    assert "majority" in check
    assert len(check) >= 2
    chosen = [label for label in check if label.split(" ")[0] == est.method_]
    assert chosen, (est.method_, check)
    assert max(check[label] for label in chosen) >= check["majority"]
    assert "held-out agreement" in est.reason_


def test_auto_falls_back_to_majority_when_every_candidate_checks_worse() -> None:
    # two camps that always disagree and nothing else: no model can beat the vote
    rows = []
    for i in range(40):
        for s in range(3):
            rows.append((f"u{s}", f"q{i}", "yes"))
        for s in range(2):
            rows.append((f"v{s}_{i}", f"q{i}", "no"))
    est = scoring.Auto().fit(pd.DataFrame(rows, columns=["source", "object", "value"]))
    assert est.check_["majority"] >= max(v for k, v in est.check_.items() if k != "majority") or (
        est.method_ == "majority"
    )
    assert (est.truths_["value"] == "yes").all()
