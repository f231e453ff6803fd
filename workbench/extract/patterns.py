"""Regular-expression building blocks that keep the extractor fast.

Python's ``re`` tries the branches of an alternation one after another, so a
pattern like ``said|says|stated|...`` with two hundred words costs two hundred
comparisons at every word start. The same words written as a trie
(``s(?:a(?:id|ys)|tated)``) let the engine drop all but one branch on the first
letter. The trie matches exactly the same strings, but where one listed phrase
starts with another ("Gaza", "Gaza City") it prefers the longer one, and a plain
alternation the one listed first. So use it for single words followed by a
boundary (``\\b``, ``(?![\\w-])``), or where only whether something matches counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_ATOM = re.compile(r"\\?.|\[[^]]*\]")  # one character or one class: "?" needs no group


def word_trie(words: Iterable[str], *, fold_case: bool = False, after_no: str = "") -> str:
    """A regex (no groups) matching exactly ``words``; a space matches ``\\s+``.

    ``fold_case`` writes each letter as ``[xX]``: the engine skips branches on a
    character class but not on a case-insensitive literal, so this is faster than
    compiling the trie with ``re.IGNORECASE``.

    ``after_no`` (a character class such as ``\\w``) puts a word boundary on that
    class before each word, exactly as a leading ``\\b`` does for ``\\w``, but checks
    it after the first letter: the pattern then opens with plain letters, and ``re``
    scans straight to the positions holding one of them instead of trying the whole
    pattern at every character. Put nothing before the trie for that to work.
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word.lower() if fold_case else word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not after_no:
        return _emit(root, fold_case)
    branches = []
    for char in sorted(c for c in root if c):
        # \b before a word character means "not after one"; before any other, "after one".
        word_char = re.fullmatch(after_no, char) is not None
        check = f"(?<!{after_no}.)" if word_char else f"(?<={after_no}.)"
        rest = _emit(root[char], fold_case)
        cases = {char.lower(), char.upper()} if fold_case and len(char.upper()) == 1 else {char}
        for case in sorted(cases):
            branches.append(_char(case, False) + check + rest)
    return "(?:" + "|".join(branches) + ")"


def _emit(node: _Node, fold_case: bool) -> str:
    branches = []
    for char in sorted(c for c in node if c):
        branches.append(_char(char, fold_case) + _emit(node[char], fold_case))
    if not branches:
        return ""
    optional = "?" if "" in node else ""
    if len(branches) > 1:
        return "(?:" + "|".join(branches) + ")" + optional
    body = branches[0]
    if not optional:
        return body
    return f"{body}?" if _ATOM.fullmatch(body) else f"(?:{body})?"


def _char(char: str, fold_case: bool) -> str:
    if char == " ":
        return r"\s+"
    if fold_case and char.lower() != char.upper() and len(char.upper()) == 1:
        return f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
    return re.escape(char)
