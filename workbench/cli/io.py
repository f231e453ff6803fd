"""Reading the command line's inputs and writing its outputs, with one-line faults.

``-`` is stdin or stdout; text is UTF-8, decoded strictly (binary data on stdin is
refused by name, whatever the locale says); files are written whole or not at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.errors import InputError
from workbench.text_safety import visible

STDIN_NAME = "<stdin>"


def decode_text(data: bytes, name: str | Path) -> str:
    """``data`` as UTF-8 text (a byte-order mark dropped); binary data is an ``InputError``."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary data (NUL byte), not text", path=name, line=line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})",
            path=name,
            line=line,
        ) from None


def read_stdin_text() -> str:
    """All of stdin as strictly decoded UTF-8 (read as bytes where stdin has them)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return decode_text(buffer.read(), STDIN_NAME)
    # A text-only stream (tests, embedding): undo any surrogates, then decode strictly.
    return decode_text(sys.stdin.read().encode("utf-8", "surrogateescape"), STDIN_NAME)


def read_text_file(path: Path, max_bytes: int) -> str:
    """A regular file's text (FIFOs, devices and directories refused; at most ``max_bytes``)."""
    from workbench.ingest.readers import read_regular_file

    return decode_text(read_regular_file(path, max_bytes, flag=""), path)


def for_stdout(text: str) -> str:
    """``text`` as it may reach stdout: escape codes made visible when it is a terminal."""
    isatty = getattr(sys.stdout, "isatty", None)
    return visible(text, multiline=True) if isatty is not None and isatty() else text


def write_text_output(text: str, output: str | Path | None) -> None:
    """``text`` to stdout (``None`` or ``-``), else to the file, whole or not at all."""
    if output is None or str(output) == "-":
        # A terminal gets inert text; a pipe or file gets the data byte for byte.
        sys.stdout.write(for_stdout(text))
        sys.stdout.flush()
        return
    from workbench.export import write_output

    write_output(Path(output), text.encode("utf-8"))
