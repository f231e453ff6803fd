"""Toy frames for the scoring tests (small enough to check every answer by hand)."""

from __future__ import annotations

import pandas as pd
import pytest


def frame(rows: list[tuple[object, ...]], columns: tuple[str, ...] = ("source", "object", "value")):
    return pd.DataFrame(rows, columns=list(columns))


def contested_frame() -> pd.DataFrame:
    """Four careful sources and three careless ones; majority gets object X wrong.

    On o1..o10 the truth is 1: A, B, F, G always say 1; C, D, E say 0 on 7 of
    the 10 (each on a different 7). On X, A and B say 1 and C, D, E say 0:
    majority picks 0, a model of source accuracy picks 1.
    """
    rows: list[tuple[object, ...]] = []
    wrong = {"C": range(0, 7), "D": range(3, 10), "E": [0, 1, 2, 3, 7, 8, 9]}
    for i in range(10):
        obj = f"o{i + 1}"
        for src in "ABFG":
            rows.append((src, obj, 1))
        for src, bad in wrong.items():
            rows.append((src, obj, 0 if i in bad else 1))
    rows += [("A", "X", 1), ("B", "X", 1), ("C", "X", 0), ("D", "X", 0), ("E", "X", 0)]
    return frame(rows)


def plain_frame() -> pd.DataFrame:
    """Three objects, four sources, unanimous or 3-to-1 votes; every method agrees."""
    return frame(
        [
            ("a", "capital_fr", "Paris"),
            ("b", "capital_fr", "Paris"),
            ("c", "capital_fr", "Lyon"),
            ("d", "capital_fr", "Paris"),
            ("a", "capital_de", "Berlin"),
            ("b", "capital_de", "Berlin"),
            ("c", "capital_de", "Berlin"),
            ("d", "capital_de", "Bonn"),
            ("a", "capital_it", "Rome"),
            ("b", "capital_it", "Rome"),
            ("c", "capital_it", "Milan"),
            ("d", "capital_it", "Rome"),
        ]
    )


def verdict_frame() -> pd.DataFrame:
    """Reviewed claims for the Beta-Binomial scorer: value is the verdict."""
    return frame(
        [
            ("sohr", "c1", "corroborated"),
            ("sohr", "c2", "refuted"),
            ("sana", "c3", "refuted"),
            ("sana", "c4", "acknowledged"),
            ("wire", "c5", True),
            ("wire", "c6", "single_source"),
        ]
    )


@pytest.fixture
def contested() -> pd.DataFrame:
    return contested_frame()


@pytest.fixture
def plain() -> pd.DataFrame:
    return plain_frame()


@pytest.fixture
def verdicts() -> pd.DataFrame:
    return verdict_frame()
