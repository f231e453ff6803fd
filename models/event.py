"""An event: the claims, from any reports, about one happening."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class FigureComparison(BaseModel):
    """Which sources gave which figure for one unit, and whether the ranges agree."""

    model_config = ConfigDict(frozen=True)

    unit: str
    figures: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="source -> (low, high)"
    )
    agree: bool = Field(description="every pair of ranges overlaps")


class Event(BaseModel):
    """A claim group. Built automatically, editable by the reviewer."""

    id: str
    title: str = Field(default="")
    claim_ids: tuple[str, ...] = Field(default=())
    figures: tuple[FigureComparison, ...] = Field(default=())
    outlets: int = Field(default=0, ge=0)
    origins: int = Field(
        default=0, ge=0, description="independent origins; unknown lineage adds none"
    )
