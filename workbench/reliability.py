"""Source reliability from the reviewers' verdicts stored in the database.

One function serves ``workbench score`` (no assertions file) and the review UI's
source panel, so both show the same figures. The maths is ``scoring.BetaReliability``;
this module only turns stored verdicts into its input frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import Connection, select

from models import VERDICTS, SourceScore, Verdict, VerdictRole
from workbench.store import schema
from workbench.store.team import final_verdicts
from workbench.store.verdicts import current_verdicts

if TYPE_CHECKING:
    from scoring import BetaReliability

_BATCH = 500


def consensus_truth(verdicts: Iterable[Verdict]) -> dict[str, bool]:
    """Per claim, the truth its reviewers agree on.

    A claim counts only when every reviewer who resolved it (a verdict whose
    ``truth`` is True or False) resolved it the same way; unresolved verdicts
    (single source, contested, ...) and disagreements add no evidence. An
    adjudication given after the reviews settles the claim instead.
    """
    verdicts = list(verdicts)
    truths = pd.DataFrame(
        [
            (v.claim_id, VERDICTS[v.label].truth)
            for v in verdicts
            if v.label is not None and v.role is VerdictRole.REVIEW
        ],
        columns=["claim", "truth"],
    ).dropna()
    agreed: dict[str, bool] = {}
    if not truths.empty:
        spread = truths.groupby("claim")["truth"].agg(["min", "max"])
        spread = spread[spread["min"] == spread["max"]]
        agreed = {str(claim): bool(truth) for claim, truth in spread["min"].items()}
    adjudicated = {v.claim_id for v in verdicts if v.role is VerdictRole.ADJUDICATION}
    for claim, label in final_verdicts(verdicts).items():
        if claim in adjudicated:
            ruled = VERDICTS[label].truth
            if ruled is None:
                agreed.pop(claim, None)
            else:
                agreed[claim] = ruled
    return agreed


def verdict_frame(truths: Mapping[str, bool], links: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """``BetaReliability``'s input: one row per (source, resolved claim).

    The origin is the source itself: a claim credited to "the Observatory and regional
    media" gives each its own row, and the estimator collapses repeated
    (source, claim, origin) rows, so an echo never counts twice.
    """
    rows = [
        (source, claim, "true" if truth else "false", source)
        for claim, truth in truths.items()
        for source in links.get(claim, ())
    ]
    return pd.DataFrame(rows, columns=["source", "object", "value", "origin"])


def claim_sources(connection: Connection, claim_ids: Sequence[str]) -> dict[str, list[str]]:
    """The sources of the given claims, read in batches (only judged claims are asked for)."""
    links: dict[str, list[str]] = {}
    c = schema.claim_sources.c
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), _BATCH):
        query = select(c.claim_id, c.source).where(c.claim_id.in_(ids[start : start + _BATCH]))
        for claim_id, source in connection.execute(query):
            links.setdefault(claim_id, []).append(source)
    return links


def fit_from_verdicts(
    verdicts: Sequence[Verdict], links: Mapping[str, Sequence[str]]
) -> BetaReliability | None:
    """Beta-Binomial reliability per source, or None while no claim is resolved."""
    from scoring import BetaReliability

    frame = verdict_frame(consensus_truth(verdicts), links)
    return BetaReliability().fit(frame) if not frame.empty else None


def score_from_verdicts(
    verdicts: Sequence[Verdict], links: Mapping[str, Sequence[str]]
) -> list[SourceScore]:
    """Reliability, interval, n and Admiralty grade per source, best first."""
    fitted = fit_from_verdicts(verdicts, links)
    scores = fitted.to_source_scores() if fitted is not None else []
    return sorted(scores, key=lambda s: (-s.reliability, s.source))


def fit_database(connection: Connection) -> BetaReliability | None:
    """``fit_from_verdicts`` over the current verdicts stored in the database."""
    verdicts = current_verdicts(connection)
    return fit_from_verdicts(verdicts, claim_sources(connection, [v.claim_id for v in verdicts]))
