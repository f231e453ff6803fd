"""One claim as a card: badges, speaker and outlet, text with figures, caveats."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import events
from textual.css.scalar import Unit
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.widgets import Static


def update_in_place(widget: Static, body: Text, size: Size) -> None:
    """``widget.update(body)``, with a layout pass only if the content height changes.

    ``size`` is the widget's content size at the last layout. A layout pass
    re-arranges the whole screen, the largest cost of a verdict key or of the next
    event; a card whose text wraps to as many lines as before only needs a repaint.
    The new height is measured the way Textual's layout measures it (the widget's
    visual at the same width), so skipping the pass never clips or pads a card.
    """
    widget.update(body, layout=False)
    if not size.width:  # never laid out (or hidden): let the layout measure it
        widget.refresh(layout=True)
        return
    height = widget.visual.get_height(cast(RulesMap, widget.styles), size.width)
    limit = widget.styles.max_height
    if limit is not None and limit.unit is Unit.CELLS:  # e.g. the event header's max-height
        height = min(height, int(limit.value) - widget.styles.gutter.height)
    if height != size.height:
        widget.refresh(layout=True)


class ClaimCard(Static):
    """A claim's card. The body is a ``Text`` built by ``workbench.tui.render``,
    so report text is never parsed as markup."""

    def __init__(self, claim_id: str, body: Text) -> None:
        super().__init__(body, classes="claim-card", markup=False)
        self.claim_id = claim_id
        # content size at the last layout, from Resize events: reading ``content_size``
        # of a card scrolled out of view would re-arrange the whole screen
        self._laid_out = Size(0, 0)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # A card neither scrolls nor lays out children: its new virtual size comes from
        # the layout pass that just ran, and Textual's reactive would request a second,
        # identical pass (a whole-screen reflow and repaint) for every card whose height
        # changed, e.g. each time the next event's cards wrap to other heights.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def on_resize(self, event: events.Resize) -> None:
        gutter = self.styles.gutter
        self._laid_out = Size(
            max(0, event.size.width - gutter.width), max(0, event.size.height - gutter.height)
        )

    def set_body(self, body: Text) -> None:
        """New body for the same claim (a verdict, a note, the context toggled)."""
        update_in_place(self, body, self._laid_out)

    def show_claim(self, claim_id: str, body: Text) -> None:
        """Reuse this card for another claim (cheaper than mounting a new one)."""
        self.claim_id = claim_id
        update_in_place(self, body, self._laid_out)

    def set_focused(self, focused: bool) -> None:
        if self.has_class("-focused") != focused:  # each restyle costs milliseconds
            self.set_class(focused, "-focused")
            # a word as well as a colour: the focus must be plain after a move or in monochrome
            self.border_title = "▶ in focus" if focused else None
