"""Incremental Dawid-Skene for a stream of daily batches: carry the sufficient statistics.

A fit saves what EM summed over all the data so far (``DawidSkene.warm_state()``):
each source's expected confusion counts, the label totals, the number of
objects, and each source's weighted agreement and n; apart, the same sums for
the last batch alone, and the last batch's assertions themselves.

The next day's fit re-estimates the last batch together with the new one and
adds the counts of every earlier batch, frozen, in each M-step. So the cost is
about two batches, never the history (incremental EM, Neal & Hinton 1998, with
the posteriors of all but the last batch frozen). Re-estimating the last batch
halves the gap to a full refit: its objects' posteriors were learnt when their
sources had been seen for one day less. EM starts from majority vote over the
fitted batches, as a refit does: started from the saved confusions it runs on
past the early stop that regularises Dawid-Skene (scoring.dawid_skene) and
ends 0.55 accuracy points under a refit on the second day. Reliability is
reported over the whole history (saved agreement plus the fit's).

On disk the state is JSON (``STATE.json``) beside a Parquet file of the last
batch's assertions (``STATE.batch.parquet``). Without that file the state
still works, with every past batch frozen. The JSON is keyed by source and
label names, so batches may bring new sources (they start with no counts) and
drop old ones (kept as they were).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from scoring.utils import FrameError, label_key

FORMAT = "scoring-warm-state/2"
READS = ("scoring-warm-state/1", FORMAT)  # /1: no last batch (every past batch frozen)
BATCH_COLUMNS = ("source", "object", "value", "weight")


@dataclass
class Aligned:
    """The frozen part of a saved state, in the codes of the current fit's encoding.

    When the state brings its last batch (``revisit``), that batch is fitted again
    and its own sums are taken out of the frozen part."""

    both: npt.NDArray[np.float64]  # (S*K + 1, K): confusion counts [s, l] x k; label totals
    used: npt.NDArray[np.float64]  # (S, K) labels each source has used
    n_objects: int
    agree: npt.NDArray[np.float64]  # (S,) past agreement of the fit's sources
    n: npt.NDArray[np.float64]  # (S,) past weighted n
    # sources only in the past: names, agreement, n (kept in the reliability table)
    old_names: list[str]
    old_agree: npt.NDArray[np.float64]
    old_n: npt.NDArray[np.float64]


@dataclass
class Sums:
    """What EM summed for a set of objects, per source of the fit's encoding."""

    both: npt.NDArray[np.float64]  # (S*K + 1, K) as in ``Aligned``
    n_objects: int
    agree: npt.NDArray[np.float64]  # (S,)
    n: npt.NDArray[np.float64]  # (S,)


def state_dict(
    source_names: pd.Index,
    label_values: list[Any],
    used: npt.NDArray[np.float64],
    total: Sums,
    last: Sums,
    batch: pd.DataFrame | None,
) -> dict[str, Any]:
    """The state: ``total`` over every batch so far, ``last`` over the last batch alone,
    and ``batch`` (kept as a frame in memory; ``save_state`` writes it beside the JSON)."""
    k = len(label_values)
    n_src = len(source_names)
    counts = total.both[:-1].reshape(n_src, k, k)
    last_counts = last.both[:-1].reshape(n_src, k, k)
    return {
        "format": FORMAT,
        "method": "dawid_skene",
        "labels": [str(v) for v in label_values],
        "n_objects": int(total.n_objects),
        "label_totals": [float(x) for x in total.both[-1]],
        "sources": {
            str(name): {
                "counts": np.round(counts[i], 9).tolist(),
                "used": [int(u) for u in used[i]],
                "agree": float(total.agree[i]),
                "n": float(total.n[i]),
            }
            for i, name in enumerate(source_names)
        },
        "last": {
            "n_objects": int(last.n_objects),
            "label_totals": [float(x) for x in last.both[-1]],
            "sources": {
                str(name): {
                    "counts": np.round(last_counts[i], 9).tolist(),
                    "agree": float(last.agree[i]),
                    "n": float(last.n[i]),
                }
                for i, name in enumerate(source_names)
                if last.n[i] > 0 or last_counts[i].any()
            },
        },
        "batch": batch,
    }


def batch_path(path: str | Path) -> Path:
    """Where the last batch's assertions go beside ``STATE.json``: ``STATE.batch.parquet``."""
    path = Path(path)
    return path.with_name(f"{path.stem if path.suffix else path.name}.batch.parquet")


def save_state(state: dict[str, Any], path: str | Path) -> None:
    """Write the state as JSON, its last batch as Parquet beside it; never half-written
    (the batch first, each via a temporary file renamed into place)."""
    from scoring.columnar import write_frame_atomic, write_text_atomic

    doc = dict(state)
    batch = doc.pop("batch", None)
    doc.pop("batch_missing", None)
    if isinstance(batch, pd.DataFrame):
        target = batch_path(path)
        write_frame_atomic(batch.reset_index(drop=True), str(target))
        doc["batch"] = target.name
    write_text_atomic(json.dumps(doc, separators=(",", ":")) + "\n", str(path))


def load_state(path: str | Path) -> dict[str, Any]:
    """Read a saved state and its last batch; a file that is not one raises ``FrameError``.

    A missing batch file is not an error: the state then says ``batch_missing`` (its
    name) and the next fit freezes every past batch, as format 1 did."""
    path = Path(path)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FrameError(f"not a warm-start state: {error}") from None
    if not isinstance(state, dict) or state.get("format") not in READS:
        raise FrameError(f"not a warm-start state (expected format {FORMAT})")
    name = state.pop("batch", None)
    state["batch"] = None
    if isinstance(name, str):
        target = path.parent / Path(name).name  # beside the JSON, never elsewhere
        if not target.is_file():
            state["batch_missing"] = str(target)
        else:
            try:
                frame = pd.read_parquet(target)
            except (OSError, ValueError) as error:
                raise FrameError(f"its last batch {target}: {error}") from None
            missing = [c for c in BATCH_COLUMNS if c not in frame.columns]
            if missing:
                raise FrameError(f"its last batch {target}: missing column(s) {missing}")
            state["batch"] = frame
    return state


def align(state: dict[str, Any], source_names: pd.Index, label_values: npt.NDArray[Any]) -> Aligned:
    """The frozen counts in the current codes: sources by name, labels by ``label_key``.

    With the last batch in the state (refitted now), its sums are taken out."""
    k = len(label_values)
    n_src = len(source_names)
    here = {label_key(v): i for i, v in enumerate(label_values)}
    old_idx = np.asarray([here.get(label_key(v), -1) for v in state["labels"]], dtype=np.int64)
    ok = old_idx >= 0
    both = np.zeros((n_src * k + 1, k))
    used = np.zeros((n_src, k))
    agree = np.zeros(n_src)
    n = np.zeros(n_src)
    names = {str(name): i for i, name in enumerate(source_names)}
    old_names: list[str] = []
    old_agree: list[float] = []
    old_n: list[float] = []

    def block(counts: Any) -> npt.NDArray[np.float64]:
        out = np.zeros((k, k))
        out[np.ix_(old_idx[ok], old_idx[ok])] = np.asarray(counts, dtype=np.float64)[np.ix_(ok, ok)]
        return out

    try:
        totals = np.asarray(state["label_totals"], dtype=np.float64)
        both[-1, old_idx[ok]] = totals[ok]
        n_objects = int(state["n_objects"])
        for name, rec in state["sources"].items():
            i = names.get(name)
            if i is None:
                old_names.append(name)
                old_agree.append(float(rec["agree"]))
                old_n.append(float(rec["n"]))
                continue
            both[i * k : (i + 1) * k] = block(rec["counts"])
            used[i, old_idx[ok]] = np.asarray(rec["used"], dtype=np.float64)[ok]
            agree[i], n[i] = float(rec["agree"]), float(rec["n"])
        if state.get("batch") is not None:  # the last batch is fitted again: not frozen
            last = state["last"]
            both[-1, old_idx[ok]] -= np.asarray(last["label_totals"], dtype=np.float64)[ok]
            n_objects -= int(last["n_objects"])
            for name, rec in last["sources"].items():
                i = names.get(name)
                if i is None:  # cannot happen: the batch's sources are in the fit
                    continue
                both[i * k : (i + 1) * k] -= block(rec["counts"])
                agree[i] -= float(rec["agree"])
                n[i] -= float(rec["n"])
            # what is left is a difference of float sums: nothing below zero
            np.maximum(both, 0.0, out=both)
            np.maximum(agree, 0.0, out=agree)
            np.maximum(n, 0.0, out=n)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
        raise FrameError(f"not a warm-start state: bad entry ({error})") from None
    if not (math.isfinite(float(both.sum())) and (both >= 0).all()):
        raise FrameError("not a warm-start state: counts must be finite and >= 0")
    return Aligned(
        both, used, max(n_objects, 0), agree, n, old_names, np.asarray(old_agree),
        np.asarray(old_n),
    )  # fmt: skip
