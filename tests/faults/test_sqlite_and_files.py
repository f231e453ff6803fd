"""FaultError injection on the SQLite backend and the file system: every fault is one line on
stderr naming the path or URL and what to do, exit code 2, and the database unchanged.

Each case runs the real console entry point in a child process, as a user's shell would.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
from tests.faults.helpers import (
    assert_one_line,
    run,
    sqlite_state,
    without_file_permission_override,
)

NEW_REPORT = (
    "BEIRUT (Reuters) - The Syrian Observatory for Human Rights said on Monday that at "
    "least 12 people were killed in an air strike on the town. State media said the "
    "strike hit a weapons depot.\n"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbench database with the seed report (made once, copied per test)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    result = run("ingest", str(SEED), "--db", str(path))
    assert result.code == 0, result.stderr
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "new-report.txt"
    path.write_text(NEW_REPORT, encoding="utf-8")
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "workbench.db"
    path.parent.mkdir()
    shutil.copyfile(template, path)
    return path


def _ingest_fails(
    db: Path, report: Path, *needles: str, preexec: Callable[[], None] | None = None
) -> None:
    before = sqlite_state(db)
    result = run("ingest", str(report), "--db", str(db), preexec=preexec)
    assert_one_line(result, 2, *needles)
    assert sqlite_state(db) == before


# --- the database file and its folder ---------------------------------------------------


def test_read_only_database_file(db: Path, report: Path) -> None:
    db.chmod(0o444)
    _ingest_fails(
        db, report, "database is read-only", str(db), "--db",
        preexec=without_file_permission_override(),
    )  # fmt: skip
    # Reading a read-only database still works.
    exported = run("export", "--db", str(db), preexec=without_file_permission_override())
    assert exported.code == 0, exported.stderr
    assert "claim_id" in exported.stdout


def test_read_only_database_folder(db: Path, report: Path) -> None:
    db.parent.chmod(0o555)
    try:
        _ingest_fails(
            db, report, str(db), "permissions", preexec=without_file_permission_override()
        )
    finally:
        db.parent.chmod(0o755)


def test_new_database_in_a_read_only_folder(tmp_path: Path, report: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run(
            "ingest", str(report), "--db", str(folder / "new.db"),
            preexec=without_file_permission_override(),
        )  # fmt: skip
        assert_one_line(result, 2, str(folder / "new.db"))
    finally:
        folder.chmod(0o755)
    assert not (folder / "new.db").exists() or (folder / "new.db").stat().st_size == 0


def test_full_disk(template: Path, report: Path, tmp_path: Path) -> None:
    """A tiny tmpfs in a private mount namespace (no change to the host's mounts)."""
    mountpoint = tmp_path / "small-disk"
    mountpoint.mkdir()
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    driver = Path(__file__).with_name("disk_full_driver.py")
    done = subprocess.run(
        [*unshare, sys.executable, str(driver), str(mountpoint), str(template), str(report)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=True,
    )
    outcome = json.loads(done.stdout)
    line = outcome["stderr"].strip()
    assert outcome["code"] == 2, line
    assert len(line.splitlines()) == 1
    assert "Traceback" not in line
    assert "no space left" in line
    assert "full.db" in line
    assert outcome["after"] == outcome["before"]


def test_file_size_limit(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SEED.read_text(encoding="utf-8") * 60, encoding="utf-8")
    limit = db.stat().st_size + 16 * 1024

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    _ingest_fails(db, big, "file-size limit", str(db), preexec=small_files)


def test_corrupted_database(db: Path, report: Path) -> None:
    data = bytearray(db.read_bytes())
    data[4096:12288] = os.urandom(8192)  # pages of the schema and the first tables
    db.write_bytes(bytes(data))
    _ingest_fails(db, report, str(db), "damaged")


def test_truncated_database(db: Path, report: Path) -> None:
    os.truncate(db, db.stat().st_size // 3)
    result_before = sqlite_state(db)
    result = run("export", "--db", str(db))
    line = assert_one_line(result, 2, str(db))
    assert "damaged" in line or "I/O" in line
    assert sqlite_state(db) == result_before
    _ingest_fails(db, report, str(db))


def test_text_file_as_database(tmp_path: Path, report: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    _ingest_fails(path, report, "not a SQLite database", str(path), "--db")


def test_another_programs_sqlite_file(tmp_path: Path, report: Path) -> None:
    import sqlite3

    path = tmp_path / "photos.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    connection.commit()
    connection.close()
    _ingest_fails(path, report, "not a workbench database", "photos", str(path))


def test_drifted_schema(db: Path, report: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(db)
    connection.execute("ALTER TABLE claims DROP COLUMN cue")
    connection.commit()
    connection.close()
    _ingest_fails(db, report, "schema does not match", "'claims'", "'cue'", str(db))
    assert_one_line(run("export", "--db", str(db)), 2, "schema does not match")


def test_parent_path_is_a_file(tmp_path: Path, report: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file", encoding="utf-8")
    result = run("ingest", str(report), "--db", str(blocker / "sub" / "x.db"))
    assert_one_line(result, 2, "is a file, not a folder", str(blocker))
    assert blocker.read_text(encoding="utf-8") == "a file"


def test_directory_as_database(tmp_path: Path, report: Path) -> None:
    assert_one_line(run("ingest", str(report), "--db", str(tmp_path)), 2, "is a directory")
    url = f"sqlite:///{tmp_path}"
    assert_one_line(run("export", "--db", url), 2, "is a directory", str(tmp_path))


@pytest.mark.parametrize(
    ("url", "needles"),
    [
        ("mysql://user:secret@db.example/newsroom", ("unsupported database kind 'mysql'",)),
        ("oracle+cx_oracle://u@h/x", ("unsupported database kind 'oracle'",)),
        ("foo://x", ("unsupported database kind 'foo'",)),
        ("postgresql://u:secret@h:notaport/x", ("not a database URL", "postgresql://")),
        ("postgresql://u:secret@[::1/x", ("not a database URL",)),
        ("://nothing", ("not a database URL",)),
    ],
    ids=["mysql", "oracle", "unknown-scheme", "bad-port", "bad-host", "no-scheme"],
)
def test_unusable_urls(url: str, needles: tuple[str, ...]) -> None:
    line = assert_one_line(run("export", "--db", url), 2, *needles, "postgresql://USER@HOST")
    assert "secret" not in line


# --- ingest: what a report file may not be -------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "line", "needle"),
    [
        ("published: 2024-02-30", 2, "day is out of range"),
        ("title: x\npublished: 2024-13-01", 3, "month must be in 1..12"),
        ("title: " + "7" * 5000, 2, "more than 4300 digits"),
        ("title: " + "[" * 5000 + "]" * 5000, 2, "nested too deeply"),
    ],
    ids=["feb-30", "month-13", "5000-digits", "nested"],
)
def test_bad_front_matter_in_a_batch_with_good_files(
    db: Path, tmp_path: Path, front_matter: str, line: int, needle: str
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(NEW_REPORT, encoding="utf-8")
    bad = folder / "b-bad.md"
    bad.write_text(f"---\n{front_matter}\n---\nThe ministry said 3 died.\n", encoding="utf-8")
    (folder / "c-good.txt").write_text(SEED.read_text(encoding="utf-8") + "\nMore.\n")
    before = sqlite_state(db)
    result = run("ingest", str(folder), "--db", str(db))
    assert_one_line(result, 2, f"{bad}:{line}:", needle)
    assert sqlite_state(db) == before


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('{"text": "a", "title": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"text": "a", "title": ' + "7" * 5000 + "}", "more than 4300 digits"),
    ],
    ids=["nested-json", "5000-digit-integer"],
)
def test_hostile_json_lines(db: Path, tmp_path: Path, body: str, needle: str) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps({"text": NEW_REPORT}) + "\n" + body + "\n", encoding="utf-8")
    _ingest_fails(db, path, f"{path}:2:", needle)


def test_fifo_is_refused_without_hanging(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    before = sqlite_state(db)
    result = run("ingest", str(fifo), "--db", str(db), timeout=60)
    assert_one_line(result, 2, str(fifo), "FIFO", "not a regular file")
    assert sqlite_state(db) == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_symlink_to_a_device_is_refused(db: Path, tmp_path: Path, device: str) -> None:
    link = tmp_path / "report.txt"
    link.symlink_to(device)
    _ingest_fails(db, link, str(link), "device", "not a regular file")


def test_device_named_directly_is_refused(db: Path) -> None:
    with pytest.raises(AssertionError, match="unsupported file type"):
        # /dev/zero has no .txt suffix: refused before it is opened
        _ingest_fails(db, Path("/dev/zero"), "device")
    _ingest_fails(db, Path("/dev/zero"), "unsupported file type")


def test_size_limit_and_the_flag_that_raises_it(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SEED.read_text(encoding="utf-8") * 40, encoding="utf-8")
    size = big.stat().st_size
    before = sqlite_state(db)
    result = run("ingest", str(big), "--db", str(db), "--max-size", "0.05")
    assert_one_line(result, 2, str(big), "limit", "--max-size")
    assert sqlite_state(db) == before
    allowed = run("ingest", str(big), "--db", str(db), "--max-size", str(size / 2**20 * 2))
    assert allowed.code == 0, allowed.stderr


def test_fifo_inside_a_directory_is_skipped(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "good.txt").write_text(NEW_REPORT, encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(db), timeout=60)
    assert result.code == 0, result.stderr
    assert "ingested 1 new report" in result.stderr


# --- verdicts import, score output, stdin ----------------------------------------------------


def test_verdicts_import_with_a_field_over_the_csv_limit_round_trips(db: Path) -> None:
    import csv
    import io

    exported = run("export", "--db", str(db))
    claim_id = next(csv.DictReader(io.StringIO(exported.stdout)))["claim_id"]
    note = "n" * 200_000
    csv_text = f"claim_id,verdict,reviewer,note\r\n{claim_id},refuted,ana,{note}\r\n"
    result = run("verdicts", "import", "-", "--db", str(db), stdin=csv_text.encode())
    assert result.code == 0, result.stderr
    again = run("export", "--db", str(db), "--reviewed-only")
    assert note in again.stdout


def test_verdicts_import_of_a_directory(db: Path, tmp_path: Path) -> None:
    before = sqlite_state(db)
    assert_one_line(run("verdicts", "import", str(tmp_path), "--db", str(db)), 2, "directory")
    assert sqlite_state(db) == before


def test_verdicts_import_of_a_fifo(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "verdicts.csv"
    os.mkfifo(fifo)
    assert_one_line(run("verdicts", "import", str(fifo), "--db", str(db), timeout=60), 2, "FIFO")


@pytest.mark.parametrize(
    "data",
    [os.urandom(4096), b"claim_id,verdict,reviewer\n\xff\xfe,refuted,ana\n", b"a,b\x00c\n"],
    ids=["random", "bad-utf8", "nul"],
)
def test_binary_stdin(db: Path, data: bytes) -> None:
    before = sqlite_state(db)
    result = run("verdicts", "import", "-", "--db", str(db), stdin=data)
    assert_one_line(result, 2, "<stdin>")
    assert sqlite_state(db) == before
    scored = run("score", "-", stdin=data, env={"LC_ALL": "C", "PYTHONUTF8": "0"})
    assert_one_line(scored, 2, "<stdin>")


ASSERTIONS = "source,object,value\nA,toll,26\nB,toll,26\nC,toll,40\n"


def test_score_output_into_a_missing_folder_is_created(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "deeper" / "scores.csv"
    result = run("score", "-", "-o", str(target), stdin=ASSERTIONS.encode())
    assert result.code == 0, result.stderr
    to_stdout = run("score", "-", stdin=ASSERTIONS.encode())
    assert target.read_bytes() == to_stdout.raw_stdout


def test_score_output_onto_a_directory(tmp_path: Path) -> None:
    result = run("score", "-", "-o", str(tmp_path), stdin=ASSERTIONS.encode())
    assert_one_line(result, 2, "is a directory", str(tmp_path))


def test_score_output_onto_an_unwritable_file(tmp_path: Path) -> None:
    target = tmp_path / "scores.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    result = run(
        "score", "-", "-o", str(target), stdin=ASSERTIONS.encode(),
        preexec=without_file_permission_override(),
    )  # fmt: skip
    assert_one_line(result, 2, "permission denied", str(target))
    assert target.read_text(encoding="utf-8") == "old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_score_output_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    result = run("score", "-", "-o", str(blocker / "s.csv"), stdin=ASSERTIONS.encode())
    assert_one_line(result, 2, "not a folder")


def test_export_output_onto_a_directory(db: Path, tmp_path: Path) -> None:
    assert_one_line(run("export", "--db", str(db), "-o", str(tmp_path)), 2, "is a directory")


def test_an_internal_error_is_one_line_with_exit_code_1(tmp_path: Path) -> None:
    """A bug (here: a monkeypatched store that raises) is exit 1, one line, and the
    traceback only on request."""
    script = (
        "import sys, workbench.store as s\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "s.open_engine = boom\n"
        "from workbench.cli import main\n"
        "sys.exit(main(['export', '--db', sys.argv[1]]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", script, str(tmp_path / "x.db")]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith("workbench: error: internal error: RuntimeError: boom")
    debug = subprocess.run(
        args, capture_output=True, text=True, env={**env, "WORKBENCH_DEBUG": "1"}, check=False
    )
    assert "Traceback" in debug.stderr


def test_an_unreadable_report_and_a_usage_error_are_one_line(db: Path, report: Path) -> None:
    report.chmod(0o000)
    result = run("ingest", str(report), "--db", str(db), preexec=without_file_permission_override())
    assert_one_line(result, 2, str(report), "not readable", "--help")
    assert_one_line(run("export", "--format", "xml"), 2, "'xml'", "workbench export --help")
    assert_one_line(run("ingest"), 2, "Missing argument")
