"""``--engine dask``: majority, one_coin, dawid_skene and crh on a Dask cluster.

The assertions (a Parquet dataset: a folder of files, or a pandas/Dask frame)
are surveyed once in file order for the global codes (sources, labels: the same
order the in-memory encoding gives them, so ties break alike), then shuffled by
object so that every object's assertions sit in one partition. Each worker keeps
its partitions encoded in memory; every EM (or reweighting) round sends the
small global parameters out (confusion tables, accuracies, weights: O(sources x
labels^2)) and sums the per-partition statistics on the client. No worker and
not the client ever holds the whole dataset; the client holds per-source and
per-label arrays, and at the end the truths table.

Scope: categorical values (labels), no known truths, no ``kind`` pooling;
spellings that one label joins ("Yes", "yes") are written as first seen.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from scoring import get_estimator
from scoring.base import TruthEstimator
from scoring.crh import source_weights
from scoring.dawid_skene import DawidSkene
from scoring.engines import DASK_METHODS
from scoring.engines import partition_steps as steps
from scoring.engines.partition import Vocabulary, ordered_uniques, vocabulary
from scoring.one_coin import OneCoin
from scoring.utils import (
    MAX_LABELS_FOR_CATEGORICAL_TEXT,
    REQUIRED_COLUMNS,
    FrameError,
    _are_codes,
    _label_kind,
    _numbers,
)


def _survey(frame: pd.DataFrame) -> dict[str, Any]:
    """One partition, in file order: its size, first bad rows, distinct sources and values."""
    out: dict[str, Any] = {"rows": len(frame), "bad": {}}
    for col in REQUIRED_COLUMNS:
        bad = frame[col].isna().to_numpy()
        if frame[col].dtype == object:
            text = frame[col].astype("string")
            bad |= (text.str.strip() == "").fillna(False).to_numpy(bool)
        if bad.any():
            out["bad"][col] = int(np.flatnonzero(bad)[0])
    w = None
    if "weight" in frame:
        w = pd.to_numeric(frame["weight"], errors="coerce").to_numpy(np.float64)
        bad = ~np.isfinite(w) | (w < 0)
        if bad.any():
            out["bad"]["weight"] = int(np.flatnonzero(bad)[0])
    out["sources"] = pd.unique(frame["source"].to_numpy())
    kept = frame["value"].to_numpy() if w is None else frame["value"].to_numpy()[w > 0]
    out["values"] = pd.unique(kept)
    out["kept"] = len(kept)
    return out


def _check_labels(values: pd.Index, value_type: str, max_labels: int) -> None:
    """The Dask engine scores labels; refuse what memory would treat as figures or text."""
    if value_type not in ("auto", "categorical"):
        raise FrameError(f"the dask engine scores categorical values, not value_type={value_type}")
    if value_type == "categorical":
        return
    nums = _numbers(values)
    has_num = ~np.isnan(nums)
    if has_num.any() and not _are_codes(nums[has_num]):
        raise FrameError(
            "the dask engine scores labels; these values look like figures "
            "(score them in memory, or pass value_type='categorical')"
        )
    if not has_num.all() and _label_kind(values) == "text":
        raise FrameError(
            f"the dask engine scores labels (at most {MAX_LABELS_FOR_CATEGORICAL_TEXT} short "
            f"ones); found {len(values)} distinct values"
        )
    if len(values) < 1 or len(values) > max_labels:
        raise FrameError(f"the dask engine needs 1 to {max_labels} labels, found {len(values)}")


def _load(data: Any, npartitions: int | None) -> Any:
    import dask.dataframe as dd

    if isinstance(data, pd.DataFrame):
        ddf = dd.from_pandas(data, npartitions=npartitions or 4, sort=False)
    elif isinstance(data, dd.DataFrame):
        ddf = data
    else:
        ddf = dd.read_parquet(str(data))
    ddf = ddf.rename(columns={c: str(c).strip().lower() for c in ddf.columns})
    missing = [c for c in REQUIRED_COLUMNS if c not in ddf.columns]
    if missing:
        raise FrameError(f"missing column(s): {', '.join(missing)}; need source, object, value")
    keep = [c for c in (*REQUIRED_COLUMNS, "weight") if c in ddf.columns]
    return ddf[keep]


def fit_dask(
    data: Any,
    method: str = "dawid_skene",
    *,
    client: Any = None,
    scheduler: str | None = None,
    n_workers: int = 2,
    npartitions: int | None = None,
    value_type: str = "auto",
    **params: Any,
) -> TruthEstimator:
    """Fit ``method`` on a Dask cluster; returns the fitted in-memory estimator class.

    ``client``: a ``distributed.Client``; else ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``); else a local cluster of ``n_workers`` processes.
    ``data``: a Parquet file or folder, or a pandas/Dask frame.
    """
    from distributed import Client, LocalCluster

    if method not in DASK_METHODS:
        raise ValueError(f"the dask engine runs {', '.join(DASK_METHODS)}, not {method!r}")
    est = get_estimator(method, value_type=value_type, **params)
    est._forget()
    est._check_params()
    if client is not None:
        return _fit(est, data, client, npartitions, value_type)
    if scheduler:
        with Client(scheduler) as remote:
            return _fit(est, data, remote, npartitions, value_type)
    with (
        LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as local,
    ):
        return _fit(est, data, local, npartitions, value_type)


def _fit(
    est: TruthEstimator, data: Any, client: Any, npartitions: int | None, value_type: str
) -> TruthEstimator:
    from dask.delayed import delayed

    ddf = _load(data, npartitions)
    surveys = client.gather(client.compute([delayed(_survey)(p) for p in ddf.to_delayed()]))
    offset = 0
    for part in surveys:
        for col, row in part["bad"].items():
            what = f"empty {col}" if col != "weight" else "weight must be a finite number >= 0"
            raise FrameError(what, row=offset + row)
        offset += part["rows"]
    n_rows = sum(p["rows"] for p in surveys)
    n_kept = sum(p["kept"] for p in surveys)
    if n_kept == 0:
        raise FrameError("no assertion with a positive weight: nothing to score")
    sources = ordered_uniques([p["sources"] for p in surveys], n_rows)
    values = ordered_uniques([p["values"] for p in surveys], n_kept)
    _check_labels(values, value_type, int(getattr(est, "max_labels", 50)))
    vocab = vocabulary(sources, values)
    if isinstance(est, DawidSkene) and (est.pooled_prior != 0 or vocab.n_labels < 2):
        raise FrameError("the dask engine's dawid_skene needs >= 2 labels and no pooled prior")
    if isinstance(est, OneCoin) and est.pooling is not None:
        raise FrameError("the dask engine's one_coin has no pooling")
    # every object's assertions in one partition: E-steps stay local
    shuffled = ddf.shuffle(on="object", npartitions=npartitions or ddf.npartitions)
    vocab_f = client.scatter(vocab, broadcast=True)
    est_f = client.scatter(est, broadcast=True)
    states = client.compute(
        [delayed(steps.start)(p, vocab_f, est_f) for p in shuffled.to_delayed()]
    )
    first = _sum_stats(client, states)
    runner = _Rounds(client, states, est_f)
    if est.name == "majority":
        trust = np.divide(
            first["trust_sum"],
            first["n_s"],
            out=np.full(len(sources), np.nan),
            where=first["n_s"] > 0,
        )
        return _publish(est, runner, vocab, trust, [])
    if est.name == "crh":
        return _crh(est, runner, vocab, first)
    if est.name == "one_coin":
        assert isinstance(est, OneCoin)
        return _one_coin(est, runner, vocab, first)
    assert isinstance(est, DawidSkene)
    return _dawid_skene(est, runner, vocab, first)


class _Rounds:
    """The partitions on the workers, and one round of :func:`partition_steps.step`."""

    def __init__(self, client: Any, states: list[Any], est_f: Any) -> None:
        self.client, self.states, self.est_f = client, states, est_f
        self.count = 0

    def run(self, params: dict[str, Any]) -> dict[str, Any]:
        self.count += 1
        # a list, not the dict itself: scatter would make a future of every entry
        (params_f,) = self.client.scatter([params], broadcast=True, hash=False)
        self.states = [
            self.client.submit(steps.step, s, self.est_f, params_f, pure=False) for s in self.states
        ]
        return _sum_stats(self.client, self.states)

    def finish(self, commit: bool = False) -> list[Any]:
        futures = [
            self.client.submit(steps.finish, s, self.est_f, commit, pure=False) for s in self.states
        ]
        return [r for r in self.client.gather(futures) if r is not None]


def _sum_stats(client: Any, states: list[Any]) -> dict[str, Any]:
    """Sum the partitions' statistics (``n_obj``, counts and arrays alike)."""
    parts = [p for p in client.gather([client.submit(steps.stats_of, s) for s in states]) if p]
    total: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            total[key] = total[key] + value if key in total else value
    return total


def _publish(
    est: TruthEstimator,
    runner: _Rounds,
    vocab: Vocabulary,
    trust: Any,
    history: list[float],
    commit: bool = False,
) -> TruthEstimator:
    results = runner.finish(commit)
    truths = pd.concat([r[0] for r in results])
    agree = np.sum([r[1] for r in results], axis=0)
    n_all = np.sum([r[2] for r in results], axis=0)
    est._publish(truths, vocab.source_names, agree, n_all, trust, "categorical", history)
    est.engine_ = "dask"  # type: ignore[attr-defined]
    est.rounds_ = runner.count  # type: ignore[attr-defined]
    return est


def _crh(est: Any, runner: _Rounds, vocab: Vocabulary, first: dict[str, Any]) -> TruthEstimator:
    """CRH's categorical branch (scoring.crh), its per-source losses summed over partitions."""
    from scoring.base import relative_change

    n_s = first["n_s"]
    weight = np.ones(len(vocab.source_names))
    history: list[float] = []
    for _ in range(est.n_iter):
        stats = runner.run({"weight": weight})
        total = n_s - stats["hit_w"]
        mean_loss = float(total.sum() / n_s.sum())
        new_weight = source_weights(total, n_s, mean_loss, est.smoothing)
        change = relative_change(weight, new_weight)
        weight = new_weight
        history.append(float(total @ weight))
        if change < est.tol:
            break
    return _publish(est, runner, vocab, weight, history)


def _one_coin(
    est: OneCoin, runner: _Rounds, vocab: Vocabulary, first: dict[str, Any]
) -> TruthEstimator:
    """One-coin EM (scoring.one_coin): hits and label masses summed over partitions."""
    n_s, const = first["n_s"], first["const"]
    acc = est._accuracy(first["hits"], n_s)
    lab_mass = first["lab_mass"]
    smooth = 0.0 if est.label_prior is None else float(est.label_prior)
    use_prior = est.label_prior is not None and vocab.n_labels >= 2
    n_lab = max(vocab.n_labels, 1)
    history: list[float] = []
    for _ in range(est.n_iter):
        kpi = None
        if use_prior:
            kpi = n_lab * (lab_mass + smooth) / (lab_mass.sum() + n_lab * smooth)
        stats = runner.run({"acc": acc, "kpi": kpi})
        loglik = float(n_s @ np.log1p(-acc) + stats["log_z"] + const)
        acc = est._accuracy(stats["hits"], n_s)
        lab_mass = stats["lab_mass"]
        history.append(-loglik)
        if len(history) > 1 and abs(history[-2] - history[-1]) <= est.tol * abs(history[-1]):
            break
    return _publish(est, runner, vocab, acc, history)


def _dawid_skene(
    est: DawidSkene, runner: _Rounds, vocab: Vocabulary, first: dict[str, Any]
) -> TruthEstimator:
    """Dawid-Skene EM (scoring.dawid_skene._em): M.T @ T summed over partitions."""
    k = vocab.n_labels
    n_src = len(vocab.source_names)
    n_obj, total_w = first["n_obj"], max(first["total_w"], 1e-300)
    used = (first["used"] > 0).reshape(n_src, k) * 1.0
    both = first["both"]
    history: list[float] = []
    elbo_prev = -np.inf
    accepted = False  # whether the last round's posteriors were kept
    table = None
    for i in range(est.n_iter):
        table = est._m_step_from_counts(both, n_obj, n_src, k, used)
        need = est.stop == "elbo" and i >= 1
        stats = runner.run({"table": table, "commit": i > 0, "need": need})
        elbo = stats["elbo"] / total_w
        if est.stop == "elbo" and i >= 2 and elbo - elbo_prev < est.tol:
            accepted = False
            break
        accepted = True
        elbo_prev = elbo
        both = stats["both"]
        history.append(-stats["loglik"])
        if (
            est.stop == "likelihood"
            and len(history) > 1
            and abs(history[-2] - history[-1]) <= est.tol * abs(history[-1])
        ):
            break
    assert table is not None
    pi = np.exp(table[:-1], dtype=np.float64).reshape(n_src, k, k)
    prior_k = np.exp(table[-1], dtype=np.float64)
    trust = np.einsum("skk,k->s", pi, prior_k)
    est.confusion_ = pi.transpose(0, 2, 1)
    est.label_prior_ = prior_k
    est.fallback_ = ""
    return _publish(est, runner, vocab, trust, history, commit=accepted)
