"""The verdict keys, always visible under the event, with the focused claim's verdict lit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from models import VERDICTS, VerdictLabel

# Short enough that all seven chips fit beside an 80-column sidebar.
SHORT: dict[VerdictLabel, str] = {
    VerdictLabel.ACKNOWLEDGED: "ackn.",
    VerdictLabel.CORROBORATED: "corrob.",
    VerdictLabel.SINGLE_SOURCE: "single",
    VerdictLabel.CONTESTED: "contest.",
    VerdictLabel.UNVERIFIABLE: "unverif.",
    VerdictLabel.DOUBTFUL: "doubtful",
    VerdictLabel.REFUTED: "refuted",
}

# Below 70 columns (the 80-column terminal) the chips shorten again to fit.
TINY: dict[VerdictLabel, str] = {
    VerdictLabel.ACKNOWLEDGED: "ack",
    VerdictLabel.CORROBORATED: "corr",
    VerdictLabel.SINGLE_SOURCE: "single",
    VerdictLabel.CONTESTED: "cont",
    VerdictLabel.UNVERIFIABLE: "unver",
    VerdictLabel.DOUBTFUL: "doubt",
    VerdictLabel.REFUTED: "ref",
}
NARROW = 70


class VerdictBar(Horizontal):
    """One chip per verdict; clicking a chip marks the claim like its key does."""

    class Marked(Message):
        """The reviewer clicked a verdict chip."""

        def __init__(self, label: VerdictLabel) -> None:
            super().__init__()
            self.label = label

    def __init__(self, keys: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys = keys
        self._lit: VerdictLabel | None = None

    def compose(self) -> ComposeResult:
        for label in VerdictLabel:
            chip = Static(
                self._chip(label, SHORT),
                markup=False,
                classes="verdict-chip",
                id=f"chip-{label.value}",
            )
            chip.tooltip = f"{label.value}: {VERDICTS[label].rule}"
            yield chip

    def _chip(self, label: VerdictLabel, names: dict[VerdictLabel, str]) -> str:
        key = self._keys.get(f"verdict.{label.value}", VERDICTS[label].key).split(",")[0]
        return f"{key} {names[label]}"

    def on_resize(self) -> None:
        names = TINY if self.size.width < NARROW else SHORT
        for label in VerdictLabel:
            self.query_one(f"#chip-{label.value}", Static).update(self._chip(label, names))

    def light(self, label: VerdictLabel | None) -> None:
        """Highlight the chip of ``label`` (None: nothing chosen yet); touch only changes."""
        if label is self._lit:
            return
        for changed in (self._lit, label):
            if changed is not None:
                chip = self.query_one(f"#chip-{changed.value}", Static)
                chip.set_class(changed is label, "-current")
        self._lit = label

    def on_click(self, event: Click) -> None:
        widget = event.widget
        if widget is not None and widget.id and widget.id.startswith("chip-"):
            self.post_message(self.Marked(VerdictLabel(widget.id.removeprefix("chip-"))))
