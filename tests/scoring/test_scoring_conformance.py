"""Every registered method honours the estimator contract (scikit-learn style checks)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import contested_frame, plain_frame, verdict_frame

import scoring
from scoring import REGISTRY

METHODS = sorted(REGISTRY)


def frame_for(method: str) -> pd.DataFrame:
    return verdict_frame() if method == "beta" else contested_frame()


def other_frame_for(method: str) -> pd.DataFrame:
    if method == "beta":
        return pd.DataFrame(
            {"source": ["x", "y"], "object": ["k1", "k2"], "value": ["refuted", "corroborated"]}
        )
    return plain_frame()


@pytest.mark.parametrize("method", METHODS)
def test_fit_returns_self_and_fitted_attributes_end_in_underscore(method: str) -> None:
    est = scoring.get_estimator(method)
    before = set(vars(est))
    assert all(not a.endswith("_") for a in before), "__init__ must not set fitted attributes"
    assert est.fit(frame_for(method)) is est
    new = set(vars(est)) - before
    assert new, "fit must set fitted attributes"
    assert all(a.endswith("_") for a in new), sorted(a for a in new if not a.endswith("_"))
    for attr in ("truths_", "source_reliability_", "method_", "loss_history_", "prior_"):
        assert hasattr(est, attr)


@pytest.mark.parametrize("method", METHODS)
def test_params_are_stored_untouched_and_round_trip(method: str) -> None:
    cls = REGISTRY[method]
    est = cls()
    params = est.get_params()
    assert set(params) == set(cls._param_names())
    clone = cls(**params)
    assert clone.get_params() == params
    est.set_params(level=0.9)
    assert est.level == 0.9
    with pytest.raises(ValueError, match="invalid parameter"):
        est.set_params(not_a_parameter=1)


@pytest.mark.parametrize("method", METHODS)
def test_refit_forgets_the_previous_fit(method: str) -> None:
    est = scoring.get_estimator(method).fit(frame_for(method))
    fresh = scoring.get_estimator(method).fit(other_frame_for(method))
    est.fit(other_frame_for(method))
    assert set(vars(est)) == set(vars(fresh))
    pd.testing.assert_frame_equal(est.source_reliability_, fresh.source_reliability_)
    pd.testing.assert_frame_equal(est.truths_, fresh.truths_)


@pytest.mark.parametrize("method", METHODS)
def test_input_frame_is_not_mutated(method: str) -> None:
    df = frame_for(method).assign(weight=1.0)
    snapshot = df.copy(deep=True)
    scoring.get_estimator(method).fit(df)
    pd.testing.assert_frame_equal(df, snapshot)


@pytest.mark.parametrize("method", METHODS)
def test_every_source_gets_an_interval_that_holds_its_score(method: str) -> None:
    est = scoring.get_estimator(method).fit(frame_for(method))
    rel = est.source_reliability_
    assert list(rel.columns[:5]) == ["reliability", "ci_low", "ci_high", "n", "grade"]
    assert rel.index.name == "source"
    assert ((rel["ci_low"] <= rel["reliability"]) & (rel["reliability"] <= rel["ci_high"])).all()
    assert ((rel["ci_low"] >= 0) & (rel["ci_high"] <= 1)).all()
    assert (rel["ci_high"] - rel["ci_low"] > 0).all(), "a bare point score is not allowed"
    assert set(rel["grade"]) <= set("ABCDEF")
    assert rel["n"].ge(0).all()
    truths = est.truths_
    assert truths.index.name == "object"
    assert {"value", "confidence"} <= set(truths.columns)
    assert truths["confidence"].between(0, 1).all()
    assert all(isinstance(s, scoring.base.SourceScore) for s in est.to_source_scores())


@pytest.mark.parametrize("method", METHODS)
def test_fit_predict_returns_the_truth_values(method: str) -> None:
    est = scoring.get_estimator(method)
    pred = est.fit_predict(frame_for(method))
    pd.testing.assert_series_equal(pred, est.truths_["value"])


@pytest.mark.parametrize("method", [m for m in METHODS if m != "beta"])
def test_iterative_methods_record_their_loss_history(method: str) -> None:
    est = scoring.get_estimator(method).fit(contested_frame())
    assert est.n_iter_ == len(est.loss_history_)
    assert all(np.isfinite(est.loss_history_))
    if method not in ("majority", "wawa", "auto"):
        assert "n_iter" in est.get_params()
        assert "tol" in est.get_params()


def test_scoring_stays_headless() -> None:
    code = (
        "import sys, scoring, scoring.cli, models; "
        "bad = [m for m in ('textual', 'rich', 'sqlalchemy', 'typer', 'workbench') "
        "if m in sys.modules]; print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
