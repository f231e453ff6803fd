"""The trie builder must match exactly the words it was given, and nothing else."""

from __future__ import annotations

import random
import re

import pytest

from workbench.extract.cues import ING_CUES, REPORTING_VERBS
from workbench.extract.patterns import word_trie
from workbench.extract.sentences import split_sentences


def _probes(words: list[str], rng: random.Random) -> list[str]:
    """The words, their prefixes and extensions, and near misses."""
    out = set(words)
    for word in words:
        out.update(word[:cut] for cut in range(len(word)))
        out.add(word + rng.choice("sdx"))
        out.add(word[:-1] + "q")
    return sorted(out)


@pytest.mark.parametrize("seed", range(5))
def test_trie_matches_exactly_the_words(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "abcde"
    words = sorted({"".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(40)})
    pattern = re.compile(word_trie(words))
    for probe in _probes(words, rng):
        assert (pattern.fullmatch(probe) is not None) == (probe in words), probe


def test_trie_of_the_cue_lexicon_matches_every_cue_and_no_other_word() -> None:
    cues = sorted(REPORTING_VERBS | ING_CUES)
    pattern = re.compile(word_trie(cues))
    for probe in _probes(cues, random.Random(0)):
        assert (pattern.fullmatch(probe) is not None) == (probe in cues), probe


def test_folded_trie_ignores_case_and_spaces_match_any_whitespace() -> None:
    pattern = re.compile(word_trie(["provided that", "if"], fold_case=True))
    assert pattern.fullmatch("Provided  THAT")
    assert pattern.fullmatch("provided\nthat")
    assert pattern.fullmatch("IF")
    assert not pattern.fullmatch("providedthat")
    assert not pattern.fullmatch("i")


def test_special_characters_are_escaped() -> None:
    pattern = re.compile(word_trie(["won't", "u.s.", "a+b"]))
    assert pattern.fullmatch("u.s.")
    assert not pattern.fullmatch("uxsx")
    assert pattern.fullmatch("a+b")
    assert not pattern.fullmatch("aab")


def test_a_dotted_word_longer_than_the_look_back_is_read_whole() -> None:
    # The abbreviation check reads a short tail of the sentence; a dotted run longer
    # than the tail must still be read whole. "x.aaa...a." is dotted, so not an end.
    long_word = "x." + "a" * 60
    text = f"They met {long_word}. Officials said so."
    assert [s.text for s in split_sentences(text)] == [text]
    plain = "They met " + "a" * 60 + ". Officials said so."
    assert len(list(split_sentences(plain))) == 2


@pytest.mark.parametrize("seed", range(4))
def test_boundary_checked_after_the_first_letter_is_a_word_boundary(seed: int) -> None:
    # after_no=r"\w" must find exactly what a leading \b finds, for words that start
    # with a word character or not ("'ll"), folded or not, at the start of the text too.
    rng = random.Random(seed)
    words = sorted({"".join(rng.choices("abA'", k=rng.randint(1, 4))) for _ in range(8)})
    fold = seed % 2 == 0
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    plain = re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE if fold else 0)
    checked = re.compile(word_trie(words, fold_case=fold, after_no=r"\w") + r"\b")
    for _ in range(300):
        text = "".join(rng.choices("abA' .-x", k=rng.randint(0, 24)))
        assert [m.span() for m in checked.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], (words, text)
