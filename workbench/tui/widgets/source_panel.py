"""Each source's reliability, interval, n and grade from verdicts and from figures, with a chart."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable
from textual_plotext import PlotextPlot

from models import SourceScore, VerdictLabel
from workbench.tui.render import plain, safe
from workbench.tui.session import SourceRow
from workbench.tui.widgets.steady_scroll import SteadyScrollbars

# Verdicts that count for or against a source in the chart.
_FOR = (VerdictLabel.ACKNOWLEDGED, VerdictLabel.CORROBORATED)
_AGAINST = (VerdictLabel.DOUBTFUL, VerdictLabel.REFUTED, VerdictLabel.CONTESTED)
NAME_CHARS = 14
# The chart shows only beside the 42-column sidebar (wide terminals); labels are cut for
# that width, not the plot's size at the moment of drawing, which may not be laid out yet.
PLOT_WIDTH = 40


class SourceTable(SteadyScrollbars, DataTable[Text | str]):
    """The sources' table, without a scrollbar repaint after each layout of the screen."""


class SourcePanel(Vertical):
    """A table of sources and a stacked bar chart; updated from ``SourcesScored``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[SourceRow] = []

    def compose(self) -> ComposeResult:
        table = SourceTable(id="source-table", cursor_type="row", zebra_stripes=True)
        # fixed widths: the table redraws as verdicts arrive and must not jump about
        for label, width in (("source", NAME_CHARS), ("G", 1), ("rel", 4), ("95% CI", 9), ("n", 4)):
            table.add_column(label, width=width, key=label)
        yield table
        yield PlotextPlot(id="source-plot")

    def show(self, rows: Sequence[SourceRow]) -> None:
        """Replace the table rows and redraw the chart."""
        self.rows = list(rows)
        table = self.query_one("#source-table", DataTable)
        table.clear()
        for row in self.rows:
            # no resolved claim yet: the prior is not a judgement; unknown stays unknown
            score = row.score if row.score is not None and row.score.n > 0 else None
            name = plain(row.source, single_line=True)
            if len(name) > NAME_CHARS:
                name = name[: NAME_CHARS - 1] + "\u2026"
            figures = row.figure_score if row.figure_score and row.figure_score.n > 0 else None
            # two lines per source: from the reviewers' verdicts, then from the figures it
            # asserted as an origin (truth discovery), each with grade, interval and n
            table.add_row(
                Text.assemble(name, "\n", ("\u2514 figures", "dim")),
                _lines(score.grade if score else "F", figures.grade if figures else "F"),
                _lines(_rel(score), _rel(figures)),
                _lines(_ci(score), _ci(figures)),
                _lines(str(int(score.n) if score else row.n), _n(figures)),
                height=2,
            )
        self._plot()

    def _plot(self) -> None:
        plot = self.query_one("#source-plot", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        top = [r for r in self.rows if r.n][:6]
        if not top:  # before any verdict, show who makes the claims
            busiest = sorted(self.rows, key=lambda r: -r.claims)[:6]
            if busiest:
                room = _label_room(PLOT_WIDTH, len(busiest))
                plt.bar(_labels([r.source for r in busiest], room), [r.claims for r in busiest])
                _integer_ticks(plt, max(r.claims for r in busiest))
            plt.title("claims per source (no verdicts yet)")
            plot.refresh()
            return
        names = _labels([r.source for r in top], _label_room(PLOT_WIDTH, len(top)))
        if all(r.score is not None and r.score.n > 0 for r in top):
            plt.bar(names, [r.score.reliability if r.score else 0.0 for r in top])
            plt.ylim(0, 1)
            plt.yticks([0, 0.25, 0.5, 0.75, 1])
            plt.title("reliability")
        else:
            agree = [sum(r.counts.get(v.value, 0) for v in _FOR) for r in top]
            against = [sum(r.counts.get(v.value, 0) for v in _AGAINST) for r in top]
            # every verdict counts, so a source judged only "single source" still has a bar
            other = [r.n - a - b for r, a, b in zip(top, agree, against, strict=True)]
            plt.stacked_bar(names, [agree, against, other], color=["green", "red", "gray"])  # type: ignore[arg-type]
            _integer_ticks(plt, max(r.n for r in top))
            # the legend is the title: plotext draws its legend over the bars
            plt.title("green: for · red: against · grey: other")
        plot.refresh()


def _lines(verdicts: str, figures: str) -> Text:
    return Text.assemble(verdicts, "\n", (figures, "dim"))


def _rel(score: SourceScore | None) -> str:
    return f"{score.reliability:.2f}" if score else "-"


def _ci(score: SourceScore | None) -> str:
    return f"{score.ci_low:.2f}\u2013{score.ci_high:.2f}" if score else "-"


def _n(score: SourceScore | None) -> str:
    return f"{score.n:.0f}" if score else "0"


def _integer_ticks(plt: Any, top: int) -> None:
    """Counts get whole-number ticks (plotext would print 4.17) and start at zero."""
    step = max(1, math.ceil(top / 4))
    plt.yticks(list(range(0, top + step, step)))
    plt.ylim(0, top)


def _label_room(width: int, bars: int) -> int:
    """Characters per bar label at this plot width (the y axis takes about 6)."""
    return max(4, (max(width, 30) - 6) // max(bars, 1) - 1)


def _labels(names: Sequence[str], room: int) -> list[str]:
    """Source names cut to ``room`` characters, their words kept readable, never duplicated."""
    labels: list[str] = []
    for name in names:
        # plotext output is read back with Text.from_ansi, so labels must hold no escapes
        clean = "".join(ch for ch in safe(name, single_line=True) if ch.isprintable())
        label = clean if len(clean) <= room else clean[: room - 1].rstrip() + "…"
        while label in labels:  # plotext merges bars of the same label
            label += "'"
        labels.append(label)
    return labels
