"""The next event drawn in place: cards reused, a layout pass only when a height changes.

The event view is mounted alone in a small App with the workbench's stylesheet, so
each case controls the shape of the events it shows.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import HorizontalScroll
from textual.screen import Screen

from models import Claim, Event
from tests.tui.conftest import review, settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.render import plain
from workbench.tui.session import EventDetail
from workbench.tui.widgets import ClaimCard, EventView, QueueList

CSS = Path(__file__).resolve().parents[2] / "workbench" / "tui" / "app.tcss"


class ViewApp(App[None]):
    CSS_PATH = str(CSS)

    def compose(self) -> ComposeResult:
        yield EventView(id="event")


def _event(name: str, columns: list[list[str]]) -> EventDetail:
    """An event with one column per list of claim texts (each column its own source)."""
    claims = tuple(
        Claim(id=f"{name}-{n}-{k}", text=text, span=(0, 1), sources=(f"Source {n}",))
        for n, texts in enumerate(columns)
        for k, text in enumerate(texts)
    )
    event = Event(id=name, title=name, claim_ids=tuple(c.id for c in claims))
    return EventDetail(event=event, claims=claims, reports={}, sources={})


def _body(claim: Claim) -> Text:
    return plain(claim.text)


def _cards(view: EventView) -> list[ClaimCard]:
    return list(view.query(ClaimCard))


async def test_same_shape_reuses_every_card_without_a_layout_pass() -> None:
    app = ViewApp()
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(EventView)
        await view.show(_event("a", [["one"], ["two", "three"]]), _body, None)
        await pilot.pause()
        before = _cards(view)
        heights = [card.size.height for card in before]

        assert view.show_in_place(_event("b", [["uno"], ["dos", "tres"]]), _body, "b-1-1")

        assert _cards(view) == before  # the same widgets, nothing mounted or removed
        assert [card.claim_id for card in before] == ["b-0-0", "b-1-0", "b-1-1"]
        assert [str(card.render()) for card in before] == ["uno", "dos", "tres"]
        assert view.order == ["b-0-0", "b-1-0", "b-1-1"]
        assert before[2].has_class("-focused")
        assert not before[0].has_class("-focused")
        assert not app.screen._layout_required  # one line each, as before: repaint only
        await pilot.pause()
        assert [card.size.height for card in before] == heights


async def test_a_card_that_grows_gets_its_layout_pass() -> None:
    app = ViewApp()
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(EventView)
        await view.show(_event("a", [["one"], ["two"]]), _body, None)
        await pilot.pause()
        short = _cards(view)[1]
        assert short.outer_size.height == 3  # one line inside a border
        long = " ".join(["casualties"] * 40)

        assert view.show_in_place(_event("b", [["uno"], [long]]), _body, None)
        await pilot.pause()

        card = _cards(view)[1]
        assert card is short
        lines = card.visual.get_height(card.styles, card.size.width)  # type: ignore[arg-type]
        assert lines > 1
        assert card.size.height == lines  # measured, laid out, nothing clipped
        assert card.outer_size.height == lines + 2
        assert _cards(view)[0].outer_size.height == 3


async def test_another_shape_is_built_by_show() -> None:
    app = ViewApp()
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(EventView)
        await view.show(_event("a", [["one"], ["two", "three"]]), _body, None)
        await pilot.pause()
        kept = _cards(view)[0]
        wider = _event("b", [["uno", "eins"], ["dos"], ["tres"]])

        assert not view.show_in_place(wider, _body, None)
        assert view.order == ["a-0-0", "a-1-0", "a-1-1"]  # untouched when it declines

        await view.show(wider, _body, None)
        await pilot.pause()
        assert view.order == ["b-0-0", "b-0-1", "b-1-0", "b-2-0"]
        assert [card.claim_id for card in _cards(view)] == view.order
        assert _cards(view)[0] is kept  # the first column's card is still reused
        assert len(view.query(".source-column")) == 3


async def test_queue_marker_and_progress_follow_a_verdict(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        queue = screen.query_one(QueueList)
        assert str(queue.get_option_at_index(0).prompt).startswith(" ○")
        await pilot.press("s")
        await settle(pilot)
        assert str(queue.get_option_at_index(0).prompt).startswith(" ◐")
        assert "1 / 7 reviewed" in str(screen.query_one("#progress").render())
        for _ in screen.query_one(EventView).order[1:]:
            await pilot.press("s")
        await settle(pilot)
        assert screen.index == 1
        assert queue.highlighted == 1
        assert str(queue.get_option_at_index(0).prompt).startswith(" ✓")
        assert "event 2 of" in str(screen.query_one("#filter-line").render())


async def test_a_card_that_grows_is_laid_out_in_one_pass() -> None:
    # a card's new height used to ask for a second, identical layout of the screen
    app = ViewApp()
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(EventView)
        await view.show(_event("a", [["one"], ["two"]]), _body, None)
        await pilot.pause()
        passes = 0
        layout = app.screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            nonlocal passes
            passes += 1
            layout(*args, **kwargs)  # type: ignore[arg-type]

        app.screen._refresh_layout = counted  # type: ignore[method-assign]
        long = " ".join(["casualties"] * 40)
        assert view.show_in_place(_event("b", [["uno"], [long]]), _body, None)
        await pilot.pause(0.2)  # time for a second pass, if one were asked for

        assert passes == 1
        card = _cards(view)[1]
        assert card.size.height == card.visual.get_height(card.styles, card.size.width)  # type: ignore[arg-type]


async def test_the_next_event_is_scrolled_home_in_its_first_frame() -> None:
    # the first frame used to show the new cards at the last event's scroll
    app = ViewApp()
    async with app.run_test(size=(70, 30)) as pilot:  # one column in view at a time
        view = app.query_one(EventView)
        columns = view.query_one("#columns", HorizontalScroll)
        await view.show(_event("a", [["one"], ["two"], ["three"]]), _body, "a-2-0")
        await pilot.pause(0.1)
        assert columns.scroll_x > 0  # the last column's card in view
        scrolls: list[float] = []
        display = app._display

        def recorded(screen: Screen[object], update: object) -> None:
            display(screen, update)  # type: ignore[arg-type]
            scrolls.append(columns.scroll_x)

        app._display = recorded  # type: ignore[method-assign]
        assert view.show_in_place(_event("b", [["uno"], ["dos"], ["tres"]]), _body, None)
        await pilot.pause(0.1)

        assert scrolls
        assert scrolls[0] == 0
        assert view._focused == "b-0-0"


async def test_columns_out_of_view_are_refilled_after_the_first_frame() -> None:
    app = ViewApp()
    async with app.run_test(size=(70, 30)) as pilot:  # one column in view at a time
        view = app.query_one(EventView)
        await view.show(_event("a", [["one"], ["two"], ["three"]]), _body, None)
        await pilot.pause(0.1)
        cards = _cards(view)

        assert view.show_in_place(_event("b", [["uno"], ["dos"], ["tres"]]), _body, None)

        # in view: filled in the key's own frame; out of view: its claim now, its text later
        assert [str(card.render()) for card in cards] == ["uno", "two", "three"]
        assert [card.claim_id for card in cards] == ["b-0-0", "b-1-0", "b-2-0"]
        assert view.order == ["b-0-0", "b-1-0", "b-2-0"]
        await pilot.pause(0.1)
        assert [str(card.render()) for card in cards] == ["uno", "dos", "tres"]
        headings = [str(h.render()) for h in view.query(".column-title")]
        assert headings == ["Source 0", "Source 1", "Source 2"]


async def test_a_column_out_of_view_is_filled_before_its_card_is_focused_or_redrawn() -> None:
    app = ViewApp()
    async with app.run_test(size=(70, 30)) as pilot:
        view = app.query_one(EventView)
        await view.show(_event("a", [["one"], ["two"], ["three"]]), _body, None)
        await pilot.pause(0.1)
        cards = _cards(view)

        assert view.show_in_place(_event("b", [["uno"], ["dos"], ["tres"]]), _body, "b-2-0")
        assert str(cards[2].render()) == "tres"  # the focus went there: filled at once

        assert view.show_in_place(_event("c", [["eins"], ["zwei"], ["drei"]]), _body, None)
        view.update_card("c-2-0", Text("drei ✓"))  # a verdict's redraw, before the frame
        assert str(cards[2].render()) == "drei ✓"
        await pilot.pause(0.1)
        assert str(cards[2].render()) == "drei ✓"  # nothing painted over it later
