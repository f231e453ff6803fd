"""A report with 100,000 claims opens in the review UI and a verdict key works: the queue
shows it in parts, so the screen never builds more than ``PAGE_CLAIMS`` cards, and every
query over its claims is asked in batches (no "too many SQL variables")."""

from __future__ import annotations

from sqlalchemy import select

from tests.integrity.big_report import big_report_db
from tests.integrity.test_resume import _queue_shown
from tests.tui.conftest import review
from workbench.store import open_engine, schema
from workbench.tui import make_app
from workbench.tui.session import PAGE_CLAIMS
from workbench.tui.widgets import ClaimCard

CLAIMS = 100_000


async def test_a_report_of_100000_claims_opens_and_takes_a_verdict(sqlite_url: str) -> None:
    db = big_report_db(sqlite_url, CLAIMS)
    app = make_app(db=db, reviewer="ana", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await _queue_shown(pilot)
        screen = review(pilot)
        assert sum(len(item.claim_ids) for item in screen.items) == CLAIMS
        assert len(screen.items) == CLAIMS // PAGE_CLAIMS
        assert len(screen.query(ClaimCard)) <= PAGE_CLAIMS
        focused = screen.claim_id
        await pilot.press("c")
        await _queue_shown(pilot)
        assert screen.claim_id != focused  # advanced to the next claim
    engine = open_engine(db)
    with engine.connect() as connection:
        stored = connection.execute(
            select(schema.verdicts.c.claim_id, schema.verdicts.c.label)
        ).all()
    engine.dispose()
    assert [tuple(row) for row in stored] == [(focused, "corroborated")]
