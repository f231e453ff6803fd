"""Source reliability from the figures origins asserted about incidents (truth discovery).

The second kind of evidence beside the reviewers' verdicts (``workbench.reliability``):
every incident's reconciled casualty figures become assertions, one per origin
(``workbench.events.assertions``), and ``scoring.RangeCRH`` infers each toll and how often
each origin's figure holds up, with reviewer verdicts as known truths (a corroborated
figure pins its toll, a refuted one is excluded). One function serves ``workbench score``
and the review UI, so both show the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models import Claim, Event, SourceScore, TollEstimate, Verdict

if TYPE_CHECKING:  # pandas and the estimators load when a fit runs, not when the UI starts
    import pandas as pd
    from sqlalchemy import Connection

    from scoring import RangeCRH

METHOD = "figures"


@dataclass(frozen=True)
class FigureFit:
    """The assertions, the fitted model, and what front ends read from them."""

    assertions: pd.DataFrame
    model: RangeCRH

    def scores(self) -> list[SourceScore]:
        """Reliability, interval, n and Admiralty grade per origin, best first."""
        scores = [s.model_copy(update={"method": METHOD}) for s in self.model.to_source_scores()]
        return sorted(scores, key=lambda s: (-s.reliability, s.source))

    def estimates(self) -> dict[str, tuple[TollEstimate, ...]]:
        """Per incident, the best estimate of each casualty kind with its spread."""
        truths = self.model.truths_
        kinds = self.assertions.drop_duplicates("object").set_index("object")
        out: dict[str, list[TollEstimate]] = {}
        for obj, row in zip(truths.index, truths.itertuples(index=False), strict=True):
            event, kind = kinds.at[obj, "event"], kinds.at[obj, "kind"]
            out.setdefault(str(event), []).append(
                TollEstimate(
                    kind=str(kind),
                    value=float(row.value),  # type: ignore[arg-type]
                    low=float(row.low),  # type: ignore[arg-type]
                    high=float(row.high),  # type: ignore[arg-type]
                    confidence=min(max(float(row.confidence), 0.0), 1.0),  # type: ignore[arg-type]
                )
            )
        return {event: tuple(items) for event, items in out.items()}


def fit_figures(
    events: Iterable[Event], claims: Mapping[str, Claim], truths: Mapping[str, bool] | None = None
) -> FigureFit | None:
    """Truth discovery over the incidents' figures, or None while no origin gave one."""
    from scoring import RangeCRH
    from workbench.events.assertions import figure_assertions

    frame = figure_assertions(events, claims, truths)
    if frame.empty:
        return None
    return FigureFit(assertions=frame, model=RangeCRH().fit(frame))


def fit_figures_database(
    connection: Connection, verdicts: Sequence[Verdict] | None = None
) -> FigureFit | None:
    """``fit_figures`` over the stored incidents, with the verdicts this viewer may see.

    Reads the stored grouping when it is fresh and groups in memory otherwise: scoring
    never writes to the database.
    """
    from workbench.events.grouping import group_claims
    from workbench.events.storage import (
        current_grouping,
        grouping_is_fresh,
        load_edits,
        load_grouping,
        load_sources,
    )
    from workbench.reliability import consensus_truth
    from workbench.store.reports import list_reports, load_claims
    from workbench.store.verdicts import current_verdicts

    if grouping_is_fresh(connection):
        grouping = current_grouping(connection)
        events, claims = grouping.events, grouping.claims
    else:
        reports = {report.id: report for report in list_reports(connection)}
        claim_list = load_claims(connection)
        events = group_claims(
            claim_list,
            reports,
            load_edits(connection),
            load_sources(connection),
            load_grouping(connection),
        )
        claims = {claim.id: claim for claim in claim_list}
    if verdicts is None:
        verdicts = current_verdicts(connection)
    return fit_figures(events, claims, consensus_truth(verdicts))


def format_estimate(estimate: TollEstimate) -> str:
    """ "best estimate 44 (40-60)"; an open spread reads "40+"."""
    if estimate.low == estimate.high:
        spread = f"{estimate.low:g}"
    elif math.isinf(estimate.high):
        spread = f"{estimate.low:g}+"
    else:
        spread = f"{estimate.low:g}\u2013{estimate.high:g}"
    return f"best estimate {estimate.value:g} ({spread})"
