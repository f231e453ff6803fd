"""Per-method answers on toy tables, checked by hand (expected values in data_scoring_methods)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import frame
from data_scoring_methods import (
    CONTESTED_RELIABILITY,
    CONTESTED_X,
    PLAIN_MAJORITY_RELIABILITY,
    PLAIN_TRUTHS,
    TOLL_CONFIDENCE,
    TOLL_TRUTH,
)
from scipy.special import digamma, expit

import scoring
from scoring import REGISTRY

UNSUPERVISED = sorted(m for m in REGISTRY if m != "beta")


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_clear_majorities_are_found_by_every_method(method: str, plain: pd.DataFrame) -> None:
    est = scoring.get_estimator(method).fit(plain)
    assert est.truths_["value"].to_dict() == PLAIN_TRUTHS
    rel = est.source_reliability_["reliability"]
    assert rel["c"] < rel["a"], "the source that is outvoted twice must rank below"


@pytest.mark.parametrize(("method", "expected"), sorted(CONTESTED_X.items()))
def test_contested_object(method: str, expected: int, contested: pd.DataFrame) -> None:
    est = scoring.get_estimator(method).fit(contested)
    assert est.truths_.loc["X", "value"] == expected


def test_majority_reliability_is_a_beta_posterior(plain: pd.DataFrame) -> None:
    rel = scoring.MajorityVote(prior=(1.0, 1.0)).fit(plain).source_reliability_
    for source, expected in PLAIN_MAJORITY_RELIABILITY.items():
        assert rel.loc[source, "reliability"] == pytest.approx(expected)
        assert rel.loc[source, "n"] == 3
    # Beta(4, 1): the 2.5 % quantile is 0.025 ** (1 / 4)
    assert rel.loc["a", "ci_low"] == pytest.approx(0.025**0.25)
    assert rel.loc["a", "ci_high"] == pytest.approx(0.975**0.25)
    # graded by the interval: 95 % sure a (3 of 3) is at least 0.05 ** (1 / 4) = 0.47
    assert rel.loc["a", "grade"] == "D"
    assert (rel["n"] < 10).all()
    assert set(rel["grade"]) <= {"D", "F"}


def test_sums_reliability_counts_agreement(contested: pd.DataFrame) -> None:
    rel = scoring.Sums(prior=(1.0, 1.0)).fit(contested).source_reliability_["reliability"]
    for source, expected in CONTESTED_RELIABILITY.items():
        assert rel[source] == pytest.approx(expected)


def test_sums_trust_converges_to_the_hits_and_authorities_fixed_point() -> None:
    # one object: a and b say x, c says y. Belief (2, 1) -> trust (1, 1, 1/2) -> ...
    # the trust of c halves relative to a each round and tends to 0.
    df = frame([("a", 1, "x"), ("b", 1, "x"), ("c", 1, "y")])
    est = scoring.Sums(n_iter=60, tol=1e-12).fit(df)
    trust = est.source_reliability_["trust"]
    assert trust["a"] == trust["b"] == 1.0
    assert trust["c"] < 1e-9
    assert est.truths_.loc[1, "value"] == "x"


def test_average_log_gives_a_single_claim_source_no_trust() -> None:
    df = frame([("a", 1, "x"), ("a", 2, "y"), ("b", 1, "x"), ("b", 2, "y"), ("c", 3, "z")])
    trust = scoring.AverageLog().fit(df).source_reliability_["trust"]
    assert trust["c"] == 0.0  # log 1 = 0, as in Pasternack & Roth
    assert trust["a"] == trust["b"] == 1.0


def test_truthfinder_first_round_by_hand() -> None:
    # t0 = 0.9 -> tau = ln 10 for every source. Object 1: x by two sources
    # (sigma = 2 ln 10), y by one (ln 10); sigma*(x) = 2 ln10 - 0.5 * 0.5 * ln10,
    # s(x) = 1 / (1 + exp(-0.3 * 1.75 ln 10)).
    # (the paper's rival implication, rho = 0.5)
    df = frame([("a", 1, "x"), ("b", 1, "x"), ("c", 1, "y")])
    est = scoring.TruthFinder(n_iter=1, rho=0.5).fit(df)
    ln10 = np.log(10.0)
    s_x = 1 / (1 + np.exp(-0.3 * 1.75 * ln10))
    s_y = 1 / (1 + np.exp(-0.3 * (ln10 - 0.25 * 2 * ln10)))
    trust = est.source_reliability_["trust"]
    assert trust["a"] == pytest.approx(s_x)
    assert trust["c"] == pytest.approx(s_y)
    assert est.truths_.loc[1, "confidence"] == pytest.approx(s_x / (s_x + s_y))


def test_truthfinder_defaults_to_the_reference_form_without_rival_implication() -> None:
    df = frame([("a", 1, "x"), ("b", 1, "x"), ("c", 1, "y")])
    est = scoring.TruthFinder(n_iter=1).fit(df)
    ln10 = np.log(10.0)
    s_x = 1 / (1 + np.exp(-0.3 * 2 * ln10))
    assert est.source_reliability_["trust"]["a"] == pytest.approx(s_x)


def test_one_coin_map_accuracy_is_smoothed_agreement(contested: pd.DataFrame) -> None:
    est = scoring.OneCoin(estimate="map", alpha=2.0, label_prior=None).fit(contested)
    trust = est.source_reliability_["trust"]
    # A agrees on all 11 objects with posterior ~1: (11 + 1) / (11 + 1) capped at 1 - 1e-4
    assert trust["A"] > 0.99
    # C agrees on 3 of 11: (3 + 1) / (11 + 1) = 1/3
    assert trust["C"] == pytest.approx(1 / 3, abs=0.01)
    assert est.loss_history_[-1] <= est.loss_history_[0] + 1e-9, "EM must not lose likelihood"


def test_one_coin_variational_accuracy_is_the_expected_log_odds(contested: pd.DataFrame) -> None:
    est = scoring.OneCoin().fit(contested)
    trust = est.source_reliability_["trust"]
    # q(p) = Beta(1 + hits, 1 + misses); trust = expit(digamma(a) - digamma(b)).
    # A: 11 of 11 -> Beta(12, 1), well below the point estimate "always right"
    assert trust["A"] == pytest.approx(expit(digamma(12.0) - digamma(1.0)), abs=0.005)
    # C: 3 of 11 -> Beta(4, 9)
    assert trust["C"] == pytest.approx(expit(digamma(4.0) - digamma(9.0)), abs=0.01)
    assert est.loss_history_[-1] <= est.loss_history_[0] + 1e-9, "EM must not lose likelihood"


def test_one_coin_single_answer_source_weighs_one_nat() -> None:
    # "a" answers once, with the clear majority: Beta(2, 1), expected log-odds
    # digamma(2) - digamma(1) = 1, not the maximum-likelihood "always right"
    rows = [(s, f"o{i}", "x" if i % 2 else "y") for i in range(9) for s in ("c", "d", "e")]
    rows += [("a", "o0", "y")]
    trust = scoring.OneCoin(label_prior=None).fit(frame(rows)).source_reliability_["trust"]
    assert trust["a"] == pytest.approx(expit(1.0), abs=1e-3)


def test_dawid_skene_learns_an_asymmetric_confusion() -> None:
    # source s always says 0; when the truth is 1 (per the three honest sources) it is wrong.
    rows = []
    for i in range(20):
        truth = i % 2
        rows += [("h1", i, truth), ("h2", i, truth), ("h3", i, truth), ("s", i, 0)]
    est = scoring.DawidSkene().fit(frame(rows))
    conf = est.confusion_[list(est.source_reliability_.index).index("s")]
    labels = {0: 0, 1: 1}
    assert conf[labels[0], 0] > 0.9  # truth 0 -> says 0
    assert conf[labels[1], 0] > 0.9  # truth 1 -> still says 0
    assert est.fallback_ == ""


def test_dawid_skene_falls_back_to_one_coin_on_free_text() -> None:
    df = frame([("a", 1, "Donald Knuth"), ("b", 1, "Knuth, Donald"), ("c", 1, "Alan Turing")])
    est = scoring.DawidSkene().fit(df)
    assert est.fallback_ == "one_coin"
    assert est.truths_.loc[1, "value"] in {"Donald Knuth", "Knuth, Donald"}


def test_glad_finds_the_object_good_sources_split_on_harder() -> None:
    rows = [(src, f"o{i}", 1) for i in range(10) for src in "ABFG"]
    rows += [("A", "H", 1), ("B", "H", 1), ("F", "H", 1), ("G", "H", 0)]
    est = scoring.GLAD().fit(frame(rows))
    difficulty = est.difficulty_
    assert difficulty["H"] > difficulty["o1"]
    assert est.truths_.loc["H", "value"] == 1


@pytest.mark.parametrize("method", ["crh", "majority", "auto", "one_coin", "truthfinder"])
def test_numeric_outlier_does_not_drag_the_truth(method: str) -> None:
    df = frame(
        [
            ("a", "toll", 26),
            ("b", "toll", 26),
            ("c", "toll", 27),
            ("d", "toll", 260),
            ("a", "pop", 1000),
            ("b", "pop", 1010),
            ("c", "pop", 990),
            ("d", "pop", 5000),
        ]
    )
    est = scoring.get_estimator(method).fit(df)
    assert est.value_type_ == "numeric"
    assert float(est.truths_.loc["toll", "value"]) == pytest.approx(TOLL_TRUTH, abs=0.5)
    assert float(est.truths_.loc["pop", "value"]) == pytest.approx(1000, rel=0.011)
    rel = est.source_reliability_["reliability"]
    assert rel["d"] == rel.min()


def test_crh_numeric_truth_and_confidence_by_hand() -> None:
    df = frame([("a", "toll", 26), ("b", "toll", 26), ("c", "toll", 27), ("d", "toll", 260)])
    est = scoring.CRH().fit(df)
    assert est.method_ == "crh"
    assert est.truths_.loc["toll", "value"] == TOLL_TRUTH
    assert est.truths_.loc["toll", "confidence"] == pytest.approx(TOLL_CONFIDENCE)
    assert est.source_reliability_.loc["c", "n"] == 1.0


def test_crh_handles_categorical_and_numeric_objects_together() -> None:
    df = frame(
        [
            ("a", "toll", "26"),
            ("b", "toll", "27"),
            ("c", "toll", "300"),
            ("a", "town", "Palmyra"),
            ("b", "town", "Palmyra"),
            ("c", "town", "Homs"),
            ("a", "date", "12"),
            ("b", "date", "12"),
            ("c", "date", "14"),
        ]
    )
    est = scoring.CRH(value_type="mixed").fit(df)
    assert est.value_type_ == "mixed"
    assert est.numeric_objects_.tolist() == [True, False, True]
    # the median of 26, 27 and 300 is 27 (the mean would be 117.7)
    assert float(est.truths_.loc["toll", "value"]) == 27.0
    assert est.truths_.loc["town", "value"] == "Palmyra"
    assert float(est.truths_.loc["date", "value"]) == 12.0
    rel = est.source_reliability_["reliability"]
    assert rel["c"] < rel["a"]


def test_free_text_forms_of_one_name_vote_together() -> None:
    df = frame(
        [
            ("a", "author", "Knuth, Donald E."),
            ("b", "author", "Donald E. Knuth"),
            ("c", "author", "donald e knuth"),
            ("d", "author", "Dennis Ritchie"),
            ("e", "author", "Dennis Ritchie"),
        ]
    )
    est = scoring.MajorityVote().fit(df)
    assert est.value_type_ == "text"
    assert est.truths_.loc["author", "value"] in {"Knuth, Donald E.", "Donald E. Knuth"}
    assert est.truths_.loc["author", "support"] == 3
    # as categorical labels the three forms are three values and Ritchie wins 2 to 1
    labels = scoring.MajorityVote(value_type="categorical").fit(df)
    assert labels.truths_.loc["author", "value"] == "Dennis Ritchie"


def test_fuzzy_matching_joins_near_duplicates_within_an_object_only() -> None:
    df = frame(
        [
            ("a", "b1", "Jon Smith"),
            ("b", "b1", "John Smith"),
            ("c", "b1", "Mary Jones"),
            ("a", "b2", "John Smith"),
            ("b", "b2", "Mary Jones"),
            ("c", "b2", "Mary Jone"),
        ]
    )
    est = scoring.MajorityVote(value_type="text", similarity=85).fit(df)
    assert est.truths_.loc["b1", "support"] == 2  # Jon / John Smith
    assert est.truths_.loc["b2", "support"] == 2  # Mary Jones / Mary Jone
    strict = scoring.MajorityVote(value_type="text", similarity=100).fit(df)
    assert strict.truths_.loc["b1", "support"] == 1


def test_weights_hedge_a_claim() -> None:
    df = frame(
        [("a", 1, "x", 1.0), ("b", 1, "y", 0.4), ("c", 1, "y", 0.4)],
        ("source", "object", "value", "weight"),
    )
    est = scoring.MajorityVote().fit(df)
    assert est.truths_.loc[1, "value"] == "x"
    assert est.truths_.loc[1, "confidence"] == pytest.approx(1.0 / 1.8)
    assert est.source_reliability_.loc["b", "n"] == pytest.approx(0.4)


def test_observing_reports_add_no_vote() -> None:
    df = frame(
        [
            ("a", 1, "x", "endorse"),
            ("b", 1, "x", "endorse"),
            ("c", 1, "y", "endorse"),
            ("d", 1, "y", "observing"),
            ("e", 1, "y", "observing"),
        ],
        ("source", "object", "value", "stance"),
    )
    est = scoring.OneCoin().fit(df)
    assert est.truths_.loc[1, "value"] == "x"
    rel = est.source_reliability_
    assert rel.loc["d", "n"] == 0
    assert rel.loc["d", "grade"] == "F"
    assert np.isnan(rel.loc["d", "trust"])


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_known_truths_fix_objects(method: str, contested: pd.DataFrame) -> None:
    est = scoring.get_estimator(method, prior=(1.0, 1.0)).fit(contested, known_truths={"X": 0})
    truths = est.truths_
    assert truths.loc["X", "value"] == 0
    assert truths.loc["X", "confidence"] == 1.0
    assert bool(truths.loc["X", "known"]) is True
    assert not truths.drop(index="X")["known"].any()


def test_known_truths_sharpen_the_sources(contested: pd.DataFrame) -> None:
    free = scoring.OneCoin(prior=(1.0, 1.0)).fit(contested).source_reliability_
    gold = {f"o{i}": 1 for i in range(1, 11)} | {"X": 1}
    held = scoring.OneCoin(prior=(1.0, 1.0)).fit(contested, known_truths=gold)
    rel = held.source_reliability_
    # with every object known, reliability is exact agreement: C right on 3 of 11
    assert rel.loc["C", "reliability"] == pytest.approx(4 / 13)
    assert rel.loc["A", "reliability"] == pytest.approx(12 / 13)
    assert rel.loc["A", "ci_high"] - rel.loc["A", "ci_low"] <= (
        free.loc["A", "ci_high"] - free.loc["A", "ci_low"] + 1e-12
    )


def test_a_known_value_nobody_asserted_makes_everyone_wrong() -> None:
    df = frame([("a", 1, "x"), ("b", 1, "y"), ("a", 2, "z"), ("b", 2, "z")])
    est = scoring.MajorityVote(prior=(1.0, 1.0)).fit(df, known_truths={1: "w"})
    assert est.truths_.loc[1, "value"] == "w"
    rel = est.source_reliability_["reliability"]
    assert rel["a"] == pytest.approx(2 / 4)  # right on 2 only


def test_auto_says_what_it_chose(contested: pd.DataFrame) -> None:
    est = scoring.Auto().fit(contested)
    assert est.method_ in {"one_coin", "dawid_skene"}
    assert est.reason_
    numeric = frame([("a", 1, 10.5), ("b", 1, 11.0), ("c", 1, 30.25)])
    fitted = scoring.Auto().fit(numeric)
    # crh is the candidate; three one-figure sources cannot show it beats majority
    assert fitted.reason_.startswith("numeric values")
    assert fitted.method_ == "majority"
    assert scoring.Auto(check=False).fit(numeric).method_ == "crh"
    sparse = frame([("a", 1, "x"), ("b", 2, "y"), ("c", 3, "z")])
    assert scoring.Auto().fit(sparse).method_ == "majority"


def test_one_lucky_assertion_does_not_outrank_ten_thousand() -> None:
    rng = np.random.default_rng(0)
    rows = []
    n_obj = 10_000
    truth = rng.integers(0, 2, n_obj)
    for name, acc in [("big", 0.9), ("s1", 0.8), ("s2", 0.7), ("s3", 0.85), ("s4", 0.75)]:
        right = rng.random(n_obj) < acc
        rows.append(
            pd.DataFrame(
                {
                    "source": name,
                    "object": np.arange(n_obj),
                    "value": np.where(right, truth, 1 - truth),
                }
            )
        )
    rows.append(pd.DataFrame({"source": ["lucky"], "object": [0], "value": [truth[0]]}))
    df = pd.concat(rows, ignore_index=True)
    est = scoring.MajorityVote().fit(df, known_truths=pd.Series(truth))
    rel = est.source_reliability_
    assert rel.loc["lucky", "reliability"] < rel.loc["big", "reliability"]
    assert rel.loc["lucky", "grade"] == "F"
    assert rel.loc["big", "grade"] == "B"
    assert rel.loc["big", "ci_high"] - rel.loc["big", "ci_low"] < 0.02
    assert rel.loc["lucky", "ci_high"] - rel.loc["lucky", "ci_low"] > 0.2


def test_crh_loss_options_mean_median_and_huber() -> None:
    df = frame([("a", "toll", 26), ("b", "toll", 26), ("c", "toll", 27), ("d", "toll", 260)])
    absolute = scoring.CRH().fit(df).truths_.loc["toll", "value"]
    squared = scoring.CRH(loss="squared", n_iter=1).fit(df).truths_.loc["toll", "value"]
    huber = scoring.CRH(loss="huber").fit(df).truths_.loc["toll", "value"]
    assert absolute == TOLL_TRUTH
    # one pass with equal weights: the squared loss gives the plain mean, dragged by 260
    assert float(squared) == pytest.approx((26 + 26 + 27 + 260) / 4)
    # Huber bounds the outlier's pull: far closer to the median than to the mean
    assert abs(float(huber) - TOLL_TRUTH) < 1.5
    assert abs(float(huber) - TOLL_TRUTH) < abs(float(squared) - TOLL_TRUTH) / 50


def test_crh_huber_averages_agreeing_values() -> None:
    df = frame([("a", "x", 100), ("b", "x", 110), ("c", "x", 120), ("d", "x", 140)])
    est = scoring.CRH(loss="huber", huber_k=10.0, n_iter=1).fit(df)
    assert est.value_type_ == "numeric"
    # no value lies beyond k robust scales: the Huber estimate is the mean
    assert float(est.truths_.loc["x", "value"]) == pytest.approx(117.5)


def test_crh_rejects_an_unknown_loss() -> None:
    df = frame([("a", "x", 10.0), ("b", "x", 11.0)])
    with pytest.raises(ValueError, match="loss"):
        scoring.CRH(loss="cubic").fit(df)
    with pytest.raises(ValueError, match="huber_k"):
        scoring.CRH(loss="huber", huber_k=0.0).fit(df)


def test_one_coin_label_prior_learns_skewed_label_shares() -> None:
    # two equally good sources disagree on object "t"; label "x" is far more common
    rows = [(s, f"o{i}", "x") for i in range(8) for s in ("a", "b")]
    rows += [(s, f"p{i}", "y") for i in range(2) for s in ("a", "b")]
    rows += [("a", "t", "x"), ("b", "t", "y")]
    df = frame(rows)
    flat = scoring.OneCoin(label_prior=None).fit(df).truths_.loc["t", "confidence"]
    est = scoring.OneCoin().fit(df)  # label_prior=1.0: Laplace-smoothed label shares
    assert flat == pytest.approx(0.5)
    assert est.truths_.loc["t", "value"] == "x"
    assert est.truths_.loc["t", "confidence"] > 0.6


@pytest.mark.parametrize("method", ["majority", "one_coin", "crh"])
def test_fit_never_modifies_the_input_frame(method: str) -> None:
    df = pd.DataFrame(
        {
            "source": ["a", "b", "c", "a"],
            "object": ["x", "x", "x", "y"],
            "value": ["p", "p", "q", "p"],
            "weight": [1.0, 2.0, 1.0, 1.0],
            "stance": ["asserting", "observing", "asserting", "asserting"],
        },
        index=[10, 11, 12, 13],
    )
    before = df.copy(deep=True)
    scoring.get_estimator(method).fit(df)
    pd.testing.assert_frame_equal(df, before)


def test_segment_helpers_padded_and_reduceat_paths_agree() -> None:
    from scoring import utils

    # objects with 3, 1 and 2 claims: NaN never wins, the first of tied maxima wins
    starts = np.array([0, 3, 4, 6])
    claim_obj = np.array([0, 0, 0, 1, 2, 2])
    values = np.array([0.2, np.nan, 0.2, -1.0, 0.1, 0.7])
    assert utils.seg_argmax(values, starts, claim_obj).tolist() == [0, 3, 5]
    wide = utils.DENSE_MAX_WIDTH + 1  # one object too wide for the padded table
    starts_w = np.array([0, wide, wide + 1])
    obj_w = np.r_[np.zeros(wide, dtype=np.int64), 1]
    vals_w = np.r_[np.zeros(wide - 1), 5.0, 1.0]
    assert utils.seg_argmax(vals_w, starts_w, obj_w).tolist() == [wide - 1, wide]
    rng = np.random.default_rng(0)
    v = rng.random(6)
    assert np.allclose(utils.seg_sum(v, starts, claim_obj), utils.seg_sum(v, starts))


def test_encoded_weight_totals_are_shared_and_read_only() -> None:
    from scoring.utils import encode, validate_frame

    df = frame([("a", "x", "p"), ("b", "x", "q"), ("a", "y", "p")])
    enc = encode(validate_frame(df.assign(weight=[1.0, 2.0, 0.5])))
    assert enc.source_weight().tolist() == [1.5, 2.0]
    assert enc.object_weight().tolist() == [3.0, 0.5]
    assert sorted(enc.claim_weight().tolist()) == [0.5, 1.0, 2.0]
    assert enc.source_weight() is enc.source_weight()
    with pytest.raises(ValueError, match="read-only"):
        enc.source_weight()[0] = 9.0


def test_dawid_skene_survives_objects_whose_scores_underflow() -> None:
    # 400 answers on one object: every label's log-probability is far below float32's
    # exp range, so the E-step must shift those rows (no NaN, the majority still wins)
    rows = [(f"s{i}", "big", "x" if i % 3 else "y") for i in range(400)]
    rows += [(f"s{i}", f"o{j}", "x" if (i + j) % 2 else "y") for i in range(40) for j in range(5)]
    est = scoring.DawidSkene().fit(frame(rows))
    assert est.truths_.loc["big", "value"] == "x"
    assert np.isfinite(est.truths_["confidence"]).all()
    assert np.isfinite(est.loss_history_).all()


def test_wawa_discounts_sources_that_often_stand_alone(contested: pd.DataFrame) -> None:
    est = scoring.Wawa().fit(contested)
    assert scoring.MajorityVote().fit(contested).truths_.loc["X", "value"] == 0
    assert est.truths_.loc["X", "value"] == 1  # A and B agree with the majority elsewhere
    trust = est.source_reliability_["trust"]
    assert trust["A"] > trust["C"]


def test_dawid_skene_stops_when_the_bound_stops_rising() -> None:
    # sources with one to three answers each: the confusions cannot be estimated,
    # crowd-kit's stopping rule ends EM early instead of overfitting them
    rng = np.random.default_rng(3)
    rows = []
    for obj in range(400):
        truth = int(rng.random() < 0.3)
        for k in range(5):
            right = rng.random() < 0.75
            source = f"s{obj % 60}_{k}_{rng.integers(0, 3)}"  # about two answers each
            rows.append((source, obj, truth if right else 1 - truth))
    data = pd.DataFrame(rows, columns=["source", "object", "value"])
    early = scoring.DawidSkene().fit(data)
    full = scoring.DawidSkene(stop="likelihood").fit(data)
    assert early.n_iter_ < full.n_iter_
    with pytest.raises(ValueError, match="stop must be one of"):
        scoring.DawidSkene(stop="never").fit(data)


def test_one_coin_ds_is_one_accuracy_per_source(contested: pd.DataFrame) -> None:
    est = scoring.OneCoinDawidSkene().fit(contested)
    confusion = est.confusion_  # [source, truth, said]
    for s in range(confusion.shape[0]):
        off = confusion[s][~np.eye(confusion.shape[1], dtype=bool)]
        assert np.allclose(off, off[0])  # every wrong answer alike
    assert est.truths_.loc["X", "value"] == 1
