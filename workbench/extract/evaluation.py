"""Scoring extracted claims against hand-written gold annotations.

Gold claims are located by an ``anchor``: a verbatim fragment of the report that
the extracted claim must overlap (the convention of the shared Palmyra fixture).
Used by the golden tests and by ``benchmarks/bench_extract_quality.py``, so the
numbers in the README are the numbers the tests check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import Claim, Report
from workbench.extract.pipeline import extract_claims
from workbench.extract.registry import load_registry


@dataclass
class Scores:
    """Counts behind precision/recall and the per-field accuracies."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    sources_right: int = 0
    cue_right: int = 0
    modality_right: int = 0
    figures_right: int = 0
    caveats_right: int = 0
    gold_caveats: int = 0
    caveats_found: int = 0
    unattributed: int = 0
    unattributed_violations: int = 0
    tolls: int = 0  # gold reports with a main toll annotated
    tolls_right: int = 0
    injured_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name in (
            "gold",
            "predicted",
            "matched",
            "sources_right",
            "cue_right",
            "modality_right",
            "figures_right",
            "caveats_right",
            "gold_caveats",
            "caveats_found",
            "unattributed",
            "unattributed_violations",
            "tolls",
            "tolls_right",
            "injured_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, float | int]:
        m = self.matched
        return {
            "reports_claims_gold": self.gold,
            "predicted": self.predicted,
            "matched": m,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "source_accuracy": round(self._ratio(self.sources_right, m), 3),
            "cue_accuracy": round(self._ratio(self.cue_right, m), 3),
            "modality_accuracy": round(self._ratio(self.modality_right, m), 3),
            "figure_accuracy": round(self._ratio(self.figures_right, m), 3),
            "caveat_accuracy": round(self._ratio(self.caveats_right, m), 3),
            "caveat_recall": round(self._ratio(self.caveats_found, self.gold_caveats), 3),
            "unattributed_violations": self.unattributed_violations,
            **(
                {
                    "toll_accuracy": round(self._ratio(self.tolls_right, self.tolls), 3),
                    "injured_accuracy": round(self._ratio(self.injured_right, self.tolls), 3),
                }
                if self.tolls
                else {}
            ),
        }


_UNIT_WORDS = {"kilometres": "km", "injured": "wounded", "dead": "killed"}


_SINGULAR = {"women": "woman", "men": "man", "children": "child", "people": "person"}


def _singular(word: str) -> str:
    if word in _SINGULAR:
        return _SINGULAR[word]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _norm_unit(unit: str) -> str:
    """One spelling of a unit: "injured" is "wounded", "people killed" is "killed" (the
    counted noun "people" is the default a reader assumes), and a noun's number does not
    count ("1 women killed" and "1 woman killed" are one reading)."""
    words = [_UNIT_WORDS.get(w, w) for w in unit.lower().split()]
    if len(words) > 1 and words[0] in ("people", "persons", "person"):
        words = words[1:]
    return " ".join(_singular(w) for w in words)


def _figures_match(gold: list[dict[str, Any]], claim: Claim) -> bool:
    if len(gold) != len(claim.quantities):
        return False
    remaining = list(claim.quantities)
    for item in gold:
        hit = next(
            (
                q
                for q in remaining
                if abs(q.value - float(item["value"])) < 1e-6
                and _norm_unit(q.unit) == _norm_unit(str(item.get("unit", "")))
                and ("approximate" not in item or q.approximate == item["approximate"])
            ),
            None,
        )
        if hit is None:
            return False
        remaining.remove(hit)
    return True


def _caveats_match(gold: list[str], claim: Claim) -> tuple[bool, int]:
    found = 0
    for text in gold:
        wanted = text.lower().strip(" .")
        if any(
            wanted in c.text.lower() or c.text.lower().strip(" .") in wanted for c in claim.caveats
        ):
            found += 1
    return found == len(gold) and len(claim.caveats) == len(gold), found


def score_report(text: str, gold: dict[str, Any], claims: list[Claim], name: str = "") -> Scores:
    """Match claims to gold anchors (one to one, by overlap) and count what is right."""
    scores = Scores(gold=len(gold["claims"]), predicted=len(claims))
    used: set[int] = set()
    for item in gold["claims"]:
        anchor = item["anchor"]
        at = text.find(anchor)
        if at < 0:
            raise ValueError(f"{name}: anchor not in report: {anchor!r}")
        lo, hi = at, at + len(anchor)
        best, best_overlap = -1, 0
        for index, claim in enumerate(claims):
            if index in used:
                continue
            overlap = min(hi, claim.span[1]) - max(lo, claim.span[0])
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        scores.gold_caveats += len(item.get("caveats", []))
        if best < 0:
            scores.errors.append(f"{name}: missed {anchor[:70]!r}")
            continue
        used.add(best)
        claim = claims[best]
        scores.matched += 1
        if set(claim.sources) == set(item["sources"]):
            scores.sources_right += 1
        else:
            scores.errors.append(
                f"{name}: sources {list(claim.sources)} != {item['sources']} for {anchor[:50]!r}"
            )
        if claim.cue == item.get("cue", claim.cue):
            scores.cue_right += 1
        else:
            scores.errors.append(
                f"{name}: cue {claim.cue!r} != {item['cue']!r} for {anchor[:50]!r}"
            )
        if claim.modality.value == item.get("modality", "asserted"):
            scores.modality_right += 1
        else:
            scores.errors.append(
                f"{name}: modality {claim.modality.value} != "
                f"{item.get('modality')} for {anchor[:50]!r}"
            )
        if _figures_match(item.get("quantities", []), claim):
            scores.figures_right += 1
        else:
            got = [(q.value, q.unit, q.approximate) for q in claim.quantities]
            scores.errors.append(
                f"{name}: figures {got} != {item.get('quantities')} for {anchor[:50]!r}"
            )
        ok, found = _caveats_match(item.get("caveats", []), claim)
        scores.caveats_found += found
        if ok:
            scores.caveats_right += 1
        else:
            got_caveats = [c.text for c in claim.caveats]
            scores.errors.append(
                f"{name}: caveats {got_caveats} != {item.get('caveats')} for {anchor[:50]!r}"
            )
    for index, claim in enumerate(claims):
        if index not in used:
            scores.errors.append(f"{name}: extra claim {claim.text[:70]!r} {claim.sources}")
    for anchor in gold.get("unattributed", []):
        scores.unattributed += 1
        at = text.find(anchor)
        if at < 0:
            raise ValueError(f"{name}: unattributed anchor not in report: {anchor!r}")
        if any(c.span[0] < at + len(anchor) and at < c.span[1] for c in claims):
            scores.unattributed_violations += 1
            scores.errors.append(f"{name}: background sentence became a claim: {anchor[:60]!r}")
    return scores


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold reports from a JSON file (one object) or a JSONL file (one per line)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    data = json.loads(raw)
    return data if isinstance(data, list) else [data]


def score_split(path: Path, split: str) -> Scores:
    """Scores summed over the gold reports of one split of a gold file, each extracted with
    a fresh registry (as ingest does, report by report)."""
    total = Scores()
    for item in load_gold(path):
        if item.get("split") != split:
            continue
        report = report_of(item)
        claims = extract_claims(report, load_registry())
        total.add(score_report(report.text, item, claims, item["id"]))
    return total


def report_of(item: dict[str, Any]) -> Report:
    """The report a gold item annotates (its title, when given, is the headline)."""
    return Report(text=item["text"], outlet=item.get("outlet", ""), title=item.get("title", ""))


def toll_right(item: dict[str, Any], killed: float | None, injured: float | None) -> bool:
    """The extracted main toll equals the gold ``toll`` ({"killed": N|null, "injured": ...})
    on the killed count (the figure compared with crowd-coded counts)."""
    gold = item["toll"].get("killed")
    return (killed is None and gold is None) or (
        killed is not None and gold is not None and abs(killed - gold) < 1e-6
    )
