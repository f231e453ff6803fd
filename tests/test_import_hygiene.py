"""models and scoring stay headless; importing workbench does not start the UI (STYLE 1-2, 6)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HEAVY = ("textual", "rich", "sqlalchemy", "typer", "workbench")


def _loaded_after_import(module: str) -> set[str]:
    code = (
        f"import json, sys; import {module}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return set(json.loads(out))


@pytest.mark.parametrize("module", ["models", "scoring"])
def test_headless_packages_do_not_load_ui_or_database(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert not loaded & set(HEAVY), f"{module} pulled in {sorted(loaded & set(HEAVY))}"


def test_importing_workbench_does_not_load_textual() -> None:
    assert "textual" not in _loaded_after_import("workbench")


def test_import_linter_contracts_hold() -> None:
    beside_python = Path(sys.executable).parent / "lint-imports"
    lint = str(beside_python) if beside_python.exists() else shutil.which("lint-imports")
    assert lint, "import-linter is part of the test dependency group"
    done = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 broken" in done.stdout


@pytest.mark.parametrize(
    "module", ["workbench.tui.app", "workbench.events.describe", "workbench.events"]
)
def test_the_review_screen_starts_without_the_numeric_stack(module: str) -> None:
    # the first event on screen needs none of these: loading them cost 0.3-0.5 s of launch
    heavy = {"pandas", "sklearn", "scipy", "scoring"}
    loaded = _loaded_after_import(module)
    assert not loaded & heavy, f"{module} pulled in {sorted(loaded & heavy)}"
