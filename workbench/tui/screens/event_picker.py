"""Pick the event a claim should move to: nearby events first, or search by title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.tui.render import plain
from workbench.tui.session import QueueItem

NEARBY = 30  # events either side of the current one, before any search
MATCHES = 200  # at most this many search results (the queue may hold 100,000 events)


class EventPicker(ModalScreen[QueueItem | None]):
    """Returns the chosen event, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="event_picker.cancel")
    ]

    def __init__(self, items: Sequence[QueueItem], current: int, claim_text: str) -> None:
        super().__init__()
        self._items = list(items)
        self._current = current
        self._claim_text = claim_text
        self._shown: list[QueueItem] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="event-picker-box", classes="dialog"):
            yield Static("Move this claim to another event (enter picks, escape cancels):")
            yield Static(plain(self._claim_text, single_line=True), markup=False)
            yield Input(placeholder="search event titles", id="event-search")
            yield OptionList(id="event-options", markup=False)

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#event-search", Input).focus()

    @on(Input.Changed, "#event-search")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#event-search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#event-options", OptionList)
        if options.option_count:
            self.dismiss(self._shown[options.highlighted or 0])

    def _fill(self, text: str) -> None:
        """Nearby events in queue order, or the events whose title holds ``text``."""
        others = [(n, item) for n, item in enumerate(self._items) if n != self._current]
        wanted = text.strip().casefold()
        if wanted:
            chosen = [item for _n, item in others if wanted in item.title.casefold()][:MATCHES]
        else:
            chosen = [item for n, item in others if abs(n - self._current) <= NEARBY]
        self._shown = chosen
        options = self.query_one("#event-options", OptionList)
        options.clear_options()
        options.add_options(
            Option(
                plain(f"{item.title} ({_claims(len(item.claim_ids))})", single_line=True),
                id=str(n),
            )
            for n, item in enumerate(chosen)
        )
        if chosen:
            options.highlighted = 0

    def key_down(self) -> None:
        self.query_one("#event-options", OptionList).action_cursor_down()

    def key_up(self) -> None:
        self.query_one("#event-options", OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._shown[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)


def _claims(n: int) -> str:
    return f"{n} claim" if n == 1 else f"{n} claims"
