"""Blind second review, disagreements and adjudication, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from models import Claim, Report, Verdict, VerdictLabel, VerdictRole
from workbench.agreement import agreement_report
from workbench.errors import InputError
from workbench.reliability import consensus_truth
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.team import (
    adjudicate,
    disagreements,
    final_verdicts,
    request_second_review,
    second_review_queue,
    visible_verdicts,
)
from workbench.store.verdicts import append_verdicts, current_verdicts, verdict_history

REPORT = Report(text="A monitor said 26 were killed. The agency said operations went on.")
TOLL = Claim(report_id=REPORT.id, text="26 were killed", span=(0, 30), sources=("SOHR",))
OPS = Claim(report_id=REPORT.id, text="operations went on", span=(31, 60), sources=("SANA",))
C, X, R = VerdictLabel.CORROBORATED, VerdictLabel.CONTESTED, VerdictLabel.REFUTED


def _engine(url: str) -> Engine:
    engine = open_engine(url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [TOLL, OPS]})
    return engine


def test_second_reviewer_sees_the_first_verdict_only_after_giving_their_own(db_url: str) -> None:
    engine = _engine(db_url)
    with engine.begin() as connection:
        append_verdicts(connection, [Verdict(claim_id=TOLL.id, reviewer="ana", label=C)])
        assert request_second_review(connection, [TOLL.id, TOLL.id], requested_by="ana") == 1
    with engine.connect() as connection:
        assert second_review_queue(connection, "bo") == [TOLL.id]
        assert second_review_queue(connection, "ana") == []  # not your own claim again
        assert visible_verdicts(connection, "bo") == []
        assert [v.reviewer for v in visible_verdicts(connection, "ana")] == ["ana"]
    with engine.begin() as connection:
        append_verdicts(
            connection,
            [Verdict(claim_id=TOLL.id, reviewer="bo", label=R, note="footage shows no toll")],
        )
    with engine.connect() as connection:
        assert second_review_queue(connection, "bo") == []
        assert sorted(v.reviewer for v in visible_verdicts(connection, "bo")) == ["ana", "bo"]


def test_disagreement_is_queued_until_adjudicated_and_history_keeps_everything(
    db_url: str,
) -> None:
    engine = _engine(db_url)
    with engine.begin() as connection:
        append_verdicts(
            connection,
            [
                Verdict(claim_id=TOLL.id, reviewer="ana", label=C),
                Verdict(claim_id=TOLL.id, reviewer="bo", label=X, note="SANA denies"),
                Verdict(claim_id=OPS.id, reviewer="ana", label=C),
                Verdict(claim_id=OPS.id, reviewer="bo", label=C),
            ],
        )
    with engine.connect() as connection:
        [open_case] = disagreements(connection)
    assert open_case.claim_id == TOLL.id
    assert [v.label for v in open_case.verdicts] == [C, X]
    with engine.begin() as connection, pytest.raises(InputError, match="needs a reason"):
        adjudicate(connection, TOLL.id, "cy", C, "  ")
    with engine.begin() as connection:
        ruling = adjudicate(connection, TOLL.id, "cy", C, "two independent origins agree")
    assert ruling.role is VerdictRole.ADJUDICATION
    with engine.connect() as connection:
        assert disagreements(connection) == []
        current = current_verdicts(connection)
        assert len(verdict_history(connection)) == 5
    assert final_verdicts(current) == {TOLL.id: C, OPS.id: C}
    assert consensus_truth(current) == {TOLL.id: True, OPS.id: True}
    # the adjudicator is not a rater: agreement is still ana vs bo only
    assert [row.raters for row in agreement_report(current)] == ["ana + bo"]
    # a review given after the ruling reopens the case
    with engine.begin() as connection:
        append_verdicts(
            connection, [Verdict(claim_id=TOLL.id, reviewer="bo", label=R, note="new footage")]
        )
        assert [d.claim_id for d in disagreements(connection)] == [TOLL.id]


def test_review_requests_are_append_only(db_url: str) -> None:
    engine = _engine(db_url)
    with engine.begin() as connection:
        request_second_review(connection, [TOLL.id], requested_by="ana")
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("DELETE FROM review_requests"))


def test_team_commands_queue_list_and_settle(sqlite_url: str) -> None:
    import json

    from tests.conftest import run_cli

    engine = _engine(sqlite_url)
    with engine.begin() as connection:
        append_verdicts(
            connection,
            [
                Verdict(claim_id=TOLL.id, reviewer="ana", label=C),
                Verdict(claim_id=TOLL.id, reviewer="bo", label=X, note="SANA denies"),
                Verdict(claim_id=OPS.id, reviewer="ana", label=C),
            ],
        )
    queued = run_cli("verdicts", "second-review", "--all-single", "--by", "ana", "--db", sqlite_url)
    assert queued.code == 0, queued.stderr
    assert "queued 1 claim(s)" in queued.stderr
    listed = run_cli("verdicts", "disagreements", "--db", sqlite_url)
    [case] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert case["claim_id"] == TOLL.id
    no_reason = run_cli(
        "verdicts",
        "adjudicate",
        TOLL.id,
        "corroborated",
        "--reason",
        "",
        "--by",
        "cy",
        "--db",
        sqlite_url,
    )
    assert no_reason.code == 2
    settled = run_cli(
        "verdicts",
        "adjudicate",
        TOLL.id,
        "corroborated",
        "--reason",
        "two origins",
        "--by",
        "cy",
        "--db",
        sqlite_url,
    )
    assert settled.code == 0, settled.stderr
    assert run_cli("verdicts", "disagreements", "--db", sqlite_url).stdout == ""
    with engine.connect() as connection:
        assert second_review_queue(connection, "bo") == [OPS.id]
