"""Every key and every verdict with its rule of thumb."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from models import VERDICTS, VerdictLabel
from workbench.tui.keymap import KEY_SPECS, key_display


class HelpScreen(ModalScreen[None]):
    """Shows the keys in force (after the user's remapping) and the verdict rules."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "close", id="help.close"),
    ]

    def __init__(self, keys: dict[str, str]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        table = Table(title="Review keys", expand=True, box=None, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does", no_wrap=True)
        table.add_column("rule / detail", style="dim", ratio=1)
        for spec in KEY_SPECS:
            keys = key_display(self._keys.get(spec.id, spec.keys))
            label = spec.id.removeprefix("verdict.")
            needs = (
                label in {v.value for v in VerdictLabel}
                and VERDICTS[VerdictLabel(label)].needs_note
            )
            table.add_row(keys, spec.description + (" *" if needs else ""), spec.tooltip)
        footer = Text(
            "* asks for a note.  Remap keys in $XDG_CONFIG_HOME/workbench/keys.toml "
            '(default ~/.config): [keys] "verdict.corroborated" = "C".  escape closes.',
            style="dim",
        )
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static(table)
            yield Static(footer, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
