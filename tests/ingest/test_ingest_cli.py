"""`workbench ingest` as a user runs it: idempotent, atomic, one-line errors with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import CORPUS, SEED, run_cli
from workbench.store import open_engine
from workbench.store.reports import count_rows, load_claims
from workbench.store.schema import metadata


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to prove a failed call changed nothing."""
    engine = open_engine(url)
    with engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, connection.execute(select(table))), key=repr)
            for table in metadata.sorted_tables
        }


def test_ingesting_the_corpus_twice_stores_the_report_once(db_url: str) -> None:
    first = run_cli("ingest", str(SEED.parent), "--db", db_url)
    second = run_cli("ingest", str(SEED.parent), "--db", db_url)
    assert first.code == second.code == 0, first.stderr + second.stderr
    assert "ingested 1 new report(s), 0 already stored" in first.stderr
    assert "ingested 0 new report(s), 1 already stored, 0 claim(s)" in second.stderr
    assert first.stdout == second.stdout == ""
    with open_engine(db_url).connect() as connection:
        counts = count_rows(connection)
        claims = load_claims(connection)
    assert counts["reports"] == 1
    assert counts["claims"] == len(claims) >= 10
    assert any("Syrian Observatory for Human Rights" in c.sources for c in claims)


def test_the_bundled_corpus_holds_real_coverage_with_its_credits(tmp_path: Path) -> None:
    # FA-KES (CC BY 4.0) ships beside the seed; its credits file is no report.
    result = run_cli("ingest", str(CORPUS), "--db", str(tmp_path / "bundled.db"))
    assert result.code == 0, result.stderr
    with open_engine(str(tmp_path / "bundled.db")).connect() as connection:
        counts = count_rows(connection)
    assert counts["reports"] >= 700
    credits = (CORPUS / "fakes-syria" / "CREDITS").read_text(encoding="utf-8")
    assert "CC BY 4.0" in credits
    assert "Abu Salem" in credits


def test_workbench_db_environment_variable_selects_the_database(tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    result = run_cli("ingest", str(SEED), env={"WORKBENCH_DB": str(target)})
    assert result.code == 0, result.stderr
    with open_engine(str(target)).connect() as connection:
        assert count_rows(connection)["reports"] == 1


BAD_FILES: dict[str, tuple[str | bytes, str]] = {
    "empty.txt": ("", "empty.txt: empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary.txt:3: binary data"),
    "latin1.md": ("ok\nnai\xefve\n".encode("latin-1"), "latin1.md:2: not valid UTF-8"),
    "front.md": ("---\ntitle: [oops\n---\nX said y.\n", "front.md:3: malformed front matter"),
    "lines.jsonl": ('{"text": "A said b."}\n{"text": \n', "lines.jsonl:2: malformed JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    db_url: str, tmp_path: Path, name: str
) -> None:
    assert run_cli("ingest", str(SEED), "--db", db_url).code == 0
    before = _dump(db_url)
    content, message = BAD_FILES[name]
    folder = tmp_path / "batch"
    folder.mkdir()
    good = folder / "a-good.txt"
    good.write_text("Officials said the bridge at Kherson was hit on Tuesday.\n")
    bad = folder / name
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run_cli("ingest", str(folder), "--db", db_url)
    assert result.code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("workbench: error: ")
    assert message in lines[0]
    assert _dump(db_url) == before  # the good file in the same call was not stored either


def test_a_missing_path_exits_2(sqlite_url: str, tmp_path: Path) -> None:
    result = run_cli("ingest", str(tmp_path / "missing.txt"), "--db", sqlite_url)
    assert result.code == 2
    assert result.stderr.strip() == (
        f"workbench: error: {tmp_path / 'missing.txt'}: no such file or directory"
    )


def test_usage_errors_exit_2(sqlite_url: str) -> None:
    assert run_cli("ingest", "--db", sqlite_url).code == 2
    assert run_cli("no-such-command").code == 2
