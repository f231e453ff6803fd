"""Corrections replayed over extracted claims: each kind, undo, and re-extraction."""

from __future__ import annotations

import math

import pytest

from models import Claim, Modality, Quantity
from models.correction import Correction, CorrectionKind
from workbench.corrections import apply_corrections, describe_figures, parse_figures

REPORT = "r1"
TEXT = "The committee said 52 people were killed in the market."
CLAIM = Claim(
    id="c1",
    report_id=REPORT,
    text="52 people were killed in the market",
    span=(19, 54),
    sources=("Dr Ahmed Hassan",),
    quantities=(Quantity(value=5, unit="people killed", text="5"),),
)
OTHER = Claim(id="c2", report_id=REPORT, text="the market was shelled", span=(60, 82))


def _fix(kind: CorrectionKind, n: int, **more: object) -> Correction:
    return Correction(
        id=n,
        kind=kind,
        reviewer="ana",
        claim_id=CLAIM.id,
        report_id=REPORT,
        span=CLAIM.span,
        **more,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("52 dead", [(52, 52, "dead", False)]),
        ("at least 40 died", [(40, math.inf, "died", True)]),
        ("≥40 died; 22-44 wounded", [(40, math.inf, "died", True), (22, 44, "wounded", False)]),
    ],
)
def test_figures_typed_by_a_reviewer(
    typed: str, expected: list[tuple[float, float, str, bool]]
) -> None:
    figures = parse_figures(typed)
    assert [(*q.bounds, q.unit, q.at_least) for q in figures] == expected
    again = parse_figures(describe_figures(figures))  # the dialog's prefill reads back
    assert [(*q.bounds, q.unit, q.at_least) for q in again] == expected


@pytest.mark.parametrize("typed", ["many dead", "44-22 killed"])
def test_a_figure_that_cannot_be_read_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=typed.split()[0]):
        parse_figures(typed)


def test_each_kind_of_correction() -> None:
    corrections = [
        _fix(CorrectionKind.SOURCE, 1, sources=("Local Coordination Committees",)),
        _fix(CorrectionKind.FIGURE, 2, quantities=parse_figures("52 killed")),
        _fix(CorrectionKind.MODALITY, 3, modality=Modality.DENIED),
    ]
    (fixed, _other), applied = apply_corrections([CLAIM, OTHER], corrections)
    assert fixed.sources == ("Local Coordination Committees",)
    assert [q.value for q in fixed.quantities] == [52]
    assert fixed.modality is Modality.DENIED
    assert applied == {"c1": ("source", "figure", "modality")}


def test_reject_and_undo() -> None:
    reject = _fix(CorrectionKind.REJECT, 1)
    kept, _ = apply_corrections([CLAIM, OTHER], [reject])
    assert [c.id for c in kept] == ["c2"]
    undo = Correction(id=2, kind=CorrectionKind.UNDO, reviewer="ana", undoes=1)
    kept, applied = apply_corrections([CLAIM, OTHER], [reject, undo])
    assert [c.id for c in kept] == ["c1", "c2"]
    assert applied == {}


def test_a_person_rolled_up_into_the_body_they_speak_for_everywhere() -> None:
    also = OTHER.model_copy(update={"sources": ("Dr Ahmed Hassan", "Ministry of Health")})
    roll = _fix(
        CorrectionKind.MERGE_SOURCE,
        1,
        source_from="Dr Ahmed Hassan",
        source_into="Ministry of Health",
    )
    (first, second), _ = apply_corrections([CLAIM, also], [roll])
    assert first.sources == ("Ministry of Health",)
    assert second.sources == ("Ministry of Health",)  # merged, named once


def test_a_correction_finds_its_claim_after_re_extraction() -> None:
    # the extractor now reads a slightly longer span: a new id, the same claim
    again = CLAIM.model_copy(update={"id": "c1-new", "span": (19, 58)})
    fix = _fix(CorrectionKind.SOURCE, 1, sources=("Local Coordination Committees",))
    (fixed, other), _ = apply_corrections([again, OTHER], [fix])
    assert fixed.sources == ("Local Coordination Committees",)
    assert other.sources == ()  # a claim elsewhere in the report is not touched
