"""The review workbench App: opens the session and shows the review screen."""

from __future__ import annotations

from textual.app import App

from workbench.tui.keymap import effective_keys, load_overrides
from workbench.tui.screens.review_screen import ReviewScreen
from workbench.tui.session import ReviewSession


class WorkbenchApp(App[None]):
    """Keyboard-first review of attributed claims, side by side."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench review"
    # Narrow terminals (80 columns) drop the chart and slim the sidebar.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - Textual's own

    def __init__(self, session: ReviewSession, keys: dict[str, str] | None = None) -> None:
        super().__init__()
        self.session = session
        self.overrides = load_overrides() if keys is None else keys

    def on_mount(self) -> None:
        if self.overrides:
            self.set_keymap(self.overrides)
        self.push_screen(ReviewScreen(self.session, effective_keys(self.overrides)))
