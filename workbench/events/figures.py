"""Figures inside an event, compared per unit: overlapping ranges agree, disjoint conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from models import Claim, FigureComparison, Report
from workbench.events.features import claim_units


def ranges_agree(ranges: Sequence[tuple[float, float]]) -> bool:
    """Every pair of ranges overlaps (so one count could satisfy them all pairwise).

    On a line, ranges overlap pairwise exactly when they share a point (Helly), so the
    highest low against the lowest high decides it in one pass.
    """
    return not ranges or max(low for low, _ in ranges) <= min(high for _, high in ranges)


def event_figures(
    claims: Sequence[Claim], reports: Mapping[str, Report] | None = None
) -> tuple[FigureComparison, ...]:
    """One comparison per unit: which source gave which range, and whether they agree.

    A claim's figure is credited to each of its sources (the outlet when it names
    none). When one source gives different ranges in different outlets (an updated
    toll), each is kept and labelled with the outlet, so nothing is averaged away.
    """
    reports = reports or {}
    given: dict[str, dict[str, set[tuple[float, float]]]] = defaultdict(lambda: defaultdict(set))
    outlets: dict[tuple[str, str, tuple[float, float]], set[str]] = defaultdict(set)
    for claim in claims:
        report = reports.get(claim.report_id)
        outlet = (report.outlet if report else "") or claim.report_id
        names = claim.sources or (outlet,)
        for unit, bounds in claim_units(claim).items():
            for name in names:
                given[unit][name].add(bounds)
                outlets[(unit, name, bounds)].add(outlet)
    comparisons: list[FigureComparison] = []
    for unit in sorted(given):
        figures: dict[str, tuple[float, float]] = {}
        for name in sorted(given[unit]):
            bounds_set = sorted(given[unit][name])
            if len(bounds_set) == 1:
                figures[name] = bounds_set[0]
                continue
            for bounds in bounds_set:
                label = f"{name} via {', '.join(sorted(outlets[(unit, name, bounds)]))}"
                figures[label] = bounds
        comparisons.append(
            FigureComparison(unit=unit, figures=figures, agree=ranges_agree(list(figures.values())))
        )
    return tuple(comparisons)
