"""One claim as a card: badges, speaker and outlet, text with figures, caveats."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class ClaimCard(Static):
    """A claim's card. The body is a ``Text`` built by ``workbench.tui.render``,
    so report text is never parsed as markup."""

    def __init__(self, claim_id: str, body: Text) -> None:
        super().__init__(body, classes="claim-card", markup=False)
        self.claim_id = claim_id
        self._lines = body.plain.split("\n")

    def set_body(self, body: Text) -> None:
        """New body; skip the layout pass when only the short badge line changed.

        A layout pass re-arranges the whole screen, the largest cost of a verdict key.
        """
        lines = body.plain.split("\n")
        same_shape = (
            len(lines) == len(self._lines)
            and lines[1:] == self._lines[1:]
            and len(lines[0]) < self.content_size.width
        )
        self._lines = lines
        self.update(body, layout=not same_shape)

    def show_claim(self, claim_id: str, body: Text) -> None:
        """Reuse this card for another claim (cheaper than mounting a new one)."""
        self.claim_id = claim_id
        self._lines = body.plain.split("\n")
        self.update(body)

    def set_focused(self, focused: bool) -> None:
        if self.has_class("-focused") != focused:  # each restyle costs milliseconds
            self.set_class(focused, "-focused")
