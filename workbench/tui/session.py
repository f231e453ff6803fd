"""The review session: the single gateway between the review UI and storage (STYLE rule 4).

Textual-free on purpose: the kill test, the benchmark and the CLI drive it without
a terminal, and widgets never reach the database any other way. Every verdict is
committed in its own transaction before ``record`` returns, so what the UI shows
as saved is on disk. Undo and redo append rows (verdicts are append-only).
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import Engine, event, func, or_, select

from models import (
    Claim,
    Correction,
    CorrectionKind,
    Event,
    IncidentGrade,
    Report,
    Source,
    SourceScore,
    TollEstimate,
    Verdict,
    VerdictLabel,
    VerdictRole,
    WorkflowStatus,
)
from workbench.corrections import added_claim, apply_corrections, in_force
from workbench.events.comparison import OriginStance, compare_origins
from workbench.store import open_engine, schema
from workbench.store.converters import row_to_report, row_to_source
from workbench.store.corrections import append_correction, load_corrections
from workbench.store.incident_grades import append_grade, current_grades
from workbench.store.reports import (
    id_batches,
    load_claims,
    load_claims_by_id,
    select_in,
    store_claims,
)
from workbench.store.team import Disagreement, adjudicate, disagreements, second_review_queue
from workbench.store.verdicts import append_verdicts, current_verdicts
from workbench.store.workflow import workflow_statuses
from workbench.tui.drafts import drafts_path, load_drafts, save_drafts

# In-memory event grouping needs every claim; above this the queue falls back to
# stored events, or one event per report, so launch stays fast on big databases.
GROUP_IN_MEMORY_LIMIT = 5_000

if TYPE_CHECKING:
    from workbench.figure_reliability import FigureFit


class MissingNoteError(ValueError):
    """The verdict needs a reason (DESIGN.md: acknowledged, contested, refuted)."""


class QueueFilter(StrEnum):
    """What the queue shows."""

    ALL = "all"
    UNREVIEWED = "unreviewed"
    CONTESTED = "contested"
    SINGLE_SOURCE = "single source"
    SOURCE = "source"
    SECOND_REVIEW = "second review"


@dataclass(frozen=True)
class QueueItem:
    """One event in the queue: enough to list and filter it without loading claims."""

    event_id: str
    title: str
    claim_ids: tuple[str, ...]
    sources: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    origins: int | None = None
    figures_disagree: bool = False


PAGE_CLAIMS = 400
"""The most claims one queue entry shows: a bigger event is split into parts, so the
screen never builds more cards than this (a report of 100,000 claims opens at once)."""


def paged(item: QueueItem) -> list[QueueItem]:
    """``item`` as parts of at most ``PAGE_CLAIMS`` claims each (itself when small)."""
    ids = item.claim_ids
    if len(ids) <= PAGE_CLAIMS:
        return [item]
    count = -(-len(ids) // PAGE_CLAIMS)
    return [
        replace(
            item,
            event_id=f"{item.event_id}#part-{k + 1}",
            title=f"{item.title} (part {k + 1} of {count})",
            claim_ids=ids[k * PAGE_CLAIMS : (k + 1) * PAGE_CLAIMS],
        )
        for k in range(count)
    ]


@dataclass(frozen=True)
class Progress:
    """Counts for the progress line, over the whole queue."""

    reviewed: int
    total: int
    contested: int

    def __str__(self) -> str:
        return f"{self.reviewed} / {self.total} reviewed · {self.contested} contested"


@dataclass(frozen=True)
class EventDetail:
    """Everything the event view shows for one event."""

    event: Event
    claims: tuple[Claim, ...]
    reports: dict[str, Report]
    sources: dict[str, Source]
    # every origin's figures and stance, for the comparison table
    comparison: tuple[OriginStance, ...] = ()


@dataclass(frozen=True)
class SourceRow:
    """One line of the source panel: a score when scoring exists, verdict counts always."""

    source: str
    kind: str
    counts: dict[str, int]
    score: SourceScore | None = None
    claims: int = 0
    # reliability from the figures this source asserted as an origin (truth discovery)
    figure_score: SourceScore | None = None

    @property
    def n(self) -> int:
        return sum(self.counts.values())


@dataclass
class _Step:
    """One undoable change: the verdict before (None = none) and the one written."""

    claim_id: str
    before: Verdict | None
    after: Verdict


@dataclass(frozen=True)
class _GroupStep:
    """One undoable event edit: where the claim was (the other claims of its event;
    empty = it was alone) and where it went (``into``'s claims; None = on its own)."""

    claim_id: str
    home: tuple[str, ...]
    into: tuple[str, ...] | None


@dataclass(frozen=True)
class _FixStep:
    """One undoable correction: the row written (undo appends a row withdrawing it)."""

    correction: Correction


@dataclass
class ReviewSession:
    """One reviewer's session over one database."""

    engine: Engine
    reviewer: str
    items: list[QueueItem] = field(default_factory=list)
    # claims the last queue load showed one event per report, not grouped into events
    ungrouped: int = 0
    _current: dict[str, Verdict] = field(default_factory=dict)
    _undo: list[_Step | _GroupStep | _FixStep] = field(default_factory=list)
    _redo: list[_Step | _GroupStep | _FixStep] = field(default_factory=list)
    _pending_notes: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, EventDetail] = field(default_factory=dict)
    _groups: dict[str, Event] = field(default_factory=dict)
    _status: dict[str, WorkflowStatus] = field(default_factory=dict)
    # claims the reviewer cited as evidence for their next verdict, in the order cited
    _cited: dict[str, None] = field(default_factory=dict)
    _counts: Counter[str] = field(default_factory=Counter)
    _queued: frozenset[str] = frozenset()
    _rejected: frozenset[str] = frozenset()  # claims a correction rejects: not to review
    _second: frozenset[str] = frozenset()
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # per event, truth discovery's estimate of each toll (set by ``source_rows``)
    estimates: dict[str, tuple[TollEstimate, ...]] = field(default_factory=dict)
    # this reviewer's current incident grade per event, read with each event
    _grades: dict[str, IncidentGrade] = field(default_factory=dict)
    # kinds of correction in force on each claim shown so far
    _corrected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the queue's claim ids of each cached event, to know which a correction changes
    _members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # where notes waiting for a verdict are kept across a quit (None: not kept)
    drafts_file: Path | None = None

    @classmethod
    def open(cls, db: str | None, reviewer: str | None) -> ReviewSession:
        """Open (and migrate) the database for ``reviewer``.

        On PostgreSQL the reviewer is the connected role (a role may not act as someone
        else); on SQLite the name given, else the operating-system user. Every verdict
        the session reads is what this reviewer may see under blind second review.
        """
        from workbench.store import attach_viewer
        from workbench.store.identity import resolve_reviewer

        engine = open_engine(db)
        name = resolve_reviewer(engine, reviewer)
        if engine.dialect.name == "sqlite":
            # The UI never waits long for another writer: it says so and retries instead.
            event.listen(engine, "connect", _short_busy_wait)
        drafts = drafts_path(engine.url.render_as_string(hide_password=True), name)
        session = cls(engine=attach_viewer(engine, name), reviewer=name, drafts_file=drafts)
        session._pending_notes.update(load_drafts(drafts))  # notes kept at the last quit
        return session

    def keep_drafts(self) -> None:
        """Keep the notes still waiting for a verdict, for the next session (at quit)."""
        if self.drafts_file is not None:
            # a read-only home must not stop the quit
            with contextlib.suppress(OSError):
                save_drafts(self.drafts_file, dict(self._pending_notes))

    def is_empty(self) -> bool:
        """No report stored yet (a fresh machine)."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.reports)) == 0

    def first_item(self) -> tuple[QueueItem, str | None] | None:
        """Where the reviewer resumes, read cheaply so a big database shows a claim at once.

        The report of the reviewer's newest verdict (else the first report), with the
        first claim still to judge. None on small databases or with stored or
        in-memory events, where the full queue loads quickly anyway.
        """
        c, r, v, cs = schema.claims.c, schema.reports.c, schema.verdicts.c, schema.claim_sources.c
        with self.engine.connect() as conn:
            n_claims = conn.scalar(select(func.count()).select_from(schema.claims)) or 0
            if n_claims <= GROUP_IN_MEMORY_LIMIT or conn.scalar(select(schema.events.c.id)):
                return None
            newest = conn.scalar(
                select(v.claim_id).where(v.reviewer == self.reviewer).order_by(v.id.desc())
            )
            if newest is not None:
                report_id = conn.scalar(select(c.report_id).where(c.id == newest))
            else:
                report_id = conn.scalar(
                    select(r.id)
                    .where(select(c.id).where(c.report_id == r.id).exists())
                    .order_by(r.published, r.id)
                )
            if report_id is None:
                return None
            claim_ids = tuple(
                conn.scalars(select(c.id).where(c.report_id == report_id).order_by(c.position))
            )
            sources = frozenset(select_in(conn, cs.source, cs.claim_id, claim_ids))
            title, outlet = conn.execute(select(r.title, r.outlet).where(r.id == report_id)).one()
            current = {x.claim_id: x for x in current_verdicts(conn, self.reviewer)}
        with self._lock:
            if not self._queued:  # the full queue has not landed yet
                self._current = current
        parts = paged(
            QueueItem(
                event_id=report_id,
                title=title or outlet or report_id,
                claim_ids=claim_ids,
                sources=sources,
                outlets=frozenset({outlet} - {""}),
            )
        )
        item = next((p for p in parts if newest in p.claim_ids), parts[0])
        detail = self.load_event(item)
        focus = self.first_unjudged(detail, after=newest) or self.first_unjudged(detail)
        return item, focus

    # -- queue -------------------------------------------------------------------------

    def load_queue(self) -> list[QueueItem]:
        """Events with their claim ids, plus this reviewer's current verdicts.

        Reads only ids, titles and source links (plain tuples, one pass each), so
        100,000 claims load in a fraction of a second; claims themselves are read
        one event at a time by ``load_event``.
        """
        with self.engine.connect() as conn:
            claim_rows: Sequence[tuple[str, str]] = _fetch_tuples(
                conn,
                select(schema.claims.c.id, schema.claims.c.report_id).order_by(
                    schema.claims.c.report_id, schema.claims.c.position
                ),
            )
            links = _fetch_tuples(
                conn, select(schema.claim_sources.c.claim_id, schema.claim_sources.c.source)
            )
            reports = {
                row[0]: row
                for row in conn.execute(
                    select(
                        schema.reports.c.id,
                        schema.reports.c.title,
                        schema.reports.c.outlet,
                        schema.reports.c.published,
                    )
                ).all()
            }
            stored_events = conn.scalar(select(func.count()).select_from(schema.events)) or 0
            found = self._grouped_events(conn, len(claim_rows), stored_events)
        groups: list[Event | _ReportGroup]
        if found is None:
            groups = list(_one_event_per_report(claim_rows, reports))
            self.ungrouped = len(claim_rows)
        else:  # claims stored after the grouping was saved still need a place
            grouped = {c for event in found for c in event.claim_ids}
            orphans = [(c, r) for c, r in claim_rows if c not in grouped]
            groups = [*found, *_one_event_per_report(orphans, reports)]
            self.ungrouped = len(orphans)
        groups = [event for event in groups if event.claim_ids]
        self._groups = {event.id: event for event in groups if isinstance(event, Event)}
        # one pass over the links, bucketed by event, instead of a set per claim
        event_of = {c: n for n, event in enumerate(groups) for c in event.claim_ids}
        sources: list[set[str]] = [set() for _ in groups]
        for claim_id, source in links:
            n = event_of.get(claim_id)
            if n is not None:
                sources[n].add(source)
        report_of = dict(claim_rows)
        self.items = [
            QueueItem(
                event_id=event.id,
                title=event.title,
                claim_ids=event.claim_ids,
                sources=frozenset(sources[n]),
                outlets=frozenset(
                    {reports[r][2] for c in event.claim_ids if (r := report_of.get(c)) in reports}
                    - {""}
                )
                if isinstance(event, Event) or not event.outlets
                else event.outlets,
                origins=event.origins if isinstance(event, Event) and event.claim_ids else None,
                figures_disagree=isinstance(event, Event)
                and any(not f.agree for f in event.figures),
            )
            for n, event in enumerate(groups)
        ]
        self.items = [part for item in self.items for part in paged(item)]
        with self._lock:  # verdicts written while we read are in the database: re-read
            with self.engine.connect() as conn:
                self._current = {v.claim_id: v for v in current_verdicts(conn, self.reviewer)}
                self._second = frozenset(second_review_queue(conn, self.reviewer))
                rejected = {
                    c.claim_id
                    for c in in_force(load_corrections(conn))
                    if c.kind is CorrectionKind.REJECT
                }
            self._queued = frozenset(event_of)
            self._rejected = frozenset(rejected & self._queued)
            self._counts = Counter()
            for claim_id in self._queued.intersection(self._current):
                self._count(self.label_of(claim_id), +1)
        return self.items

    def _count(self, label: VerdictLabel | None, sign: int) -> None:
        if label is not None:
            self._counts["reviewed"] += sign
            if label is VerdictLabel.CONTESTED:
                self._counts["contested"] += sign

    def _grouped_events(
        self, conn: Any, n_claims: int, stored_events: int
    ) -> list[Event | _ReportGroup] | None:
        """The stored grouping (``workbench events`` saves it, edits replayed), else events
        grouped in memory on small databases, else None (one event per report).

        Claims ingested after the stored grouping was saved are not lost: they get one
        event per report (see ``load_queue``) until the grouping is saved again.
        """
        if not stored_events:
            return self._group_in_memory(conn, n_claims)
        members: dict[str, list[str]] = defaultdict(list)
        # reading order: an event sits where its earliest claim appears
        order = (schema.reports.c.published, schema.claims.c.report_id, schema.claims.c.position)
        for event_id, claim_id in conn.execute(
            select(schema.event_claims.c.event_id, schema.event_claims.c.claim_id)
            .join(schema.claims, schema.claims.c.id == schema.event_claims.c.claim_id)
            .join(schema.reports, schema.reports.c.id == schema.claims.c.report_id)
            .order_by(*order)
        ):
            members[event_id].append(claim_id)
        titles = dict(conn.execute(select(schema.events.c.id, schema.events.c.title)).all())
        return [
            _ReportGroup(eid, titles.get(eid, ""), tuple(ids), frozenset())
            for eid, ids in members.items()
        ]

    def _group_in_memory(self, conn: Any, n_claims: int) -> list[Event | _ReportGroup] | None:
        """group_claims over every claim, with the reviewers' edits, on small databases."""
        if n_claims > GROUP_IN_MEMORY_LIMIT:
            return None
        from workbench.events import group_claims
        from workbench.events.storage import load_edits, load_grouping

        reports = [row_to_report(r) for r in conn.execute(select(schema.reports)).mappings()]
        claims = load_claims(conn)
        sources = {
            s.name: s for s in map(row_to_source, conn.execute(select(schema.sources)).mappings())
        }
        edits, previous = load_edits(conn), load_grouping(conn)
        return list(group_claims(claims, reports, edits, sources, previous))

    def filtered(
        self,
        which: QueueFilter = QueueFilter.ALL,
        source: str = "",
        text_ids: set[str] | None = None,
    ) -> list[QueueItem]:
        """The queue under one filter, optionally narrowed to events holding ``text_ids``."""
        items = self.items
        if text_ids is not None:
            items = [i for i in items if not text_ids.isdisjoint(i.claim_ids)]
        if which is QueueFilter.UNREVIEWED:
            items = [i for i in items if any(c not in self._current for c in i.claim_ids)]
        elif which is QueueFilter.CONTESTED:
            items = [
                i
                for i in items
                if i.figures_disagree
                or any(self.label_of(c) is VerdictLabel.CONTESTED for c in i.claim_ids)
            ]
        elif which is QueueFilter.SINGLE_SOURCE:
            items = [
                i for i in items if (i.origins if i.origins is not None else len(i.sources)) <= 1
            ]
        elif which is QueueFilter.SOURCE:
            items = [i for i in items if source in i.sources]
        elif which is QueueFilter.SECOND_REVIEW:
            waiting = self._second - self._current.keys()
            items = [i for i in items if not waiting.isdisjoint(i.claim_ids)]
        return items

    def search(self, text: str) -> set[str]:
        """Claim ids whose text, sentence, report title or outlet contains ``text``."""
        pattern = f"%{text.strip()}%"
        c, r = schema.claims.c, schema.reports.c
        query = (
            select(c.id)
            .join(schema.reports, r.id == c.report_id)
            .where(
                or_(
                    c.text.ilike(pattern),
                    c.sentence.ilike(pattern),
                    r.title.ilike(pattern),
                    r.outlet.ilike(pattern),
                )
            )
        )
        with self.engine.connect() as conn:
            found = set(conn.scalars(query))
            cs = schema.claim_sources.c
            found.update(conn.scalars(select(cs.claim_id).where(cs.source.ilike(pattern))))
        return found

    def next_unreviewed(self, items: Sequence[QueueItem], index: int) -> int | None:
        """The first event after ``index`` with a claim this reviewer has not judged."""
        for n in range(index + 1, len(items)):
            if any(self.label_of(c) is None for c in items[n].claim_ids):
                return n
        return None

    def source_names(self) -> list[str]:
        """Every source named by a claim in the queue, for the by-source filter."""
        return sorted({s for item in self.items for s in item.sources})

    def progress(self) -> Progress:
        """Kept up to date by every write, so it costs nothing on the verdict path."""
        return Progress(
            reviewed=self._counts["reviewed"],
            total=len(self._queued) - len(self._rejected),  # rejected ones are queued ones
            contested=self._counts["contested"],
        )

    def resume_point(self, items: Sequence[QueueItem]) -> tuple[int, str | None]:
        """Where the reviewer left: the first event, from the one of their newest verdict
        on (wrapping), that still holds a claim they have not judged, focused on its first
        such claim in display order (``first_unjudged``). Reads that one event."""
        if not items:
            return 0, None
        newest = max(self._current.values(), key=lambda v: v.id or 0, default=None)
        start = 0
        if newest is not None:
            start = next((n for n, i in enumerate(items) if newest.claim_id in i.claim_ids), 0)
        for k in range(len(items)):
            n = (start + k) % len(items)
            if self.has_unjudged(items[n]):
                return n, self.first_unjudged(self.load_event(items[n]))
        return 0, None

    def first_unjudged(self, detail: EventDetail, after: str | None = None) -> str | None:
        """The first claim of ``detail`` in display order (after ``after``, if given) that
        this reviewer has not judged; None when there is none."""
        order = display_order(detail.claims)
        if after in order:
            order = order[order.index(after) + 1 :]
        with self._lock:
            return next((c for c in order if c not in self._current), None)

    def has_unjudged(self, item: QueueItem) -> bool:
        """Whether ``item`` holds a claim this reviewer has not judged (no database read)."""
        with self._lock:
            return any(c not in self._current and c not in self._rejected for c in item.claim_ids)

    # -- one event ---------------------------------------------------------------------

    def load_event(self, item: QueueItem) -> EventDetail:
        """Claims, reports and sources of one event (cached; the queue may revisit it)."""
        if item.event_id in self._cache:
            return self._cache[item.event_id]
        wanted = set(item.claim_ids)
        with self.engine.connect() as conn:
            report_ids = select_in(conn, schema.claims.c.report_id, schema.claims.c.id, wanted)
            # by id, not by report: a part of a 100,000-claim report reads only its claims
            claims = {c.id: c for c in load_claims_by_id(conn, wanted)}
            reports = {
                row["id"]: row_to_report(row)
                for row in conn.execute(
                    select(schema.reports).where(schema.reports.c.id.in_(report_ids))
                ).mappings()
            }
            statuses = workflow_statuses(conn, sorted(claims))
            graded = current_grades(conn, self.reviewer, [item.event_id])
            corrections = load_corrections(conn)
            ordered = tuple(claims[c] for c in item.claim_ids if c in claims)
            applied: dict[str, tuple[str, ...]] = {}
            if corrections:  # the reviewers' fixes, replayed over what was extracted
                fixed, applied = apply_corrections(ordered, corrections)
                ordered = tuple(fixed)
            names = {s for c in ordered for s in c.sources}
            sources = {
                row["name"]: row_to_source(row)
                for row in conn.execute(
                    select(schema.sources).where(schema.sources.c.name.in_(names))
                ).mappings()
            }
        event = self._groups.get(item.event_id) or Event(id=item.event_id, title=item.title)
        if applied:  # stored figures and origins were counted before the corrections
            event = Event(id=event.id, title=event.title or item.title)
        event = _complete_event(event, ordered, reports, sources)
        detail = EventDetail(
            event=event,
            claims=ordered,
            reports=reports,
            sources=sources,
            comparison=compare_origins(event, ordered, reports, sources),
        )
        with self._lock:
            self._status.update(statuses)
            for claim in ordered:  # what is in force now, for each claim of the event
                if claim.id in applied:
                    self._corrected[claim.id] = applied[claim.id]
                else:
                    self._corrected.pop(claim.id, None)
            if graded:
                self._grades[item.event_id] = graded[-1]
        if len(self._cache) > 64:
            oldest = next(iter(self._cache))
            del self._cache[oldest]
            self._members.pop(oldest, None)
        self._cache[item.event_id] = detail
        self._members[item.event_id] = item.claim_ids  # rejected claims included
        return detail

    def cached_event(self, item: QueueItem) -> EventDetail | None:
        """The event if it is already in memory (prefetched), without touching the database."""
        return self._cache.get(item.event_id)

    @staticmethod
    def context(claim: Claim, report: Report | None, lines: int = 1) -> tuple[str, str, str]:
        """The claim's paragraph with ``lines`` paragraphs either side: (before, it, after)."""
        if report is None:
            return "", claim.sentence or claim.text, ""
        text = report.text
        start = text.rfind("\n", 0, claim.span[0]) + 1
        end = text.find("\n", claim.span[1])
        end = len(text) if end < 0 else end
        before = text[:start].rstrip("\n").split("\n")[-lines:] if start else []
        after = text[end:].lstrip("\n").split("\n")[:lines] if end < len(text) else []
        return "\n".join(before), text[start:end], "\n".join(after)

    # -- verdicts ----------------------------------------------------------------------

    def status_of(self, claim_id: str) -> WorkflowStatus | None:
        """The claim's workflow status as of its event's loading or this session's last
        write to it (None before its event was loaded)."""
        return self._status.get(claim_id)

    def label_of(self, claim_id: str) -> VerdictLabel | None:
        verdict = self._current.get(claim_id)
        return verdict.label if verdict else None

    def verdict_of(self, claim_id: str) -> Verdict | None:
        return self._current.get(claim_id)

    def pending_note(self, claim_id: str) -> str:
        return self._pending_notes.get(claim_id, "")

    def record(self, claim_id: str, label: VerdictLabel, note: str = "") -> Verdict:
        """Write a verdict and commit it before returning. Raises MissingNoteError."""
        note = note.strip() or self._pending_notes.get(claim_id, "")
        if label.info.needs_note and not note:
            raise MissingNoteError(f"{label.value} needs a note saying why")
        before = self._current.get(claim_id)
        evidence = tuple(cited for cited in self._cited if cited != claim_id)
        stored = self._write(
            Verdict(
                claim_id=claim_id,
                reviewer=self.reviewer,
                label=label,
                note=note,
                evidence=evidence,
            )
        )
        self._cited.clear()  # spent on this verdict
        self._pending_notes.pop(claim_id, None)
        self._undo.append(_Step(claim_id, before, stored))
        self._redo.clear()
        return stored

    def grade_of(self, event_id: str) -> IncidentGrade | None:
        """This reviewer's current grade of the incident (read when the event loads)."""
        return self._grades.get(event_id)

    def grade_event(self, grade: IncidentGrade) -> IncidentGrade:
        """Append an incident grade (its reviewer is this session's) and commit it."""
        with self.engine.begin() as conn:
            stored = append_grade(conn, grade.model_copy(update={"reviewer": self.reviewer}))
        with self._lock:
            if stored.grade is None:
                self._grades.pop(stored.event_id, None)
            else:
                self._grades[stored.event_id] = stored
        return stored

    def toggle_cited(self, claim_id: str) -> bool:
        """Cite the claim as evidence for the next verdict, or stop citing it; True if cited."""
        if claim_id in self._cited:
            del self._cited[claim_id]
            return False
        self._cited[claim_id] = None
        return True

    @property
    def cited(self) -> tuple[str, ...]:
        """Claims cited for the next verdict (a verdict spends them)."""
        return tuple(self._cited)

    def annotate(self, claim_id: str, note: str) -> Verdict | None:
        """Attach a note: a new row with the same verdict, or kept for the next verdict."""
        before = self._current.get(claim_id)
        if before is None or before.label is None:
            self._pending_notes[claim_id] = note.strip()
            return None
        stored = self._write(
            before.model_copy(update={"note": note.strip(), "id": None, "created_at": _now()})
        )
        self._undo.append(_Step(claim_id, before, stored))
        self._redo.clear()
        return stored

    def undo(self) -> str | None:
        """Put the previous verdict back (a new row); returns the claim id, or None.
        An event edit on top of the history is undone by ``undo_grouping`` instead."""
        if not self._undo or not isinstance(self._undo[-1], _Step):
            return None  # an event edit or a correction: ``undo_grouping``/``undo_correction``
        step = self._undo.pop()
        assert isinstance(step, _Step)
        if step.before is None:
            restored = Verdict(claim_id=step.claim_id, reviewer=self.reviewer, label=None)
        else:
            restored = step.before.model_copy(update={"id": None, "created_at": _now()})
        self._write(restored)
        self._redo.append(step)
        return step.claim_id

    def redo(self) -> str | None:
        """Write the undone verdict again; returns the claim id, or None."""
        if not self._redo or not isinstance(self._redo[-1], _Step):
            return None
        step = self._redo.pop()
        assert isinstance(step, _Step)
        stored = self._write(step.after.model_copy(update={"id": None, "created_at": _now()}))
        self._undo.append(_Step(step.claim_id, step.before, stored))
        return step.claim_id

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _write(self, verdict: Verdict) -> Verdict:
        with self._lock:
            with self.engine.begin() as conn:  # committed when the block ends
                (stored,) = append_verdicts(conn, [verdict])
                self._status.update(workflow_statuses(conn, [stored.claim_id]))
            if stored.claim_id in self._queued:
                self._count(self.label_of(stored.claim_id), -1)
                self._count(stored.label, +1)
            if stored.label is None:
                self._current.pop(stored.claim_id, None)
            else:
                self._current[stored.claim_id] = stored
        return stored

    # -- corrections -----------------------------------------------------------------------

    def correct(self, correction: Correction) -> Correction:
        """Append a correction (as this reviewer), committed before it returns; undoable."""
        stored = self._append_correction(correction)
        self._undo.append(_FixStep(stored))
        self._redo.clear()
        return stored

    def add_claim(
        self,
        report_id: str,
        span: tuple[int, int],
        text: str,
        sources: tuple[str, ...],
        into: QueueItem,
    ) -> tuple[str, bool]:
        """Store a claim the extractor missed and put it in the event ``into``; undoable.

        The claim is stored like an extracted one (so it can be judged and exported), the
        ``add`` correction lets it be found again after re-extraction, and the move into
        the event is an event edit, replayed by every later grouping. Returns (claim id,
        queue patched); not patched: reload the queue.
        """
        correction = Correction(
            kind=CorrectionKind.ADD,
            reviewer=self.reviewer,
            report_id=report_id,
            span=span,
            text=text,
            sources=sources,
        )
        claim = added_claim(correction)
        correction = correction.model_copy(update={"claim_id": claim.id})
        with self._lock, self.engine.begin() as conn:
            claims = schema.claims.c
            if not conn.scalar(select(func.count()).where(claims.id == claim.id)):
                last = conn.scalar(
                    select(func.max(claims.position)).where(claims.report_id == report_id)
                )
                store_claims(conn, [claim], first_position=(last or 0) + 1)
            events = schema.events.c
            stored_event = conn.scalar(select(func.count()).where(events.id == into.event_id))
            member = conn.scalar(
                select(func.count()).where(schema.event_claims.c.claim_id == claim.id)
            )
            if stored_event and not member:  # in the stored grouping at once
                conn.execute(
                    schema.event_claims.insert(), {"claim_id": claim.id, "event_id": into.event_id}
                )
        stored = self._append_correction(correction)
        self._undo.append(_FixStep(stored))
        self._redo.clear()
        return claim.id, self._apply_group_edit(claim.id, into.claim_ids)

    def corrections_of(self, claim_id: str) -> tuple[str, ...]:
        """The kinds of correction in force on a claim shown so far."""
        return self._corrected.get(claim_id, ())

    @property
    def undo_is_correction(self) -> bool:
        return bool(self._undo) and isinstance(self._undo[-1], _FixStep)

    @property
    def redo_is_correction(self) -> bool:
        return bool(self._redo) and isinstance(self._redo[-1], _FixStep)

    def undo_correction(self) -> str:
        """Withdraw the newest correction (an ``undo`` row); returns its claim id."""
        step = self._undo.pop()
        assert isinstance(step, _FixStep)
        self._append_correction(
            Correction(
                kind=CorrectionKind.UNDO,
                reviewer=self.reviewer,
                claim_id=step.correction.claim_id,
                undoes=step.correction.id,
            ),
            step.correction.kind,
        )
        self._redo.append(step)
        return step.correction.claim_id

    def redo_correction(self) -> str:
        """Append the withdrawn correction again; returns its claim id."""
        step = self._redo.pop()
        assert isinstance(step, _FixStep)
        again = step.correction.model_copy(update={"id": None, "created_at": _now()})
        self._undo.append(_FixStep(self._append_correction(again)))
        return step.correction.claim_id

    def _append_correction(
        self, correction: Correction, kind: CorrectionKind | None = None
    ) -> Correction:
        """Append, then forget the cached events it changes. ``kind``: what an undo undoes."""
        with self._lock:
            with self.engine.begin() as conn:
                stored = append_correction(
                    conn, correction.model_copy(update={"reviewer": self.reviewer})
                )
            if (kind or correction.kind) is CorrectionKind.MERGE_SOURCE:
                # a merge touches claims of any event: every cached event is read again
                self._cache.clear()
                self._members.clear()
                self._corrected.clear()
            else:  # only the event holding the claim (the next event stays prefetched)
                for event_id, members in list(self._members.items()):
                    if correction.claim_id in members:
                        self._cache.pop(event_id, None)
            self._corrected.pop(correction.claim_id, None)
            if (kind or correction.kind) is CorrectionKind.REJECT and correction.claim_id:
                if correction.kind is CorrectionKind.UNDO:
                    self._rejected = self._rejected - {correction.claim_id}
                elif correction.claim_id in self._queued:
                    self._rejected = self._rejected | {correction.claim_id}
        return stored

    # -- event edits -----------------------------------------------------------------------

    def regroup_claim(self, claim_id: str, into: QueueItem | None) -> bool:
        """Move a claim into the event ``into``, or (None) into an event of its own.

        Committed before it returns, like a verdict, and undoable like one. The edit is
        stored append-only and replayed by every later grouping; a stored grouping is
        updated in place, so a large database is not clustered again, and ``items`` is
        patched to match (True). False: the events are grouped in memory; reload the queue.
        """
        home = next((item.claim_ids for item in self.items if claim_id in item.claim_ids), ())
        step = _GroupStep(
            claim_id,
            tuple(c for c in home if c != claim_id),
            None if into is None else into.claim_ids,
        )
        patched = self._apply_group_edit(claim_id, step.into)
        self._undo.append(step)
        self._redo.clear()
        return patched

    @property
    def undo_is_grouping(self) -> bool:
        """The next undo puts a claim back in its event (the UI runs it off the UI thread)."""
        return bool(self._undo) and isinstance(self._undo[-1], _GroupStep)

    @property
    def redo_is_grouping(self) -> bool:
        return bool(self._redo) and isinstance(self._redo[-1], _GroupStep)

    def undo_grouping(self) -> tuple[str, bool]:
        """Put the claim of the newest event edit back; (claim id, queue patched)."""
        step = self._undo.pop()
        assert isinstance(step, _GroupStep)
        patched = self._apply_group_edit(step.claim_id, step.home or None)
        self._redo.append(step)
        return step.claim_id, patched

    def redo_grouping(self) -> tuple[str, bool]:
        """Make the undone event edit again; (claim id, queue patched)."""
        step = self._redo.pop()
        assert isinstance(step, _GroupStep)
        patched = self._apply_group_edit(step.claim_id, step.into)
        self._undo.append(step)
        return step.claim_id, patched

    def _apply_group_edit(self, claim_id: str, into: tuple[str, ...] | None) -> bool:
        from workbench.events import move_edit, split_edit
        from workbench.events.storage import apply_edit_in_place

        edit = (
            split_edit([claim_id], self.reviewer)
            if into is None
            else move_edit([claim_id], into, self.reviewer)
        )
        with self._lock:
            with self.engine.begin() as conn:
                replaced, events = apply_edit_in_place(conn, edit)
                patched = (
                    bool(events) and not self._groups and self._patch_queue(conn, replaced, events)
                )
            self._cache.clear()
            self._members.clear()
        return patched

    def _patch_queue(
        self, conn: Any, replaced: set[str], events: dict[str, tuple[str, ...]]
    ) -> bool:
        """Swap the queue items of ``replaced`` events for ``events``, where the first was."""
        claims, reports, links = schema.claims.c, schema.reports.c, schema.claim_sources.c
        rows: list[tuple[str, str]] = []
        sources: dict[str, set[str]] = defaultdict(set)
        for chunk in id_batches(c for ids in events.values() for c in ids):
            rows.extend(
                conn.execute(
                    select(claims.id, reports.outlet)
                    .join(schema.reports, reports.id == claims.report_id)
                    .where(claims.id.in_(chunk))
                    .order_by(reports.published, claims.report_id, claims.position)
                ).all()
            )
            for claim_id, source in conn.execute(
                select(links.claim_id, links.source).where(links.claim_id.in_(chunk))
            ):
                sources[claim_id].add(source)
        reading = {claim_id: n for n, (claim_id, _outlet) in enumerate(rows)}
        outlet = dict(rows)
        titles = dict(
            conn.execute(
                select(schema.events.c.id, schema.events.c.title).where(
                    schema.events.c.id.in_(list(events))
                )
            ).all()
        )
        fresh = [
            QueueItem(
                event_id=event_id,
                title=titles.get(event_id, ""),
                claim_ids=tuple(sorted(ids, key=lambda c: reading.get(c, 0))),
                sources=frozenset(s for c in ids for s in sources.get(c, ())),
                outlets=frozenset(outlet.get(c, "") for c in ids) - {""},
            )
            for event_id, ids in events.items()
        ]
        fresh.sort(key=lambda item: reading.get(item.claim_ids[0], 0))
        gone = [n for n, item in enumerate(self.items) if item.event_id in replaced]
        if not gone:
            return False
        kept = [item for item in self.items if item.event_id not in replaced]
        at = gone[0]  # no replaced item sits before the first one
        self.items = [*kept[:at], *fresh, *kept[at:]]
        return True

    def team_progress(self) -> dict[str, int]:
        """Claims each reviewer has judged, so everyone sees the others' progress
        (not counting verdicts this reviewer may not see yet under blind review)."""
        from workbench.store.verdicts import visible_to

        v = schema.verdicts.c
        newest = select(func.max(v.id)).group_by(v.claim_id, v.reviewer).scalar_subquery()
        query = (
            select(v.reviewer, func.count())
            .where(v.id.in_(newest), v.label.is_not(None), v.role == VerdictRole.REVIEW.value)
            .where(visible_to(self.reviewer))
            .group_by(v.reviewer)
        )
        with self.engine.connect() as conn:
            return {reviewer: int(n) for reviewer, n in conn.execute(query)}

    def disagreements(self) -> list[tuple[Disagreement, Claim | None]]:
        """Open disagreements with their claims, for the adjudication queue."""
        with self.engine.connect() as conn:
            cases = disagreements(conn)
            wanted = {case.claim_id for case in cases}
            c = schema.claims.c
            report_ids = sorted(select_in(conn, c.report_id, c.id, wanted))
            claims = {c.id: c for c in load_claims(conn, report_ids) if c.id in wanted}
        return [(case, claims.get(case.claim_id)) for case in cases]

    def adjudicate(self, claim_id: str, label: VerdictLabel, reason: str) -> Verdict:
        """This reviewer settles a disagreement; committed before it returns."""
        with self.engine.begin() as conn:
            ruling = adjudicate(conn, claim_id, self.reviewer, label, reason)
            self._status.update(workflow_statuses(conn, [claim_id]))
        return ruling

    # -- sources and export ------------------------------------------------------------

    def source_rows(self) -> list[SourceRow]:
        """Verdict counts and claims per source, with the reliability ``workbench score`` gives.

        Only the links of judged claims are read, so this stays quick on big databases.
        """
        # imported here: reliability brings pandas, which the first screen does not need
        from workbench.reliability import claim_sources, evidence_units, score_from_verdicts

        cs = schema.claim_sources.c
        with self.engine.connect() as conn:
            sources = {
                s.name: s
                for s in map(row_to_source, conn.execute(select(schema.sources)).mappings())
            }
            claims_of: dict[str, int] = dict(
                conn.execute(select(cs.source, func.count()).group_by(cs.source)).all()
            )
            verdicts = current_verdicts(conn)
            links = claim_sources(conn, [v.claim_id for v in verdicts])
            units, origins = evidence_units(conn, [v.claim_id for v in verdicts])
            figures = self._figure_fit(conn, verdicts)
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for verdict in verdicts:
            for source in links.get(verdict.claim_id, ()):
                counts[source][verdict.label.value if verdict.label else ""] += 1
        scored = score_from_verdicts(verdicts, links, units, origins)
        scores = {score.source: score for score in scored}
        figure_scores = {s.source: s for s in figures.scores()} if figures is not None else {}
        self.estimates = figures.estimates() if figures is not None else {}
        named = set(counts) | set(claims_of) | set(figure_scores)
        return [
            SourceRow(
                source=name,
                kind=sources[name].kind.value if name in sources else "unknown",
                counts=dict(counts.get(name, Counter())),
                score=scores.get(name),
                claims=int(claims_of.get(name, 0)),
                figure_score=figure_scores.get(name),
            )
            # judged sources first, then the most quoted: not digits and "A"s first
            for name in sorted(
                named, key=lambda n: (-sum(counts[n].values()), -claims_of.get(n, 0), n)
            )
        ]

    def _figure_fit(self, conn: Any, verdicts: Sequence[Verdict]) -> FigureFit | None:
        """Truth discovery over the incidents' figures (``workbench score``'s figures_*).

        Needs every claim grouped, so like in-memory grouping it is skipped above
        GROUP_IN_MEMORY_LIMIT claims; ``workbench score`` has it on any database. The
        queue's events, when it grouped them in memory, are reused (no regrouping).
        """
        n_claims = conn.scalar(select(func.count()).select_from(schema.claims)) or 0
        if n_claims > GROUP_IN_MEMORY_LIMIT:
            return None
        # imported here: it brings pandas and the estimators, half a second at launch
        from workbench.figure_reliability import fit_figures, fit_figures_database
        from workbench.reliability import consensus_truth

        with self._lock:
            events = list(self._groups.values())
        if not events or self.ungrouped:
            return fit_figures_database(conn, verdicts)
        claims = {claim.id: claim for claim in load_claims(conn)}
        return fit_figures(events, claims, consensus_truth(verdicts))

    def export_csv(self, claim_ids: Sequence[str] | None, stream: TextIO) -> int:
        """Write the given claims' rows as CSV with ``workbench export``'s own code."""
        from workbench.export import export_rows, write_csv

        with self.engine.connect() as conn:
            rows = export_rows(conn, claim_ids)
        write_csv(rows, stream)
        return len(rows)

    def export_to(self, claim_ids: Sequence[str] | None, path: Path) -> int:
        """Like ``workbench export -o``: written beside the target, then renamed into place."""
        from workbench.export import export_rows, write_file

        with self.engine.connect() as conn:
            rows = export_rows(conn, claim_ids)
        write_file(rows, "csv", path)
        return len(rows)


UI_BUSY_WAIT_MS = 300
"""How long one write from the review UI waits for another SQLite writer."""


def _short_busy_wait(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute(f"PRAGMA busy_timeout={UI_BUSY_WAIT_MS}")


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` says another writer holds the database (worth retrying)."""
    from workbench.store.faults import fault_of

    fault = fault_of(error)
    text = str(fault.message if fault is not None else error).lower()
    return "database is locked" in text or "busy" in text


def column_key(claim: Claim) -> str:
    """Claims naming the same sources share a column; unattributed ones share one too."""
    return " + ".join(claim.sources) if claim.sources else "unattributed"


def display_order(claims: Sequence[Claim]) -> list[str]:
    """Claim ids in the order the review screen shows and walks them: column by column
    (columns in order of first appearance), each column in report order. Resuming and
    advancing both follow this one order."""
    columns: dict[str, list[str]] = {}
    for claim in claims:
        columns.setdefault(column_key(claim), []).append(claim.id)
    return [claim_id for ids in columns.values() for claim_id in ids]


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _fetch_tuples(conn: Any, statement: Any) -> list[tuple[Any, ...]]:
    """Plain DB-API tuples for a parameterless SELECT: 100,000 rows without Row objects."""
    sql = str(statement.compile(dialect=conn.dialect))
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


@dataclass(frozen=True, slots=True)
class _ReportGroup:
    """A report standing in for an event: lighter than ``Event`` for 10,000s of them."""

    id: str
    title: str
    claim_ids: tuple[str, ...]
    outlets: frozenset[str]


def _one_event_per_report(
    claim_rows: Sequence[tuple[str, str]], reports: dict[str, Any]
) -> list[_ReportGroup]:
    """The fallback grouping (big databases, no grouper): each report is an event."""
    members: dict[str, list[str]] = defaultdict(list)
    for claim_id, report_id in claim_rows:
        members[report_id].append(claim_id)
    ordered = sorted(
        members,
        key=lambda rid: (str(reports[rid][3] or "") if rid in reports else "", rid),
    )
    groups = []
    for rid in ordered:
        row = reports.get(rid)
        title = (row[1] or row[2] or rid) if row is not None else rid
        outlets = frozenset((row[2],)) if row is not None and row[2] else frozenset()
        groups.append(_ReportGroup(rid, title, tuple(members[rid]), outlets))
    return groups


def _complete_event(
    event: Event,
    claims: Sequence[Claim],
    reports: dict[str, Report],
    sources: dict[str, Source],
) -> Event:
    """Figure comparison and outlet / origin counts from the events package, when missing."""
    if event.figures or event.origins or not claims:
        return event
    from workbench.events.describe import build_event

    built = build_event(event.id, list(claims), reports, sources)
    return built.model_copy(update={"title": event.title or built.title})
