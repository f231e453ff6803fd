"""Candidate pairs without comparing everything with everything.

Claims are put into blocks by inverted indexes on (place, week), (actor, week),
(rare word, week) and (report); only claims sharing a block are compared. A
block larger than ``cap`` is not compared all-pairs: its claims are sorted by
their words and each is compared with its ``window`` next neighbours (sorted
neighbourhood), so the number of pairs grows with the number of claims, not with
its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

from workbench.events.features import ClaimFeatures

WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class BlockingLimits:
    """Caps that keep the work linear in the number of claims."""

    cap: int = 24  # blocks up to this size are compared all-pairs
    window: int = 6  # neighbours compared in larger blocks
    rare_words: int = 2  # rarest shared words used as keys per claim
    max_keys_per_kind: int = 3  # places/actors used per claim


DEFAULT_LIMITS = BlockingLimits()


def _weeks(feature: ClaimFeatures) -> range:
    if feature.window is None:
        return range(-1, 0)
    return range(feature.window[0] // WEEK_DAYS, feature.window[1] // WEEK_DAYS + 1)


def block_keys(
    features: Sequence[ClaimFeatures], limits: BlockingLimits = DEFAULT_LIMITS
) -> dict[Hashable, list[int]]:
    """Inverted index: block key -> indexes of the claims in that block."""
    frequency: Counter[str] = Counter()
    for feature in features:
        frequency.update(feature.tokens)
    blocks: dict[Hashable, list[int]] = defaultdict(list)
    for feature in features:
        index = feature.index
        blocks[("report", feature.report_id)].append(index)
        weeks = _weeks(feature)
        places = sorted(feature.places)[: limits.max_keys_per_kind]
        actors = sorted(feature.actors)[: limits.max_keys_per_kind]
        # Rarest words that some other claim also uses: distinctive, yet able to match.
        rare = sorted(
            (word for word in feature.tokens if frequency[word] > 1 and not word.isdigit()),
            key=lambda word: (frequency[word], word),
        )[: limits.rare_words]
        for week in weeks:
            for place in places:
                blocks[("place", place, week)].append(index)
            for actor in actors:
                blocks[("actor", actor, week)].append(index)
            for word in rare:
                blocks[("word", word, week)].append(index)
    return blocks


def candidate_pairs(
    features: Sequence[ClaimFeatures], limits: BlockingLimits = DEFAULT_LIMITS
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Unique candidate pairs (i < j) as two index arrays."""
    n = len(features)
    chunks: list[npt.NDArray[np.int64]] = []
    buffer: list[int] = []
    for members in block_keys(features, limits).values():
        size = len(members)
        if size < 2:
            continue
        if size <= limits.cap:
            buffer.extend(_encode(i, j, n) for i, j in combinations(members, 2))
        else:
            ordered = sorted(members, key=lambda index: features[index].words)
            for offset in range(1, limits.window + 1):
                buffer.extend(
                    _encode(a, b, n) for a, b in zip(ordered, ordered[offset:], strict=False)
                )
        if len(buffer) > 1_000_000:
            chunks.append(np.unique(np.fromiter(buffer, dtype=np.int64, count=len(buffer))))
            buffer.clear()
    if buffer:
        chunks.append(np.fromiter(buffer, dtype=np.int64, count=len(buffer)))
    if not chunks:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty.copy()
    codes = np.unique(np.concatenate(chunks))
    return codes // n, codes % n


def _encode(i: int, j: int, n: int) -> int:
    return i * n + j if i < j else j * n + i
