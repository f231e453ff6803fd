"""RangeCRH: ranges, open bounds, copying sources, verdicts as known truths."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from scoring import CRH, FrameError, RangeCRH
from scoring.copying import copy_probability, dependence_weights, shared_values

INF = math.inf


def ranges(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["source", "object", "lower", "upper"])


def test_at_least_40_is_consistent_with_60() -> None:
    model = RangeCRH().fit(ranges([("SOHR", "i1", 40, INF), ("SANA", "i1", 60, 60)]))
    assert model.truths_.loc["i1", "value"] == 60
    assert model.truths_.loc["i1", "confidence"] == 1.0  # both ranges hold at 60
    rel = model.source_reliability_
    assert rel.loc["SOHR", "reliability"] == rel.loc["SANA", "reliability"]


def test_a_lone_lower_bound_gives_its_bound_and_an_open_spread() -> None:
    model = RangeCRH().fit(ranges([("SOHR", "i1", 40, INF)]))
    row = model.truths_.loc["i1"]
    assert row["value"] == 40
    assert row["low"] == 40
    assert row["high"] == INF


def test_a_range_costs_nothing_inside_it() -> None:
    # 20-30 holds the truth 25 that two exact reports give; 50 is the outlier
    frame = ranges(
        [("a", "i1", 25, 25), ("b", "i1", 25, 25), ("c", "i1", 20, 30), ("d", "i1", 50, 50)]
    )
    model = RangeCRH().fit(frame)
    assert model.truths_.loc["i1", "value"] == 25
    close = model.source_reliability_["reliability"]
    assert close["c"] == close["a"] > close["d"]


def test_point_values_give_the_weighted_median_as_crh_does() -> None:
    rng = np.random.default_rng(0)
    rows = [
        (f"s{s}", f"o{o}", float(round(100 + rng.normal(0, 5 + 10 * s))))
        for o in range(30)
        for s in range(5)
    ]
    frame = pd.DataFrame(rows, columns=["source", "object", "value"])
    ours = RangeCRH(dependence=False).fit(frame).truths_["value"]
    crh = pd.to_numeric(CRH().fit(frame).truths_["value"])
    # same truth step (the weighted median); the weights differ only by the scale floor
    assert (ours - crh).abs().mean() < 2.0
    assert RangeCRH(dependence=False).fit(frame.iloc[:5]).truths_["value"].iloc[0] == float(
        frame.iloc[:5]["value"].median()
    )


def copied_frame(copies: int) -> tuple[pd.DataFrame, pd.Series]:
    """Independent sources near the truth; an agency often wrong, repeated by ``copies`` outlets."""
    rng = np.random.default_rng(1)
    rows: list[tuple[object, ...]] = []
    truth = {}
    for i in range(60):
        t = float(rng.integers(10, 200))
        truth[f"i{i}"] = t
        agency = t if i % 3 == 0 else round(t * 1.5)
        rows.append(("agency", f"i{i}", agency, agency))
        for k in range(copies):
            rows.append((f"copy{k}", f"i{i}", agency, agency))
        for k in range(4):
            value = round(t * (1 + rng.normal(0, 0.03)))
            rows.append((f"indep{k}", f"i{i}", value, value))
    return ranges(rows), pd.Series(truth)


def test_outlets_repeating_one_agency_are_found_and_count_once() -> None:
    frame, truth = copied_frame(copies=4)
    aware = RangeCRH().fit(frame)
    blind = RangeCRH(dependence=False).fit(frame)

    def within(pred: pd.Series) -> float:
        return float((np.abs(pred - truth[pred.index]) <= 0.1 * truth[pred.index]).mean())

    assert within(aware.truths_["value"]) > within(blind.truths_["value"]) + 0.2
    pairs = aware.copy_probability_
    top = pairs[pairs["probability"] > 0.9]
    copy_pairs = {frozenset((a, b)) for a, b in zip(top["source_a"], top["source_b"], strict=True)}
    assert frozenset(("agency", "copy0")) in copy_pairs
    assert not any(any(name.startswith("indep") for name in pair) for pair in copy_pairs)
    assert (
        aware.source_reliability_.loc["indep0", "reliability"]
        > (aware.source_reliability_.loc["agency", "reliability"])
    )


def test_without_copying_dependence_changes_nothing() -> None:
    frame, _ = copied_frame(copies=0)
    aware = RangeCRH().fit(frame).truths_["value"]
    blind = RangeCRH(dependence=False).fit(frame).truths_["value"]
    pd.testing.assert_series_equal(aware, blind)


def test_shared_true_values_are_weak_evidence_of_copying() -> None:
    # two sources agreeing on ten true values vs. on ten false ones (Dong et al. 2009)
    s = np.array([0, 1] * 10, dtype=np.int64)
    o = np.repeat(np.arange(10), 2).astype(np.int64)
    shared = shared_values(s, o, o.copy())
    acc = np.array([0.8, 0.8])
    true_p = copy_probability(shared, np.ones(20, dtype=bool), acc)
    false_p = copy_probability(shared, np.zeros(20, dtype=bool), acc)
    assert true_p[0] < 0.9 < 0.999 < false_p[0]
    weights = dependence_weights(shared, false_p, 20)
    assert np.allclose(weights, 1 / (1 + false_p[0]))  # each copy's vote: about one half


def test_a_declared_copy_group_shares_one_vote() -> None:
    frame = ranges(
        [
            ("wire", "i1", 30, 30),
            ("paper1", "i1", 30, 30),
            ("paper2", "i1", 30, 30),
            ("monitor", "i1", 50, 50),
            ("ngo", "i1", 50, 50),
        ]
    )
    frame["group"] = ["wire", "wire", "wire", "", ""]
    model = RangeCRH(dependence=False).fit(frame)
    assert model.truths_.loc["i1", "value"] == 50  # three copies of one story are one vote
    assert model.source_reliability_.loc["paper1", "n"] == pytest.approx(1 / 3)
    ungrouped = RangeCRH(dependence=False).fit(frame.drop(columns="group"))
    assert ungrouped.truths_.loc["i1", "value"] == 30


def test_weights_make_a_hedged_figure_count_less() -> None:
    frame = ranges([("a", "i1", 10, 10), ("b", "i1", 20, 20), ("c", "i1", 20, 20)])
    frame["weight"] = [1.0, 0.3, 0.3]
    assert RangeCRH().fit(frame).truths_.loc["i1", "value"] == 10


def test_a_corroborated_figure_pins_the_truth_and_a_refuted_one_is_excluded() -> None:
    frame = ranges(
        [("a", "i1", 30, 30), ("b", "i1", 31, 31), ("c", "i1", 44, 44), ("d", "i1", 29, 29)]
    )
    frame["verdict"] = ["", "", "true", ""]
    pinned = RangeCRH().fit(frame)
    assert pinned.truths_.loc["i1", "value"] == 44
    assert bool(pinned.truths_.loc["i1", "known"])
    assert pinned.truths_.loc["i1", "confidence"] == 1.0
    frame["verdict"] = ["false", "false", "", ""]
    refuted = RangeCRH().fit(frame)
    # the two refuted figures add nothing; c's 44 and d's 29 remain (lower median: 29)
    rel = refuted.source_reliability_["reliability"]
    assert rel["a"] < rel["d"]
    frame["verdict"] = ["false", "false", "", "false"]
    assert RangeCRH().fit(frame).truths_.loc["i1", "value"] == 44


def test_a_corroborated_lower_bound_keeps_the_truth_above_it() -> None:
    frame = ranges([("a", "i1", 20, 20), ("b", "i1", 20, 20), ("c", "i1", 35, INF)])
    frame["verdict"] = ["", "", "true"]
    assert RangeCRH().fit(frame).truths_.loc["i1", "value"] == 35


def test_known_truths_fix_objects() -> None:
    frame = ranges([("a", "i1", 30, 30), ("b", "i1", 31, 31), ("c", "i1", 60, 60)])
    model = RangeCRH().fit(frame, known_truths={"i1": 60})
    assert model.truths_.loc["i1", "value"] == 60
    assert (
        model.source_reliability_.loc["c", "reliability"]
        > (model.source_reliability_.loc["a", "reliability"])
    )


def test_reliability_ranks_sources_by_their_error() -> None:
    rng = np.random.default_rng(3)
    noise = {"good": 0.02, "fair": 0.12, "poor": 0.35, "inflates": None}
    rows = []
    for i in range(80):
        t = float(rng.integers(5, 300))
        for name, sd in noise.items():
            value = t * rng.uniform(1.3, 1.8) if sd is None else t * (1 + rng.normal(0, sd))
            rows.append((name, f"i{i}", round(value), round(value)))
        rows.append(("monitor", f"i{i}", round(t * 0.95), INF))  # "at least", always true
    rel = RangeCRH().fit(ranges(rows)).source_reliability_["reliability"]
    assert rel["good"] > rel["fair"] > rel["poor"] > rel["inflates"]
    assert rel["monitor"] > rel["fair"]


@pytest.mark.parametrize(
    ("frame", "message", "row"),
    [
        (ranges([("a", "i1", 5, 3)]), "upper must be", 0),
        (ranges([("a", "i1", 5, 5), ("a", "i2", "many", 5)]), "lower must be a finite", 1),
        (ranges([("a", "", 5, 5)]), "empty object", 0),
        (pd.DataFrame({"source": ["a"], "object": ["i"]}), "missing column", None),
        (
            ranges([("a", "i1", 5, 5)]).assign(weight=[-1.0]),
            "weight must be a finite number",
            0,
        ),
    ],
)
def test_bad_frames_name_the_row(frame: pd.DataFrame, message: str, row: int | None) -> None:
    with pytest.raises(FrameError, match=message) as caught:
        RangeCRH().fit(frame)
    assert caught.value.row == row


def test_an_empty_upper_bound_is_open_above() -> None:
    frame = ranges([("a", "i1", 40, None), ("b", "i1", 60, 60)])
    frame["upper"] = frame["upper"].astype(object)
    model = RangeCRH().fit(frame)
    assert model.truths_.loc["i1", "value"] == 60


def test_estimator_contract_refit_forgets_and_params_round_trip() -> None:
    model = RangeCRH(copy_rate=0.5)
    assert model.get_params()["copy_rate"] == 0.5
    model.fit(ranges([("a", "i1", 1, 1)]))
    model.fit(ranges([("b", "i2", 2, 2)]))
    assert list(model.source_reliability_.index) == ["b"]
    assert model.method_ == "range_crh"
    assert model.n_iter_ == len(model.loss_history_) >= 1
    with pytest.raises(ValueError, match="copy_rate"):
        RangeCRH(copy_rate=1.5).fit(ranges([("a", "i1", 1, 1)]))
    scores = model.to_source_scores()
    assert scores[0].source == "b"
    assert scores[0].ci_low <= scores[0].reliability <= scores[0].ci_high
