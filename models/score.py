"""A source's reliability with its uncertainty, and the Admiralty letter it earns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Starting cut-offs on the posterior mean (DESIGN.md), to be calibrated; a source
# needs MIN_RESOLVED resolved claims before it earns any letter but F.
GRADE_CUTOFFS: tuple[tuple[str, float], ...] = (
    ("A", 0.95),
    ("B", 0.80),
    ("C", 0.60),
    ("D", 0.40),
)
MIN_RESOLVED = 10
# Resolved claims (weighted) a source needs before its interval can earn a letter.
MIN_GRADED = 3.0

GRADE_MEANINGS: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "not enough evidence",
}


def grade_from_bounds(low: float, high: float, n: float, mean: float | None = None) -> str:
    """Admiralty letter that follows the credible interval (the rule in the README).

    ``low``/``high`` are the one-sided credible bounds ("at least" / "at most").
    With at least MIN_GRADED resolved claims: A-D is the highest grade whose
    cut-off the lower bound clears; E when even the upper bound lies below the D
    cut-off; an interval that straddles the D cut-off takes the letter of the
    posterior ``mean`` once MIN_RESOLVED claims measure it (a middling source),
    and is F (not enough evidence) before that.
    """
    if n < MIN_GRADED or low != low or high != high:  # NaN means no estimate
        return "F"
    for letter, cutoff in GRADE_CUTOFFS:
        if low >= cutoff:
            return letter
    if high < GRADE_CUTOFFS[-1][1]:
        return "E"
    if mean is not None and n >= MIN_RESOLVED:
        return admiralty_grade(mean, n)
    return "F"


def admiralty_grade(reliability: float, n: float, min_resolved: int = MIN_RESOLVED) -> str:
    """Admiralty letter A-E from a posterior mean, or F while evidence is thin."""
    if n < min_resolved or reliability != reliability:  # NaN means no estimate
        return "F"
    for letter, cutoff in GRADE_CUTOFFS:
        if reliability >= cutoff:
            return letter
    return "E"


class SourceScore(BaseModel):
    """Reliability of one source by one method: always an interval, never a bare point."""

    model_config = ConfigDict(frozen=True)

    source: str
    method: str
    reliability: float = Field(ge=0.0, le=1.0)
    ci_low: float = Field(ge=0.0, le=1.0)
    ci_high: float = Field(ge=0.0, le=1.0)
    n: float = Field(ge=0.0, description="resolved claims or assertions behind the estimate")
    grade: str = Field(default="")

    @model_validator(mode="after")
    def _check(self) -> SourceScore:
        if not self.ci_low <= self.reliability <= self.ci_high:
            raise ValueError(
                f"reliability {self.reliability} lies outside its interval "
                f"[{self.ci_low}, {self.ci_high}]"
            )
        if not self.grade:
            object.__setattr__(
                self,
                "grade",
                grade_from_bounds(self.ci_low, self.ci_high, self.n, self.reliability),
            )
        return self
