"""Errors that carry what a user needs to fix the input or the setup.

Two kinds, both rendered as one line on stderr by the command line (exit code 2):

- ``InputError``: bad input, named by file and line (``path:line: message``);
- ``FaultError``: the environment refused (a read-only database, a full disk, an
  unreachable server, a role without rights), named by path or URL with what to do
  (``database is read-only: /x.db (check its permissions or pass --db)``).

``os_fault`` turns any ``OSError`` into a ``FaultError``; ``workbench.store.faults`` does
the same for database errors. Anything else reaching the top is a true internal
error (exit code 1).
"""

from __future__ import annotations

import errno
from pathlib import Path

from workbench.exit_codes import ExitCode


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines included) made one space."""
    return " ".join(str(text).split())


class InputError(Exception):
    """Bad input from the user. Rendered as one line: ``path:line: message``."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

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
        message = one_line(self.message)
        return f"{where}: {message}" if where else message


class FaultError(InputError):
    """The environment refused: rendered ``what: where (what to do)`` on one line.

    ``where`` is the file path or the database URL (password hidden); ``hint``
    tells the user what to change. Exit code 2: a fault of configuration or
    environment, never of the program.
    """

    def __init__(self, message: str, where: str | Path | None = None, hint: str = ""):
        super().__init__(message, path=where)
        self.hint = hint

    def __str__(self) -> str:
        text = one_line(self.message)
        if self.path:
            text = f"{text}: {one_line(self.path)}"
        if self.hint:
            text = f"{text} ({one_line(self.hint)})"
        return text


# errno -> (what happened, what to do); ``{verb}`` is "read" or "write".
_OS_FAULTS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("permission denied", "check its permissions and its folder's"),
    errno.EPERM: ("operation not permitted", "check its permissions and its folder's"),
    errno.EROFS: ("read-only file system", "choose a path on a writable disk"),
    errno.ENOSPC: ("no space left on the device", "free some space and try again"),
    errno.EDQUOT: ("disk quota exceeded", "free some space and try again"),
    errno.EFBIG: (
        "file too large (the file-size limit was reached)",
        "raise the limit (ulimit -f) or write elsewhere",
    ),
    errno.ENOENT: ("no such file or directory", "check the path"),
    errno.ENOTDIR: (
        "a part of this path is a file, not a folder",
        "check the path",
    ),
    errno.EISDIR: ("is a directory", "give a file"),
    errno.EEXIST: ("already exists and is not a folder", "check the path"),
    errno.ELOOP: ("too many levels of symbolic links", "check the path"),
    errno.ENAMETOOLONG: ("file name too long", "choose a shorter path"),
    errno.EIO: ("input/output error", "check the disk"),
    errno.EMFILE: ("too many open files", "raise the limit (ulimit -n)"),
    errno.ENXIO: ("no such device or address", "give a regular file"),
}


def os_fault(error: OSError, path: str | Path | None = None, doing: str = "") -> FaultError:
    """A one-line ``FaultError`` for an ``OSError``, naming the file it concerns.

    Args:
        error: what the operating system said.
        path: the file meant, when the error does not carry it.
        doing: a short phrase for the operation ("cannot write the output").
    """
    where = path if path is not None else (error.filename or None)
    what, hint = _OS_FAULTS.get(error.errno or -1, (error.strerror or str(error), ""))
    if doing:
        what = f"{doing}: {what}"
    return FaultError(what, where, hint)
