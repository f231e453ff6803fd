"""Blind second review on SQLite: everything the second reviewer can reach (export in both
formats, score, the UI's source panel, progress line and export key) leaves out the first
reviewer's verdict on a queued claim until the second reviewer has given their own.

On SQLite the reviewer is --reviewer, else the operating-system user ($USER here)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import SEED, run_cli
from workbench.tui.session import ReviewSession


def _claims(db: str) -> list[str]:
    exported = run_cli("export", "--db", db)
    return [row["claim_id"] for row in csv.DictReader(io.StringIO(exported.stdout))]


def _import(db: str, rows: list[tuple[str, str, str]], user: str) -> None:
    body = "".join(f"{c},{label},{who}\n" for c, label, who in rows)
    done = run_cli(
        "verdicts", "import", "-", "--db", db, stdin="claim_id,verdict,reviewer\n" + body,
        env={"USER": user},
    )  # fmt: skip
    assert done.code == 0, done.stderr


@pytest.fixture
def queued(tmp_path: Path) -> tuple[str, str, str]:
    """(database, blind claim, open claim): ana judged both, queued the first."""
    db = str(tmp_path / "team.db")
    assert run_cli("ingest", str(SEED), "--db", db).code == 0
    blind, open_claim = _claims(db)[:2]
    _import(db, [(blind, "corroborated", "ana"), (open_claim, "corroborated", "ana")], "ana")
    done = run_cli("verdicts", "second-review", blind, "--db", db, env={"USER": "ana"})
    assert done.code == 0, done.stderr
    return db, blind, open_claim


def _seen(db: str, user: str, *args: str) -> set[tuple[str, str]]:
    done = run_cli("export", "--db", db, "--reviewed-only", *args, env={"USER": user})
    assert done.code == 0, done.stderr
    return {(r["claim_id"], r["reviewer"]) for r in csv.DictReader(io.StringIO(done.stdout))}


def test_exports_hide_the_first_verdict_until_the_second_is_given(
    queued: tuple[str, str, str],
) -> None:
    db, blind, open_claim = queued
    assert _seen(db, "ana") == {(blind, "ana"), (open_claim, "ana")}
    assert _seen(db, "bo") == {(open_claim, "ana")}
    # --reviewer names the viewer (and keeps only their rows): ana's stay hidden to bo.
    assert _seen(db, "someone", "--reviewer", "bo") == set()
    assert _seen(db, "someone", "--reviewer", "ana") == {(blind, "ana"), (open_claim, "ana")}
    claimreview = run_cli("export", "--db", db, "--format", "claimreview", env={"USER": "bo"})
    assert open_claim in claimreview.stdout
    assert blind not in claimreview.stdout
    _import(db, [(blind, "refuted", "bo")], "bo")
    assert _seen(db, "bo") == {(blind, "ana"), (open_claim, "ana"), (blind, "bo")}
    # Once two reviewers have answered, the blind phase is over for an adjudicator too.
    assert (blind, "ana") in _seen(db, "cy")


def test_score_counts_only_what_the_reviewer_may_see(
    queued: tuple[str, str, str], tmp_path: Path
) -> None:
    db, _blind, open_claim = queued
    reference = str(tmp_path / "reference.db")
    assert run_cli("ingest", str(SEED), "--db", reference).code == 0
    _import(reference, [(open_claim, "corroborated", "ana")], "ana")
    as_bo = run_cli("score", "--db", db, env={"USER": "bo"})
    as_ana = run_cli("score", "--db", db, env={"USER": "ana"})
    expected = run_cli("score", "--db", reference, env={"USER": "bo"})
    assert as_bo.code == 0, as_bo.stderr
    assert as_bo.stdout == expected.stdout
    assert as_ana.stdout != as_bo.stdout


def test_the_review_ui_panel_progress_and_export_key_are_blind(
    queued: tuple[str, str, str],
) -> None:
    db, _blind, open_claim = queued
    bo = ReviewSession.open(db, "bo")
    ana = ReviewSession.open(db, "ana")
    assert bo.team_progress() == {"ana": 1}
    assert ana.team_progress() == {"ana": 2}
    panel_bo = sum(sum(row.counts.values()) for row in bo.source_rows())
    panel_ana = sum(sum(row.counts.values()) for row in ana.source_rows())
    assert panel_bo < panel_ana
    buffer = io.StringIO()
    bo.export_csv(None, buffer)
    rows = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert {(r["claim_id"], r["reviewer"]) for r in rows if r["reviewer"]} == {(open_claim, "ana")}


def test_a_reviewer_cannot_rule_on_a_disagreement_they_are_party_to(
    queued: tuple[str, str, str],
) -> None:
    db, blind, _open_claim = queued
    _import(db, [(blind, "refuted", "bo")], "bo")
    for who in ("ana", "bo"):
        refused = run_cli(
            "verdicts", "adjudicate", blind, "refuted", "--reason", "mine", "--db", db,
            env={"USER": who},
        )  # fmt: skip
        assert refused.code == 2
        assert "cannot adjudicate" in refused.stderr
    ruled = run_cli(
        "verdicts", "adjudicate", blind, "refuted", "--reason", "footage", "--db", db,
        env={"USER": "cy"},
    )  # fmt: skip
    assert ruled.code == 0, ruled.stderr
