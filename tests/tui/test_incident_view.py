"""The incident view: every origin at once, and the smaller review-screen fixes of issue 15."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Footer, Input, TextArea
from textual.widgets._footer import FooterKey

from models import Claim, VerdictLabel
from tests.tui import incident_corpus
from tests.tui.conftest import review, settle
from workbench.events.comparison import blames, compare_origins
from workbench.tui import keymap, make_app
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import JumpDialog, NoteDialog, ReportScreen
from workbench.tui.screens.event_picker import EventPicker
from workbench.tui.session import QueueFilter
from workbench.tui.widgets import ClaimCard, EventView, IncidentTable, QueueList, SourcePanel

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
FIVE = {
    "SOHR": "52",
    "SANA": "4",
    "White Helmets": "44",
    "LCC": "≥40",
    "Russian Defenc": "·",
}


def _lines(widget: Widget) -> list[str]:
    """What the widget paints, line by line (the visible region only)."""
    size = widget.outer_size  # padding included, as on screen
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    return [strip.text.strip() for strip in strips]


@pytest.fixture
def incident_app(sqlite_url: str) -> WorkbenchApp:
    return make_app(db=incident_corpus.make_db(sqlite_url), reviewer="tester", keys={})


def test_every_origin_with_its_figures_and_stance() -> None:
    event, flat, by_id, sources = incident_corpus.first_incident()
    rows = {row.origin: row for row in compare_origins(event, flat, by_id, sources)}
    assert set(rows) == {s.name for s in incident_corpus.SOURCES}
    sohr = rows["Syrian Observatory for Human Rights"]
    assert sohr.figures["killed"] == (52, 52)  # the later figure: an update, not a conflict
    assert (sohr.claims, sohr.blames, sohr.caveats) == (2, 1, 1)
    assert rows["Russian Defence Ministry"].denies == 1
    assert rows["Russian Defence Ministry"].figures == {}
    assert rows["White Helmets"].figures == {"killed": (44, 44), "injured": (60, 60)}
    assert rows["Local Coordination Committees"].figures["killed"] == (40, float("inf"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("SANA blamed the Nusra Front for the attack on the market.", True),
        ("The Observatory accused Russian jets of the raid.", True),
        ("The White Helmets said 44 people were killed.", False),
    ],
)
def test_blame_is_read_from_the_words_list(sentence: str, expected: bool) -> None:
    claim = Claim(report_id="r", text=sentence, span=(0, len(sentence)))
    assert blames(claim) is expected


@pytest.mark.parametrize("size", SIZES)
async def test_five_origins_and_their_figures_fit_at_once(
    incident_app: WorkbenchApp, size: tuple[int, int]
) -> None:
    async with incident_app.run_test(size=size) as pilot:
        await settle(pilot)
        table = review(pilot).query_one(IncidentTable)
        width, height = size
        region = table.region
        assert region.right <= width
        assert region.bottom <= height
        lines = _lines(table)
        for name, figure in FIVE.items():
            row = next((line for line in lines if line.startswith(name)), None)
            assert row is not None, (name, lines)
            assert figure in row.split()[-6], (name, row)
        assert any(line.startswith("all origins") and "4\u201352" in line for line in lines)
        assert "2 outlets" not in str(review(pilot).query_one("#event-header").render())


async def test_one_claim_one_outlet_one_origin(incident_app: WorkbenchApp) -> None:
    async with incident_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("pagedown")
        await settle(pilot)
        header = str(review(pilot).query_one("#event-header").render())
        assert "1 claim · 1 outlet / 1 origin" in header


@pytest.mark.parametrize("size", SIZES)
async def test_footer_shows_quit_and_no_key_is_cut(
    app: WorkbenchApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = review(pilot).query_one(Footer)
        keys = list(footer.query(FooterKey))
        assert "quit" in {key.description for key in keys}
        assert all(key.region.right <= size[0] and key.region.width for key in keys)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_next_unreviewed_skips_judged_events(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        for claim_id in screen.items[1].claim_ids:  # the second event is done
            screen.session.record(claim_id, VerdictLabel.SINGLE_SOURCE)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.index == 2
        await pilot.press("pagedown")  # PgDn still opens the very next event
        await settle(pilot)
        assert screen.index == 3


@pytest.mark.parametrize("reach", ["tab", "home"])
async def test_queue_by_keyboard(app: WorkbenchApp, reach: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press(reach)
        queue = screen.query_one(QueueList)
        assert queue.has_focus
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert screen.index == 2
        assert not queue.has_focus  # review keys and arrows belong to the claims again
        order = screen.query_one(EventView).order
        await pilot.press("home", "escape")
        assert not queue.has_focus
        assert screen.claim_id == order[0]


async def test_move_picker_searches_every_event(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        for claim_id in screen.items[2].claim_ids:  # Putin's event is done ...
            screen.session.record(claim_id, VerdictLabel.SINGLE_SOURCE)
        await pilot.press("2")  # ... so the unreviewed view leaves it out
        await settle(pilot)
        assert len(screen.items) < len(screen.session.items)
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, EventPicker)
        await pilot.press(*"putin")
        titles = [str(o.prompt) for o in picker.query_one("#event-options").options]  # type: ignore[attr-defined]
        assert any("Putin hopes" in t for t in titles)


async def test_note_key_puts_the_cursor_after_the_note(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim = screen.claim_id
        assert claim is not None
        screen.session.record(claim, VerdictLabel.SINGLE_SOURCE, "one origin so far")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        field = app.screen.query_one(Input)
        assert field.cursor_position == len("one origin so far")
        assert field.selection.is_empty
        await pilot.press(*" (SOHR)", "enter")
        await settle(pilot)
        verdict = screen.session.verdict_of(claim)
        assert verdict is not None
        assert verdict.note == "one origin so far (SOHR)"


async def test_focused_card_is_titled_and_moves(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        await pilot.press("down")
        titled = [c for c in screen.query(ClaimCard) if c.border_title]
        assert [c.claim_id for c in titled] == [screen.claim_id]
        assert str(titled[0].border_title) == "▶ in focus"


async def test_chart_counts_are_whole_and_labels_readable(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s", "s", "s")  # single source only: bars even with no for/against
        await settle(pilot)
        plot = review(pilot).query_one("#source-plot")
        await pilot.pause()
        text = "\n".join(_lines(plot))
        assert "red: against" in text
        assert "supports" not in text
        ticks = [line.split("┤")[0].strip() for line in text.splitlines() if "┤" in line]
        assert ticks
        assert all(tick.isdigit() for tick in ticks), ticks
        assert "SANA" in text
        assert "Syrian" in text
        assert "█" in text
        assert review(pilot).query_one(SourcePanel).rows


async def test_filter_line_stays_after_quit_key_in_search(app: WorkbenchApp) -> None:
    """q typed in the search box is text, not quit."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        assert app.is_running
        assert review(pilot).query_one("#search", Input).value == "q"
        review(pilot).which = QueueFilter.ALL


async def test_full_report_with_its_url_one_key_away(incident_app: WorkbenchApp) -> None:
    async with incident_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        claim = screen._claim()
        assert claim is not None
        await pilot.press("f")
        await pilot.pause()
        report = incident_app.screen
        assert isinstance(report, ReportScreen)
        heading = str(report.query_one("#report-heading").render())
        url = screen.detail.reports[claim.report_id].url  # type: ignore[union-attr]
        assert url.startswith("https://example.org/")
        assert url in heading
        area = report.query_one(TextArea)
        assert area.selected_text == claim.text  # the claim in focus, selected in its text
        assert "independently verified" in area.text  # the whole report, not the sentence
        await pilot.press("escape")
        assert incident_app.screen is screen


@pytest.mark.parametrize(
    ("typed", "index", "claim"),
    [("2", 1, None), ("saraq", 1, None), ("c3", 0, 2)],
)
async def test_jump_by_number_title_or_claim(
    incident_app: WorkbenchApp, typed: str, index: int, claim: int | None
) -> None:
    async with incident_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        order = list(screen.query_one(EventView).order)
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(incident_app.screen, JumpDialog)
        await pilot.press(*typed, "enter")
        await settle(pilot)
        assert screen.index == index
        if claim is not None:
            assert screen.claim_id == order[claim]


async def test_a_note_waiting_for_a_verdict_is_kept_across_quit(tiny_db: str) -> None:
    app = make_app(db=tiny_db, reviewer="tester", keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claim = review(pilot).claim_id
        await pilot.press("n", *"check the toll", "enter")
        await pilot.press("q")
        await pilot.pause()
    again = make_app(db=tiny_db, reviewer="tester", keys={})
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = review(pilot).session
        assert claim is not None
        assert session.pending_note(claim) == "check the toll"
        session.record(claim, VerdictLabel.SINGLE_SOURCE)  # saved with the verdict
        verdict = session.verdict_of(claim)
        assert verdict is not None
        assert verdict.note == "check the toll"


async def test_rare_keys_are_in_the_command_palette(app: WorkbenchApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        hidden = [spec for spec in keymap.KEY_SPECS if not spec.show]
        for spec in hidden:
            assert any(title.startswith(spec.description + " (") for title in commands), spec.id
        jump = next(c for t, c in commands.items() if t.startswith("next unreviewed ("))
        for claim_id in screen.items[1].claim_ids:
            screen.session.record(claim_id, VerdictLabel.SINGLE_SOURCE)
        jump.callback()
        await settle(pilot)
        assert screen.index == 2
