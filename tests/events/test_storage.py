"""Stored grouping and edits on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.exc import DBAPIError

from models import Event
from tests.events.seed import SIDE_BY_SIDE, seed_claims, seed_report
from workbench.events import merge_edit
from workbench.events.storage import (
    append_edit,
    load_edits,
    load_grouping,
    load_sources,
    regroup,
)
from workbench.store import open_engine, schema
from workbench.store.reports import store_reports


def test_regroup_saves_replays_and_keeps_ids(db_url: str) -> None:
    report = seed_report()
    claims = seed_claims(report)
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [report], {report.id: claims})
        first = regroup(connection)
        stored_sets = {key: set(value) for key, value in load_grouping(connection).items()}
        assert stored_sets == {e.id: set(e.claim_ids) for e in first.events}
        assert "Syrian Observatory for Human Rights" in load_sources(connection)

    def event_of(fragment: str, events: list[Event]) -> str:
        claim = next(c for c in claims if fragment in c.text)
        return next(e.id for e in events if claim.id in e.claim_ids)

    fighting = event_of(SIDE_BY_SIDE[0][0], first.events)
    ceasefire = event_of(SIDE_BY_SIDE[2][0], first.events)
    stored = {e.id: e.claim_ids for e in first.events}
    with engine.begin() as connection:
        edit = append_edit(
            connection, merge_edit([stored[fighting], stored[ceasefire]], reviewer="ana")
        )
        second = regroup(connection)
    assert edit.id is not None
    assert edit.created_at is not None
    merged = event_of(SIDE_BY_SIDE[0][0], second.events)
    assert event_of(SIDE_BY_SIDE[2][0], second.events) == merged
    assert merged == ceasefire  # the id of the event that brought most claims (6 of 9)
    assert fighting not in {e.id for e in second.events}
    with engine.connect() as connection:
        (loaded,) = load_edits(connection)
    assert loaded.claim_ids == edit.claim_ids
    assert loaded.reviewer == "ana"
    assert loaded.created_at == edit.created_at


def test_edits_are_append_only(db_url: str) -> None:
    engine = open_engine(db_url)
    with engine.begin() as connection:
        append_edit(connection, merge_edit([["a"], ["b"]]))
    with pytest.raises(DBAPIError), engine.begin() as connection:
        connection.execute(update(schema.event_edits).values(reviewer="someone else"))


def test_fresh_grouping_is_reused_and_stale_one_regrouped(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.events.invented import load
    from workbench.events import storage

    report = seed_report()
    claims = seed_claims(report)
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [report], {report.id: claims})
        assert not storage.grouping_is_fresh(connection)  # never grouped
        first = storage.current_grouping(connection)
        assert storage.grouping_is_fresh(connection)

    def no_clustering(*args: object, **kwargs: object) -> None:
        raise AssertionError("a fresh grouping must not be clustered again")

    monkeypatch.setattr(storage, "group_claims", no_clustering)
    with engine.begin() as connection:
        again = storage.current_grouping(connection)
    assert [(e.id, e.title, e.claim_ids, e.origins, e.figures) for e in again.events] == [
        (e.id, e.title, e.claim_ids, e.origins, e.figures) for e in first.events
    ]
    assert again.claims.keys() == first.claims.keys()
    with engine.begin() as connection, pytest.raises(AssertionError, match="fresh grouping"):
        storage.current_grouping(connection, force=True)
    monkeypatch.undo()

    # a new report makes the stored grouping stale: its claims must be grouped
    more_reports, more_claims, _ = load()
    with engine.begin() as connection:
        store_reports(
            connection,
            more_reports,
            {r.id: [c for c in more_claims if c.report_id == r.id] for r in more_reports},
        )
        assert not storage.grouping_is_fresh(connection)
        grown = storage.current_grouping(connection)
        assert storage.grouping_is_fresh(connection)
    grouped = {claim for event in grown.events for claim in event.claim_ids}
    assert grouped == {c.id for c in claims} | {c.id for c in more_claims}


def test_an_edit_applied_in_place_matches_a_full_regroup(db_url: str) -> None:
    from workbench.events import move_edit, split_edit
    from workbench.events.storage import apply_edit_in_place, grouping_is_fresh

    report = seed_report()
    claims = seed_claims(report)
    engine = open_engine(db_url)
    with engine.begin() as connection:
        store_reports(connection, [report], {report.id: claims})
        first = regroup(connection)
    toll = next(c.id for c in claims if SIDE_BY_SIDE[0][0] in c.text)
    ceasefire = next(c.id for c in claims if SIDE_BY_SIDE[2][0] in c.text)
    home = next(e for e in first.events if toll in e.claim_ids)
    target = next(e for e in first.events if ceasefire in e.claim_ids)
    untouched = {e.id: e.claim_ids for e in first.events if e not in (home, target)}

    def partition(grouping: dict[str, tuple[str, ...]]) -> set[frozenset[str]]:
        return {frozenset(members) for members in grouping.values()}

    for edit in (
        move_edit([toll], target.claim_ids, reviewer="ana"),
        split_edit([toll], reviewer="ana"),
    ):
        with engine.begin() as connection:
            replaced, changed = apply_edit_in_place(connection, edit)
            in_place = load_grouping(connection)
            assert grouping_is_fresh(connection)
        assert toll in {c for members in changed.values() for c in members}
        assert home.id in replaced or edit.kind.value == "split"
        assert all(set(in_place[event_id]) == set(ids) for event_id, ids in untouched.items())
        with engine.begin() as connection:
            regrouped = {e.id: e.claim_ids for e in regroup(connection).events}
        assert partition(in_place) == partition(regrouped)
    (alone,) = [members for members in in_place.values() if toll in members]
    assert alone == (toll,)
    with engine.connect() as connection:
        assert [e.kind.value for e in load_edits(connection)] == ["move", "split"]
