"""Events: claims about the same happening, across reports and sources, side by side.

Pure code (no database, no Textual): features -> blocking -> similarity ->
clustering -> reviewer edits -> figures and origins. ``storage`` is the only
module that talks to the database.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Exported lazily (PEP 562): grouping brings scikit-learn and SciPy, which the review
# screen's first event does not need; importing a light submodule such as
# ``workbench.events.comparison`` must not load them.
_EXPORTS = {
    "EditKind": "edits",
    "EventEdit": "edits",
    "apply_edits": "edits",
    "assign_event_ids": "edits",
    "fresh_event_id": "edits",
    "merge_edit": "edits",
    "move_edit": "edits",
    "split_edit": "edits",
    "event_figures": "figures",
    "ranges_agree": "figures",
    "automatic_groups": "grouping",
    "build_event": "describe",
    "group_claims": "grouping",
    "OriginCount": "origins",
    "count_origins": "origins",
}

__all__ = [
    "EditKind",
    "EventEdit",
    "OriginCount",
    "apply_edits",
    "assign_event_ids",
    "automatic_groups",
    "build_event",
    "count_origins",
    "event_figures",
    "fresh_event_id",
    "group_claims",
    "merge_edit",
    "move_edit",
    "ranges_agree",
    "split_edit",
]

if TYPE_CHECKING:
    from workbench.events.describe import build_event
    from workbench.events.edits import (
        EditKind,
        EventEdit,
        apply_edits,
        assign_event_ids,
        fresh_event_id,
        merge_edit,
        move_edit,
        split_edit,
    )
    from workbench.events.figures import event_figures, ranges_agree
    from workbench.events.grouping import automatic_groups, group_claims
    from workbench.events.origins import OriginCount, count_origins


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
