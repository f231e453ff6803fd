"""The review workbench App: opens the session and shows the review screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from workbench import gc_pause
from workbench.tui.keymap import KEY_SPECS, effective_keys, key_display, load_overrides
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

    def on_load(self) -> None:
        gc_pause.pause()  # until the review screen's queue is in (``gc_pause``)

    def on_unmount(self) -> None:
        gc_pause.release()

    def on_mount(self) -> None:
        if self.overrides:
            self.set_keymap(self.overrides)
        self.push_screen(ReviewScreen(self.session, effective_keys(self.overrides)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then every review key the footer has no room for."""
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReviewScreen):
            return
        keys = effective_keys(self.overrides)
        for spec in KEY_SPECS:
            if spec.show:
                continue  # already in the footer

            def run(action: str = spec.action) -> None:
                self.call_later(screen.run_action, action)

            title = f"{spec.description} ({key_display(keys[spec.id])})"
            yield SystemCommand(title, spec.tooltip, run)
