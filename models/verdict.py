"""The verdict vocabulary and the append-only verdict record.

One table maps every verdict to the scales our exports and peers speak
(DESIGN.md): the Admiralty credibility digit, Airwars' grade, schema.org
ClaimReview's ``alternateName`` with a ``ratingValue`` only where the verdict is
ordinal, and the FEVER label. Everything else reads this table; nothing else
repeats it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class VerdictLabel(StrEnum):
    """What a reviewer concludes about one claim."""

    ACKNOWLEDGED = "acknowledged"
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single_source"
    CONTESTED = "contested"
    UNVERIFIABLE = "unverifiable"
    DOUBTFUL = "doubtful"
    REFUTED = "refuted"

    @property
    def info(self) -> VerdictInfo:
        return VERDICTS[self]


class VerdictInfo(BaseModel):
    """How one verdict maps onto the outside scales."""

    model_config = ConfigDict(frozen=True)

    label: VerdictLabel
    key: str = Field(description="the default review key; remappable in the UI")
    rule: str = Field(description="rule of thumb shown in help")
    credibility: tuple[int, int] = Field(description="Admiralty 1-6 credibility, low-high")
    airwars: str | None = Field(default=None)
    claimreview_name: str
    claimreview_value: int | None = Field(
        default=None, description="1-5, only for verdicts that are ordinal on true/false"
    )
    fever: str
    truth: bool | None = Field(
        default=None,
        description="what the verdict says about the claim being true; None = unresolved",
    )
    needs_note: bool = Field(default=False, description="a reviewer must give a reason")

    @property
    def credibility_text(self) -> str:
        low, high = self.credibility
        return str(low) if low == high else f"{low}-{high}"

    @property
    def credibility_rank(self) -> int:
        """One Admiralty digit to sort by: a range's less credible end, so a sorted
        sheet never ranks a claim above what its verdict supports."""
        return self.credibility[1]

    @property
    def credibility_label(self) -> str:
        return ADMIRALTY_CREDIBILITY[self.credibility_rank]


ADMIRALTY_CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
"""The Admiralty (NATO AJP-2.1) information-credibility scale."""


VERDICTS: dict[VerdictLabel, VerdictInfo] = {
    info.label: info
    for info in (
        VerdictInfo(
            label=VerdictLabel.ACKNOWLEDGED,
            key="k",
            rule="the party the claim is against accepts it",
            credibility=(1, 1),
            airwars="Confirmed",
            claimreview_name="Acknowledged by responsible party",
            claimreview_value=5,
            fever="SUPPORTS",
            truth=True,
            needs_note=True,
        ),
        VerdictInfo(
            label=VerdictLabel.CORROBORATED,
            key="c",
            rule="two or more independent origins agree (figures overlap)",
            credibility=(1, 2),
            airwars="Fair",
            claimreview_name="Corroborated",
            claimreview_value=4,
            fever="SUPPORTS",
            truth=True,
        ),
        VerdictInfo(
            label=VerdictLabel.SINGLE_SOURCE,
            key="s",
            rule="one origin, however many outlets repeat it",
            credibility=(3, 3),
            airwars="Weak",
            claimreview_name="Single source, unconfirmed",
            fever="NOT ENOUGH INFO",
        ),
        VerdictInfo(
            label=VerdictLabel.CONTESTED,
            key="x",
            rule="independent origins conflict on fact, figure or attribution",
            credibility=(3, 4),
            airwars="Contested",
            claimreview_name="Contested",
            fever="NOT ENOUGH INFO",
            needs_note=True,
        ),
        VerdictInfo(
            label=VerdictLabel.UNVERIFIABLE,
            key="u",
            rule="reporters caveat it and nothing else exists",
            credibility=(6, 6),
            claimreview_name="Cannot be independently verified",
            fever="NOT ENOUGH INFO",
        ),
        VerdictInfo(
            label=VerdictLabel.DOUBTFUL,
            key="d",
            rule="leans false, not yet refuted",
            credibility=(4, 4),
            claimreview_name="Doubtful",
            claimreview_value=2,
            fever="NOT ENOUGH INFO",
        ),
        VerdictInfo(
            label=VerdictLabel.REFUTED,
            key="r",
            rule="contradicted by stronger independent evidence",
            credibility=(5, 5),
            airwars="Discounted",
            claimreview_name="False",
            claimreview_value=1,
            fever="REFUTES",
            truth=False,
            needs_note=True,
        ),
    )
}


class VerdictRole(StrEnum):
    """Why a verdict row was written: an ordinary review or an adjudicator's ruling."""

    REVIEW = "review"
    ADJUDICATION = "adjudication"


def _now() -> datetime:
    return datetime.now(UTC)


class Verdict(BaseModel):
    """One reviewer's verdict on one claim. Rows are only ever appended.

    The newest row per (claim, reviewer) is current. Undo appends a row whose
    ``label`` is ``None`` (a retraction) or the earlier label; nothing is deleted.
    """

    model_config = ConfigDict(frozen=True)

    claim_id: str
    reviewer: str = Field(min_length=1)
    label: VerdictLabel | None = Field(default=None, description="None retracts")
    evidence: tuple[str, ...] = Field(default=(), description="claim ids cited as evidence")
    note: str = Field(default="")
    created_at: datetime = Field(default_factory=_now)
    role: VerdictRole = Field(default=VerdictRole.REVIEW)
    id: int | None = Field(default=None, description="assigned by the store")
