"""TUI fixtures: a tiny stored corpus, an app built through make_app, worker waits."""

from __future__ import annotations

import contextlib

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tests.tui.corpus import make_db
from workbench.tui import make_app
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import ReviewScreen


@pytest.fixture
def tiny_db(sqlite_url: str) -> str:
    return make_db(sqlite_url)


@pytest.fixture
def app(tiny_db: str) -> WorkbenchApp:
    return make_app(db=tiny_db, reviewer="tester", keys={})


@pytest.fixture(autouse=True)
def _no_user_keys(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read the developer's own keys.toml, nor keep notes in their home."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


async def settle(pilot: Pilot[None]) -> None:
    """Wait for every worker and the messages they posted (no sleeps).

    Source scoring normally waits for a quiet moment; here it starts at once.
    """
    for _ in range(3):
        if isinstance(pilot.app.screen, ReviewScreen):
            pilot.app.screen.flush_scores()
        # an exclusive worker (scoring) may be cancelled by a newer one: wait for that one
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def review(pilot: Pilot[None]) -> ReviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen
