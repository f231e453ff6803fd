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

    def set_body(self, body: Text) -> None:
        self.update(body)

    def show_claim(self, claim_id: str, body: Text) -> None:
        """Reuse this card for another claim (cheaper than mounting a new one)."""
        self.claim_id = claim_id
        self.update(body)

    def set_focused(self, focused: bool) -> None:
        if self.has_class("-focused") != focused:  # each restyle costs milliseconds
            self.set_class(focused, "-focused")
