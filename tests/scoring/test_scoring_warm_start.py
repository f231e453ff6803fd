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
from scoring.utils import FrameError, validate_frame
from scoring.warm_start import BATCH_COLUMNS, load_state, save_state

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


def test_the_last_batch_is_fitted_again_and_the_earlier_ones_frozen() -> None:
    days = [day(d)[0] for d in range(3)]
    state = DawidSkene().fit(days[0]).warm_state()
    pd.testing.assert_frame_equal(state["batch"], validate_frame(days[0])[list(BATCH_COLUMNS)])
    assert state["last"]["n_objects"] == state["n_objects"] == days[0]["object"].nunique()
    second = DawidSkene(warm_start=state).fit(days[1])
    # day 0 was fitted again with day 1: the same fit as a refit on both days
    refit = DawidSkene().fit(pd.concat(days[:2], ignore_index=True))
    pd.testing.assert_series_equal(
        second.truths_["value"], refit.truths_["value"].reindex(second.truths_.index)
    )
    rel = second.source_reliability_
    ref = refit.source_reliability_.reindex(rel.index)
    np.testing.assert_allclose(rel["reliability"], ref["reliability"], atol=1e-6)
    # the saved sums split: day 0 now frozen, day 1 the last batch
    after = second.warm_state()
    assert after["last"]["n_objects"] == days[1]["object"].nunique()
    assert after["n_objects"] == pd.concat(days[:2])["object"].nunique()
    last_n = sum(rec["n"] for rec in after["last"]["sources"].values())
    assert last_n == pytest.approx(len(days[1]))
    # without its last batch a state freezes every past batch: another fit
    frozen = DawidSkene(warm_start={**state, "batch": None}).fit(days[1])
    assert not frozen.source_reliability_["reliability"].equals(rel["reliability"])
    assert frozen.source_reliability_["n"].sum() == pytest.approx(len(days[0]) + len(days[1]))


def test_state_file_round_trip_and_errors(tmp_path: Path) -> None:
    state = DawidSkene().fit(day(0)[0]).warm_state()
    save_state(state, tmp_path / "s.json")
    assert (tmp_path / "s.batch.parquet").is_file()
    loaded = load_state(tmp_path / "s.json")
    pd.testing.assert_frame_equal(loaded.pop("batch"), state["batch"])
    on_disk = {k: v for k, v in state.items() if k != "batch"}
    assert loaded == json.loads(json.dumps(on_disk))
    (tmp_path / "s.batch.parquet").unlink()  # a lost batch file: the state still loads
    lost = load_state(tmp_path / "s.json")
    assert lost["batch"] is None
    assert lost["batch_missing"] == str(tmp_path / "s.batch.parquet")
    (tmp_path / "bad.json").write_text('{"format": "other"}')
    with pytest.raises(FrameError, match="not a warm-start state"):
        load_state(tmp_path / "bad.json")
    pd.DataFrame({"x": [1]}).to_parquet(tmp_path / "s.batch.parquet")
    with pytest.raises(FrameError, match=r"its last batch .*missing column"):
        load_state(tmp_path / "s.json")


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
    assert "missing" not in second.stderr
    assert (tmp_path / "state1.batch.parquet").is_file()
    table = pd.read_csv(StringIO(second.stdout))
    assert table["n"].sum() == 16000  # both days
    objects = pd.concat([day(0)[0], day(1)[0]])["object"].nunique()
    assert json.loads(state1.read_text())["n_objects"] == objects
    (tmp_path / "state1.batch.parquet").unlink()
    frozen = run(
        str(tmp_path / "day1.parquet"), "--method", "dawid_skene", "--warm-start", str(state1)
    )
    assert frozen.returncode == 0, frozen.stderr
    assert f"its last batch {tmp_path / 'state1.batch.parquet'} is missing" in frozen.stderr
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


def test_workbench_score_carries_the_state_from_day_to_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main as workbench_main

    for d in range(2):
        day(d)[0].to_parquet(tmp_path / f"day{d}.parquet", index=False)
    state = tmp_path / "state.json"
    base = ["score", "--method", "dawid_skene", "--state-out", str(state)]
    assert workbench_main([*base[:1], str(tmp_path / "day0.parquet"), *base[1:]]) == 0
    assert (tmp_path / "state.batch.parquet").is_file()
    capsys.readouterr()
    args = [str(tmp_path / "day1.parquet"), *base[1:], "--warm-start", str(state)]
    assert workbench_main(["score", *args]) == 0
    table = pd.read_csv(StringIO(capsys.readouterr().out))
    assert table["n"].sum() == 16000  # both days
    # the state now holds the second day as its last batch
    assert load_state(state)["batch"]["object"].isin(day(1)[0]["object"]).all()
