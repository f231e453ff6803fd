"""Ask where to write the CSV export of the current filtered view."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ExportDialog(ModalScreen[Path | None]):
    """Returns the file to write, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="export.cancel")
    ]

    def __init__(self, default: Path, claims: int) -> None:
        super().__init__()
        self._default = default
        self._claims = claims

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(
                Text(f"Export {self._claims} claims of the current view to CSV", style="bold"),
                markup=False,
            )
            yield Input(value=str(self._default), id="export-path")
            yield Static(Text("enter writes · escape cancels", style="dim"), markup=False)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(Path(event.value.strip()).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
