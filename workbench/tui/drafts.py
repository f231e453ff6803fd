"""Notes typed before a verdict, kept across a quit (Textual-free).

A note on an unjudged claim waits in memory to be saved with the verdict; quitting
must not lose it. It is kept in a small JSON file per database and reviewer under
``$XDG_STATE_HOME/workbench/`` (default ``~/.local/state``) and read back when the
reviewer opens the same database again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def drafts_path(database: str, reviewer: str) -> Path:
    """Where this reviewer's waiting notes on this database are kept."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    key = hashlib.sha256(f"{database}\n{reviewer}".encode()).hexdigest()[:16]
    return Path(base) / "workbench" / f"notes-{key}.json"


def load_drafts(path: Path) -> dict[str, str]:
    """Claim id -> note; a missing or unreadable file is no notes (never an error)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str) and v.strip()}


def save_drafts(path: Path, notes: dict[str, str]) -> None:
    """Write the notes whole (beside, then renamed); no notes removes the file."""
    if not notes:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(notes, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
