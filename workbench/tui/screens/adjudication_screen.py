"""The adjudication queue: claims whose reviewers disagree, settled with a required reason."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from models import VERDICTS, Claim, VerdictLabel
from workbench.store.team import Disagreement
from workbench.tui.render import plain, safe
from workbench.tui.screens.note_dialog import NoteDialog
from workbench.tui.session import ReviewSession


def _case_text(case: Disagreement, claim: Claim | None) -> Text:
    """The claim, then each reviewer's verdict and note, all as literal text."""
    text = plain(claim.text if claim else case.claim_id, "bold", single_line=True)
    for verdict in case.verdicts:
        label = verdict.label.value if verdict.label else "retracted"
        text.append("\n  ")
        text.append(f"{safe(verdict.reviewer, single_line=True)}: ", style="dim")
        text.append(label, style="bold")
        if verdict.note:
            text.append(" - ")
            text.append_text(plain(verdict.note, "italic", single_line=True))
    return text


class AdjudicationScreen(Screen[None]):
    """Pick a disagreement, press a verdict key, give the reason; history keeps everything."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                info.key,
                f"rule('{label.value}')",
                label.value.replace("_", " "),
                tooltip=f"rule {label.value}",
                id=f"adjudicate.{label.value}",
            )
            for label, info in VERDICTS.items()
        ),
        Binding("escape", "close", "back to review", id="adjudicate.close"),
    ]

    class Loaded(Message):
        """The open disagreements, read in a worker."""

        def __init__(self, cases: list[tuple[Disagreement, Claim | None]]) -> None:
            super().__init__()
            self.cases = cases

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.cases: list[tuple[Disagreement, Claim | None]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="adjudication"):
            yield Static(
                Text("loading disagreements…", style="dim"), id="adjudication-title", markup=False
            )
            yield OptionList(id="cases", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"adjudication - {safe(self.session.reviewer, single_line=True)}"
        self._load()

    @work(thread=True, exclusive=True, group="adjudication")
    def _load(self) -> None:
        self.post_message(self.Loaded(self.session.disagreements()))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.cases = message.cases
        title = (
            f"{len(self.cases)} disagreement(s): pick one, press a verdict key, give the reason"
            if self.cases
            else "no open disagreements"
        )
        self.query_one("#adjudication-title", Static).update(Text(title, style="bold"))
        options = self.query_one("#cases", OptionList)
        options.clear_options()
        options.add_options(
            [Option(_case_text(case, claim), id=case.claim_id) for case, claim in self.cases]
        )
        if self.cases:
            options.highlighted = 0
            options.focus()

    def action_rule(self, verdict: str) -> None:
        options = self.query_one("#cases", OptionList)
        if options.highlighted is None or not self.cases:
            return
        case, claim = self.cases[options.highlighted]
        label = VerdictLabel(verdict)

        def reasoned(reason: str | None) -> None:
            if reason:
                try:
                    self.session.adjudicate(case.claim_id, label, reason)
                except Exception as error:  # refused (a party, no right): say so, stay
                    from workbench.store.faults import describe_error

                    self.notify(describe_error(error), severity="error", timeout=10)
                    return
                self.notify(f"ruled {label.value}")
                self._load()

        self.app.push_screen(
            NoteDialog(f"rule {label.value}: why?", claim.text if claim else case.claim_id),
            reasoned,
        )

    def action_close(self) -> None:
        self.dismiss()
