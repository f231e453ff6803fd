"""The store on SQLite and PostgreSQL: migrations, idempotent inserts, append-only verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from models import Claim, Quantity, Report, Source, SourceKind, Verdict, VerdictLabel
from workbench.errors import InputError
from workbench.store import (
    create_db_engine,
    current_revision,
    head_revision,
    open_engine,
    resolve_db_url,
    upgrade,
)
from workbench.store.reports import (
    count_rows,
    list_reports,
    load_claims,
    load_sources,
    store_reports,
)
from workbench.store.schema import metadata
from workbench.store.verdicts import append_verdicts, current_verdicts, verdict_history

REPORT = Report(
    text="Beirut: IS killed 26 soldiers, a monitor said.",
    outlet="Wire",
    published=date(2016, 3, 21),
)
CLAIM = Claim(
    report_id=REPORT.id,
    text="IS killed 26 soldiers",
    span=(8, 29),
    sources=("Syrian Observatory for Human Rights", "regional media"),
    cue="said",
    quantities=(Quantity(value=26, unit="soldiers killed"),),
)
SOHR = Source(name="Syrian Observatory for Human Rights", kind=SourceKind.MONITOR)


def test_fresh_database_is_migrated_to_head_and_matches_the_schema(db_url: str) -> None:
    engine = open_engine(db_url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_reopening_keeps_every_row(db_url: str) -> None:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [CLAIM]}, [SOHR])
    engine.dispose()
    again = open_engine(db_url)
    with again.connect() as connection:
        counts = count_rows(connection)
        claims = load_claims(connection)
    assert counts["reports"] == 1
    assert claims == [CLAIM]


def test_storing_the_same_report_twice_stores_it_once(db_url: str) -> None:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        first = store_reports(connection, [REPORT, REPORT], {REPORT.id: [CLAIM]}, [SOHR])
    with engine.begin() as connection:
        second = store_reports(connection, [REPORT], {REPORT.id: [CLAIM]}, [SOHR])
        counts = count_rows(connection)
    assert (first.new_reports, first.claims) == ([REPORT.id], 1)
    assert (second.new_reports, second.known_reports, second.claims) == ([], [REPORT.id], 0)
    assert counts["reports"] == 1
    assert counts["claims"] == 1


def test_sources_named_by_claims_are_stored_with_registry_details(db_url: str) -> None:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [CLAIM]}, [SOHR])
        sources = {s.name: s for s in load_sources(connection)}
    assert sources["Syrian Observatory for Human Rights"].kind is SourceKind.MONITOR
    # a name the registry did not know is kept, as unknown, never dropped
    assert sources["regional media"].kind is SourceKind.UNKNOWN


def test_a_person_learns_the_body_they_speak_for_and_keeps_it(db_url: str) -> None:
    person = Source(name="Rami Abdel Rahman", kind=SourceKind.OFFICIAL)
    later = Report(text="Another invented report.", outlet="Paper", published=REPORT.published)

    def said(report: Report) -> Claim:
        return Claim(report_id=report.id, text="IS killed 26", span=(0, 12), sources=(person.name,))

    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [said(REPORT)]}, [person])
        store_reports(
            connection,
            [later],
            {later.id: [said(later)]},
            [person.model_copy(update={"speaks_for": SOHR.name}), SOHR],
        )
        assert {s.name: s for s in load_sources(connection)}[person.name].speaks_for == SOHR.name
        # a body once recorded is never replaced by another
        third = Report(text="A third invented report.", outlet="Paper")
        store_reports(
            connection,
            [third],
            {third.id: [said(third)]},
            [person.model_copy(update={"speaks_for": "Some Other Body"})],
        )
        sources = {s.name: s for s in load_sources(connection)}
    assert sources[person.name].speaks_for == SOHR.name
    assert sources[SOHR.name].speaks_for == ""


def test_a_failed_transaction_stores_nothing(db_url: str) -> None:
    engine = open_engine(db_url)

    def crash_after_insert() -> None:
        with engine.begin() as connection:
            store_reports(connection, [REPORT], {REPORT.id: [CLAIM]}, [SOHR])
            raise RuntimeError("crash after the insert")

    with pytest.raises(RuntimeError):
        crash_after_insert()
    with engine.connect() as connection:
        assert set(count_rows(connection).values()) == {0}


def _stored_claim(db_url: str) -> Engine:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [CLAIM]}, [SOHR])
    return engine


def test_newest_verdict_per_reviewer_is_current_and_undo_appends(db_url: str) -> None:
    engine = _stored_claim(db_url)
    with engine.begin() as connection:
        append_verdicts(
            connection,
            [
                Verdict(claim_id=CLAIM.id, reviewer="ana", label=VerdictLabel.SINGLE_SOURCE),
                Verdict(claim_id=CLAIM.id, reviewer="ana", label=VerdictLabel.CONTESTED, note="n"),
                Verdict(claim_id=CLAIM.id, reviewer="bo", label=VerdictLabel.CORROBORATED),
                Verdict(claim_id=CLAIM.id, reviewer="bo", label=None),  # bo undoes
            ],
        )
    with engine.connect() as connection:
        current = current_verdicts(connection)
        history = verdict_history(connection, CLAIM.id)
    assert [(v.reviewer, v.label) for v in current] == [("ana", VerdictLabel.CONTESTED)]
    assert len(history) == 4
    assert [v.id for v in history] == sorted(v.id for v in history if v.id is not None)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE verdicts SET label = 'refuted'",
        "DELETE FROM verdicts",
    ],
)
def test_the_database_refuses_to_rewrite_verdict_history(db_url: str, statement: str) -> None:
    engine = _stored_claim(db_url)
    with engine.begin() as connection:
        append_verdicts(
            connection,
            [Verdict(claim_id=CLAIM.id, reviewer="ana", label=VerdictLabel.SINGLE_SOURCE)],
        )
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    with engine.connect() as connection:
        assert [v.label for v in verdict_history(connection)] == [VerdictLabel.SINGLE_SOURCE]


def test_sqlite_is_opened_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_database_location_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_db_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert resolve_db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_db_url("sqlite:///x.db") == "sqlite:///x.db"
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None).endswith("env.db")
    monkeypatch.delenv("WORKBENCH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'xdg' / 'workbench' / 'workbench.db'}"


def test_a_database_from_the_first_revision_is_migrated_forward_with_its_rows(
    db_url: str,
) -> None:
    engine = create_db_engine(resolve_db_url(db_url))
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO reports (id, outlet, title, url, dateline, text, origin_path, "
                "ingested_at) VALUES ('r1', 'AFP', '', '', '', 'A said b.', '', '2016-03-21')"
            )
        )
    opened = open_engine(db_url)
    assert current_revision(opened) == head_revision()
    with opened.connect() as connection:
        assert [r.text for r in list_reports(connection)] == ["A said b."]
        # 0005: reports from before it have no own id and no extra fields
        [report] = list_reports(connection)
        assert (report.external_id, report.extra) == ("", {})


def test_a_database_newer_than_the_workbench_is_refused_clearly(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(InputError, match="newer than this workbench"):
        open_engine(sqlite_url)
