"""Read report files into ``Report`` models, refusing bad input with file and line.

Supported: ``.txt`` and ``.md`` (one report, optional YAML front matter between
``---`` lines) and ``.jsonl`` (one JSON report object a line). Report text is
untrusted: it is decoded strictly, binary data is refused, and its size is bounded.

Exports of other tools carry their own ``id`` and fields of their own: the id is kept
as the report's ``external_id``, other fields as its ``extra`` metadata with one
warning per file, and ``strict=True`` (``--strict``) refuses them instead.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import stat
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from models import Report
from workbench.errors import InputError, os_fault
from workbench.store.values import FUTURE_SLACK

TEXT_SUFFIXES = frozenset({".txt", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
METADATA_KEYS = ("outlet", "title", "url", "published", "dateline")
KNOWN_KEYS = ("id", "text", *METADATA_KEYS)
Warn = Callable[[str], None]
"""Receives one-line warnings (a kept unknown field); the command line prints them."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""The default size limit of one report file; ``workbench ingest --max-size`` raises it."""

# "BEIRUT (Reuters) -", "Beirut:" or "KHARTOUM, March 3 (AFP) -" at the start of the text.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'.\- ]{1,40}?)"  # BEIRUT / Beirut
    r"(?:,[^:\n(]{1,30})?\s*"  # , March 3
    r"(?:\((?P<agency>[^)\n]{1,40})\)\s*[-\u2013\u2014]|:)\s"  # (Reuters) - | :
)


def read_report_file(
    path: Path,
    max_bytes: int = MAX_FILE_BYTES,
    *,
    strict: bool = False,
    warn: Warn | None = None,
) -> list[Report]:
    """All reports in one file. Raises ``InputError`` naming the file (and line).

    Only regular files are read (a FIFO would block forever, a device such as
    /dev/zero never ends), and none larger than ``max_bytes``. Unknown fields are kept
    as metadata with one warning for the file, or refused when ``strict``.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix or '(none)'!r}; expected .txt, .md or .jsonl",
            path=path,
        )
    text = _decode(path, max_bytes)
    unknown = _UnknownFields(path, strict)
    if suffix in JSONL_SUFFIXES:
        reports = _read_jsonl(text, path, unknown)
    else:
        reports = [_read_text_report(text, path, unknown)]
    if warn is not None and unknown.first_line is not None:
        warn(unknown.warning())
    return reports


class _UnknownFields:
    """Fields a file gives beyond ``KNOWN_KEYS``: refused when strict, else collected
    for one warning (a file of 10,000 lines with an ``author`` each warns once)."""

    def __init__(self, path: Path, strict: bool) -> None:
        self.path = path
        self.strict = strict
        self.names: dict[str, None] = {}
        self.first_line: int | None = None

    def split(self, data: dict[Any, Any], line: int) -> dict[str, Any]:
        """Remove and return the unknown fields of ``data`` (JSON-safe values)."""
        extra: dict[str, Any] = {}
        for key in [k for k in data if k not in KNOWN_KEYS]:
            name = str(key)
            if self.strict:
                raise InputError(
                    f"unknown field {name!r}{_did_you_mean(name)}; expected one of "
                    f"{', '.join(KNOWN_KEYS)} (without --strict it is kept as metadata)",
                    path=self.path,
                    line=line,
                )
            extra[name] = _json_safe(data.pop(key))
            self.names.setdefault(name)
            if self.first_line is None:
                self.first_line = line
        return extra

    def warning(self) -> str:
        names = ", ".join(repr(name) for name in self.names)
        hints = "".join(_did_you_mean(name) for name in self.names)
        return (
            f"{self.path}:{self.first_line}: kept unknown field(s) {names} as report "
            f"metadata{hints} (--strict refuses them)"
        )


def _json_safe(value: Any) -> Any:
    """``value`` as the database's JSON column takes it: YAML dates and the like become
    text, and so does a value holding NaN or Infinity (valid Python, not valid JSON)."""
    try:
        return json.loads(json.dumps(value, default=str, allow_nan=False))
    except ValueError:
        return str(value)


def _did_you_mean(name: str) -> str:
    close = difflib.get_close_matches(name, KNOWN_KEYS, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def read_regular_file(path: Path, max_bytes: int, flag: str = "--max-size") -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``.

    Opened without blocking and checked on the open descriptor, so a FIFO, a device
    or a symbolic link to one is refused before a byte is read; the read itself stops
    at the limit even if the file grows meanwhile.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as error:
        raise os_fault(error, path, "cannot read") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory", path=path)
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "a FIFO (named pipe)"
                if stat.S_ISFIFO(info.st_mode)
                else "a device"
                if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                else "a socket"
                if stat.S_ISSOCK(info.st_mode)
                else "not a regular file"
            )
            raise InputError(f"is {kind}, not a regular file; give a report file", path=path)
        if info.st_size > max_bytes:
            raise InputError(
                f"file is {_size(info.st_size)}, over the {_size(max_bytes)} limit"
                + (f" (pass {flag} to raise it)" if flag else ""),
                path=path,
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise os_fault(error, path, "cannot read") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise InputError(
            f"file grew over the {_size(max_bytes)} limit while being read"
            + (f" (pass {flag} to raise it)" if flag else ""),
            path=path,
        )
    return data


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MiB" if count >= 2**20 else f"{count} bytes"


def _decode(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    data = read_regular_file(path, max_bytes)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary data (NUL byte), not a text report", path=path, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
            path=path,
            line=line,
        ) from None
    if not text.strip():
        raise InputError("empty file", path=path)
    return text


def _read_text_report(text: str, path: Path, unknown: _UnknownFields) -> Report:
    metadata: dict[str, Any] = {}
    body = text
    body_line = 1
    date_line = 1
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if closing is None:
            raise InputError("front matter opened with '---' is never closed", path=path, line=1)
        block = "".join(lines[1:closing])
        metadata = _parse_front_matter(block, path)
        if "text" in metadata:  # the text is what follows the front matter
            raise InputError(
                "'text' is not a front-matter field; the report text follows the closing '---'",
                path=path,
                line=_key_line(block, "text"),
            )
        date_line = _key_line(block, "published")
        first_unknown = next((str(k) for k in metadata if k not in KNOWN_KEYS), "published")
        metadata["extra"] = unknown.split(metadata, _key_line(block, first_unknown))
        body = "".join(lines[closing + 1 :])
        body_line = closing + 2
    if not body.strip():
        raise InputError("no report text after the front matter", path=path, line=body_line)
    return _build_report(metadata, body, path, line=date_line)


def _key_line(block: str, key: str) -> int:
    """File line of ``key:`` inside a front-matter block (which starts on line 2)."""
    found = re.search(rf"^{re.escape(key)}\s*:", block, re.MULTILINE)
    return block[: found.start()].count("\n") + 2 if found else 2


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader with aliases refused: ``*ref`` can repeat a node so that
    600 bytes expand to a billion characters ("billion laughs"). Front matter is a few
    plain ``key: value`` lines and never needs one."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


def _parse_front_matter(block: str, path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(block, Loader=_NoAliasLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 0-based, +1 for '---'
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(f"malformed front matter: {problem}", path=path, line=line) from None
    except ValueError as error:
        # YAML's own date and number types: 2024-02-30, month 13, a 5000-digit integer.
        where = _value_line(block, error)
        raise InputError(
            f"malformed front matter: {_value_problem(error)}", path=path, line=where
        ) from None
    except RecursionError:
        raise InputError("front matter nested too deeply", path=path, line=2) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("front matter must be 'key: value' lines", path=path, line=2)
    return data


def _value_problem(error: ValueError) -> str:
    text = str(error)
    if "integer string conversion" in text:
        return f"a number with more than {sys.get_int_max_str_digits()} digits"
    return text


def _value_line(block: str, error: ValueError) -> int:
    """The file line of the front-matter value that failed: a date names ``published``."""
    text = str(error)
    if "digit" in text:
        found = re.search(r"\d{100,}", block)
        return block[: found.start()].count("\n") + 2 if found else 2
    return _key_line(block, "published")


def _read_jsonl(text: str, path: Path, unknown: _UnknownFields) -> list[Report]:
    reports = []
    # Only "\n" ends a line: JSON strings may hold U+2028, U+2029 or U+0085 raw, which
    # str.splitlines() would also split on.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"malformed JSON: {error.msg}", path=path, line=number) from None
        except RecursionError:
            raise InputError("JSON nested too deeply", path=path, line=number) from None
        except ValueError as error:  # an integer over Python's 4300-digit limit
            raise InputError(
                f"malformed JSON: {_value_problem(error)}", path=path, line=number
            ) from None
        if not isinstance(data, dict):
            raise InputError("each line must be a JSON object", path=path, line=number)
        data["extra"] = unknown.split(data, number)
        body = data.pop("text", None)
        if not isinstance(body, str) or not body.strip():
            raise InputError("missing or empty 'text'", path=path, line=number)
        reports.append(_build_report(data, body, path, line=number))
    if not reports:
        raise InputError("no reports in file", path=path)
    return reports


def _build_report(metadata: dict[str, Any], body: str, path: Path, line: int) -> Report:
    fields: dict[str, Any] = {
        key: ("" if metadata.get(key) is None else metadata[key])
        for key in METADATA_KEYS
        if key != "published"
    }
    for key, value in fields.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float | date):
            kind = "true/false" if isinstance(value, bool) else type(value).__name__
            raise InputError(f"{key} must be text, not {kind}", path=path, line=line)
        fields[key] = str(value)
    for key, value in (*fields.items(), ("text", body)):
        if "\x00" in value:  # PostgreSQL cannot store NUL; SQLite must not differ
            raise InputError(f"{key} holds a NUL character", path=path, line=line)
        try:  # "\ud800" in JSON or YAML escapes makes half a character: nowhere to store it
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            code = ord(value[error.start])
            raise InputError(
                f"{key} holds an unpaired surrogate (\\u{code:04x})", path=path, line=line
            ) from None
    fields["published"] = _parse_date(metadata.get("published"), path, line)
    own_id = metadata.get("id")
    fields["external_id"] = "" if own_id is None else str(own_id).strip()
    fields["extra"] = metadata.get("extra") or {}
    if not fields["dateline"]:
        match = _DATELINE.match(body.lstrip())
        fields["dateline"] = match.group("place").strip() if match else ""
    try:
        return Report(text=body, origin_path=str(path), **fields)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "report"
        raise InputError(f"invalid {field}: {first['msg']}", path=path, line=line) from None


EARLIEST_PUBLISHED = date(1900, 1, 1)
"""Archives hold reports from long before the workbench; before 1900 is a typo."""


def _parse_date(value: Any, path: Path, line: int) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        text = str(value).strip()
        try:  # the whole value: a date, or a date and time; trailing words are refused
            value = date.fromisoformat(text) if len(text) <= 10 else datetime.fromisoformat(text)
        except ValueError:
            raise InputError(
                f"published date {value!r} is not YYYY-MM-DD", path=path, line=line
            ) from None
        if isinstance(value, datetime):
            value = value.date()
    latest = (datetime.now(UTC) + FUTURE_SLACK).date()
    if not EARLIEST_PUBLISHED <= value <= latest:
        raise InputError(
            f"published date {value.isoformat()} is outside {EARLIEST_PUBLISHED} .. {latest}",
            path=path,
            line=line,
        )
    return value
