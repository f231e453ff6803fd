"""Load verdicts from a CSV in the export's columns (a spreadsheet, another tool).

Every row is validated before anything is written; the first bad row stops the
import with its line number, and nothing is stored.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Connection, select

from models import Verdict, VerdictLabel, VerdictRole
from workbench.errors import InputError
from workbench.export import FORMULA_PREFIXES
from workbench.store import schema
from workbench.store.values import REVIEWER_MAX_CHARS, storable_text, utc_time
from workbench.store.verdicts import append_verdicts, verdict_history

REQUIRED = ("claim_id", "verdict", "reviewer")
UNTIMED = datetime.max.replace(tzinfo=UTC)
"""Marks a row that gave no time while it is read (it is stored with the import's)."""
MAX_IMPORT_BYTES = 1024 * 2**20
"""The largest verdict file read (a verdict CSV is a small fraction of this)."""


def _unneutralise(cell: str) -> str:
    """Undo the export's formula guard so a round trip gives the original text."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES):
        return cell[1:]
    return cell


def read_verdicts_csv(path: Path, text: str, known_claims: set[str]) -> list[Verdict]:
    """Parse and validate every row; rows of unreviewed claims (no verdict, no reviewer) skip."""
    # strict: an unterminated quote is an error, not the rest of the file as one cell
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    # Python's csv refuses a field over 131,072 characters by default, but the export
    # writes notes of any length: allow any field the text can hold, for this read only.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    line_of = [0]  # the last line read whole
    try:
        return _read_rows(reader, path, known_claims, line_of)
    except csv.Error as error:
        # the record that failed starts on the line after the last one read whole
        problem = "a quoted cell is never closed" if "end of data" in str(error) else error
        raise InputError(f"malformed CSV: {problem}", path=path, line=line_of[0] + 1) from None
    finally:
        csv.field_size_limit(limit)


def _read_rows(
    reader: csv.DictReader[str], path: Path, known_claims: set[str], line_of: list[int]
) -> list[Verdict]:
    header = reader.fieldnames or []
    line_of[0] = reader.line_num
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", path=path, line=1)
    verdicts = []
    for row in reader:
        line = line_of[0] = reader.line_num
        if None in row:
            raise InputError("more cells than columns", path=path, line=line)
        if None in row.values():
            raise InputError("fewer cells than columns", path=path, line=line)
        cells = {key: _unneutralise((value or "").strip()) for key, value in row.items()}
        if not cells["verdict"] and not cells["reviewer"]:
            continue
        verdicts.append(_row_to_verdict(cells, known_claims, path, line))
    return verdicts


def _row_to_verdict(
    cells: dict[str, str], known_claims: set[str], path: Path, line: int
) -> Verdict:
    claim_id = cells["claim_id"]
    if claim_id not in known_claims:
        # Verdicts hang on claims, and claims on their reports: a fresh database has none.
        raise InputError(
            f"unknown claim_id {claim_id!r}: this database does not hold its report "
            "(ingest the reports first: workbench ingest PATH... --db DB, then import again)",
            path=path,
            line=line,
        )
    try:
        label = VerdictLabel(cells["verdict"].lower().replace(" ", "_"))
    except ValueError:
        choices = ", ".join(v.value for v in VerdictLabel)
        raise InputError(
            f"unknown verdict {cells['verdict']!r}; expected one of {choices}", path=path, line=line
        ) from None
    evidence = tuple(cells.get("evidence", "").replace(";", " ").split())
    unknown = [e for e in evidence if e not in known_claims]
    if unknown:
        raise InputError(f"unknown evidence claim {unknown[0]!r}", path=path, line=line)
    created = _time(cells.get("time", ""), path, line)
    try:
        storable_text(cells["reviewer"], "reviewer", REVIEWER_MAX_CHARS)
        storable_text(cells.get("note", ""), "note")
    except ValueError as error:
        raise InputError(str(error), path=path, line=line) from None
    role = cells.get("role") or VerdictRole.REVIEW.value
    if role not in {r.value for r in VerdictRole}:
        raise InputError(
            f"unknown role {role!r}; expected review or adjudication", path=path, line=line
        )
    try:
        return Verdict(
            claim_id=claim_id,
            reviewer=cells["reviewer"],
            label=label,
            evidence=evidence,
            note=cells.get("note", ""),
            created_at=created or UNTIMED,
            role=VerdictRole(role),
        )
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(
            f"{'.'.join(map(str, first['loc']))}: {first['msg']}", path=path, line=line
        ) from None


def _time(cell: str, path: Path, line: int) -> datetime | None:
    """The row's time in UTC; None when the row gives none."""
    if not cell:
        return None
    try:
        parsed = datetime.fromisoformat(cell)
    except ValueError:
        raise InputError(f"time {cell!r} is not ISO 8601", path=path, line=line) from None
    try:
        return utc_time(parsed)
    except ValueError as error:
        raise InputError(str(error), path=path, line=line) from None


def import_verdicts(connection: Connection, path: Path, text: str) -> tuple[int, int]:
    """Append the file's verdicts; a row already in the history is not added twice.

    A row with a time is present when the history holds the same verdict at the same
    instant (times compared in UTC, so ``+02:00`` and its UTC twin are one row). A row
    without a time is present when it equals the reviewer's current verdict on that
    claim, so importing the same file twice adds nothing the second time.
    Returns (added, already present). Runs in the caller's transaction.
    """
    known = set(connection.scalars(select(schema.claims.c.id)))
    verdicts = read_verdicts_csv(path, text, known)

    def content(v: Verdict) -> tuple[object, ...]:
        return (v.claim_id, v.reviewer, v.label, v.note, v.evidence, v.role)

    history = verdict_history(connection)
    seen = {(*content(v), v.created_at) for v in history}
    current = {(v.claim_id, v.reviewer): content(v) for v in history}  # history is by id
    fresh = []
    now = datetime.now(UTC)
    for verdict in verdicts:
        if verdict.created_at == UNTIMED:
            if current.get((verdict.claim_id, verdict.reviewer)) == content(verdict):
                continue
            verdict = verdict.model_copy(update={"created_at": now})
        elif (*content(verdict), verdict.created_at) in seen:
            continue
        seen.add((*content(verdict), verdict.created_at))
        current[(verdict.claim_id, verdict.reviewer)] = content(verdict)
        fresh.append(verdict)
    append_verdicts(connection, fresh)
    return len(fresh), len(verdicts) - len(fresh)
