"""Property-based tests: whatever names, notes, times, CSV rows, front matter and JSONL
lines a user gives, each command either stores exactly what was given or refuses it
with one line naming the file and line (exit 2); the database stays readable by every
command; and no escape code reaches the terminal. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Report, Verdict
from tests.integrity.helpers import CLAIM, REPORT, TERMINAL_CODES, stored_claim
from workbench.cli import main
from workbench.store import open_engine
from workbench.store.reports import list_reports
from workbench.store.values import EARLIEST, FUTURE_SLACK
from workbench.store.verdicts import verdict_history

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any character a file can hold, controls, bidi and separators included (no surrogates).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NAMES = ANY_TEXT.map(str.strip).filter(lambda s: bool(s) and not s.startswith("'"))
NOTES = ANY_TEXT.map(str.strip).filter(lambda s: not s.startswith("'"))
OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
TIMES = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    OFFSETS,
)
LABELS = st.sampled_from(["corroborated", "single_source", "unverifiable", "doubtful"])


def _run(*args: str) -> tuple[int, str, str]:
    """The command line in this process: (exit code, stdout, stderr)."""
    out, err = io.BytesIO(), io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="")
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
        code = main(list(args))
        stdout.flush()
    return code, out.getvalue().decode("utf-8"), err.getvalue()


def _assert_refused_on_one_line(code: int, stderr: str, path: Path) -> None:
    assert code == 2, stderr
    assert stderr.endswith("\n"), stderr
    assert "\n" not in stderr[:-1], stderr
    assert stderr.startswith(f"workbench: error: {path}:"), stderr


def _assert_readable_and_inert(db_url: str) -> None:
    for command in (("export",), ("verdicts", "status")):
        code, _out, err = _run(*command, "--db", db_url)
        assert code == 0, (command, err)
        assert TERMINAL_CODES.search(err.replace("\n", "")) is None


def _in_range(moment: datetime) -> bool:
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        return False
    return EARLIEST <= utc <= datetime.now(UTC) + FUTURE_SLACK - timedelta(minutes=1)


@SETTINGS
@given(rows=st.lists(st.tuples(NAMES, NOTES, TIMES, LABELS), min_size=1, max_size=4))
def test_verdict_rows_are_stored_exactly_or_refused_on_one_line(
    db_url: str, tmp_path_factory, rows
) -> None:  # type: ignore[no-untyped-def]
    engine = _database(db_url)
    with engine.connect() as connection:
        earlier = verdict_history(connection)
    path = tmp_path_factory.mktemp("csv") / "verdicts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["claim_id", "verdict", "reviewer", "note", "time"])
        for name, note, moment, label in rows:
            writer.writerow([CLAIM.id, label, name, note, moment.isoformat()])
    code, _out, err = _run("verdicts", "import", str(path), "--db", db_url)
    with engine.connect() as connection:
        history = verdict_history(connection)[len(earlier) :]
    if code == 0:
        assert all(_in_range(moment) for _n, _t, moment, _l in rows)
        given_rows = {(n, t, m.astimezone(UTC), lb) for n, t, m, lb in rows}
        # a row an earlier example already stored is "already present", kept once
        present = {_row(v) for v in earlier if v.label}
        assert {_row(v) for v in history if v.label} == given_rows - present
    else:
        _assert_refused_on_one_line(code, err, path)
        assert history == []  # nothing half-written
        assert TERMINAL_CODES.search(err) is None
    engine.dispose()
    _assert_readable_and_inert(db_url)


def _row(verdict: Verdict) -> tuple[str, str, datetime, str]:
    return (verdict.reviewer, verdict.note, verdict.created_at, verdict.label.value)


_ENGINES: dict[str, object] = {}


def _database(db_url: str):  # type: ignore[no-untyped-def]
    """The test's database with one claim (made at the first example of each test)."""
    if db_url not in _ENGINES:
        _ENGINES[db_url] = True
        stored_claim(db_url, verdicts=0).dispose()
    return open_engine(db_url)


FIELD_TEXT = ANY_TEXT.filter(lambda s: s == s.strip())


@SETTINGS
@given(
    title=FIELD_TEXT,
    outlet=FIELD_TEXT,
    body=ANY_TEXT.filter(lambda s: s.strip() != ""),
    as_jsonl=st.booleans(),
)
def test_reports_are_stored_exactly_or_refused_on_one_line(
    db_url: str, tmp_path_factory, title: str, outlet: str, body: str, as_jsonl: bool
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("reports")
    marker = folder.name  # a report is stored once per text: make every example new
    text = f"The army said {body} ({marker})\n"
    if as_jsonl:
        path = folder / "reports.jsonl"
        record = {"title": title, "outlet": outlet, "text": text}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        path = folder / "report.md"
        front = f"title: {json.dumps(title)}\noutlet: {json.dumps(outlet)}\n"
        path.write_text(f"---\n{front}---\n{text}", encoding="utf-8", newline="")
    code, _out, err = _run("ingest", str(path), "--db", db_url)
    engine = open_engine(db_url)
    with engine.connect() as connection:
        stored = [r for r in list_reports(connection) if f"({marker})" in r.text]
    engine.dispose()
    if code == 0:
        (report,) = stored
        assert (report.title, report.outlet) == (title, outlet)
        # as given, up to the model's documented normalisation (line endings, NFC) and
        # the file's final newline, which is not content
        assert report.text == Report(text=text).text.rstrip("\n")
    else:
        _assert_refused_on_one_line(code, err, path)
        assert stored == []
        assert TERMINAL_CODES.search(err) is None
    _assert_readable_and_inert(db_url)


def test_the_report_under_test_is_the_helpers_report() -> None:
    assert CLAIM.report_id == REPORT.id
