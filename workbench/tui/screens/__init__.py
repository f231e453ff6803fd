"""Screens and dialogs of the review workbench, one per module."""

from workbench.tui.screens.adjudication_screen import AdjudicationScreen
from workbench.tui.screens.correction_dialog import CorrectionDialog
from workbench.tui.screens.event_picker import EventPicker
from workbench.tui.screens.export_dialog import ExportDialog
from workbench.tui.screens.grade_dialog import GradeDialog
from workbench.tui.screens.help_screen import HelpScreen
from workbench.tui.screens.jump_dialog import JumpDialog
from workbench.tui.screens.note_dialog import NoteDialog
from workbench.tui.screens.report_screen import ReportScreen
from workbench.tui.screens.review_screen import ReviewScreen
from workbench.tui.screens.source_picker import SourcePicker

__all__ = [
    "AdjudicationScreen",
    "CorrectionDialog",
    "EventPicker",
    "ExportDialog",
    "GradeDialog",
    "HelpScreen",
    "JumpDialog",
    "NoteDialog",
    "ReportScreen",
    "ReviewScreen",
    "SourcePicker",
]
