"""Identity from the database (PostgreSQL): each reviewer a role, and a rogue role refused by
the database itself for every forbidden act; the same through the CLI and the review UI.

Roles are created with ``workbench team add-reviewer`` and dropped by the test."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests.conftest import PG_URL, SEED, run_cli
from workbench.store import open_engine
from workbench.store.faults import fault_of

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Team:
    admin: str  # the owner's URL (postgres)
    ana: str
    bo: str  # the rogue reviewer
    cy: str  # an adjudicator
    names: dict[str, str]
    blind: str  # claim ana judged and queued for blind second review
    open_claim: str  # claim ana judged, not queued
    other: str  # a claim nobody judged yet


def _url(admin: str, role: str) -> str:
    return admin.replace("postgresql://postgres@", f"postgresql://{role}@", 1)


def _sql(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture
def team(pg_url: str) -> Iterator[Team]:
    suffix = uuid.uuid4().hex[:8]
    names = {who: f"wb_{who}_{suffix}" for who in ("ana", "bo", "cy")}
    admin_engine = create_engine(_sql(PG_URL))
    try:
        assert run_cli("ingest", str(SEED), "--db", pg_url).code == 0
        for who, role in names.items():
            extra = ["--adjudicator"] if who == "cy" else []
            done = run_cli("team", "add-reviewer", role, *extra, "--db", pg_url)
            assert done.code == 0, done.stderr
        exported = run_cli("export", "--db", pg_url)
        claims = [row["claim_id"] for row in csv.DictReader(io.StringIO(exported.stdout))]
        ana = _url(pg_url, names["ana"])
        rows = "".join(f"{c},corroborated,{names['ana']}\n" for c in claims[:2])
        imported = run_cli(
            "verdicts", "import", "-", "--db", ana, stdin="claim_id,verdict,reviewer\n" + rows
        )
        assert imported.code == 0, imported.stderr
        queued = run_cli("verdicts", "second-review", claims[0], "--db", ana)
        assert queued.code == 0, queued.stderr
        yield Team(
            admin=pg_url,
            ana=ana,
            bo=_url(pg_url, names["bo"]),
            cy=_url(pg_url, names["cy"]),
            names=names,
            blind=claims[0],
            open_claim=claims[1],
            other=claims[2],
        )
    finally:
        with admin_engine.begin() as connection:
            for role in names.values():
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin_engine.dispose()


def _as_role(url: str) -> object:
    return create_engine(_sql(url))


def _insert(reviewer: str, claim: str, role: str = "review", label: str = "refuted") -> text:
    return text(
        "INSERT INTO verdicts (claim_id, reviewer, label, evidence, note, created_at, role) "
        "VALUES (:claim, :reviewer, :label, '[]', '', :now, :role)"
    ).bindparams(claim=claim, reviewer=reviewer, label=label, now=datetime.now(UTC), role=role)


def _verdict_rows(url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(_sql(url))
    try:
        with engine.connect() as connection:
            return [
                (str(c), str(r), str(role))
                for c, r, role in connection.execute(
                    text("SELECT claim_id, reviewer, role FROM verdicts ORDER BY id")
                )
            ]
    finally:
        engine.dispose()


def test_the_database_refuses_a_rogue_role_each_forbidden_act(team: Team) -> None:
    bo, ana = team.names["bo"], team.names["ana"]
    before = _verdict_rows(team.admin)
    engine = create_engine(_sql(team.bo))
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT current_user")) == bo
            # Blind verdicts are not there for bo, even with raw SQL.
            seen = connection.execute(text("SELECT claim_id, reviewer FROM verdicts")).all()
            assert (team.blind, ana) not in seen
            assert (team.open_claim, ana) in seen  # not under blind review: visible

        forbidden = [
            (_insert(ana, team.other), "row-level security"),  # as another reviewer
            (text("UPDATE verdicts SET label = 'refuted'"), "permission denied"),
            (text("DELETE FROM verdicts"), "permission denied"),
            (text("UPDATE review_requests SET requested_by = 'x'"), "permission denied"),
            (text("DELETE FROM review_requests"), "permission denied"),
            (
                text(
                    "INSERT INTO review_requests (claim_id, kind, requested_by, created_at) "
                    "VALUES (:c, 'second_review', :who, now())"
                ).bindparams(c=team.other, who=ana),
                "row-level security",
            ),
            # bo has no adjudicator right
            (_insert(bo, team.other, role="adjudication"), "row-level security"),
        ]
        for statement, message in forbidden:
            with pytest.raises(DBAPIError, match=message), engine.begin() as connection:
                connection.execute(statement)

        # bo reviews the blind claim (allowed: as himself) and now sees ana's verdict.
        with engine.begin() as connection:
            connection.execute(_insert(bo, team.blind))
        with engine.connect() as connection:
            seen = connection.execute(text("SELECT claim_id, reviewer FROM verdicts")).all()
        assert (team.blind, ana) in seen
        # Party to the disagreement: no ruling even with the right (cy reviewed it too).
    finally:
        engine.dispose()
    adjudicator = create_engine(_sql(team.cy))
    try:
        with adjudicator.begin() as connection:
            connection.execute(_insert(team.names["cy"], team.open_claim))
        with (
            pytest.raises(DBAPIError, match="row-level security"),
            adjudicator.begin() as connection,
        ):
            connection.execute(_insert(team.names["cy"], team.open_claim, role="adjudication"))
        with adjudicator.begin() as connection:  # not party: allowed
            connection.execute(_insert(team.names["cy"], team.blind, role="adjudication"))
    finally:
        adjudicator.dispose()
    after = _verdict_rows(team.admin)
    assert after[: len(before)] == before  # nothing rewritten
    assert [row[1:] for row in after[len(before) :]] == [
        (bo, "review"),
        (team.names["cy"], "review"),
        (team.names["cy"], "adjudication"),
    ]


def test_the_cli_acts_as_the_connected_role_and_reports_refusals(team: Team) -> None:
    bo, ana = team.names["bo"], team.names["ana"]
    before = _verdict_rows(team.admin)
    # Blind: bo's export, score, status and disagreements never show ana's verdict.
    exported = run_cli("export", "--db", team.bo, "--reviewed-only")
    assert exported.code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert {(r["claim_id"], r["reviewer"]) for r in rows} == {(team.open_claim, ana)}
    claimreview = run_cli("export", "--db", team.bo, "--format", "claimreview")
    assert team.blind not in claimreview.stdout
    # Writing as someone else, through every door.
    forged = f"claim_id,verdict,reviewer\n{team.other},refuted,{ana}\n"
    refused = run_cli("verdicts", "import", "-", "--db", team.bo, stdin=forged)
    assert refused.code == 2
    assert "refused by the database" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    posing = run_cli(
        "verdicts", "adjudicate", team.blind, "refuted", "--reason", "x", "--by", ana,
        "--db", team.bo,
    )  # fmt: skip
    assert posing.code == 2
    assert "may act only as itself" in posing.stderr
    no_right = run_cli(
        "verdicts", "adjudicate", team.other, "refuted", "--reason", "x", "--db", team.bo
    )
    assert no_right.code == 2
    assert "refused by the database" in no_right.stderr
    asked_as_ana = run_cli("verdicts", "second-review", team.other, "--by", ana, "--db", team.bo)
    assert asked_as_ana.code == 2
    assert _verdict_rows(team.admin) == before
    # bo gives his own verdict; now the blind claim shows both, and bo may not rule on it.
    own = run_cli(
        "verdicts", "import", "-", "--db", team.bo,
        stdin=f"claim_id,verdict,reviewer\n{team.blind},refuted,{bo}\n",
    )  # fmt: skip
    assert own.code == 0, own.stderr
    listed = run_cli("verdicts", "disagreements", "--db", team.bo)
    assert team.blind in listed.stdout
    assert ana in listed.stdout
    self_ruling = run_cli(
        "verdicts", "adjudicate", team.blind, "refuted", "--reason", "mine", "--db", team.bo
    )
    assert self_ruling.code == 2
    ruled = run_cli(
        "verdicts", "adjudicate", team.blind, "refuted", "--reason", "footage", "--db", team.cy
    )
    assert ruled.code == 0, ruled.stderr


async def test_the_review_ui_is_the_connected_role(team: Team) -> None:
    from workbench.errors import FaultError
    from workbench.tui import make_app
    from workbench.tui.session import ReviewSession

    bo, ana = team.names["bo"], team.names["ana"]
    with pytest.raises(FaultError, match="may act only as itself"):
        make_app(db=team.bo, reviewer=ana, keys={})
    session = ReviewSession.open(team.bo, None)
    assert session.reviewer == bo
    # Panel, progress and the export key: ana's blind verdict is not among them.
    assert session.team_progress() == {ana: 1}
    buffer = io.StringIO()
    session.export_csv(None, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {(r["claim_id"], r["reviewer"]) for r in rows if r["reviewer"]} == {
        (team.open_claim, ana)
    }
    counted = sum(sum(row.counts.values()) for row in session.source_rows())
    assert counted == len({s for s in _sources_of(team, team.open_claim)})
    # Adjudication from the UI's session is refused by the database (no right).
    with pytest.raises(Exception) as refused:  # noqa: PT011 - checked below
        session.adjudicate(team.other, __import__("models").VerdictLabel.REFUTED, "x")
    fault = fault_of(refused.value)
    assert fault is not None
    assert "refused by the database" in str(fault)


def _sources_of(team: Team, claim: str) -> list[str]:
    with open_engine(team.admin).connect() as connection:
        return list(
            connection.scalars(
                text("SELECT source FROM claim_sources WHERE claim_id = :c").bindparams(c=claim)
            )
        )


async def test_rulings_refused_in_the_running_ui(team: Team) -> None:
    """bo, in the review UI: ruling on his own disagreement is refused by the workbench,
    ruling without the adjudicator right is refused by the database; the app keeps
    running, says why in one line, and nothing is written."""
    from tests.tui.conftest import settle
    from workbench.tui import make_app
    from workbench.tui.screens import AdjudicationScreen

    bo, cy = team.names["bo"], team.names["cy"]
    own = f"claim_id,verdict,reviewer\n{team.blind},refuted,{bo}\n"
    assert run_cli("verdicts", "import", "-", "--db", team.bo, stdin=own).code == 0
    other = f"claim_id,verdict,reviewer\n{team.open_claim},refuted,{cy}\n"
    assert run_cli("verdicts", "import", "-", "--db", team.cy, stdin=other).code == 0
    before = _verdict_rows(team.admin)
    app = make_app(db=team.bo, keys={})
    assert app.session.reviewer == bo
    notes: list[str] = []
    app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        cases = [case.claim_id for case, _ in screen.cases]
        assert sorted(cases) == sorted([team.blind, team.open_claim])
        for claim in cases:
            screen.query_one("#cases").highlighted = cases.index(claim)  # type: ignore[attr-defined]
            await pilot.press("r", *"mine", "enter")
            await settle(pilot)
            assert app.is_running
    assert any("cannot adjudicate" in note for note in notes), notes
    assert any("refused by the database" in note for note in notes), notes
    assert all(len(note.splitlines()) == 1 for note in notes)
    assert _verdict_rows(team.admin) == before
