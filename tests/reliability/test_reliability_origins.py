"""Verdict reliability a reviewer can trust: copies once, every source listed, doubtful, grades."""

from __future__ import annotations

import csv
import io

from models import Claim, Report, Verdict, VerdictLabel
from tests.conftest import run_cli
from workbench.reliability import (
    consensus_evidence,
    copy_units,
    score_from_verdicts,
)
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts

C, R, D = VerdictLabel.CORROBORATED, VerdictLabel.REFUTED, VerdictLabel.DOUBTFUL
X, S = VerdictLabel.CONTESTED, VerdictLabel.SINGLE_SOURCE

STORY = (
    "BEIRUT (Reuters) - At least 26 people were killed in air strikes on the town, the "
    "Syrian Observatory for Human Rights said. The Observatory said 40 people were wounded."
)
TOLL = "At least 26 people were killed in air strikes on the town"
WOUNDED = "40 people were wounded"


def wire_and_copy() -> tuple[list[Report], list[Claim]]:
    """A Reuters story and a newspaper's republication of it: two claims each, same origin."""
    reports = [Report(outlet="Reuters", text=STORY), Report(outlet="The National", text=STORY)]
    claims = []
    for report in reports:
        for text in (TOLL, WOUNDED):
            start = STORY.index(text)
            claims.append(
                Claim(
                    report_id=report.id,
                    text=text,
                    sentence=text,
                    span=(start, start + len(text)),
                    sources=("Syrian Observatory for Human Rights",),
                )
            )
    return reports, claims


def test_a_republished_wire_story_counts_once_for_the_quoted_source() -> None:
    reports, claims = wire_and_copy()
    verdicts = [Verdict(claim_id=c.id, reviewer="ana", label=C) for c in claims]
    links = {c.id: list(c.sources) for c in claims}
    units, origins = copy_units(claims, {r.id: r for r in reports})
    [sohr] = score_from_verdicts(verdicts, links, units, origins)
    assert sohr.n == 2  # two claims (toll, wounded), not four copies
    [naive] = score_from_verdicts(verdicts, links)
    assert naive.n == 4  # claim by claim, the copies would count twice


def test_workbench_score_counts_origins_not_outlets(sqlite_url: str) -> None:
    reports, claims = wire_and_copy()
    engine = open_engine(sqlite_url)
    with engine.begin() as connection:
        for report in reports:
            store_reports(
                connection, [report], {report.id: [c for c in claims if c.report_id == report.id]}
            )
        append_verdicts(
            connection, [Verdict(claim_id=c.id, reviewer="ana", label=C) for c in claims]
        )
    result = run_cli("score", "--db", sqlite_url)
    assert result.code == 0, result.stderr
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["Syrian Observatory for Human Rights"]["n"] == "2"


def test_every_judged_source_is_listed_with_not_enough_evidence(sqlite_url: str) -> None:
    report = Report(text="x" * 50)
    claims = [
        Claim(report_id=report.id, text=f"claim {i}", span=(i, i + 1), sources=(name,))
        for i, name in enumerate(["SANA", "SANA", "Ministry", "Monitor", "Monitor", "Monitor"])
    ]
    labels = [X, S, X, C, C, C]
    engine = open_engine(sqlite_url)
    with engine.begin() as connection:
        store_reports(connection, [report], {report.id: claims})
        append_verdicts(
            connection,
            [
                Verdict(claim_id=c.id, reviewer="ana", label=label, note="why")
                for c, label in zip(claims, labels, strict=True)
            ],
        )
    result = run_cli("score", "--db", sqlite_url)
    assert result.code == 0, result.stderr
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert set(rows) == {"SANA", "Ministry", "Monitor"}  # contested parties do not vanish
    for party in ("SANA", "Ministry"):
        assert rows[party]["n"] == "0"
        assert rows[party]["grade"] == "F"
        assert rows[party]["assessment"] == "not enough evidence"
    # three confirmed claims and none refuted: a letter, not F
    assert rows["Monitor"]["n"] == "3"
    assert rows["Monitor"]["grade"] != "F"


def test_doubtful_is_weak_evidence_of_falsehood() -> None:
    links = {f"c{i}": ["A"] for i in range(6)} | {f"d{i}": ["B"] for i in range(6)}
    links |= {f"e{i}": ["C"] for i in range(6)}
    verdicts = [Verdict(claim_id=f"c{i}", reviewer="ana", label=C) for i in range(4)]
    verdicts += [Verdict(claim_id=f"d{i}", reviewer="ana", label=C) for i in range(4)]
    verdicts += [Verdict(claim_id=f"e{i}", reviewer="ana", label=C) for i in range(4)]
    verdicts += [Verdict(claim_id=f"d{i}", reviewer="ana", label=D) for i in (4, 5)]
    verdicts += [Verdict(claim_id=f"e{i}", reviewer="ana", label=R, note="x") for i in (4, 5)]
    scores = {s.source: s for s in score_from_verdicts(verdicts, links)}
    assert scores["B"].n == 5  # four confirmations and two half-weight doubts
    assert scores["C"].reliability < scores["B"].reliability < scores["A"].reliability


def test_consensus_evidence_weighs_doubt_and_keeps_disagreements_out() -> None:
    verdicts = [
        Verdict(claim_id="a", reviewer="ana", label=D),
        Verdict(claim_id="b", reviewer="ana", label=D),
        Verdict(claim_id="b", reviewer="bo", label=R, note="x"),
        Verdict(claim_id="c", reviewer="ana", label=D),
        Verdict(claim_id="c", reviewer="bo", label=C),
    ]
    assert consensus_evidence(verdicts) == {"a": (False, 0.5), "b": (False, 1.0)}


def test_a_different_figure_from_the_same_origin_is_new_evidence() -> None:
    report = Report(outlet="Reuters", text=STORY)
    texts = ("At least 26 people were killed", "At least 28 people were killed")
    claims = [
        Claim(report_id=report.id, text=t, span=(0, 5 + i), sources=("SOHR",))
        for i, t in enumerate(texts)
    ]
    units, _ = copy_units(claims, {report.id: report})
    assert units[claims[0].id] != units[claims[1].id]
