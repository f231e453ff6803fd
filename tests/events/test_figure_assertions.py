"""Incidents' figures as truth-discovery assertions: one row per origin, weights, verdicts."""

from __future__ import annotations

import math

import pytest

from models import Caveat, CaveatKind, Claim, Modality, Quantity, Report
from workbench.events.assertions import claim_weight, figure_assertions, figure_object
from workbench.events.grouping import build_event


def _claim(report: Report, source: str, quantity: Quantity, **extra: object) -> Claim:
    return Claim(
        report_id=report.id,
        text=f"{quantity.value:g} people were killed in the strike",
        span=(0, 10),
        sources=(source,) if source else (),
        quantities=(quantity,),
        **extra,  # type: ignore[arg-type]
    )


def killed(value: float, **kwargs: object) -> Quantity:
    return Quantity(value=value, unit="people killed", **kwargs)  # type: ignore[arg-type]


def incident() -> tuple[list[Claim], dict[str, Report]]:
    """SOHR "at least 40" in two outlets, SANA 60 (hedged), an anonymous 90."""
    reports = [Report(outlet=f"outlet {i}", text=f"report {i}") for i in range(4)]
    claims = [
        _claim(reports[0], "SOHR", killed(40, at_least=True)),
        _claim(reports[1], "SOHR", killed(40, at_least=True)),
        _claim(
            reports[2],
            "SANA",
            killed(60),
            caveats=(Caveat(text="reportedly", kind=CaveatKind.HEDGE),),
        ),
        _claim(reports[3], "", killed(90)),
    ]
    return claims, {r.id: r for r in reports}


def test_one_row_per_origin_with_its_range_and_copies_once() -> None:
    claims, reports = incident()
    event = build_event("e1", claims, reports)
    frame = figure_assertions([event], {c.id: c for c in claims})
    rows = frame.set_index("source")
    assert sorted(rows.index) == ["SANA", "SOHR"]  # two outlets quoting SOHR: one row
    assert rows.loc["SOHR", "lower"] == 40
    assert math.isinf(rows.loc["SOHR", "upper"])  # "at least 40": open above
    assert rows.loc["SANA", "lower"] == rows.loc["SANA", "upper"] == 60
    assert set(frame["object"]) == {figure_object("e1", "killed")}
    assert set(frame["kind"]) == {"killed"}
    assert (frame["group"] == frame["source"]).all()


def test_unknown_lineage_is_no_origin_and_is_not_scored() -> None:
    claims, reports = incident()
    frame = figure_assertions([build_event("e1", claims, reports)], {c.id: c for c in claims})
    assert not frame["source"].str.contains("unknown source").any()
    assert 90 not in set(frame["lower"])


def test_a_hedged_or_predicted_figure_counts_less() -> None:
    claims, reports = incident()
    frame = figure_assertions([build_event("e1", claims, reports)], {c.id: c for c in claims})
    weights = frame.set_index("source")["weight"]
    assert weights["SOHR"] == 1.0
    assert weights["SANA"] == pytest.approx(0.6)  # "reportedly"
    report = next(iter(reports.values()))
    predicted = _claim(report, "SOHR", killed(5), modality=Modality.PREDICTED)
    denied = _claim(report, "SOHR", killed(5), modality=Modality.DENIED)
    assert claim_weight(predicted) < 1.0
    assert claim_weight(denied) == 0.0


def test_reviewer_verdicts_ride_along() -> None:
    claims, reports = incident()
    event = build_event("e1", claims, reports)
    by_id = {c.id: c for c in claims}
    truths = {claims[2].id: True, claims[0].id: False}
    frame = figure_assertions([event], by_id, truths).set_index("source")
    assert frame.loc["SANA", "verdict"] == "true"
    assert frame.loc["SOHR", "verdict"] == "false"
    # corroborated in one outlet and refuted in another: no verdict either way
    mixed = figure_assertions([event], by_id, {claims[0].id: False, claims[1].id: True})
    assert mixed.set_index("source").loc["SOHR", "verdict"] == ""
