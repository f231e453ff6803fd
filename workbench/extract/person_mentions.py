"""People named by mentions: personal names inside titles, titles remembered for
later ("the governor"), a role whose person the next sentence names, "his office",
"the group's spokesman".
"""

from __future__ import annotations

import re

from models import SourceKind
from workbench.extract.body_mentions import BodyMentions
from workbench.extract.mention_memory import Resolved
from workbench.extract.mention_words import (
    AFFILIATION_TITLES,
    ARTICLE,
    HEAD_KINDS,
    INNER_TITLES,
    LOCAL_TITLES,
    NAME_RUN,
    NOT_NAME_WORDS,
    ORG_NAME_HEADS,
    PERSON_KINDS,
    PERSON_TITLES,
    RANKS,
    ROLE_TITLES,
    SUBJECT,
    TITLE_WORDS,
    TITLED_PERSON,
    WORDS,
    head_noun,
    is_title_word,
    next_speaker,
    strip_article,
)
from workbench.extract.place_names import (
    is_demonym,
)
from workbench.extract.registry import normalise_mention

# A person described, not named, opening a sentence as its subject: "The unidentified man
# entered ...", "An elderly woman was carried ...".
_DESCRIBED_PERSON = re.compile(
    r"(?:The|A|An)\s+((?:[a-z][\w-]*\s+){0,2}(?:man|woman|boy|girl))\s+"
    r"(?:[a-z]+ed|was|is|had|has|spoke|wept|ran|sat|stood|held|took|went|came|lost)\b"
)


class PersonMentions(BodyMentions):
    """Resolution of mentions of people and of the roles they hold."""

    def _office_of(self, pronoun: str, position: int) -> Resolved | None:
        """'his office said' after a named person: that person, or the office the registry
        lists for the title the person was given ("Iraq's prime minister ... his office"
        -> the Iraqi prime minister's office, an alias of the Iraqi Government)."""
        titled = TITLED_PERSON.search(self.context)
        if titled:
            office = normalise_mention(titled.group(1)) + "'s office"
            known = self.registry.lookup_alias(office, office)
            if known:
                return self._known(known)
            name = titled.group(2).strip()
            listed = self.registry.lookup_alias(normalise_mention(name), name)
            return self._known(listed) if listed else self._discover(name, SourceKind.OFFICIAL)
        person = self._pronoun("he" if pronoun != "their" else "they")
        if person is None:
            return None
        if person.kind in PERSON_KINDS:
            before = self.text[max(0, position - 3000) : position]
            at = before.rfind(person.name)
            if at >= 0:
                lead = before[max(0, at - 60) : at]
                title = re.search(
                    r"((?:[A-Z][\w'\u2019]*|\w+'s)\s+(?:[Pp]rime\s+[Mm]inister|[Pp]resident))\s*$",
                    lead,
                )
                if title:
                    office = normalise_mention(title.group(1)) + "'s office"
                    known = self.registry.lookup_alias(office, office)
                    if known:
                        return self._known(known)
        return person

    def _owner_role(self, owner: str, position: int, person: bool = True) -> Resolved | None:
        """'the group's leader', 'its spokesman': the person named just after, when the
        next sentence names one ('... Abdul Malik al-Houthi said'), else the owner body."""
        ahead = self.text[position : position + 400]
        next_name = next_speaker(ahead) if person else ""
        if next_name:
            name = next_name
            known = self.registry.lookup_alias(normalise_mention(name), name)
            if known:
                return self._known(known)
            if len(name.split()) >= 2 and not (set(name.lower().split()) & NOT_NAME_WORDS):
                return self._discover(name, SourceKind.OFFICIAL)
        if owner == "its":
            body = self._pronoun("it")
        else:
            body = self._describe(f"the {owner}", normalise_mention(owner), position)
        if (
            body is not None
            and body.kind not in PERSON_KINDS
            and (body.name in self.registry.entries or body in self.recent)
        ):
            return body
        return None

    def note_subject(self, sentence: str) -> None:
        """Remember a known source or titled person opening a sentence that is not a claim.

        "Putin spoke on Thursday. '...,' he said." needs Putin in memory for "he".
        Only registry names and titled people count: a description here could be
        anything ("The ceasefire agreement"), and guessing would mislead pronouns.
        """
        described = _DESCRIBED_PERSON.match(sentence)
        if described is not None:
            # "The unidentified man entered a field hospital. ... he said": one person, the
            # "he" of what follows
            self.note(self._discover(described.group(1).lower(), SourceKind.ANONYMOUS))
            return
        match = SUBJECT.match(sentence)
        if match is None:
            return
        phrase = match.group(1)
        normal = normalise_mention(phrase)
        original = ARTICLE.sub("", phrase)
        name = self.registry.lookup_alias(normal, original)
        if name is None:
            person = self._personal_name(phrase)
            # "Mahmud Abu Malak a spokesman for the ... group described": the title is in
            # the apposition the stripped comma glued on
            apposition = sentence[match.end(1) : match.end()].lower().split()
            titled = any(word in PERSON_TITLES for word in apposition)
            if person and (titled or len(phrase.split()) > len(person.split())):
                name = self.registry.lookup_alias(normalise_mention(person), person)
                if name is None:
                    resolved = self._discover(person, SourceKind.OFFICIAL)
                    self.note(resolved)
                    return
        if name is not None:
            self.note(self._known(name))

    def _remember_titles(self, person: str, description: str) -> None:
        """'Kharkiv governor Oleh Syniehubov': later "the governor" means him."""
        words = WORDS.findall(description.lower())
        for word in words:
            if word in ROLE_TITLES or word in LOCAL_TITLES:
                self.titles[word] = person
                self.title_words[person] = frozenset(words)

    def _by_title(self, normal: str) -> Resolved | None:
        words = normal.split()
        if not words or len(words) > 5:
            return None
        head = words[-1] if len(words) <= 3 and words[-1] in ROLE_TITLES else head_noun(normal)
        person = self.titles.get(head)
        if person is None:
            return None
        if head != words[-1] and not set(WORDS.findall(normal)) <= self.title_words.get(
            person, frozenset()
        ):
            return None  # "the mayor of Kyiv" is not the mayor of Kharkiv named before
        return next((r for r in reversed(self.recent) if r.name == person), None)

    def _titled_name(self, phrase: str) -> bool:
        """True for a personal name with nothing but titles before it ("Brigadier General
        Yahya Saree", "Basem Naim"), not for a description that holds a name."""
        person = self._personal_name(phrase)
        if not person:
            return False
        lead = phrase.strip()[: len(phrase.strip()) - len(person)].split()
        return all(w.lower().rstrip(".,") in TITLE_WORDS or is_demonym(w) for w in lead)

    def _named_next(self, phrase: str, normal: str, position: int) -> Resolved | None:
        """ "The mayor of Kenscoff told AFP ... '...,' Massillon Jean said": a titled
        description without a name is the person the next sentence first quotes, when
        that name is new to the report (copy names a person in full only once)."""
        lowered = phrase.strip().lower()
        if not (lowered.startswith("the ") or "'s " in lowered or "\u2019s " in lowered):
            return None
        if head_noun(normal) not in ROLE_TITLES and head_noun(normal) not in LOCAL_TITLES:
            return None
        named = next_speaker(self.text[position : position + 400])
        if not self._titled_name(named):
            return None  # '"...," General Oumar Diarra said' still names a person
        name = self._personal_name(named)
        if len(name.split()) < 2:
            return None
        lead = {w.lower().rstrip(".") for w in named[: named.rfind(name)].split()}
        if lead - RANKS - {head_noun(normal)}:
            return None  # "..., President William Ruto said": an office names someone else
        if self.text.find(name, max(0, position - 5000), position) >= 0:
            return None
        known = self.registry.lookup_alias(normalise_mention(name), name)
        if known and self._kind_of(known) not in PERSON_KINDS:
            return None  # "Human Rights Watch said" names a body, not the mayor
        if known:
            return self._known(known)
        self._remember_titles(name, normal)
        return self._discover(name, SourceKind.OFFICIAL)

    def _earlier_full_name(self, surname: str, position: int) -> str:
        """The full name a bare surname was given earlier in the report, also after a
        title ("the head of the Regional Military Administration, Oleksandr Prokudin")."""
        before = self.text[max(0, position - 5000) : position]
        if surname not in before:
            return ""
        found = ""
        for match in re.finditer(
            # "Anas al-Abdah ... Abdah said": the particle is part of the full name.
            r"((?:(?:[A-Z][\w'\u2019-]*|[A-Z]\.)[ ]){1,3})(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s)-)?"
            + re.escape(surname)
            + r"\b",
            before,
        ):
            found = match.group(0)
        words = found.split()
        # Longest first; a body's name before the person ("the Syrian Coalition Anas
        # al-Abdah") is dropped word by word until a personal name remains.
        for start in range(len(words) - 1):
            name = self._personal_name(" ".join(words[start:]))
            if len(name.split()) >= 2 and name.endswith(surname):
                return name
        return ""

    def _personal_name(self, phrase: str) -> str:
        """'Russian President Vladimir Putin' -> 'Vladimir Putin'; '' if no name."""
        words = phrase.replace("\u2019", "'").split()
        if not words:
            return ""
        match = NAME_RUN.search(" ".join(words))
        if not match:
            return ""
        run = match.group(1).split()
        before_run = " ".join(words)[: match.start(1)].split()
        inner = [i for i, w in enumerate(run[:-2]) if w.lower() in INNER_TITLES]
        after_connector = bool(
            before_run
            and before_run[-1].lower() in ("for", "of", "and", "&", "the", "de", "on", "in", "at")
        )
        # "Superintendent of Police Rakesh Singh Laishram", "Head of the Kherson City
        # Military Administration Roman Mrochko": a title before the connector, and a
        # title or body word in the run before the name, make the run end in a person.
        titled_lead = after_connector and any(
            w.lower().rstrip(".,") in PERSON_TITLES for w in before_run
        )
        org_end = max(
            (i for i, w in enumerate(run[:-2]) if w.lower() in ORG_NAME_HEADS), default=-1
        )
        if (
            after_connector
            and org_end >= 0
            and before_run[0].lower().rstrip(".,") != "of"
            and (is_title_word(before_run[0]) or before_run[0].lower() in AFFILIATION_TITLES)
        ):
            # "Vice-president of the Syrian Coalition Abdul Ahad Steifo" (commas stripped):
            # a title, the body it is of, then the person who holds it.
            run = run[org_end + 1 :]
            return " ".join(run) if len(run) >= 2 and not set(run) & set(NOT_NAME_WORDS) else ""
        if (
            after_connector
            and not (inner and words[0].lower().rstrip(".") in TITLE_WORDS)
            and not titled_lead
        ):
            return ""  # "Syrian Observatory for Human Rights" is not a person
        full = len(run)
        # Drop titles and adjectives of nationality from the front of the run.
        while run and (is_title_word(run[0]) or run[0].endswith(("'s",)) or is_demonym(run[0])):
            run = run[1:]
        inner_titles = [
            i
            for i, w in enumerate(run[:-1])
            if w.lower() in INNER_TITLES or w.lower() in PERSON_TITLES or is_title_word(w)
        ]
        if inner_titles and len(run) - inner_titles[-1] - 1 >= 2:
            run = run[inner_titles[-1] + 1 :]  # "Nasir County Commissioner James Gatluak"
        if titled_lead and not inner and len(run) == full:
            return ""  # "High Commissioner for Refugees Filippo": no title word in the run
        if not run or any(w.rstrip(".").isupper() and len(w.rstrip(".")) > 1 for w in run):
            return ""
        if len(run) == 1:
            # A bare surname is a name only if it follows a title word or matches a
            # person mentioned earlier.
            before = words[: len(words) - 1]
            if before and before[-1].lower().rstrip(".") in TITLE_WORDS:
                return run[0]
            if any(r.kind in PERSON_KINDS and r.name.endswith(" " + run[0]) for r in self.recent):
                return run[0]
            return ""
        lowered = {w.lower() for w in run}
        if (
            lowered & set(HEAD_KINDS)
            or lowered & NOT_NAME_WORDS
            or len(run) > 4
            or any(w.endswith(("'s", "\u2019s")) for w in run)
        ):
            return ""  # an organisation ("Navy's Fifth Fleet"), not a person
        return " ".join(run)

    def _note_affiliation(self, person: str, title: str) -> None:
        """'Kremlin spokesman X', 'A senior Hamas official, X': X speaks for the body
        named in the title; the body is the origin of X's claims."""
        normal = normalise_mention(title)
        if not normal or head_noun(normal) not in AFFILIATION_TITLES:
            return
        body = self._alias_in(normal, strip_article(title.strip()))
        if body is not None and body != person and self._is_organisation(self._known(body)):
            self.registry.note_affiliation(person, body)

    def _surname_glued(self, phrase: str) -> Resolved | None:
        """A phrase ending in the surname of a person who already spoke, with other words
        glued before it by a feed that strips commas ("World War II Steifo")."""
        words = phrase.split()
        if len(words) < 2 or not words[-1][:1].isupper() or len(words[-1]) < 3:
            return None
        if any(is_title_word(w) for w in words[:-1]):
            return None  # "Colonel Steifo" is read as a titled name
        surname = " " + words[-1]
        for resolved in reversed(self.recent):
            if resolved.kind in PERSON_KINDS and resolved.name.endswith(surname):
                return resolved
        return None
