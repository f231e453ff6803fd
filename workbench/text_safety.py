"""Make untrusted text safe to show on a terminal: the one sanitiser for every display.

Stored text keeps exactly what was given; what reaches a terminal (the review UI,
tables, progress and error lines) goes through ``visible``. Characters that act on
a terminal or hide what text says become visible symbols instead of acting:

- C0 controls and DEL (ESC starts every escape sequence, CR overwrites a line):
  shown as the Control Pictures block (``␛``, ``␍``, ``␡``);
- C1 controls (U+0080-U+009F; U+009B is a one-byte CSI on some terminals):
  shown as ``\\x9b``;
- bidirectional overrides and isolates (a right-to-left override makes ``exe.txt``
  read ``txt.exe``), zero-width characters, line and paragraph separators and the
  byte-order mark: shown as ``\\u202e``.

An escape sequence is thereby inert: ``ESC]0;title BEL`` prints as ``␛]0;title␇``.
"""

from __future__ import annotations

import re

_C0 = "\x00-\x08\x0b-\x1f\x7f"  # tab and newline are decided by the caller
_C1 = "\x80-\x9f"
# Bidi marks, embeddings, overrides, isolates; zero-width space/joiners; word joiner and
# invisible operators; line/paragraph separators; BOM; interlinear annotation marks.
_INVISIBLE = (
    "\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
)
_UNSAFE = re.compile(f"[{_C0}{_C1}{_INVISIBLE}]")
_UNSAFE_OR_TAB_NEWLINE = re.compile(f"[\t\n{_C0}{_C1}{_INVISIBLE}]")


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: object, *, multiline: bool = False) -> str:
    """``text`` with every control, escape, bidi and zero-width character made visible.

    With ``multiline`` newlines and tabs stay (tables, report bodies); without it they
    become symbols too, so the result is always one line.
    """
    pattern = _UNSAFE if multiline else _UNSAFE_OR_TAB_NEWLINE
    return pattern.sub(_symbol, str(text))


def visible_line(text: object) -> str:
    """One line for a message: runs of spaces, tabs and newlines made one space, and
    everything else that could act on a terminal made visible."""
    return visible(" ".join(str(text).split()))


def is_clean(text: str) -> bool:
    """True when ``visible`` would leave ``text`` (one line) unchanged."""
    return _UNSAFE_OR_TAB_NEWLINE.search(text) is None
