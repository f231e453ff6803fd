"""The queue's scrollbars: updated when its content or size changes, not after every layout."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from workbench.tui.session import QueueItem
from workbench.tui.widgets import QueueList


class QueueApp(App[None]):
    def compose(self) -> ComposeResult:
        yield QueueList(id="queue")


def _items(n: int) -> list[QueueItem]:
    return [QueueItem(event_id=f"e{k}", title=f"Event {k}", claim_ids=("c",)) for k in range(n)]


def _marker(_item: QueueItem) -> Text:
    return Text(" ○")


async def test_a_layout_that_changes_nothing_leaves_the_scrollbar_alone() -> None:
    app = QueueApp()
    async with app.run_test(size=(60, 10)) as pilot:
        queue = app.query_one(QueueList)
        queue.show(_items(30), 0, _marker)
        await pilot.pause(0.1)
        bar = queue.vertical_scrollbar
        assert queue.show_vertical_scrollbar
        assert bar.window_virtual_size == 30
        repaints = 0
        refresh = bar.refresh

        def counted(*args: object, **kwargs: object) -> object:
            nonlocal repaints
            repaints += 1
            return refresh(*args, **kwargs)  # type: ignore[arg-type]

        bar.refresh = counted  # type: ignore[method-assign]
        app.screen.refresh(layout=True)  # another widget's height changed, say
        await pilot.pause(0.1)
        assert repaints == 0  # Textual's scroll view repaints it after every layout

        queue.show(_items(60), 0, _marker)  # more content: the scrollbar follows
        await pilot.pause(0.1)
        assert bar.window_virtual_size == 60
        assert repaints > 0
        # still styled as an option list (the mixin must not hide its CSS)
        assert queue.get_component_styles("option-list--option-highlighted") is not None
