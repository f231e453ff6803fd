"""Reliability from what origins asserted: ``workbench score`` beside the verdicts' figures."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from models import Claim, Quantity, Report, Source, SourceKind, Verdict, VerdictLabel
from tests.conftest import run_cli
from workbench.events.grouping import build_event
from workbench.figure_reliability import fit_figures, format_estimate
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts

CORPUS = (
    Path(__file__).resolve().parents[2] / "corpora" / "fakes-syria" / "fakes-syria-reports.jsonl"
)


TOWNS = ("Aleppo", "Homs", "Idlib", "Deraa")
SOURCES = [
    Source(name="Monitor", kind=SourceKind.MONITOR),
    Source(name="Wire", kind=SourceKind.MEDIA),
    Source(name="Party", kind=SourceKind.STATE_MEDIA),
]


def _killed(report: Report, source: str, low: float, town: str, at_least: bool = False) -> Claim:
    return Claim(
        report_id=report.id,
        text=f"{low:g} people were killed in the air strike on the market in {town}",
        span=(0, 10),
        sources=(source,),
        places=(town,),
        quantities=(Quantity(value=low, unit="people killed", at_least=at_least),),
    )


def incidents() -> tuple[list[Claim], dict[str, Report], list[list[Claim]]]:
    """Four incidents: a monitor and a wire close to each other, a party that inflates."""
    claims, reports, groups = [], {}, []
    for i, (monitor, wire, party) in enumerate(
        [(20, 21, 40), (50, 50, 95), (8, 8, 30), (12, 13, 24)]
    ):
        members = []
        for source, value in (("Monitor", monitor), ("Wire", wire), ("Party", party)):
            report = Report(outlet=f"{source} outlet", text=f"incident {i} by {source}")
            reports[report.id] = report
            members.append(_killed(report, source, value, TOWNS[i], at_least=source == "Monitor"))
        claims += members
        groups.append(members)
    return claims, reports, groups


def test_figures_score_every_origin_and_estimate_each_toll() -> None:
    claims, reports, groups = incidents()
    events = [build_event(f"e{i}", g, reports) for i, g in enumerate(groups)]
    fit = fit_figures(events, {c.id: c for c in claims})
    assert fit is not None
    scores = {s.source: s for s in fit.scores()}
    assert set(scores) == {"Monitor", "Wire", "Party"}
    assert scores["Party"].reliability < scores["Wire"].reliability
    assert all(s.method == "figures" and s.n == 4 for s in scores.values())
    [estimate] = fit.estimates()["e1"]
    assert estimate.kind == "killed"
    assert estimate.value == 50  # the monitor's "at least 50" holds at the wire's 50
    assert estimate.low <= 50 <= estimate.high
    assert format_estimate(estimate).startswith("best estimate 50 (")


def test_a_corroborated_figure_anchors_its_toll() -> None:
    claims, reports, groups = incidents()
    events = [build_event(f"e{i}", g, reports) for i, g in enumerate(groups)]
    party_claim = groups[0][2]
    fit = fit_figures(events, {c.id: c for c in claims}, {party_claim.id: True})
    assert fit is not None
    [estimate] = fit.estimates()["e0"]
    assert estimate.value == 40  # the reviewer's judgement fixes it
    refuted = fit_figures(events, {c.id: c for c in claims}, {groups[1][1].id: False})
    assert refuted is not None
    wire = {s.source: s for s in refuted.scores()}["Wire"]
    plain = {s.source: s for s in fit_figures(events, {c.id: c for c in claims}).scores()}  # type: ignore[union-attr]
    assert wire.reliability < plain["Wire"].reliability


def _store(db: str, claims: list[Claim], reports: dict[str, Report]) -> None:
    engine = open_engine(db)
    with engine.begin() as connection:
        for report in reports.values():
            own = [c for c in claims if c.report_id == report.id]
            store_reports(connection, [report], {report.id: own}, SOURCES)


def test_workbench_score_shows_both_kinds_side_by_side(sqlite_url: str) -> None:
    claims, reports, _ = incidents()
    _store(sqlite_url, claims, reports)
    engine = open_engine(sqlite_url)
    with engine.begin() as connection:
        append_verdicts(
            connection,
            [Verdict(claim_id=claims[1].id, reviewer="ana", label=VerdictLabel.CORROBORATED)],
        )
    result = run_cli("score", "--db", sqlite_url)
    assert result.code == 0, result.stderr
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert set(rows) >= {"Monitor", "Wire", "Party"}
    assert rows["Wire"]["n"] == "1"  # one verdict
    assert rows["Party"]["n"] == "0"  # no verdict: F from verdicts ...
    assert rows["Party"]["grade"] == "F"
    for name in ("Monitor", "Wire", "Party"):  # ... but every origin has figures
        assert float(rows[name]["figures_n"]) > 0
        assert 0 <= float(rows[name]["figures_ci_low"]) <= float(rows[name]["figures_reliability"])
        assert rows[name]["figures_grade"] in "ABCDEF"
    as_json = run_cli("score", "--db", sqlite_url, "--format", "json")
    assert as_json.code == 0, as_json.stderr
    party = next(r for r in json.loads(as_json.stdout) if r["source"] == "Party")
    assert party["reliability"] is None
    assert party["figures_reliability"] > 0


def test_figures_alone_are_scored_before_any_verdict(sqlite_url: str) -> None:
    claims, reports, _ = incidents()
    _store(sqlite_url, claims, reports)
    result = run_cli("score", "--db", sqlite_url, "--format", "jsonl")
    assert result.code == 0, result.stderr
    assert "no claim has a resolved verdict" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["source"] for r in rows} == {"Monitor", "Wire", "Party"}


def test_bundled_corpus_every_origin_of_a_multi_origin_incident_is_scored(
    sqlite_url: str, tmp_path: Path
) -> None:
    # a slice of the real FA-KES corpus (the whole 718 reports take minutes)
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:40]
    slice_file = tmp_path / "slice.jsonl"
    slice_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(slice_file), "--db", sqlite_url).code == 0
    events = run_cli("events", "--db", sqlite_url)
    assert events.code == 0, events.stderr
    origins: set[str] = set()
    for line in events.stdout.splitlines():
        for row in json.loads(line)["casualties"]:
            known = [
                o["origin"] for o in row["origins"] if not o["origin"].endswith("(unknown source)")
            ]
            if len(known) >= 2:
                origins.update(known)
    assert len(origins) >= 5
    result = run_cli("score", "--db", sqlite_url, "--format", "json")
    assert result.code == 0, result.stderr
    scored = {r["source"]: r for r in json.loads(result.stdout)}
    for origin in origins:
        assert scored[origin]["figures_n"] > 0, origin
        assert not math.isnan(scored[origin]["figures_reliability"])
