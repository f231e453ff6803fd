"""Ask for a note: the reason a verdict needs, or a remark on a claim."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbench.tui.render import plain


class NoteDialog(ModalScreen[str | None]):
    """Returns the note, or None when the reviewer cancels with escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="note.cancel")
    ]

    def __init__(self, prompt: str, claim_text: str, initial: str = "") -> None:
        super().__init__()
        self._prompt = prompt
        self._claim_text = claim_text
        self._initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Text(self._prompt, style="bold"), markup=False)
            yield Static(plain(self._claim_text[:300], "dim", single_line=True), markup=False)
            yield Input(
                value=self._initial,
                placeholder="why? (enter saves, escape cancels)",
                id="note-input",
                # the note is extended, not replaced: no selection, cursor after the text
                select_on_focus=False,
            )

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).cursor_position = len(self._initial)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        note = event.value.strip()
        if note:
            self.dismiss(note)
        else:
            self.notify("A note cannot be empty; escape cancels.", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
