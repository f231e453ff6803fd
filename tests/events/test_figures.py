"""Figures inside an event: overlapping ranges agree, disjoint ranges conflict."""

from __future__ import annotations

from datetime import date

from models import Claim, Quantity, Report
from workbench.events import event_figures, ranges_agree

REPORT_A = Report(outlet="Outlet A", published=date(2024, 5, 14), text="invented A")
REPORT_B = Report(outlet="Outlet B", published=date(2024, 5, 14), text="invented B")
REPORTS = {REPORT_A.id: REPORT_A, REPORT_B.id: REPORT_B}


def _claim(report: Report, sources: tuple[str, ...], *quantities: Quantity) -> Claim:
    return Claim(
        report_id=report.id,
        text=f"invented claim by {sources} in {report.outlet}",
        span=(0, len(sources)),
        sources=sources,
        quantities=quantities,
    )


def test_overlap_agrees_and_disjoint_conflicts() -> None:
    assert ranges_agree([(12.0, float("inf")), (15.0, 15.0), (10.0, 20.0)])
    assert not ranges_agree([(12.0, float("inf")), (4.0, 4.0)])
    assert ranges_agree([(3.6, 4.4)])  # a lone figure contradicts nothing
    assert ranges_agree([(5.0, 5.0), (5.0, 5.0)])


def test_figures_are_compared_per_unit_and_credited_to_sources() -> None:
    claims = [
        _claim(REPORT_A, ("Monitor",), Quantity(value=26, unit="soldiers killed")),
        _claim(
            REPORT_B,
            ("Ministry",),
            Quantity(value=20, unit="troops dead", low=15, high=30, approximate=True),
            Quantity(value=3, unit="tanks destroyed"),
        ),
        _claim(REPORT_B, ("Agency",), Quantity(value=4, unit="tanks destroyed")),
    ]
    by_unit = {figure.unit: figure for figure in event_figures(claims, REPORTS)}
    assert set(by_unit) == {"soldiers killed", "tanks destroyed"}
    assert by_unit["soldiers killed"].figures == {"Ministry": (15.0, 30.0), "Monitor": (26.0, 26.0)}
    assert by_unit["soldiers killed"].agree is True
    assert by_unit["tanks destroyed"].figures == {"Agency": (4.0, 4.0), "Ministry": (3.0, 3.0)}
    assert by_unit["tanks destroyed"].agree is False


def test_one_source_two_tolls_are_both_kept_with_their_outlets() -> None:
    claims = [
        _claim(REPORT_A, ("Monitor",), Quantity(value=26, unit="killed")),
        _claim(REPORT_B, ("Monitor",), Quantity(value=40, unit="killed")),
    ]
    (figure,) = event_figures(claims, REPORTS)
    assert figure.figures == {
        "Monitor via Outlet A": (26.0, 26.0),
        "Monitor via Outlet B": (40.0, 40.0),
    }
    assert figure.agree is False


def test_a_claim_with_several_sources_credits_each() -> None:
    claims = [_claim(REPORT_A, ("Monitor", "regional media"), Quantity(value=7, unit="killed"))]
    (figure,) = event_figures(claims, REPORTS)
    assert figure.figures == {"Monitor": (7.0, 7.0), "regional media": (7.0, 7.0)}
