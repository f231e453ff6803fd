"""Every kind of bad input is refused with the file, the line and a reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SEED
from workbench.errors import InputError
from workbench.ingest import expand_paths, read_report_file


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_seed_front_matter_is_read() -> None:
    [report] = read_report_file(SEED)
    assert report.outlet == "Wire report"
    assert report.published == date(2016, 3, 21)
    assert report.dateline == "Beirut"
    assert report.text.startswith("Beirut: IS militants killed 26 Syrian soldiers")
    assert "---" not in report.text


def test_plain_text_without_front_matter_gets_a_dateline(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.txt", "KHARTOUM (Reuters) - Fighting resumed, witnesses said.\n")
    [report] = read_report_file(path)
    assert report.dateline == "KHARTOUM"
    assert report.outlet == ""


def test_jsonl_holds_one_report_a_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "r.jsonl",
        '{"text": "A said B.", "outlet": "AFP", "published": "2024-01-02"}\n\n'
        '{"text": "C said D.", "outlet": "AP"}\n',
    )
    reports = read_report_file(path)
    assert [r.outlet for r in reports] == ["AFP", "AP"]
    assert reports[0].published == date(2024, 1, 2)


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"),
    [
        ("empty.txt", "", None, "empty file"),
        ("blank.md", "  \n\n \t\n", None, "empty file"),
        ("binary.txt", b"GIF89a\x01\x00\x00\x00\xff", 1, "binary"),
        ("latin1.txt", "line one\nCaf\xe9 line two\n".encode("latin-1"), 2, "not valid UTF-8"),
        ("unclosed.md", "---\noutlet: AFP\nno closing line\n", 1, "never closed"),
        ("yaml.md", "---\noutlet: AFP\ntitle: [unclosed\n---\nBody said.\n", 4, "front matter"),
        ("list.md", "---\n- a\n- b\n---\nBody said.\n", 2, "key: value"),
        ("date.md", "---\noutlet: A\npublished: last Tuesday\n---\nBody.\n", 3, "YYYY-MM-DD"),
        ("nobody.md", "---\noutlet: AFP\n---\n\n", 4, "no report text"),
        ("bad.jsonl", '{"text": "ok said x."}\n{"text": "broken\n', 2, "malformed JSON"),
        ("array.jsonl", '["text"]\n', 1, "JSON object"),
        ("notext.jsonl", '{"text": "ok said x."}\n{"outlet": "AFP"}\n', 2, "missing or empty"),
        ("report.pdf", "%PDF-1.4", None, "unsupported file type"),
    ],
)
def test_bad_input_names_file_line_and_reason(
    tmp_path: Path, name: str, content: str | bytes, line: int | None, reason: str
) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(InputError, match=reason) as caught:
        read_report_file(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    rendered = str(caught.value)
    assert "\n" not in rendered
    assert rendered.startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_missing_paths_and_empty_directories_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        expand_paths([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \.txt, \.md or \.jsonl"):
        expand_paths([tmp_path / "empty"])


def test_directories_are_walked_in_order_skipping_hidden_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.jsonl", ".hidden/d.txt", "notes.pdf", ".e.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("x said y.")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.jsonl"]
