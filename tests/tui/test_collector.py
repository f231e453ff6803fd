"""The garbage collector is held off only while the review app starts (``gc_pause``).

Left off, a session would never reclaim a reference cycle; left frozen after the
app ends, the next app (tests run many) would keep the last one's garbage.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.tui.conftest import review, settle
from workbench import gc_pause
from workbench.tui.app import WorkbenchApp


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()
    gc.unfreeze()


async def test_the_collector_runs_once_the_queue_is_in_and_after_the_app(
    app: WorkbenchApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert review(pilot).queue_loaded
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # the loaded queue, out of full collections
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


async def test_quitting_before_the_queue_is_in_resumes_the_collector(app: WorkbenchApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        assert not gc.isenabled() or review(pilot).queue_loaded
        await pilot.press("q")
    assert gc.isenabled()


def test_pause_leaves_a_collector_someone_else_disabled_alone() -> None:
    gc_pause.pause()
    assert not gc.isenabled()
    gc_pause.resume()
    assert gc.isenabled()
    gc.disable()  # the caller's own choice: not ours to undo
    gc_pause.pause()
    gc_pause.resume()
    assert not gc.isenabled()
    gc.enable()
