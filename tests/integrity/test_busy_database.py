"""Another program holds the SQLite write lock: the review UI neither freezes nor crashes;
it says the database is busy, retries, and stores the verdict once the lock is free."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select

from tests.integrity.test_resume import _queue_shown
from tests.tui.conftest import review
from tests.tui.corpus import make_db
from workbench.store import open_engine, schema
from workbench.tui import make_app


def _labels(db: str) -> list[str]:
    engine = open_engine(db)
    with engine.connect() as connection:
        found = list(connection.scalars(select(schema.verdicts.c.label)))
    engine.dispose()
    return found


async def test_a_verdict_waits_for_a_busy_database_and_is_then_stored(sqlite_url: str) -> None:
    db = make_db(sqlite_url)
    app = make_app(db=db, reviewer="ana", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await _queue_shown(pilot)
        screen = review(pilot)
        judged = screen.claim_id
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another program's write transaction
        try:
            await pilot.press("c")
            messages = [str(n.message) for n in app._notifications]
            assert any("busy" in m for m in messages), messages
            await pilot.pause(1.0)
            assert _labels(db) == []  # still held: not stored, still retrying
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        for _ in range(40):  # the retry timer fires within a second of the lock's release
            await pilot.pause(0.1)
            if _labels(db):
                break
        assert _labels(db) == ["corroborated"]
        assert screen.session.label_of(judged or "") is not None
        assert any("Stored" in str(n.message) for n in app._notifications)
