"""The queue of events, one page at a time, so 100,000 claims never become 100,000 widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from rich.text import Text
from textual import on
from textual.css.styles import RulesMap
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.tui.render import plain
from workbench.tui.session import QueueItem
from workbench.tui.widgets.steady_scroll import SteadyScrollbars

PAGE = 100
# Titles are cut to one line so the queue reads as a list, not a wall of text.
TITLE_CHARS = 26


class QueueList(SteadyScrollbars, OptionList):
    """Shows a window of ``PAGE`` events around the current one."""

    class EventChosen(Message):
        """The reviewer picked the event at ``index`` of the filtered queue."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Left(Message):
        """The reviewer pressed escape in the queue: the review keys take over again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._items: Sequence[QueueItem] = ()
        self._start = 0
        self._marker: Callable[[QueueItem], Text] = lambda _item: Text("·")
        self._width = 0

    def show(
        self,
        items: Sequence[QueueItem],
        current: int,
        marker: Callable[[QueueItem], Text],
    ) -> None:
        """Show the page holding ``current`` and highlight it."""
        self._items, self._marker = items, marker
        start = max(0, current - PAGE // 4)
        self._start = start
        self._width = self.size.width  # read once: each read walks the compositor
        options = [
            Option(self._label(n, item), id=str(n))
            for n, item in enumerate(items[start : start + PAGE], start=start)
        ]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            if items:
                self.highlighted = current - start

    def mark(self, current: int) -> None:
        """Move the highlight, repaging only when ``current`` leaves the page."""
        if not self._start <= current < self._start + PAGE:
            self.show(self._items, current, self._marker)
            return
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = current - self._start

    def showing(self, items: Sequence[QueueItem]) -> bool:
        """True when ``items`` is the list already on screen (only the highlight moves)."""
        return items is self._items

    def refresh_item(self, index: int) -> None:
        """Redraw one event's marker after a verdict, when it changed."""
        if self._start <= index < self._start + min(PAGE, len(self._items) - self._start):
            label = self._label(index, self._items[index])
            option = self.get_option_at_index(index - self._start)
            if str(option.prompt) != label.plain:
                self._replace_label(index - self._start, label)

    def _replace_label(self, at: int, label: Text) -> None:
        """``replace_option_prompt_at_index`` without dropping every option's rendering.

        Textual's own call re-renders and re-measures the whole page; when the new
        label takes as many lines as the old one, only its own lines change.
        """
        option = self.get_option_at_index(at)
        lines = self._heights.get(at)
        option._set_prompt(label)
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if (
            lines is None
            or self._get_visual(option).get_height(
                cast(RulesMap, self.styles), width - padding.width
            )
            != lines
        ):
            self.replace_option_prompt_at_index(at, label)
            return
        cache = self._option_render_cache  # an LRUCache: no __iter__, hence keys()
        for key in [k for k in cache.keys() if k[0] is option]:  # noqa: SIM118
            cache.discard(key)
        self.refresh_lines(self._index_to_line[at], lines)

    def _label(self, n: int, item: QueueItem) -> Text:
        label = self._marker(item)
        label.append(f" {n + 1:>3} ", style="dim")
        count = f" ({len(item.claim_ids)})"
        # one line per event: cut the title to the room left (scrollbar included)
        width = self._width or TITLE_CHARS + len(label) + len(count) + 2
        room = max(8, width - len(label) - len(count) - 2)
        title = plain(item.title or item.event_id, single_line=True)
        if len(title) > room:
            title = title[: room - 1] + "\u2026"
        label.append_text(title)
        label.append(count, style="dim")
        return label

    def on_resize(self) -> None:
        if self._items:
            self.show(self._items, self._start + (self.highlighted or 0), self._marker)

    def key_escape(self) -> None:
        self.post_message(self.Left())

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EventChosen(int(event.option.id)))
