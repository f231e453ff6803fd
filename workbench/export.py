"""Verdict exports: CSV for spreadsheets, Parquet for pandas and Arrow (typed columns),
and schema.org ClaimReview JSON-LD.

One module, no Textual: ``workbench export`` and the review UI's export key both
call it, so a file written from either is the same file. Each row carries what an
analyst groups and filters by (``export_context``): the event, the source kinds and
party flag, the copy flag, per-kind casualty bounds as numbers, a sortable credibility.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import Connection

from models import VERDICTS, Claim, IncidentGrade, Quantity, Report, Verdict, WorkflowStatus
from workbench.corrections import apply_corrections
from workbench.export_context import ClaimContext, load_context
from workbench.store.corrections import load_corrections
from workbench.store.incident_grades import current_grades
from workbench.store.reports import list_reports, load_claims
from workbench.store.verdicts import current_verdicts
from workbench.store.workflow import workflow_statuses

if TYPE_CHECKING:
    import pandas as pd

# OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportRow:
    """One claim with one reviewer's current verdict (or none yet).

    Text columns are ``str``; figures, the credibility digit and the two flags are
    typed, so CSV writes them as plain numbers and ``true``/``false`` and Parquet keeps
    their types (empty = unknown or, for a maximum, open above: "at least 40").
    """

    report_id: str
    report_external_id: str  # the report's id in the tool it came from (JSONL ``id``)
    outlet: str
    title: str
    url: str
    dateline: str
    published: str
    event_id: str
    event_title: str
    claim_id: str
    sources: str
    source_kind: str
    party_to_conflict: bool
    is_copy: bool
    claim: str
    attributed_claim: str  # "Syrian Observatory for Human Rights said ..."
    cue: str
    modality: str
    quantities: str
    killed_min: float | None
    killed_max: float | None
    injured_min: float | None
    injured_max: float | None
    caveats: str
    verdict: str
    credibility: int | None  # one Admiralty digit, 1 (confirmed) to 6 (cannot be judged)
    credibility_label: str
    credibility_range: str  # the verdict's Admiralty range as DESIGN gives it: "1-2"
    reviewer: str
    note: str
    evidence: str  # cited claim ids, space-separated (what ``verdicts import`` reads)
    evidence_text: str  # the cited claims as a reader sees them
    time: str
    role: str
    status: str  # the claim's workflow status (workbench.store.workflow), not the verdict
    # The incident's grade as Airwars grades (the event above is the incident): the
    # verdict's reviewer's grade, else the newest grade of the incident by anyone.
    incident_grade: str = ""
    incident_civilians_min: str = ""
    incident_civilians_max: str = ""
    incident_belligerent: str = ""
    incident_note: str = ""
    incident_grader: str = ""
    corrections: str = ""  # reviewers' corrections in force on the claim ("source; figure")


CSV_COLUMNS = tuple(f.name for f in fields(ExportRow))
NUMBER_COLUMNS = ("killed_min", "killed_max", "injured_min", "injured_max")
FLAG_COLUMNS = ("party_to_conflict", "is_copy")
# Cues that read as "X <cue> <proposition>"; others ("told", "accused", "adding") as "said".
_CLAUSE_CUES = frozenset(
    {"said", "says", "reported", "reports", "announced", "confirmed", "claimed", "claims",
     "stated", "added", "noted", "warned", "denied", "acknowledged", "declared"}
)  # fmt: skip


def attributed_text(claim: Claim, outlet: str = "") -> str:
    """The claim as said by its sources: "SOHR said IS killed 26 soldiers"; a claim in
    the outlet's own voice is the outlet's."""
    names = " and ".join(claim.sources) or outlet or "the report"
    cue = " ".join(claim.cue.casefold().split())
    if cue.startswith("according to"):
        return f"According to {names}, {claim.text}"
    verb = cue if cue in _CLAUSE_CUES else "said"
    if not claim.sources and not claim.cue:
        verb = "reported"
    return f"{names} {verb} {claim.text}"


def casualty_bounds(claim: Claim) -> dict[str, tuple[float | None, float | None]]:
    """Per casualty kind, the claim's (minimum, maximum); ``None`` where unknown or open.

    Read as the event's toll line reads one origin (``events.casualties.reconcile``): a
    figure for everyone counts, the latest if several ("rose to"); figures only for
    subgroups ("13 civilians and 3 militants") give a lower bound, the largest of them.
    """
    from workbench.events.casualties import KINDS, reconcile

    out: dict[str, tuple[float | None, float | None]] = dict.fromkeys(KINDS, (None, None))
    for row in reconcile([claim], {}, {claim.id: ("claim",)}):
        [origin] = row.origins
        out[row.kind] = (origin.low, origin.high if math.isfinite(origin.high) else None)
    return out


def describe_quantity(quantity: Quantity) -> str:
    """'about 4 km', 'at least 26 soldiers killed', '20-30 people'."""

    def number(x: float) -> str:
        return f"{x:g}"

    low, high = quantity.bounds
    if quantity.at_least:
        figure = f"at least {number(quantity.value)}"
    elif quantity.at_most:
        figure = f"up to {number(quantity.value)}"
    elif low != high and not quantity.approximate:
        figure = f"{number(low)}-{number(high)}"
    else:
        figure = ("about " if quantity.approximate else "") + number(quantity.value)
    return f"{figure} {quantity.unit}".strip()


@dataclass(frozen=True)
class Incidents:
    """Which incident each claim is in, and the incidents' current grades."""

    event_of: Mapping[str, tuple[str, str]]  # claim id -> (event id, title)
    grades: Sequence[IncidentGrade]  # current grades, oldest first

    def columns(self, claim_id: str, reviewer: str) -> dict[str, str]:
        found = self.event_of.get(claim_id)
        if found is None:
            return {}
        event_id, _title = found
        mine = [g for g in self.grades if g.event_id == event_id]
        grade = next((g for g in reversed(mine) if g.reviewer == reviewer), None)
        grade = grade or (mine[-1] if mine else None)
        columns: dict[str, str] = {}
        if grade is not None and grade.grade is not None:
            columns |= {
                "incident_grade": grade.grade.value,
                "incident_civilians_min": _count(grade.civilians_min),
                "incident_civilians_max": _count(grade.civilians_max),
                "incident_belligerent": grade.belligerent,
                "incident_note": grade.note,
                "incident_grader": grade.reviewer,
            }
        return columns


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def load_incidents(connection: Connection) -> Incidents:
    """Stored events of every claim and the current incident grades."""
    from sqlalchemy import select

    from workbench.store import schema

    links = connection.execute(
        select(schema.event_claims.c.claim_id, schema.events.c.id, schema.events.c.title).join(
            schema.events, schema.events.c.id == schema.event_claims.c.event_id
        )
    )
    event_of = {claim_id: (event_id, title) for claim_id, event_id, title in links}
    return Incidents(event_of, current_grades(connection))


def build_rows(
    claims: Sequence[Claim],
    reports: dict[str, Report],
    verdicts: Iterable[Verdict],
    include_unreviewed: bool = True,
    statuses: Mapping[str, WorkflowStatus] | None = None,
    context: Mapping[str, ClaimContext] | None = None,
    cited: Mapping[str, Claim] | None = None,
    incidents: Incidents | None = None,
    corrected: Mapping[str, Sequence[str]] | None = None,
) -> list[ExportRow]:
    """Rows in claim order; a claim with no verdict gets one row with empty verdict columns.

    ``context`` gives each claim's event, source kinds and copy flag; ``cited`` the
    claims verdicts cite as evidence (default: ``claims``), to spell them out;
    ``incidents`` the incidents' grades; ``corrected`` the corrections in force per claim.
    """
    statuses = statuses or {}
    context = context or {}
    cited = cited if cited is not None else {claim.id: claim for claim in claims}
    corrected = corrected or {}
    incidents = incidents or Incidents({}, ())
    by_claim: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        by_claim.setdefault(verdict.claim_id, []).append(verdict)
    rows = []
    for claim in claims:
        report = reports[claim.report_id]
        about = context.get(claim.id, ClaimContext())
        event_id, event_title = incidents.event_of.get(claim.id, ("", ""))
        bounds = casualty_bounds(claim)
        base: dict[str, Any] = {
            "report_id": report.id,
            "report_external_id": report.external_id,
            "outlet": report.outlet,
            "title": report.title,
            "url": report.url,
            "dateline": report.dateline,
            "published": report.published.isoformat() if report.published else "",
            "event_id": about.event_id or event_id,
            "event_title": about.event_title or event_title,
            "claim_id": claim.id,
            "sources": "; ".join(claim.sources),
            "source_kind": "; ".join(about.source_kinds),
            "party_to_conflict": about.party_to_conflict,
            "is_copy": about.is_copy,
            "claim": claim.text,
            "attributed_claim": attributed_text(claim, report.outlet),
            "cue": claim.cue,
            "modality": claim.modality.value,
            "quantities": "; ".join(describe_quantity(q) for q in claim.quantities),
            "killed_min": bounds["killed"][0],
            "killed_max": bounds["killed"][1],
            "injured_min": bounds["injured"][0],
            "injured_max": bounds["injured"][1],
            "caveats": "; ".join(c.text for c in claim.caveats),
            "status": statuses[claim.id].value if claim.id in statuses else "",
            "corrections": "; ".join(dict.fromkeys(corrected.get(claim.id, ()))),
        }
        claim_verdicts = by_claim.get(claim.id, [])
        if not claim_verdicts and include_unreviewed:
            rows.append(
                ExportRow(
                    **base,
                    **incidents.columns(claim.id, ""),
                    verdict="",
                    credibility=None,
                    credibility_label="",
                    credibility_range="",
                    reviewer="",
                    note="",
                    evidence="",
                    evidence_text="",
                    time="",
                    role="",
                )
            )
        for verdict in claim_verdicts:
            assert verdict.label is not None  # current verdicts never hold retractions
            info = VERDICTS[verdict.label]
            rows.append(
                ExportRow(
                    **base,
                    **incidents.columns(claim.id, verdict.reviewer),
                    verdict=verdict.label.value,
                    credibility=info.credibility_rank,
                    credibility_label=info.credibility_label,
                    credibility_range=info.credibility_text,
                    reviewer=verdict.reviewer,
                    note=verdict.note,
                    evidence=" ".join(verdict.evidence),
                    evidence_text=_evidence_text(verdict.evidence, cited, reports),
                    time=verdict.created_at.isoformat(),
                    role=verdict.role.value,
                )
            )
    return rows


def _evidence_text(
    evidence: Sequence[str], cited: Mapping[str, Claim], reports: Mapping[str, Report]
) -> str:
    """ "AFP: SANA said ... | Reuters: ..." for the cited claims still stored."""
    parts = []
    for claim_id in evidence:
        claim = cited.get(claim_id)
        if claim is None:
            parts.append(claim_id)
            continue
        report = reports.get(claim.report_id)
        outlet = report.outlet if report else ""
        text = attributed_text(claim, outlet)
        parts.append(f"{outlet}: {text}" if outlet else text)
    return " | ".join(parts)


def export_rows(
    connection: Connection,
    claim_ids: Sequence[str] | None = None,
    reviewer: str | None = None,
    include_unreviewed: bool = True,
) -> list[ExportRow]:
    """Rows for every claim (or just ``claim_ids``, in that order) from the database,
    with the reviewers' corrections applied (rejected claims left out)."""
    every = load_claims(connection)
    claims, corrected = apply_corrections(every, load_corrections(connection))
    if claim_ids is not None:
        by_id = {claim.id: claim for claim in claims}
        claims = [by_id[i] for i in claim_ids if i in by_id]
    reports = {report.id: report for report in list_reports(connection)}
    verdicts = current_verdicts(connection, reviewer)
    statuses = workflow_statuses(connection, None if claim_ids is None else claim_ids)
    # copies are judged among all claims, so a filtered view flags the same ones
    context = load_context(connection, every, reports)
    cited = {claim.id: claim for claim in every}
    incidents = load_incidents(connection)
    return build_rows(
        claims,
        reports,
        verdicts,
        include_unreviewed,
        statuses,
        context,
        cited,
        incidents,
        corrected,
    )


def neutralise_formula(cell: str) -> str:
    """Prefix a quote so a spreadsheet shows the cell instead of running it."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def csv_cell(value: object) -> str:
    """Text guarded against formulas; numbers plain (26, not 26.0); flags true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    return neutralise_formula(str(value))


def write_csv(rows: Iterable[ExportRow], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(csv_cell(value) for value in asdict(row).values())


def to_frame(rows: Iterable[ExportRow]) -> pd.DataFrame:
    """The rows as a typed DataFrame: figures Float64, credibility Int64, flags boolean,
    the rest text. Parquet is written from it; analysts may use it directly."""
    import pandas as pd

    frame = pd.DataFrame([asdict(row) for row in rows], columns=list(CSV_COLUMNS))
    types: dict[str, str] = {column: "string" for column in CSV_COLUMNS}
    types |= {column: "Float64" for column in NUMBER_COLUMNS}
    types |= {column: "boolean" for column in FLAG_COLUMNS}
    types["credibility"] = "Int64"
    return frame.astype(types)


def render_parquet(rows: Iterable[ExportRow]) -> bytes:
    buffer = io.BytesIO()
    to_frame(rows).to_parquet(buffer, index=False)
    return buffer.getvalue()


def claimreview(row: ExportRow) -> dict[str, Any]:
    """One schema.org ClaimReview; our verdict is ``alternateName``, and ``ratingValue``
    appears only for the verdicts that are ordinal on the true/false scale."""
    from models import VerdictLabel

    info = VERDICTS[VerdictLabel(row.verdict)]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": info.claimreview_name}
    if info.claimreview_value is not None:
        rating |= {"ratingValue": info.claimreview_value, "bestRating": 5, "worstRating": 1}
    if row.note:
        rating["ratingExplanation"] = row.note
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if row.url:
        appearance["url"] = row.url
    if row.title:
        appearance["headline"] = row.title
    if row.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": row.outlet}
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": [{"@type": "Organization", "name": s} for s in row.sources.split("; ") if s],
        "appearance": [appearance],
    }
    if row.published:
        item["datePublished"] = row.published
    if row.event_id:  # the incident the claim is about, with its grade where one was given
        incident: dict[str, Any] = {"@type": "Event", "identifier": row.event_id}
        if row.event_title:
            incident["name"] = row.event_title
        if row.incident_grade:
            incident["description"] = incident_description(row)
        item["about"] = incident
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": row.claim_id,
        "claimReviewed": row.attributed_claim,
        "itemReviewed": item,
        "author": {"@type": "Person", "name": row.reviewer},
        "reviewRating": rating,
        "datePublished": row.time[:10],
    }


def incident_description(row: ExportRow) -> str:
    """'Airwars grade: fair; civilians killed 38-52; belligerent assessed: Russia'."""
    parts = [f"Airwars grade: {row.incident_grade}"]
    low, high = row.incident_civilians_min, row.incident_civilians_max
    if low or high:
        toll = low if low == high or not high else (f"{low}-{high}" if low else f"up to {high}")
        parts.append(f"civilians killed {toll}")
    if row.incident_belligerent:
        parts.append(f"belligerent assessed: {row.incident_belligerent}")
    return "; ".join(parts)


# Characters that let JSON-LD break out of the ``<script type="application/ld+json">``
# element schema.org asks publishers to embed it in ("</script>", "<!--"), plus "&"
# for XHTML hosts and the two line separators old JavaScript parsers reject. Outside
# strings JSON never holds them, so escaping after ``json.dumps`` only touches strings.
_EMBED_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_EMBED_UNSAFE = re.compile("[<>&\u2028\u2029]")


def embed_safe_json(value: Any, indent: int | None = 2) -> str:
    """JSON text that can sit inside an HTML ``<script>`` element as it is: the unsafe
    characters are written as ``\\u`` escapes, which every JSON parser reads back."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _EMBED_UNSAFE.sub(lambda match: _EMBED_ESCAPES[match.group()], text)


def write_claimreview(rows: Iterable[ExportRow], stream: TextIO) -> None:
    """A JSON-LD array of ClaimReview objects, one per reviewed claim, safe to embed."""
    reviews = [claimreview(row) for row in rows if row.verdict]
    stream.write(embed_safe_json(reviews) + "\n")


def render(rows: Iterable[ExportRow], fmt: str) -> str:
    buffer = io.StringIO(newline="")
    (write_csv if fmt == "csv" else write_claimreview)(rows, buffer)
    return buffer.getvalue()


def render_bytes(rows: Iterable[ExportRow], fmt: str) -> bytes:
    """The file's bytes in ``fmt`` (csv, claimreview or parquet)."""
    if fmt == "parquet":
        return render_parquet(rows)
    return render(rows, fmt).encode("utf-8")


def write_file(rows: Iterable[ExportRow], fmt: str, path: Path) -> None:
    """Write beside the target and rename, so an interrupted export never leaves half a file.

    The bytes are exactly what ``workbench export`` prints to stdout.
    """
    write_output(path, render_bytes(rows, fmt))


def default_export_path(when: datetime) -> Path:
    """Where the review UI offers to write an export: beside the default database, in
    ``exports/``, never into whatever folder (a git checkout) the UI was started from."""
    from workbench.store.engine import default_db_path

    stamp = when.strftime("%Y%m%d-%H%M%S")
    return default_db_path().parent / "exports" / f"workbench-export-{stamp}.csv"


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: into a hidden file beside it, then
    renamed over it. A missing folder is created; any refusal (a directory in the way,
    no permission, a full disk, a file-size limit) is a one-line ``FaultError`` naming the
    path, and leaves an existing file as it was.
    """
    from workbench.errors import FaultError, os_fault

    if path.is_dir():
        raise FaultError("cannot write the output: is a directory", path, "give a file name")
    if path.exists() and not os.access(path, os.W_OK):
        raise FaultError(
            "cannot write the output: permission denied", path, "check the file's permissions"
        )
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as error:
        if partial.parent.is_dir():
            partial.unlink(missing_ok=True)
        raise os_fault(error, path, "cannot write the output") from None
