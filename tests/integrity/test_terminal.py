"""No escape code from a name, a file name or report text reaches a terminal: every
display path goes through ``workbench.text_safety``, storage keeps what was given."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.integrity.helpers import TERMINAL_CODES, write
from tests.tui.conftest import review, settle
from tests.tui.corpus import make_db
from workbench.cli import io as cli_io
from workbench.text_safety import visible, visible_line
from workbench.tui import make_app
from workbench.tui.render import safe

HOSTILE = "eve\x1b]0;pwned\x07\x1b[2J\x9b31m\u202ecod.exe\u200b\r\n"


def test_every_acting_character_is_shown_as_a_symbol() -> None:
    shown = visible(HOSTILE)
    assert TERMINAL_CODES.search(shown) is None
    assert shown == "eve␛]0;pwned␇␛[2J\\x9b31m\\u202ecod.exe\\u200b␍␊"
    assert visible("a\tb\nc", multiline=True) == "a\tb\nc"
    assert visible_line("two\nlines\x1b") == "two lines␛"
    assert safe(HOSTILE, single_line=True) == visible_line(HOSTILE)


def test_an_error_names_a_hostile_file_on_one_inert_line(tmp_path: Path, sqlite_url: str) -> None:
    name = tmp_path / "report\x1b]0;pwned\x07\nsecond line.txt"
    result = run_cli("ingest", str(name), "--db", sqlite_url)
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert TERMINAL_CODES.search(result.stderr.rstrip("\n")) is None
    assert "␛]0;pwned␇" in result.stderr


def test_events_table_shows_report_text_inert(tmp_path: Path, sqlite_url: str) -> None:
    text = (
        "BEIRUT (Reuters) - The Syrian Observatory for Human Rights said 12 people were "
        "killed in \x1b[31mPalmyra\u202e on Monday.\n"
    )
    report = write(tmp_path / "r.jsonl", json.dumps({"title": "t\x1b]0;x\x07", "text": text}))
    assert run_cli("ingest", str(report), "--db", sqlite_url).code == 0
    table = run_cli("events", "--db", sqlite_url, "--format", "table")
    assert table.code == 0, table.stderr
    assert "␛[31m" in table.stdout
    assert TERMINAL_CODES.search(table.stdout.replace("\n", "")) is None


def test_results_reach_a_terminal_inert_and_a_pipe_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", Terminal())
    assert cli_io.for_stdout("source\x1b[31m,0.5\n") == "source␛[31m,0.5\n"
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert cli_io.for_stdout("source\x1b[31m,0.5\n") == "source\x1b[31m,0.5\n"


async def test_a_hostile_reviewer_name_never_reaches_the_title_or_lists(sqlite_url: str) -> None:
    db = make_db(sqlite_url)
    app = make_app(db=db, reviewer=HOSTILE.strip(), keys={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert TERMINAL_CODES.search(screen.sub_title) is None
        assert TERMINAL_CODES.search(app.sub_title or "") is None
        assert "␛]0;pwned␇" in screen.sub_title
        await pilot.press("c")  # a verdict under that name
        await settle(pilot)
    other = make_app(db=db, reviewer="bo", keys={})
    async with other.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        review(pilot).team = {HOSTILE.strip(): 1}
        review(pilot)._update_progress()
        progress = str(review(pilot).query_one("#progress").render())
        assert TERMINAL_CODES.search(progress.replace("\n", "")) is None
        assert "␛]0;pwned␇" in progress
