"""Every origin of the incident at once: figures per casualty kind and stance counts.

One row per origin (``workbench.events.comparison``), one column per casualty kind
with the origin's latest figure, then how many claims it makes, denies, blames and
caveats; the last row is the reconciled range across origins. Column headings
shorten below ``WIDE`` columns so five origins fit at 80x24.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from models import CasualtyFigures, FigureStatus, Source
from workbench.events.comparison import OriginStance
from workbench.tui.render import safe

WIDE = 70  # below this width the stance headings shorten (claims -> cl)
STANCE = (("claims", "cl"), ("denies", "den"), ("blames", "bl"), ("caveats", "cav"))
STATUS = {
    FigureStatus.SINGLE: ("· one origin", "dim"),
    FigureStatus.AGREE: ("✓ agree", "bold green"),
    FigureStatus.CONSISTENT: ("≈ consistent", "bold yellow"),
    FigureStatus.CONFLICT: ("✗ conflict", "bold red"),
}


def figure_range(low: float, high: float) -> str:
    """'≥40', '26', '22-44' (an en dash)."""
    if high == float("inf"):
        return f"≥{low:g}"
    return f"{low:g}" if low == high else f"{low:g}\u2013{high:g}"


def display_name(name: str, sources: Mapping[str, Source], room: int) -> str:
    """The origin's name, or its shortest alias when the name would be cut."""
    shown = safe(name, single_line=True)
    source = sources.get(name)
    if len(shown) > room and source is not None and source.aliases:
        alias = min(source.aliases, key=len)
        if 2 <= len(alias) < len(shown):
            return safe(alias, single_line=True)
    return shown


@dataclass(frozen=True)
class PreparedTable:
    """An incident's table rendered ahead of time, at one width.

    Rich lays a table out cell by cell: ten origins take several milliseconds, the
    largest part of showing the next event. The review screen renders the next
    event's table in its prefetch worker, while the reviewer reads; ``IncidentTable``
    replays these segments only if its rows and width are the ones rendered here.
    """

    origins: tuple[OriginStance, ...]
    casualties: tuple[CasualtyFigures, ...]
    sources: Mapping[str, Source]
    width: int
    table: Table
    segments: tuple[Segment, ...]

    def fits(
        self,
        origins: tuple[OriginStance, ...],
        casualties: tuple[CasualtyFigures, ...],
        sources: Mapping[str, Source],
        width: int,
    ) -> bool:
        """True when these rows at this width draw exactly what was rendered."""
        return (
            width == self.width
            and origins == self.origins
            and casualties == self.casualties
            and _named(origins, casualties, sources) == _named(origins, casualties, self.sources)
        )


def _named(
    origins: Sequence[OriginStance],
    casualties: Sequence[CasualtyFigures],
    sources: Mapping[str, Source],
) -> dict[str, Source | None]:
    # the only sources the table reads: the origins named in it (for their aliases)
    names = {row.origin for row in origins} | {row.conservative_origin for row in casualties}
    return {name: sources.get(name) for name in names}


def prepare_table(
    console: Console,
    options: ConsoleOptions,
    origins: Sequence[OriginStance],
    casualties: Sequence[CasualtyFigures],
    sources: Mapping[str, Source],
    width: int,
) -> PreparedTable:
    """Render the table of these rows at ``width`` (safe in a worker thread: no widget)."""
    origins, casualties = tuple(origins), tuple(casualties)
    table = build_table(origins, casualties, sources, width)
    segments = tuple(console.render(table, options.update(highlight=False, width=width)))
    return PreparedTable(origins, casualties, sources, width, table, segments)


class _Replay:
    """A prepared table's segments, or the table itself at any other width."""

    def __init__(self, prepared: PreparedTable) -> None:
        self.prepared = prepared

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width == self.prepared.width:
            yield from self.prepared.segments
        else:
            yield self.prepared.table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.prepared.table)


class IncidentTable(Widget):
    """The comparison table; ``show`` gives it an incident's rows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.origins: tuple[OriginStance, ...] = ()
        self.casualties: tuple[CasualtyFigures, ...] = ()
        self.sources: Mapping[str, Source] = {}
        self.prepared: PreparedTable | None = None  # the next event's, from the prefetch

    def show(
        self,
        origins: Sequence[OriginStance],
        casualties: Sequence[CasualtyFigures],
        sources: Mapping[str, Source],
    ) -> None:
        """New rows; a layout pass only when the number of lines changes."""
        lines = self._lines()
        self.origins, self.casualties, self.sources = tuple(origins), tuple(casualties), sources
        self.display = bool(self.origins)
        self.refresh(layout=self._lines() != lines)

    def _lines(self) -> int:
        return len(self.origins) + 1 + bool(self.casualties) * 2

    def render(self) -> RenderableType:
        width = self.size.width or 120
        prepared = self.prepared
        if prepared is not None and prepared.fits(
            self.origins, self.casualties, self.sources, width
        ):
            return _Replay(prepared)
        return build_table(self.origins, self.casualties, self.sources, width)


def build_table(
    origins: Sequence[OriginStance],
    casualties: Sequence[CasualtyFigures],
    sources: Mapping[str, Source],
    width: int,
) -> Table:
    """The comparison table at ``width`` columns."""
    wide = width >= WIDE
    kinds = [row.kind for row in casualties]
    table = Table(
        box=None,
        padding=(0, 1),
        pad_edge=False,
        expand=True,
        show_edge=False,
        header_style="bold",
    )
    table.add_column("origin", ratio=1, no_wrap=True, overflow="ellipsis")
    for kind in kinds:
        table.add_column(kind, justify="right", no_wrap=True)
    for long, short in STANCE:
        table.add_column(long if wide else short, justify="right", no_wrap=True)
    room = max(8, width - 8 * len(kinds) - (8 if wide else 4) * len(STANCE))
    for row in origins:
        name = Text(
            display_name(row.origin, sources, room),
            style="" if row.known else "italic dim",
        )
        cells: list[Text] = [name]
        for kind in kinds:
            if kind in row.figures:
                cells.append(Text(figure_range(*row.figures[kind]), style="bold"))
            else:
                cells.append(Text("·", style="dim"))
        for count in (row.claims, row.denies, row.blames, row.caveats):
            cells.append(Text(str(count)) if count else Text("·", style="dim"))
        table.add_row(*cells)
    if casualties:
        table.add_section()
        cells = [Text("all origins", style="bold")]
        cells += [
            Text(figure_range(row.minimum, row.maximum), style=STATUS[row.status][1])
            for row in casualties
        ]
        table.add_row(*cells, *(Text("") for _ in STANCE))
        table.caption = _caption(casualties, sources)
        table.caption_justify = "left"
    return table


def _caption(rows: Sequence[CasualtyFigures], sources: Mapping[str, Source]) -> Text:
    """'killed ✗ conflict, conservative 26 (SOHR)' for each kind, on one line."""
    caption = Text()
    for n, row in enumerate(rows):
        if n:
            caption.append(" · ", style="dim")
        label, style = STATUS[row.status]
        caption.append(f"{row.kind} ")
        caption.append(label, style=style)
        caption.append(
            f", conservative {row.conservative:g} "
            f"({display_name(row.conservative_origin, sources, 16)})",
            style="dim",
        )
    caption.no_wrap = True
    caption.overflow = "ellipsis"
    return caption
