"""Reviewer edits are replayed on top of automatic grouping and survive re-ingesting."""

from __future__ import annotations

from models import Event
from tests.events.invented import load
from workbench.events import (
    EventEdit,
    apply_edits,
    assign_event_ids,
    fresh_event_id,
    group_claims,
    merge_edit,
    move_edit,
    split_edit,
)

FIRST_BATCH = {"reuters-market", "sana-market", "reuters-hospital", "orontes-later-strike"}


def _holding(claim_id: str, events: list[Event]) -> Event:
    return next(event for event in events if claim_id in event.claim_ids)


def test_merge_split_move_on_groups() -> None:
    groups = [["a", "b"], ["c"], ["d", "e"]]
    assert apply_edits(groups, [merge_edit([["a"], ["c"]])]) == [["a", "b", "c"], ["d", "e"]]
    assert apply_edits(groups, [split_edit(["b"])]) == [["a"], ["c"], ["d", "e"], ["b"]]
    assert apply_edits(groups, [move_edit(["e"], ["a", "b"])]) == [["a", "b", "e"], ["c"], ["d"]]


def test_later_edits_win_and_missing_claims_are_ignored() -> None:
    groups = [["a", "b"], ["c"]]
    edits = [split_edit(["b"]), merge_edit([["b"], ["a"]]), split_edit(["zz"])]
    assert sorted(sorted(group) for group in apply_edits(groups, edits)) == [["a", "b"], ["c"]]


def test_move_to_an_event_that_no_longer_exists_makes_a_new_one() -> None:
    assert apply_edits([["a", "b"]], [move_edit(["b"], ["gone"])]) == [["a"], ["b"]]


def test_a_split_off_claim_never_reuses_the_id_it_gave_its_old_event() -> None:
    old = fresh_event_id(["a", "b"])  # derived from "a"
    ids = assign_event_ids([["b"], ["a"]], {old: ["a", "b"]})
    assert ids[0] == old
    assert ids[1] != old


def test_ids_follow_the_group_that_kept_most_claims() -> None:
    previous = {"ev-old": ["a", "b", "c"], "ev-other": ["x"]}
    ids = assign_event_ids([["x", "y"], ["a", "b", "new"], ["c"]], previous)
    assert ids[:2] == ["ev-other", "ev-old"]
    assert ids[2] not in {"ev-old", "ev-other"}


def test_edits_survive_regrouping_after_more_reports() -> None:
    reports, claims, _raw = load(FIRST_BATCH)
    edits: list[EventEdit] = []
    events = group_claims(claims, reports)
    assert "sana-market:0" in _holding("reuters-market:0", events).claim_ids  # automatic
    # The reviewer edits what is on screen, one step at a time.
    edits.append(split_edit(["sana-market:0"], reviewer="ana"))
    events = group_claims(claims, reports, edits)
    market, later = (_holding(c, events) for c in ("reuters-market:0", "orontes-later-strike:0"))
    edits.append(merge_edit([market.claim_ids, later.claim_ids], reviewer="ana"))
    events = group_claims(claims, reports, edits)
    hospital = _holding("reuters-hospital:0", events)
    edits.append(move_edit(["reuters-market:1"], hospital.claim_ids, reviewer="ana"))
    edited = group_claims(claims, reports, edits)
    previous = {event.id: event.claim_ids for event in edited}

    all_reports, all_claims, _raw = load()
    regrouped = group_claims(all_claims, all_reports, edits, previous=previous)

    market_after = _holding("reuters-market:0", regrouped)
    assert _holding("sana-market:0", regrouped).claim_ids == ("sana-market:0",)
    assert "orontes-later-strike:0" in market_after.claim_ids
    assert "afp-market:0" in market_after.claim_ids  # new reports still join automatically
    hospital_after = _holding("reuters-hospital:0", regrouped)
    assert "reuters-market:1" in hospital_after.claim_ids
    assert "gulf-courier-hospital:0" in hospital_after.claim_ids
    # The events the reviewer saw keep their ids.
    assert market_after.id == _holding("reuters-market:0", edited).id
    assert hospital_after.id == _holding("reuters-hospital:0", edited).id
