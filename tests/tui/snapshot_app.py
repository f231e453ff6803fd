"""The snapshot app: the real App from ``make_app`` on the tiny corpus.

``textual run tests/tui/snapshot_app.py`` opens it by hand; the snapshot tests
call ``build`` with a fresh database each time.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.tui.corpus import make_db
from workbench.tui import make_app
from workbench.tui.app import WorkbenchApp


def build(db: str) -> WorkbenchApp:
    """The app over a fresh tiny corpus in ``db``, ignoring any user keys file."""
    return make_app(db=make_db(db), reviewer="snapshot", keys={})


if __name__ == "__main__":
    build(str(Path(tempfile.mkdtemp()) / "snapshot.db")).run()
