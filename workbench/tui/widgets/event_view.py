"""One event: its claims side by side, one column per source, with the figure comparison."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalScroll, Vertical, VerticalScroll
from textual.widgets import Static

from models import Claim, TollEstimate
from workbench.events.casualties import casualty_kind
from workbench.figure_reliability import format_estimate
from workbench.tui.render import figure_text, plain, safe
from workbench.tui.session import EventDetail, column_key
from workbench.tui.widgets.claim_card import ClaimCard, update_in_place
from workbench.tui.widgets.incident_table import IncidentTable

CardBody = Callable[[Claim], Text]
# a column to fill: the widget, its heading, its cards and the claims they take
_Column = tuple[VerticalScroll, Text, list[ClaimCard], list[Claim]]


def _grouped(detail: EventDetail) -> dict[str, list[Claim]]:
    # the same grouping as ``session.display_order``: the screen walks what it shows
    grouped: dict[str, list[Claim]] = {}
    for claim in detail.claims:
        grouped.setdefault(column_key(claim), []).append(claim)
    return grouped


class EventView(Vertical):
    """Header (title, figures, outlets / origins) above a row of source columns."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.order: list[str] = []
        self._cards: dict[str, ClaimCard] = {}
        self._focused: str | None = None
        self._detail: EventDetail | None = None
        # event id -> truth discovery's toll estimates (from ``SourcesScored``)
        self.estimates: dict[str, tuple[TollEstimate, ...]] = {}
        # columns out of view, refilled after the frame that shows the next event
        self._later: list[_Column] = []
        self._later_body: CardBody | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…", style="dim"), id="event-header", markup=False)
        yield Static("", id="grade-line", markup=False)  # the reviewer's incident grade
        yield IncidentTable(id="incident-table")
        yield HorizontalScroll(id="columns")

    async def show(self, detail: EventDetail, body: CardBody, focus: str | None) -> None:
        """Show ``detail``'s claims; ``body`` renders one card.

        Columns and cards already on screen are reused and only the difference is
        mounted or removed. When the columns and their card counts match the event
        on screen (the usual next event), ``show_in_place`` does it all without
        awaiting anything.
        """
        if self.show_in_place(detail, body, focus):
            return
        self._later = []  # every column kept is refilled below
        self._update_header(detail)
        columns = self.query_one("#columns", HorizontalScroll)
        grouped = _grouped(detail)
        self._unfocus()
        self._cards, self.order = {}, []
        existing = list(columns.query_children(VerticalScroll))
        new_columns: list[VerticalScroll] = []
        for n, (key, claims) in enumerate(grouped.items()):
            heading_text = plain(key, "bold", single_line=True)
            if n < len(existing):
                column = existing[n]
                cards = list(column.query_children(ClaimCard))
                self._refill(column, heading_text, cards, claims, body)
                extra = [ClaimCard(claim.id, body(claim)) for claim in claims[len(cards) :]]
                if extra:
                    await column.mount_all(extra)
                for card, claim in zip(extra, claims[len(cards) :], strict=True):
                    self._cards[claim.id] = card
                if len(cards) > len(claims):
                    await column.remove_children(cards[len(claims) :])
            else:
                made = [ClaimCard(claim.id, body(claim)) for claim in claims]
                self._cards.update(zip((c.id for c in claims), made, strict=True))
                heading = Static(heading_text, classes="column-title", markup=False)
                new_columns.append(VerticalScroll(heading, *made, classes="source-column"))
            self.order.extend(claim.id for claim in claims)
        if new_columns:
            await columns.mount_all(new_columns)
        if len(existing) > len(grouped):
            await columns.remove_children(existing[len(grouped) :])
        self._finish(columns, focus)

    def show_in_place(self, detail: EventDetail, body: CardBody, focus: str | None) -> bool:
        """Show ``detail`` in the widgets on screen if they have its shape; False if not.

        Same number of columns, same number of cards in each: every heading and
        card is updated in place (nothing mounted or removed), and a layout pass is
        requested only by a widget whose height changes.
        """
        columns = self.query_one("#columns", HorizontalScroll)
        grouped = _grouped(detail)
        existing = list(columns.query_children(VerticalScroll))
        if len(existing) != len(grouped):
            return False
        cards_of = [list(column.query_children(ClaimCard)) for column in existing]
        if any(len(c) != len(g) for c, g in zip(cards_of, grouped.values(), strict=True)):
            return False
        self._update_header(detail)
        self._unfocus()
        self._cards, self.order = {}, []
        in_view = _in_view(columns, existing)
        later: list[_Column] = []
        for n, (column, cards, (key, claims)) in enumerate(
            zip(existing, cards_of, grouped.items(), strict=True)
        ):
            heading = plain(key, "bold", single_line=True)
            if n < in_view:
                self._refill(column, heading, cards, claims, body)
            else:  # the cards take their claims now (keys, focus), their text after the frame
                for card, claim in zip(cards, claims, strict=True):
                    card.claim_id = claim.id
                    self._cards[claim.id] = card
                later.append((column, heading, cards, claims))
            self.order.extend(claim.id for claim in claims)
        self._later, self._later_body = later, body
        if later:
            self.call_after_refresh(self.fill_later)
        self._finish(columns, focus)
        return True

    def fill_later(self) -> None:
        """Refill the columns left out of the next event's first frame (now, if any are left).

        Only the columns in view are refilled in the key's own frame; the others (eight of
        ten on a wide terminal) wait until that frame is painted, or until a card of theirs
        is focused or redrawn, whichever comes first.
        """
        later, body = self._later, self._later_body
        self._later = []
        if body is None:
            return
        for column, heading, cards, claims in later:
            if column.is_attached:  # not removed meanwhile (an empty view)
                self._refill(column, heading, cards, claims, body)

    def _waiting(self, card: ClaimCard) -> bool:
        return any(card in cards for _, _, cards, _ in self._later)

    def _refill(
        self,
        column: VerticalScroll,
        heading: Text,
        cards: list[ClaimCard],
        claims: list[Claim],
        body: CardBody,
    ) -> None:
        """Put ``claims`` into the first of ``cards`` (the rest is the caller's)."""
        # one line, fixed height: no layout pass needed
        column.query_one(".column-title", Static).update(heading, layout=False)
        for card, claim in zip(cards, claims, strict=False):
            card.show_claim(claim.id, body(claim))
            self._cards[claim.id] = card
        if column.scroll_y:
            column.scroll_home(animate=False)

    def show_estimates(self, estimates: dict[str, tuple[TollEstimate, ...]]) -> None:
        """New toll estimates: redraw the header of the event on screen if they changed it."""
        before = self.estimates
        self.estimates = estimates
        detail = self._detail
        if detail is not None and before.get(detail.event.id) != estimates.get(detail.event.id):
            self._update_header(detail)

    def _update_header(self, detail: EventDetail) -> None:
        self._detail = detail
        header = self.query_one("#event-header", Static)
        update_in_place(header, self._header(detail), header.content_size)
        self.query_one(IncidentTable).show(
            detail.comparison, detail.event.casualties, detail.sources
        )

    def _unfocus(self) -> None:
        if self._focused in self._cards:
            self._cards[self._focused].set_focused(False)
        self._focused = None

    def _finish(self, columns: HorizontalScroll, focus: str | None) -> None:
        if columns.scroll_x:
            # now: deferred, the first frame shows the new cards at the last event's
            # scroll (its first columns out of sight) and a second frame repaints them
            columns.scroll_home(animate=False, immediate=True)
        first = self.order[0] if self.order else None
        self.focus_claim(focus if focus in self._cards else first)

    def _header(self, detail: EventDetail) -> Text:
        event = detail.event
        header = plain(event.title or event.id, "bold", single_line=True)
        header.append("\n" + counted(len(detail.claims), "claim") + " · ", style="dim")
        header.append(
            f"{counted(event.outlets, 'outlet')} / {counted(event.origins, 'origin')}",
            style="bold",
        )
        if not event.origins:
            header.append("  (no source of known provenance)", style="bold red")
        estimates = self.estimates.get(event.id, ())
        if estimates:  # truth discovery's tolls beside the origins' figures (table below)
            header.append("\n")
            header.append(
                " · ".join(f"{e.kind} {format_estimate(e)}" for e in estimates), style="bold cyan"
            )
        for figure in event.figures:
            if event.casualties and casualty_kind(figure.unit) is not None:
                continue  # shown reconciled above
            header.append("\n")
            if len(figure.figures) < 2:  # nothing to agree with: say so, not "agree"
                header.append("· one source ", style="dim")
            else:
                header.append(
                    "✓ agree " if figure.agree else "✗ disagree ",
                    style="bold green" if figure.agree else "bold red",
                )
            header.append(safe(figure.unit or "count", single_line=True), style="bold")
            header.append(": ")
            header.append(
                "; ".join(
                    f"{safe(src, single_line=True)} {_range(low, high)}"
                    for src, (low, high) in figure.figures.items()
                )
            )
        if not event.figures:
            figures = [
                f"{safe(column_key(c), single_line=True)} {figure_text(q)}"
                for c in detail.claims
                for q in c.quantities
            ]
            if figures:
                header.append("\nfigures: ", style="dim")
                header.append("; ".join(figures[:6]) + (" …" if len(figures) > 6 else ""))
        return header

    def focus_claim(self, claim_id: str | None) -> None:
        """Light the card of ``claim_id`` and scroll it into view."""
        if self._focused in self._cards:
            self._cards[self._focused].set_focused(False)
        self._focused = claim_id
        card = self._cards.get(claim_id or "")
        if card is not None and self._waiting(card):
            self.fill_later()  # its text before its focus: it is about to be in view
        if card is not None:
            card.set_focused(True)
            card.scroll_visible(animate=False)

    def update_card(self, claim_id: str, body: Text) -> None:
        card = self._cards.get(claim_id)
        if card is not None and self._waiting(card):
            self.fill_later()  # its event's text first, then this redraw, in that order
        if card is not None:
            card.set_body(body)


def _in_view(columns: HorizontalScroll, existing: list[VerticalScroll]) -> int:
    """How many of ``existing`` show with ``columns`` scrolled home (all, before a layout).

    Widths from the last layout: the next event has the shape on screen, hence the widths.
    """
    room = columns.outer_size.width
    x = shown = 0
    for column in existing:
        width = column.outer_size.width
        if not room or not width:
            return len(existing)
        if x >= room:
            break
        x += width
        shown += 1
    return shown


def _range(low: float, high: float) -> str:
    if high == float("inf"):
        return f"≥{low:g}"
    return f"{low:g}" if low == high else f"{low:g}\u2013{high:g}"


def counted(n: int, noun: str) -> str:
    """'1 claim', '2 claims'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
