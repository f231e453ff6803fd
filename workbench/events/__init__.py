"""Events: claims about the same happening, across reports and sources, side by side.

Pure code (no database, no Textual): features -> blocking -> similarity ->
clustering -> reviewer edits -> figures and origins. ``storage`` is the only
module that talks to the database.
"""

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
from workbench.events.grouping import automatic_groups, build_event, group_claims
from workbench.events.origins import OriginCount, count_origins

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
