"""Bodies named by mentions: registry aliases inside a phrase, variants, regional
governments, acronyms defined in the report, descriptions ("the ministry", "a
monitoring group") resolved backwards and forwards, and new bodies named from a phrase.
"""

from __future__ import annotations

import re

from models import SourceKind
from workbench.extract.mention_memory import MentionMemory, Resolved
from workbench.extract.mention_words import (
    ANONYMOUS_HEADS,
    CAPITALISED,
    DEFINITION,
    FIRST_WORDS,
    GENERIC_MODIFIERS,
    HEAD_KINDS,
    HEALTH_OFFICIALS,
    HOME_BODY_HEADS,
    IN_PLACE,
    INDEFINITE,
    KIND_BY_HEAD,
    LEVELS,
    NAME_CONNECTORS,
    ORG_NAME_HEADS,
    PLACE_MODIFIER,
    PLACE_TAIL,
    QUANTIFIERS,
    REGION_NAMED,
    REGIONAL,
    REGIONAL_FORMS,
    SPOKES_FOR,
    THE_HOME,
    TRAILING_NAME,
    VARIANT_HINT,
    WORDS,
    aliases_by_first_word,
    anonymous_name,
    head_noun,
    in_order,
    initials,
    lower_first,
    owned_unit,
)
from workbench.extract.place_names import (
    CAPITALS,
    COUNTRY_NAMES,
    COUNTRY_WORD,
    DEMONYM_VALUES,
    PLACE_DEMONYM,
    STATE_BY_PLACE,
    canonical_body,
    demonyms_in,
    names_a_country,
    national_body,
)
from workbench.extract.registry import normalise_mention

# "the army", "the military": a state's forces, never a militia or rebel group.
STATE_FORCE_HEADS = frozenset({"army", "military", "navy"})
STATE_FORCE_WORDS = re.compile(
    r"(?i)\b(?:army|armed\s+forces|military|navy|defen[cs]e\s+(?:forces|ministry)|"
    r"ministry\s+of\s+defen[cs]e)\b"
)

# A one-word alias used as a place ("in Damascus", "a besieged Damascus suburb").
_PLACE_USE = re.compile(
    r"(?i)\b(?:in|near|at|outside|around|from|into|to|of|besieged|rural)\s+(?:the\s+)?\Z"
)


class BodyMentions(MentionMemory):
    """Resolution of mentions of organisations and descriptions."""

    def _alias_in(self, phrase: str, original: str) -> str | None:
        """Longest (then rightmost) registry alias or description inside ``phrase``."""
        key = (phrase, original)
        if key not in self._alias_cache:
            if len(self._alias_cache) > 4096:
                self._alias_cache.clear()
            self._alias_cache[key] = self._alias_scan(phrase, original)
        return self._alias_cache[key]

    def _alias_scan(self, phrase: str, original: str) -> str | None:
        words = phrase.split()
        originals = original.replace("\u2019", "'").split()
        if len(originals) != len(words):
            originals = words
        limit = min(len(words), self.registry.max_alias_words)
        for size in range(limit, 0, -1):
            for start in range(len(words) - size, -1, -1):
                gram = " ".join(words[start : start + size])
                raw = " ".join(originals[start : start + size]).strip(",.;:")
                gram = gram.strip(",;:")
                name = self.registry.lookup_alias(gram, raw)
                if name is None and gram.endswith("'s"):
                    name = self.registry.lookup_alias(gram[:-2], raw[:-2])
                if name is None:
                    name = self.registry.lookup_description(gram)
                if name is None:
                    name = self.local_aliases.get(gram) if raw.isupper() else None
                if name is not None:
                    return name
        return None

    def _same_words(self, phrase: str, name: str) -> bool:
        """True when one of the names of ``name`` has every content word of ``phrase``."""
        wanted = {
            w.removesuffix("'s")
            for w in WORDS.findall(phrase.lower().replace("\u2019", "'"))
            if w not in ("the", "a", "an", "of", "for", "and")
        }
        source = self.registry.get(name)
        for alias in (name, *(source.aliases if source else ())):
            if wanted and wanted <= set(WORDS.findall(alias.lower())):
                return True
        return False

    def _lookup_listed(self, candidate: str) -> str | None:
        normal = normalise_mention(candidate)
        return self.registry.lookup_alias(normal, candidate) or self.registry.lookup_description(
            normal
        )

    def _home_places(self) -> list[str]:
        """Names of the country the report is about ("in the country")."""
        demonym = self._country_demonym(dateline_first=True)
        return list(COUNTRY_NAMES.get(demonym, ())) if demonym else []

    def _listed_variant(self, normal: str, position: int) -> str | None:
        """A listed body named another way: "the civil defence agency in the Gaza Strip"
        ("Gaza civil defence agency"), "Gaza health officials" (the Gaza Health Ministry),
        "the UN mission in the country" (the UN mission in the report's country)."""
        if not VARIANT_HINT.search(normal):
            return None  # most phrases: nothing to re-read (a cheap test first, for speed)
        pairs: list[tuple[str, str]] = []
        health = HEALTH_OFFICIALS.match(normal)
        if health and health.group(1):
            pairs.append(("health ministry", health.group(1)))
        match = IN_PLACE.match(normal) if " in " in normal else None
        if match:
            body, place = match.group(1), match.group(2)
            if HEALTH_OFFICIALS.match(body):
                body = "health ministry"  # "health authorities in Gaza"
            places = self._home_places() if place in THE_HOME else [place]
            short = PLACE_TAIL.sub("", place)
            if short != place:
                places.append(short)
            if place in CAPITALS:
                places.append(CAPITALS[place])  # "the defence ministry in Moscow": Russian
            pairs.extend((body, p) for p in places)
        body_of = SPOKES_FOR.sub("", normal)
        if (
            not match
            and head_noun(body_of) in ("mission", "force")
            and body_of.split()[0] in ("un", "u.n.", "united", "eu", "european", "african", "au")
        ):
            # "a spokeswoman for the U.N. peacekeeping mission" in a Goma report.
            pairs.extend((body_of, place) for place in self._home_places())
        for body, place in pairs:
            for candidate in (f"{body} in {place}", f"{place} {body}", f"{place}'s {body}"):
                found = self._lookup_listed(candidate)
                if found is None and body.endswith("ministry"):
                    found = self._lookup_listed(canonical_body(normalise_mention(candidate)))
                if found is not None:
                    return found
        if REGIONAL.search(normal):
            return self._region_named()
        return None

    def _region_named(self) -> str | None:
        """The listed regional government of a region the sentence or the report's head
        names ("Puntland forces killed ..., the regional government's security ministry
        said" -> Puntland)."""
        for text in (self.context, self.text[:600]):
            for word in CAPITALISED.findall(text):
                for place in (word, *COUNTRY_NAMES.get(word.lower(), ())):
                    for form in REGIONAL_FORMS:
                        found = self._lookup_listed(form.format(place))
                        if found is not None and self._regional_government(found):
                            return found
        named = REGION_NAMED.search(self.context) or REGION_NAMED.search(self.text[:600])
        if named is not None and not names_a_country(named.group(1).lower()):
            # "Ethiopia's Oromiya region ..., the regional government said": not listed,
            # named as "<Region> Regional Government".
            level = LEVELS[named.group(2).lower()]
            return self._discover(
                f"{named.group(1)} {level} Government", SourceKind.GOVERNMENT
            ).name
        return None

    def _regional_government(self, name: str) -> bool:
        """A listed government that is not a country's ("Somali Government" is national)."""
        if self._kind_of(name) is not SourceKind.GOVERNMENT:
            return False
        first = name.split()[0].lower()
        return not (name.endswith("Government") and first in DEMONYM_VALUES) and (
            first not in STATE_BY_PLACE or name.endswith(("Regional Government", "Administration"))
        )

    def _regional(self, normal: str, inside: str) -> str | None:
        """ "Puntland's security ministry": a ministry of a listed regional government is
        that government (a country's ministry is named as a national body instead)."""
        if head_noun(normal) not in ("ministry", "department", "office", "bureau"):
            return None
        if self._kind_of(inside) is not SourceKind.GOVERNMENT:
            return None
        owner = normal.split()[0].removesuffix("'s")
        if owner in PLACE_DEMONYM or owner in STATE_BY_PLACE:
            return None
        for form in REGIONAL_FORMS[:2]:
            if self._lookup_listed(form.format(owner)) == inside:
                return inside
        return None

    def _proper_org_name(self, original: str, head: str) -> bool:
        """ "U.S. Africa Command", "UN Joint Human Rights Office": a capitalised name of
        three words or more ending in an organisation head, not led by a demonym."""
        words = original.split()
        if head not in ORG_NAME_HEADS or len(words) < 3:
            return False
        if not words[-1][:1].isupper() or words[0].lower() in DEMONYM_VALUES:
            return False
        return all(w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words)

    def _defined(self, acronym: str) -> str | None:
        """The source an acronym stands for when the report defines it: "the
        Multinational Joint Task Force (MNJTF)" makes a later "MNJTF said" that body."""
        if acronym in self._definitions:
            return self._definitions[acronym]
        self._definitions[acronym] = None  # no recursion through the definition
        found: str | None = self.local_aliases.get(acronym.lower())
        at = self.text.find(f"({acronym})") if found is None else -1
        if at > 0:
            match = DEFINITION.search(self.text, max(0, at - 160), at + 1)
            if match is not None:
                words = match.group(1).split()
                # The longest capitalised tail opening with the acronym's letter:
                # "Troops of the Southern Defence Front (SDF)" -> "Southern Defence Front".
                tail = words
                while tail and tail[0][:1] != acronym[:1]:
                    tail = tail[1:]
                if in_order(initials(tail), acronym.upper()):
                    words = tail
                # else an acronym of another language ("National Human Rights Defense
                # Network (RNDDH)", from the French name): the whole name.
                if len(words) >= 2:
                    resolved = self._resolve_main(" ".join(words), "", at)
                    found = resolved.name if resolved is not None else None
        self._definitions[acronym] = found
        return found

    def _describe(self, phrase: str, normal: str, position: int) -> Resolved | None:
        head = head_noun(normal)
        kinds = HEAD_KINDS.get(head)
        definite = not INDEFINITE.match(phrase.strip())
        modifiers = set(normal.split()[:-1])
        if head in ANONYMOUS_HEADS and definite:
            stem = head.rstrip("s")
            for resolved in reversed(self.recent):
                if (
                    resolved.kind is SourceKind.ANONYMOUS
                    and resolved.name.rstrip("s").endswith(stem)
                    # "the activist said" after "Activists posted": one of them, named in
                    # the singular, not the group
                    and not (head == stem and resolved.name.endswith(stem + "s"))
                    # "civil sources" after "local sources" are other sources
                    and modifiers <= set(resolved.name.lower().split())
                ):
                    return resolved
        words = [w for w in phrase.split() if w.lower() not in ("the", "a", "an")]
        if len(words) >= 2 and all(
            w[:1].isupper() or w.lower() in ("of", "for", "and", "on", "the") for w in words
        ):
            # A proper name we do not know ("SITE Intelligence Group") is its own source,
            # unless it is the country's own ("the Armed Forces" in a SUNA report).
            national = self._national(normal) if definite and len(words) <= 3 else None
            if national:
                return self._known(national)
            short = self.registry.lookup_short(normal)
            return (
                self._known(short)
                if short
                else self._discover_from_description(phrase, normal, head)
            )
        if definite and len(normal.split()) <= 2:
            for resolved in reversed(self.recent):
                # A source whose own name has the head: "the network", "the company".
                if (
                    head in resolved.name.lower().split()
                    or (head in ORG_NAME_HEADS and self._named_with(resolved.name, head))
                ) and self._compatible(resolved.name, modifiers, head):
                    return resolved
        if kinds is not None:
            for resolved in reversed(self.recent):
                if (
                    resolved.kind in kinds
                    and self._compatible(resolved.name, modifiers, head)
                    and (definite or head in ("monitor", "observatory"))
                    and (head not in STATE_FORCE_HEADS or self._state_force(resolved.name))
                ):
                    return resolved
            national = self._national(normal) if definite and len(normal.split()) <= 2 else None
            if national:
                return self._known(national)
            short = self.registry.lookup_short(normal)
            if short:
                return self._known(short)
            ahead_kinds = (
                frozenset({SourceKind.MONITOR, SourceKind.NGO}) if head == "group" else kinds
            )
            ahead = None if definite else self._forward(ahead_kinds, head, position)
            if ahead is None and phrase.strip()[:4].lower() == "the ":
                ahead = self._backward(kinds, modifiers, position)
            if ahead:
                return self._known(ahead)
        else:
            short = self.registry.lookup_short(normal)
            if short:
                return self._known(short)
        return self._discover_from_description(phrase, normal, head)

    def _state_force(self, name: str) -> bool:
        """A country's own forces ("Sudanese Armed Forces"), which "the army" can name; a
        militia that last spoke ("the Rapid Support Forces accused ...") it cannot."""
        source = self.registry.get(name)
        names = [name, *(source.aliases if source else ())]
        return any(STATE_FORCE_WORDS.search(alias) for alias in names)

    def _national(self, head: str) -> str | None:
        """'the military' in a sentence about Ukraine -> the Ukrainian military, if known.

        Never for a coalition: "the coalition" in a Syria report is not the "Syrian
        Coalition" (the opposition's), coalitions are not named for one country."""
        if head.endswith("coalition"):
            return None
        for text in (self.context, self.text[:600]):
            for demonym in demonyms_in(text):
                name = self.registry.lookup_alias(f"{demonym} {head}", f"{demonym} {head}")
                if name:
                    return name
            if (
                text is self.context
                and head.endswith(" ministry")
                and not COUNTRY_WORD.search(head)
            ):
                # "In neighbouring Niger, the Defense Ministry said": the country of the
                # sentence, even when its ministry is not listed and another country's is.
                found = demonyms_in(text)
                national = national_body(f"{found[0]} {head}", "ministry") if found else ""
                if national:
                    return national
        return None

    def _compatible(self, name: str, modifiers: set[str], head: str) -> bool:
        source = self.registry.get(name)
        names = [name, *(source.aliases if source else ())]
        text = " ".join(normalise_mention(n) for n in names)
        informative = {
            m
            for m in modifiers
            if m not in ("the", "a", "an", "its", "state", "news", "war", "monitoring")
        }
        return all(m in text for m in informative)

    def _backward(
        self, kinds: frozenset[SourceKind], modifiers: set[str], position: int
    ) -> str | None:
        """'The ethnic armed group said' after 'Fighters of the Arakan Army attacked':
        the nearest registry source of a compatible kind named earlier in the report."""
        # The sentence itself counts: "Islamic State-linked insurgents beheaded ..., the
        # jihadist group said".
        window = self.text[max(0, position - 3000) : position]
        if not window:
            return None
        specific = modifiers - GENERIC_MODIFIERS
        index_by_word = aliases_by_first_word(self.registry)
        candidates: dict[str, list[str]] = {}
        for word in set(FIRST_WORDS.findall(window)):
            for alias, name in index_by_word.get(word, ()):
                candidates.setdefault(name, []).append(alias)
        best: tuple[int, str] | None = None
        for name, aliases in candidates.items():
            if self._kind_of(name) not in kinds:
                continue
            if specific and not self._compatible(name, specific, ""):
                continue
            for alias in aliases:
                index = window.rfind(alias)
                while index > 0 and " " not in alias and _PLACE_USE.search(window, 0, index):
                    # "a besieged Damascus suburb" names a place, not the government
                    # that "Damascus" can stand for: look further back.
                    index = window.rfind(alias, 0, index)
                if index >= 0 and (best is None or index > best[0]):
                    best = (index, name)
        return best[1] if best else None

    def _forward(self, kinds: frozenset[SourceKind], head: str, position: int) -> str | None:
        """A registry source of a compatible kind named later in the report."""
        window = self.text[position : position + 20_000]
        if not window:
            return None
        best: tuple[int, str] | None = None
        for name, entry in self.registry.entries.items():
            if entry.source.kind not in kinds:
                continue
            for alias in (name, *entry.source.aliases):
                if len(alias) <= 3:
                    continue
                index = window.find(alias)
                if index >= 0 and (best is None or index < best[0]):
                    best = (index, name)
        return best[1] if best else None

    def _discover_from_description(self, phrase: str, normal: str, head: str) -> Resolved | None:
        words = [w for w in normal.split() if w not in ("a", "an", "the")]
        if not words:
            return None
        name_words = phrase.strip().split()
        while name_words and name_words[0].lower() in QUANTIFIERS:
            name_words = name_words[1:]
        name = " ".join(name_words).strip(" ,.;:")
        if not name:
            return None
        if head in ANONYMOUS_HEADS or "anonymity" in normal or "declined" in normal:
            return self._discover(anonymous_name(lower_first(name)), SourceKind.ANONYMOUS)
        kind = KIND_BY_HEAD.get(head, SourceKind.UNKNOWN)
        state = STATE_BY_PLACE.get(normal)
        if state:
            # "Kinshasa accuses ...", "Rwanda denies ...": the country's government.
            return self._discover(f"{state} Government", SourceKind.GOVERNMENT)
        national = national_body(normal, head)
        if not national and head in HOME_BODY_HEADS and len(normal.split()) <= 3:
            # "the defence ministry said" in a Niamey story: Niger's, named as if written
            # "the Nigerien Defence Ministry" (a listed body if the registry has it).
            demonym = self._country_demonym(dateline_first=True)
            if demonym and not COUNTRY_WORD.search(normal):
                home = canonical_body(f"{demonym} {normal}")
                listed = self.registry.lookup_alias(home, home)
                if listed:
                    return self._known(listed)
                national = national_body(home, head)
        if national:
            military = head in ("army", "military", "forces", "command", "navy", "guard")
            return self._discover(
                national, SourceKind.MILITARY if military else SourceKind.GOVERNMENT
            )
        if "state" in normal.split() and head in ("media", "television", "tv", "agency", "radio"):
            kind = SourceKind.STATE_MEDIA  # "Lebanese state media"
        name = lower_first(name)  # "Police said" and "police said" are one source
        owned = owned_unit(name)
        if owned:
            # "The United States Navy's Fifth Fleet": the unit that speaks.
            return self._discover(owned.group(1).strip(), kind)
        named = TRAILING_NAME.search(name)
        if named and PLACE_MODIFIER.search(name[: named.start(1)]):
            named = None  # "health authorities in the state capital Bor": a place, not a name
        if named and kind is not SourceKind.ANONYMOUS:
            # "Shipping data firm Clarksons": the name, not the description.
            name = named.group(1)
            kind = KIND_BY_HEAD.get(head_noun(phrase[: phrase.rfind(name)]), kind)
        return self._discover(name, kind)
