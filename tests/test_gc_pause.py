"""Batch work pauses the cyclic collector and always gives it back as it was."""

from __future__ import annotations

import gc

import pytest

from workbench.events import group_claims
from workbench.gc_pause import gc_paused


def test_paused_inside_and_restored_after_even_on_error() -> None:
    seen: list[bool] = []

    def work() -> None:
        with gc_paused():
            seen.append(gc.isenabled())
            raise RuntimeError("work failed")

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        work()
    assert seen == [False]
    assert gc.isenabled()


def test_nested_pauses_and_a_collector_already_off() -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not switch it back on early
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_grouping_runs_paused_and_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.events.grouping as grouping

    seen: list[bool] = []

    def spy(*args: object, **kwargs: object) -> list[list[str]]:
        seen.append(gc.isenabled())
        return []

    monkeypatch.setattr(grouping, "automatic_groups", spy)
    assert group_claims([], []) == []
    assert seen == [False]
    assert gc.isenabled()
