"""Source reliability and truth discovery over pandas/numpy. No UI, no database.

Every method follows one estimator contract (``scoring.base.TruthEstimator``):
``fit(frame, known_truths=None)`` on a long frame ``source, object, value``
(optional ``weight``, ``stance``, ``origin``, ``kind``), then ``truths_`` and
``source_reliability_``. ``REGISTRY`` maps the public method names to classes.
``RangeCRH`` (numeric ranges with open bounds, copy detection) takes ``lower, upper``
instead of ``value`` and stays out of ``REGISTRY``, whose methods all take any value type.
"""

from __future__ import annotations

from typing import Any

from scoring.auto import Auto, choose_method
from scoring.average_log import AverageLog
from scoring.base import TruthEstimator
from scoring.beta import BetaReliability, verdict_truth
from scoring.crh import CRH
from scoring.dawid_skene import DawidSkene
from scoring.glad import GLAD
from scoring.investment import Investment
from scoring.mace import MACE
from scoring.majority import MajorityVote
from scoring.one_coin import OneCoin
from scoring.one_coin_ds import OneCoinDawidSkene
from scoring.pooled_investment import PooledInvestment
from scoring.range_crh import RangeCRH
from scoring.sums import Sums
from scoring.truthfinder import TruthFinder
from scoring.utils import FrameError
from scoring.wawa import Wawa

REGISTRY: dict[str, type[TruthEstimator]] = {
    cls.name: cls
    for cls in (
        MajorityVote,
        Wawa,
        Sums,
        AverageLog,
        Investment,
        PooledInvestment,
        TruthFinder,
        DawidSkene,
        OneCoin,
        OneCoinDawidSkene,
        GLAD,
        MACE,
        CRH,
        BetaReliability,
        Auto,
    )
}
METHODS: tuple[str, ...] = tuple(REGISTRY)


def get_estimator(name: str, **params: Any) -> TruthEstimator:
    """A fresh estimator by its public name (``majority``, ``dawid_skene``, ``auto``...)."""
    try:
        cls = REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown method {name!r}; choose from {', '.join(METHODS)}") from None
    return cls(**params)


__all__ = [
    "CRH",
    "GLAD",
    "MACE",
    "METHODS",
    "REGISTRY",
    "Auto",
    "AverageLog",
    "BetaReliability",
    "DawidSkene",
    "FrameError",
    "Investment",
    "MajorityVote",
    "OneCoin",
    "OneCoinDawidSkene",
    "PooledInvestment",
    "RangeCRH",
    "Sums",
    "TruthEstimator",
    "TruthFinder",
    "Wawa",
    "choose_method",
    "get_estimator",
    "verdict_truth",
]
