"""Mention resolution inside one report: many ways of naming one source.

"a monitoring group", "The Britain-based Syrian Observatory for Human Rights",
"the Observatory" and "It" must all become one canonical source, or nothing
downstream (grouping, origin counting, reliability) can be trusted. Order:

1. pronouns -> the most recent speaker of a compatible kind;
2. a registry alias anywhere in the phrase (longest, rightmost wins), after a
   trailing personal name ("Hamas spokesman Hazem Qassem" is the person);
3. descriptions and short forms ("the ministry", "Russia's military") -> the most
   recent compatible speaker, then registry descriptions and short forms, then a
   compatible named source later in the report (cataphora: "a monitoring group
   said ... The Syrian Observatory said");
4. otherwise a new source named from the phrase, its kind read from the head noun.

The parts, each readable alone: ``mention_words`` (vocabulary), ``place_names``
(countries and national bodies), ``mention_memory`` (recent speakers, pronouns),
``body_mentions`` (organisations and descriptions), ``person_mentions`` (people and
roles); this module holds the order in which they are tried.
"""

from __future__ import annotations

from models import SourceKind
from workbench.extract.mention_memory import Resolved
from workbench.extract.mention_words import (
    ACRONYM,
    AFFILIATION,
    ANONYMOUS_HEADS,
    APPOSITIVE,
    BARE_ACRONYM_POSSESSIVE,
    BARE_APPOSITIVE,
    BARE_SPOKESMAN,
    BODY_SOURCE,
    DOCUMENT_HEADS,
    FINAL_STOP,
    HEAD_KINDS,
    INDEFINITE_APPOSITIVE,
    KIND_BY_HEAD,
    NAME_THEN_TITLE,
    OBJECT_PRONOUNS,
    ORG_NAME_HEADS,
    OUTLET_STAFF,
    OWNER_ROLE,
    PAREN_ACRONYM,
    PARTITIVE,
    PERSON_KINDS,
    PERSON_OFFICE,
    PROPER_APPOSITIVE,
    RELATIVE,
    ROLE_FOR,
    ROLE_OF_BODY,
    SAME_SOURCE,
    SINGLE_NAME_APPOSITIVE,
    SOURCE_AT_BODY,
    SPOKES_ROLE,
    SUB_BODY_HEADS,
    THE_COUNTRY,
    WORDS,
    head_as_written,
    head_noun,
    lower_first,
    next_speaker,
    owned_unit,
    strip_article,
)
from workbench.extract.person_mentions import PersonMentions
from workbench.extract.place_names import (
    PLACE_DEMONYM,
    canonical_body,
    is_demonym,
    national_body,
)
from workbench.extract.registry import POSSESSIVE_DEMONYMS, normalise_mention
from workbench.extract.speakers import PRONOUNS

__all__ = ["MentionResolver", "Resolved", "canonical_body"]


class MentionResolver(PersonMentions):
    """Resolves speaker phrases of one report to canonical source names."""

    # -- resolution ----------------------------------------------------------
    def resolve(self, phrase: str, position: int = 0) -> Resolved | None:
        """Canonical source for one speaker phrase, or None if it is not a speaker."""
        phrase = FINAL_STOP.sub("", phrase.strip(' ,;:"\u201c\u201d'))
        phrase = phrase.replace("\u2019", "'")  # "the military\u2019s media wing"
        if not phrase:
            return None
        for match in PAREN_ACRONYM.finditer(phrase):
            acronym = match.group(1)
            before = phrase[: match.start()].strip()
            target = self.resolve(before, position) if before else None
            if target is not None and target.name not in self.registry.entries:
                # "Rwanda's defence force (RDF)": the listed RDF, when its names share the
                # words of the one written ("Southern Defence Front (SDF)" is not the SDF).
                listed = self.registry.lookup_alias(acronym.lower(), acronym)
                if listed is not None and (
                    self._same_words(before, listed)
                    # "the United Nations childrens agency (UNICEF)": a description
                    or head_as_written(before).islower()
                    or normalise_mention(target.name)
                    != normalise_mention(strip_article(before))  # "Fund" of "Children's Fund"
                ):
                    target = self._known(listed)
            elif target is not None and not self._same_words(before, target.name):
                listed = self.registry.lookup_alias(acronym.lower(), acronym)
                if listed is not None and listed != target.name:
                    # "the UN children's fund (UNICEF)": the listed acronym, not the UN.
                    target = self._known(listed)
                elif listed is None and before[:1].isupper() and len(before.split()) >= 3:
                    # "The West Papua National Liberation Army (TPNPB)" is not the listed
                    # "National Liberation Army" (ELN) inside its name: a body of its own.
                    own = strip_article(before)
                    kind = KIND_BY_HEAD.get(head_noun(own.lower()), target.kind)
                    target = self._discover(own, kind)
            if target is not None:
                self.local_aliases[acronym.lower()] = target.name
                self._alias_cache.clear()
                rest = phrase[match.end() :].strip()
                if rest.startswith(",") and self._titled_name(rest.strip(" ,")):
                    # "The spokesperson of the Kurdistan Regional Government (KRG),
                    # Peshawa Hawramani": the person in apposition speaks.
                    phrase = f"{before}{phrase[match.end() :]}"
                    break
                return target
        phrase = PARTITIVE.sub("", phrase)
        at_body = SOURCE_AT_BODY.match(phrase) or BODY_SOURCE.match(phrase)
        if at_body and (
            (at_body.re is SOURCE_AT_BODY and at_body.group("prep") == "at")
            # "a source in the Kurdish Asayesh security forces"; not "officials in Aleppo"
            or head_noun(at_body.group("body").lower()) in ORG_NAME_HEADS
        ):
            body = self._body_of_source(at_body.group("body"), position)
            if body is not None:
                # "a source at X" names its role first; "a Police Command source" last
                role = (
                    phrase.split()[-1].lower()
                    if at_body.re is BODY_SOURCE
                    else head_noun(phrase[: at_body.start("body")].lower())
                )
                self.source_bodies[role] = body
                return body
        same = SAME_SOURCE.match(phrase)
        if same:
            # "the source added", "the same source said": the source that spoke before.
            earlier = self.source_bodies.get(same.group(1).lower())
            if earlier is not None:
                return earlier
            if same.group(0).lower().split()[-2:-1] == ["same"] and self.recent:
                return self.recent[-1]
        bare_acronym = phrase[4:] if phrase[:4].lower() == "the " else phrase
        if " " not in bare_acronym and ACRONYM.fullmatch(bare_acronym):
            defined = self._defined(bare_acronym)
            if defined is not None:
                return self._known(defined)  # "MNJTF said", defined earlier
        if ROLE_FOR.match(phrase.lower()):
            # "a spokesman for the group told Reuters ... '...,' Colonel Naw Bu said."
            next_name = next_speaker(self.text[position : position + 400])
            if len(next_name.split()) >= 2:
                name = self._personal_name(next_name) or next_name
                known = self.registry.lookup_alias(normalise_mention(name), name)
                return self._known(known) if known else self._discover(name, SourceKind.OFFICIAL)
        phrase = AFFILIATION.sub("", phrase)  # "analysts at the Institute for ..." -> the body
        lowered = OBJECT_PRONOUNS.get(phrase.lower(), phrase.lower())
        if lowered in PRONOUNS:
            return self._pronoun(lowered)
        country = THE_COUNTRY.match(phrase)
        if country:
            # "The country's Ombudsman's Office": the country the report is about.
            demonym = self._country_demonym()
            if demonym:
                phrase = f"{demonym.title()} {phrase[country.end() :]}"
                lowered = phrase.lower()
        office = PERSON_OFFICE.match(lowered)
        if office:
            return self._office_of(office.group(1), position)
        if lowered in BARE_SPOKESMAN and "spokesman" not in self.titles and self.recent:
            # "The spokesman said" after "the Official Spokesman of the Armed Forces said".
            last = self.recent[-1]
            if last.kind is not SourceKind.ANONYMOUS:
                return last
        role_of = ROLE_OF_BODY.match(phrase)
        if role_of:
            # "the Official Spokesman of the Armed Forces": the body speaks.
            body = self.resolve(role_of.group(1), position)
            if body is not None and body.name in self.registry.entries:
                return body
        owned_role = OWNER_ROLE.match(lowered)
        if owned_role:
            found = self._owner_role(
                owned_role.group(1) or owned_role.group(2), position, bool(owned_role.group(3))
            )
            if found is not None:
                return found
        if head_noun(lowered) in DOCUMENT_HEADS and len(lowered.split()) <= 3 and self.recent:
            # "the statement said": the document speaks for the last source.
            return self.recent[-1]
        single = SINGLE_NAME_APPOSITIVE.match(phrase)
        if (
            single is not None
            and head_noun(single.group(2).lower()) in ANONYMOUS_HEADS
            and not self.registry.lookup_alias(normalise_mention(single.group(1)), single.group(1))
        ):
            # "Ahmed a resident of the west of the city" (commas stripped): Ahmed, a person.
            return self._discover(single.group(1), SourceKind.PERSON)
        bare = BARE_APPOSITIVE.match(phrase)
        bare_person = self._personal_name(bare.group(1)) if bare else ""
        if bare and bare_person and bare.group(1).endswith(bare_person):
            # Stripped commas: "Musa Bello a resident who lost two brothers".
            phrase = f"{bare.group(1)}, {bare.group(2)}"
        described = INDEFINITE_APPOSITIVE.match(phrase) if "," not in phrase else None
        if described is not None:
            # "the observatory a Britain-based group" (commas stripped): the listed name.
            named = self._resolve_main(described.group(1), described.group(2), position)
            if named is not None and named.name in self.registry.entries:
                return named
        titled = NAME_THEN_TITLE.match(phrase)
        person = self._personal_name(titled.group(1)) if titled else ""
        if titled and person and titled.group(1).endswith(person):
            # "Rami Abdel Rahman head of the Syrian Observatory" (commas stripped).
            phrase = f"{titled.group(1)}, {titled.group(2)}"
        parts = APPOSITIVE.split(RELATIVE.sub("", phrase), maxsplit=1)
        main = parts[0].strip()
        appositive = parts[1].strip() if len(parts) > 1 else ""
        if appositive and self._titled_name(appositive):
            # "A senior Hamas official, Basem Naim", "the spokesman of the Coalition,
            # Brigadier General Turki al-Maliki": the person is the source.
            main, appositive = appositive, main
        found = self._resolve_main(main, appositive, position)
        if appositive and (
            found is None
            or bool(WORDS.fullmatch(head_as_written(main)))  # a description, not a name
            or (
                found.name not in self.registry.entries
                and (found.kind not in PERSON_KINDS or not self._personal_name(found.name))
            )
        ):
            # "The UN mission in the country, MONUSCO, said": the listed name wins.
            normal = normalise_mention(appositive)
            listed = self.registry.lookup_alias(normal, strip_article(appositive))
            if listed:
                return self._known(listed)
            if PROPER_APPOSITIVE.fullmatch(appositive) and bool(
                WORDS.fullmatch(head_as_written(main))
            ):
                # "the field's operator, HKN Energy, said": the name, not the description.
                return self._discover(
                    appositive,
                    KIND_BY_HEAD.get(
                        head_noun(normal), found.kind if found else SourceKind.UNKNOWN
                    ),
                )
        if found is None and appositive:
            found = self._resolve_main(appositive, "", position)
        return found

    def _resolve_main(self, phrase: str, appositive: str, position: int) -> Resolved | None:
        normal = normalise_mention(phrase)
        if not normal:
            return None
        original = strip_article(phrase)
        name = self.registry.lookup_alias(normal, original) or self.registry.lookup_description(
            normal
        )
        if name:
            resolved = self._known(name)
            if resolved.kind not in PERSON_KINDS and " " in normal and self._personal_name(phrase):
                # "Houthi military spokesman Yahya Saree": the body, through a person.
                resolved = Resolved(name, SourceKind.OFFICIAL)
            return resolved
        listed = self._listed_variant(normal, position)
        if listed:
            return self._known(listed)
        if " " not in normal and normal in self.surnames:
            return self._known(self.surnames[normal])  # "Al-Maliki stated"
        glued = self._surname_glued(phrase)
        if glued is not None:
            return glued  # "since World War II Steifo said" (commas stripped): Steifo
        person = self._personal_name(phrase)
        if person:
            known = self.registry.lookup_alias(normalise_mention(person), person)
            if known:
                # "the spokesman of the Coalition, Brigadier General Turki al-Maliki":
                # later "Al-Maliki" and "the spokesman" are the same listed source.
                self.surnames[normalise_mention(person.split()[-1])] = known
                title = phrase[: len(phrase) - len(person)]
                self._remember_titles(known, f"{title} {appositive}")
                self._note_affiliation(known, f"{title} {appositive}")
                resolved = self._known(known)
                if resolved.kind not in PERSON_KINDS:
                    # A person speaking for a listed body: "he" may still refer to him.
                    resolved = Resolved(known, SourceKind.OFFICIAL)
                return resolved
            for resolved in reversed(self.recent):
                if resolved.kind in PERSON_KINDS and (
                    resolved.name.endswith(" " + person) or resolved.name == person
                ):
                    return resolved
            if len(person.split()) >= 2:
                title = phrase[: len(phrase) - len(person)]
                head = head_noun(title) or head_noun(appositive)
                kind = (
                    SourceKind.OFFICIAL
                    if head in KIND_BY_HEAD or head in ("official", "spokesman")
                    else SourceKind.PERSON
                )
                self._remember_titles(person, f"{title} {appositive}")
                found = self._discover(person, kind)
                self._note_affiliation(found.name, f"{title} {appositive}")
                return found
        elif (
            " " not in normal
            and phrase[:1].isupper()
            and not phrase.isupper()
            and normal not in ANONYMOUS_HEADS
            and normal not in HEAD_KINDS
        ):
            full = self._earlier_full_name(phrase.strip(), position)
            if full:
                return self._discover(full, SourceKind.OFFICIAL)  # "Prokudin said"
        if phrase[:4].lower() == "the " or phrase[:1].isupper():
            titled = self._by_title(normal)
            if titled is not None:
                return titled  # "the governor said"
        named_next = self._named_next(phrase, normal, position)
        if named_next is not None:
            return named_next
        body = SPOKES_ROLE.sub("", strip_article(phrase))
        if body != strip_article(phrase) and body:
            # "An Indian army spokesman" speaks for the Indian army.
            body_normal = normalise_mention(body)
            known = self.registry.lookup_alias(body_normal, body) or self._alias_in(
                body_normal, body
            )
            if known:
                return self._through_spokesperson(phrase, self._known(known))
            national = national_body(body_normal, head_noun(body_normal))
            if national:
                military = head_noun(body_normal) in ("army", "military", "forces", "navy")
                return self._discover(
                    national, SourceKind.MILITARY if military else SourceKind.GOVERNMENT
                )
            spoken_for = self._body_spoken_for(body, body_normal, position)
            if spoken_for is not None:
                return self._through_spokesperson(phrase, spoken_for)
        if head_noun(normal) in OUTLET_STAFF:
            # "Reuters witnesses", "an AFP journalist": the outlet's own reporting.
            outlet = self._alias_in(normal, original)
            if outlet is None and BARE_ACRONYM_POSSESSIVE.search(original):
                # "SANAs correspondent" (apostrophe stripped) is SANA's.
                bare = BARE_ACRONYM_POSSESSIVE.sub(r"\1", original)
                outlet = self._alias_in(normalise_mention(bare), bare)
            if outlet and self._kind_of(outlet) in (SourceKind.MEDIA, SourceKind.STATE_MEDIA):
                return self._known(outlet)
        if head_noun(normal) in ANONYMOUS_HEADS:
            # "a U.S. official", "two security sources": unnamed people, not the body.
            return self._describe(phrase, normal, position)
        owned = owned_unit(phrase.strip())
        owner = phrase[: owned.start()].split()[-1:] if owned else []
        if owned and owner and f"{owner[0].lower()}'s" not in POSSESSIVE_DEMONYMS:
            # "The United States Navy's Fifth Fleet": the unit speaks, not its owner.
            unit = owned.group(1).strip()
            known = self.registry.lookup_alias(normalise_mention(unit), unit)
            first = strip_article(phrase).split()[0]
            known = known or self.registry.lookup_alias(
                normalise_mention(f"{first} {unit}"), f"{first} {unit}"
            )  # "The U.S. military's Central Command" -> "U.S. Central Command"
            if known:
                return self._known(known)
            return self._discover(unit, KIND_BY_HEAD.get(head_noun(unit), SourceKind.UNKNOWN))
        if normal.startswith("ministry of "):
            # "the Ministry of Defence of the Republic of Armenia": a national ministry.
            national = national_body(normal, "ministry")
            if national:
                listed = self.registry.lookup_alias(normalise_mention(national), national)
                return (
                    self._known(listed)
                    if listed
                    else self._discover(national, SourceKind.GOVERNMENT)
                )
        inside = self._alias_in(normal, original)
        if inside:
            head = head_noun(normal)
            regional = self._regional(normal, inside)
            if regional is not None:
                return self._known(regional)
            person_office = head == "office" and self._kind_of(inside) in PERSON_KINDS
            if (head in SUB_BODY_HEADS or self._proper_org_name(original, head)) and (
                not self._named_with(inside, head)
                and not person_office  # "Netanyahu's office" speaks for Netanyahu
            ):
                # "the U.N. mission in Libya", "the UN Security Council": a body of
                # its own, not the organisation named as its modifier.
                own_kind = KIND_BY_HEAD.get(head) if head not in SUB_BODY_HEADS else None
                return self._discover(
                    lower_first(strip_article(phrase)), own_kind or self._kind_of(inside)
                )
            local = self._local_unit(original, inside)
            if local is not None:
                return local
            return self._known(inside)
        return self._describe(phrase, normal, position)

    @staticmethod
    def _through_spokesperson(phrase: str, body: Resolved) -> Resolved:
        """ "The Civil Defense spokesman" is the body, spoken for by a person: a later "he
        said" is that spokesman, not the last person named."""
        if body.kind in PERSON_KINDS or phrase.lower().endswith("press office"):
            return body
        return Resolved(body.name, SourceKind.OFFICIAL)

    def _local_unit(self, original: str, inside: str) -> Resolved | None:
        """ "Kanbalu People's Defense Force": a listed body's name after a place that is
        no country is a local unit of its own, never merged into the listed body."""
        source = self.registry.get(inside)
        names = (inside, *(source.aliases if source else ()))
        lowered = original.lower().replace("\u2019", "'")
        for name in sorted(names, key=len, reverse=True):
            if len(name) > 3 and lowered.endswith(" " + name.lower()):
                prefix = original[: len(original) - len(name)].split()
                if (
                    1 <= len(prefix) <= 2
                    and all(w[:1].isupper() and w.isalpha() for w in prefix)
                    and not any(is_demonym(w) or w.lower() in PLACE_DEMONYM for w in prefix)
                    and not self.registry.lookup_alias(normalise_mention(prefix[0]), prefix[0])
                ):
                    return self._discover(original, self._kind_of(inside))
                return None
        return None

    def _body_of_source(self, body: str, position: int) -> Resolved | None:
        """The body behind 'a source at Aleppo Police Command': the body speaks (its
        own name when a listed name only sits inside it: "Damascus hospital")."""
        if len(body.split()) > 6:
            return None
        found = self.resolve(body, position)
        if found is None or found.kind in (SourceKind.ANONYMOUS, *PERSON_KINDS):
            return None
        head = head_noun(body.lower())
        if found.name in self.registry.entries and not self._named_with(found.name, head):
            return self._discover(
                lower_first(strip_article(body)), KIND_BY_HEAD.get(head, SourceKind.UNKNOWN)
            )
        return found

    def _body_spoken_for(self, body: str, body_normal: str, position: int) -> Resolved | None:
        """The body of "the Civil Defense spokesman" (a body named just before, "the Syrian
        Civil Defense") or of "the Armed Forces spokesman" (the country's listed army)."""
        for resolved in reversed(self.recent):
            listed_body = self._kind_of(resolved.name) not in PERSON_KINDS
            if (resolved.kind not in PERSON_KINDS or listed_body) and self._same_words(
                body, resolved.name
            ):
                return resolved
        if head_noun(body_normal) not in HEAD_KINDS:
            return None
        found = self._describe(f"the {body}", body_normal, position)
        if found is not None and found.name in self.registry.entries:
            return found
        return None
