"""The columns an analyst groups, filters and sorts by, read back with pandas.

Every column added for analysts is checked in the CSV (as ``pandas.read_csv`` types it)
and in Parquet (as ``to_frame`` types it): figures numeric, credibility a sortable
number, the two flags booleans.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from pandas.api import types as ptypes
from sqlalchemy import Engine

from models import (
    Claim,
    Event,
    Quantity,
    Report,
    RoleFlag,
    Source,
    SourceKind,
    Verdict,
    VerdictLabel,
)
from tests.conftest import run_cli
from workbench.events.storage import save_grouping
from workbench.export import attributed_text, casualty_bounds, export_rows, render, render_bytes
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts

SOHR = Source(
    name="Syrian Observatory for Human Rights",
    kind=SourceKind.MONITOR,
    roles=frozenset({RoleFlag.MONITOR_NGO}),
)
SANA = Source(
    name="SANA", kind=SourceKind.STATE_MEDIA, roles=frozenset({RoleFlag.PARTY_TO_CONFLICT})
)
FIRST = Report(
    text="IS killed at least 26 soldiers and wounded 10 to 12, the Observatory said.",
    outlet="Reuters",
    title="=HYPERLINK(toll)",
    url="https://example.org/palmyra",
    dateline="Beirut",
    published=date(2016, 3, 21),
    external_id="gdelt-0412",
)
COPY = Report(
    text="IS killed at least 26 soldiers and wounded 10 to 12, the Observatory said. More.",
    outlet="Yahoo News",
    published=date(2016, 3, 22),
)
TOLL = Claim(
    report_id=FIRST.id,
    text="IS killed at least 26 soldiers and wounded 10 to 12",
    span=(0, 51),
    sources=(SOHR.name,),
    cue="said",
    quantities=(
        Quantity(value=26, unit="soldiers killed", at_least=True),
        Quantity(value=11, low=10, high=12, unit="wounded"),
    ),
)
TOLL_COPY = TOLL.model_copy(update={"report_id": COPY.id, "id": ""})
DENIAL = Claim(
    report_id=FIRST.id,
    text="no soldier was killed near Palmyra, 2 civilians and 3 fighters were",
    span=(60, 70),
    sources=(SANA.name, "activists"),
    cue="according to",
    quantities=(
        Quantity(value=2, unit="civilians killed"),
        Quantity(value=3, unit="fighters killed"),
    ),
)
WHEN = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _claim(claim: Claim) -> Claim:
    # ids are derived from the content when empty
    return Claim.model_validate(claim.model_dump() | {"id": ""})


def _database(url: str) -> tuple[Engine, Claim, Claim, Claim]:
    toll, copy, denial = _claim(TOLL), _claim(TOLL_COPY), _claim(DENIAL)
    assert len({toll.id, copy.id, denial.id}) == 3
    engine = open_engine(url)
    with engine.begin() as connection:
        store_reports(
            connection,
            [FIRST, COPY],
            {FIRST.id: [toll, denial], COPY.id: [copy]},
            [SOHR, SANA],
        )
        save_grouping(
            connection,
            [
                Event(
                    id="ev-palmyra", title="Palmyra: soldiers killed", claim_ids=(toll.id, copy.id)
                )
            ],
        )
        append_verdicts(
            connection,
            [
                Verdict(
                    claim_id=toll.id,
                    reviewer="ana",
                    label=VerdictLabel.CORROBORATED,
                    evidence=(denial.id,),
                    created_at=WHEN,
                ),
                Verdict(
                    claim_id=denial.id,
                    reviewer="ana",
                    label=VerdictLabel.UNVERIFIABLE,
                    created_at=WHEN,
                ),
            ],
        )
    return engine, toll, copy, denial


def _csv_frame(engine: Engine) -> pd.DataFrame:
    with engine.connect() as connection:
        text = render(export_rows(connection), "csv")
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])


def test_every_analyst_column_reads_back_with_pandas(db_url: str) -> None:
    engine, toll, copy, denial = _database(db_url)
    frame = _csv_frame(engine).set_index("claim_id")
    for column in ("killed_min", "killed_max", "injured_min", "injured_max", "credibility"):
        assert ptypes.is_numeric_dtype(frame[column]), column
    assert ptypes.is_bool_dtype(frame["party_to_conflict"])
    assert ptypes.is_bool_dtype(frame["is_copy"])

    first = frame.loc[toll.id]
    assert first["report_external_id"] == "gdelt-0412"
    assert first["url"] == "https://example.org/palmyra"
    assert first["dateline"] == "Beirut"
    assert first["published"] == "2016-03-21"
    assert first["title"] == "'=HYPERLINK(toll)"  # the formula guard stays
    assert (first["event_id"], first["event_title"]) == ("ev-palmyra", "Palmyra: soldiers killed")
    assert first["source_kind"] == "monitor"
    assert not first["party_to_conflict"]
    assert not first["is_copy"]  # the first published carrier is the original
    # "at least 26" is open above: a minimum, no maximum; "10 to 12" both
    assert first["killed_min"] == 26
    assert pd.isna(first["killed_max"])
    assert (first["injured_min"], first["injured_max"]) == (10, 12)
    assert (first["credibility"], first["credibility_label"]) == (2, "Probably true")
    assert first["credibility_range"] == "1-2"
    assert first["attributed_claim"] == f"Syrian Observatory for Human Rights said {toll.text}"
    assert first["evidence"] == denial.id
    assert first["evidence_text"] == (f"Reuters: According to SANA and activists, {denial.text}")

    later = frame.loc[copy.id]
    assert later["is_copy"]
    assert later["event_id"] == "ev-palmyra"
    assert pd.isna(later["credibility"])  # not judged: empty, still a number column
    assert pd.isna(later["report_external_id"])

    other = frame.loc[denial.id]
    assert other["source_kind"] == "state_media; unknown"  # "activists" is not registered
    assert other["party_to_conflict"]
    assert pd.isna(other["event_id"])  # outside any stored event
    # figures only for subgroups (2 civilians, 3 fighters) are a lower bound, as the
    # event's toll line reads them
    assert other["killed_min"] == 3
    assert pd.isna(other["killed_max"])
    assert pd.isna(other["injured_min"])
    assert pd.isna(other["injured_max"])
    assert (other["credibility"], other["credibility_label"]) == (6, "Truth cannot be judged")

    # sortable: one number per verdict, most credible first
    judged = frame.dropna(subset=["credibility"]).sort_values("credibility")
    assert list(judged.index) == [toll.id, denial.id]


def test_parquet_keeps_the_column_types(sqlite_url: str, tmp_path: Path) -> None:
    engine, toll, copy, _denial = _database(sqlite_url)
    target = tmp_path / "out" / "verdicts.parquet"
    result = run_cli("export", "--db", sqlite_url, "--format", "parquet", "-o", str(target))
    assert result.code == 0, result.stderr
    frame = pd.read_parquet(target).set_index("claim_id")
    with engine.connect() as connection:
        assert target.read_bytes() == render_bytes(export_rows(connection), "parquet")
    assert str(frame["killed_min"].dtype) == "Float64"
    assert str(frame["credibility"].dtype) == "Int64"
    assert str(frame["is_copy"].dtype) == "boolean"
    assert str(frame["title"].dtype) == "string"
    assert frame.loc[toll.id, "killed_min"] == 26
    assert pd.isna(frame["killed_max"][toll.id])
    assert frame.loc[copy.id, "is_copy"]
    assert frame.loc[toll.id, "title"] == "=HYPERLINK(toll)"  # typed data, not a sheet


def test_claimreview_gives_the_url_and_who_said_it(sqlite_url: str) -> None:
    engine, toll, _copy, _denial = _database(sqlite_url)
    with engine.connect() as connection:
        reviews = json.loads(render(export_rows(connection), "claimreview"))
    review = next(r for r in reviews if r["identifier"] == toll.id)
    assert review["claimReviewed"] == f"Syrian Observatory for Human Rights said {toll.text}"
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://example.org/palmyra"


@pytest.mark.parametrize(
    ("sources", "cue", "outlet", "expected"),
    [
        (("SANA",), "told", "", "SANA said X"),
        (("SANA", "SOHR"), "according to", "", "According to SANA and SOHR, X"),
        (("SANA",), "denied", "", "SANA denied X"),
        ((), "", "AFP", "AFP reported X"),
    ],
)
def test_attributed_text_reads_as_a_sentence(
    sources: tuple[str, ...], cue: str, outlet: str, expected: str
) -> None:
    claim = Claim(report_id="r", text="X", span=(0, 1), sources=sources, cue=cue)
    assert attributed_text(claim, outlet) == expected


def test_casualty_bounds_take_the_latest_total_and_leave_open_maxima_empty() -> None:
    claim = Claim(
        report_id="r",
        text="20 people were killed, the toll later rose to 30; dozens were wounded",
        span=(0, 60),
        quantities=(
            Quantity(value=20, unit="people killed"),
            Quantity(value=30, unit="people killed"),
            Quantity(value=12, unit="wounded", at_least=True),  # "dozens", ACLED's 12
        ),
    )
    assert casualty_bounds(claim) == {"killed": (30.0, 30.0), "injured": (12.0, None)}
