"""Grade an incident as Airwars does: grade, civilian toll minimum and maximum, belligerent."""

from __future__ import annotations

import math
from typing import ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from models import GRADE_RULES, CasualtyFigures, IncidentGrade, IncidentGradeLabel
from workbench.tui.render import plain


def suggested_toll(rows: tuple[CasualtyFigures, ...]) -> tuple[int | None, int | None]:
    """Civilians killed across origins (minimum, largest closed figure), if any is given."""
    killed = next((row for row in rows if row.kind == "killed"), None)
    if killed is None or "civilians" not in killed.subgroups:
        return None, None
    ranges = killed.subgroups["civilians"].values()
    low = min(int(r[0]) for r in ranges)
    highs = [int(r[1]) for r in ranges if math.isfinite(r[1])]
    return low, max(highs) if highs else None


class GradeDialog(ModalScreen[IncidentGrade | None]):
    """Returns the new grade (reviewer filled in by the session), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="grade.cancel"),
        Binding("ctrl+s", "save", "save", id="grade.save"),
    ]

    def __init__(
        self,
        event_id: str,
        title: str,
        claim_ids: tuple[str, ...],
        current: IncidentGrade | None,
        suggested: tuple[int | None, int | None] = (None, None),
    ) -> None:
        super().__init__()
        self._event_id, self._title, self._claim_ids = event_id, title, claim_ids
        self._current = current
        self._suggested = suggested

    def compose(self) -> ComposeResult:
        current = self._current
        low = current.civilians_min if current else self._suggested[0]
        high = current.civilians_max if current else self._suggested[1]
        with Vertical(id="grade-box", classes="dialog"):
            heading = Text("Grade the incident: ", style="bold")
            heading.append_text(plain(self._title, single_line=True))
            yield Static(heading, markup=False, id="grade-title")
            with RadioSet(id="grade-choice"):
                for label in IncidentGradeLabel:
                    yield RadioButton(
                        Text.assemble((label.value, "bold"), f"  {GRADE_RULES[label]}"),
                        value=current is not None and current.grade is label,
                        id=f"grade-{label.value}",
                    )
            with Horizontal(id="grade-toll"):
                yield Input(
                    "" if low is None else str(low),
                    placeholder="civilians min",
                    type="integer",
                    id="grade-min",
                )
                yield Input(
                    "" if high is None else str(high),
                    placeholder="civilians max",
                    type="integer",
                    id="grade-max",
                )
            yield Input(
                current.belligerent if current else "",
                placeholder="belligerent assessed",
                id="grade-belligerent",
            )
            yield Input(
                current.note if current else "",
                placeholder="note (enter or ctrl+s saves, escape cancels)",
                id="grade-note",
            )

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            self.notify("Choose a grade first (arrows, then space).", severity="warning")
            return
        try:
            grade = IncidentGrade(
                event_id=self._event_id,
                reviewer="-",  # the session puts its own reviewer
                grade=IncidentGradeLabel(pressed.id.removeprefix("grade-")),
                civilians_min=_number(self.query_one("#grade-min", Input).value),
                civilians_max=_number(self.query_one("#grade-max", Input).value),
                belligerent=self.query_one("#grade-belligerent", Input).value.strip(),
                note=self.query_one("#grade-note", Input).value.strip(),
                claim_ids=self._claim_ids,
            )
        except ValidationError as error:
            reason = error.errors()[0]["msg"].removeprefix("Value error, ")
            self.notify(f"Not saved: {reason}", severity="error", markup=False)
            return
        self.dismiss(grade)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _number(value: str) -> int | None:
    return int(value) if value.strip() else None
