"""A claim's workflow status, kept apart from the verdict on it (DESIGN.md).

Derived on demand from the append-only rows (current verdicts, their roles, second-
review requests), never stored, so it can never disagree with them:

- unreviewed: no reviewer has given a verdict;
- needs_second_review: a second review was asked for and fewer than two reviewers
  have answered;
- in_review: the reviewers' current verdicts differ and no ruling has settled them
  since (the claim waits in the adjudication queue);
- adjudicated: a ruling is newer than every review;
- final: every reviewer who answered agrees (one reviewer, where no second review
  was asked for). A new request or a changed verdict reopens it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select

from models import Verdict, VerdictRole, WorkflowStatus
from workbench.store import schema
from workbench.store.reports import select_in
from workbench.store.team import ruling_in_force
from workbench.store.verdicts import current_verdicts


def status_of(verdicts: Sequence[Verdict], second_review_requested: bool) -> WorkflowStatus:
    """One claim's status from its current verdicts (newest per reviewer)."""
    if ruling_in_force(verdicts) is not None:
        return WorkflowStatus.ADJUDICATED
    reviews = [v for v in verdicts if v.role is VerdictRole.REVIEW and v.label is not None]
    if not reviews:
        return WorkflowStatus.UNREVIEWED
    if second_review_requested and len({v.reviewer for v in reviews}) < 2:
        return WorkflowStatus.NEEDS_SECOND_REVIEW
    if len({v.label for v in reviews}) > 1:
        return WorkflowStatus.IN_REVIEW
    return WorkflowStatus.FINAL


def workflow_statuses(
    connection: Connection, claim_ids: Iterable[str] | None = None
) -> dict[str, WorkflowStatus]:
    """Status per claim: every stored claim, or only ``claim_ids``."""
    requests = schema.review_requests.c
    if claim_ids is None:
        wanted = list(connection.scalars(select(schema.claims.c.id)))
        # A status tells whether a claim was reviewed, never how: blind review may know it.
        verdicts = current_verdicts(connection, blind=False)
        requested = set(connection.scalars(select(requests.claim_id).distinct()))
    else:
        wanted = list(dict.fromkeys(claim_ids))
        verdicts = current_verdicts(connection, claim_ids=wanted, blind=False)
        requested = select_in(connection, requests.claim_id, requests.claim_id, wanted)
    by_claim: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_claim[verdict.claim_id].append(verdict)
    return {claim: status_of(by_claim.get(claim, []), claim in requested) for claim in wanted}
