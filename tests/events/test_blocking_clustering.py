"""Blocking keeps the work linear; clustering guards stop chains of unrelated happenings."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from models import Claim, Report
from workbench.events import group_claims
from workbench.events.blocking import BlockingLimits, candidate_pairs
from workbench.events.features import extract_features
from workbench.events.threads import claim_threads

DAY = date(2024, 5, 14)


def _one_claim_reports(
    texts: list[tuple[str, tuple[str, ...], str, date]],
) -> tuple[list[Claim], list[Report]]:
    claims, reports = [], []
    for number, (text, places, when, published) in enumerate(texts):
        report = Report(outlet=f"Invented outlet {number}", published=published, text=text)
        reports.append(report)
        claims.append(
            Claim(
                report_id=report.id,
                text=text,
                span=(0, len(text)),
                sources=(f"Invented source {number % 3}",),
                places=places,
                time_expression=when,
            )
        )
    return claims, reports


def test_a_huge_block_is_not_compared_all_pairs() -> None:
    # 3,000 claims about one place in one week: all pairs would be ~4.5 million.
    texts = [
        (f"shelling hit Kafr Dunya on Monday, killing {n} people", ("Kafr Dunya",), "", DAY)
        for n in range(3000)
    ]
    claims, reports = _one_claim_reports(texts)
    features = extract_features(claims, {r.id: r for r in reports})
    limits = BlockingLimits()
    left, right = candidate_pairs(features, limits)
    assert len(left) > 0
    assert (left < right).all()
    # Each block contributes at most `window` neighbours per claim.
    keys_per_claim = 1 + 2 * (1 + 1 + limits.rare_words)  # report + (place, actor, words) x weeks
    assert len(left) <= len(claims) * limits.window * keys_per_claim
    assert len(left) < len(claims) * (len(claims) - 1) // 2 // 50


def test_pairs_grow_linearly_with_claims() -> None:
    def pairs(n: int) -> int:
        texts = [
            (
                f"air strikes hit Town{k % (n // 20)} killing {k % 40} civilians",
                (f"Town{k % (n // 20)}",),
                "",
                DAY + timedelta(days=k % 60),
            )
            for k in range(n)
        ]
        claims, reports = _one_claim_reports(texts)
        left, _ = candidate_pairs(extract_features(claims, {r.id: r for r in reports}))
        return len(left)

    small, large = pairs(1000), pairs(8000)
    assert large < small * 8 * 1.5  # x8 claims, far from the x64 of all pairs


def test_different_places_on_one_day_stay_apart_even_with_the_same_words() -> None:
    texts = [
        ("air strikes killed 12 civilians in a market in Kafr Dunya", ("Kafr Dunya",),
         "on Monday", DAY),
        ("air strikes killed 12 civilians in a market in Tal Hamid", ("Tal Hamid",),
         "on Monday", DAY),
    ]  # fmt: skip
    claims, reports = _one_claim_reports(texts)
    assert len(group_claims(claims, reports)) == 2


def test_the_same_place_on_days_that_cannot_meet_stays_apart() -> None:
    texts = [
        ("air strikes killed 12 civilians in a market", ("Kafr Dunya",), "on Monday", DAY),
        ("air strikes killed 12 civilians in a market", ("Kafr Dunya",), "on Friday", DAY),
    ]
    claims, reports = _one_claim_reports(texts)
    # Claim threads keep them apart; a report's happening is decided from its whole text
    # and does not split reports of one day by their weekdays (see report_profile).
    assert len(set(_threads(claims, reports))) == 2


def _threads(claims: list[Claim], reports: list[Report]) -> list[int]:
    return claim_threads(extract_features(claims, {r.id: r for r in reports}))


def test_a_chain_of_undated_links_does_not_merge_two_dated_happenings() -> None:
    # A (Monday) ~ B (undated) ~ C (Thursday): B may join one of them, never both.
    texts = [
        ("air strikes killed civilians in the Kafr Dunya market", ("Kafr Dunya",), "on Monday",
         DAY + timedelta(days=6)),
        ("air strikes killed civilians in the Kafr Dunya market", ("Kafr Dunya",), "",
         DAY + timedelta(days=6)),
        ("air strikes killed civilians in the Kafr Dunya market", ("Kafr Dunya",), "on Thursday",
         DAY + timedelta(days=6)),
    ]  # fmt: skip
    claims, reports = _one_claim_reports(texts)
    threads = _threads(claims, reports)
    assert len(set(threads)) == 2
    assert threads[0] != threads[2]


def test_same_happening_across_outlets_joins_despite_wording() -> None:
    texts = [
        ("IS militants killed 26 Syrian soldiers west of Palmyra", ("Palmyra",), "on Monday", DAY),
        ("Islamic State fighters killed 26 government troops near Palmyra", ("Palmyra",),
         "yesterday", DAY),
    ]  # fmt: skip
    claims, reports = _one_claim_reports(texts)
    (event,) = group_claims(claims, reports)
    assert event.outlets == 2


def test_grouping_code_is_headless_and_database_free() -> None:
    code = (
        "import sys, workbench.events; "
        "bad = [m for m in ('textual', 'sqlalchemy', 'typer', 'rich') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
