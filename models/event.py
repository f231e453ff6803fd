"""An event: the claims, from any reports, about one happening."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class FigureComparison(BaseModel):
    """Which sources gave which figure for one unit, and whether the ranges agree."""

    model_config = ConfigDict(frozen=True)

    unit: str
    figures: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="source -> (low, high)"
    )
    agree: bool = Field(description="every pair of ranges overlaps")


class FigureStatus(StrEnum):
    """How the origins' figures for one casualty kind stand to each other."""

    SINGLE = "single"  # one origin: nothing to agree with
    AGREE = "agree"  # the ranges support one toll
    CONSISTENT = "consistent"  # they can hold together, with different lower bounds
    CONFLICT = "conflict"  # no one toll fits every range


class OriginFigure(BaseModel):
    """One origin's figure for a casualty kind: its latest range and the ones it replaced."""

    model_config = ConfigDict(frozen=True)

    origin: str
    low: float
    high: float = Field(description="inf when open above ('at least 40')")
    outlets: tuple[str, ...] = Field(default=())
    claim_ids: tuple[str, ...] = Field(default=())
    history: tuple[tuple[float, float], ...] = Field(
        default=(), description="earlier figures of this origin, oldest first (updates)"
    )


class CasualtyFigures(BaseModel):
    """One casualty kind of an incident (killed or injured), reconciled across origins.

    As Airwars publishes: the range across origins (minimum to maximum, with who gave
    each); as ACLED codes: the most conservative estimate. Subgroups (civilians,
    children, fighters) are lower bounds of the kind, kept beside it.
    """

    model_config = ConfigDict(frozen=True)

    kind: str  # "killed" or "injured"
    origins: tuple[OriginFigure, ...] = Field(default=())
    status: FigureStatus = Field(default=FigureStatus.SINGLE)
    minimum: float = Field(default=0.0)
    maximum: float = Field(default=0.0, description="largest figure given (inf: none closed)")
    minimum_origin: str = Field(default="")
    maximum_origin: str = Field(default="")
    conservative: float = Field(default=0.0, description="the lowest figure an origin gives")
    conservative_origin: str = Field(default="")
    subgroups: dict[str, dict[str, tuple[float, float]]] = Field(
        default_factory=dict, description="subgroup -> origin -> (low, high)"
    )


class TollEstimate(BaseModel):
    """Truth discovery's best estimate of one casualty kind of an incident, with its spread.

    ``low``-``high`` is where the weight of the origins' evidence lies (the interquartile
    range of their trust-weighted ranges, ``scoring.RangeCRH``); ``high`` is inf when the
    evidence is open above ("at least 40").
    """

    model_config = ConfigDict(frozen=True)

    kind: str
    value: float
    low: float
    high: float
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)


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
    casualties: tuple[CasualtyFigures, ...] = Field(
        default=(), description="killed and injured, reconciled across origins"
    )
