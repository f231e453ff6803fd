"""What a report has named so far: the speakers in memory, pronouns, new sources.

The state shared by the parts of mention resolution: the recent speakers (pronouns
and short forms look here), the kinds the registry gives, sources discovered in the
report. ``Resolved`` is the result of every resolution.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from models import RoleFlag, Source, SourceKind
from workbench.extract.mention_words import (
    ORG_NAME_WORDS,
    PERSON_KINDS,
    one_person,
)
from workbench.extract.place_names import (
    demonyms_in,
)
from workbench.extract.registry import SourceRegistry, normalise_mention

# "Aleppo police command" is the body SANA names "Aleppo Police Command": after a place
# name, a police command is a named body, one spelling whatever the copy's capitals.
_NAMED_COMMAND = re.compile(r"\b([A-Z][\w'-]+ )police command\b")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A canonical source with the kind the report suggests for it."""

    name: str
    kind: SourceKind


class MentionMemory:
    """Memory of one report's speakers, and the registry they are resolved against."""

    def __init__(self, registry: SourceRegistry, text: str = "", history: int = 32) -> None:
        self.registry = registry
        self.text = text
        self.recent: deque[Resolved] = deque(maxlen=history)
        self.local_aliases: dict[str, str] = {}
        self.context = ""  # the sentence being read, for "the military" -> whose military
        self.titles: dict[str, str] = {}  # "governor" -> the last governor named
        self.title_words: dict[str, frozenset[str]] = {}  # words of a person's title
        self.surnames: dict[str, str] = {}  # "al-maliki" -> the listed source he speaks for
        self._definitions: dict[str, str | None] = {}  # acronyms defined in the text
        self._named_cache: dict[tuple[str, str], bool] = {}
        self._alias_cache: dict[tuple[str, str], str | None] = {}
        # "a source at Aleppo Police Command" -> the body; a later "the source" is it too.
        self.source_bodies: dict[str, Resolved] = {}

    # -- memory ------------------------------------------------------------
    def note(self, resolved: Resolved) -> None:
        """Record a speaker as the most recent one (pronouns and short forms look here)."""
        if self.recent and self.recent[-1] == resolved:
            return
        if resolved in self.recent:  # (a failed remove() would format its repr)
            self.recent.remove(resolved)
        self.recent.append(resolved)

    def _kind_of(self, name: str) -> SourceKind:
        source = self.registry.get(name)
        return source.kind if source else SourceKind.UNKNOWN

    def _known(self, name: str) -> Resolved:
        return Resolved(name, self._kind_of(name))

    def _country_demonym(self, dateline_first: bool = False) -> str:
        texts = (self.text[:80], self.context, self.text[:600])
        for text in texts if dateline_first else texts[1:]:
            found = demonyms_in(text)
            if found:
                return found[0]
        return ""

    def _named_with(self, name: str, head: str) -> bool:
        """True when one of the names of ``name`` contains the word ``head``."""
        key = (name, head)
        found = self._named_cache.get(key)
        if found is None:
            source = self.registry.get(name)
            names = (name, *(source.aliases if source else ()))
            found = any(head in normalise_mention(n).split() for n in names)
            self._named_cache[key] = found
        return found

    def _is_organisation(self, resolved: Resolved) -> bool:
        """Bodies, including UN bodies listed as 'official' ("UNMISS"), not people."""
        if resolved.kind not in PERSON_KINDS:
            return True
        if resolved.name not in self.registry.entries:
            return False
        words = set(resolved.name.lower().split())
        return resolved.name.isupper() or bool(words & ORG_NAME_WORDS)

    def _pronoun(self, pronoun: str) -> Resolved | None:
        wanted = PERSON_KINDS if pronoun in ("he", "she", "i") else None
        for resolved in reversed(self.recent):
            # A listed body that spoke through a named person ("Yahya Saree" is the
            # Houthis): "he" is the person, "it" the body.
            listed = self.registry.entries.get(resolved.name)
            through_person = (
                listed is not None
                and resolved.kind in PERSON_KINDS
                and listed.source.kind not in PERSON_KINDS
            )
            organisation = through_person or self._is_organisation(resolved)
            if wanted is not None:
                if resolved.kind in wanted and (through_person or not organisation):
                    return resolved
                if resolved.kind is SourceKind.ANONYMOUS and one_person(resolved.name):
                    return resolved
            elif pronoun in ("it", "its"):
                if organisation:
                    return resolved
            else:
                return resolved
        return None

    def _discover(self, name: str, kind: SourceKind) -> Resolved:
        name = _NAMED_COMMAND.sub(r"\1Police Command", name)
        roles = (
            frozenset({RoleFlag.UNKNOWN_PROVENANCE})
            if kind in (SourceKind.ANONYMOUS, SourceKind.UNKNOWN)
            else frozenset()
        )
        if kind is SourceKind.MONITOR:
            roles = frozenset({RoleFlag.MONITOR_NGO, RoleFlag.UNKNOWN_PROVENANCE})
        source = self.registry.remember(Source(name=name, kind=kind, roles=roles))
        return Resolved(source.name, source.kind)

    def _resolve_main(self, phrase: str, appositive: str, position: int) -> Resolved | None:
        """Resolve one phrase (defined by the full resolver)."""
        raise NotImplementedError
