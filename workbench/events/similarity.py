"""How likely two claims describe the same happening: words, places, actors, dates, figures.

Text similarity (rapidfuzz) alone misses paraphrases and merges look-alike
reports of different fights, so it is one signal among several. Two hard vetoes
keep happenings apart whatever the words say: different specific places, and
dates that cannot coincide.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from models import Modality
from workbench.events.features import ClaimFeatures

VETO = -1.0


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the signals (they sum to 1) and the linking thresholds.

    Tuned on the Palmyra seed and the invented multi-outlet corpus in
    tests/events/data/; see tests/events/test_seed.py for what they must keep true.
    """

    text: float = 0.30
    place: float = 0.20
    actor: float = 0.15
    date: float = 0.10
    figures: float = 0.05
    proximity: float = 0.20
    threshold: float = 0.50  # link two claims at or above this score
    guard: float = 0.42  # mean score a merge must keep between the two groups' cores
    date_slack_days: int = 0  # "yesterday", "last night" already span two days
    hoped_penalty: float = 0.60  # a hope or prediction beside a report of fact


DEFAULT_WEIGHTS = Weights()

_FUTURE = frozenset({Modality.PREDICTED, Modality.HOPED})


def text_similarity(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """Word overlap robust to order and to one claim adding detail (0..1)."""
    if not a.words or not b.words:
        return 0.0
    return text_similarity_words(a.words, b.words)


def text_similarity_words(a: str, b: str) -> float:
    """Mean of token-set and token-sort ratios: set alone rewards any short subset."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200.0


def windows_compatible(a: ClaimFeatures, b: ClaimFeatures, slack: int) -> bool:
    """False only when both claims have a day range and the ranges cannot meet."""
    if a.window is None or b.window is None:
        return True
    return a.window[0] - slack <= b.window[1] and b.window[0] - slack <= a.window[1]


def places_conflict(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two claims naming only different specific places are about different happenings."""
    return bool(a.places) and bool(b.places) and a.places.isdisjoint(b.places)


def proximity(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """Sentences close together in one report usually continue one story."""
    if a.report_id != b.report_id:
        return 0.0
    gap = abs(a.position - b.position)
    return max(0.0, 1.0 - 0.2 * gap) if gap else 1.0


def score(
    a: ClaimFeatures,
    b: ClaimFeatures,
    weights: Weights = DEFAULT_WEIGHTS,
    text: float | None = None,
) -> float:
    """Score in [0, 1], or ``VETO`` when the claims cannot be about one happening.

    ``text`` lets a caller pass a text similarity computed in bulk (rapidfuzz cpdist).
    """
    if places_conflict(a, b) or not windows_compatible(a, b, weights.date_slack_days):
        return VETO
    if text is None:
        text = text_similarity(a, b)

    if a.places and b.places:  # they share one: places_conflict said so
        place = 0.7 if (a.inherited_places or b.inherited_places) else 1.0
    elif a.coarse_places & b.coarse_places:
        place = 0.4
    else:
        place = 0.3

    if a.actors and b.actors:
        actor = len(a.actors & b.actors) / min(len(a.actors), len(b.actors))
    else:
        actor = 0.3

    if a.explicit_date and b.explicit_date:
        day = 1.0
    elif a.window is None or b.window is None:
        day = 0.3
    else:
        day = 0.5

    shared_units = a.units.keys() & b.units.keys()
    figures = 1.0 if shared_units else 0.5

    total = (
        weights.text * text
        + weights.place * place
        + weights.actor * actor
        + weights.date * day
        + weights.figures * figures
        + weights.proximity * proximity(a, b)
    )
    if (a.modality in _FUTURE) != (b.modality in _FUTURE):
        total *= weights.hoped_penalty
    return total
