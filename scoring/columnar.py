"""Parquet in and out, and CSV read in chunks: the input formats chosen by file name.

A path ending in ``.parquet`` or ``.pq``, or a folder (a Parquet dataset: one
file per partition, as Spark, Dask and pyarrow write them), is read with pyarrow;
anything else is CSV. Parquet keeps its column types (integer codes stay
integers, no Python object per row), which is what lets 1e8 assertions fit in
memory; its errors read like the CSV path's: ``path: row N: message``.

CSV files larger than :data:`CHUNK_BYTES` are parsed block by block (cut at line
ends outside quotes), each block with the same "values exactly as written" rules
as a whole file, with a progress display on stderr.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd
import pyarrow as pa

PARQUET_SUFFIXES = (".parquet", ".pq")
CHUNK_BYTES = 64 << 20  # CSV files above this are read in blocks of this size


class ColumnarError(ValueError):
    """A bad Parquet input; ``row`` is the 1-based data row at fault, if any."""

    def __init__(self, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row = row


def is_url(path: str) -> bool:
    """``s3://bucket/assertions/`` and the like: a dataset for pyarrow and fsspec to open."""
    return "://" in path


def is_parquet_name(path: str) -> bool:
    """An output written as Parquet: its name ends in ``.parquet`` or ``.pq``."""
    return path.lower().endswith(PARQUET_SUFFIXES)


def is_parquet(path: str) -> bool:
    """Parquet by name: a ``.parquet``/``.pq`` file, a folder (a dataset) or a URL."""
    if path == "-":
        return False
    return path.lower().endswith(PARQUET_SUFFIXES) or is_url(path) or Path(path).is_dir()


def _plain_type(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_boolean(kind)
    )


def read_parquet(
    path: str, required: tuple[str, ...], numeric: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Read a Parquet file or dataset folder, checking columns and their types.

    Column names are matched case-insensitively, as in a CSV header. Text, integer,
    float and boolean columns are accepted (``numeric`` ones must be numbers);
    dictionary-encoded text is decoded. Raises :class:`ColumnarError`.
    """
    import pyarrow.parquet as pq  # only when Parquet is read: CSV runs start faster

    if not is_url(path) and not Path(path).exists():
        raise ColumnarError("no such file")
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ColumnarError(
            f"not a readable Parquet file or dataset: {_first_line(error)}"
        ) from None
    table = table.rename_columns([str(c).strip().lower() for c in table.column_names])
    check_schema(table.schema, required, numeric)
    for i, name in enumerate(table.column_names):
        kind = table.schema.field(name).type
        if pa.types.is_dictionary(kind):
            table = table.set_column(i, name, table.column(name).cast(kind.value_type))
    # strings become Python str (values exactly as stored), numbers stay numpy arrays
    frame: pd.DataFrame = table.to_pandas(split_blocks=True, self_destruct=True)
    return frame


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def check_schema(
    schema: pa.Schema, required: tuple[str, ...], numeric: tuple[str, ...] = ()
) -> None:
    """Required columns present (names lower-cased), of plain types; ``numeric`` ones numbers."""
    names = [str(c).strip().lower() for c in schema.names]
    missing = [c for c in required if c not in names]
    if missing:
        raise ColumnarError(
            f"missing column(s) {', '.join(missing)}; "
            f"the columns must include {', '.join(required)}"
        )
    for name, fld in zip(names, schema, strict=True):
        kind = fld.type.value_type if pa.types.is_dictionary(fld.type) else fld.type
        if name in numeric and not (pa.types.is_integer(kind) or pa.types.is_floating(kind)):
            raise ColumnarError(f"column {name} has type {kind}; it must be numbers")
        if (name in required or name in numeric) and not _plain_type(kind):
            raise ColumnarError(
                f"column {name} has type {kind}; expected text, integers, numbers or booleans"
            )


def check_parquet(path: str, required: tuple[str, ...], numeric: tuple[str, ...] = ()) -> None:
    """Check a Parquet file or dataset's columns from its metadata alone (no data read)."""
    import pyarrow.dataset as ds

    if not is_url(path) and not Path(path).exists():
        raise ColumnarError("no such file")
    try:
        schema = ds.dataset(path, format="parquet").schema
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ColumnarError(
            f"not a readable Parquet file or dataset: {_first_line(error)}"
        ) from None
    check_schema(schema, required, numeric)


def write_frame_atomic(frame: pd.DataFrame, path: str) -> None:
    """Write ``frame`` as Parquet to ``path`` via a temporary file (never half-written).

    Object columns mixing types (numbers and text) are written as text."""
    import pyarrow.parquet as pq

    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # numbers beside text in one column
        text = {
            c: frame[c].map(lambda v: v if v is None else str(v))
            for c in frame.columns
            if frame[c].dtype == object
        }
        table = pa.Table.from_pandas(frame.assign(**text), preserve_index=False)
    _atomic(path, lambda tmp: pq.write_table(table, tmp))


def write_text_atomic(text: str, path: str) -> None:
    """Write ``text`` to ``path`` via a temporary file renamed into place."""

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)

    _atomic(path, write)


def _atomic(path: str, write: Callable[[str], None]) -> None:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------------
# CSV in blocks
# ---------------------------------------------------------------------------


def _cut(buf: bytes) -> int:
    """Position just after the last line end outside quotes (-1 if none); ``buf``
    starts outside quotes (RFC 4180: an escaped "" inside quotes keeps the parity)."""
    arr = np.frombuffer(buf, dtype=np.uint8)
    ends = np.flatnonzero(arr == ord("\n"))
    if not len(ends):
        return -1
    if b'"' not in buf:
        return int(ends[-1]) + 1
    quote = np.cumsum(arr == ord('"'), dtype=np.int64)
    good = ends[quote[ends] % 2 == 0]
    return int(good[-1]) + 1 if len(good) else -1


def read_csv_in_blocks(
    path: str,
    parse: Callable[[bytes, int], pd.DataFrame],
    block: int = CHUNK_BYTES,
    log: IO[str] | None = None,
) -> pd.DataFrame:
    """Parse a large CSV block by block and concatenate the frames.

    ``parse(data, first_line)`` gets the header plus whole lines, and the file line
    number of the block's first data line (for error messages). A column that is
    integer in one block and text in another becomes text everywhere: integer
    blocks were proven to be written exactly as printed, so the text is the same.
    """
    log = log or sys.stderr
    total = max(os.path.getsize(path), 1)
    frames: list[pd.DataFrame] = []
    shown = -1
    with open(path, "rb") as fh:
        header = fh.readline()
        line = 2  # the file line of the next block's first data line
        carry = b""
        done = len(header)
        while True:
            chunk = fh.read(block)
            buf = carry + chunk
            if not chunk:
                if buf.strip():
                    frames.append(parse(header + buf, line))
                break
            cut = _cut(buf)
            if cut <= 0:
                carry = buf
                continue
            body, carry = buf[:cut], buf[cut:]
            frames.append(parse(header + body, line))
            line += body.count(b"\n")
            done += len(body)
            pct = int(100 * done / total)
            if pct // 10 != shown:
                shown = pct // 10
                print(f"scoring: reading {path}: {pct} % of {total / 1e6:.0f} MB", file=log)
    return _concat_blocks(frames)


def _concat_blocks(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0]
    columns = frames[0].columns
    for col in columns:
        kinds = {f[col].dtype.kind for f in frames if col in f}
        if len(kinds) > 1:
            for f in frames:
                if col in f and f[col].dtype.kind != "O":
                    f[col] = f[col].astype(str).astype(object)
    return pd.concat(frames, ignore_index=True)
