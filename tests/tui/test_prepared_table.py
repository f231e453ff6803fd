"""The next event's comparison table, rendered ahead by the prefetch worker (issue 15).

The screen replays a prepared table only when it draws exactly what rendering the
rows now would: same rows, same named sources, same width. These tests pin that.
"""

from __future__ import annotations

import dataclasses

import pytest
from rich.console import Console
from rich.segment import Segment
from textual.geometry import Region

from models import CasualtyFigures, Source
from tests.tui import incident_corpus
from tests.tui.conftest import review, settle
from workbench.events.comparison import OriginStance, compare_origins
from workbench.tui import make_app
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets import IncidentTable
from workbench.tui.widgets.incident_table import (
    PreparedTable,
    _Replay,
    build_table,
    prepare_table,
)

Rows = tuple[tuple[OriginStance, ...], tuple[CasualtyFigures, ...], dict[str, Source]]


def _rows() -> Rows:
    event, flat, by_id, sources = incident_corpus.first_incident()
    return tuple(compare_origins(event, flat, by_id, sources)), event.casualties, sources


def _painted(table: IncidentTable) -> list[list[Segment]]:
    """What the widget paints, styles included, line by line."""
    size = table.outer_size
    strips = table.render_lines(Region(0, 0, size.width, size.height))
    return [list(Segment.simplify(strip)) for strip in strips]


def _drawn(console: Console, renderable: object, width: int) -> list[list[Segment]]:
    options = console.options.update(width=width, highlight=False)
    lines = console.render_lines(renderable, options)  # type: ignore[arg-type]
    return [list(Segment.simplify(line)) for line in lines]


@pytest.mark.parametrize("width", [40, 76, 120])
def test_a_replay_draws_what_the_table_draws_at_any_width(width: int) -> None:
    console = Console(width=200, force_terminal=True, color_system="truecolor")
    origins, casualties, sources = _rows()
    prepared = prepare_table(console, console.options, origins, casualties, sources, 76)
    table = build_table(origins, casualties, sources, 76)
    # at the prepared width the stored segments, elsewhere the table itself (re-laid out)
    assert _drawn(console, _Replay(prepared), width) == _drawn(console, table, width)


def test_a_prepared_table_fits_only_the_rows_and_width_it_was_rendered_for() -> None:
    console = Console(width=200, force_terminal=True)
    origins, casualties, sources = _rows()
    prepared = prepare_table(console, console.options, origins, casualties, sources, 76)
    assert prepared.fits(tuple(origins), tuple(casualties), dict(sources), 76)  # equal copies
    assert not prepared.fits(origins, casualties, sources, 80)  # resized
    fixed = (dataclasses.replace(origins[0], figures={"killed": (27.0, 27.0)}), *origins[1:])
    assert not prepared.fits(fixed, casualties, sources, 76)  # a corrected figure
    assert not prepared.fits(origins, (), sources, 76)  # the reconciled row went
    named = origins[0].origin
    renamed = {**sources, named: sources[named].model_copy(update={"aliases": ("X1",)})}
    assert not prepared.fits(origins, casualties, renamed, 76)  # a shown alias may change


@pytest.fixture
def incident_app(sqlite_url: str) -> WorkbenchApp:
    return make_app(db=incident_corpus.make_db(sqlite_url), reviewer="tester", keys={})


async def test_the_next_event_replays_its_prepared_table_and_draws_the_same(
    incident_app: WorkbenchApp,
) -> None:
    async with incident_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        table = screen.query_one(IncidentTable)
        prepared = table.prepared
        assert isinstance(prepared, PreparedTable)  # the prefetch rendered the next event's
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.index == 1
        assert isinstance(table.render(), _Replay)
        replayed = _painted(table)
        table.prepared = None  # what the table draws when rendered now
        table.refresh()
        await pilot.pause()
        assert not isinstance(table.render(), _Replay)
        assert _painted(table) == replayed


async def test_a_stale_prepared_table_is_not_replayed(incident_app: WorkbenchApp) -> None:
    async with incident_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = review(pilot).query_one(IncidentTable)
        shown = _painted(table)
        origins, casualties, sources = table.origins, table.casualties, table.sources
        width = table.size.width
        console = pilot.app.console
        other = (dataclasses.replace(origins[0], claims=origins[0].claims + 5), *origins[1:])
        table.prepared = prepare_table(
            console, pilot.app.console_options, other, casualties, sources, width
        )
        table.refresh()
        await pilot.pause()
        assert not isinstance(table.render(), _Replay)
        assert _painted(table) == shown
