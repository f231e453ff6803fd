"""An attributed claim: what was said, by whom, how firmly, with which figures."""

from __future__ import annotations

import hashlib
import math

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

from models.enums import CaveatKind, Modality


class Quantity(BaseModel):
    """A figure as a range: "at least 26" is [26, inf), "about 4 km" is roughly [3.6, 4.4].

    In JSON an unbounded ``high`` is written as null; with ``at_least`` set it
    reads back as unbounded.

    ``value`` is the figure as written (ACLED codes "dozens" as 12); ``low`` and
    ``high`` bound what the text commits to, so overlap decides agreement.
    """

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str = Field(default="")
    low: float | None = Field(default=None)
    high: float | None = Field(default=None)
    approximate: bool = Field(default=False)
    at_least: bool = Field(default=False)
    at_most: bool = Field(default=False)
    text: str = Field(default="", description="the words it was read from")

    @model_validator(mode="after")
    def _bounds(self) -> Quantity:
        low = self.value if self.low is None else self.low
        # "at least 26" commits to no upper bound
        unbounded = math.inf if self.at_least else self.value
        high = self.high if self.high is not None else unbounded
        if low > high:
            raise ValueError(f"quantity range is inverted: {low} > {high}")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        return self

    @field_serializer("high")
    def _unbounded_as_null(self, high: float | None) -> float | None:
        # JSON has no infinity; null with at_least=True reads back as unbounded.
        return None if high is not None and math.isinf(high) else high

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high), always set once validated."""
        return (
            self.value if self.low is None else self.low,
            self.value if self.high is None else self.high,
        )

    def overlaps(self, other: Quantity) -> bool:
        """True when the two figures could describe the same count."""
        (low, high), (other_low, other_high) = self.bounds, other.bounds
        return low <= other_high and other_low <= high


class Caveat(BaseModel):
    """A hedge or verification note that qualifies a claim (not a claim itself)."""

    model_config = ConfigDict(frozen=True)

    text: str
    kind: CaveatKind = Field(default=CaveatKind.OTHER)
    span: tuple[int, int] | None = Field(default=None)


def claim_id(report_id: str, span: tuple[int, int], text: str) -> str:
    """Stable id: the same claim extracted again from the same report keeps its id."""
    key = f"{report_id}:{span[0]}:{span[1]}:{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


class Claim(BaseModel):
    """One attributed proposition found in a report."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(default="")
    report_id: str = Field(default="")
    text: str = Field(min_length=1, description="the proposition, without the attribution")
    sentence: str = Field(default="")
    span: tuple[int, int] = Field(description="[start, end) character offsets into the report")
    sources: tuple[str, ...] = Field(default=(), description="canonical source names")
    cue: str = Field(default="")
    modality: Modality = Field(default=Modality.ASSERTED)
    quantities: tuple[Quantity, ...] = Field(default=())
    caveats: tuple[Caveat, ...] = Field(default=())
    places: tuple[str, ...] = Field(default=())
    time_expression: str = Field(default="")

    @model_validator(mode="after")
    def _derive_id(self) -> Claim:
        if self.span[0] > self.span[1]:
            raise ValueError(f"claim span is inverted: {self.span}")
        if not self.id:
            object.__setattr__(self, "id", claim_id(self.report_id, self.span, self.text))
        return self
