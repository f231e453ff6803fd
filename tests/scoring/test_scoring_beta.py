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


def test_grades_follow_the_interval() -> None:
    rows = [("good", f"g{i}", "corroborated") for i in range(40)]
    rows += [("sure", f"s{i}", "corroborated") for i in range(60)]
    rows += [("thin", "t1", "corroborated")]
    rows += [("three", f"h{i}", "corroborated") for i in range(3)]
    rows += [("two_of_three", f"w{i}", "refuted" if i == 0 else "corroborated") for i in range(3)]
    rows += [("poor", f"p{i}", "refuted" if i % 2 else "corroborated") for i in range(20)]
    rows += [("liar", f"l{i}", "refuted") for i in range(6)]
    est = BetaReliability(prior=(1.0, 1.0)).fit(frame(rows))
    rel = est.source_reliability_
    assert rel.loc["good", "reliability"] == pytest.approx(41 / 42)
    # 95 % sure at least 0.05 ** (1 / 41) = 0.93: B, not yet A
    assert rel.loc["good", "grade"] == "B"
    assert rel.loc["sure", "grade"] == "A"  # 0.05 ** (1 / 61) = 0.952
    assert rel.loc["thin", "grade"] == "F"  # one claim: not enough evidence
    assert rel.loc["three", "grade"] == "D"  # three confirmed, none refuted is not F
    assert rel.loc["two_of_three", "grade"] == "F"  # the interval straddles 0.40
    assert rel.loc["poor", "grade"] == "D"  # straddles, but 20 claims measure it: 0.5
    assert rel.loc["liar", "grade"] == "E"  # 95 % sure below 1 - 0.05 ** (1 / 7) = 0.35
    assert rel.loc["thin", "assessment"] == "not enough evidence"


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
