"""Errors that carry what a user needs to fix the input: the file and the line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input from the user. Rendered as one line: ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        # Keep it to one line whatever the message held.
        message = " ".join(self.message.split())
        return f"{where}: {message}" if where else message
