"""A progress bar on stderr for long work, silent when there is little to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeRemainingColumn

from workbench.ingest.pipeline import Progress as ProgressCallback

# Below this many items a bar would only flicker.
SHOW_FROM = 20


@contextmanager
def progress_bar() -> Iterator[ProgressCallback]:
    """Yield a (stage, done, total) callback that draws one bar per stage on stderr."""
    console = Console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if total < SHOW_FROM:
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        yield update
