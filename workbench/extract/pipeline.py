"""Report -> attributed claims: sentences, attribution, coreference, caveats,
figures, modality, places and time.

Claims stream out paragraph by paragraph with a small look-back buffer (a
verification caveat may follow the claim it qualifies), so a 10 MB report runs in
bounded memory. Span convention: ``claim.span`` slices ``report.text`` to
``claim.text`` exactly, except when a trailing attribution interrupts the
proposition ("Y, the Observatory said, as well as Z"): then the span covers the
whole proposition region and ``text`` joins Y and Z without the attribution.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from models import Caveat, CaveatKind, Claim, Modality, Quantity, Report, Source, SourceKind
from workbench.extract.attribution import (
    Attribution,
    attribute,
    first_person_appeal,
    quote_regions,
)
from workbench.extract.caveats import (
    HEDGE_CUES,
    caveat_start,
    caveat_targets_figures,
    inline_caveats,
    is_caveat_sentence,
    reporter_appositive,
)
from workbench.extract.coreference import MentionResolver, Resolved
from workbench.extract.cues import CUE_RE
from workbench.extract.modality import classify_modality
from workbench.extract.places import find_places, find_time
from workbench.extract.quantities import parse_quantities
from workbench.extract.registry import (
    POSSESSIVE_DEMONYMS,
    SourceRegistry,
    load_registry,
    normalise_mention,
)
from workbench.extract.sentences import (
    Sentence,
    iter_paragraphs,
    split_sentences,
    without_stray_quote,
)
from workbench.extract.speakers import split_speakers, strip_workplace

_BUFFER = 24  # claims kept open for late caveats
_CASUALTY_UNITS = (
    "killed",
    "wounded",
    "dead",
    "detained",
    "captured",
    "abducted",
    "displaced",
    "missing",
)
# A caveat sentence that names whose account it doubts ("the group's claim", "the
# military's account", "battlefield reports") qualifies the nearest claim of such a source.
_PARTY_KINDS = frozenset(
    {SourceKind.MILITARY, SourceKind.GOVERNMENT, SourceKind.OFFICIAL, SourceKind.PERSON}
)
_REFERENCE_KINDS: dict[str, frozenset[SourceKind]] = {
    "group": frozenset({SourceKind.MILITARY, SourceKind.MONITOR, SourceKind.NGO}),
    "rebels": frozenset({SourceKind.MILITARY}),
    "militants": frozenset({SourceKind.MILITARY}),
    "insurgents": frozenset({SourceKind.MILITARY}),
    "military": frozenset({SourceKind.MILITARY}),
    "army": frozenset({SourceKind.MILITARY}),
    "battlefield": frozenset({SourceKind.MILITARY}),
    "junta": frozenset({SourceKind.MILITARY, SourceKind.GOVERNMENT}),
    "ministry": frozenset({SourceKind.GOVERNMENT, SourceKind.MILITARY}),
    "government": frozenset({SourceKind.GOVERNMENT}),
    "police": frozenset({SourceKind.GOVERNMENT}),
    "monitor": frozenset({SourceKind.MONITOR}),
    "observatory": frozenset({SourceKind.MONITOR}),
    "witness": frozenset({SourceKind.ANONYMOUS, SourceKind.PERSON}),
    "witnesses": frozenset({SourceKind.ANONYMOUS, SourceKind.PERSON}),
    "accounts": frozenset({SourceKind.ANONYMOUS, SourceKind.PERSON}),
    "residents": frozenset({SourceKind.ANONYMOUS}),
    "side": _PARTY_KINDS,
    "sides": _PARTY_KINDS,
}
_REFERENCE_WORD = re.compile(r"[a-z]+(?=(?:['\u2019]s?)?\b)")
# "X did not respond to a request for comment": X is the accused, not the source doubted.
_NO_RESPONSE = re.compile(
    r"did\s+not\s+(?:immediately\s+)?(?:respond|reply|comment)|declined\s+to\s+comment|"
    r"could\s+not\s+(?:immediately\s+)?be\s+reached",
    re.IGNORECASE,
)
_CAVEAT_REACH = 8  # claims looked back at for a caveat sentence
_PAREN_TAIL = re.compile(r"\s*\([A-Z][A-Za-z.]{1,9}\)\s*$")
_LINKED_PREFIX = re.compile(
    r"^(?:the\s+)?(?:[\w'-]+-(?:linked|backed|based|led|allied|affiliated|aligned|run|owned)\s+)+",
    re.IGNORECASE,
)
_TITLES_THEN_NAME = re.compile(
    r"^(?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s+and\s+(?!the\b)[A-Z][^,]*,\s*"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3},?$"
)
_MAX_SENTENCE = 2_000  # longer "sentences" (tables, dumps, stripped feeds) are cut up


def _has_casualty(draft: _Draft) -> bool:
    return any(
        q.unit.endswith(_CASUALTY_UNITS) or q.unit in _CASUALTY_UNITS for q in draft.quantities
    )


def _run_head(candidates: list[_Draft]) -> _Draft | None:
    """The casualty claim that opens the run of quotes just before a caveat, or None.

    'Drone strikes killed 30 civilians, health workers said. "We counted the bodies,"
    one of them said.' A caveat after the quotes doubts the toll, not the quote.
    """
    if not candidates or _has_casualty(candidates[0]):
        return None
    speakers = set(candidates[0].sources)
    for draft in candidates[1:]:
        if _has_casualty(draft) and speakers <= set(draft.sources):
            return draft
        if not set(draft.sources) <= speakers and not speakers <= set(draft.sources):
            return None
    return None


_SUBJECT_NAME = re.compile(r"\b([A-Z][\w-]{2,})")


def _mentioning(subject: str, candidates: list[_Draft]) -> _Draft | None:
    """'CODECO ... could not be reached': the nearest claim that names CODECO."""
    for match in _SUBJECT_NAME.finditer(subject):
        word = match.group(1)
        if word in ("The", "A", "An", "Government", "Officials", "Spokesman"):
            continue
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        return next((d for d in candidates if pattern.search(d.text)), None)
    return None


def _run_start(candidates: list[_Draft]) -> _Draft | None:
    """The first claim of the run of claims by the nearest claim's speakers."""
    if not candidates:
        return None
    speakers = set(candidates[0].sources)
    start = candidates[0]
    for draft in candidates[1:]:
        if not set(draft.sources) & speakers:
            break
        start = draft
    return start


# "it cannot verify Israel's claims": the claims of a source named by its owner.
_OWNER_OF_CLAIMS = re.compile(
    r"\b([A-Z][a-z]+)['\u2019]s\s+(?:claims?|account|allegations?|statements?|version)\b"
)


def _owner_claim(text: str, candidates: list[_Draft]) -> _Draft | None:
    """The nearest claim whose source the possessive names ("Israel's" -> Israeli ...)."""
    owner = _OWNER_OF_CLAIMS.search(text)
    if owner is None:
        return None
    word = owner.group(1).lower()
    names = {word, POSSESSIVE_DEMONYMS.get(f"{word}'s", word)}
    for draft in candidates:
        for source in draft.sources:
            if names & set(normalise_mention(source).split()):
                return draft
    return None


def _after_glued_title(paragraph: str, title: str) -> int:
    """Where the lead starts when the report's headline opens its first paragraph without
    a line break (feeds that glue date, headline and lead), else 0."""
    title = title.strip().rstrip(".")
    if len(title.split()) < 3:
        return 0
    at = paragraph.find(title, 0, 120 + len(title))
    if at < 0:
        # "... Monitoring group - Region - World - Ahram Online": the site's trail is not
        # in the text; the headline before it is.
        title = _TITLE_TRAIL.split(title, maxsplit=1)[0].strip()
        if len(title.split()) < 3:
            return 0
        at = paragraph.find(title, 0, 120 + len(title))
        if at < 0:
            return 0
    end = at + len(title)
    while end < len(paragraph) and paragraph[end] in " .:-|\u2013\u2014":
        end += 1
    dateline = _DATELINE_AFTER_TITLE.match(paragraph, end)
    if dateline is not None:
        end = dateline.end()  # "AFP Sunday 1 Feb 2015 At least seven people ..."
    return end if end < len(paragraph) else 0


# An agency's credit in brackets before a sentence: "(reuters) A missile fired ...".
_CREDIT = re.compile(r"^\([A-Za-z]{2,12}\)\s+")
# A bare date stamp that opens the first paragraph of a scraped page: no sentence of its own.
_DATE_STAMP = re.compile(
    r"\s*(?:(?:Published|Updated|Posted)\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\d{4}|"
    r"\d{1,2}[-./]\d{1,2}[-./]\d{4})\s+"
    r"(?=[A-Z\"\u201c])"
)
_TITLE_TRAIL = re.compile(r"\s+[-|\u2013\u2014]\s+")
_DATELINE_AFTER_TITLE = re.compile(
    r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s+"
)


def _doubts_only(text: str, attr: Attribution) -> bool:
    """The whole proposition is a verification note ("it was not possible to verify")."""
    content = text[attr.content[0] : attr.content[1]]
    start = caveat_start(content)
    return start is not None and start <= 12 and is_caveat_sentence(content)


def _opens_with_caveat(text: str) -> bool:
    """A sentence whose verification note starts near its beginning is only a caveat."""
    found = caveat_start(text)
    if found is None or found >= 60 or text.lstrip().startswith(('"', "\u201c")):
        return False
    # "The U.N. has said it cannot verify Israel's claims" is the U.N.'s claim.
    return CUE_RE.search(text, 0, found) is None


def _looks_like_title(paragraph: str, offset: int, text: str) -> bool:
    """A short first line without final punctuation is the headline, not a claim."""
    line = paragraph.strip()
    return (
        offset + len(paragraph) < len(text)
        and len(line.split()) <= 16
        and line[-1:] not in ".!?\"\u201d'\u2019:"
    )


def _chunks(sentence: Sentence) -> Iterator[Sentence]:
    """A run-on "sentence" in pieces cut at spaces, so no regex sees megabytes at once."""
    text = sentence.text
    if len(text) <= _MAX_SENTENCE:
        yield sentence
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_SENTENCE)
        if end < len(text):
            space = text.rfind(" ", start + _MAX_SENTENCE // 2, end)
            end = space if space > start else end
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            begin = sentence.start + start + lead
            yield Sentence(begin, begin + len(stripped), stripped, sentence.paragraph)
        start = end


@dataclass
class _Draft:
    """A claim under construction (Claim itself is frozen)."""

    text: str
    sentence: str
    span: tuple[int, int]
    sources: tuple[str, ...]
    cue: str
    modality: Modality
    quantities: list[Quantity]
    caveats: list[Caveat] = field(default_factory=list)
    places: tuple[str, ...] = ()
    time_expression: str = ""

    def freeze(self, report_id: str) -> Claim:
        return Claim(
            report_id=report_id,
            text=self.text,
            sentence=self.sentence,
            span=self.span,
            sources=self.sources,
            cue=self.cue,
            modality=self.modality,
            quantities=tuple(self.quantities),
            caveats=tuple(self.caveats),
            places=self.places,
            time_expression=self.time_expression,
        )


def _move_to_lead(draft: _Draft, sentence: Sentence, lead: Sentence) -> None:
    """Place a claim on the lead before its sentence when that sentence repeats the lead
    word for word with an attribution added: the claim is where it is first stated."""
    stated = lead.text.rstrip(" .")
    length = len(stated)
    if length < 40 or not sentence.text.startswith(stated):
        return
    if draft.span[1] - sentence.start > length:
        return
    shift = lead.start - sentence.start
    draft.span = (draft.span[0] + shift, draft.span[1] + shift)


# A sentence that details the casualties of the claim before it, in no voice of its own:
# "The victims included 51 children", "Among the dead were four staff and five children".
_CASUALTY_DETAIL = re.compile(
    r"^\s*(?:(?:Among|Of)\s+(?:the|them|those)\b|(?:The|Those)\s+(?:victims|dead|"
    r"killed|wounded|injured|casualties|fatalities)\b|"
    # "A police source told SANA that shells hit X. The attacks claimed the lives of five
    # citizens and injured 90 others.": the toll of the attack the source just described
    r"(?:The|These)\s+(?:terrorist\s+)?(?:attacks?|explosions?|blasts?|shelling|bombing|"
    r"strikes?|shells|raids?|bombardment)\s+(?:also\s+)?(?:claimed|killed|left|wounded|"
    r"injured)\b)"
)


def _details_casualties(text: str) -> bool:
    return bool(_CASUALTY_DETAIL.match(text)) and bool(parse_quantities(text))


class _Extractor:
    """State of one pass over one report."""

    def __init__(self, report: Report, registry: SourceRegistry) -> None:
        self.report = report
        self.text = report.text
        self.resolver = MentionResolver(registry, report.text)
        self.buffer: deque[_Draft] = deque()
        self.pending_caveats: list[Caveat] = []
        self.pending_quote: list[Sentence] = []
        # The speaker of the claim right before a quote that no cue follows: '... according
        # to RT. "Twenty-three people have been killed ..." The attack was ...' is RT's.
        self.pending_owner: tuple[tuple[str, ...], str] | None = None
        self.quote_speaker: tuple[tuple[str, ...], str] | None = None
        self.last_sources: tuple[str, ...] = ()  # for "..., saying" and "and accused"
        # The speaker of a quote that closed the previous paragraph: a next paragraph that
        # is only a quotation, with no attribution of its own, is still that speaker's.
        self.carried_quote: tuple[tuple[str, ...], str] | None = None
        # The speaker of the sentence just before, when it made a claim: a next sentence
        # that only details its casualties carries on its figures.
        self.previous_claim: tuple[tuple[str, ...], str] | None = None
        self.drafted = 0  # claims drafted so far
        # The sentence just before, when it had no attribution: a page that repeats its
        # lead with the source added ("Shells hit X. Shells hit X SANA reported.") makes
        # the claim where the lead states it.
        self.bare_lead: Sentence | None = None
        self.last_text = ""  # the sentence just before: a page may print its lead twice

    # -- output ------------------------------------------------------------
    def _push(self, draft: _Draft) -> Iterator[Claim]:
        self.drafted += 1
        if self.pending_caveats:
            draft.caveats.extend(self.pending_caveats)
            self.pending_caveats = []
        self.buffer.append(draft)
        while len(self.buffer) > _BUFFER:
            yield self.buffer.popleft().freeze(self.report.id)

    def flush(self) -> Iterator[Claim]:
        while self.buffer:
            yield self.buffer.popleft().freeze(self.report.id)

    def _unclaimed_quotes(self) -> Iterator[Claim]:
        """Quotes no cue claimed: the speaker of the claim right before them said them, if
        there is one; else they are dropped."""
        quotes, owner = self.pending_quote, self.pending_owner
        self.pending_quote, self.pending_owner = [], None
        if owner is not None:
            yield from self._quote_claims(quotes, *owner)

    # -- caveats -------------------------------------------------------------
    def _attach_sentence_caveat(self, sentence: Sentence) -> None:
        caveat = Caveat(
            text=sentence.text, kind=CaveatKind.UNVERIFIED, span=(sentence.start, sentence.end)
        )
        candidates = list(reversed(self.buffer))
        target: _Draft | None = None
        if caveat_targets_figures(sentence.text):
            target = next(
                (
                    d
                    for d in candidates
                    if any(
                        q.unit.endswith(_CASUALTY_UNITS) or q.unit in _CASUALTY_UNITS
                        for q in d.quantities
                    )
                ),
                None,
            )
            if target is None:
                target = next((d for d in candidates if d.quantities), None)
        else:
            # "The group's claim could not be verified": the claim of the source it names.
            target = _owner_claim(sentence.text, candidates[:_CAVEAT_REACH]) or self._referenced(
                sentence.text, candidates[:_CAVEAT_REACH]
            )
            silent = _NO_RESPONSE.search(sentence.text)
            if target is None and silent:
                target = _mentioning(sentence.text[: silent.start()], candidates[:_CAVEAT_REACH])
            if target is None and silent:
                # "X did not respond to a request for comment": the casualty claim X is
                # accused in, even if quotes or other claims came after it, or else the
                # claim that opened the run of quotes just before.
                target = next(
                    (d for d in candidates[:_CAVEAT_REACH] if _has_casualty(d)),
                    None,
                ) or _run_start(candidates[:_CAVEAT_REACH])
            if target is None:
                target = _run_head(candidates[:_CAVEAT_REACH])
        if target is None and candidates:
            target = candidates[0]
        if target is None:
            self.pending_caveats.append(caveat)
        else:
            target.caveats.append(caveat)

    def _referenced(self, text: str, candidates: list[_Draft]) -> _Draft | None:
        """The nearest claim whose source the caveat names or describes, or None."""
        if _NO_RESPONSE.search(text):
            return None
        kinds: set[SourceKind] = set()
        words: set[str] = set()
        for word in _REFERENCE_WORD.findall(text.lower()):
            found = _REFERENCE_KINDS.get(word)
            if found:
                kinds |= found
                words.add(word)
        if not kinds:
            return None
        for draft in candidates:
            for name in draft.sources:
                source = self.resolver.registry.get(name)
                if source is not None and source.kind in kinds:
                    return draft
            # "Army spokesman X said ...": a person speaking for the body the caveat
            # names ("the army's account").
            attribution = draft.sentence.replace(draft.text, " ").lower()
            if words & set(_REFERENCE_WORD.findall(attribution)):
                return draft
        return None

    # -- sources -----------------------------------------------------------
    def _resolve(self, phrases: list[str], position: int) -> tuple[str, ...]:
        names: list[str] = []
        for phrase in phrases:
            found = self.resolver.resolve(phrase, position)
            if found is not None:
                self._note(names, found)
        return tuple(names)

    def _note(self, names: list[str], resolved: Resolved) -> None:
        if resolved.name not in names:
            names.append(resolved.name)
        self.resolver.note(resolved)

    def _speakers_of(self, attr: Attribution, sentence: Sentence) -> tuple[str, ...]:
        """Canonical sources of a speaker phrase; "X and Y" names two unless an alias."""
        phrase = strip_workplace(attr.speakers[0])
        linked = _LINKED_PREFIX.match(phrase)
        # "The PKK-linked Firat news agency": the body, unless the whole is a listed name.
        if (
            linked is not None
            and linked.end() < len(phrase)
            and self.resolver.registry.lookup_alias(normalise_mention(phrase), phrase) is None
            and self.resolver.registry.lookup_description(normalise_mention(phrase)) is None
        ):
            phrase = phrase[linked.end() :]
        parts = split_speakers(phrase)
        if len(parts) > 1 and _TITLES_THEN_NAME.match(phrase):
            # "The UN Resident and Humanitarian Coordinator for Sudan, Clementine
            # Nkweta-Salami": two titles of one person.
            parts = [phrase]
        if len(parts) > 1:
            bare = _PAREN_TAIL.sub("", phrase)  # "... Mission in Somalia (AUSSOM)"
            bare = _LINKED_PREFIX.sub("", bare)  # "the al-Qaida-linked Group for ... and ..."
            normal = normalise_mention(bare)
            alias = self.resolver.registry.lookup_alias(normal, bare)
            if alias is None:
                return self._resolve(parts, sentence.end)
        return self._resolve([phrase], sentence.end)

    # -- claims --------------------------------------------------------------
    def _draft(self, sentence: Sentence, attr: Attribution, sources: tuple[str, ...]) -> _Draft:
        local = sentence.text
        start, end = attr.content
        text = local[start:end]
        span_end = end
        quantity_text = text
        if attr.extra is not None and attr.extra[1] > attr.extra[0]:
            extra = local[attr.extra[0] : attr.extra[1]]
            text = f"{text} {extra}"
            quantity_text = f"{quantity_text}, {extra}"
            span_end = attr.extra[1]
        caveats: list[Caveat] = []
        comment = reporter_appositive(text) if attr.extra is None else None
        if comment is not None:
            cut, comment_kind = comment
            words_at = start + cut + len(text[cut:]) - len(text[cut:].lstrip(", "))
            caveats.append(
                Caveat(
                    text=local[words_at:end],
                    kind=comment_kind,
                    span=(sentence.start + words_at, sentence.start + end),
                )
            )
            text = quantity_text = text[:cut]
            span_end = start + cut
        modality = classify_modality(attr.cue, text, attr.cue_tail)
        # A later complement ("... and that B") owns only the caveats inside it.
        lo = start if attr.joined else min(attr.region[0], attr.cue_span[0], start)
        hi = max(attr.cue_span[1], span_end)
        if attr.cue in HEDGE_CUES:
            # "X claimed ...": the cue itself hedges the claim.
            cue_at = (sentence.start + attr.cue_span[0], sentence.start + attr.cue_span[1])
            caveats.append(Caveat(text=attr.cue, kind=CaveatKind.HEDGE, span=cue_at))
        for words, kind, a, b in inline_caveats(local[lo:hi]):
            if kind is CaveatKind.UNVERIFIED and 0 <= lo + a - start < 25:
                continue  # "it cannot verify Israel's claims" is the claim itself
            at = (sentence.start + lo + a, sentence.start + lo + b)
            caveats.append(Caveat(text=words, kind=kind, span=at))
        time = find_time(text) or find_time(local[attr.cue_span[1] : attr.cue_span[1] + 30])
        return _Draft(
            text=text,
            sentence=local,
            span=(sentence.start + start, sentence.start + span_end),
            sources=sources,
            cue=attr.cue,
            modality=modality,
            quantities=parse_quantities(quantity_text),
            caveats=caveats,
            places=tuple(find_places(text)),
            time_expression=time,
        )

    def _quote_claims(
        self, quotes: list[Sentence], sources: tuple[str, ...], cue: str
    ) -> Iterator[Claim]:
        """Claims of whole quoted sentences, but for the speaker's own appeals."""
        for quoted in quotes:
            if not first_person_appeal(quoted.text):
                yield from self._push(self._quote_claim(quoted, sources, cue))

    def _quote_claim(self, sentence: Sentence, sources: tuple[str, ...], cue: str) -> _Draft:
        local = sentence.text
        start, end = 0, len(local)
        while start < end and local[start] in '"\u201c\u00ab ':
            start += 1
        while end > start and local[end - 1] in '"\u201d\u00bb ,.':
            end -= 1
        text = local[start:end]
        return _Draft(
            text=text,
            sentence=local,
            span=(sentence.start + start, sentence.start + end),
            sources=sources,
            cue=cue,
            modality=classify_modality(cue, text),
            quantities=parse_quantities(text),
            places=tuple(find_places(text)),
            time_expression=find_time(text),
        )

    def sentence(self, sentence: Sentence, inside: bool) -> tuple[list[Claim], bool]:
        """Claims of one sentence; returns them and whether a quote is left open."""
        regions, open_after = quote_regions(sentence.text, inside)
        text = _CREDIT.sub("", sentence.text, count=1)
        if text == self.last_text and len(text) >= 40:
            return [], open_after  # the same sentence printed twice is one statement
        self.last_text = text
        self.resolver.context = sentence.text
        if _opens_with_caveat(sentence.text):
            # "Reuters could not independently verify the battlefield reports": a
            # caveat, even though "reports" looks like a cue.
            self._attach_sentence_caveat(sentence)
            return [], open_after
        attrs = attribute(sentence.text, regions)
        if len(attrs) == 1 and _doubts_only(sentence.text, attrs[0]):
            # "The Observatory said it was not yet possible to verify the figures": a
            # caveat on the figures it doubts, not a claim of its own.
            self._attach_sentence_caveat(sentence)
            return [], open_after
        out: list[Claim] = []
        drafted = self.drafted
        lead, self.bare_lead = self.bare_lead, None
        if not attrs:
            self.bare_lead = sentence
            if is_caveat_sentence(sentence.text):
                self._attach_sentence_caveat(sentence)
                return out, open_after
            starts_quoted = inside or sentence.text[:1] in '"\u201c\u00ab'
            carried = self.previous_claim
            self.previous_claim = None
            if carried is not None and not starts_quoted and _details_casualties(sentence.text):
                # "... the Institute said. The victims included 51 children and 28 women."
                out.extend(self._push(self._quote_claim(sentence, *carried)))
                self.previous_claim = carried
                return out, open_after
            if not starts_quoted:
                self.resolver.note_subject(sentence.text)
            if starts_quoted:
                if self.quote_speaker is not None:
                    out.extend(self._quote_claims([sentence], *self.quote_speaker))
                else:
                    if not self.pending_quote:
                        self.pending_owner = carried
                    self.pending_quote.append(sentence)
            else:
                out.extend(self._unclaimed_quotes())
            if not open_after and not starts_quoted:
                self.quote_speaker = None
            return out, open_after
        first = attrs[0]
        if self.pending_quote and not (
            first.form in ("trailing", "inverted") and (inside or first.quoted)
        ):
            out.extend(self._unclaimed_quotes())  # no "he said" closes the quotes before
        for index, attr in enumerate(attrs):
            if attr.relative and index == 0:
                continue  # "who said ..." with no antecedent in view
            if (attr.inherits or attr.joined or attr.relative) and index > 0:
                # "..., said Umm Khaled, 46, who said she had lost three relatives"
                sources = self.last_sources  # resolved once: "the UN's office ... and that"
            else:
                sources = self._speakers_of(attr, sentence)
            if not sources:
                continue
            self.last_sources = sources
            if (
                index == 0
                and self.pending_quote
                and attr.form in ("trailing", "inverted")
                and (inside or attr.quoted)
            ):
                out.extend(self._quote_claims(self.pending_quote, sources, attr.cue))
            draft = self._draft(sentence, attr, sources)
            if index == 0 and lead is not None:
                _move_to_lead(draft, sentence, lead)
            out.extend(self._push(draft))
        self.pending_quote = []
        self.previous_claim = (self.last_sources, attrs[-1].cue) if self.drafted > drafted else None
        last = attrs[-1]
        if len(attrs) > 1 and last.relative:
            last = attrs[-2]  # '"...," said X, 46, who said ...': the quote is what carries on
        if (open_after and last.form == "forward") or (
            last.quoted and last.form in ("trailing", "inverted")
        ):
            # An open quote, or a quote closed by "he said", carries its speaker to the
            # next quoted sentence of the paragraph.
            self.quote_speaker = (self.last_sources, last.cue)
        else:
            self.quote_speaker = None
        return out, open_after

    def run(self) -> Iterator[Claim]:
        paragraphs = iter_paragraphs(self.text)
        ahead = next(paragraphs, None)
        index = -1
        while ahead is not None:  # one paragraph of look-ahead, so huge reports stream
            (offset, paragraph), ahead = ahead, next(paragraphs, None)
            index += 1
            paragraph = without_stray_quote(paragraph, ahead[1] if ahead else None)
            # A new paragraph re-opens a running quote with its own quote mark.
            inside = False
            self.previous_claim = None
            if index == 0 and _looks_like_title(paragraph, offset, self.text):
                continue
            if index == 0:
                cut = _after_glued_title(paragraph, self.report.title)
                stamp = _DATE_STAMP.match(paragraph, cut)
                if stamp is not None:
                    cut = stamp.end()  # "11 Aug 2016 According to the hospital ..."
                if cut:
                    # "Fri 07 Apr 2017 Homs governor says U.S. attack caused deaths ...
                    # A U.S. missile strike ...": the headline glued to the lead is no claim.
                    offset, paragraph = offset + cut, paragraph[cut:]
            stripped = paragraph.strip()
            whole_quote = stripped[:1] in '"\u201c' and stripped[-1:] in '"\u201d'
            for sentence in split_sentences(paragraph, offset, index):
                for piece in _chunks(sentence):
                    claims, inside = self.sentence(piece, inside)
                    yield from claims
            if whole_quote and self.pending_quote and self.carried_quote is not None:
                sources, cue = self.carried_quote
                yield from self._quote_claims(self.pending_quote, sources, cue)
                self.pending_quote = []
            self.carried_quote = self.quote_speaker if not inside else None
            if not inside or len(self.pending_quote) > 20:
                # Only a quote left open runs on into the next paragraph (AP style).
                self.quote_speaker = None
                yield from self._unclaimed_quotes()
        yield from self.flush()


def iter_claims(report: Report, registry: SourceRegistry | None = None) -> Iterator[Claim]:
    """Claims of a report as a stream (bounded memory for huge reports)."""
    yield from _Extractor(report, registry if registry is not None else load_registry()).run()


def extract_claims(report: Report, registry: SourceRegistry | None = None) -> list[Claim]:
    """The attributed claims of one report, in reading order."""
    return list(iter_claims(report, registry))


def sources_for_claims(
    claims: list[Claim] | tuple[Claim, ...], registry: SourceRegistry
) -> list[Source]:
    """``models.Source`` for every canonical name the claims use (for the store).

    Pass the registry used for extraction: it remembers the kind of sources it
    discovered in the text ("regional media" is media, "a military source" anonymous).
    """
    names: list[str] = []
    for claim in claims:
        names.extend(claim.sources)
    return registry.sources_for(names)
