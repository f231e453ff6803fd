"""Every review key, driven through Pilot on the tiny corpus; workers awaited, never slept."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from models import VERDICTS, Claim, Report, Source, SourceKind, VerdictLabel
from tests.tui.conftest import review, settle
from workbench.export import export_rows, render
from workbench.store import open_engine, schema
from workbench.store.engine import default_db_path
from workbench.store.reports import store_reports
from workbench.store.verdicts import current_verdicts, verdict_history
from workbench.tui import make_app
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import (
    ExportDialog,
    HelpScreen,
    NoteDialog,
    ReviewScreen,
    SourcePicker,
)
from workbench.tui.session import QueueFilter
from workbench.tui.widgets import ClaimCard, EventView, QueueList, SourcePanel, VerdictBar

SIZE = (120, 40)


def _current(db: str, reviewer: str = "tester") -> dict[str, VerdictLabel | None]:
    engine = open_engine(db)
    with engine.connect() as connection:
        found = {v.claim_id: v.label for v in current_verdicts(connection, reviewer)}
    engine.dispose()
    return found


async def test_opens_on_first_event_with_progress(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert screen.ready
        assert screen.detail is not None
        assert screen.claim_id == screen.query_one(EventView).order[0]
        progress = str(screen.query_one("#progress").render())
        assert "0 / 7 reviewed · 0 contested" in progress
        assert len(screen.query(ClaimCard)) == len(screen.detail.claims)


@pytest.mark.parametrize("label", list(VerdictLabel))
async def test_verdict_key_saves_and_moves_on(
    app: WorkbenchApp, tiny_db: str, label: VerdictLabel
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        first = screen.claim_id
        await pilot.press(VERDICTS[label].key)
        if label.info.needs_note:
            assert isinstance(app.screen, NoteDialog)
            await pilot.press(*"seen the statement", "enter")
        await settle(pilot)
        assert _current(tiny_db)[first] is label  # on disk before the next claim shows
        assert screen.claim_id != first
        assert screen.session.progress().reviewed == 1
        contested = 1 if label is VerdictLabel.CONTESTED else 0
        assert screen.session.progress().contested == contested


async def test_note_required_verdict_is_not_saved_when_cancelled(
    app: WorkbenchApp, tiny_db: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review(pilot).claim_id
        await pilot.press("r")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("enter")  # empty note is refused, dialog stays
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert first not in _current(tiny_db)
        assert review(pilot).claim_id == first


async def test_note_key_on_judged_claim_appends_a_row(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        first = screen.claim_id
        await pilot.press("c", "up", "n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"two origins", "enter")
        await settle(pilot)
        engine = open_engine(tiny_db)
        with engine.connect() as connection:
            rows = verdict_history(connection, first)
        assert [(r.label, r.note) for r in rows] == [
            (VerdictLabel.CORROBORATED, ""),
            (VerdictLabel.CORROBORATED, "two origins"),
        ]


async def test_note_before_verdict_is_saved_with_it(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review(pilot).claim_id
        await pilot.press("n", *"asked SANA", "enter")
        await settle(pilot)
        assert first not in _current(tiny_db)
        await pilot.press("r")  # refuted needs a note: the pending one counts
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        engine = open_engine(tiny_db)
        with engine.connect() as connection:
            (row,) = verdict_history(connection, first)
        assert (row.label, row.note) == (VerdictLabel.REFUTED, "asked SANA")


async def test_skip_moves_on_without_a_verdict(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        first = screen.claim_id
        await pilot.press("space")
        assert screen.claim_id != first
        assert _current(tiny_db) == {}


@pytest.mark.parametrize("undo_key", ["ctrl+z", "backspace"])
async def test_undo_and_redo_append_rows(app: WorkbenchApp, tiny_db: str, undo_key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        first = screen.claim_id
        await pilot.press("c")
        second = screen.claim_id
        await pilot.press("s")
        await pilot.press(undo_key)
        await settle(pilot)
        assert screen.claim_id == second
        assert _current(tiny_db) == {first: VerdictLabel.CORROBORATED}
        await pilot.press(undo_key)
        await settle(pilot)
        assert screen.claim_id == first
        assert _current(tiny_db) == {}
        await pilot.press(undo_key)  # nothing left: a warning, no row
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert _current(tiny_db) == {first: VerdictLabel.CORROBORATED}
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert _current(tiny_db) == {
            first: VerdictLabel.CORROBORATED,
            second: VerdictLabel.SINGLE_SOURCE,
        }
        assert screen.session.progress().reviewed == 2
        engine = open_engine(tiny_db)
        with engine.connect() as connection:
            assert len(verdict_history(connection)) == 6  # 2 marks, 2 undos, 2 redos


async def test_undo_of_a_changed_verdict_restores_the_earlier_label(
    app: WorkbenchApp, tiny_db: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review(pilot).claim_id
        await pilot.press("c", "up", "u", "ctrl+z")
        await settle(pilot)
        assert _current(tiny_db) == {first: VerdictLabel.CORROBORATED}


async def test_claim_and_event_navigation(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        order = screen.query_one(EventView).order
        await pilot.press("down")
        assert screen.claim_id == order[1]
        await pilot.press("j")
        assert screen.claim_id == order[2]
        await pilot.press("up")
        assert screen.claim_id == order[1]
        for key, expected in (
            ("pagedown", 1),
            ("right_square_bracket", 2),
            ("pageup", 1),
            ("left_square_bracket", 0),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert screen.index == expected, key
            assert screen.claim_id == screen.query_one(EventView).order[0]


async def test_verdict_on_last_claim_opens_next_event(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        for _ in screen.query_one(EventView).order:
            await pilot.press("s")
        await settle(pilot)
        assert screen.index == 1
        assert screen.claim_id == screen.query_one(EventView).order[0]


async def test_context_key_shows_the_report_around_the_claim(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        card = screen.query_one("#event ClaimCard.-focused", ClaimCard)
        assert "in context" not in str(card.render())
        await pilot.press("t")
        assert "in context" in str(card.render())
        await pilot.press("t")
        assert "in context" not in str(card.render())


async def test_filters(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        everything = len(screen.items)
        for _ in screen.query_one(EventView).order:
            await pilot.press("s")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert screen.which is QueueFilter.UNREVIEWED
        assert len(screen.items) == everything - 1
        await pilot.press("3")
        await settle(pilot)
        assert screen.items == []
        assert "No events" in str(screen.query_one("#event-header").render())
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("x", *"figures differ", "enter")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert len(screen.items) >= 1
        await pilot.press("4")
        await settle(pilot)
        assert screen.items
        assert all(len(i.sources) <= 1 or i.origins == 1 for i in screen.items)
        await pilot.press("1")
        await settle(pilot)
        assert len(screen.items) == everything


async def test_filter_by_source_and_search(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, SourcePicker)
        names = app.screen._names
        await pilot.press(*["down"] * names.index("anonymous blogger"), "enter")
        await settle(pilot)
        assert screen.which is QueueFilter.SOURCE
        assert all("anonymous blogger" in item.sources for item in screen.items)
        await pilot.press("1", "slash")
        assert app.focused is screen.query_one("#search")
        await pilot.press(*"dozens", "enter")
        await settle(pilot)
        assert screen.search_ids is not None
        assert len(screen.items) == 1
        assert any("dozens" in c.text for c in screen.detail.claims)  # type: ignore[union-attr]
        await pilot.press("escape")
        await settle(pilot)
        assert screen.search_ids is None
        assert len(screen.items) > 1


async def test_help_screen_lists_every_key(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, ReviewScreen)


async def test_export_writes_the_filtered_view_like_the_cli(
    app: WorkbenchApp, tiny_db: str, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "view.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press("c")
        await pilot.press("o")
        names = app.screen._names  # type: ignore[attr-defined]
        await pilot.press(*["down"] * names.index("SANA"), "enter")
        await settle(pilot)
        claim_ids = [c for item in screen.items for c in item.claim_ids]
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        field = app.screen.query_one("#export-path")
        # offered beside the default database, never in the working directory
        offered = Path(field.value)  # type: ignore[attr-defined]
        assert offered.parent == default_db_path().parent / "exports"
        assert offered.name.startswith("workbench-export-")
        assert offered.suffix == ".csv"
        field.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    engine = open_engine(tiny_db)
    with engine.connect() as connection:
        expected = render(export_rows(connection, claim_ids), "csv")
    assert target.read_bytes() == expected.encode("utf-8")
    assert len(expected.splitlines()) == len(claim_ids) + 1


async def test_clicking_a_verdict_chip_marks_the_claim(app: WorkbenchApp, tiny_db: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review(pilot).claim_id
        await pilot.click("#chip-single_source")
        await settle(pilot)
        assert _current(tiny_db) == {first: VerdictLabel.SINGLE_SOURCE}
        bar = review(pilot).query_one(VerdictBar)
        assert not bar.query_one("#chip-single_source").has_class("-current")


def _lit(screen: ReviewScreen) -> set[str]:
    bar = screen.query_one(VerdictBar)
    return {chip.id or "" for chip in bar.query(".verdict-chip") if chip.has_class("-current")}


async def test_the_lit_chip_is_the_verdict_of_the_claim_in_focus(app: WorkbenchApp) -> None:
    """A verdict lights its chip only once the move is known: none for the next claim,
    its own when the focus comes back, and its own when there is nowhere to move."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert _lit(screen) == set()  # the next claim: not judged yet
        await pilot.press("up")
        await settle(pilot)
        assert _lit(screen) == {"chip-single_source"}
        screen._open(len(screen.items) - 1, None)
        await settle(pilot)
        screen._focus(screen.query_one(EventView).order[-1])  # the very last claim
        await pilot.press("u")
        await settle(pilot)
        assert _lit(screen) == {"chip-unverifiable"}


async def test_clicking_the_queue_opens_an_event(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        queue = screen.query_one(QueueList)
        await pilot.click(QueueList, offset=(5, 2))
        await settle(pilot)
        assert screen.index == 2
        assert queue.highlighted == 2


async def test_source_panel_refreshes_after_verdicts(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = review(pilot).query_one(SourcePanel)
        assert all(row.n == 0 for row in panel.rows)
        await pilot.press("c")
        assert review(pilot)._score_timer is not None  # rescoring waits for a pause
        await settle(pilot)
        judged = {row.source: row for row in panel.rows if row.n}
        assert judged["Syrian Observatory for Human Rights"].counts == {"corroborated": 1}


async def test_reopening_resumes_after_the_last_verdict(tiny_db: str) -> None:
    app = make_app(db=tiny_db, reviewer="tester", keys={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "c", "c", "s")
        await settle(pilot)
        expected_index, expected_claim = review(pilot).index, review(pilot).claim_id
    again = make_app(db=tiny_db, reviewer="tester", keys={})
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert (screen.index, screen.claim_id) == (expected_index, expected_claim)
        assert screen.session.progress().reviewed == 4


async def test_keys_remap_from_the_config_file(
    tiny_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "workbench" / "keys.toml"
    config.parent.mkdir()
    config.write_text('[keys]\n"verdict.corroborated" = "v"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    app = make_app(db=tiny_db, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review(pilot).claim_id
        await pilot.press("c")  # no longer bound
        await settle(pilot)
        assert _current(tiny_db) == {}
        await pilot.press("v")
        await settle(pilot)
        assert _current(tiny_db) == {first: VerdictLabel.CORROBORATED}
        chip = str(review(pilot).query_one("#chip-corroborated").render())
        assert chip.startswith("v ")


async def test_empty_database_shows_a_hint(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.scalar(select(schema.reports.c.id)) is None
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.session import ReviewSession

    app = WorkbenchApp(ReviewSession(engine, "tester"), keys={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No events" in str(review(pilot).query_one("#event-header").render())
        await pilot.press("c", "ctrl+z", "e", "escape", "t", "n")
        assert isinstance(app.screen, ReviewScreen)


async def test_cited_claims_become_the_next_verdicts_evidence(
    app: WorkbenchApp, tiny_db: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        order = screen.query_one(EventView).order
        judged, witness = order[0], order[1]

        def card(claim_id: str) -> str:
            return str(next(c for c in screen.query(ClaimCard) if c.claim_id == claim_id).render())

        await pilot.press("down")  # to the witness claim
        assert screen.claim_id == witness
        await pilot.press("v", "v", "v")  # cite, uncite, cite again
        assert screen.session.cited == (witness,)
        assert "CITED" in card(witness)
        await pilot.press("up", "c")
        await settle(pilot)
        engine = open_engine(tiny_db)
        with engine.connect() as connection:
            (verdict,) = [v for v in current_verdicts(connection, "tester") if v.claim_id == judged]
        engine.dispose()
        assert verdict.evidence == (witness,)
        assert screen.session.cited == ()  # spent on that verdict
        assert "CITED" not in card(witness)
        assert "evidence: 1 claim cited" in card(judged)
        # a claim cannot be its own evidence
        await pilot.press("v", "s")
        await settle(pilot)
        with open_engine(tiny_db).connect() as connection:
            mine = {v.claim_id: v for v in current_verdicts(connection, "tester")}
        assert mine[witness].evidence == ()


async def test_source_panel_lists_the_most_quoted_sources_first(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = review(pilot).query_one(SourcePanel).rows
        assert all(row.n == 0 for row in rows)  # no verdicts: quotes decide the order
        claims = [row.claims for row in rows]
        assert claims == sorted(claims, reverse=True)
        assert claims[0] > claims[-1]


def _same_shape_db(db: str) -> str:
    """Three events of one report each, four claims from four sources: one shape."""
    sources = [Source(name=f"Source {k}", kind=SourceKind.NGO) for k in range(4)]
    reports, claims = [], {}
    for r in range(3):
        lines = [f"Source {k} said {k + r + 3} people were killed in report {r}." for k in range(4)]
        report = Report(
            outlet=f"Outlet {r}",
            title=f"Report {r}",
            published=date(2016, 1, 1 + r),
            text="\n".join(lines),
        )
        offset, found = 0, []
        for k, line in enumerate(lines):
            span = (offset, offset + len(line))
            found.append(
                Claim(
                    report_id=report.id,
                    text=line,
                    sentence=line,
                    span=span,
                    cue="said",
                    sources=(f"Source {k}",),
                )
            )
            offset += len(line) + 1
        reports.append(report)
        claims[report.id] = found
    engine = open_engine(db)
    with engine.begin() as connection:
        store_reports(connection, reports, claims, sources)
        now = datetime.now(UTC)
        for report in reports:  # one event per report
            event = {"id": f"event-{report.id}", "title": report.title, "created_at": now}
            connection.execute(schema.events.insert(), event)
            for claim in claims[report.id]:
                row = {"claim_id": claim.id, "event_id": event["id"]}
                connection.execute(schema.event_claims.insert(), row)
    engine.dispose()
    return db


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_undo_right_after_the_move_to_the_next_event(
    sqlite_url: str, size: tuple[int, int]
) -> None:
    # events of one shape: the next event's columns out of view are filled after its
    # first frame; an undo pressed before that goes back, and every card shows its claim
    db = _same_shape_db(sqlite_url)
    app = make_app(db=db, reviewer="tester", keys={})
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = review(pilot)
        view = screen.query_one(EventView)
        first = list(view.order)
        assert len(view.query(".source-column")) == 4
        for _ in first[:-1]:
            await pilot.press("s")
        await settle(pilot)  # the next event prefetched: the last key draws it in place
        screen.session.record(first[-1], VerdictLabel.SINGLE_SOURCE, "")  # what "s" does,
        screen._after_write(first[-1], light=False)  # without Pilot's wait for a frame:
        screen._advance(unjudged=True)
        assert view._later  # ... the columns out of view are still waiting
        await pilot.press("backspace")

        await settle(pilot)
        assert screen.index == 0
        assert screen.claim_id == first[-1]
        assert _current(db).get(first[-1]) is None
        assert screen.detail is not None
        for claim in screen.detail.claims:
            assert view._cards[claim.id].claim_id == claim.id
            assert str(view._cards[claim.id].render()) == str(screen._body(claim))
        await pilot.press("s")  # judged again: on to the next event, every card filled
        await settle(pilot)
        assert screen.index == 1
        assert screen.detail is not None
        for claim in screen.detail.claims:
            assert str(view._cards[claim.id].render()) == str(screen._body(claim))
