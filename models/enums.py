"""Small closed vocabularies shared by every layer."""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    """What kind of speaker a source is; it drives default role flags and display."""

    MONITOR = "monitor"
    STATE_MEDIA = "state_media"
    MEDIA = "media"
    GOVERNMENT = "government"
    MILITARY = "military"
    OFFICIAL = "official"
    NGO = "ngo"
    PERSON = "person"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


class RoleFlag(StrEnum):
    """Role flags shown beside a source's grade (DESIGN.md, 'Sources carry role flags')."""

    PARTY_TO_CONFLICT = "party_to_conflict"
    MONITOR_NGO = "monitor_ngo"
    WIRE = "wire"
    OFFICIAL_STATEMENT = "official_statement"
    UNKNOWN_PROVENANCE = "unknown_provenance"


class Modality(StrEnum):
    """How the source commits to the proposition."""

    ASSERTED = "asserted"
    PREDICTED = "predicted"
    HOPED = "hoped"
    CONDITIONAL = "conditional"
    DENIED = "denied"


class CaveatKind(StrEnum):
    """Why a claim is qualified."""

    UNVERIFIED = "unverified"  # "could not be independently verified"
    HEDGE = "hedge"  # "reportedly", "allegedly", "claimed"
    DISPUTED = "disputed"  # "denied by", "disputed"
    OTHER = "other"


class WorkflowStatus(StrEnum):
    """Where a claim is in the review process; separate from the verdict on it."""

    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in_review"
    NEEDS_SECOND_REVIEW = "needs_second_review"
    ADJUDICATED = "adjudicated"
    FINAL = "final"
