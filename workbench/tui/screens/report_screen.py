"""The report in full, with its URL, the claim in focus selected in its text."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from models import Report
from workbench.tui.render import plain, safe


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as ``TextArea`` counts them."""
    before = text[:offset]
    return before.count("\n"), offset - (before.rfind("\n") + 1)


def offset(text: str, where: tuple[int, int]) -> int:
    """The character offset of a ``TextArea`` (row, column): the inverse of ``location``."""
    row, column = where
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:row]) + column


class ReportScreen(ModalScreen[tuple[int, int] | None]):
    """Read-only text; select a missed claim (shift+arrows or the mouse) and press ``a``
    to add it. Returns the span to add, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "close", "close", id="report.close"),
        Binding("a", "add", "add the selection as a claim", id="report.add_claim"),
    ]

    def __init__(self, report: Report, span: tuple[int, int] | None = None) -> None:
        super().__init__()
        self._report = report
        self._span = span

    def compose(self) -> ComposeResult:
        report = self._report
        heading = plain(report.title or report.id, "bold", single_line=True)
        facts = [report.outlet, report.published.isoformat() if report.published else ""]
        heading.append("\n" + " · ".join(safe(f, single_line=True) for f in facts if f), "dim")
        heading.append("\n")
        heading.append_text(
            plain(report.url, "underline", single_line=True)
            if report.url
            else Text("no URL recorded", style="dim italic")
        )
        with Vertical(id="report-box", classes="dialog"):
            yield Static(heading, markup=False, id="report-heading")
            # the text as stored; control characters made visible, nothing interpreted
            yield TextArea(safe(report.text), read_only=True, soft_wrap=True, id="report-text")
            yield Static(
                Text("select a missed claim and press a to add it · escape or f closes", "dim"),
                markup=False,
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        if self._span is not None:
            text = safe(self._report.text)
            start, end = (location(text, offset) for offset in self._span)
            area.selection = Selection(start, end)
            area.scroll_cursor_visible(center=True)

    def action_add(self) -> None:
        area = self.query_one(TextArea)
        start, end = sorted(area.selection)
        if start == end:
            self.notify("Select the words of the claim first (shift+arrows).", severity="warning")
            return
        if len(safe(self._report.text)) != len(self._report.text):
            # C1 controls are shown as several characters: offsets would not match
            self.notify("This report's text has hidden characters; cannot mark it here.")
            return
        span = (offset(area.text, start), offset(area.text, end))
        if self._span is not None and span == tuple(self._span):
            self.notify("That is the claim already shown.", severity="warning")
            return
        self.dismiss(span)

    def action_close(self) -> None:
        self.dismiss(None)
