"""Agreement coefficients reproduce published worked examples."""

from __future__ import annotations

import math

import pytest

from models import Verdict, VerdictLabel
from workbench.agreement import agreement_report

L = list(VerdictLabel)


def _verdicts(table: list[list[int | None]], labels: list[VerdictLabel]) -> list[Verdict]:
    """Raters x units of category indexes (None = not rated) as verdicts."""
    return [
        Verdict(claim_id=f"unit{u}", reviewer=f"r{r}", label=labels[value])
        for r, row in enumerate(table)
        for u, value in enumerate(row)
        if value is not None
    ]


def test_cohen_kappa_and_gwet_ac1_on_the_textbook_two_by_two() -> None:
    # Cohen's kappa example (Wikipedia "Cohen's kappa"): 50 proposals, both yes 20,
    # A yes B no 5, A no B yes 10, both no 15 -> kappa 0.4. AC1 by hand: pa = 0.7,
    # pi_yes = (25 + 30) / 100 = 0.55, pe = 2 * 0.55 * 0.45 = 0.495, AC1 = 0.205 / 0.505.
    a = [0] * 20 + [0] * 5 + [1] * 10 + [1] * 15
    b = [0] * 20 + [1] * 5 + [0] * 10 + [1] * 15
    yes_no = [VerdictLabel.CORROBORATED, VerdictLabel.REFUTED]
    [row] = agreement_report(_verdicts([a, b], yes_no))
    assert row.items == 50
    assert row.kappa_name == "cohen"
    assert row.kappa == pytest.approx(0.4, abs=1e-4)
    assert row.gwet_ac1 == pytest.approx(0.205 / 0.505, abs=1e-4)
    assert row.percent == pytest.approx(0.7)


def test_fleiss_kappa_on_the_fourteen_rater_example() -> None:
    # Fleiss' kappa example (Wikipedia "Fleiss' kappa"): 10 subjects, 14 raters,
    # 5 categories; kappa = 0.210.
    counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    table: list[list[int | None]] = [[None] * 10 for _ in range(14)]
    for unit, row in enumerate(counts):
        raters = iter(range(14))
        for category, n in enumerate(row):
            for _ in range(n):
                table[next(raters)][unit] = category
    rows = agreement_report(_verdicts(table, L[:5]))
    overall = rows[-1]
    assert len(rows) == 14 * 13 // 2 + 1
    assert overall.raters == "all"
    assert overall.kappa_name == "fleiss"
    assert overall.kappa == pytest.approx(0.210, abs=5e-4)


def test_krippendorff_alpha_with_missing_values_nominal_and_ordinal() -> None:
    # Krippendorff (2011) "Computing Krippendorff's alpha-reliability", the 4-observer,
    # 12-unit example with missing data: nominal 0.743, ordinal 0.815.
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    # Values 1..5 as verdicts whose Admiralty credibility strictly increases, so the
    # ordinal metric sees the same order as the published integers.
    ordered = [
        VerdictLabel.ACKNOWLEDGED,
        VerdictLabel.CORROBORATED,
        VerdictLabel.SINGLE_SOURCE,
        VerdictLabel.CONTESTED,
        VerdictLabel.DOUBTFUL,
    ]
    table = [[None if v is None else v - 1 for v in row] for row in data]
    overall = agreement_report(_verdicts(table, ordered))[-1]
    assert overall.items == 11  # unit 12 was rated once and cannot show agreement
    assert overall.alpha_nominal == pytest.approx(0.743, abs=5e-4)
    assert overall.alpha_ordinal == pytest.approx(0.815, abs=5e-4)


def test_kappa_paradox_ac1_stays_high_when_one_label_dominates() -> None:
    # 96 claims both call single_source; 2 + 2 disagreements. Agreement is 96 %, yet the
    # skewed marginals drag kappa far down while AC1 stays near the raw agreement.
    a = [0] * 96 + [0, 0, 1, 1]
    b = [0] * 96 + [1, 1, 0, 0]
    [row] = agreement_report(
        _verdicts([a, b], [VerdictLabel.SINGLE_SOURCE, VerdictLabel.CONTESTED])
    )
    assert row.percent == pytest.approx(0.96)
    assert row.kappa < 0.0
    assert row.gwet_ac1 > 0.95


def test_no_overlap_gives_no_rows_and_single_value_alpha_is_undefined() -> None:
    assert agreement_report([Verdict(claim_id="c", reviewer="a", label=VerdictLabel.REFUTED)]) == []
    same = [
        Verdict(claim_id=f"c{i}", reviewer=r, label=VerdictLabel.REFUTED)
        for i in range(3)
        for r in ("a", "b")
    ]
    [row] = agreement_report(same)
    assert row.percent == 1.0
    assert math.isnan(row.alpha_nominal)


def test_agreement_command_reads_current_verdicts_from_the_database(sqlite_url: str) -> None:
    from models import Claim, Report
    from tests.conftest import run_cli
    from workbench.store import open_engine
    from workbench.store.reports import store_reports
    from workbench.store.verdicts import append_verdicts

    report = Report(text="A said b. C said d.")
    claims = [Claim(report_id=report.id, text=f"claim {i}", span=(i, i + 1)) for i in range(4)]
    engine = open_engine(sqlite_url)
    with engine.begin() as connection:
        store_reports(connection, [report], {report.id: claims})
        append_verdicts(
            connection,
            [
                Verdict(claim_id=c.id, reviewer=r, label=VerdictLabel.SINGLE_SOURCE)
                for c in claims
                for r in ("ana", "bo")
            ]
            + [Verdict(claim_id=claims[0].id, reviewer="bo", label=VerdictLabel.REFUTED)],
        )
    result = run_cli("agreement", "--db", sqlite_url, "--format", "csv")
    assert result.code == 0, result.stderr
    # By hand: pa = 3/4; Cohen pe = 1 * 3/4 -> kappa 0. AC1: pi = (7/8, 1/8),
    # pe = 2 * 7/8 * 1/8 = 0.21875 -> (0.75 - 0.21875) / 0.78125 = 0.68. Alpha: the
    # coincidence matrix has 2 disagreeing pairs of 8 values -> 1 - 7 * 2 / (7 * 1 * 2) = 0.
    assert result.stdout.splitlines() == [
        "raters,items,percent,kappa_name,kappa,gwet_ac1,alpha_nominal,alpha_ordinal",
        "ana + bo,4,0.750,cohen,0.000,0.680,0.000,0.000",
    ]
