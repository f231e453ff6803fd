"""Casualty figures of an incident, reconciled the way conflict analysts do (Airwars, ACLED).

- One row per casualty kind, killed and injured; civilians, children, women, fighters and
  soldiers are subgroups of the row, not rows of their own (``data/casualty_words.yaml``).
- Each origin's figure is a range: "at least 40" is [40, inf); a vague amount is a lower
  bound by ACLED's convention (tens = 10, dozens = 12, hundreds = 100; the extractor
  reads them so), open above.
- The ranges agree only when they support one toll; "at least 40" beside "at least 60"
  is consistent (different lower bounds), not agreement and not a conflict; 22 beside 44
  is a conflict.
- An origin's later figure (a later report, or later in the same report) is an update:
  its latest figure counts, the earlier ones are kept as its history, never a conflict.
- The row shows the range across origins (minimum to maximum, as Airwars publishes) and
  the most conservative estimate (the lowest figure given, as ACLED codes conflicting
  reports), each with the origin that gave it.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from models import CasualtyFigures, Claim, FigureStatus, OriginFigure, Quantity, Report

WORDS_FILE = Path(__file__).with_name("data") / "casualty_words.yaml"
KINDS = ("killed", "injured")
_WORD = re.compile(r"[a-z]+")


@functools.cache
def _lexicon() -> tuple[dict[str, str], dict[str, str]]:
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    kinds = {word: kind for kind, words in data["kinds"].items() for word in words}
    groups = {word: group for group, words in data["subgroups"].items() for word in words}
    return kinds, groups


@functools.lru_cache(maxsize=65536)
def casualty_kind(unit: str) -> tuple[str, str] | None:
    """(kind, subgroup) of a figure's unit, subgroup "" for everyone; None if no casualty.

    "civilians killed" -> ("killed", "civilians"); "wounded" -> ("injured", "");
    "lost their lives" -> ("killed", "").
    """
    kinds, groups = _lexicon()
    words = _WORD.findall(unit.casefold())
    joined = " ".join(words)
    kind = next((kinds[w] for w in words if w in kinds), None)
    if kind is None:
        kind = next((k for phrase, k in kinds.items() if " " in phrase and phrase in joined), None)
    if kind is None:
        return None
    group = next((groups[w] for w in words if w in groups), "")
    return kind, group


def figure_range(quantity: Quantity) -> tuple[float, float]:
    """The range a figure commits to; a vague amount ("dozens") is a lower bound only."""
    low = quantity.low if quantity.low is not None else quantity.value
    high = quantity.high if quantity.high is not None else quantity.value
    if quantity.at_least:  # "at least 40", and vague amounts, which the extractor marks so
        high = math.inf
    return float(low), float(high)


def status_of(ranges: Sequence[tuple[float, float]]) -> FigureStatus:
    """How origins' ranges stand to each other (see the module docstring)."""
    if len(ranges) < 2:
        return FigureStatus.SINGLE
    low = max(r[0] for r in ranges)
    high = min(r[1] for r in ranges)
    if low > high:
        return FigureStatus.CONFLICT
    if all(math.isfinite(r[1]) for r in ranges) or len({r[0] for r in ranges}) == 1:
        return FigureStatus.AGREE
    return FigureStatus.CONSISTENT


@dataclass(frozen=True, slots=True)
class _Given:
    when: tuple[date, int]  # report date, then place in the report: what came later
    low: float
    high: float
    group: str
    claim_id: str
    outlet: str


def reconcile(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    claim_origins: Mapping[str, Sequence[str]],
) -> tuple[CasualtyFigures, ...]:
    """Killed and injured rows of one incident, from its claims' figures.

    ``claim_origins`` names each claim's origins (``origins.count_origins``); a claim with
    none is labelled by its outlet, as of unknown provenance.
    """
    given: dict[str, dict[str, list[_Given]]] = {kind: defaultdict(list) for kind in KINDS}
    for claim in claims:
        report = reports.get(claim.report_id)
        outlet = (report.outlet if report else "") or claim.report_id
        published = report.published if report and report.published else date.min
        names = tuple(claim_origins.get(claim.id, ())) or (f"{outlet} (unknown source)",)
        for quantity in claim.quantities:
            found = casualty_kind(quantity.unit)
            if found is None:
                continue
            kind, group = found
            low, high = figure_range(quantity)
            item = _Given((published, claim.span[0]), low, high, group, claim.id, outlet)
            for name in names:
                given[kind][name].append(item)
    rows = []
    for kind in KINDS:
        if given[kind]:
            rows.append(_row(kind, given[kind]))
    return tuple(rows)


def _row(kind: str, by_origin: Mapping[str, list[_Given]]) -> CasualtyFigures:
    ordered = {name: sorted(items, key=lambda item: item.when) for name, items in by_origin.items()}
    subgroups: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for name, items in ordered.items():
        for item in items:
            if item.group:  # the latest figure of each subgroup counts
                subgroups[item.group][name] = (item.low, item.high)
    # When no origin gives everyone's toll and all speak of one subgroup (the civilians, as
    # Airwars counts them), that subgroup is the row; else a subgroup is a lower bound.
    no_totals = all(not any(not i.group for i in items) for items in ordered.values())
    basis = next(iter(subgroups)) if no_totals and len(subgroups) == 1 else None
    origins: list[OriginFigure] = []
    for name in sorted(ordered):
        items = ordered[name]
        totals = [item for item in items if not item.group or item.group == basis]
        if totals:
            latest = totals[-1]
            low, high = latest.low, latest.high
            history: list[tuple[float, float]] = []
            for item in totals[:-1]:  # earlier figures of this origin: its updates
                if (item.low, item.high) != (low, high) and (
                    not history or history[-1] != (item.low, item.high)
                ):
                    history.append((item.low, item.high))
        else:
            low, high, history = max(item.low for item in items), math.inf, []
        origins.append(
            OriginFigure(
                origin=name,
                low=low,
                high=high,
                outlets=tuple(sorted({item.outlet for item in items})),
                claim_ids=tuple(dict.fromkeys(item.claim_id for item in items)),
                history=tuple(history),
            )
        )
    status = status_of([(o.low, o.high) for o in origins])
    if status is not FigureStatus.CONFLICT and any(
        status_of(list(values.values())) is FigureStatus.CONFLICT for values in subgroups.values()
    ):
        status = FigureStatus.CONFLICT  # 4 civilians beside 20 civilians
    lowest = min(origins, key=lambda o: (o.low, o.origin))
    largest = max(origins, key=lambda o: (o.high if math.isfinite(o.high) else o.low, o.origin))
    return CasualtyFigures(
        kind=kind,
        origins=tuple(origins),
        status=status,
        minimum=lowest.low,
        minimum_origin=lowest.origin,
        maximum=largest.high if math.isfinite(largest.high) else largest.low,
        maximum_origin=largest.origin,
        conservative=lowest.low,
        conservative_origin=lowest.origin,
        subgroups={group: dict(values) for group, values in sorted(subgroups.items())},
    )
