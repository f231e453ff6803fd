"""Reports as other tools export them: their own ``id`` and fields we do not use.

The id is kept as the report's ``external_id`` (stored, exported); other fields are
kept as ``extra`` metadata with one warning per file; ``--strict`` refuses them with
the file and line.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from workbench.errors import InputError
from workbench.ingest import read_report_file
from workbench.store import open_engine
from workbench.store.reports import count_rows, list_reports

LINES: list[dict[str, object]] = [
    {
        "id": "gdelt-0412",
        "text": "IS militants killed 26 Syrian soldiers, the Observatory said.",
        "outlet": "AFP",
        "author": "Desk",
        "tags": ["syria", "palmyra"],
    },
    {"id": 77, "text": "SANA said the army advanced near Palmyra.", "outlet": "SANA"},
]


def _jsonl(tmp_path: Path, lines: list[dict[str, object]] = LINES) -> Path:
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_the_own_id_and_unknown_fields_are_kept_with_one_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    first, second = read_report_file(_jsonl(tmp_path), warn=warnings.append)
    assert first.external_id == "gdelt-0412"
    assert first.extra == {"author": "Desk", "tags": ["syria", "palmyra"]}
    assert second.external_id == "77"  # a number is kept as it was written
    assert second.extra == {}
    assert first.id != "gdelt-0412"  # the workbench's own id stays the content hash
    assert warnings == [
        f"{tmp_path / 'reports.jsonl'}:1: kept unknown field(s) 'author', 'tags' as report "
        "metadata (--strict refuses them)"
    ]


def test_a_misspelt_field_is_kept_and_the_warning_suggests_the_known_one(tmp_path: Path) -> None:
    path = tmp_path / "typo.md"
    path.write_text("---\noutlet: AFP\noutlte: AP\n---\nBody said.\n", encoding="utf-8")
    warnings: list[str] = []
    [report] = read_report_file(path, warn=warnings.append)
    assert report.extra == {"outlte": "AP"}
    assert warnings == [
        f"{path}:3: kept unknown field(s) 'outlte' as report metadata "
        "(did you mean 'outlet'?) (--strict refuses them)"
    ]


@pytest.mark.parametrize(
    ("name", "content", "line", "field"),
    [
        ("typo.md", "---\noutlet: AFP\noutlte: AP\n---\nBody said.\n", 3, "outlte"),
        (
            "field.jsonl",
            '{"text": "ok said x."}\n{"id": 3, "text": "ok said x.", "author": "me"}\n',
            2,
            "author",
        ),
    ],
)
def test_strict_refuses_unknown_fields_naming_file_and_line(
    tmp_path: Path, name: str, content: str, line: int, field: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=f"unknown field '{field}'") as caught:
        read_report_file(path, strict=True)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    # "id" itself is known, strict or not
    [report] = read_report_file(_jsonl(tmp_path, [{"id": "a", "text": "x said y."}]), strict=True)
    assert report.external_id == "a"


def test_ingest_stores_and_exports_the_own_id_and_warns_once(tmp_path: Path, db_url: str) -> None:
    path = _jsonl(tmp_path)
    result = run_cli("ingest", str(path), "--db", db_url)
    assert result.code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        f"workbench: warning: {path}:1: kept unknown field(s) 'author', 'tags' as report "
        "metadata (--strict refuses them)"
    ]
    with open_engine(db_url).connect() as connection:
        stored = {report.external_id: report for report in list_reports(connection)}
    assert stored["gdelt-0412"].extra == {"author": "Desk", "tags": ["syria", "palmyra"]}
    assert stored["77"].extra == {}
    exported = run_cli("export", "--db", db_url)
    assert exported.code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout, newline="")))
    assert {row["report_external_id"] for row in rows} == {"gdelt-0412", "77"}


def test_ingest_strict_stores_nothing_and_exits_2(tmp_path: Path, sqlite_url: str) -> None:
    path = _jsonl(tmp_path)
    result = run_cli("ingest", str(path), "--db", sqlite_url, "--strict")
    assert result.code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"workbench: error: {path}:1: unknown field 'author'; expected one of id, text, "
        "outlet, title, url, published, dateline (without --strict it is kept as metadata)"
    )
    with open_engine(sqlite_url).connect() as connection:
        assert count_rows(connection)["reports"] == 0


def test_extra_values_are_kept_as_json_the_database_takes(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(
        '{"text": "A said b.", "score": NaN, "when": {"at": [1, 2.5, null]}}\n', encoding="utf-8"
    )
    front = tmp_path / "dated.md"
    front.write_text("---\noutlet: AFP\nseen: 2016-03-21\n---\nC said d.\n", encoding="utf-8")
    result = run_cli("ingest", str(path), str(front), "--db", db_url)
    assert result.code == 0, result.stderr
    with open_engine(db_url).connect() as connection:
        extras = sorted((r.extra for r in list_reports(connection)), key=str)
    assert extras == [{"score": "nan", "when": {"at": [1, 2.5, None]}}, {"seen": "2016-03-21"}]
