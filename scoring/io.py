"""Reading assertion and truth CSVs with one-line, line-numbered errors; writing results.

Shared by ``python -m scoring`` and ``workbench score``: the workbench turns
:class:`InputFileError` into its own ``InputError`` (same path and line).
"""

from __future__ import annotations

import io
import json
import math
import re
import sys
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from scoring import columnar
from scoring.columnar import (
    ColumnarError,
    check_parquet,
    is_parquet,
    read_csv_in_blocks,
    read_parquet,
)
from scoring.utils import FrameError, validate_frame

FORMATS = ("csv", "json", "jsonl")
_LINE = re.compile(r"line (\d+)")


class InputFileError(ValueError):
    """A bad input file: rendered ``path:line: message`` on one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


_CSV_OPTIONS: dict[str, Any] = {
    "keep_default_na": False,  # "NA", "null", "None", "nan" are values, not missing
    "na_values": [""],
    "skipinitialspace": True,
    "engine": "c",
}


def parse_text_csv(data: bytes) -> pd.DataFrame:
    """Every column exactly as written, as text (only empty fields are missing).

    Fast path: columns that parse as integers stay integers when they cannot have
    been respelled (no leading zero, plus sign, "-0", space or quote: an all-integer
    file whose byte count equals that of its integers printed back proves it; any
    other file is scanned), since integers print back identically. Any other
    non-text column (floats such as "1.0", booleans such as "true") is read again
    as text.
    """
    frame: pd.DataFrame = pd.read_csv(io.BytesIO(data), **_CSV_OPTIONS)
    ints = [c for c in frame.columns if frame[c].dtype.kind in "iu"]
    if ints and not _printed_back(frame, data) and _may_be_respelled(data):
        text_frame: pd.DataFrame = pd.read_csv(io.BytesIO(data), dtype=str, **_CSV_OPTIONS)
        return text_frame
    redo = [c for c in frame.columns if frame[c].dtype.kind not in "iuO"]
    if redo:
        text = pd.read_csv(io.BytesIO(data), dtype=str, usecols=redo, **_CSV_OPTIONS)
        for col in redo:
            frame[col] = text[col]
    return frame


_POWERS = 10 ** np.arange(1, 19, dtype=np.uint64)


def _printed_back(frame: pd.DataFrame, data: bytes) -> bool:
    """True when every column is integer and the file is exactly those integers
    printed back (header, commas, newlines): then no field was respelled."""
    if not all(frame[c].dtype.kind in "iu" for c in frame.columns):
        return False
    rows, cols = frame.shape
    total = data.find(b"\n") + 1  # the header line
    for col in frame.columns:
        x = frame[col].to_numpy()
        magnitude = np.abs(x.astype(np.int64)).astype(np.uint64)
        total += int(np.searchsorted(_POWERS, magnitude, side="right").sum()) + rows
        total += int(np.count_nonzero(x < 0))
    total += rows * (cols - 1) + rows + data.count(b"\r")  # commas and line ends
    return total in (len(data), len(data) + 1)  # with or without a final newline


def _may_be_respelled(data: bytes) -> bool:
    """Whether some field could read back differently as a number: it starts with a
    leading zero ("007"), "-0", a space or a tab, or the file holds a plus sign or a
    quote anywhere (conservative; a few vectorised passes over the bytes)."""
    buf = np.frombuffer(data, dtype=np.uint8)
    if len(buf) < 2:
        return False
    if ((buf == ord("+")) | (buf == ord('"'))).any():
        return True
    sep = (buf == ord(",")) | (buf == ord("\n"))
    after = np.flatnonzero(sep[:-1]) + 1  # first byte of every field but the first
    first = buf[after]
    if ((first == ord(" ")) | (first == ord("\t"))).any():
        return True
    zero = after[(first == ord("0")) | (first == ord("-"))]
    zero = zero[zero + 1 < len(buf)]
    nxt = buf[zero + 1]
    minus = buf[zero] == ord("-")
    leading = ~minus & (nxt >= ord("0")) & (nxt <= ord("9"))
    return bool(leading.any() or (minus & (nxt == ord("0"))).any())


def _parse_block(data: bytes, name: str, first_line: int = 2) -> pd.DataFrame:
    """parse_text_csv with errors named by file line (``first_line``: the file line of
    the block's first data line; the block starts with the header)."""
    try:
        return parse_text_csv(data)
    except pd.errors.EmptyDataError:
        raise InputFileError("empty file: expected a header line", name, 1) from None
    except pd.errors.ParserError as error:
        match = _LINE.search(str(error))
        line = int(match.group(1)) + first_line - 2 if match else None
        detail = str(error).splitlines()[-1]
        if line is not None:  # the block's line number -> the file's
            detail = _LINE.sub(f"line {line}", detail, count=1)
        raise InputFileError(f"malformed CSV: {detail}", name, line) from None
    except UnicodeDecodeError:
        raise InputFileError("not UTF-8 text", name) from None


def read_csv(
    path: str,
    required: tuple[str, ...],
    stdin: IO[str] | None = None,
    numeric: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Read assertions or truths (``-`` = stdin) with every value as written; check columns.

    Parquet (a ``.parquet``/``.pq`` file or a dataset folder) keeps its column
    types; a CSV over ``columnar.CHUNK_BYTES`` is parsed in blocks with progress
    on stderr. Parse errors name the line (CSV) or the row (Parquet).
    """
    name = _display(path)
    if is_parquet(path):
        try:
            frame = read_parquet(path, required, numeric)
        except ColumnarError as error:
            raise InputFileError(error.message, name) from None
        return frame
    try:
        if path == "-":
            frame = _parse_block((stdin or sys.stdin).read().encode("utf-8"), name)
        else:
            source = Path(path)
            if not source.is_file():
                raise InputFileError("no such file", name)
            if source.stat().st_size > columnar.CHUNK_BYTES:
                frame = read_csv_in_blocks(
                    path, lambda data, line: _parse_block(data, name, line), columnar.CHUNK_BYTES
                )
            else:
                frame = _parse_block(source.read_bytes(), name)
    except UnicodeDecodeError:
        raise InputFileError("not UTF-8 text", name) from None
    except OSError as error:
        raise InputFileError(error.strerror or str(error), name) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputFileError(
            f"missing column(s) {', '.join(missing)}; the header must name {', '.join(required)}",
            name,
            1,
        )
    return frame


def _at_row(path: str, row: int | None, message: str) -> InputFileError:
    """The error for data row ``row`` (0-based): a line of a CSV, a row of a Parquet file."""
    if row is None:
        return InputFileError(message, _display(path))
    if is_parquet(path):
        return InputFileError(f"row {row + 1}: {message}", _display(path))
    return InputFileError(message, _display(path), row + 2)  # the header is line 1


def check_assertions_parquet(path: str) -> None:
    """A Parquet assertions dataset's columns and types, from its metadata (the Dask
    engine's workers read the data)."""
    try:
        check_parquet(path, ("source", "object", "value"), numeric=("weight",))
    except ColumnarError as error:
        raise InputFileError(error.message, path) from None


def read_assertions(path: str, stdin: IO[str] | None = None) -> pd.DataFrame:
    """Assertions (CSV or Parquet) -> validated frame (source, object, value, weight[, ...])."""
    frame = read_csv(path, ("source", "object", "value"), stdin, numeric=("weight",))
    try:
        # the parsed frame is ours alone: share its columns instead of copying them
        return validate_frame(frame, copy=False)
    except FrameError as error:
        raise _at_row(path, error.row, error.message) from None


def read_truths(path: str, stdin: IO[str] | None = None) -> pd.Series:
    """Gold file with columns object,value (``truth`` is accepted for value) -> Series."""
    frame = read_csv(path, ("object",), stdin)
    col = "value" if "value" in frame.columns else "truth" if "truth" in frame.columns else None
    if col is None:
        line = None if is_parquet(path) else 1
        raise InputFileError("missing column value (or truth)", _display(path), line)
    bad = frame["object"].isna().to_numpy() | frame[col].isna().to_numpy()
    if bad.any():
        raise _at_row(path, int(np.flatnonzero(bad)[0]), "empty object or value")
    return pd.Series(frame[col].to_numpy(), index=frame["object"].to_numpy(), name="value")


def _clean(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def render(frame: pd.DataFrame, fmt: str) -> str:
    """The exact text written to stdout or ``-o``: CSV, one JSON array, or JSON lines."""
    if fmt == "csv":
        return frame.to_csv(index=False, float_format="%.6g", lineterminator="\n")
    records = [
        {k: _clean(v) for k, v in zip(frame.columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def reliability_table(rel: pd.DataFrame, method: str) -> pd.DataFrame:
    """Sources, best first: source,reliability,ci_low,ci_high,n,grade,trust,method,assessment.

    Every source is listed; one without enough evidence for a letter is grade F,
    assessment "not enough evidence".
    """
    out = rel.reset_index()
    out.insert(len(out.columns), "method", method)
    if "assessment" in out:
        out = out[[c for c in out.columns if c != "assessment"] + ["assessment"]]
    out = out.sort_values(["reliability", "n"], ascending=[False, False], kind="stable")
    return out.round({"reliability": 6, "ci_low": 6, "ci_high": 6, "n": 6, "trust": 6})


def truths_table(truths: pd.DataFrame) -> pd.DataFrame:
    return truths.reset_index().round({"confidence": 6, "support": 6})
