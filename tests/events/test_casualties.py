"""Casualty figures reconciled as Airwars and ACLED do: rows, ranges, bounds, updates, conflicts."""

from __future__ import annotations

import math
from datetime import date

import pytest

from models import Claim, FigureStatus, Quantity, Report
from workbench.events.casualties import casualty_kind, reconcile, status_of

DAY = date(2016, 7, 27)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("people killed", ("killed", "")),
        ("dead", ("killed", "")),
        ("bodies", ("killed", "")),
        ("martyred", ("killed", "")),
        ("lost their lives", ("killed", "")),
        ("civilians killed", ("killed", "civilians")),
        ("children killed", ("killed", "children")),
        ("soldiers killed", ("killed", "soldiers")),
        ("wounded", ("injured", "")),
        ("people injured", ("injured", "")),
        ("women hurt", ("injured", "women")),
        ("drones", None),
        ("km", None),
    ],
)
def test_units_fall_into_one_row_per_kind_with_subgroups(
    unit: str, expected: tuple[str, str] | None
) -> None:
    assert casualty_kind(unit) == expected


def _claim(source: str, quantity: Quantity, report: Report, start: int = 0) -> Claim:
    return Claim(
        report_id=report.id,
        text=f"{source} gave {quantity.value:g}",
        span=(start, start + 10),
        sources=(source,),
        quantities=(quantity,),
    )


def _rows(*given: tuple[str, Quantity, date]) -> dict[str, object]:
    claims, reports = [], {}
    for number, (source, quantity, published) in enumerate(given):
        report = Report(outlet=f"outlet {number}", text=f"report {number}", published=published)
        reports[report.id] = report
        claims.append(_claim(source, quantity, report))
    origins = {claim.id: claim.sources for claim in claims}
    return {row.kind: row for row in reconcile(claims, reports, origins)}


def killed(value: float, unit: str = "people killed", **kwargs: object) -> Quantity:
    return Quantity(value=value, unit=unit, **kwargs)  # type: ignore[arg-type]


def test_a_conflict_is_ranges_that_no_one_toll_fits() -> None:
    # Qamishli, 27 July 2016: state TV 22, a monitor 44.
    row = _rows(("State TV", killed(22), DAY), ("Monitor", killed(44), DAY))["killed"]
    assert row.status is FigureStatus.CONFLICT
    assert (row.minimum, row.minimum_origin) == (22, "State TV")
    assert (row.maximum, row.maximum_origin) == (44, "Monitor")
    assert (row.conservative, row.conservative_origin) == (22, "State TV")


def test_different_lower_bounds_are_consistent_not_agreement_nor_conflict() -> None:
    row = _rows(("A", killed(40, at_least=True), DAY), ("B", killed(60, at_least=True), DAY))[
        "killed"
    ]
    assert row.status is FigureStatus.CONSISTENT
    assert row.minimum == 40
    assert row.maximum == 60


def test_agreement_is_ranges_that_support_one_toll() -> None:
    row = _rows(
        ("A", killed(26), DAY), ("B", killed(25, approximate=True, low=22.5, high=27.5), DAY)
    )["killed"]
    assert row.status is FigureStatus.AGREE
    assert status_of([(40, math.inf), (40, math.inf)]) is FigureStatus.AGREE


def test_a_vague_amount_is_a_lower_bound_by_acleds_convention() -> None:
    # "dozens" is coded 12 and leaves the top open: beside 150 it is no conflict.
    dozens = killed(12, approximate=True, at_least=True, low=12, high=99)
    row = _rows(("A", dozens, DAY), ("B", killed(150), DAY))["killed"]
    assert row.origins[0].high == math.inf
    assert row.status is FigureStatus.CONSISTENT


def test_a_rising_toll_of_one_origin_is_an_update_with_its_history() -> None:
    later = date(2016, 7, 28)
    row = _rows(("Monitor", killed(16), DAY), ("Monitor", killed(31), later))["killed"]
    (origin,) = row.origins
    assert (origin.low, origin.high) == (31, 31)
    assert origin.history == ((16, 16),)
    assert row.status is FigureStatus.SINGLE


def test_subgroups_are_part_of_the_row_and_can_conflict() -> None:
    rows = _rows(
        ("SANA", killed(4, "civilians killed"), DAY),
        ("Activists", killed(20, "civilians killed"), DAY),
        ("Monitor", killed(3, "children killed"), DAY),
        ("Monitor", Quantity(value=30, unit="wounded"), DAY),
    )
    assert set(rows) == {"killed", "injured"}
    row = rows["killed"]
    assert set(row.subgroups) == {"civilians", "children"}
    assert row.status is FigureStatus.CONFLICT
    # the Monitor gave only children: at least 3 dead in all
    monitor = next(o for o in row.origins if o.origin == "Monitor")
    assert (monitor.low, monitor.high) == (3, math.inf)
