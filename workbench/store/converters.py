"""The one bridge between database rows and domain models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import RowMapping

from models import Caveat, Claim, Quantity, Report, Source, Verdict, VerdictLabel
from workbench.store.values import utc_time


def report_to_row(report: Report, ingested_at: datetime) -> dict[str, Any]:
    return {
        "id": report.id,
        "outlet": report.outlet,
        "title": report.title,
        "url": report.url,
        "published": report.published,
        "dateline": report.dateline,
        "text": report.text,
        "origin_path": report.origin_path,
        "ingested_at": ingested_at,
        "external_id": report.external_id,
        "extra": report.extra or None,
    }


def row_to_report(row: RowMapping) -> Report:
    return Report(
        id=row["id"],
        outlet=row["outlet"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        dateline=row["dateline"],
        text=row["text"],
        origin_path=row["origin_path"],
        external_id=row["external_id"],
        extra=row["extra"] or {},
    )


def source_to_row(source: Source) -> dict[str, Any]:
    return {
        "name": source.name,
        "kind": source.kind.value,
        "aliases": list(source.aliases),
        "roles": sorted(role.value for role in source.roles),
        "speaks_for": source.speaks_for,
    }


def row_to_source(row: RowMapping) -> Source:
    return Source(
        name=row["name"],
        kind=row["kind"],
        aliases=tuple(row["aliases"]),
        roles=row["roles"],
        speaks_for=row["speaks_for"] or "",
    )


def claim_to_row(claim: Claim, position: int) -> dict[str, Any]:
    return {
        "id": claim.id,
        "report_id": claim.report_id,
        "text": claim.text,
        "sentence": claim.sentence,
        "span_start": claim.span[0],
        "span_end": claim.span[1],
        "cue": claim.cue,
        "modality": claim.modality.value,
        "quantities": [q.model_dump(mode="json") for q in claim.quantities],
        "caveats": [c.model_dump(mode="json") for c in claim.caveats],
        "places": list(claim.places),
        "time_expression": claim.time_expression,
        "position": position,
    }


def row_to_claim(row: RowMapping, sources: tuple[str, ...]) -> Claim:
    return Claim(
        id=row["id"],
        report_id=row["report_id"],
        text=row["text"],
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
        sources=sources,
        cue=row["cue"],
        modality=row["modality"],
        quantities=tuple(Quantity.model_validate(q) for q in row["quantities"]),
        caveats=tuple(Caveat.model_validate(c) for c in row["caveats"]),
        places=tuple(row["places"]),
        time_expression=row["time_expression"],
    )


def verdict_to_row(verdict: Verdict) -> dict[str, Any]:
    return {
        "claim_id": verdict.claim_id,
        "reviewer": verdict.reviewer,
        "label": verdict.label.value if verdict.label else None,
        "evidence": list(verdict.evidence),
        "note": verdict.note,
        # UTC before storing: SQLite's DATETIME drops the offset instead of applying it
        "created_at": utc_time(verdict.created_at),
        "role": verdict.role.value,
    }


def row_to_verdict(row: RowMapping) -> Verdict:
    created = row["created_at"]
    if created.tzinfo is None:  # SQLite hands back naive datetimes; we always store UTC
        created = created.replace(tzinfo=UTC)
    return Verdict(
        id=row["id"],
        claim_id=row["claim_id"],
        reviewer=row["reviewer"],
        label=VerdictLabel(row["label"]) if row["label"] else None,
        evidence=tuple(row["evidence"]),
        note=row["note"],
        created_at=created,
        role=row["role"],
    )
