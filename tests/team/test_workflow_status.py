"""A claim's workflow status through its life, derived from append-only rows (both backends)."""

from __future__ import annotations

from models import Verdict, VerdictLabel, VerdictRole, WorkflowStatus
from tests.team.test_blind_review_and_adjudication import OPS, TOLL, _engine
from workbench.store.team import adjudicate, request_second_review
from workbench.store.verdicts import append_verdicts
from workbench.store.workflow import status_of, workflow_statuses

C, R = VerdictLabel.CORROBORATED, VerdictLabel.REFUTED
S = WorkflowStatus


def test_status_rules_on_hand_built_verdicts() -> None:
    def v(n: int, who: str, label: VerdictLabel | None, rule: bool = False) -> Verdict:
        role = VerdictRole.ADJUDICATION if rule else VerdictRole.REVIEW
        return Verdict(id=n, claim_id="c", reviewer=who, label=label, role=role)

    assert status_of([], False) is S.UNREVIEWED
    assert status_of([], True) is S.UNREVIEWED  # queued, but nobody has looked yet
    assert status_of([v(1, "ana", C)], False) is S.FINAL
    assert status_of([v(1, "ana", C)], True) is S.NEEDS_SECOND_REVIEW
    assert status_of([v(1, "ana", C), v(2, "bo", C)], True) is S.FINAL
    assert status_of([v(1, "ana", C), v(2, "bo", R)], True) is S.IN_REVIEW
    assert status_of([v(1, "ana", C), v(2, "bo", R), v(3, "cy", R, rule=True)], True) is (
        S.ADJUDICATED
    )
    # a review newer than the ruling reopens the claim
    assert status_of([v(4, "ana", C), v(2, "bo", R), v(3, "cy", R, rule=True)], True) is (
        S.IN_REVIEW
    )
    assert status_of([v(1, "ana", None)], False) is S.UNREVIEWED  # a retraction


def test_a_claim_moves_through_every_status(db_url: str) -> None:
    engine = _engine(db_url)

    def now() -> dict[str, WorkflowStatus]:
        with engine.connect() as connection:
            return workflow_statuses(connection)

    assert now() == {TOLL.id: S.UNREVIEWED, OPS.id: S.UNREVIEWED}
    with engine.begin() as connection:
        append_verdicts(connection, [Verdict(claim_id=TOLL.id, reviewer="ana", label=C)])
    assert now()[TOLL.id] is S.FINAL
    with engine.begin() as connection:
        request_second_review(connection, [TOLL.id], requested_by="ana")
    assert now()[TOLL.id] is S.NEEDS_SECOND_REVIEW
    with engine.begin() as connection:
        append_verdicts(connection, [Verdict(claim_id=TOLL.id, reviewer="bo", label=R, note="n")])
    assert now()[TOLL.id] is S.IN_REVIEW
    with engine.begin() as connection:
        adjudicate(connection, TOLL.id, "cy", R, "the footage settles it")
    assert now() == {TOLL.id: S.ADJUDICATED, OPS.id: S.UNREVIEWED}
    with engine.connect() as connection:
        assert workflow_statuses(connection, [OPS.id]) == {OPS.id: S.UNREVIEWED}
        assert workflow_statuses(connection, [TOLL.id]) == {TOLL.id: S.ADJUDICATED}


def test_status_command_counts_and_lists(sqlite_url: str) -> None:
    import json

    from tests.conftest import run_cli

    engine = _engine(sqlite_url)
    with engine.begin() as connection:
        append_verdicts(connection, [Verdict(claim_id=TOLL.id, reviewer="ana", label=C)])
    counts = run_cli("verdicts", "status", "--db", sqlite_url)
    assert counts.code == 0, counts.stderr
    table = dict(line.split() for line in counts.stdout.splitlines())
    assert table == {
        "unreviewed": "1",
        "in_review": "0",
        "needs_second_review": "0",
        "adjudicated": "0",
        "final": "1",
        "total": "2",
    }
    listed = run_cli("verdicts", "status", "--claims", "--db", sqlite_url)
    assert {
        json.loads(line)["claim_id"]: json.loads(line)["status"]
        for line in listed.stdout.splitlines()
    } == {
        TOLL.id: "final",
        OPS.id: "unreviewed",
    }
