"""Verdict export (CSV, ClaimReview) and import: formulas neutralised, round trip exact."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine

from models import Claim, Quantity, Report, Verdict, VerdictLabel
from tests.conftest import run_cli
from workbench.export import CSV_COLUMNS, describe_quantity, export_rows, render
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts, current_verdicts, verdict_history

REPORT = Report(
    text='=cmd|" /C calc"!A0 said the toll was 26. SANA said nothing.',
    outlet="@wire",
    title="Toll",
    published=date(2016, 3, 21),
)
TOLL = Claim(
    report_id=REPORT.id,
    text='=cmd|" /C calc"!A0 toll was 26',
    span=(0, 30),
    sources=("Syrian Observatory for Human Rights",),
    cue="said",
    quantities=(Quantity(value=26, unit="soldiers killed", at_least=True),),
)
QUIET = Claim(report_id=REPORT.id, text="nothing", span=(40, 60), sources=("SANA",), cue="said")
WHEN = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _database(url: str, verdicts: bool = True) -> Engine:
    engine = open_engine(url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [TOLL, QUIET]})
        if verdicts:
            append_verdicts(
                connection,
                [
                    Verdict(
                        claim_id=TOLL.id,
                        reviewer="ana",
                        label=VerdictLabel.SINGLE_SOURCE,
                        created_at=WHEN,
                    ),
                    Verdict(
                        claim_id=TOLL.id,
                        reviewer="ana",
                        label=VerdictLabel.CONTESTED,
                        note="-SANA gives no toll",
                        evidence=(QUIET.id,),
                        created_at=WHEN,
                    ),
                    Verdict(
                        claim_id=TOLL.id,
                        reviewer="bo",
                        label=VerdictLabel.CORROBORATED,
                        created_at=WHEN,
                    ),
                ],
            )
    return engine


def _csv(engine: Engine) -> list[dict[str, str]]:
    with engine.connect() as connection:
        text = render(export_rows(connection), "csv")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_claim_and_current_verdict(sqlite_url: str) -> None:
    rows = _csv(_database(sqlite_url))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["claim_id"], r["reviewer"], r["verdict"], r["status"]) for r in rows] == [
        (TOLL.id, "ana", "contested", "in_review"),  # the reviewers disagree
        (TOLL.id, "bo", "corroborated", "in_review"),
        (QUIET.id, "", "", "unreviewed"),
    ]
    contested = rows[0]
    assert (contested["credibility"], contested["credibility_range"]) == ("4", "3-4")
    assert contested["credibility_label"] == "Doubtful"
    assert contested["quantities"] == "at least 26 soldiers killed"
    assert contested["evidence"] == QUIET.id
    assert contested["time"] == "2026-11-25T09:30:00+00:00"


def test_cells_a_spreadsheet_would_run_are_neutralised(sqlite_url: str) -> None:
    row = _csv(_database(sqlite_url))[0]
    assert row["claim"] == "'" + TOLL.text
    assert row["outlet"] == "'@wire"
    assert row["note"] == "'-SANA gives no toll"
    assert row["title"] == "Toll"  # ordinary text is untouched


def test_claimreview_carries_our_verdict_and_a_rating_only_when_ordinal(sqlite_url: str) -> None:
    engine = _database(sqlite_url)
    with engine.connect() as connection:
        reviews = json.loads(render(export_rows(connection), "claimreview"))
    assert len(reviews) == 2  # unreviewed claims have no review
    contested, corroborated = reviews
    assert contested["@type"] == "ClaimReview"
    assert contested["claimReviewed"] == "Syrian Observatory for Human Rights said " + TOLL.text
    assert contested["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Contested",
        "ratingExplanation": "-SANA gives no toll",
    }
    assert corroborated["reviewRating"]["ratingValue"] == 4
    assert corroborated["reviewRating"]["bestRating"] == 5
    assert corroborated["itemReviewed"]["author"] == [
        {"@type": "Organization", "name": "Syrian Observatory for Human Rights"}
    ]
    assert corroborated["itemReviewed"]["datePublished"] == "2016-03-21"


def test_describe_quantity_reads_like_the_report() -> None:
    assert describe_quantity(Quantity(value=4, unit="km", approximate=True)) == "about 4 km"
    assert describe_quantity(Quantity(value=25, low=20, high=30, unit="people")) == "20-30 people"
    assert describe_quantity(Quantity(value=12, unit="rockets", at_most=True)) == "up to 12 rockets"


def test_export_to_file_matches_stdout_byte_for_byte(sqlite_url: str, tmp_path: Path) -> None:
    _database(sqlite_url)
    for fmt in ("csv", "claimreview"):
        out = tmp_path / f"out.{fmt}"
        to_stdout = run_cli("export", "--db", sqlite_url, "--format", fmt)
        to_file = run_cli("export", "--db", sqlite_url, "--format", fmt, "-o", str(out))
        assert to_stdout.code == to_file.code == 0
        assert out.read_bytes() == to_stdout.raw_stdout
        assert to_file.stdout == ""


def test_export_then_import_into_a_fresh_database_reproduces_verdicts(
    db_url: str, tmp_path: Path
) -> None:
    source_db = str(tmp_path / "source.db")
    source = _database(source_db)
    exported = tmp_path / "verdicts.csv"
    assert run_cli("export", "--db", source_db, "-o", str(exported)).code == 0
    fresh = _database(db_url, verdicts=False)
    first = run_cli("verdicts", "import", str(exported), "--db", db_url)
    again = run_cli("verdicts", "import", str(exported), "--db", db_url)
    assert (first.code, again.code) == (0, 0)
    assert "imported 2 verdict(s)" in first.stderr
    assert "imported 0 verdict(s), 2 already present" in again.stderr

    def current(engine: Engine) -> list[tuple[object, ...]]:
        with engine.connect() as connection:
            return sorted(
                (v.claim_id, v.reviewer, v.label, v.note, v.evidence, v.created_at)
                for v in current_verdicts(connection)
            )

    assert current(fresh) == current(source)


def test_a_bad_row_stops_the_import_with_its_line_and_stores_nothing(
    sqlite_url: str, tmp_path: Path
) -> None:
    engine = _database(sqlite_url, verdicts=False)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "claim_id,verdict,reviewer,note\n"
        f"{TOLL.id},refuted,ana,SANA footage\n"
        f"{QUIET.id},probably,ana,\n"
    )
    result = run_cli("verdicts", "import", str(bad), "--db", sqlite_url)
    assert result.code == 2
    assert result.stderr.strip() == (
        f"workbench: error: {bad}:3: unknown verdict 'probably'; expected one of acknowledged, "
        "corroborated, single_source, contested, unverifiable, doubtful, refuted"
    )
    with engine.connect() as connection:
        assert verdict_history(connection) == []


def test_import_refuses_unknown_claims_and_missing_columns(sqlite_url: str, tmp_path: Path) -> None:
    _database(sqlite_url, verdicts=False)
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("claim_id,verdict,reviewer\nnope,refuted,ana\n")
    no_reviewer = tmp_path / "cols.csv"
    no_reviewer.write_text(f"claim_id,verdict\n{TOLL.id},refuted\n")
    first = run_cli("verdicts", "import", str(unknown), "--db", sqlite_url)
    second = run_cli("verdicts", "import", str(no_reviewer), "--db", sqlite_url)
    assert (first.code, second.code) == (2, 2)
    assert f"{unknown}:2: unknown claim_id 'nope'" in first.stderr
    assert f"{no_reviewer}:1: missing column(s): reviewer" in second.stderr


def test_import_into_an_empty_database_says_to_ingest_the_reports_first(
    sqlite_url: str, tmp_path: Path
) -> None:
    source_db = str(tmp_path / "source.db")
    _database(source_db)
    exported = tmp_path / "verdicts.csv"
    assert run_cli("export", "--db", source_db, "-o", str(exported)).code == 0
    empty = str(tmp_path / "empty.db")
    result = run_cli("verdicts", "import", str(exported), "--db", empty)
    assert result.code == 2
    assert result.stderr.strip() == (
        f"workbench: error: {exported}:2: unknown claim_id {TOLL.id!r}: this database does not "
        "hold its report (ingest the reports first: workbench ingest PATH... --db DB, then "
        "import again)"
    )
