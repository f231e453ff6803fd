"""Paragraphs and sentences with character offsets into the report text.

Wire copy breaks naive splitters: "U.S.", "Gen.", "Jan." and initials end with a
period, quotes close after the full stop, datelines ("BEIRUT (Reuters) -") open a
paragraph, and headlines come in capitals. Offsets are kept exact so every claim
span slices the report text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep st sr jr rev no
    nos vol fig approx est dept univ inc ltd co corp vs etc al jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun mt ft brig pres govt
    lieut messrs
    """.split()  # noqa: SIM905
)
# A period ends a sentence when followed by space and something that can open one.
# (The leading class outside the alternation lets ``re`` skip to candidate stops.)
_BOUNDARY = re.compile(
    r"[.!?](?:[.!?]*[\"'\u201d\u2019)\]]*(?=\s+[\"\u201c\u2018'(\[]?[A-Z0-9])|"
    # "... a monitoring group said. (reuters) A missile ...": a credit in brackets
    r"(?=\s+\([a-z]{2,12}\)\s+[A-Z])|"
    r"[.!?]*[\"'\u201d\u2019)\]]*\s*$)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_CHAR = re.compile(r"[A-Za-z.]")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\u2019-]+"
    r"(?:[ ,/]+(?:(?:al|el|ad|as|ash|ar|an|de)-)?[A-Z][A-Za-z.'\u2019-]+){0,4})"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\((?:[A-Z][\w.&' -]{0,30})\)){0,2}"
    r"\s*(?::|[-\u2013\u2014]{1,2})\s+(?=[\"\u201cA-Z0-9])"
)
_LETTERS = re.compile(r"[A-Za-z]")
_UPPER = re.compile(r"[A-Z]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text and where it sits in the report."""

    start: int
    end: int
    text: str
    paragraph: int
    first_in_paragraph: bool = False


def is_headline(line: str) -> bool:
    """All-caps lines are headlines or slugs, not reported speech."""
    sample = line[:400]
    # Fast exit for ordinary prose: if lower-case vowels alone pass a fifth of the
    # sample, capitals cannot make up four fifths of its letters.
    if sum(map(sample.count, "aeiou")) * 5 > len(sample):
        return False
    letters = sum(map(str.isalpha, sample))
    if letters < 8:
        return letters > 0 and sample.isupper()
    return sum(map(str.isupper, sample)) >= 0.8 * letters


def dateline_length(paragraph: str) -> int:
    """Characters of a leading dateline ("Beirut:", "KYIV (Reuters) -"), else 0."""
    head = paragraph[:60]
    if ":" not in head and "-" not in head and "\u2013" not in head and "\u2014" not in head:
        return 0  # a dateline of at most 60 characters ends in one of these
    match = _DATELINE.match(paragraph)
    if match is None or len(match.group(0)) > 60:
        return 0
    return match.end()


def iter_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Non-empty lines with their start offsets; a generator so huge reports stream."""
    pos = 0
    length = len(text)
    while pos < length:
        end = text.find("\n", pos)
        if end < 0:
            end = length
        if end > pos and not text[pos:end].isspace():
            yield pos, text[pos:end]
        pos = end + 1


def without_stray_quote(paragraph: str, next_paragraph: str | None) -> str:
    """The paragraph with quotation marks that are never closed (or never opened) blanked.

    Copy that lost a closing mark ('"At least 40 people ... were killed the Observatory
    claimed', as FA-KES distributes it) would otherwise leave every later sentence inside
    a quotation, so no cue after it would attribute anything. Marks are read by where
    they stand: one after a space opens, one before a space or stop closes; an opening
    mark while a quotation is open means the first was never closed. A quotation left
    open at the end is kept when the next paragraph opens with a mark (AP style).
    """
    if '"' not in paragraph and "\u201c" not in paragraph:
        return paragraph
    stray: list[int] = []
    open_at: int | None = None
    for match in _QUOTE_MARK.finditer(paragraph):
        at = match.start()
        before = paragraph[at - 1] if at else " "
        after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        opening = match.group() == "\u201c" or (
            match.group() == '"'
            and (before.isspace() or before in "([-\u2014")
            and not after.isspace()
        )
        if opening:
            if open_at is not None:
                stray.append(open_at)
            open_at = at
        elif open_at is not None:
            open_at = None
        elif match.group() == '"' and not before.isspace():
            stray.append(at)  # a closing mark with nothing open
    if open_at is not None and not (
        next_paragraph is not None and next_paragraph.lstrip()[:1] in '"\u201c'
    ):
        stray.append(open_at)
    if not stray:
        return paragraph
    chars = list(paragraph)
    for at in stray:
        chars[at] = " "
    return "".join(chars)


_QUOTE_MARK = re.compile('["\u201c\u201d]')


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_WORD_BEFORE`` on text[start:end], reading only a short tail when it can."""
    lo = max(start, end - 16)
    match = _WORD_BEFORE.search(text, lo, end)
    skipped = text[lo : match.start() if match is not None else end]
    if lo > start and _WORD_CHAR.match(text, lo - 1) and not skipped.strip("."):
        match = _WORD_BEFORE.search(text, start, end)  # the word runs on before the tail
    return match


def _is_abbreviation(paragraph: str, start: int, end: int) -> bool:
    """Whether the word ending text[start:end] is an abbreviation or an initial."""
    match = _last_word(paragraph, start, end)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    if "." in word.rstrip("."):  # "U.S", "a.m", "U.N"
        return not word.rstrip(".").isupper() or len(word) <= 5
    return word.lower() in _ABBREVIATIONS


def split_sentences(paragraph: str, offset: int = 0, index: int = 0) -> Iterator[Sentence]:
    """Sentences of one paragraph; offsets are shifted by ``offset``."""
    if is_headline(paragraph):
        return
    start = dateline_length(paragraph)
    first = True
    for match in _BOUNDARY.finditer(paragraph, start):
        stop = match.end()
        period = match.group(0)
        if period.startswith(".") and _is_abbreviation(paragraph, start, match.start()):
            # "U.S. forces" splits only when a capital starts a plausible new sentence,
            # which we cannot tell; keep the sentence whole (a merge costs less than a cut).
            continue
        piece = paragraph[start:stop].rstrip()
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            yield Sentence(
                offset + start + lead, offset + start + len(piece), piece.strip(), index, first
            )
            first = False
        start = stop
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if start < len(paragraph):
        piece = paragraph[start:].rstrip()
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            yield Sentence(
                offset + start + lead, offset + start + len(piece), piece.strip(), index, first
            )


def iter_sentences(text: str) -> Iterator[Sentence]:
    """All sentences of a report, paragraph by paragraph."""
    for index, (offset, paragraph) in enumerate(iter_paragraphs(text)):
        yield from split_sentences(paragraph, offset, index)
