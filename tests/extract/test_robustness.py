"""Messy and hostile text: nothing crashes, spans stay inside the report, memory is bounded."""

# ruff: noqa: RUF001  (typographic quotes are the test data)

from __future__ import annotations

import random
import tracemalloc

import pytest

from models import Report
from workbench.extract import extract_claims, iter_claims, load_registry

WIRE = (
    "KYIV (Reuters) - Russian drones killed three people in Kharkiv overnight, "
    "the regional governor said on Monday. "
    '"We will rebuild," he said. Reuters could not independently verify the toll.\n'
)


def _check(report: Report) -> None:
    for claim in extract_claims(report):
        assert 0 <= claim.span[0] <= claim.span[1] <= len(report.text)
        assert claim.text


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 said \x7f",
        "said said said, said. According to according to, said",
        '"""""""" he said """" ” “ « » ’ ‘',
        "<html><body><p>The ministry said <b>12</b> people were killed.</p></body></html>",
        "| a | b |\n|---|---|\n| 1 | 2 |\n" * 50,
        "🙂 Москва заявила, что 12 человек погибли. 北京 said 3 km 😀 ​‌‍",
        "مصدر عسكري said the army killed 5 fighters, the ministry said.",
        "U.S. U.N. Gen. Lt. Col. Mr. St. No. 5. Jan. 3. said.",
        "at least at least more than about nearly up to between and 20 to",
        "A" * 5000,
        ",,,,;;;;::::" * 500,
        "\u202eThe army said\u202c 10 soldiers died.",
        "THE MINISTRY SAID 20 PEOPLE WERE KILLED. OFFICIALS SAID MORE.",
        "the ministry said" + " and" * 3000,
        "Officials said (((((((( [[[[[ {{{{ 12 km (4 miles (3 miles)) west",
    ],
)
def test_odd_text_never_crashes(text: str) -> None:
    _check(Report(text=text))


def test_random_unicode_never_crashes() -> None:
    rng = random.Random(11)
    words = (
        "abc XYZ said told according to , . \" ' “ ” ‘ ’ ( ) - — : ; \n 0123456789 km "
        "killed wounded at least about dozens hundreds é ü ß ç 中 ع й \u200b \t"
    )
    alphabet = [*words.split(" "), " ", "  ", "\n"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) + rng.choice(["", " "]) for _ in range(300))
        if text.strip():
            _check(Report(text=text))


def test_random_bytes_decoded_never_crash() -> None:
    rng = random.Random(5)
    for _ in range(50):
        data = bytes(rng.randrange(256) for _ in range(2000))
        text = data.decode("utf-8", errors="replace")
        if text.strip():
            _check(Report(text=text))


def test_no_newlines_no_punctuation_megabyte() -> None:
    text = ("the ministry said troops advanced " * 10_000).strip()
    report = Report(text=text)
    claims = extract_claims(report)
    assert all(report.text[c.span[0] : c.span[1]] == c.text for c in claims)


def test_large_report_streams_in_bounded_memory() -> None:
    text = WIRE * 1_500  # about 0.3 MB; benchmarks/bench_extract.py --single does 10 MB
    report = Report(text=text)
    registry = load_registry()
    tracemalloc.start()
    count = 0
    for _claim in iter_claims(report, registry):
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count >= 1_500 * 2
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MiB"


def test_stripped_commas_and_caps_headline() -> None:
    text = (
        "ARMY SAYS 40 MILITANTS KILLED IN RAIDS\n"
        "Khartoum: Army troops killed 40 militants in raids near Omdurman the military said "
        "on Sunday adding that two soldiers were wounded\n"
    )
    claims = extract_claims(Report(text=text))
    assert [c.cue for c in claims] == ["said", "adding"]
    assert claims[0].text == "Army troops killed 40 militants in raids near Omdurman"
    assert claims[0].quantities[0].unit == "militants killed"
    assert claims[1].quantities[0].value == 2


def test_curly_and_straight_quotes_are_the_same() -> None:
    curly = Report(text="“We will not retreat,” the commander said.")
    straight = Report(text='"We will not retreat," the commander said.')
    assert (
        extract_claims(curly)[0].text == extract_claims(straight)[0].text == ("We will not retreat")
    )
