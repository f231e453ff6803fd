"""The database schema as SQLAlchemy Core tables (the migrations create exactly these).

Verdicts and event edits are append-only: the current state is derived from the
newest rows, and triggers installed by the migrations refuse UPDATE and DELETE.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

reports = Table(
    "reports",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("outlet", Text, nullable=False, server_default=""),
    Column("title", Text, nullable=False, server_default=""),
    Column("url", Text, nullable=False, server_default=""),
    Column("published", Date, nullable=True),
    Column("dateline", Text, nullable=False, server_default=""),
    Column("text", Text, nullable=False),
    Column("origin_path", Text, nullable=False, server_default=""),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("external_id", Text, nullable=False, server_default=""),  # the source tool's id
    Column("extra", JSON, nullable=True),  # fields we do not use, kept as given; NULL = none
)

sources = Table(
    "sources",
    metadata,
    Column("name", String(300), primary_key=True),
    Column("kind", String(40), nullable=False, server_default="unknown"),
    Column("aliases", JSON, nullable=False),
    Column("roles", JSON, nullable=False),
    # The body a spokesperson or official speaks for: their claims' origin ("" if none).
    Column("speaks_for", String(300), nullable=False, server_default=""),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("report_id", String(40), ForeignKey("reports.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("sentence", Text, nullable=False, server_default=""),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("cue", String(80), nullable=False, server_default=""),
    Column("modality", String(20), nullable=False, server_default="asserted"),
    Column("quantities", JSON, nullable=False),
    Column("caveats", JSON, nullable=False),
    Column("places", JSON, nullable=False),
    Column("time_expression", Text, nullable=False, server_default=""),
    Column("position", Integer, nullable=False, server_default="0"),
)

claim_sources = Table(
    "claim_sources",
    metadata,
    Column("claim_id", String(40), ForeignKey("claims.id"), primary_key=True),
    Column("source", String(300), ForeignKey("sources.name"), primary_key=True),
    Column("position", Integer, nullable=False, server_default="0"),
    Index("ix_claim_sources_source", "source"),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(40), ForeignKey("claims.id"), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("label", String(40), nullable=True),  # NULL retracts (undo to nothing)
    Column("evidence", JSON, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("role", String(20), nullable=False, server_default="review"),  # | adjudication
    Index("ix_verdicts_claim_reviewer", "claim_id", "reviewer", "id"),
)

review_requests = Table(
    "review_requests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(40), ForeignKey("claims.id"), nullable=False, index=True),
    Column("kind", String(20), nullable=False, server_default="second_review"),
    Column("requested_by", String(200), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("claim_id", String(40), ForeignKey("claims.id"), primary_key=True),
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False, index=True),
)

event_edits = Table(
    "event_edits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),  # merge | split | move
    Column("payload", JSON, nullable=False),
    Column("reviewer", String(200), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

incident_grades = Table(
    "incident_grades",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(80), nullable=False),  # no foreign key: events are rebuilt
    Column("reviewer", String(200), nullable=False),
    Column("grade", String(20), nullable=True),  # NULL withdraws
    Column("civilians_min", Integer, nullable=True),
    Column("civilians_max", Integer, nullable=True),
    Column("belligerent", String(200), nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("claim_ids", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_incident_grades_event_reviewer", "event_id", "reviewer", "id"),
)

claim_corrections = Table(
    "claim_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    # no foreign key: the claim may be re-extracted under another id (report and span
    # in the payload find it again)
    Column("claim_id", String(40), nullable=False, server_default=""),
    Column("payload", JSON, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

APPEND_ONLY_TABLES = (
    "verdicts",
    "event_edits",
    "review_requests",
    "incident_grades",
    "claim_corrections",
)
