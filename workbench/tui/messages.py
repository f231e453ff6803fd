"""App-wide messages posted by workers (STYLE rule 8); handlers own every state change."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textual.message import Message

from models import TollEstimate
from workbench.tui.session import EventDetail, QueueItem, SourceRow
from workbench.tui.widgets.incident_table import PreparedTable


@dataclass
class QueueLoaded(Message):
    """The queue (events with claim ids) is in memory."""

    items: list[QueueItem]


@dataclass
class FirstEventLoaded(Message):
    """Where the reviewer resumes, shown while the full queue is still loading."""

    item: QueueItem
    detail: EventDetail
    focus_claim: str | None


@dataclass
class EventLoaded(Message):
    """One event's claims, reports and sources, ready to show."""

    index: int
    detail: EventDetail
    focus_claim: str | None = None


@dataclass
class TablePrepared(Message):
    """The next event's comparison table, rendered by the prefetch worker."""

    prepared: PreparedTable


@dataclass
class SourcesScored(Message):
    """Fresh source rows for the source panel; a burst collapses into the newest."""

    rows: list[SourceRow]
    team: dict[str, int] = field(default_factory=dict)  # reviewer -> claims judged
    # event id -> truth discovery's estimate of each toll, for the event view's header
    estimates: dict[str, tuple[TollEstimate, ...]] = field(default_factory=dict)

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SourcesScored)


@dataclass
class SearchFinished(Message):
    """Claim ids matching the search text (None clears the search)."""

    text: str
    claim_ids: set[str] | None


@dataclass
class ExportFinished(Message):
    """The export worker wrote ``rows`` rows to ``path`` (or failed with ``error``)."""

    path: Path
    rows: int
    error: str = ""


@dataclass
class LoadFailed(Message):
    """A worker could not read the database."""

    error: str


@dataclass
class GroupingEdited(Message):
    """A claim changed event: the reloaded queue, and the claim to show next."""

    items: list[QueueItem]
    focus_claim: str
    note: str
