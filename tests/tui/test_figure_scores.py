"""The review UI shows both kinds of reliability and each incident's estimated toll."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.tui.conftest import review, settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets import EventView, IncidentTable, SourcePanel

SIZE = (120, 40)


async def test_source_panel_shows_reliability_from_figures_beside_verdicts(
    app: WorkbenchApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = review(pilot).query_one(SourcePanel)
        rows = {row.source: row for row in panel.rows}
        # no verdict yet, but both origins of the Palmyra toll gave a figure
        for origin in ("SANA", "Syrian Observatory for Human Rights"):
            assert rows[origin].score is None or rows[origin].score.n == 0
            figures = rows[origin].figure_score
            assert figures is not None
            assert figures.n > 0
            assert figures.ci_low <= figures.reliability <= figures.ci_high
        table = panel.query_one("#source-table", DataTable)
        cells = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert any("figures" in cell for cell in cells)


async def test_event_header_shows_the_best_estimate_beside_the_origins(
    app: WorkbenchApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        view = screen.query_one(EventView)
        header = str(view.query_one("#event-header", Static).render())
        assert "best estimate" in header
        # the origins' own figures are in the comparison right under it
        assert "SANA" in {row.origin for row in view.query_one(IncidentTable).origins}
        event_id = screen.items[screen.index].event_id
        [estimate] = view.estimates[event_id]
        assert estimate.kind == "killed"
        assert estimate.low <= estimate.value <= estimate.high
