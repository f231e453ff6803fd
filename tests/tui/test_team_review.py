"""Team review in the UI: the blind second-review filter, team progress, adjudication."""

from __future__ import annotations

from models import VerdictLabel, VerdictRole, WorkflowStatus
from tests.tui.conftest import review, settle
from workbench.store import open_engine
from workbench.store.team import disagreements, request_second_review
from workbench.store.verdicts import append_verdicts, current_verdicts, verdict_history
from workbench.tui import make_app
from workbench.tui.screens import AdjudicationScreen, NoteDialog, ReviewScreen
from workbench.tui.session import QueueFilter

SIZE = (120, 40)


def _card_text(screen: ReviewScreen, claim_id: str) -> str:
    from workbench.tui.widgets import ClaimCard

    card = next(c for c in screen.query(ClaimCard) if c.claim_id == claim_id)
    return str(card.render())


async def test_second_reviewer_is_blind_to_the_first_verdict(tiny_db: str) -> None:
    # ana judges a claim and asks for a second review
    first = make_app(db=tiny_db, reviewer="ana", keys={})
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim = screen.claim_id
        assert claim is not None
        await pilot.press("c")
        await settle(pilot)
    with open_engine(tiny_db).begin() as connection:
        request_second_review(connection, [claim], requested_by="ana")
    second = make_app(db=tiny_db, reviewer="bo", keys={})
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert screen.which is QueueFilter.SECOND_REVIEW
        assert [claim in item.claim_ids for item in screen.items] == [True]
        # bo sees the claim unjudged: ana's verdict is not shown to him
        assert screen.session.label_of(claim) is None
        assert "1 / " not in str(screen.query_one("#progress").render())
        screen._go_to_claim(claim)
        await settle(pilot)
        assert screen.session.status_of(claim) is WorkflowStatus.NEEDS_SECOND_REVIEW
        assert "2ND REVIEW" in _card_text(screen, claim)
        await pilot.press("r", *"footage shows otherwise", "enter")
        await settle(pilot)
        # bo disagrees with ana: the claim now waits for adjudication, and the card says so
        assert screen.session.status_of(claim) is WorkflowStatus.IN_REVIEW
        assert "REVIEWERS DISAGREE" in _card_text(screen, claim)
        assert "2ND REVIEW" not in _card_text(screen, claim)
        assert screen.session.filtered(QueueFilter.SECOND_REVIEW) == []
        assert screen.session.team_progress() == {"ana": 1, "bo": 1}


async def test_adjudicator_settles_a_disagreement_with_a_reason(tiny_db: str) -> None:
    engine = open_engine(tiny_db)
    with engine.connect() as connection:
        from sqlalchemy import select

        from workbench.store import schema

        claim = connection.scalars(select(schema.claims.c.id)).first()
    assert claim is not None
    from models import Verdict

    with engine.begin() as connection:
        append_verdicts(
            connection,
            [
                Verdict(claim_id=claim, reviewer="ana", label=VerdictLabel.CORROBORATED),
                Verdict(claim_id=claim, reviewer="bo", label=VerdictLabel.CONTESTED, note="SANA"),
            ],
        )
    app = make_app(db=tiny_db, reviewer="cy", keys={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        assert [case.claim_id for case, _ in screen.cases] == [claim]
        await pilot.press("c")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")  # no reason, no ruling
        await settle(pilot)
        with engine.connect() as connection:
            assert len(disagreements(connection)) == 1
        await pilot.press("c", *"two independent origins agree", "enter")
        await settle(pilot)
        assert screen.cases == []
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.session.status_of(claim) is WorkflowStatus.ADJUDICATED
    with engine.connect() as connection:
        assert disagreements(connection) == []
        ruling = [v for v in current_verdicts(connection) if v.reviewer == "cy"]
        assert [(v.label, v.role, v.note) for v in ruling] == [
            (VerdictLabel.CORROBORATED, VerdictRole.ADJUDICATION, "two independent origins agree")
        ]
        assert len(verdict_history(connection)) == 3


async def test_progress_line_shows_the_other_reviewers(tiny_db: str) -> None:
    from sqlalchemy import select

    from models import Verdict
    from workbench.store import schema

    with open_engine(tiny_db).begin() as connection:
        claims = list(connection.scalars(select(schema.claims.c.id)))[:2]
        append_verdicts(
            connection,
            [Verdict(claim_id=c, reviewer="ana", label=VerdictLabel.SINGLE_SOURCE) for c in claims],
        )
    app = make_app(db=tiny_db, reviewer="bo", keys={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        progress = str(review(pilot).query_one("#progress").render())
    assert "0 / 7 reviewed" in progress
    assert "team: ana 2" in progress
