"""The review screen: queue on the left, the event's claims side by side, verdict keys.

Slow work (loading the queue or an event, searching, scoring, exporting) runs in
thread workers that call the Textual-free ``ReviewSession`` and post messages;
handlers here own every state change. A verdict is the exception on purpose: it
is one committed INSERT of a few milliseconds, and it must be on disk and in
order before the next claim is shown, so the key handler writes it directly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.console import Console, ConsoleOptions
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from models import Claim, IncidentGrade, VerdictLabel
from models.correction import Correction, CorrectionKind
from workbench import gc_pause
from workbench.corrections import trim_span
from workbench.export import default_export_path
from workbench.store.faults import describe_error
from workbench.tui import keymap
from workbench.tui.messages import (
    EventLoaded,
    ExportFinished,
    FirstEventLoaded,
    GroupingEdited,
    LoadFailed,
    QueueLoaded,
    SearchFinished,
    SourcesScored,
    TablePrepared,
)
from workbench.tui.render import claim_text, grade_text, plain, report_reference, safe
from workbench.tui.screens.adjudication_screen import AdjudicationScreen
from workbench.tui.screens.correction_dialog import CorrectionDialog
from workbench.tui.screens.event_picker import EventPicker
from workbench.tui.screens.export_dialog import ExportDialog
from workbench.tui.screens.grade_dialog import GradeDialog, suggested_toll
from workbench.tui.screens.help_screen import HelpScreen
from workbench.tui.screens.jump_dialog import JumpDialog
from workbench.tui.screens.note_dialog import NoteDialog
from workbench.tui.screens.report_screen import ReportScreen
from workbench.tui.screens.source_picker import SourcePicker
from workbench.tui.session import (
    EventDetail,
    MissingNoteError,
    QueueFilter,
    QueueItem,
    ReviewSession,
    is_busy,
)
from workbench.tui.widgets import EventView, IncidentTable, QueueList, SourcePanel, VerdictBar
from workbench.tui.widgets.incident_table import prepare_table

BUSY_RETRY_SECONDS = 0.5
BUSY_RETRIES = 60
"""A busy database is retried every half second for 30 s before the reviewer is told."""

FIRST_UNJUDGED = "\x00first-unjudged"
"""``_open`` focus: the first claim not yet judged (no claim id holds a NUL)."""

# Seconds of quiet after a verdict before the source panel is rescored.
SCORE_DELAY = 0.4


class ReviewScreen(Screen[None]):
    """Judge claims one key at a time; every verdict is saved before the next claim shows."""

    BINDINGS: ClassVar[list[BindingType]] = list(keymap.bindings())
    # Keys belong to the screen: nothing takes focus until the reviewer presses "/".
    AUTO_FOCUS = ""

    def __init__(self, session: ReviewSession, keys: dict[str, str]) -> None:
        super().__init__()
        self.session = session
        self.keys = keys
        self.items: list[QueueItem] = []
        self.index = 0
        self.detail: EventDetail | None = None
        self.claim_id: str | None = None
        self.which = QueueFilter.ALL
        self.source = ""
        self.search_text = ""
        self.search_ids: set[str] | None = None
        self.context_on: set[str] = set()
        self.ready = False
        self._score_timer: Timer | None = None
        self.score_delay = SCORE_DELAY
        self._scored_once = False
        self.queue_loaded = False
        self._progress_text = ""
        self.team: dict[str, int] = {}

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield Static(Text("loading the queue…", style="dim"), id="progress", markup=False)
                yield Static("", id="filter-line", markup=False)
                yield Input(placeholder="search claims, sources, outlets", id="search")
                yield QueueList(id="queue")  # Tab or Home reaches it; enter opens
                yield SourcePanel(id="sources")
            with Vertical(id="review"):
                yield EventView(id="event")
                yield VerdictBar(self.keys, id="verdicts")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#source-table").can_focus = False
        self.title = "workbench review"
        self.sub_title = safe(self.session.reviewer, single_line=True)  # reaches the title bar
        gc_pause.pause()  # until the queue is in (the app paused it already when run)
        self._load_queue()

    # -- workers (thread): they only call the session and post messages ---------------

    @work(thread=True, exclusive=True, group="queue")
    def _load_queue(self) -> None:
        try:
            first = self.session.first_item()
            if first is not None:
                item, focus = first
                self.post_message(FirstEventLoaded(item, self.session.load_event(item), focus))
            items = self.session.load_queue()
        except Exception as error:  # shown to the user, never swallowed silently
            self.post_message(LoadFailed(describe_error(error)))
            return
        self.post_message(QueueLoaded(items))

    @work(thread=True, exclusive=True, group="event")
    def _load_event(self, index: int, focus: str | None) -> None:
        try:
            detail = self.session.load_event(self.items[index])
        except Exception as error:
            self.post_message(LoadFailed(describe_error(error)))
            return
        self.post_message(EventLoaded(index, detail, focus))

    def _prefetch_next(self, item: QueueItem) -> None:
        """Read the next event, and render its comparison table, while the reviewer reads."""
        table = self.query_one(IncidentTable)
        width = table.size.width  # 0 while hidden: nothing to match
        cached = self.session.cached_event(item)
        if (
            cached is not None
            and table.prepared is not None
            and table.prepared.fits(
                tuple(cached.comparison), cached.event.casualties, cached.sources, width
            )
        ):
            return  # read and rendered already (a correction shows this event again)
        self._prefetch(item, width, self.app.console, self.app.console_options)

    @work(thread=True, group="prefetch")
    def _prefetch(
        self, item: QueueItem, width: int, console: Console, options: ConsoleOptions
    ) -> None:
        detail = self.session.load_event(item)
        if width and detail.comparison:
            prepared = prepare_table(
                console, options, detail.comparison, detail.event.casualties, detail.sources, width
            )
            self.post_message(TablePrepared(prepared))

    def _score_soon(self) -> None:
        """Rescore once the reviewer pauses, so scoring never competes with the next key."""
        if self._score_timer is not None:
            self._score_timer.stop()
        self._score_timer = self.set_timer(self.score_delay, self._score)

    def flush_scores(self) -> None:
        """Score now instead of after the quiet period (tests, snapshots)."""
        if self._score_timer is not None:
            self._score_timer.stop()
            self._score_timer = None
            self._score()

    @work(thread=True, exclusive=True, group="scoring")
    def _score(self) -> None:
        rows = self.session.source_rows()
        self.post_message(
            SourcesScored(rows, self.session.team_progress(), dict(self.session.estimates))
        )

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str) -> None:
        self.post_message(SearchFinished(text, self.session.search(text) if text else None))

    @work(thread=True, exclusive=True, group="export")
    def _export(self, path: Path, claim_ids: list[str]) -> None:
        try:
            rows = self.session.export_to(claim_ids, path)
        except Exception as error:
            self.post_message(ExportFinished(path, 0, describe_error(error)))
            return
        self.post_message(ExportFinished(path, rows))

    @work(thread=True, exclusive=True, group="queue")
    def _regroup(self, claim_id: str, into: QueueItem | None, focus: str, note: str) -> None:
        try:
            patched = self.session.regroup_claim(claim_id, into)
            items = self.session.items if patched else self.session.load_queue()
        except Exception as error:
            self.post_message(LoadFailed(describe_error(error)))
            return
        self.post_message(GroupingEdited(items, focus, note))

    @work(thread=True, exclusive=True, group="queue")
    def _regroup_history(self, undo: bool) -> None:
        try:
            if undo:
                claim_id, patched = self.session.undo_grouping()
            else:
                claim_id, patched = self.session.redo_grouping()
            items = self.session.items if patched else self.session.load_queue()
        except Exception as error:
            self.post_message(LoadFailed(describe_error(error)))
            return
        note = "Undone: the claim is back where it was." if undo else "Redone."
        self.post_message(GroupingEdited(items, claim_id, note))

    # -- messages ----------------------------------------------------------------------

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        gc_pause.resume()
        self.notify(
            f"Could not read the database: {message.error}",
            severity="error",
            markup=False,
            timeout=10,
        )

    @on(FirstEventLoaded)
    async def _first_loaded(self, message: FirstEventLoaded) -> None:
        if self.queue_loaded:
            return
        self.items = [message.item]
        self.index = 0
        self.query_one(QueueList).show(self.items, 0, self._marker)
        self.query_one("#progress", Static).update(Text("loading the queue…", style="dim"))
        await self._event_loaded(EventLoaded(0, message.detail, message.focus_claim))

    @on(QueueLoaded)
    def _queue_loaded(self, message: QueueLoaded) -> None:
        shown = self.detail.event.id if self.detail is not None else None
        self.queue_loaded = True
        # the queue stays for the session: a full collection in the middle of a verdict
        # key no longer walks it (tens of milliseconds on 100,000 claims)
        gc_pause.freeze_and_resume()
        self.items = self.session.filtered(self.which, self.source, self.search_ids)
        index, claim = self.session.resume_point(self.items)
        self._update_progress()
        if self.session.ungrouped:
            self.notify(
                f"{self.session.ungrouped:,} claims are shown one report at a time, not yet "
                "grouped into events: run `workbench events` to group them.",
                timeout=10,
                markup=False,
            )
        if not self.items:
            self._show_empty()
            return
        where = next((n for n, i in enumerate(self.items) if i.event_id == shown), None)
        if where is not None:  # the resume guess is on screen: keep it, place it in the queue
            self.index = where
            self.query_one(QueueList).show(self.items, where, self._marker)
            self._update_filter_line()
            return
        self._open(index, claim)

    @on(GroupingEdited)
    def _regrouped(self, message: GroupingEdited) -> None:
        """Show the event the reviewer was in (or where the claim went) after an edit."""
        self.items = self.session.filtered(self.which, self.source, self.search_ids)
        self._update_progress()
        self.notify(message.note, markup=False)
        if not self.items:
            self._show_empty()
            return
        where = next(
            (n for n, item in enumerate(self.items) if message.focus_claim in item.claim_ids), 0
        )
        self._open(where, message.focus_claim)

    @on(EventLoaded)
    async def _event_loaded(self, message: EventLoaded) -> None:
        if message.index != self.index or not self.items:
            return  # a newer request won
        self.detail = message.detail
        focus = message.focus_claim
        if focus == FIRST_UNJUDGED:
            focus = self.session.first_unjudged(message.detail)
        with self.app.batch_update():  # mounts await: no half-built frame in between
            await self.query_one(EventView).show(message.detail, self._body, focus)
        self._shown()

    def _shown(self) -> None:
        """The event in ``self.detail`` is on screen: light its claim, prefetch the next."""
        self.claim_id = self.query_one(EventView)._focused
        self._show_grade()
        self._light()
        if not self._scored_once:  # score the sources once the first picture is painted
            self._scored_once = True
            self.call_after_refresh(self._score)
        self.ready = True
        if self.index + 1 < len(self.items):  # after this frame is painted, not before
            self.call_after_refresh(self._prefetch_next, self.items[self.index + 1])

    @on(SourcesScored)
    def _scored(self, message: SourcesScored) -> None:
        self.query_one(SourcePanel).show(message.rows)
        self.query_one(EventView).show_estimates(message.estimates)
        self.team = message.team
        self._update_progress()

    @on(TablePrepared)
    def _table_prepared(self, message: TablePrepared) -> None:
        self.query_one(IncidentTable).prepared = message.prepared

    @on(SearchFinished)
    def _searched(self, message: SearchFinished) -> None:
        self.search_text = message.text
        self.search_ids = message.claim_ids
        self._refilter()

    @on(ExportFinished)
    def _exported(self, message: ExportFinished) -> None:
        if message.error:
            self.notify(f"Export failed: {message.error}", severity="error", markup=False)
        else:
            self.notify(f"Exported {message.rows} rows to {message.path}", markup=False)

    @on(QueueList.EventChosen)
    def _chosen(self, message: QueueList.EventChosen) -> None:
        self.set_focus(None)  # back to the review keys: arrows move between claims again
        self._open(message.index, None)

    @on(QueueList.Left)
    def _left_queue(self) -> None:
        self.set_focus(None)

    @on(VerdictBar.Marked)
    def _clicked(self, message: VerdictBar.Marked) -> None:
        self._mark(message.label)

    # -- verdict actions (one per verdict, STYLE rule 9) -------------------------------

    def action_mark_acknowledged(self) -> None:
        self._mark(VerdictLabel.ACKNOWLEDGED)

    def action_mark_corroborated(self) -> None:
        self._mark(VerdictLabel.CORROBORATED)

    def action_mark_single_source(self) -> None:
        self._mark(VerdictLabel.SINGLE_SOURCE)

    def action_mark_contested(self) -> None:
        self._mark(VerdictLabel.CONTESTED)

    def action_mark_unverifiable(self) -> None:
        self._mark(VerdictLabel.UNVERIFIABLE)

    def action_mark_doubtful(self) -> None:
        self._mark(VerdictLabel.DOUBTFUL)

    def action_mark_refuted(self) -> None:
        self._mark(VerdictLabel.REFUTED)

    def action_skip(self) -> None:
        self._advance()

    def _mark(self, label: VerdictLabel, note: str = "") -> None:
        claim = self._claim()
        if claim is None:
            return
        spent = self.session.cited
        try:
            self.session.record(claim.id, label, note)
        except MissingNoteError as needed:

            def noted(text: str | None) -> None:
                if text:
                    self._mark(label, text)

            self.app.push_screen(NoteDialog(str(needed), claim.text), noted)
            return
        except Exception as error:  # the database refused (read-only, a role's rights)
            if is_busy(error):
                self._retry_busy(claim.id, label, note, attempt=1)
                return
            self.notify(describe_error(error), severity="error", timeout=10)
            return
        # the chip is lit once, for the claim shown after the move (each restyle costs ~1 ms)
        self._after_write(claim.id, light=False)
        for cited in spent:  # their CITED badges go: the verdict took them as evidence
            self._redraw_card(cited)
        self._advance(unjudged=True)
        self._light()
        self._score_soon()

    def _retry_busy(self, claim_id: str, label: VerdictLabel, note: str, attempt: int) -> None:
        """Another program holds the database: say so, and try the verdict again soon."""
        if attempt == 1:
            self.notify(
                "The database is busy (another program is writing): retrying your verdict…",
                severity="warning",
                markup=False,
            )
        if attempt > BUSY_RETRIES:
            self.notify(
                f"Your {label.value} verdict was NOT stored: the database stayed busy. "
                "Press the key again when the other program has finished.",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self.set_timer(
            BUSY_RETRY_SECONDS, lambda: self._write_again(claim_id, label, note, attempt)
        )

    def _write_again(self, claim_id: str, label: VerdictLabel, note: str, attempt: int) -> None:
        try:
            self.session.record(claim_id, label, note)
        except Exception as error:
            if is_busy(error):
                self._retry_busy(claim_id, label, note, attempt + 1)
            else:
                self.notify(describe_error(error), severity="error", timeout=10)
            return
        self.notify(f"Stored: {label.value}.", markup=False)
        self._redraw_card(claim_id)
        self._update_progress()
        if claim_id == self.claim_id:  # the reviewer waited on it: move on as usual
            self._light()
            self._advance(unjudged=True)
        self._score_soon()

    def _after_write(self, claim_id: str, light: bool = True) -> None:
        """Redraw what a write changed: the card, the chip, the queue marker, progress."""
        self._redraw_card(claim_id)
        if light:
            self._light()
        self.query_one(QueueList).refresh_item(self.index)
        self._update_progress()

    # -- other actions -----------------------------------------------------------------

    def action_note(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        current = self.session.verdict_of(claim.id)
        initial = current.note if current else self.session.pending_note(claim.id)

        def noted(text: str | None) -> None:
            if text is None:
                return
            saved = self.session.annotate(claim.id, text)
            self._after_write(claim.id)
            self.notify("Note saved." if saved else "Note kept; saved with the verdict.")

        self.app.push_screen(NoteDialog("Note on this claim", claim.text, initial), noted)

    def action_cite(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        cited = self.session.toggle_cited(claim.id)
        self._redraw_card(claim.id)
        n = len(self.session.cited)
        self.notify(
            f"Cited as evidence for your next verdict ({n} cited)."
            if cited
            else f"No longer cited ({n} cited)."
        )

    def action_undo(self) -> None:
        if self.session.undo_is_correction:
            self._reload(self.session.undo_correction(), "Correction undone.")
            return
        if self.session.undo_is_grouping:
            self._regroup_history(undo=True)
            return
        claim_id = self.session.undo()
        if claim_id is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        self._go_to_claim(claim_id)
        self._score_soon()

    def action_redo(self) -> None:
        if self.session.redo_is_correction:
            self._reload(self.session.redo_correction(), "Correction redone.")
            return
        if self.session.redo_is_grouping:
            self._regroup_history(undo=False)
            return
        claim_id = self.session.redo()
        if claim_id is None:
            self.notify("Nothing to redo.", severity="warning")
            return
        self._go_to_claim(claim_id)
        self._score_soon()

    def action_context(self) -> None:
        if self.claim_id is None:
            return
        self.context_on ^= {self.claim_id}
        self._redraw_card(self.claim_id)

    def action_next_claim(self) -> None:
        self._move_claim(+1)

    def action_previous_claim(self) -> None:
        self._move_claim(-1)

    def action_next_event(self) -> None:
        if self.index + 1 < len(self.items):
            self._open(self.index + 1, None)

    def action_next_unreviewed(self) -> None:
        after = self.session.next_unreviewed(self.items, self.index)
        if after is None:
            self.notify("No unreviewed event after this one in this view.")
        else:
            self._open(after, None)

    def action_focus_queue(self) -> None:
        self.query_one(QueueList).focus()

    def action_quit(self) -> None:
        self.app.exit()

    def on_unmount(self) -> None:
        gc_pause.resume()  # quit before the queue was in
        self.session.keep_drafts()  # however the app ends: q, ctrl+q, ctrl+c

    def action_previous_event(self) -> None:
        if self.index > 0:
            self._open(self.index - 1, None)

    def action_filter(self, which: str) -> None:
        self.which = QueueFilter(which)
        self._refilter()

    def action_pick_source(self) -> None:
        def picked(name: str | None) -> None:
            if name:
                self.which, self.source = QueueFilter.SOURCE, name
                self._refilter()

        self.app.push_screen(SourcePicker(self.session.source_names()), picked)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        search = self.query_one("#search", Input)
        search.blur()
        if not event.value.strip():
            search.display = False
        self._search(event.value.strip())

    def key_escape(self) -> None:
        """Escape in the search box clears the search."""
        search = self.query_one("#search", Input)
        if search.has_focus or self.search_ids is not None:
            search.value = ""
            search.display = False
            search.blur()
            self._search("")

    def action_export(self) -> None:
        claim_ids = [c for item in self.items for c in item.claim_ids]
        default = default_export_path(datetime.now())

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._export(path, claim_ids)

        self.app.push_screen(ExportDialog(default, len(claim_ids)), chosen)

    def action_move_claim(self) -> None:
        claim = self._claim()
        if claim is None or not self.queue_loaded:
            return
        focus = self._neighbour(claim.id)

        def picked(target: QueueItem | None) -> None:
            if target is not None:
                note = f"Moved to: {plain(target.title, single_line=True)}"
                self._regroup(claim.id, target, focus or claim.id, note)

        # every event, not only the filtered view: the right one may be filtered out
        every = self.session.items
        here = self.items[self.index].event_id if self.items else ""
        current = next((n for n, item in enumerate(every) if item.event_id == here), -1)
        self.app.push_screen(EventPicker(every, current, claim.text), picked)

    def action_split_claim(self) -> None:
        claim = self._claim()
        if claim is None or not self.queue_loaded:
            return
        focus = self._neighbour(claim.id)
        if focus is None:
            self.notify("This claim is already alone in its event.", severity="warning")
            return
        self._regroup(claim.id, None, focus, "Taken out into an event of its own.")

    def _neighbour(self, claim_id: str) -> str | None:
        """The claim to show once ``claim_id`` leaves its event: the next, else the one before."""
        order = [c for c in self.query_one(EventView).order if c != claim_id]
        if not order:
            return None
        mine = self.query_one(EventView).order
        after = [c for c in mine[mine.index(claim_id) + 1 :] if c in order]
        return after[0] if after else order[-1]

    def action_full_report(self) -> None:
        claim = self._claim()
        report = self.detail.reports.get(claim.report_id) if claim and self.detail else None
        if claim is None or report is None:
            return
        item = self.items[self.index]

        def marked(span: tuple[int, int] | None) -> None:
            if span is None:
                return
            span = trim_span(report.text, span)
            text = report.text[span[0] : span[1]]

            def named(sources: str | None) -> None:
                if sources is None:
                    return
                names = tuple(n.strip() for n in sources.split(";") if n.strip())
                self._add_claim(report.id, span, text, names, item)

            prompt = "Who makes this claim? (names separated by ';')"
            self.app.push_screen(NoteDialog(prompt, text), named)

        self.app.push_screen(ReportScreen(report, claim.span), marked)

    @work(thread=True, exclusive=True, group="queue")
    def _add_claim(
        self,
        report_id: str,
        span: tuple[int, int],
        text: str,
        sources: tuple[str, ...],
        into: QueueItem,
    ) -> None:
        try:
            claim_id, patched = self.session.add_claim(report_id, span, text, sources, into)
            items = self.session.items if patched else self.session.load_queue()
        except Exception as error:
            self.post_message(LoadFailed(describe_error(error)))
            return
        self.post_message(GroupingEdited(items, claim_id, "Claim added to this incident."))

    def action_jump(self) -> None:
        if not self.items:
            return

        def jumped(target: tuple[int, str | None] | None) -> None:
            if target is None:
                return
            index, claim_id = target
            if index == self.index and claim_id is not None:
                self._focus(claim_id)
            else:
                self._open(index, claim_id)

        order = self.query_one(EventView).order
        self.app.push_screen(JumpDialog(self.items, self.index, order), jumped)

    def action_correct(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        focus = claim.id

        def corrected(correction: Correction | None) -> None:
            if correction is None:
                return
            try:
                self.session.correct(correction)
            except Exception as error:  # the database refused (read-only, a role's rights)
                self.notify(describe_error(error), severity="error", timeout=10)
                return
            keep = focus
            if correction.kind is CorrectionKind.REJECT:
                keep = self._neighbour(focus) or focus
            self._reload(keep, f"Corrected ({correction.kind.value.replace('_', ' ')}).")

        names = self.session.source_names()
        self.app.push_screen(CorrectionDialog(claim, names), corrected)

    def _reload(self, claim_id: str, note: str) -> None:
        """Show the event again after a correction (or its undo), the claim in focus."""
        self.notify(note, markup=False)
        self._update_progress()  # a rejected claim leaves the count, its undo comes back
        where = next((n for n, item in enumerate(self.items) if claim_id in item.claim_ids), None)
        self._open(self.index if where is None else where, claim_id)

    def action_grade(self) -> None:
        detail = self.detail
        if detail is None or not self.ready:
            return
        event = detail.event

        def graded(grade: IncidentGrade | None) -> None:
            if grade is None:
                return
            try:
                self.session.grade_event(grade)
            except Exception as error:  # the database refused (read-only, a role's rights)
                self.notify(describe_error(error), severity="error", timeout=10)
                return
            self._show_grade()
            self.notify(f"Incident graded {grade.grade}.", markup=False)

        dialog = GradeDialog(
            event.id,
            event.title or event.id,
            tuple(c.id for c in detail.claims),
            self.session.grade_of(event.id),
            suggested_toll(event.casualties),
        )
        self.app.push_screen(dialog, graded)

    def _show_grade(self) -> None:
        line = self.query_one("#grade-line", Static)
        grade = self.session.grade_of(self.detail.event.id) if self.detail else None
        line.display = grade is not None
        if grade is not None:
            line.update(grade_text(grade))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.keys))

    def action_adjudicate(self) -> None:
        def back(_: None) -> None:
            self._load_queue()  # rulings are this reviewer's verdicts too: re-read them

        self.app.push_screen(AdjudicationScreen(self.session), back)

    # -- navigation helpers ------------------------------------------------------------

    def _claim(self) -> Claim | None:
        if self.detail is None or self.claim_id is None or not self.ready:
            return None
        return next((c for c in self.detail.claims if c.id == self.claim_id), None)

    def _advance(self, unjudged: bool = False) -> None:
        """Focus the next claim; past the last one, open the next event.

        After a verdict (``unjudged``) the next claim this reviewer has not judged, in
        the order on screen: the next key never lands on an earlier verdict of theirs.
        """
        order = self.query_one(EventView).order
        if unjudged and self.detail is not None:
            claim = self.session.first_unjudged(self.detail, after=self.claim_id)
            if claim is not None:
                self._focus(claim)
                return
            later = range(self.index + 1, len(self.items))
            n = next((k for k in later if self.session.has_unjudged(self.items[k])), None)
            if n is not None:
                self._open(n, FIRST_UNJUDGED)
                return
        if self.claim_id in order and order.index(self.claim_id) + 1 < len(order):
            self._focus(order[order.index(self.claim_id) + 1])
        elif self.index + 1 < len(self.items):
            self._open(self.index + 1, None)
        elif not self.queue_loaded:
            self.notify("The queue is still loading…")
        else:
            self.notify("End of the queue: every event of this view has been shown.")

    def _move_claim(self, step: int) -> None:
        order = self.query_one(EventView).order
        if self.claim_id not in order:
            return
        position = order.index(self.claim_id) + step
        if 0 <= position < len(order):
            self._focus(order[position])
        elif position >= len(order):
            self.action_next_event()
        elif self.index > 0:
            self._open(self.index - 1, None)

    def _focus(self, claim_id: str) -> None:
        self.claim_id = claim_id
        self.query_one(EventView).focus_claim(claim_id)
        self._light()

    def _open(self, index: int, focus: str | None) -> None:
        """Show the event at ``index``; the claims arrive from a worker.

        ``focus``: a claim id, None for the first claim, ``FIRST_UNJUDGED`` for the first
        claim this reviewer has not judged.
        """
        if not self.items:
            return
        self.index = max(0, min(index, len(self.items) - 1))
        self.ready = False
        queue = self.query_one(QueueList)
        if queue.showing(self.items):
            queue.mark(self.index)
        else:
            queue.show(self.items, self.index, self._marker)
        self._update_filter_line()
        cached = self.session.cached_event(self.items[self.index])
        if cached is not None and focus == FIRST_UNJUDGED:
            focus = self.session.first_unjudged(cached)
        if cached is not None and self._show_now(cached, focus):
            return  # prefetched, same shape: drawn in this handler, in the key's frame
        if cached is not None:  # prefetched: no worker round trip for the next event
            self.post_message(EventLoaded(self.index, cached, focus))
        else:
            self._load_event(self.index, focus)

    def _show_now(self, detail: EventDetail, focus: str | None) -> bool:
        """Show a prefetched event in the widgets on screen, if it has their shape."""
        previous, self.detail = self.detail, detail
        if not self.query_one(EventView).show_in_place(detail, self._body, focus):
            self.detail = previous
            return False
        self._shown()
        return True

    def _go_to_claim(self, claim_id: str) -> None:
        """After undo/redo: show the claim that changed, wherever it is."""
        if self.detail is not None and any(c.id == claim_id for c in self.detail.claims):
            self._after_write(claim_id)
            self._focus(claim_id)
            return
        where = next((n for n, item in enumerate(self.items) if claim_id in item.claim_ids), None)
        self._update_progress()
        if where is not None:
            self._open(where, claim_id)
            self.query_one(QueueList).refresh_item(where)

    def _refilter(self) -> None:
        if not self.queue_loaded:
            self.notify("The queue is still loading; filters apply once it is in.")
            return
        current = self.items[self.index].event_id if self.items else None
        self.items = self.session.filtered(self.which, self.source, self.search_ids)
        if not self.items:
            self._show_empty()
            return
        index = next((n for n, item in enumerate(self.items) if item.event_id == current), 0)
        self._open(index, self.claim_id if index and current else None)

    def _show_empty(self) -> None:
        self.detail, self.claim_id, self.ready = None, None, False
        self.query_one(QueueList).show([], 0, self._marker)
        self._update_filter_line()
        self.query_one("#event-header", Static).update(
            Text(
                "No events in this view. Press 1 to show all, or ingest reports "
                "with `workbench review PATH`.",
                style="bold",
            )
        )
        self.query_one("#columns").remove_children()

    # -- drawing -----------------------------------------------------------------------

    def _body(self, claim: Claim) -> Text:
        detail = self.detail
        report = detail.reports.get(claim.report_id) if detail else None
        context = self.session.context(claim, report) if claim.id in self.context_on else None
        body = claim_text(
            claim,
            detail.sources if detail else {},
            report.outlet if report else "",
            self.session.verdict_of(claim.id),
            self.session.pending_note(claim.id),
            context,
            self.session.status_of(claim.id),
            claim.id in self.session.cited,
            report_reference(report) if context is not None else "",
        )
        fixed = self.session.corrections_of(claim.id)
        if fixed:  # the reviewer's corrections replace what was extracted
            kinds = ", ".join(dict.fromkeys(k.replace("_", " ") for k in fixed))
            body.append(f"\n✎ corrected: {kinds}", style="italic yellow")
        return body

    def _redraw_card(self, claim_id: str) -> None:
        claim = (
            next((c for c in self.detail.claims if c.id == claim_id), None)
            if (self.detail)
            else None
        )
        if claim is not None:
            self.query_one(EventView).update_card(claim_id, self._body(claim))

    def _light(self) -> None:
        label = self.session.label_of(self.claim_id) if self.claim_id else None
        self.query_one(VerdictBar).light(label)

    def _marker(self, item: QueueItem) -> Text:
        labels = [self.session.label_of(c) for c in item.claim_ids]
        done = sum(label is not None for label in labels)
        if any(label is VerdictLabel.CONTESTED for label in labels) or item.figures_disagree:
            mark = Text("!", style="bold dark_orange")
        else:
            mark = Text("")
        if done == len(labels):
            mark.append("✓", style="bold green")
        elif done:
            mark.append("◐", style="yellow")
        else:
            mark.append("○", style="dim")
        return Text(" ") + mark if len(mark) == 1 else mark

    def _update_progress(self) -> None:
        text = str(self.session.progress())
        others = {r: n for r, n in self.team.items() if r != self.session.reviewer}
        if others:  # the team's progress, refreshed with the source panel
            text += "\nteam: " + ", ".join(
                f"{safe(r, single_line=True)} {n}" for r, n in sorted(others.items())
            )
        same_width = len(text) == len(self._progress_text)
        self._progress_text = text
        self.query_one("#progress", Static).update(Text(text, style="bold"), layout=not same_width)

    def _update_filter_line(self) -> None:
        line = Text("view: ", style="dim")
        line.append(self.which.value, style="bold")
        if self.which is QueueFilter.SOURCE:
            line.append(" ")
            line.append_text(plain(self.source, "italic", single_line=True))
        if self.search_ids is not None:
            line.append(" · search ", style="dim")
            line.append_text(plain(repr(self.search_text), single_line=True))
        if self.items:
            line.append(f" · event {self.index + 1} of {len(self.items)}", style="dim")
        else:
            line.append(" · no events", style="dim")
        self.query_one("#filter-line", Static).update(line, layout=False)  # height: 1
