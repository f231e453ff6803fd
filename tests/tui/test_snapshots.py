"""Pinned pictures of the main screens at 120x40 and 80x24 (pytest-textual-snapshot).

Update only after reading the report: ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui import incident_corpus
from tests.tui.conftest import settle
from tests.tui.snapshot_app import build
from workbench.tui import make_app

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
Steps = Sequence[str]


async def freeze(pilot: Pilot[Any]) -> None:
    """Settle workers and stop every cursor blinking, so pictures are stable."""
    await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    # plotext places bar labels a column apart from run to run: the chart is pinned by
    # its Pilot test (test_incident_view), not by pictures
    for plot in pilot.app.screen.query("#source-plot"):
        plot.visible = False
    await pilot.pause()


def steps(keys: Steps) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await freeze(pilot)
        for key in keys:
            await pilot.press(key)
            await freeze(pilot)

    return run_before


SCREENS: dict[str, Steps] = {
    "first_event": (),
    "after_verdicts": ("c", "s"),
    "note_dialog": ("x",),
    "help": ("question_mark",),
    "hostile_text": ("pagedown", "pagedown", "pagedown", "t"),
    "search": ("slash", *"dozens", "enter"),
    "context": ("t",),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare: Any, tmp_path: Path, name: str, size: tuple[int, int]) -> None:
    app = build(str(tmp_path / "snap.db"))
    assert snap_compare(app, terminal_size=size, run_before=steps(SCREENS[name]))


@pytest.mark.parametrize("size", SIZES)
def test_incident_of_five_origins(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    """All five origins and their figures at once, above the claim cards."""
    db = incident_corpus.make_db(str(tmp_path / "incident.db"))
    app = make_app(db=db, reviewer="snapshot", keys={})
    assert snap_compare(app, terminal_size=size, run_before=steps(()))
