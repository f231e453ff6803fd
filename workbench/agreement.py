"""How far reviewers agree on their verdicts, per reviewer pair and overall.

The coefficients come from well-kept libraries checked against published worked
examples (tests/agreement): irrCAC (Gwet's formulas) for Cohen's/Conger's kappa,
Fleiss' kappa and Gwet's AC1, and ``krippendorff`` for Krippendorff's alpha,
nominal on the verdicts and ordinal on the Admiralty 1-6 credibility scale.
AC1 is reported because most claims are single-source: when one label dominates,
kappa collapses towards zero even when reviewers almost always agree (the
"kappa paradox", Feinstein & Cicchetti 1990; Gwet 2008).
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from models import VERDICTS, Verdict, VerdictLabel, VerdictRole


@dataclass(frozen=True)
class Agreement:
    """Agreement among ``raters`` over the ``items`` that two or more of them judged."""

    raters: str
    items: int
    percent: float
    kappa: float  # Cohen's for a pair, Fleiss' for more
    kappa_name: str
    gwet_ac1: float
    alpha_nominal: float
    alpha_ordinal: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def credibility_rank(label: VerdictLabel) -> float:
    """A verdict's place on the Admiralty 1-6 credibility scale (a range's midpoint)."""
    low, high = VERDICTS[label].credibility
    return (low + high) / 2


def ratings_frame(verdicts: Iterable[Verdict]) -> pd.DataFrame:
    """Claims x reviewers of current verdict labels; NaN where a reviewer gave none."""
    rows = [
        (v.claim_id, v.reviewer, v.label.value)
        for v in verdicts
        if v.label is not None and v.role is VerdictRole.REVIEW
    ]
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame(rows, columns=["claim", "reviewer", "label"])
    table = frame.pivot_table(index="claim", columns="reviewer", values="label", aggfunc="last")
    return table.sort_index(axis=1)


def _coefficient(result: dict[str, dict[str, object]]) -> float:
    value = result["est"]["coefficient_value"]
    return float(value) if isinstance(value, int | float) else math.nan


def agreement(table: pd.DataFrame) -> Agreement:
    """All coefficients for the raters (columns) of ``table``, on items rated twice or more."""
    from irrCAC.raw import CAC
    from krippendorff import alpha

    rated = table[table.notna().sum(axis=1) >= 2]
    raters = " + ".join(map(str, table.columns))
    if rated.empty:
        nan = math.nan
        return Agreement(raters, 0, nan, nan, "kappa", nan, nan, nan)
    code_of = {label.value: float(i) for i, label in enumerate(VerdictLabel)}
    rank_of = {label.value: credibility_rank(label) for label in VerdictLabel}
    codes = rated.apply(lambda column: column.map(code_of)).astype(float)
    ranks = rated.apply(lambda column: column.map(rank_of)).astype(float)
    pair = rated.shape[1] == 2
    with warnings.catch_warnings():  # the libraries warn on degenerate (single-label) data
        warnings.simplefilter("ignore")
        cac = CAC(codes)
        kappa = _coefficient(cac.conger() if pair else cac.fleiss())
        ac1 = _coefficient(cac.gwet())
        alpha_nominal = _alpha(alpha, codes, "nominal")
        alpha_ordinal = _alpha(alpha, ranks, "ordinal")
    return Agreement(
        raters,
        len(rated),
        _percent(codes),
        kappa,
        "cohen" if pair else "fleiss",
        ac1,
        alpha_nominal,
        alpha_ordinal,
    )


def _alpha(alpha: object, frame: pd.DataFrame, level: str) -> float:
    data = frame.to_numpy(dtype=float).T  # krippendorff wants raters x units
    if np.unique(data[~np.isnan(data)]).size < 2:
        return math.nan  # one value only: alpha is 0/0, undefined
    return float(alpha(reliability_data=data, level_of_measurement=level))  # type: ignore[operator]


def _percent(codes: pd.DataFrame) -> float:
    """Share of agreeing rater pairs among all pairs that judged the same claim."""
    per_label = np.stack(
        [
            (codes == k).sum(axis=1).to_numpy()
            for k in np.unique(codes.to_numpy()[~np.isnan(codes.to_numpy())])
        ]
    )
    judged = per_label.sum(axis=0)
    pairs = (judged * (judged - 1) / 2).sum()
    agreeing = (per_label * (per_label - 1) / 2).sum()
    return float(agreeing / pairs) if pairs else math.nan


def agreement_report(verdicts: Iterable[Verdict]) -> list[Agreement]:
    """One row per reviewer pair, then the overall row for all reviewers."""
    table = ratings_frame(verdicts)
    if table.empty or table.shape[1] < 2:
        return []
    rows = [agreement(table[[a, b]]) for a, b in itertools.combinations(table.columns, 2)]
    if table.shape[1] > 2:
        overall = agreement(table)
        rows.append(Agreement(**{**overall.as_dict(), "raters": "all"}))  # type: ignore[arg-type]
    return rows
