"""Seeded crowd data for the scale tests: labels from sources of known accuracy."""

from __future__ import annotations

import numpy as np
import pandas as pd

LABELS = np.array(["yes", "no", "unclear"])


def crowd(
    n: int = 6000,
    n_objects: int = 600,
    n_sources: int = 40,
    seed: int = 0,
    first_object: int = 0,
    text: bool = True,
) -> tuple[pd.DataFrame, pd.Series]:
    """``n`` assertions (source, object, value) and the generator's truth per object.

    Source accuracies are fixed by source (same in every seed), so daily batches
    (``first_object``) come from the same population."""
    rng = np.random.default_rng(seed)
    accuracy = np.random.default_rng(99).uniform(0.35, 0.95, n_sources)
    obj = rng.integers(0, n_objects, n)
    src = rng.integers(0, n_sources, n)
    truth = rng.integers(0, len(LABELS), n_objects)
    right = rng.random(n) < accuracy[src]
    value = np.where(right, truth[obj], (truth[obj] + rng.integers(1, len(LABELS), n)) % 3)
    obj = obj + first_object
    if not text:
        frame = pd.DataFrame({"source": src, "object": obj, "value": value.astype(np.int8)})
        gold = pd.Series(truth, index=np.arange(n_objects) + first_object)
        return frame, gold
    frame = pd.DataFrame(
        {
            "source": [f"s{i:02d}" for i in src],
            "object": [f"q{i}" for i in obj],
            "value": LABELS[value],
        }
    )
    gold = pd.Series(
        LABELS[truth], index=[f"q{i}" for i in range(first_object, first_object + n_objects)]
    )
    return frame, gold
