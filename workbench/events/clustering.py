"""Claims into groups: strongest links first, with guards against chaining.

Plain connected components over links chain unrelated happenings together
(A~B, B~C, so A and C merge though they share nothing). Each merge is therefore
checked at the group level: the groups' dated claims must be able to fall on
one day range, and a small core of each group must still look like the other
(no veto, mean score above ``guard``). The checks touch a bounded number of
claims, so clustering stays linear.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from workbench.events.features import ClaimFeatures, Window
from workbench.events.similarity import DEFAULT_WEIGHTS, VETO, Weights, score

CORE_SIZE = 3


class _Groups:
    """Union-find that also keeps each group's explicit day range and its core claims."""

    def __init__(self, features: Sequence[ClaimFeatures]) -> None:
        self.parent = list(range(len(features)))
        self.size = [1] * len(features)
        self.window: list[Window | None] = [f.window if f.explicit_date else None for f in features]
        self.core: list[list[int]] = [[f.index] for f in features]

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        self.window[a] = _intersect(self.window[a], self.window[b])
        self.core[a] = (self.core[a] + self.core[b])[:CORE_SIZE]


def _intersect(a: Window | None, b: Window | None) -> Window | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a[0], b[0]), min(a[1], b[1])


def _windows_meet(a: Window | None, b: Window | None, slack: int) -> bool:
    if a is None or b is None:
        return True
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def cluster(
    features: Sequence[ClaimFeatures],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[list[int]]:
    """Groups of claim indexes, from scored candidate pairs."""
    groups = _Groups(features)
    keep = scores >= weights.threshold
    left, right, scores = left[keep], right[keep], scores[keep]
    # Strongest first; ties broken by index so the result is deterministic.
    order = np.lexsort((right, left, -scores))
    for position in order:
        a, b = groups.find(int(left[position])), groups.find(int(right[position]))
        if a == b:
            continue
        if not _windows_meet(groups.window[a], groups.window[b], weights.date_slack_days):
            continue
        if (groups.size[a] > 1 or groups.size[b] > 1) and not _cores_agree(
            features, groups.core[a], groups.core[b], weights
        ):
            continue
        groups.union(a, b)
    members: dict[int, list[int]] = {}
    for index in range(len(features)):
        members.setdefault(groups.find(index), []).append(index)
    return list(members.values())


def _cores_agree(
    features: Sequence[ClaimFeatures], core_a: list[int], core_b: list[int], weights: Weights
) -> bool:
    total = 0.0
    count = 0
    for a in core_a:
        for b in core_b:
            value = score(features[a], features[b], weights)
            if value == VETO:
                return False
            total += value
            count += 1
    return total / count >= weights.guard
