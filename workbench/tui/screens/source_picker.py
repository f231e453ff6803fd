"""Pick one source to filter the queue by."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbench.tui.render import plain


class SourcePicker(ModalScreen[str | None]):
    """Returns the chosen source name, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="source.cancel")
    ]

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__()
        self._names = list(names)

    def compose(self) -> ComposeResult:
        with Vertical(id="source-box", classes="dialog"):
            yield Static("Filter by source (enter picks, escape cancels)", markup=False)
            yield OptionList(
                *(Option(plain(n, single_line=True), id=str(i)) for i, n in enumerate(self._names)),
                id="source-options",
                markup=False,
            )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._names[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
