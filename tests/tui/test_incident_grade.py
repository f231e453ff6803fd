"""The incident grade: one key, Airwars' fields, appended, shown, exported."""

from __future__ import annotations

import csv
import io
import json

import pytest
from textual.widgets import Input, RadioSet, Static

from models import IncidentGradeLabel
from tests.tui import incident_corpus
from tests.tui.conftest import review, settle
from workbench.export import export_rows, render
from workbench.store import open_engine
from workbench.store.incident_grades import current_grades
from workbench.tui import make_app
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import GradeDialog


@pytest.fixture
def db(sqlite_url: str) -> str:
    return incident_corpus.make_db(sqlite_url)


async def _grade(app: WorkbenchApp, pilot: object, toll: tuple[str, str], who: str) -> None:
    dialog = app.screen
    assert isinstance(dialog, GradeDialog)
    dialog.query_one(RadioSet).focus()
    await pilot.press("down", "enter")  # type: ignore[attr-defined]  # fair
    dialog.query_one("#grade-min", Input).value = toll[0]
    dialog.query_one("#grade-max", Input).value = toll[1]
    dialog.query_one("#grade-belligerent", Input).value = who
    dialog.query_one("#grade-note", Input).focus()
    await pilot.press(*"monitor blames jets", "enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_grade_key_appends_a_grade_shown_in_the_header(db: str) -> None:
    app = make_app(db=db, reviewer="tester", keys={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GradeDialog)
        # the civilians the origins gave are offered as the toll
        assert dialog.query_one("#grade-min", Input).value == "38"
        await _grade(app, pilot, ("38", "52"), "Russia")
        assert not isinstance(app.screen, GradeDialog)
        line = str(review(pilot).query_one("#grade-line", Static).render())
        assert "grade fair" in line
        assert "civilians 38\u201352" in line
        assert "belligerent Russia" in line
        await pilot.press("g")  # again: the dialog holds the current grade
        await pilot.pause()
        assert app.screen.query_one("#grade-belligerent", Input).value == "Russia"
        await _grade(app, pilot, ("40", "52"), "Russian air force")
    engine = open_engine(db)
    with engine.connect() as connection:
        grades = current_grades(connection, "tester")
        assert [(g.grade, g.civilians_min, g.belligerent) for g in grades] == [
            (IncidentGradeLabel.FAIR, 40, "Russian air force")
        ]
        assert len(grades[0].claim_ids) == 8
        assert connection.exec_driver_sql("SELECT count(*) FROM incident_grades").scalar() == 2
    engine.dispose()


async def test_a_minimum_above_the_maximum_is_not_saved(db: str) -> None:
    app = make_app(db=db, reviewer="tester", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        await _grade(app, pilot, ("60", "52"), "")
        assert isinstance(app.screen, GradeDialog)  # still open, nothing written
        await pilot.press("escape")
        assert review(pilot).session.grade_of("ev-ariha") is None


async def test_grade_in_csv_and_claimreview(db: str) -> None:
    app = make_app(db=db, reviewer="tester", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        await _grade(app, pilot, ("38", "52"), "Russia")
        await pilot.press("c")
        await settle(pilot)
    engine = open_engine(db)
    with engine.connect() as connection:
        rows = list(csv.DictReader(io.StringIO(render(export_rows(connection), "csv"))))
        reviews = json.loads(render(export_rows(connection), "claimreview"))
    engine.dispose()
    ariha = [r for r in rows if r["event_id"] == "ev-ariha"]
    assert len(ariha) == 8
    assert {r["incident_grade"] for r in ariha} == {"fair"}
    assert {(r["incident_civilians_min"], r["incident_civilians_max"]) for r in ariha} == {
        ("38", "52")
    }
    assert {r["incident_belligerent"] for r in ariha} == {"Russia"}
    saraqeb = next(r for r in rows if r["event_id"] == "ev-saraqeb")
    assert saraqeb["incident_grade"] == ""
    (review_,) = reviews
    assert review_["itemReviewed"]["about"] == {
        "@type": "Event",
        "identifier": "ev-ariha",
        "name": "Air strike on Ariha market",
        "description": "Airwars grade: fair; civilians killed 38-52; belligerent assessed: Russia",
    }
