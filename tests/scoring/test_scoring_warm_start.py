"""Daily batches: Dawid-Skene warm-started from the saved state stays close to a full refit."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from data_scale import crowd
from scoring_command import run

from scoring import DawidSkene
from scoring.utils import FrameError
from scoring.warm_start import load_state, save_state

DAYS = 4


def day(d: int) -> tuple[pd.DataFrame, pd.Series]:
    return crowd(8000, 800, 40, seed=10 + d, first_object=d * 800)


def test_warm_started_days_match_a_full_refit() -> None:
    state = None
    seen: list[pd.DataFrame] = []
    for d in range(DAYS):
        batch, gold = day(d)
        seen.append(batch)
        warm = DawidSkene(warm_start=state).fit(batch)
        state = warm.warm_state()
        full = DawidSkene().fit(pd.concat(seen, ignore_index=True))
        # only the day's objects are re-estimated
        assert len(warm.truths_) == batch["object"].nunique()
        same = full.truths_["value"].reindex(warm.truths_.index) == warm.truths_["value"]
        assert same.mean() >= 0.99
        acc_warm = (warm.truths_["value"].reindex(gold.index) == gold).mean()
        acc_full = (full.truths_["value"].reindex(gold.index) == gold).mean()
        assert abs(acc_warm - acc_full) <= 0.005
        rel_full = full.source_reliability_
        rel_warm = warm.source_reliability_.reindex(rel_full.index)
        np.testing.assert_allclose(rel_warm["n"], rel_full["n"])  # the whole history
        assert (rel_warm["reliability"] - rel_full["reliability"]).abs().max() < 0.01
    assert state is not None
    assert state["n_objects"] == pd.concat(seen)["object"].nunique()


def test_warm_start_is_used_and_keeps_absent_sources() -> None:
    first, _ = day(0)
    second, _ = day(1)
    second = second[second["source"] != "s03"].copy()
    second.loc[second.index[:30], "source"] = "newcomer"
    state = DawidSkene().fit(first).warm_state()
    warm = DawidSkene(warm_start=state).fit(second)
    cold = DawidSkene().fit(second)
    rel = warm.source_reliability_
    assert "s03" in rel.index
    assert rel.loc["s03", "n"] == (first["source"] == "s03").sum()
    assert rel.loc["newcomer", "n"] == 30
    assert "s03" in warm.warm_state()["sources"]
    assert "newcomer" in warm.warm_state()["sources"]
    # the state's counts change the fit: not the same as starting cold on the batch
    assert not np.allclose(
        warm.source_reliability_["reliability"].reindex(cold.source_reliability_.index),
        cold.source_reliability_["reliability"],
    )


def test_state_file_round_trip_and_errors(tmp_path: Path) -> None:
    state = DawidSkene().fit(day(0)[0]).warm_state()
    save_state(state, tmp_path / "s.json")
    assert load_state(tmp_path / "s.json") == json.loads(json.dumps(state))
    (tmp_path / "bad.json").write_text('{"format": "other"}')
    with pytest.raises(FrameError, match="not a warm-start state"):
        load_state(tmp_path / "bad.json")


def test_cli_warm_start_and_state_out(tmp_path: Path) -> None:
    for d in range(2):
        day(d)[0].to_parquet(tmp_path / f"day{d}.parquet", index=False)
    state0, state1 = tmp_path / "state0.json", tmp_path / "state1.json"
    first = run(
        str(tmp_path / "day0.parquet"), "--method", "dawid_skene", "--state-out", str(state0)
    )
    assert first.returncode == 0, first.stderr
    second = run(
        str(tmp_path / "day1.parquet"),
        "--method",
        "dawid_skene",
        "--warm-start",
        str(state0),
        "--state-out",
        str(state1),
    )
    assert second.returncode == 0, second.stderr
    table = pd.read_csv(StringIO(second.stdout))
    assert table["n"].sum() == 16000  # both days
    objects = pd.concat([day(0)[0], day(1)[0]])["object"].nunique()
    assert json.loads(state1.read_text())["n_objects"] == objects
    (tmp_path / "junk.json").write_text("not json")
    bad = run(
        str(tmp_path / "day1.parquet"),
        "--method",
        "dawid_skene",
        "--warm-start",
        str(tmp_path / "junk.json"),
    )
    assert bad.returncode == 2
    assert f"{tmp_path / 'junk.json'}: not a warm-start state" in bad.stderr
    wrong = run(str(tmp_path / "day1.parquet"), "--method", "majority", "--warm-start", str(state0))
    assert wrong.returncode == 2
    assert "--method dawid_skene" in wrong.stderr
