"""Shared pieces of the integrity tests: a tiny stored corpus and the CLI in a child."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from models import Claim, Report, Source, SourceKind, Verdict, VerdictLabel
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts

REPORT = Report(
    outlet="Reuters",
    title="Strike on Palmyra",
    published=date(2016, 3, 21),
    text="The Observatory said 12 people were killed.",
)
CLAIM = Claim(report_id=REPORT.id, text="12 people were killed", span=(0, 10), sources=("SOHR",))
SOHR = Source(name="SOHR", kind=SourceKind.MONITOR)

# What a terminal would act on: ESC, CSI (C1), BEL, a bidi override, a zero-width space.
TERMINAL_CODES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def stored_claim(db_url: str, verdicts: int = 1) -> Engine:
    """A database with one report, one claim and ``verdicts`` verdicts by ana."""
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [CLAIM]}, [SOHR])
        append_verdicts(
            connection,
            [
                Verdict(claim_id=CLAIM.id, reviewer="ana", label=VerdictLabel.SINGLE_SOURCE)
                for _ in range(verdicts)
            ],
        )
    return engine


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path
