"""Kill and reopen the review UI over and over: a verdict key never replaces a verdict the
reviewer gave earlier. Resuming and advancing follow one order (the order on screen),
so pressing only verdict keys judges each claim once, whatever the rounds."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select
from textual.pilot import Pilot

from models import Claim, Report, Source, SourceKind
from tests.tui.conftest import review
from workbench.store import open_engine, schema
from workbench.store.reports import store_reports
from workbench.tui import make_app

ROUNDS = 50
SOURCES = ("SOHR", "SANA", "Reuters")


def _interleaved_db(path: str, reports: int = 16, per_report: int = 5) -> str:
    """Reports whose claims alternate between sources, so the screen's column order
    differs from the order the claims were stored in."""
    engine = open_engine(path)
    stored, claims = [], {}
    for n in range(reports):
        sentences = [f"Statement {k} of report {n} about a strike." for k in range(per_report)]
        text = " ".join(sentences)
        report = Report(outlet="Wire", title=f"Report {n}", published=date(2016, 3, 1), text=text)
        stored.append(report)
        claims[report.id] = [
            Claim(
                report_id=report.id,
                text=sentence,
                span=(text.index(sentence), text.index(sentence) + len(sentence)),
                sources=(SOURCES[(k * (n + 1)) % len(SOURCES)],),
            )
            for k, sentence in enumerate(sentences)
        ]
    with engine.begin() as connection:
        store_reports(
            connection, stored, claims, [Source(name=s, kind=SourceKind.MEDIA) for s in SOURCES]
        )
    engine.dispose()
    return path


async def _queue_shown(pilot: Pilot[None]) -> None:
    """Until the whole queue is loaded and an event is on screen (workers awaited)."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = review(pilot)
        if screen.queue_loaded and screen.ready and screen.claim_id is not None:
            return
    raise AssertionError("the review screen never showed the queue")


def _judged(path: str) -> list[str]:
    engine = open_engine(path)
    with engine.connect() as connection:
        rows = list(
            connection.scalars(
                select(schema.verdicts.c.claim_id)
                .where(schema.verdicts.c.reviewer == "ana")
                .order_by(schema.verdicts.c.id)
            )
        )
    engine.dispose()
    return rows


async def test_kill_and_reopen_never_replaces_an_earlier_verdict(sqlite_url: str) -> None:
    path = _interleaved_db(sqlite_url)
    chooser = random.Random(17)
    pressed = 0
    for _ in range(ROUNDS):
        app = make_app(db=path, reviewer="ana", keys={})
        async with app.run_test(size=(120, 40)) as pilot:
            await _queue_shown(pilot)
            for key in chooser.choices("csud", k=chooser.randint(1, 2)):
                await _queue_shown(pilot)
                await pilot.press(key)
                pressed += 1
        # leaving run_test without any shutdown step of ours stands for the kill:
        # every verdict is committed when its key is handled
    judged = _judged(path)
    assert len(judged) == pressed
    assert len(set(judged)) == len(judged), "a verdict key replaced an earlier verdict"
