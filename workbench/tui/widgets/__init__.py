"""Widgets of the review workbench, one per module."""

from workbench.tui.widgets.claim_card import ClaimCard
from workbench.tui.widgets.event_view import EventView
from workbench.tui.widgets.incident_table import IncidentTable
from workbench.tui.widgets.queue_list import QueueList
from workbench.tui.widgets.source_panel import SourcePanel
from workbench.tui.widgets.verdict_bar import VerdictBar

__all__ = ["ClaimCard", "EventView", "IncidentTable", "QueueList", "SourcePanel", "VerdictBar"]
