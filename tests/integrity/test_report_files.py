"""Report files an adversary would write: each refused with its file and line (exit 2),
or stored exactly as given, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from models import Report
from tests.conftest import run_cli
from tests.integrity.helpers import write
from workbench.errors import InputError
from workbench.ingest.readers import read_report_file
from workbench.store import open_engine
from workbench.store.reports import list_reports

BODY = "BEIRUT (Reuters) - The Observatory said 12 people were killed.\n"

LAUGHS = (
    "---\n"
    + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    + "title: *i\n---\n"
    + BODY
)


def _reports(db_url: str) -> list[Report]:
    engine = open_engine(db_url)
    with engine.connect() as connection:  # closed, so the test's schema can be dropped
        found = list_reports(connection)
    engine.dispose()
    return found


def _reports(db_url: str) -> list[Report]:
    engine = open_engine(db_url)
    with engine.connect() as connection:  # closed, so the test's schema can be dropped
        found = list_reports(connection)
    engine.dispose()
    return found


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    path = write(tmp_path / "laughs.md", LAUGHS)
    assert path.stat().st_size < 700
    with pytest.raises(InputError, match="aliases") as refused:  # refused, never expanded
        read_report_file(path)
    assert refused.value.line == 3  # the first *alias, on the file's third line


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("outlet: [Reuters, AFP]\n", 2, "outlet must be text, not list"),
        ("title: {a: 1}\n", 2, "title must be text, not dict"),
        ("title: yes\n", 2, "true/false"),
        ("title: t\ntext: hidden\n", 3, "'text' is not a front-matter field"),
        ("published: '2016-03-21 garbage'\n", 2, "is not YYYY-MM-DD"),
        ("published: 1066-10-14\n", 2, "outside"),
        ("published: 2999-01-01\n", 2, "outside"),
    ],
)
def test_front_matter_fields_are_typed(tmp_path: Path, front: str, line: int, message: str) -> None:
    path = write(tmp_path / "r.md", f"---\n{front}---\n{BODY}")
    with pytest.raises(InputError, match=message) as refused:
        read_report_file(path)
    assert refused.value.line == line


def test_front_matter_dates_and_numbers_that_are_whole_values_pass(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.md", f"---\ntitle: 1984\npublished: 2016-03-21T10:00:00Z\n---\n{BODY}"
    )
    (report,) = read_report_file(path)
    assert report.title == "1984"
    assert str(report.published) == "2016-03-21"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_strings_may_hold_unicode_line_separators(
    db_url: str, tmp_path: Path, separator: str
) -> None:
    text = f"The Observatory said{separator}12 people were killed."
    line = json.dumps({"title": f"a{separator}b", "text": text}, ensure_ascii=False)
    path = write(tmp_path / "r.jsonl", line + "\n")
    result = run_cli("ingest", str(path), "--db", db_url)
    assert result.code == 0, result.stderr
    (report,) = _reports(db_url)
    assert report.text == text  # stored exactly as given
    assert report.title == f"a{separator}b"


def test_nul_is_refused_alike_on_both_backends(db_url: str, tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "fine", "text": "The army said 3 were hurt."}),
        json.dumps({"title": "bad\u0000title", "text": "The army said 4 were hurt."}),
    ]
    path = write(tmp_path / "r.jsonl", "\n".join(lines) + "\n")
    result = run_cli("ingest", str(path), "--db", db_url)
    assert result.code == 2
    assert f"{path}:2: title holds a NUL character" in result.stderr
    assert _reports(db_url) == []


def test_a_fifo_is_refused_without_blocking(tmp_path: Path, sqlite_url: str) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    result = run_cli("ingest", str(fifo), "--db", sqlite_url)  # run_cli times out if it blocks
    assert result.code == 2
    assert "FIFO" in result.stderr
