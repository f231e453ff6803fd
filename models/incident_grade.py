"""An incident's grade as Airwars publishes it, beside the reviewers' claim verdicts.

Airwars grades each alleged civilian-harm incident (confirmed, fair, weak, contested,
discounted) with a minimum and maximum civilian toll and the belligerent assessed
responsible. Rows are only ever appended: the newest per (event, reviewer) is current.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class IncidentGradeLabel(StrEnum):
    """Airwars' grading of an incident, strongest first."""

    CONFIRMED = "confirmed"  # the belligerent accepts responsibility
    FAIR = "fair"  # two or more credible sources, the belligerent nearby
    WEAK = "weak"  # a single source
    CONTESTED = "contested"  # competing claims of responsibility
    DISCOUNTED = "discounted"  # found not credible, or no civilian harm


GRADE_RULES: dict[IncidentGradeLabel, str] = {
    IncidentGradeLabel.CONFIRMED: "the belligerent accepts responsibility",
    IncidentGradeLabel.FAIR: "two or more credible sources, the belligerent active nearby",
    IncidentGradeLabel.WEAK: "single source claim, however credible",
    IncidentGradeLabel.CONTESTED: "competing claims of responsibility",
    IncidentGradeLabel.DISCOUNTED: "the dead were combatants, or another party is responsible",
}


def _now() -> datetime:
    return datetime.now(UTC)


class IncidentGrade(BaseModel):
    """One reviewer's grade of one incident; ``grade`` None withdraws an earlier one."""

    model_config = ConfigDict(frozen=True)

    event_id: str = Field(min_length=1)
    reviewer: str = Field(min_length=1)
    grade: IncidentGradeLabel | None = Field(default=None, description="None withdraws")
    civilians_min: int | None = Field(default=None, ge=0)
    civilians_max: int | None = Field(default=None, ge=0)
    belligerent: str = Field(default="", description="the party assessed responsible")
    note: str = Field(default="")
    claim_ids: tuple[str, ...] = Field(
        default=(), description="the incident's claims when graded, to find it after a regroup"
    )
    created_at: datetime = Field(default_factory=_now)
    id: int | None = Field(default=None, description="assigned by the store")

    @model_validator(mode="after")
    def _ordered(self) -> IncidentGrade:
        low, high = self.civilians_min, self.civilians_max
        if low is not None and high is not None and low > high:
            raise ValueError(f"civilian minimum {low} is above the maximum {high}")
        return self
