"""Verdict-based reliability: Beta-Binomial, empirical Bayes, origins not outlets, grades."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import frame

import scoring
from scoring import BetaReliability, FrameError, verdict_truth


def test_verdict_values_map_to_truth() -> None:
    values = pd.Series(["corroborated", "REFUTED", "single_source", "true", "0", None])
    out = verdict_truth(values)
    assert out[:2].tolist() == [1.0, 0.0]
    assert np.isnan(out[2])  # single source: unresolved
    assert out[3:5].tolist() == [1.0, 0.0]
    assert np.isnan(out[5])
    with pytest.raises(FrameError, match="not true/false"):
        verdict_truth(pd.Series(["maybe"]))


def test_flat_prior_posterior_by_hand(verdicts: pd.DataFrame) -> None:
    est = BetaReliability(prior=(1.0, 1.0)).fit(verdicts)
    rel = est.source_reliability_
    # sohr: 1 right, 1 wrong -> Beta(2, 2), mean 0.5; sana: 1 of 2 -> 0.5;
    # wire: 1 right (single_source is unresolved) -> Beta(2, 1), mean 2/3
    assert rel.loc["sohr", "reliability"] == pytest.approx(0.5)
    assert rel.loc["wire", "reliability"] == pytest.approx(2 / 3)
    assert rel.loc["wire", "n"] == 1
    assert rel.loc["wire", "ci_low"] == pytest.approx(np.sqrt(0.025))  # Beta(2, 1) quantile
    assert (rel["grade"] == "F").all()


def test_echoes_of_one_origin_count_once() -> None:
    df = frame(
        [
            ("outlet1", "c1", "corroborated", "sohr"),
            ("outlet2", "c1", "corroborated", "sohr"),
            ("outlet3", "c1", "corroborated", "sohr"),
            ("outlet1", "c1", "corroborated", "sohr"),  # the same row twice
            ("outlet1", "c2", "refuted", ""),
        ],
        ("source", "object", "value", "origin"),
    )
    rel = BetaReliability(prior=(1.0, 1.0)).fit(df).source_reliability_
    assert rel.loc["outlet1", "n"] == pytest.approx(1 / 3 + 1)
    assert rel.loc["outlet2", "n"] == pytest.approx(1 / 3)
    assert rel.loc["outlet1", "reliability"] == pytest.approx((1 + 1 / 3) / (2 + 4 / 3))
    plain = BetaReliability(prior=(1.0, 1.0), split_echoes=False).fit(df).source_reliability_
    assert plain.loc["outlet2", "n"] == 1


def test_grades_need_ten_resolved_claims_and_follow_the_cutoffs() -> None:
    rows = [("good", f"g{i}", "corroborated") for i in range(40)]
    rows += [("thin", "t1", "corroborated")]
    rows += [("poor", f"p{i}", "refuted" if i % 2 else "corroborated") for i in range(20)]
    est = BetaReliability(prior=(1.0, 1.0)).fit(frame(rows))
    rel = est.source_reliability_
    assert rel.loc["good", "reliability"] == pytest.approx(41 / 42)
    assert rel.loc["good", "grade"] == "A"
    assert rel.loc["thin", "grade"] == "F"
    assert rel.loc["poor", "grade"] == "D"  # 11/22 = 0.5


def test_empirical_bayes_prior_shrinks_thin_sources() -> None:
    rng = np.random.default_rng(1)
    rows = []
    for s in range(8):
        acc = 0.6 + 0.04 * s
        for i in range(50):
            rows.append((f"s{s}", f"{s}-{i}", bool(rng.random() < acc)))
    rows.append(("lucky", "l1", True))
    est = BetaReliability().fit(frame(rows))
    a0, b0 = est.prior_
    assert 0.6 < a0 / (a0 + b0) < 0.85
    rel = est.source_reliability_
    assert rel.loc["lucky", "reliability"] < a0 / (a0 + b0) + 0.05
    assert rel.loc["lucky", "ci_high"] - rel.loc["lucky", "ci_low"] > 0.2


def test_beta_against_known_truths_on_assertions(plain: pd.DataFrame) -> None:
    gold = {"capital_fr": "Paris", "capital_de": "Berlin"}
    est = scoring.get_estimator("beta", prior=(1.0, 1.0)).fit(plain, known_truths=gold)
    rel = est.source_reliability_
    assert rel.loc["c", "reliability"] == pytest.approx(2 / 4)  # right on Berlin only
    assert rel.loc["c", "n"] == 2
    assert rel.loc["a", "reliability"] == pytest.approx(3 / 4)
