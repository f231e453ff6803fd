"""Source reliability from stored verdicts: consensus, echoes, and `workbench score --db`."""

from __future__ import annotations

import csv
import io

from models import Claim, Report, Verdict, VerdictLabel
from tests.conftest import run_cli
from workbench.reliability import consensus_truth, score_from_verdicts, verdict_frame
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts

C, R, S = VerdictLabel.CORROBORATED, VerdictLabel.REFUTED, VerdictLabel.SINGLE_SOURCE


def test_consensus_needs_every_resolving_reviewer_to_agree() -> None:
    verdicts = [
        Verdict(claim_id="a", reviewer="ana", label=C),
        Verdict(claim_id="a", reviewer="bo", label=S),  # unresolved: no vote either way
        Verdict(claim_id="b", reviewer="ana", label=C),
        Verdict(claim_id="b", reviewer="bo", label=R),  # disagreement: no evidence
        Verdict(claim_id="c", reviewer="bo", label=R),
        Verdict(claim_id="d", reviewer="bo", label=S),
    ]
    assert consensus_truth(verdicts) == {"a": True, "c": False}


def test_a_claim_credited_twice_to_one_source_counts_once() -> None:
    frame = verdict_frame({"a": True}, {"a": ["SOHR", "SOHR", "regional media"]})
    [sohr] = [
        s
        for s in score_from_verdicts(
            [Verdict(claim_id="a", reviewer="x", label=C)], {"a": ["SOHR", "SOHR"]}
        )
    ]
    assert sohr.n == 1
    assert sorted(frame["source"]) == ["SOHR", "SOHR", "regional media"]


def test_more_evidence_narrows_the_interval_and_thin_evidence_grades_f() -> None:
    links = {f"c{i}": ["steady"] for i in range(40)} | {"lucky": ["lucky"]}
    verdicts = [
        Verdict(claim_id=c, reviewer="ana", label=C if i % 10 else R) for i, c in enumerate(links)
    ]
    scores = {s.source: s for s in score_from_verdicts(verdicts, links)}
    steady, lucky = scores["steady"], scores["lucky"]
    assert steady.n == 40
    assert steady.ci_high - steady.ci_low < lucky.ci_high - lucky.ci_low
    assert lucky.grade == "F"
    assert steady.grade in {"B", "C"}


def test_workbench_score_without_a_file_scores_the_database(sqlite_url: str) -> None:
    report = Report(text="x")
    claims = [
        Claim(
            report_id=report.id,
            text=f"claim {i}",
            span=(i, i + 1),
            sources=("SOHR",) if i < 12 else ("SANA",),
        )
        for i in range(24)
    ]
    engine = open_engine(sqlite_url)
    with engine.begin() as connection:
        store_reports(connection, [report], {report.id: claims})
        append_verdicts(
            connection,
            [
                Verdict(claim_id=c.id, reviewer="ana", label=C if i < 11 or i >= 20 else R)
                for i, c in enumerate(claims)
            ],
        )
    result = run_cli("score", "--db", sqlite_url)
    assert result.code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["source"] for r in rows] == ["SOHR", "SANA"]
    assert {r["n"] for r in rows} == {"12"}
    assert all(float(r["ci_low"]) < float(r["reliability"]) < float(r["ci_high"]) for r in rows)
    assert rows[0]["method"] == "beta"
    wrong = run_cli("score", "--db", sqlite_url, "--method", "sums")
    assert wrong.code == 2
    assert "needs an assertions file" in wrong.stderr
