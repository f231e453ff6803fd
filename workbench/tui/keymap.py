"""Review keys: one table of (id, default keys, action, description), remappable by id.

The table and the config loader are Textual-free so the CLI and tests can read
them; ``bindings()`` turns the table into Textual ``Binding`` objects. Users
remap keys in ``$XDG_CONFIG_HOME/workbench/keys.toml``::

    [keys]
    "verdict.corroborated" = "C"
    "review.undo" = "ctrl+z,u"

The App hands that mapping to Textual's ``set_keymap``, which remaps by binding id.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models import VERDICTS, VerdictLabel

if TYPE_CHECKING:
    from textual.binding import Binding


@dataclass(frozen=True)
class KeySpec:
    """One remappable review key."""

    id: str
    keys: str
    action: str
    description: str
    tooltip: str
    show: bool = True


def _verdict_specs() -> list[KeySpec]:
    return [
        KeySpec(
            id=f"verdict.{label.value}",
            keys=VERDICTS[label].key,
            action=f"mark_{label.value}",
            description=label.value.replace("_", " "),
            tooltip=VERDICTS[label].rule
            + (" (needs a note)" if VERDICTS[label].needs_note else ""),
            show=False,  # the verdict bar shows them; the footer keeps room for the rest
        )
        for label in VerdictLabel
    ]


KEY_SPECS: tuple[KeySpec, ...] = (
    *_verdict_specs(),
    KeySpec("review.skip", "space", "skip", "skip", "move on without a verdict"),
    KeySpec("review.note", "n", "note", "note", "write a note on the claim in focus"),
    KeySpec(
        "review.cite",
        "v",
        "cite",
        "cite",
        "cite the claim in focus as evidence for your next verdict (v again: uncite)",
        show=False,
    ),
    KeySpec(
        "review.undo", "ctrl+z,backspace", "undo", "undo", "undo the last verdict or event edit"
    ),
    KeySpec("review.redo", "ctrl+y", "redo", "redo", "redo what was undone", show=False),
    KeySpec(
        "review.context", "t", "context", "context", "show the sentence in its report", show=False
    ),
    KeySpec(
        "review.export", "e", "export", "export", "export the filtered view to CSV", show=False
    ),
    KeySpec("claim.next", "down,j", "next_claim", "next claim", "focus the next claim", show=False),
    KeySpec(
        "claim.previous",
        "up",
        "previous_claim",
        "previous claim",
        "focus the previous claim",
        show=False,
    ),
    KeySpec(
        "event.next",
        "pagedown",
        "next_event",
        "next event",
        "open the next event in the queue",
        show=False,
    ),
    KeySpec(
        "event.previous",
        "pageup,left_square_bracket",
        "previous_event",
        "previous event",
        "open the previous event in the queue",
        show=False,
    ),
    KeySpec(
        "event.next_unreviewed",
        "right_square_bracket",
        "next_unreviewed",
        "next unreviewed",
        "open the next event with a claim you have not judged",
        show=False,
    ),
    KeySpec(
        "queue.focus",
        "home",
        "focus_queue",
        "queue",
        "move to the queue (Tab too): arrows pick, enter opens, escape returns",
        show=False,
    ),
    KeySpec("filter.all", "1", "filter('all')", "all", "show every event", show=False),
    KeySpec(
        "filter.unreviewed",
        "2",
        "filter('unreviewed')",
        "unreviewed",
        "events with claims you have not judged",
        show=False,
    ),
    KeySpec(
        "filter.contested",
        "3",
        "filter('contested')",
        "contested",
        "events with contested claims or disagreeing figures",
        show=False,
    ),
    KeySpec(
        "filter.single_source",
        "4",
        "filter('single source')",
        "single source",
        "events with one origin",
        show=False,
    ),
    KeySpec(
        "filter.second_review",
        "5",
        "filter('second review')",
        "second review",
        "events with claims queued for your blind second review",
        show=False,
    ),
    KeySpec(
        "filter.source", "o", "pick_source", "by source", "events naming one source", show=False
    ),
    KeySpec(
        "review.adjudicate",
        "a",
        "adjudicate",
        "adjudicate",
        "settle claims whose reviewers disagree",
        show=False,
    ),
    KeySpec(
        "event.move_claim",
        "m",
        "move_claim",
        "move to event",
        "move the claim in focus to another event (the grouping was wrong)",
        show=False,
    ),
    KeySpec(
        "event.split_claim",
        "b",
        "split_claim",
        "break out",
        "take the claim in focus out of its event into an event of its own",
        show=False,
    ),
    KeySpec(
        "claim.report",
        "f",
        "full_report",
        "full report",
        "the whole report of the claim in focus, with its URL",
        show=False,
    ),
    KeySpec(
        "review.jump",
        "colon,ctrl+g",
        "jump",
        "go to",
        "jump to an event by number or title, or to claim N of this event (cN)",
        show=False,
    ),
    KeySpec(
        "claim.correct",
        "E",
        "correct",
        "correct",
        "correct the claim in focus: source, figure, modality, reject it, roll its source up",
        show=False,
    ),
    KeySpec(
        "event.grade",
        "g",
        "grade",
        "grade",
        "grade the incident as Airwars does: grade, civilian toll, belligerent assessed",
    ),
    KeySpec("filter.search", "slash", "search", "search", "events whose text matches"),
    KeySpec("app.help", "question_mark,f1", "help", "help", "every key and verdict"),
    KeySpec(
        "app.quit",
        "q",
        "quit",
        "quit",
        "quit: verdicts are saved as made, notes awaiting a verdict are kept",
    ),
)


def config_path() -> Path:
    """Where the user's key overrides live (XDG config dir)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "workbench" / "keys.toml"


def load_overrides(path: Path | None = None) -> dict[str, str]:
    """Binding id -> keys from the config file; unknown ids and bad files are ignored.

    A broken keys file must not stop a reviewer from working, so problems are
    returned as an empty mapping rather than raised.
    """
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    keys = data.get("keys", data)
    known = {spec.id for spec in KEY_SPECS}
    return {
        str(key): str(value).strip()
        for key, value in keys.items()
        if key in known and isinstance(value, str) and value.strip()
    }


def effective_keys(overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Binding id -> keys in force, for the help screen and the README table."""
    overrides = overrides or {}
    return {spec.id: overrides.get(spec.id, spec.keys) for spec in KEY_SPECS}


_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backspace": "⌫",
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "colon": ":",
}


def key_display(keys: str) -> str:
    """'ctrl+z,backspace' -> 'ctrl+z ⌫' for the help screen and the README."""
    return " ".join(_KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def bindings() -> list[Binding]:
    """The review screen's bindings, built from ``KEY_SPECS``."""
    from textual.binding import Binding

    return [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            tooltip=spec.tooltip,
            id=spec.id,
        )
        for spec in KEY_SPECS
    ]
