"""A verdict shown as saved survives SIGKILL of the process right after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from models import VerdictLabel
from tests.conftest import ROOT
from workbench.store import open_engine
from workbench.store.verdicts import current_verdicts

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from tests.tui.conftest import settle
    from workbench.tui import make_app

    async def main() -> None:
        app = make_app(db=sys.argv[1], reviewer="killed", keys={})
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = pilot.app.screen
            marked = []
            for key in "csc":
                claim = screen.claim_id
                card = screen.query_one("ClaimCard.-focused")
                await pilot.press(key)
                assert "unreviewed" not in str(card.render()), "not shown as saved"
                marked.append(claim)
            print("saved", *marked, flush=True)
            await asyncio.sleep(600)

    asyncio.run(main())
    """
)


def test_sigkill_after_a_verdict_loses_nothing(tiny_db: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, tiny_db],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("saved"), line + (child.stderr.read() if child.stderr else "")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    marked = line.split()[1:]
    engine = open_engine(tiny_db)
    with engine.connect() as connection:
        current = {v.claim_id: v.label for v in current_verdicts(connection, "killed")}
    assert current == {
        marked[0]: VerdictLabel.CORROBORATED,
        marked[1]: VerdictLabel.SINGLE_SOURCE,
        marked[2]: VerdictLabel.CORROBORATED,
    }
