"""Models round-trip through JSON and enforce their invariants."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel, ValidationError

from models import (
    VERDICTS,
    Caveat,
    CaveatKind,
    Claim,
    Event,
    FigureComparison,
    Modality,
    Quantity,
    Report,
    RoleFlag,
    Source,
    SourceKind,
    SourceScore,
    Verdict,
    VerdictLabel,
    admiralty_grade,
)

SAMPLES: list[BaseModel] = [
    Report(text="Beirut: text.", outlet="Wire", published=date(2016, 3, 21), dateline="Beirut"),
    Source(
        name="SANA",
        kind=SourceKind.STATE_MEDIA,
        aliases=("Syria's state news agency",),
        roles=frozenset({RoleFlag.PARTY_TO_CONFLICT}),
    ),
    Claim(
        report_id="r1",
        text="IS militants killed 26 Syrian soldiers",
        span=(8, 46),
        sources=("Syrian Observatory for Human Rights",),
        cue="said",
        modality=Modality.ASSERTED,
        quantities=(Quantity(value=26, unit="soldiers killed", at_least=True, high=float("inf")),),
        caveats=(
            Caveat(
                text="It was not possible to independently verify the death toll.",
                kind=CaveatKind.UNVERIFIED,
            ),
        ),
        places=("Palmyra",),
    ),
    Event(
        id="e1",
        claim_ids=("a", "b"),
        figures=(FigureComparison(unit="km", figures={"SOHR": (3.6, 4.4)}, agree=True),),
        outlets=5,
        origins=2,
    ),
    Verdict(
        claim_id="c1",
        reviewer="ana",
        label=VerdictLabel.CONTESTED,
        note="SANA disagrees",
        evidence=("c2",),
    ),
    SourceScore(source="SANA", method="beta", reliability=0.5, ci_low=0.3, ci_high=0.7, n=12),
]


@pytest.mark.parametrize("model", SAMPLES, ids=lambda m: type(m).__name__)
def test_round_trips_through_json(model: BaseModel) -> None:
    again = type(model).model_validate_json(model.model_dump_json())
    assert again == model


def test_report_id_is_a_content_hash_that_ignores_line_endings() -> None:
    a = Report(text="Line one.\r\nLine two.  \n", outlet="Wire")
    b = Report(text="Line one.\nLine two.", outlet="Wire")
    c = Report(text="Line one.\nLine two!", outlet="Wire")
    assert a.id == b.id
    assert a.id != c.id
    assert Report(text="Line one.\nLine two.", outlet="Other").id != b.id


def test_claim_id_is_stable_and_depends_on_report_and_span() -> None:
    first = Claim(report_id="r", text="x happened", span=(0, 10))
    assert first.id == Claim(report_id="r", text="x happened", span=(0, 10)).id
    assert first.id != Claim(report_id="r", text="x happened", span=(1, 11)).id
    assert first.id != Claim(report_id="s", text="x happened", span=(0, 10)).id


def test_quantity_ranges_overlap_by_bounds() -> None:
    at_least_26 = Quantity(value=26, low=26, high=float("inf"), at_least=True)
    about_30 = Quantity(value=30, low=27, high=33, approximate=True)
    exactly_20 = Quantity(value=20)
    assert at_least_26.overlaps(about_30)
    assert not at_least_26.overlaps(exactly_20)
    assert exactly_20.low == exactly_20.high == 20


def test_inverted_ranges_and_spans_are_refused() -> None:
    with pytest.raises(ValidationError, match="inverted"):
        Quantity(value=5, low=10, high=1)
    with pytest.raises(ValidationError, match="inverted"):
        Claim(text="x", span=(9, 2))


def test_every_verdict_maps_to_every_scale() -> None:
    assert set(VERDICTS) == set(VerdictLabel)
    keys = [info.key for info in VERDICTS.values()]
    assert len(set(keys)) == len(keys) == 7
    assert VERDICTS[VerdictLabel.CORROBORATED].credibility_text == "1-2"
    assert VERDICTS[VerdictLabel.REFUTED].fever == "REFUTES"
    assert VERDICTS[VerdictLabel.REFUTED].claimreview_value == 1
    # ratingValue only where the verdict is ordinal on true/false
    assert VERDICTS[VerdictLabel.SINGLE_SOURCE].claimreview_value is None
    assert VERDICTS[VerdictLabel.CONTESTED].claimreview_value is None
    assert {label for label, info in VERDICTS.items() if info.needs_note} == {
        VerdictLabel.REFUTED,
        VerdictLabel.CONTESTED,
        VerdictLabel.ACKNOWLEDGED,
    }


@pytest.mark.parametrize(
    ("reliability", "n", "grade"),
    [
        (0.97, 50, "A"),
        (0.95, 10, "A"),
        (0.85, 10, "B"),
        (0.61, 40, "C"),
        (0.4, 10, "D"),
        (0.2, 99, "E"),
        (0.99, 9, "F"),
        (float("nan"), 100, "F"),
    ],
)
def test_admiralty_grade_cutoffs(reliability: float, n: int, grade: str) -> None:
    assert admiralty_grade(reliability, n) == grade


def test_source_score_keeps_point_inside_interval_and_grades_itself() -> None:
    score = SourceScore(
        source="SOHR", method="beta", reliability=0.9, ci_low=0.8, ci_high=0.95, n=40
    )
    assert score.grade == "B"
    with pytest.raises(ValidationError, match="outside its interval"):
        SourceScore(source="x", method="beta", reliability=0.9, ci_low=0.1, ci_high=0.5, n=3)


def test_verdicts_are_immutable_records() -> None:
    verdict = Verdict(claim_id="c", reviewer="ana", label=VerdictLabel.REFUTED)
    with pytest.raises(ValidationError):
        verdict.note = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Verdict(claim_id="c", reviewer="", label=VerdictLabel.REFUTED)
