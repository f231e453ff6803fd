"""Jump to an event by its number or title, or to a claim of this event by its number."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.tui.render import plain
from workbench.tui.session import QueueItem

MATCHES = 100
Target = tuple[int, str | None]  # event index in the view, claim id to focus


class JumpDialog(ModalScreen[Target | None]):
    """'12' opens event 12; 'c3' focuses claim 3 of this event; words match event titles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="jump.cancel")
    ]

    def __init__(self, items: Sequence[QueueItem], current: int, claims: Sequence[str]) -> None:
        super().__init__()
        self._items = items
        self._current = current
        self._claims = list(claims)  # the claims of this event, in the order shown
        self._targets: list[Target] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-box", classes="dialog"):
            yield Static(
                Text("Go to: an event number, c and a claim number, or words of a title", "bold"),
                markup=False,
            )
            yield Input(placeholder="12 · c3 · Ariha", id="jump-text")
            yield OptionList(id="jump-options", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    def _fill(self, text: str) -> None:
        targets: list[tuple[Target, Text]] = []
        if text.isdigit() and 1 <= int(text) <= len(self._items):
            item = self._items[int(text) - 1]
            targets.append(((int(text) - 1, None), self._label(int(text) - 1, item)))
        elif text[:1].casefold() == "c" and text[1:].strip().isdigit():
            n = int(text[1:].strip())
            if 1 <= n <= len(self._claims):
                targets.append(((self._current, self._claims[n - 1]), Text(f"claim {n}")))
        elif text:
            wanted = text.casefold()
            for index, item in enumerate(self._items):
                if wanted in item.title.casefold():
                    targets.append(((index, None), self._label(index, item)))
                    if len(targets) >= MATCHES:
                        break
        self._targets = [target for target, _ in targets]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(label) for _, label in targets)
        if targets:
            options.highlighted = 0

    @staticmethod
    def _label(index: int, item: QueueItem) -> Text:
        label = Text(f"{index + 1:>5}  ", style="dim")
        label.append_text(plain(item.title or item.event_id, single_line=True))
        return label

    def key_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def key_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if self._targets:
            self.dismiss(self._targets[options.highlighted or 0])

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._targets[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
