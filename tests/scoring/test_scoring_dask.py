"""``--engine dask``: the same truths and reliabilities as the in-memory estimators.

One local cluster of two worker processes for the module (the CLI test reaches it
by its address, as ``--scheduler`` reaches a real one)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from data_scale import crowd

from scoring import get_estimator
from scoring.engines import DASK_METHODS
from scoring.engines.dask_engine import fit_dask
from scoring.utils import FrameError

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    import logging

    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            silence_logs=logging.ERROR,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def assert_same_fit(memory: object, dask: object) -> None:
    tm = memory.truths_  # type: ignore[attr-defined]
    td = dask.truths_.reindex(tm.index)  # type: ignore[attr-defined]
    assert td.index.equals(tm.index)
    assert not td["value"].isna().any()
    assert (td["value"] == tm["value"]).all()
    np.testing.assert_allclose(td["confidence"], tm["confidence"], atol=1e-5)
    rm = memory.source_reliability_  # type: ignore[attr-defined]
    rd = dask.source_reliability_.reindex(rm.index)  # type: ignore[attr-defined]
    for col in ("reliability", "ci_low", "ci_high", "n"):
        np.testing.assert_allclose(rd[col], rm[col], atol=1e-6, rtol=0)
    assert (rd["grade"] == rm["grade"]).all()
    assert dask.n_iter_ == memory.n_iter_  # type: ignore[attr-defined]


@pytest.mark.parametrize("method", DASK_METHODS)
def test_dask_equals_memory(client: object, method: str) -> None:
    frame, _ = crowd(6000, 600, 40, seed=1)
    memory = get_estimator(method).fit(frame)
    dask = fit_dask(frame, method, client=client, npartitions=3)
    assert_same_fit(memory, dask)
    assert dask.engine_ == "dask"


@pytest.mark.parametrize("method", ["dawid_skene", "crh"])
def test_dask_on_a_parquet_folder_with_weights(client: object, method: str, tmp_path: Path) -> None:
    frame, _ = crowd(4000, 500, 30, seed=2, text=False)
    frame["weight"] = np.where(np.arange(len(frame)) % 5 == 0, 0.5, 1.0)
    frame.loc[7, "weight"] = 0.0  # adds no vote
    for i, part in enumerate(np.array_split(np.arange(len(frame)), 4)):
        frame.iloc[part].to_parquet(tmp_path / f"part-{i}.parquet", index=False)
    memory = get_estimator(method).fit(frame)
    dask = fit_dask(str(tmp_path), method, client=client, npartitions=3)
    assert_same_fit(memory, dask)


def test_dask_refuses_figures_and_names_the_empty_row(client: object) -> None:
    figures = pd.DataFrame({"source": ["a", "b", "c"], "object": ["x"] * 3, "value": [26, 27, 260]})
    with pytest.raises(FrameError, match="figures"):
        fit_dask(figures, "crh", client=client)
    frame, _ = crowd(300, 30, 5, seed=4)
    frame.loc[250, "object"] = None
    with pytest.raises(FrameError, match="empty object") as error:
        fit_dask(frame, "majority", client=client, npartitions=3)
    assert error.value.row == 250


def test_cli_with_scheduler_address_equals_memory(client: object, tmp_path: Path) -> None:
    frame, _gold = crowd(3000, 300, 25, seed=5)
    folder = tmp_path / "assertions"
    folder.mkdir()
    for i, part in enumerate(np.array_split(np.arange(len(frame)), 2)):
        frame.iloc[part].to_parquet(folder / f"part-{i}.parquet", index=False)
    address = client.scheduler.address  # type: ignore[attr-defined]

    def score(*extra: str) -> pd.DataFrame:
        done = subprocess.run(
            [sys.executable, "-m", "scoring", str(folder), "--method", "dawid_skene", *extra],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        return pd.read_csv(StringIO(done.stdout)).set_index("source")

    on_dask = score("--engine", "dask", "--scheduler", address)
    in_memory = score()
    np.testing.assert_allclose(
        on_dask["reliability"].reindex(in_memory.index), in_memory["reliability"], atol=1e-6
    )
    bad = subprocess.run(
        [sys.executable, "-m", "scoring", str(folder), "--engine", "dask", "--method", "glad"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert bad.returncode == 2
    assert "--engine dask runs" in bad.stderr
