"""Corrections driven through the review screen: each kind, its undo, and a regroup."""

from __future__ import annotations

import csv
import io

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet, TextArea
from textual.widgets.text_area import Selection

from models import Modality, VerdictLabel
from models.correction import CorrectionKind
from tests.tui import incident_corpus
from tests.tui.conftest import review, settle
from workbench.export import export_rows, render
from workbench.store import open_engine
from workbench.tui import make_app
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import CorrectionDialog, NoteDialog, ReportScreen
from workbench.tui.screens.event_picker import EventPicker
from workbench.tui.widgets import EventView, IncidentTable

KINDS = list(CorrectionKind)[:5]  # the kinds the dialog offers (add: from the report)


@pytest.fixture
def db(sqlite_url: str) -> str:
    return incident_corpus.make_db(sqlite_url)


@pytest.fixture
def app(db: str) -> WorkbenchApp:
    return make_app(db=db, reviewer="tester", keys={})


async def _correct(pilot: Pilot[None], kind: CorrectionKind, value: str | None) -> None:
    """E, pick the kind with the arrows, type the value, enter."""
    await pilot.press("E")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, CorrectionDialog)
    dialog.query_one(RadioSet).focus()
    for _ in range(KINDS.index(kind)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    field = dialog.query_one("#correction-value", Input)
    if value is not None:
        field.value = value
    field.focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


def _focus_sana(pilot: Pilot[None]) -> str:
    """Put SANA's toll claim in focus (the tests correct it) and return its id."""
    screen = review(pilot)
    detail = screen.detail
    assert detail is not None
    sana = next(c for c in detail.claims if c.sources == ("SANA",) and c.quantities)
    screen._focus(sana.id)
    return sana.id


def _claim(pilot: Pilot[None], claim_id: str):  # type: ignore[no-untyped-def]
    detail = review(pilot).detail
    assert detail is not None
    return next((c for c in detail.claims if c.id == claim_id), None)


async def test_correct_a_figure_and_undo_it(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        sana = _focus_sana(pilot)
        await _correct(pilot, CorrectionKind.FIGURE, "27 civilians killed")
        claim = _claim(pilot, sana)
        assert [q.value for q in claim.quantities] == [27]
        table = screen.query_one(IncidentTable)
        assert table.origins[0].origin == "SANA"
        assert table.origins[0].figures["killed"][0] == 27  # the comparison follows
        assert screen.claim_id == sana
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [q.value for q in _claim(pilot, sana).quantities] == [4]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert [q.value for q in _claim(pilot, sana).quantities] == [27]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (CorrectionKind.SOURCE, "Syrian Observatory for Human Rights"),
        (CorrectionKind.MODALITY, "denied"),
    ],
)
async def test_correct_source_or_modality_and_undo(
    app: WorkbenchApp, kind: CorrectionKind, value: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        claim_id = review(pilot).claim_id
        assert claim_id is not None
        before = _claim(pilot, claim_id)
        await _correct(pilot, kind, value)
        after = _claim(pilot, claim_id)
        if kind is CorrectionKind.SOURCE:
            assert after.sources == (value,)
        else:
            assert after.modality is Modality.DENIED
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert _claim(pilot, claim_id) == before


async def test_reject_a_non_claim_and_undo(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        rejected = screen.claim_id
        total = screen.session.progress().total
        await _correct(pilot, CorrectionKind.REJECT, None)
        assert rejected not in screen.query_one(EventView).order
        assert screen.claim_id is not None
        assert screen.claim_id != rejected
        # a non-claim is not there to be reviewed: the queue's total drops by one
        assert screen.session.progress().total == total - 1
        assert f"/ {total - 1} reviewed" in screen._progress_text
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert rejected in screen.query_one(EventView).order
        assert screen.session.progress().total == total


async def test_a_rejected_claim_stays_out_of_the_queue_s_count(tiny_db: str) -> None:
    app = make_app(db=tiny_db, reviewer="tester", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        total = review(pilot).session.progress().total
        await _correct(pilot, CorrectionKind.REJECT, None)
    again = make_app(db=tiny_db, reviewer="tester", keys={})
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = review(pilot).session
        assert session.progress().total == total - 1
        # every other claim judged: no event is left "unreviewed" for the rejected one
        for item in session.items:
            detail = session.load_event(item)
            for claim in detail.claims:
                session.record(claim.id, VerdictLabel.CORROBORATED)
        assert not any(session.has_unjudged(item) for item in session.items)


async def test_roll_a_source_up_into_the_body_it_speaks_for(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        _focus_sana(pilot)
        await _correct(pilot, CorrectionKind.MERGE_SOURCE, "Syrian state")
        detail = screen.detail
        assert detail is not None
        # every claim SANA made, not only the one in focus
        assert sum("Syrian state" in c.sources for c in detail.claims) == 2
        assert all("SANA" not in c.sources for c in detail.claims)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert sum("SANA" in c.sources for c in screen.detail.claims) == 2  # type: ignore[union-attr]


async def test_a_bad_figure_is_refused_in_the_dialog(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _correct(pilot, CorrectionKind.FIGURE, "many dead")
        assert isinstance(app.screen, CorrectionDialog)  # still open: nothing written
        await pilot.press("escape")
        engine = open_engine(review(pilot).session.engine.url.render_as_string(False))
        with engine.connect() as connection:
            count = connection.exec_driver_sql("SELECT count(*) FROM claim_corrections").scalar()
        engine.dispose()
        assert count == 0


async def test_a_correction_survives_a_regroup_and_a_new_session(
    app: WorkbenchApp, db: str
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim_id = screen.claim_id
        assert claim_id is not None
        await _correct(pilot, CorrectionKind.FIGURE, "27 civilians killed")
        await pilot.press("m")  # move it to the other incident
        await pilot.pause()
        assert isinstance(app.screen, EventPicker)
        await pilot.press(*"saraqeb", "enter")
        await settle(pilot)
        where = next(n for n, item in enumerate(screen.items) if claim_id in item.claim_ids)
        assert screen.items[where].event_id == "ev-saraqeb"
        screen._open(where, claim_id)
        await settle(pilot)
        assert [q.value for q in _claim(pilot, claim_id).quantities] == [27]
        assert "corrected: figure" in str(screen.query_one(EventView)._cards[claim_id].render())
    again = make_app(db=db, reviewer="someone else", keys={})
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        where = next(n for n, item in enumerate(screen.items) if claim_id in item.claim_ids)
        screen._open(where, claim_id)
        await settle(pilot)
        assert [q.value for q in _claim(pilot, claim_id).quantities] == [27]


async def test_corrections_are_in_the_export(app: WorkbenchApp, db: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claim_id = review(pilot).claim_id
        await _correct(pilot, CorrectionKind.FIGURE, "27 civilians killed")
        await pilot.press("down")
        rejected = review(pilot).claim_id
        await _correct(pilot, CorrectionKind.REJECT, None)
    engine = open_engine(db)
    with engine.connect() as connection:
        rows = list(csv.DictReader(io.StringIO(render(export_rows(connection), "csv"))))
    engine.dispose()
    fixed = next(r for r in rows if r["claim_id"] == claim_id)
    assert fixed["quantities"] == "27 civilians killed"
    assert fixed["corrections"] == "figure"
    assert all(r["claim_id"] != rejected for r in rows)


async def test_add_a_missed_claim_by_its_span_and_undo(app: WorkbenchApp, db: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        _focus_sana(pilot)
        await pilot.press("f")  # the SANA report: its last line was missed
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        area = report.query_one(TextArea)
        row = area.text.splitlines().index(incident_corpus.MISSED)
        area.selection = Selection((row, 0), (row, len(incident_corpus.MISSED)))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)  # who said it?
        await pilot.press(*"Idlib health directorate", "enter")
        await settle(pilot)
        added = screen.claim_id
        assert added in screen.items[screen.index].claim_ids  # in this incident, in focus
        claim = _claim(pilot, added)  # type: ignore[arg-type]
        assert claim.text == incident_corpus.MISSED
        assert claim.sources == ("Idlib health directorate",)
        await _correct(pilot, CorrectionKind.FIGURE, "27 killed")  # then give its figure
        table = screen.query_one(IncidentTable)
        # a source new to the database is of unknown provenance: shown, not counted as one
        assert any(row.figures.get("killed", (0, 0))[0] == 27 for row in table.origins)
        await pilot.press("c")  # and judge it like any claim
        await settle(pilot)
        await pilot.press("ctrl+z", "ctrl+z")  # the verdict, the figure ...
        await settle(pilot)
        await pilot.press("ctrl+z")  # ... and the claim itself
        await settle(pilot)
        assert added not in screen.query_one(EventView).order
    engine = open_engine(db)
    with engine.connect() as connection:
        rows = list(csv.DictReader(io.StringIO(render(export_rows(connection), "csv"))))
    engine.dispose()
    assert all(r["claim_id"] != added for r in rows)  # withdrawn: not exported
