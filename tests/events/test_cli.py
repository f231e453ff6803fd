"""``workbench events`` end to end: ingest through the real extractor, list, edit, re-ingest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED, run_cli
from tests.events.invented import DATA
from tests.events.seed import SIDE_BY_SIDE, UNRELATED_TO_FIGHTING


def _events(db: str, *extra: str) -> list[dict[str, Any]]:
    result = run_cli("events", "--db", db, "--format", "jsonl", *extra)
    assert result.code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _holding(fragment: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    found = [e for e in events if any(fragment in c["text"] for c in e["claims"])]
    assert len(found) == 1, fragment
    return found[0]


def _claim_id(fragment: str, event: dict[str, Any]) -> str:
    return next(c["id"] for c in event["claims"] if fragment in c["text"])


@pytest.fixture
def invented_jsonl(tmp_path: Path) -> Path:
    """The INVENTED corpus as a .jsonl of reports, for `workbench ingest`."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    path = tmp_path / "invented-reports.jsonl"
    lines = [
        json.dumps({key: entry[key] for key in ("outlet", "published", "title", "text")})
        for entry in raw["reports"]
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_seed_events_side_by_side(db_url: str) -> None:
    assert run_cli("ingest", str(SEED), "--db", db_url).code == 0
    events = _events(db_url)
    for group in SIDE_BY_SIDE:
        assert len({_holding(fragment, events)["id"] for fragment in group}) == 1, group
    fighting = _holding(SIDE_BY_SIDE[0][0], events)
    assert len(fighting["claims"]) == 3
    assert not any(
        fragment in claim["text"]
        for fragment in UNRELATED_TO_FIGHTING
        for claim in fighting["claims"]
    )
    assert fighting["summary"] == "1 outlet / 2 origins"
    assert fighting["origin_names"] == ["SANA", "Syrian Observatory for Human Rights"]
    toll = next(c for c in fighting["claims"] if "26" in c["text"])
    assert toll["sources"] == ["Syrian Observatory for Human Rights"]
    assert toll["quantities"][0]["unit"] == "soldiers killed"
    assert toll["caveats"] == ["It was not possible to independently verify the death toll."]


def test_invented_outlets_figures_and_origins(sqlite_url: str, invented_jsonl: Path) -> None:
    assert run_cli("ingest", str(invented_jsonl), "--db", sqlite_url).code == 0
    events = _events(sqlite_url)
    hospital = _holding("hospital", events)
    # One monitor quoted by five outlets: origins are its sources, never its outlets
    # (exact "5 outlets / 2 origins" with hand-made claims: test_invented_corpus.py).
    assert hospital["outlets"] == 5
    named = {source for claim in hospital["claims"] for source in claim["sources"]}
    assert hospital["origins"] == len(named) < hospital["outlets"]
    assert hospital["summary"] == "5 outlets / 1 origin"  # the extractor misses the cameraman
    (wounded,) = hospital["figures"]
    assert wounded["agree"] is True
    market = _holding("Air strikes killed at least 12 civilians in a crowded", events)
    killed = next(f for f in market["figures"] if f["unit"] == "civilians killed")
    assert killed["agree"] is False
    given = {item["source"]: (item["low"], item["high"]) for item in killed["figures"]}
    assert given["SANA"] == (4.0, 4.0)
    assert (12.0, None) in given.values()  # "at least 12": open above, disjoint from 4
    assert "Beirut Blog" in market["outlet_names"]
    assert len(market["unknown_lineage"]) >= 1  # the activists add no origin
    assert "Activists" not in market["origin_names"]
    assert market["origins"] < market["outlets"]
    # A different town the day after, and the same market a month later, stay apart.
    assert _holding("Tal Hamid", events)["id"] != market["id"]
    assert _holding("June 20", events)["id"] != market["id"]


def test_table_format_shows_the_comparison(sqlite_url: str, invented_jsonl: Path) -> None:
    assert run_cli("ingest", str(invented_jsonl), "--db", sqlite_url).code == 0
    result = run_cli("events", "--db", sqlite_url, "--format", "table", "--min-claims", "2")
    assert result.code == 0
    assert "5 outlets / " in result.stdout
    assert "figures [civilians killed] CONFLICT:" in result.stdout
    assert "SANA 4" in result.stdout
    assert " 12+" in result.stdout
    assert "Tal Hamid" not in result.stdout  # single-claim events hidden by --min-claims


def test_edits_are_stored_and_survive_more_reports(db_url: str, invented_jsonl: Path) -> None:
    assert run_cli("ingest", str(SEED), "--db", db_url).code == 0
    events = _events(db_url)
    fighting = _holding(SIDE_BY_SIDE[0][0], events)
    sana = _claim_id("concentrated operations", fighting)

    split = run_cli("events", "split", fighting["id"], sana, "--db", db_url, "--reviewer", "ana")
    assert split.code == 0, split.stderr
    ceasefire = _holding(SIDE_BY_SIDE[2][0], events)
    southern = _holding(UNRELATED_TO_FIGHTING[0], events)
    merged = run_cli("events", "merge", ceasefire["id"], southern["id"], "--db", db_url)
    assert merged.code == 0, merged.stderr
    planes = _claim_id("Russian planes", _holding("Russian planes", events))
    moved = run_cli("events", "move", planes, "--to", fighting["id"], "--db", db_url)
    assert moved.code == 0, moved.stderr

    # More reports arrive; the reviewer's edits still hold and ids are kept.
    assert run_cli("ingest", str(invented_jsonl), "--db", db_url).code == 0
    after = _events(db_url)
    fighting_after = _holding(SIDE_BY_SIDE[0][0], after)
    assert fighting_after["id"] == fighting["id"]
    assert _holding("concentrated operations", after)["id"] != fighting["id"]
    assert len(_holding("concentrated operations", after)["claims"]) == 1
    assert _holding("Russian planes", after)["id"] == fighting["id"]
    assert (
        _holding(SIDE_BY_SIDE[2][0], after)["id"] == _holding(UNRELATED_TO_FIGHTING[0], after)["id"]
    )
    assert any("Kafr Dunya" in c["text"] for e in after for c in e["claims"])


def test_bad_edit_input_exits_2_with_one_line(sqlite_url: str) -> None:
    assert run_cli("ingest", str(SEED), "--db", sqlite_url).code == 0
    events = _events(sqlite_url)
    result = run_cli("events", "merge", events[0]["id"], "ev-nope", "--db", sqlite_url)
    assert result.code == 2
    assert "no such event: 'ev-nope'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    whole = events[0]
    result = run_cli(
        "events", "split", whole["id"], *(c["id"] for c in whole["claims"]), "--db", sqlite_url
    )
    assert result.code == 2
    assert _events(sqlite_url) == events  # nothing was stored


def test_listing_again_reuses_the_grouping_until_more_claims_arrive(
    sqlite_url: str, invented_jsonl: Path
) -> None:
    assert run_cli("ingest", str(SEED), "--db", sqlite_url).code == 0
    first = _events(sqlite_url)
    assert _events(sqlite_url) == first
    assert _events(sqlite_url, "--regroup") == first
    assert run_cli("ingest", str(invented_jsonl), "--db", sqlite_url).code == 0
    grown = _events(sqlite_url)
    assert any("Kafr Dunya" in c["text"] for e in grown for c in e["claims"])
    assert _holding(SIDE_BY_SIDE[0][0], grown)["id"] == _holding(SIDE_BY_SIDE[0][0], first)["id"]


def test_a_spokesman_and_his_body_in_two_outlets_are_one_origin(
    db_url: str, tmp_path: Path
) -> None:
    """Issue 14: the head of the Observatory quoted by one paper and the Observatory
    quoted by another are one origin of the toll, not two; the state agency is another."""
    reports = tmp_path / "two.jsonl"
    rows = [
        {
            "outlet": "Paper A",
            "published": "2016-03-21",
            "title": "IS kills 26 soldiers near Palmyra",
            "text": "Islamic State militants killed 26 Syrian soldiers near Palmyra on Monday, "
            "Rami Abdel Rahman, the head of the Syrian Observatory for Human Rights, said.",
        },
        {
            "outlet": "Paper B",
            "published": "2016-03-21",
            "title": "Monitor: 26 soldiers killed near Palmyra",
            "text": "Islamic State fighters killed 26 Syrian soldiers near Palmyra on Monday, "
            "the Syrian Observatory for Human Rights said. The state news agency SANA said "
            "the army carried out operations around Palmyra.",
        },
    ]
    reports.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert run_cli("ingest", str(reports), "--db", db_url).code == 0
    (event,) = _events(db_url)
    speakers = {name for claim in event["claims"] for name in claim["sources"]}
    assert "Rami Abdel Rahman" in speakers  # the person stays the speaker
    assert event["outlets"] == 2
    assert event["origins"] == 2  # the Observatory and SANA
    (killed,) = [row for row in event["casualties"] if row["kind"] == "killed"]
    assert [o["origin"] for o in killed["origins"]] == ["Syrian Observatory for Human Rights"]
