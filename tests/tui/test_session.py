"""The Textual-free review session: queue sources, resume, progress, undo on both backends."""

from __future__ import annotations

import pytest

from models import VerdictLabel
from tests.tui.corpus import EVENTS, build, make_db
from workbench.store import open_engine
from workbench.store.reports import count_rows
from workbench.tui import bundled_corpus, make_app
from workbench.tui import session as session_module
from workbench.tui.session import MissingNoteError, QueueFilter, ReviewSession, display_order


def test_fresh_database_opens_the_bundled_corpus(sqlite_url: str) -> None:
    app = make_app(db=sqlite_url, reviewer="new user", keys={})
    items = app.session.load_queue()
    assert bundled_corpus().is_dir()
    assert items, "the README's first command must show real claims"
    assert app.session.progress().total == count_rows(app.session.engine.connect())["claims"]
    detail = app.session.load_event(items[0])
    assert detail.claims
    assert detail.event.outlets >= 1


def test_reopening_does_not_ingest_twice(sqlite_url: str) -> None:
    make_app(db=sqlite_url, reviewer="a", keys={})
    with open_engine(sqlite_url).connect() as connection:
        before = count_rows(connection)
    make_app(db=sqlite_url, reviewer="a", keys={}, paths=[bundled_corpus()])
    with open_engine(sqlite_url).connect() as connection:
        assert count_rows(connection) == before


def test_stored_events_are_the_queue_and_new_claims_are_not_lost(db_url: str) -> None:
    make_db(db_url)
    session = ReviewSession.open(db_url, "r")
    items = session.load_queue()
    assert [item.event_id for item in items] == list(EVENTS)
    _reports, claims = build()
    assert session.progress().total == sum(len(found) for found in claims.values())


def test_grouped_in_memory_without_stored_events(sqlite_url: str) -> None:
    make_db(sqlite_url, events=False)
    session = ReviewSession.open(sqlite_url, "r")
    items = session.load_queue()
    assert sum(len(item.claim_ids) for item in items) == 7
    assert session.first_item() is None  # small: the full queue is quick
    assert session.ungrouped == 0


def test_big_database_falls_back_to_reports_and_resumes_cheaply(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "GROUP_IN_MEMORY_LIMIT", 2)
    make_db(sqlite_url, events=False)
    session = ReviewSession.open(sqlite_url, "r")
    first = session.first_item()
    assert first is not None
    item, focus = first
    assert focus == item.claim_ids[0]
    items = session.load_queue()
    assert len(items) == 3  # one per report
    assert session.ungrouped == 7  # the reviewer is told to run `workbench events`
    assert items[0].event_id == item.event_id
    session.record(item.claim_ids[0], VerdictLabel.CORROBORATED)
    again = ReviewSession.open(sqlite_url, "r").first_item()
    assert again is not None
    assert again[1] == item.claim_ids[1]


def test_record_needs_notes_and_undo_redo_append(db_url: str) -> None:
    make_db(db_url)
    session = ReviewSession.open(db_url, "r")
    items = session.load_queue()
    claim = items[0].claim_ids[0]
    with pytest.raises(MissingNoteError):
        session.record(claim, VerdictLabel.REFUTED)
    session.record(claim, VerdictLabel.CONTESTED, "figures differ")
    assert session.progress().contested == 1
    assert [i.event_id for i in session.filtered(QueueFilter.CONTESTED)] == [items[0].event_id]
    assert session.undo() == claim
    assert session.label_of(claim) is None
    assert session.redo() == claim
    assert session.label_of(claim) is VerdictLabel.CONTESTED
    reopened = ReviewSession.open(db_url, "r")
    reopened.load_queue()
    assert reopened.verdict_of(claim).note == "figures differ"  # type: ignore[union-attr]
    # the first claim not judged, in the order the screen shows and walks the event
    shown = display_order(reopened.load_event(reopened.items[0]).claims)
    assert reopened.resume_point(reopened.items) == (0, next(c for c in shown if c != claim))


async def test_reviewer_is_told_when_claims_are_not_grouped(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.tui.conftest import settle
    from workbench.tui import make_app

    monkeypatch.setattr(session_module, "GROUP_IN_MEMORY_LIMIT", 2)
    make_db(sqlite_url, events=False)
    app = make_app(db=sqlite_url, reviewer="r", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert any("7 claims" in m and "workbench events" in m for m in messages), messages


async def test_no_grouping_notice_when_everything_is_grouped(sqlite_url: str) -> None:
    from tests.tui.conftest import settle
    from workbench.tui import make_app

    make_db(sqlite_url)
    app = make_app(db=sqlite_url, reviewer="r", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert not any("workbench events" in m for m in messages), messages
