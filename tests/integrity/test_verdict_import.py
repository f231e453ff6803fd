"""Verdict import: every value checked where it enters, the same on both backends.

A time that would brick the database is refused with its line; offsets are applied
(stored in UTC), so importing the same file twice adds nothing; a CSV with an
unterminated quote or a short row is refused with its line, nothing stored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.integrity.helpers import CLAIM, stored_claim, write
from workbench.store import open_engine
from workbench.store.verdicts import verdict_history

HEADER = "claim_id,verdict,reviewer,note,time\n"

# Every command a reviewer runs must still work after an import.
READERS = (
    ("export",),
    ("verdicts", "status"),
    ("verdicts", "disagreements"),
    ("score",),
    ("agreement",),
)


def _import(db_url: str, path: Path):  # type: ignore[no-untyped-def]
    return run_cli("verdicts", "import", str(path), "--db", db_url)


def _history(db_url: str) -> list[tuple[str, str, datetime]]:
    engine = open_engine(db_url)
    with engine.connect() as connection:
        rows = [(v.reviewer, v.note, v.created_at) for v in verdict_history(connection)]
    engine.dispose()
    return rows


@pytest.mark.parametrize(
    "when",
    [
        "0001-01-01T00:00:00+14:00",  # before year 1 in UTC: PostgreSQL stored it, no one read it
        "9999-12-31T23:59:59-14:00",  # after year 9999 in UTC
        "1969-12-31T23:59:59+00:00",
        "2999-01-01T00:00:00+00:00",
    ],
)
def test_a_time_outside_the_sane_range_is_refused_and_the_database_stays_readable(
    db_url: str, tmp_path: Path, when: str
) -> None:
    stored_claim(db_url, verdicts=0).dispose()
    good = f"{CLAIM.id},corroborated,bo,,2026-11-25T09:30:00+00:00\n"
    path = write(tmp_path / "v.csv", HEADER + good + f"{CLAIM.id},refuted,cy,why,{when}\n")
    result = _import(db_url, path)
    assert result.code == 2
    assert result.stderr.strip().endswith("(UTC)") or "outside" in result.stderr
    assert f"{path}:3:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _history(db_url) == []  # nothing half-written: the good row was not stored either
    if when.startswith("0001"):  # the case that bricked a team's database
        for command in READERS:
            assert run_cli(*command, "--db", db_url).code == 0, command


def test_offsets_are_applied_and_reimport_is_idempotent(db_url: str, tmp_path: Path) -> None:
    stored_claim(db_url, verdicts=0).dispose()
    path = write(
        tmp_path / "v.csv",
        HEADER
        + f"{CLAIM.id},corroborated,bo,east,2026-11-25T11:30:00+02:00\n"
        + f"{CLAIM.id},single_source,cy,,\n",  # no time: the import's own
    )
    first = _import(db_url, path)
    assert first.code == 0, first.stderr
    second = _import(db_url, path)
    assert second.code == 0, second.stderr
    assert "imported 0 verdict(s), 2 already present" in second.stderr
    history = _history(db_url)
    assert len(history) == 2
    assert history[0][2] == datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # +02:00 applied
    # the same instant written in UTC is the same row
    utc = write(
        tmp_path / "utc.csv", HEADER + f"{CLAIM.id},corroborated,bo,east,2026-11-25T09:30Z\n"
    )
    assert "imported 0 verdict(s), 1 already present" in _import(db_url, utc).stderr


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            f'{CLAIM.id},corroborated,bo,"never closed,\n' + f"{CLAIM.id},refuted,cy,x,\n" * 49,
            2,
            "never closed",
        ),
        (f"{CLAIM.id},corroborated,bo,fine,\n{CLAIM.id},refuted\n", 3, "fewer cells"),
        (f"{CLAIM.id},corroborated,bo,fine,,extra\n", 2, "more cells"),
    ],
)
def test_malformed_csv_is_refused_with_its_line(
    db_url: str, tmp_path: Path, body: str, line: int, message: str
) -> None:
    stored_claim(db_url, verdicts=0).dispose()
    path = write(tmp_path / "bad.csv", HEADER + body)
    result = _import(db_url, path)
    assert result.code == 2
    assert f"{path}:{line}:" in result.stderr
    assert message in result.stderr
    assert _history(db_url) == []


def test_names_are_limited_alike_on_both_backends(db_url: str, tmp_path: Path) -> None:
    stored_claim(db_url, verdicts=0).dispose()
    path = write(tmp_path / "long.csv", HEADER + f"{CLAIM.id},corroborated,{'b' * 201},,\n")
    result = _import(db_url, path)
    assert result.code == 2
    assert f"{path}:2:" in result.stderr
    assert "200" in result.stderr
    ok = write(tmp_path / "ok.csv", HEADER + f"{CLAIM.id},corroborated,{'b' * 200},,\n")
    assert _import(db_url, ok).code == 0
    assert len(_history(db_url)) == 1


def test_control_characters_are_stored_as_given(db_url: str, tmp_path: Path) -> None:
    """One rule: names and notes keep what was given; every display shows them inert."""
    stored_claim(db_url, verdicts=0).dispose()
    name, note = "eve\x1b]0;pwned\x07", "a\u202eb\u200bc"
    path = write(tmp_path / "v.csv", HEADER + f"{CLAIM.id},corroborated,{name},{note},\n")
    assert _import(db_url, path).code == 0
    assert [(r, n) for r, n, _ in _history(db_url)] == [(name, note)]
