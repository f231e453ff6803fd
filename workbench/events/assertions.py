"""Incidents' figures as truth-discovery assertions: what each origin asserted, as a range.

One row per incident, casualty kind and origin (``CasualtyFigures``: copies of one wire
story are already one origin there, so repeats add nothing), with the origin's latest
range (``lower``, ``upper``; inf when open above, "at least 40"), a ``weight`` from the
firmest of its claims (modality and caveats, ``data/figure_weights.yaml``), its copy
``group`` (the origin itself) and the reviewers' ``verdict`` on its claims ("true":
corroborated or acknowledged, "false": refuted). Figures of unknown lineage are left
out: they are no origin, and unknown provenance is never scored as if it were one.
The frame is ``scoring.RangeCRH``'s input.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import yaml

from models import Claim, Event

WEIGHTS_FILE = Path(__file__).with_name("data") / "figure_weights.yaml"
COLUMNS = ("source", "object", "lower", "upper", "weight", "group", "verdict", "event", "kind")
UNKNOWN_SUFFIX = " (unknown source)"  # how ``casualties.reconcile`` labels unknown lineage


@functools.cache
def _weights() -> tuple[dict[str, float], dict[str, float]]:
    data = yaml.safe_load(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return dict(data["modality"]), dict(data["caveat"])


def claim_weight(claim: Claim) -> float:
    """How much a claim's figure counts: its modality's weight times each caveat's."""
    modality, caveat = _weights()
    weight = float(modality.get(claim.modality.value, 1.0))
    for item in claim.caveats:
        weight *= float(caveat.get(item.kind.value, 1.0))
    return weight


def figure_object(event_id: str, kind: str) -> str:
    """The assertion object of one incident's casualty kind ("<event id>/killed")."""
    return f"{event_id}/{kind}"


def figure_assertions(
    events: Iterable[Event],
    claims: Mapping[str, Claim],
    truths: Mapping[str, bool] | None = None,
) -> pd.DataFrame:
    """The assertions frame of the incidents' reconciled figures (see the module docstring).

    ``truths`` maps judged claims to the reviewers' consensus (``reliability.consensus_truth``).
    An origin whose claims were both corroborated and refuted carries no verdict.
    """
    truths = truths or {}
    rows: list[tuple[object, ...]] = []
    for event in events:
        for row in event.casualties:
            for origin in row.origins:
                if origin.origin.endswith(UNKNOWN_SUFFIX):
                    continue
                own = [claims[c] for c in origin.claim_ids if c in claims]
                weight = max((claim_weight(c) for c in own), default=1.0)
                judged = {truths[c] for c in origin.claim_ids if c in truths}
                verdict = "" if len(judged) != 1 else ("true" if judged.pop() else "false")
                rows.append(
                    (
                        origin.origin,
                        figure_object(event.id, row.kind),
                        origin.low,
                        origin.high,
                        weight,
                        origin.origin,
                        verdict,
                        event.id,
                        row.kind,
                    )
                )
    return pd.DataFrame(rows, columns=list(COLUMNS))
