"""Incremental Dawid-Skene for a stream of daily batches: carry the sufficient statistics.

A fit saves what EM summed over all the data so far (``DawidSkene.warm_state()``):
each source's expected confusion counts, the label totals, the number of
objects, and each source's weighted agreement and n. The next day's fit on its
batch alone starts from those confusions (one E-step instead of majority vote)
and adds the saved counts to the batch's in every M-step, so a source's
confusions keep their history while only the batch's objects are re-estimated:
the cost is proportional to the batch, not to the history (incremental EM,
Neal & Hinton 1998, with the past objects' posteriors frozen). Reliability is
reported over the whole history (saved agreement plus the batch's).

The state is JSON keyed by source and label names, so batches may bring new
sources (they start with no counts) and drop old ones (kept as they were).
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

FORMAT = "scoring-warm-state/1"


@dataclass
class Aligned:
    """A saved state in the codes of the current batch's encoding."""

    both: npt.NDArray[np.float64]  # (S*K + 1, K): confusion counts [s, l] x k; label totals
    used: npt.NDArray[np.float64]  # (S, K) labels each source has used
    n_objects: int
    agree: npt.NDArray[np.float64]  # (S,) past agreement of the batch's sources
    n: npt.NDArray[np.float64]  # (S,) past weighted n
    # sources only in the past: names, agreement, n (kept in the reliability table)
    old_names: list[str]
    old_agree: npt.NDArray[np.float64]
    old_n: npt.NDArray[np.float64]


def state_dict(
    source_names: pd.Index,
    label_values: list[Any],
    both: npt.NDArray[np.float64],
    used: npt.NDArray[np.float64],
    n_objects: int,
    agree: npt.NDArray[np.float64],
    n: npt.NDArray[np.float64],
) -> dict[str, Any]:
    """The JSON-ready state (counts cumulated over every batch so far)."""
    k = len(label_values)
    counts = both[:-1].reshape(len(source_names), k, k)
    return {
        "format": FORMAT,
        "method": "dawid_skene",
        "labels": [str(v) for v in label_values],
        "n_objects": int(n_objects),
        "label_totals": [float(x) for x in both[-1]],
        "sources": {
            str(name): {
                "counts": np.round(counts[i], 9).tolist(),
                "used": [int(u) for u in used[i]],
                "agree": float(agree[i]),
                "n": float(n[i]),
            }
            for i, name in enumerate(source_names)
        },
    }


def save_state(state: dict[str, Any], path: str | Path) -> None:
    """Write the state as JSON via a temporary file (never half-written)."""
    from scoring.columnar import write_text_atomic

    write_text_atomic(json.dumps(state, separators=(",", ":")) + "\n", str(path))


def load_state(path: str | Path) -> dict[str, Any]:
    """Read a saved state; a file that is not one raises ``FrameError`` naming what is wrong."""
    try:
        state = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FrameError(f"not a warm-start state: {error}") from None
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise FrameError(f"not a warm-start state (expected format {FORMAT})")
    return state


def align(state: dict[str, Any], source_names: pd.Index, label_values: npt.NDArray[Any]) -> Aligned:
    """The saved counts in the current codes: sources by name, labels by ``label_key``."""
    k = len(label_values)
    n_src = len(source_names)
    here = {label_key(v): i for i, v in enumerate(label_values)}
    old_labels = [here.get(label_key(v), -1) for v in state["labels"]]
    old_idx = np.asarray(old_labels, dtype=np.int64)
    ok = old_idx >= 0
    both = np.zeros((n_src * k + 1, k))
    used = np.zeros((n_src, k))
    agree = np.zeros(n_src)
    n = np.zeros(n_src)
    names = {str(name): i for i, name in enumerate(source_names)}
    old_names: list[str] = []
    old_agree: list[float] = []
    old_n: list[float] = []
    try:
        totals = np.asarray(state["label_totals"], dtype=np.float64)
        both[-1, old_idx[ok]] = totals[ok]
        for name, rec in state["sources"].items():
            i = names.get(name)
            if i is None:
                old_names.append(name)
                old_agree.append(float(rec["agree"]))
                old_n.append(float(rec["n"]))
                continue
            counts = np.asarray(rec["counts"], dtype=np.float64)[np.ix_(ok, ok)]
            block = np.zeros((k, k))
            block[np.ix_(old_idx[ok], old_idx[ok])] = counts
            both[i * k : (i + 1) * k] = block
            used[i, old_idx[ok]] = np.asarray(rec["used"], dtype=np.float64)[ok]
            agree[i], n[i] = float(rec["agree"]), float(rec["n"])
        n_objects = int(state["n_objects"])
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise FrameError(f"not a warm-start state: bad entry ({error})") from None
    if not (math.isfinite(float(both.sum())) and (both >= 0).all()):
        raise FrameError("not a warm-start state: counts must be finite and >= 0")
    return Aligned(
        both, used, n_objects, agree, n, old_names, np.asarray(old_agree), np.asarray(old_n)
    )
