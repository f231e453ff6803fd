"""Replay reviewers' corrections over extracted claims (no database, no Textual).

Corrections are kept apart from the extractor's output and applied when claims are
read (the review UI, the export), so re-extracting a report or regrouping events
never loses them: a correction finds its claim by id, else (the claim was extracted
again with another span or wording) by the claim of the same report whose span
overlaps its own the most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from models import Claim, Quantity, claim_id
from models.correction import Correction, CorrectionKind

# "52 dead", "at least 40 died", "≥40 died", "22-44 killed", "about 30 wounded"
_FIGURE = re.compile(
    r"^(?P<least>at least\s+|≥\s*)?(?P<about>about\s+|~\s*)?(?P<low>\d+(?:\.\d+)?)"
    r"(?:\s*[-\u2013]\s*(?P<high>\d+(?:\.\d+)?))?\s*(?P<unit>.*)$",
    re.IGNORECASE,
)


def parse_figures(text: str) -> tuple[Quantity, ...]:
    """Figures typed by a reviewer, separated by ';'. Raises ValueError naming the bad one."""
    figures = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = _FIGURE.match(part)
        if match is None:
            raise ValueError(f"not a figure: {part!r} (try '52 killed' or 'at least 40 dead')")
        low = float(match["low"])
        high = float(match["high"]) if match["high"] else None
        if high is not None and high < low:
            raise ValueError(f"range upside down: {part!r}")
        figures.append(
            Quantity(
                value=low,
                low=low if high is not None else None,
                high=high,
                at_least=bool(match["least"]),
                approximate=bool(match["about"]),
                unit=match["unit"].strip(),
                text=part,
            )
        )
    return tuple(figures)


def describe_figures(quantities: Iterable[Quantity]) -> str:
    """The figures in the form ``parse_figures`` reads back."""
    parts = []
    for q in quantities:
        low, high = q.bounds
        number = f"at least {q.value:g}" if q.at_least else f"{q.value:g}"
        if not q.at_least and low != high and q.high is not None:
            number = f"{low:g}-{high:g}"
        if q.approximate and not q.at_least:
            number = "about " + number
        parts.append(f"{number} {q.unit}".strip())
    return "; ".join(parts)


def in_force(corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections not withdrawn by an ``undo`` row, oldest first."""
    every = sorted(corrections, key=lambda c: c.id or 0)
    undone = {c.undoes for c in every if c.kind is CorrectionKind.UNDO}
    return [c for c in every if c.kind is not CorrectionKind.UNDO and c.id not in undone]


def _anchor(correction: Correction, claims: Sequence[Claim]) -> Claim | None:
    """The claim a correction is about: same id, else the claim of its report read from
    nearly the same span (sharing at least half of the longer span)."""
    best, overlap = None, 0
    length = correction.span[1] - correction.span[0]
    for claim in claims:
        if claim.id == correction.claim_id:
            return claim
        if claim.report_id == correction.report_id:
            shared = min(claim.span[1], correction.span[1]) - max(claim.span[0], correction.span[0])
            longer = max(length, claim.span[1] - claim.span[0])
            if shared > overlap and 2 * shared >= longer:
                best, overlap = claim, shared
    return best


def trim_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the blanks a selection took in at either end."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def added_claim(correction: Correction) -> Claim:
    """The claim a reviewer marked in a report (an ``add`` correction)."""
    return Claim(
        id=claim_id(correction.report_id, correction.span, correction.text),
        report_id=correction.report_id,
        text=correction.text,
        sentence=correction.text,
        span=correction.span,
        sources=correction.sources,
        cue="(added by a reviewer)",
    )


def apply_corrections(
    claims: Sequence[Claim], corrections: Iterable[Correction]
) -> tuple[list[Claim], dict[str, tuple[str, ...]]]:
    """The corrected claims (rejected ones left out), and the kinds applied to each claim.

    An added claim is kept where it is stored; once its ``add`` is withdrawn it is left
    out like a rejected one.
    """
    corrections = list(corrections)
    current = {claim.id: claim for claim in claims}
    applied: dict[str, tuple[str, ...]] = {}
    force = in_force(corrections)
    kept_adds = {c.claim_id for c in force if c.kind is CorrectionKind.ADD}
    rejected: set[str] = {
        c.claim_id
        for c in corrections
        if c.kind is CorrectionKind.ADD and c.claim_id not in kept_adds
    }
    for correction in force:
        if correction.kind is CorrectionKind.ADD:
            if correction.claim_id in current:
                applied[correction.claim_id] = ("add",)
            continue
        if correction.kind is CorrectionKind.MERGE_SOURCE:
            old, new = correction.source_from, correction.source_into
            for key, claim in current.items():
                if old in claim.sources:
                    merged = tuple(dict.fromkeys(new if s == old else s for s in claim.sources))
                    current[key] = claim.model_copy(update={"sources": merged})
                    applied[key] = (*applied.get(key, ()), correction.kind.value)
            continue
        found = _anchor(correction, list(current.values()))
        if found is None:
            continue  # its report is not among these claims
        claim = found
        if correction.kind is CorrectionKind.REJECT:
            rejected.add(claim.id)
        elif correction.kind is CorrectionKind.SOURCE:
            claim = claim.model_copy(update={"sources": correction.sources})
        elif correction.kind is CorrectionKind.FIGURE:
            claim = claim.model_copy(update={"quantities": correction.quantities})
        elif correction.kind is CorrectionKind.MODALITY and correction.modality is not None:
            claim = claim.model_copy(update={"modality": correction.modality})
        current[claim.id] = claim
        applied[claim.id] = (*applied.get(claim.id, ()), correction.kind.value)
    kept = [current[c.id] for c in claims if c.id not in rejected]
    return kept, applied
