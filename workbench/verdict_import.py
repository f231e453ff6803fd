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
from workbench.store.verdicts import append_verdicts, verdict_history

REQUIRED = ("claim_id", "verdict", "reviewer")
MAX_IMPORT_BYTES = 1024 * 2**20
"""The largest verdict file read (a verdict CSV is a small fraction of this)."""


def _unneutralise(cell: str) -> str:
    """Undo the export's formula guard so a round trip gives the original text."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES):
        return cell[1:]
    return cell


def read_verdicts_csv(path: Path, text: str, known_claims: set[str]) -> list[Verdict]:
    """Parse and validate every row; rows of unreviewed claims (no verdict, no reviewer) skip."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    # Python's csv refuses a field over 131,072 characters by default, but the export
    # writes notes of any length: allow any field the text can hold, for this read only.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        return _read_rows(reader, path, known_claims)
    except csv.Error as error:
        raise InputError(f"malformed CSV: {error}", path=path, line=reader.line_num + 1) from None
    finally:
        csv.field_size_limit(limit)


def _read_rows(reader: csv.DictReader[str], path: Path, known_claims: set[str]) -> list[Verdict]:
    header = reader.fieldnames or []
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", path=path, line=1)
    verdicts = []
    for row in reader:
        line = reader.line_num
        if None in row:
            raise InputError("more cells than columns", path=path, line=line)
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
    created = datetime.now(UTC)
    if cells.get("time"):
        try:
            created = datetime.fromisoformat(cells["time"])
        except ValueError:
            raise InputError(
                f"time {cells['time']!r} is not ISO 8601", path=path, line=line
            ) from None
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
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
            created_at=created,
            role=VerdictRole(role),
        )
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(
            f"{'.'.join(map(str, first['loc']))}: {first['msg']}", path=path, line=line
        ) from None


def import_verdicts(connection: Connection, path: Path, text: str) -> tuple[int, int]:
    """Append the file's verdicts; a row already in the history is not added twice.

    Returns (added, already present). Runs in the caller's transaction.
    """
    known = set(connection.scalars(select(schema.claims.c.id)))
    verdicts = read_verdicts_csv(path, text, known)

    def key(v: Verdict) -> tuple[object, ...]:
        return (v.claim_id, v.reviewer, v.label, v.note, v.evidence, v.created_at, v.role)

    seen = {key(v) for v in verdict_history(connection)}
    fresh = []
    for verdict in verdicts:
        if key(verdict) not in seen:
            seen.add(key(verdict))
            fresh.append(verdict)
    append_verdicts(connection, fresh)
    return len(fresh), len(verdicts) - len(fresh)
