"""Every origin of an incident in one table: its figure per casualty kind and its stance.

The incident view shows this above the claim cards, so five origins are read at a
glance instead of in five side-by-side columns. Rows are origins as
``origins.count_origins`` names them (a claim of unknown lineage is labelled by its
outlet, as ``casualties.reconcile`` does); figures are each origin's latest range
from the reconciled casualty rows (``Event.casualties``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from models import Claim, Event, Modality, Report, Source
from workbench.events.origins import count_origins

WORDS_FILE = Path(__file__).with_name("data") / "stance_words.yaml"


@dataclass(frozen=True)
class OriginStance:
    """One origin of an incident: what it says about the toll and how it stands."""

    origin: str
    figures: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # kind -> range
    claims: int = 0
    denies: int = 0
    blames: int = 0
    caveats: int = 0
    known: bool = True  # False: unknown lineage, labelled by the outlet that carried it


@functools.cache
def _blame_pattern() -> re.Pattern[str]:
    words = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["blames"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def blames(claim: Claim) -> bool:
    """True when the claim says who did it or who is responsible."""
    pattern = _blame_pattern()
    return bool(pattern.search(claim.cue) or pattern.search(claim.text))


def unknown_label(outlet: str) -> str:
    """The row name of claims of unknown lineage (the same as ``casualties.reconcile``)."""
    return f"{outlet} (unknown source)"


def compare_origins(
    event: Event,
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source] | None = None,
) -> tuple[OriginStance, ...]:
    """One row per origin of ``event``: figures first, then the origins that say most."""
    counted = count_origins(claims, reports, sources, one_event=True)
    tally: dict[str, list[int]] = {}
    known: dict[str, bool] = {}
    for claim in claims:
        names = counted.claim_origins.get(claim.id, ())
        if not names:
            report = reports.get(claim.report_id)
            names = (unknown_label((report.outlet if report else "") or claim.report_id),)
            known.setdefault(names[0], False)
        for name in names:
            counts = tally.setdefault(name, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += claim.modality is Modality.DENIED
            counts[2] += blames(claim)
            counts[3] += bool(claim.caveats)
    figures: dict[str, dict[str, tuple[float, float]]] = {}
    for row in event.casualties:
        for origin in row.origins:
            figures.setdefault(origin.origin, {})[row.kind] = (origin.low, origin.high)
            tally.setdefault(origin.origin, [0, 0, 0, 0])
    rows = [
        OriginStance(
            origin=name,
            figures=figures.get(name, {}),
            claims=counts[0],
            denies=counts[1],
            blames=counts[2],
            caveats=counts[3],
            known=known.get(name, not name.endswith("(unknown source)")),
        )
        for name, counts in tally.items()
    ]
    rows.sort(key=lambda r: (not r.figures, not r.known, -r.claims, r.origin.casefold()))
    return tuple(rows)
