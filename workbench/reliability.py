"""Source reliability from the reviewers' verdicts stored in the database.

One function serves ``workbench score`` (no assertions file) and the review UI's
source panel, so both show the same figures. The maths is ``scoring.BetaReliability``;
this module only turns stored verdicts into its input frame:

- origins, not outlets: claims that copy one another (the same origin, per
  ``workbench.events.count_origins``, in the same event, in near-identical words:
  a wire story and its republications) are one piece of evidence;
- every source of a judged claim is listed, unresolved ones with n = 0;
- "doubtful" is weak evidence of falsehood (``scoring.beta.DOUBTFUL_STRENGTH``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import Connection, select

from models import VERDICTS, Claim, Report, Source, SourceScore, Verdict, VerdictLabel, VerdictRole
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


# Claims of one origin whose propositions are at least this similar (and repeat the
# same figures) are copies.
COPY_SIMILARITY = 90.0
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _evidence_of(label: VerdictLabel) -> tuple[bool, float] | None:
    """(truth, strength) one verdict gives, or None when it resolves nothing."""
    from scoring.beta import DOUBTFUL_STRENGTH

    if label is VerdictLabel.DOUBTFUL:
        return False, DOUBTFUL_STRENGTH
    truth = VERDICTS[label].truth
    return None if truth is None else (truth, 1.0)


def consensus_evidence(verdicts: Iterable[Verdict]) -> dict[str, tuple[bool, float]]:
    """Per claim, the truth its reviewers agree on and how strongly (1, or less for doubtful).

    Like :func:`consensus_truth`, but "doubtful" counts as weak evidence of
    falsehood: alone it gives (False, DOUBTFUL_STRENGTH); beside a refutation the
    refutation's full strength; beside a corroboration it is a disagreement.
    """
    verdicts = list(verdicts)
    per_claim: dict[str, list[tuple[bool, float]]] = {}
    for v in verdicts:
        if v.label is None or v.role is not VerdictRole.REVIEW:
            continue
        evidence = _evidence_of(v.label)
        if evidence is not None:
            per_claim.setdefault(v.claim_id, []).append(evidence)
    agreed = {
        claim: (found[0][0], max(strength for _, strength in found))
        for claim, found in per_claim.items()
        if len({truth for truth, _ in found}) == 1
    }
    adjudicated = {v.claim_id for v in verdicts if v.role is VerdictRole.ADJUDICATION}
    for claim, label in final_verdicts(verdicts).items():
        if claim in adjudicated:
            ruled = _evidence_of(label)
            if ruled is None:
                agreed.pop(claim, None)
            else:
                agreed[claim] = ruled
    return agreed


def verdict_frame(
    truths: Mapping[str, bool | tuple[bool, float]],
    links: Mapping[str, Sequence[str]],
    judged: Iterable[str] = (),
    units: Mapping[str, str] | None = None,
    origins: Mapping[str, tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """``BetaReliability``'s input: one row per (source, judged claim).

    ``truths`` maps resolved claims to a truth or (truth, strength); ``judged``
    claims without one are listed as "unresolved" (their sources appear, n = 0).
    ``units`` maps each claim to its piece of evidence (copies share one, see
    :func:`copy_units`; default: the claim itself) and ``origins`` to the origins
    it comes from: a source that is one of its claim's origins speaks for itself,
    any other source echoes the claim's origin (several echoes of one origin's
    claim share a single unit of evidence). The estimator collapses repeated
    (source, unit, origin) rows, so a copy never counts twice.
    """
    units = units or {}
    origins = origins or {}
    rows: list[tuple[str, str, str, str, float]] = []
    claims = list(dict.fromkeys([*truths, *judged]))
    for claim in claims:
        found = truths.get(claim)
        if found is None:
            value, strength = "unresolved", 1.0
        else:
            truth, strength = found if isinstance(found, tuple) else (bool(found), 1.0)
            value = "true" if truth else "false"
        unit = units.get(claim, claim)
        claim_origins = origins.get(claim, ())
        for source in links.get(claim, ()):
            own = source in claim_origins or not claim_origins
            origin = source if own else " + ".join(claim_origins)
            rows.append((source, unit, value, origin, strength))
    return pd.DataFrame(rows, columns=["source", "object", "value", "origin", "weight"])


def copy_units(
    claims: Sequence[Claim],
    reports: Mapping[str, Report],
    sources: Mapping[str, Source] | None = None,
    event_of: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Each claim's piece of evidence, and its origins (``count_origins``).

    Claims of the same event (when grouped) with the same origins and
    near-identical propositions (``COPY_SIMILARITY``) are copies: a wire story and
    its republications, or one statement quoted by several outlets. They share
    one unit. Claims of unknown lineage are grouped by the sources they credit.
    """
    from rapidfuzz import fuzz

    from workbench.events import count_origins

    found = count_origins(claims, reports, sources).claim_origins
    event_of = event_of or {}
    groups: dict[tuple[str, tuple[str, ...]], list[Claim]] = {}
    for claim in claims:
        # unknown lineage adds no origin, but a copy is still a copy: its sources
        # (as credited) stand in for the origin when grouping copies
        key = tuple(sorted(found.get(claim.id, ()))) or tuple(sorted(claim.sources))
        if key:
            groups.setdefault((event_of.get(claim.id, ""), key), []).append(claim)
    units: dict[str, str] = {}
    for members in groups.values():
        texts = [" ".join(c.text.casefold().split()) for c in members]
        figures = [_DIGITS.findall(text) for text in texts]
        order = sorted(range(len(members)), key=lambda i: texts[i])
        # copies sort next to each other: compare a bounded neighbourhood; a copy
        # repeats every figure ("26 killed" is no copy of "28 killed")
        for pos, i in enumerate(order):
            units.setdefault(members[i].id, members[i].id)
            for j in order[pos + 1 : pos + 8]:
                if (
                    members[j].id not in units
                    and figures[i] == figures[j]
                    and fuzz.ratio(texts[i], texts[j]) >= COPY_SIMILARITY
                ):
                    units[members[j].id] = units[members[i].id]
    return units, {claim: tuple(sorted(o)) for claim, o in found.items()}


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
    verdicts: Sequence[Verdict],
    links: Mapping[str, Sequence[str]],
    units: Mapping[str, str] | None = None,
    origins: Mapping[str, tuple[str, ...]] | None = None,
) -> BetaReliability | None:
    """Beta-Binomial reliability per source (every source of a judged claim), or None
    while no claim is judged."""
    from scoring import BetaReliability

    judged = [v.claim_id for v in verdicts if v.label is not None]
    frame = verdict_frame(consensus_evidence(verdicts), links, judged, units, origins)
    return BetaReliability().fit(frame) if not frame.empty else None


def score_from_verdicts(
    verdicts: Sequence[Verdict],
    links: Mapping[str, Sequence[str]],
    units: Mapping[str, str] | None = None,
    origins: Mapping[str, tuple[str, ...]] | None = None,
) -> list[SourceScore]:
    """Reliability, interval, n and Admiralty grade per source, best first."""
    fitted = fit_from_verdicts(verdicts, links, units, origins)
    scores = fitted.to_source_scores() if fitted is not None else []
    return sorted(scores, key=lambda s: (-s.reliability, s.source))


def evidence_units(
    connection: Connection, claim_ids: Iterable[str]
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """:func:`copy_units` for stored claims (their reports, the registry, the events)."""
    from workbench.events.storage import load_grouping, load_sources
    from workbench.store.converters import row_to_report
    from workbench.store.reports import id_batches, load_claims, select_in

    wanted = set(claim_ids)
    if not wanted:
        return {}, {}
    c = schema.claims.c
    report_ids = sorted(select_in(connection, c.report_id, c.id, wanted))
    claims = [claim for claim in load_claims(connection, report_ids) if claim.id in wanted]
    reports: dict[str, Report] = {}
    for chunk in id_batches(report_ids):
        query = select(schema.reports).where(schema.reports.c.id.in_(chunk))
        for row in connection.execute(query).mappings():
            report = row_to_report(row)
            reports[report.id] = report
    event_of = {
        claim: event for event, members in load_grouping(connection).items() for claim in members
    }
    return copy_units(claims, reports, load_sources(connection), event_of)


def fit_database(connection: Connection) -> BetaReliability | None:
    """``fit_from_verdicts`` over the current verdicts stored in the database."""
    verdicts = current_verdicts(connection)
    judged = [v.claim_id for v in verdicts]
    units, origins = evidence_units(connection, judged)
    return fit_from_verdicts(verdicts, claim_sources(connection, judged), units, origins)
