"""A reviewer's correction of what the extractor read, appended and replayed, never edited.

Kinds: a claim's sources, figures or modality corrected; a non-claim rejected; a
source rolled up into another (a person into the body they speak for, or two names
of one source merged). An ``undo`` row withdraws an earlier correction; redoing
appends the correction again. Each correction names its claim and also the report
and span it was read from, so it finds the claim again after re-extraction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from models.claim import Quantity
from models.enums import Modality


class CorrectionKind(StrEnum):
    SOURCE = "source"
    FIGURE = "figure"
    MODALITY = "modality"
    REJECT = "reject"
    MERGE_SOURCE = "merge_source"
    ADD = "add"  # a claim the extractor missed, marked by its span in the report
    UNDO = "undo"


def _now() -> datetime:
    return datetime.now(UTC)


class Correction(BaseModel):
    """One appended correction; the fields used depend on ``kind``."""

    model_config = ConfigDict(frozen=True)

    kind: CorrectionKind
    reviewer: str = Field(min_length=1)
    claim_id: str = Field(default="")
    report_id: str = Field(default="")
    span: tuple[int, int] = Field(default=(0, 0))
    sources: tuple[str, ...] = Field(default=(), description="source: the claim's sources")
    quantities: tuple[Quantity, ...] = Field(default=(), description="figure: its figures")
    modality: Modality | None = Field(default=None, description="modality: the right one")
    source_from: str = Field(default="", description="merge_source: the name rolled up")
    source_into: str = Field(default="", description="merge_source: the name it becomes")
    text: str = Field(default="", description="add: the words of the span")
    undoes: int | None = Field(default=None, description="undo: the correction withdrawn")
    created_at: datetime = Field(default_factory=_now)
    id: int | None = Field(default=None, description="assigned by the store")
