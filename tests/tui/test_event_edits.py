"""Fixing the grouping from the review UI: `m` moves a claim to another event, `b` breaks
it out into an event of its own. Each edit is stored before the queue shows it."""

from __future__ import annotations

from tests.tui.conftest import review, settle
from workbench.events.storage import grouping_is_fresh, load_edits, load_grouping
from workbench.store import open_engine
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import EventPicker

SIZE = (120, 40)


def _stored(db: str) -> tuple[dict[str, tuple[str, ...]], list[str], bool]:
    engine = open_engine(db)
    with engine.connect() as connection:
        grouping = load_grouping(connection)
        kinds = [f"{e.kind.value}:{e.reviewer}" for e in load_edits(connection)]
        fresh = grouping_is_fresh(connection)
    engine.dispose()
    return grouping, kinds, fresh


def _event_of(claim_id: str, grouping: dict[str, tuple[str, ...]]) -> str:
    return next(event for event, claims in grouping.items() if claim_id in claims)


def _notes(app: WorkbenchApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_move_a_claim_to_the_event_picked_by_title(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim = screen.claim_id
        assert claim is not None
        assert _event_of(claim, _stored(tiny_db)[0]) == "ev-toll"
        await pilot.press("m")
        assert isinstance(app.screen, EventPicker)
        await pilot.press(*"army operations", "enter")
        await settle(pilot)
        grouping, kinds, fresh = _stored(tiny_db)
        assert _event_of(claim, grouping) == "ev-ops"
        assert len(grouping["ev-ops"]) == 2
        assert len(grouping["ev-toll"]) == 2
        assert kinds == ["move:tester"]
        assert fresh
        # the reviewer stays where they were, on the next claim of the old event
        assert screen.items[screen.index].event_id == "ev-toll"
        assert screen.claim_id in grouping["ev-toll"]
        assert any(n.startswith("Moved to: Army operations") for n in _notes(app))


async def test_escape_in_the_picker_changes_nothing(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = _stored(tiny_db)
        await pilot.press("m")
        assert isinstance(app.screen, EventPicker)
        await pilot.press("escape")
        await settle(pilot)
        assert _stored(tiny_db) == before


async def test_break_a_claim_out_into_its_own_event(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim = screen.claim_id
        assert claim is not None
        await pilot.press("b")
        await settle(pilot)
        grouping, kinds, _fresh = _stored(tiny_db)
        assert grouping[_event_of(claim, grouping)] == (claim,)
        assert len(grouping["ev-toll"]) == 2
        assert kinds == ["split:tester"]
        assert len(screen.items) == 5
        assert "Taken out into an event of its own." in _notes(app)
        await pilot.press("ctrl+z")  # and back again
        await settle(pilot)
        grouping = _stored(tiny_db)[0]
        assert _event_of(claim, grouping) == "ev-toll"
        assert len(grouping) == 4
        assert len(screen.items) == 4


async def test_a_claim_alone_in_its_event_is_not_split(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press("right_square_bracket")  # ev-ops: one claim
        await settle(pilot)
        assert screen.items[screen.index].event_id == "ev-ops"
        await pilot.press("b")
        await settle(pilot)
        assert _stored(tiny_db)[1] == []
        assert "This claim is already alone in its event." in _notes(app)


def test_edits_apply_when_events_are_grouped_in_memory(sqlite_url: str) -> None:
    from tests.tui.corpus import make_db
    from workbench.tui.session import ReviewSession

    make_db(sqlite_url, events=False)  # small database, no stored grouping
    session = ReviewSession.open(sqlite_url, "ana")
    items = session.load_queue()
    crowded = max(items, key=lambda item: len(item.claim_ids))
    claim = crowded.claim_ids[0]
    session.regroup_claim(claim, None)
    after = session.load_queue()
    assert any(item.claim_ids == (claim,) for item in after)
    other = next(item for item in after if claim not in item.claim_ids)
    session.regroup_claim(claim, other)
    moved = session.load_queue()
    assert claim in next(i for i in moved if other.claim_ids[0] in i.claim_ids).claim_ids


def test_the_patched_queue_matches_a_reloaded_one(tiny_db: str) -> None:
    from workbench.tui.session import ReviewSession

    session = ReviewSession.open(tiny_db, "ana")
    items = session.load_queue()
    toll = next(item for item in items if item.event_id == "ev-toll")
    ops = next(item for item in items if item.event_id == "ev-ops")

    def described(queue: list[object]) -> set[tuple[object, ...]]:
        return {
            (i.event_id, i.title, i.claim_ids, i.sources, i.outlets)  # type: ignore[attr-defined]
            for i in queue
        }

    assert session.regroup_claim(toll.claim_ids[0], ops) is True  # patched, not reloaded
    assert session.regroup_claim(toll.claim_ids[1], None) is True
    patched = list(session.items)
    reloaded = ReviewSession.open(tiny_db, "ana").load_queue()
    assert described(patched) == described(reloaded)
    assert all(item.outlets for item in reloaded)


async def test_undo_and_redo_an_event_edit(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim = screen.claim_id
        assert claim is not None
        await pilot.press("m", *"army operations", "enter")
        await settle(pilot)
        assert _event_of(claim, _stored(tiny_db)[0]) == "ev-ops"
        await pilot.press("ctrl+z")
        await settle(pilot)
        grouping, kinds, fresh = _stored(tiny_db)
        assert _event_of(claim, grouping) == "ev-toll"
        assert len(grouping["ev-toll"]) == 3
        assert kinds == ["move:tester", "move:tester"]  # undo appends, never deletes
        assert fresh
        assert screen.claim_id == claim  # shown where it went back to
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert _event_of(claim, _stored(tiny_db)[0]) == "ev-ops"
        # a verdict after the edit is undone first, then the edit
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.session.label_of(claim) is None
        assert _event_of(claim, _stored(tiny_db)[0]) == "ev-ops"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert _event_of(claim, _stored(tiny_db)[0]) == "ev-toll"
