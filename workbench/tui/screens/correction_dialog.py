"""Correct what the extractor read of one claim: source, figure, modality, reject, roll up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, RadioButton, RadioSet, Static

from models import Claim, Modality
from models.correction import Correction, CorrectionKind
from workbench.corrections import describe_figures, parse_figures
from workbench.tui.render import plain

CHOICES: dict[CorrectionKind, str] = {
    CorrectionKind.SOURCE: "source  who said it (names separated by ';')",
    CorrectionKind.FIGURE: "figure  e.g. '52 killed; at least 60 wounded'",
    CorrectionKind.MODALITY: "modality  " + ", ".join(m.value for m in Modality),
    CorrectionKind.REJECT: "reject  this is not a claim",
    CorrectionKind.MERGE_SOURCE: "roll up  the source into the body it speaks for",
}


class CorrectionDialog(ModalScreen[Correction | None]):
    """Returns the correction (the session fills in the reviewer), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="correction.cancel"),
        Binding("ctrl+s", "save", "save", id="correction.save"),
    ]

    def __init__(self, claim: Claim, source_names: Sequence[str]) -> None:
        super().__init__()
        self._claim = claim
        self._names = list(source_names)

    def compose(self) -> ComposeResult:
        with Vertical(id="correction-box", classes="dialog"):
            yield Static(Text("Correct this claim", style="bold"), markup=False)
            yield Static(plain(self._claim.text[:300], "dim", single_line=True), markup=False)
            with RadioSet(id="correction-kind"):
                for kind, label in CHOICES.items():
                    yield RadioButton(label, value=kind is CorrectionKind.SOURCE, id=kind.value)
            yield Input(
                self._prefill(CorrectionKind.SOURCE),
                id="correction-value",
                suggester=SuggestFromList(
                    [*self._names, *(m.value for m in Modality)], case_sensitive=False
                ),
                select_on_focus=False,
            )
            yield Static(
                Text("enter or ctrl+s saves · escape cancels · undo (ctrl+z) reverts", "dim"),
                markup=False,
            )

    def on_mount(self) -> None:
        field = self.query_one("#correction-value", Input)
        field.cursor_position = len(field.value)
        self.query_one(RadioSet).focus()

    def _kind(self) -> CorrectionKind:
        pressed = self.query_one(RadioSet).pressed_button
        return CorrectionKind(pressed.id) if pressed and pressed.id else CorrectionKind.SOURCE

    def _prefill(self, kind: CorrectionKind) -> str:
        claim = self._claim
        return {
            CorrectionKind.SOURCE: "; ".join(claim.sources),
            CorrectionKind.FIGURE: describe_figures(claim.quantities),
            CorrectionKind.MODALITY: claim.modality.value,
        }.get(kind, "")

    @on(RadioSet.Changed)
    def _kind_changed(self) -> None:
        kind = self._kind()
        field = self.query_one("#correction-value", Input)
        field.value = self._prefill(kind)
        field.cursor_position = len(field.value)  # typing extends; ctrl+u clears
        field.placeholder = {
            CorrectionKind.MERGE_SOURCE: "the body it speaks for",
            CorrectionKind.REJECT: "enter rejects the claim",
        }.get(kind, "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            correction = self._correction(self._kind(), self.query_one(Input).value.strip())
        except ValueError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        self.dismiss(correction)

    def _correction(self, kind: CorrectionKind, value: str) -> Correction:
        claim = self._claim
        anchor = {
            "kind": kind,
            "reviewer": "-",  # the session puts its own reviewer
            "claim_id": claim.id,
            "report_id": claim.report_id,
            "span": claim.span,
        }
        if kind is CorrectionKind.SOURCE:
            names = tuple(dict.fromkeys(n.strip() for n in value.split(";") if n.strip()))
            if not names:
                raise ValueError("name at least one source")
            return Correction(**anchor, sources=names)
        if kind is CorrectionKind.FIGURE:
            return Correction(**anchor, quantities=parse_figures(value))
        if kind is CorrectionKind.MODALITY:
            try:
                return Correction(**anchor, modality=Modality(value.casefold()))
            except ValueError:
                choices = ", ".join(m.value for m in Modality)
                raise ValueError(f"modality is one of {choices}") from None
        if kind is CorrectionKind.MERGE_SOURCE:
            if not claim.sources:
                raise ValueError("this claim names no source to roll up")
            if not value or value == claim.sources[0]:
                raise ValueError("name the body the source speaks for")
            return Correction(**anchor, source_from=claim.sources[0], source_into=value)
        return Correction(**anchor)

    def action_cancel(self) -> None:
        self.dismiss(None)
