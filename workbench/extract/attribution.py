"""Attribution inside one sentence: which spans are claims, whose, and with which cue.

Handles the forms of wire copy: "X said Y", "Y, X said", "Y, said X",
"according to X, Y", "Y, according to X", "X told Reuters Y", '"...," he said',
", saying Y", two attributions joined by "and", and two complements of one cue
("X said A and that B"). Works on sentence-local
offsets; the pipeline maps them back to the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench.extract.cue_checks import NAMING, WAS_QUOTED, valid_cue
from workbench.extract.cues import (
    ADDRESSEE_TAIL_RE,
    ADJUNCT_RE,
    CUE_RE,
    TELL_CUES,
    THAT_RE,
    TOLD_ADDRESSEE_RE,
    TRAILING_FOLLOWERS,
    canonical_cue,
    is_according,
    is_ing,
)
from workbench.extract.speakers import (
    backward_speaker_start,
    clean_speaker,
    forward_speaker_end,
    plausible_speaker,
)

OPEN_QUOTES = "\u201c\u00ab"
CLOSE_QUOTES = "\u201d\u00bb"
_QUOTE_CHARS = re.compile('["\u201c\u201d\u00ab\u00bb]')
_SEPARATORS = ",;\u2014\u2013("
_LEADING_CONNECTIVES = re.compile(
    r"^(?:(?:but|and|yet|so|meanwhile|however|separately|in\s+addition|also|still|"
    r"elsewhere|earlier|later)\b\s*,?\s*)+",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    # "... and later the source said that B": a time adverb may follow the conjunction
    r"(?:,\s*(?:and|but|while|whereas)|;|\band|\bbut|\bwhile)"
    r"(?:\s+(?:later|then|earlier|afterwards|subsequently))?\s*$",
    re.IGNORECASE,
)
_ACCORDING_DOCUMENT = re.compile(
    r"(?:(?:the|a|an|its|their)\s+)?(?:(?:latest|official|preliminary|initial|earlier|new)\s+)?"
    r"(?:estimates?|figures?|data|tall(?:y|ies)|counts?|statements?|reports?|records?|"
    r"documents?|analysis|assessments?|a\s+post|posts?|information|statistics)\s+"
    r"(?:by|from|of|issued\s+by|published\s+by|released\s+by|compiled\s+by|"
    r"provided\s+by|given\s+by)\s+",
    re.IGNORECASE,
)
# "called the KIA a terrorist organisation" asserts; "called for a ceasefire", "called on all
# parties to respect international humanitarian law" and "urged" appeal: an appeal asserts
# nothing that can be corroborated or refuted, so it is not a claim.
_CALLED_NAMING = re.compile(r"\s+" + NAMING)
_APPEAL_CUES = frozenset({"urged", "urges", "urging"})
# A cue whose whole object is a need: "reiterated the need for further efforts".
_NEED_FOR = re.compile(
    r"(?:the|an?)\s+(?:(?:urgent|pressing|continued|growing)\s+)?(?:need|importance|"
    r"necessity)\s+(?:for|of|to)\b",
    re.IGNORECASE,
)


def _appeal(text: str, attr: Attribution) -> bool:
    """An appeal ("called on all parties to ...", "urged X to ..."): it opens a subject for
    a cue that follows ("called for A and said B") but is no claim itself."""
    if attr.cue in _APPEAL_CUES:
        return True
    if first_person_appeal(text[attr.content[0] : attr.content[1]]):
        return True
    if _NEED_FOR.match(text, attr.content[0]):
        return True  # "stressed the importance of the truce", "reiterated the need for talks"
    return attr.cue in ("called", "calls") and not _CALLED_NAMING.match(text, attr.cue_span[1])


# "I ask for an emergency meeting", "we urge restraint": a speaker's own appeal. ("We call
# on all parties to cease hostilities" stays a claim, as the invented gold reads it.)
_FIRST_PERSON_APPEAL = re.compile(
    r"(?<![\w-])(?:I|We|we)\s+(?:(?:again|also|once\s+again|strongly)\s+)?(?:ask|urge|"
    r"appeal\s+to|appeal\s+for|demand)\b"
)


def first_person_appeal(text: str) -> bool:
    """Whether a quoted statement is the speaker's own appeal ("I ask for everyone not to
    shirk their responsibilities"): it asserts nothing to check, so it is no claim."""
    return _FIRST_PERSON_APPEAL.search(text) is not None


# "said nothing", "said so": no proposition to check.
_EMPTY_PROPOSITIONS = frozenset({"nothing", "little", "so", "this", "that", "more", "otherwise"})
_SPEECH_CUES = frozenset({"said", "says", "say", "stated", "states", "added", "adds", "told"})
_OBJECT_PRONOUN = re.compile(r"(?:him|her|them|it)\b", re.IGNORECASE)
_QUOTED_AS = re.compile(
    r"\b(?:quoted|cited)\s+(?!by\b)(?P<who>[^,;]{2,160}?)\s+as\s+$", re.IGNORECASE
)
_TRAILING_AUX = re.compile(
    r"\s+(?:(?:has|have|had|also|later|earlier|previously|again|repeatedly|long|both|each|all|"
    r"jointly|separately|promptly|quickly|swiftly|immediately|strongly|flatly|categorically|"
    r"vehemently|firmly|officially|publicly|formally|initially|subsequently|reportedly)\s+)+$"
)
# Any manner adverb right before the cue ("has consistently denied"); read only when the
# word before the cue ends in -ly, as a scan with it costs every sentence.
_MANNER_BEFORE = re.compile(
    r"(?<=\s)[a-z]{2,}(?:ally|ently|antly|ively|edly|ously|ately|ibly|fully)\s+$"
)
_RELATIVE_DENIAL = re.compile(
    r"^(?:(?:a|an|the)\s+(?:charge|claim|accusation|allegation|assertion|account|version|"
    r"figure)\b|(?:charges|claims|accusations|allegations)\s+(?:the|that|which)\b|"
    r"which\b|something\b)",
    re.IGNORECASE,
)
_RELATIVE_SUBJECT = re.compile(r"\s+(?:which|who)\s+(?:also\s+|later\s+)?$")
_ELIDED_SUBJECT = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:also\s+|later\s+)?$", re.IGNORECASE)
_CONTINUATION = re.compile(
    r"^\s*,?\s*(?:as\s+well\s+as|along\s+with|together\s+with|"
    r"(?:most|many|some|all|half)\s+of\s+them|mostly|including|among\s+them)\b",
    re.IGNORECASE,
)
_TITLED_SUBJECT = re.compile(
    r"^((?:[A-Z][\w'\u2019-]*\s+)?(?:President|Prime\s+Minister|Minister|Governor|Mayor|"
    r"General|Gen\.|Commander)\s+(?:[A-Z][\w'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+)"
    r"\s+[a-z]+ed\b"
)
_PAREN_TAIL_AT = re.compile(r"\s*\([A-Z][A-Za-z.]{1,9}\)$")
_STRIPPED_WHICH = re.compile(r"(?<=[\w)])\s+which\s+(?!said\b)[^;\"\u201c\u201d]{3,120}$")
# A non-restrictive relative clause between a subject and its cue: ", which groups ...,".
# Also ", citing residents of Tera,", ", or TTP," and a short quotation inside ("his call
# sign "Bison"").
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|(?:also\s+|better\s+)?known\s+as|citing|quoting|or(?=\s+[A-Z]))\s"
    r"(?:[^;\"\u201c\u201d]|[\"\u201c][^;\"\u201c\u201d]{1,40}[\"\u201d]){1,160},$"
)
# "According to the Sudan Doctors Network, a medical group that tracks casualties, ...".
# A verb right after an inserted "according to X": "... according to the source claimed".
_PREDICATE_AFTER = re.compile(
    r"\s*,?\s*(?:have\s+|has\s+|had\s+|were\s+|was\s+)?"
    r"(?:claimed|killed|left|caused|wounded|injured|hit|targeted|destroyed|struck)\b"
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|said|says|\w+ed)\b", re.IGNORECASE
)


def _bare_subject(lead: str) -> bool:
    """A short noun phrase with no verb: "The terrorist attacks" (not a clause)."""
    words = lead.split()
    return 1 <= len(words) <= 5 and _VERBISH.search(lead) is None


def _clause_end(text: str, start: int) -> int:
    """The end of the sentence that runs from ``start`` (the text's end if none)."""
    stop = text.find(". ", start)
    return len(text) if stop < 0 else stop + 1


_ACCORDING_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an)\s+(?:[\w'-]+\s+){0,4}(?:group|organi[sz]ation|agency|network|monitor|"
    r"body|charity|NGO|coalition|alliance|outlet|website|watchdog|initiative|project|platform)"
    r"\b[^,;\"\u201c\u201d]{0,80}|which\s+[^,;\"\u201c\u201d]{3,100}),(?=\s)"
)
_PAREN_ACRONYM_AT = re.compile(r"\([A-Z][A-Za-z.]{1,9}\)")
_DESCRIPTIVE_APPOSITIVE = re.compile(r"\s*(?:the|a|an)\s+[^,;\"\u201c\u201d]{3,120},\s*$")
# '"...," said a resident who asked not to be named': a relative clause after the speaker.
_WHO_TAIL = re.compile(r"who\s+(?:asked|declined|requested|spoke|did\s+not|was\s+not)\b")
# "X said A and that B", "... but that B": a second complement clause of the same cue. A
# demonstrative "and that was ..." or "and that of ..." is not one.
_NEXT_COMPLEMENT = re.compile(
    r"(?:,\s*|\s+)(?:and|but)\s+that\s+(?!(?:is|was|were|are|be|been|has|have|had|would|"
    r"will|could|can|may|might|must|should|shall|did|does|do|of|meant|means|made|makes|led|"
    r"caused|prompted|remains|remained|seemed|seems|came|comes|too|again)\b)"
    r"(?=[\w\"'\u201c\u2018])",
    re.IGNORECASE,
)
_SPLIT_FORMS = frozenset({"forward", "ing"})
_RELATIVE_PRONOUNS = frozenset({"who", "which"})
_PLACE_ADJUNCT_END = re.compile(
    r"^\s*(?:on|in|by|from|at|during|via|over)\s+[^,;\"\u201c\u201d]{1,80}?\.?\s*$"
)
_QUOTE_THEN_SPEAKER = re.compile(r"[,?!][\"\u201d]\s+[^\"\u201c\u201d,;]{1,80}$")
_WHO = re.compile(r"\s+who\b")


@dataclass
class Attribution:
    """One attributed proposition in a sentence (offsets are sentence-local)."""

    cue: str
    cue_span: tuple[int, int]
    speakers: list[str]
    speaker_span: tuple[int, int]
    content: tuple[int, int]
    form: str
    extra: tuple[int, int] | None = None
    inherits: bool = False
    cue_tail: str = ""
    region: tuple[int, int] = (0, 0)
    quoted: bool = False
    # A later complement of the same cue ("X said A and that B": B), whose inline
    # caveats are its own, not those of the clauses before it.
    joined: bool = False

    @property
    def relative(self) -> bool:
        """The speaker is "who"/"which": the noun named before it speaks."""
        return self.speakers[0].strip().lower() in _RELATIVE_PRONOUNS


def quote_regions(text: str, inside: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Quoted stretches of ``text`` and whether a quote is still open at its end.

    ``inside`` says the sentence starts inside a quote opened earlier (wire copy
    quotes several sentences before "he said").
    """
    regions: list[tuple[int, int]] = []
    start = 0 if inside else -1
    for match in _QUOTE_CHARS.finditer(text):
        i = match.start()
        char = match.group(0)
        if char in OPEN_QUOTES or (char == '"' and start < 0):
            if start < 0:
                start = i
        elif start >= 0:
            regions.append((start, i + 1))
            start = -1
    if start >= 0:
        regions.append((start, len(text)))
        return regions, True
    return regions, False


def _in_regions(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in regions)


def _title_case_run(lead: str) -> bool:
    """Words in title case only (a caption or a headline a scraper glued on), no clause."""
    words = [w for w in lead.split() if len(w) > 3 and w[:1].isalpha()]
    return len(words) >= 4 and all(w[:1].isupper() for w in words)


def _last_separator(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> int:
    """Index of the last comma/dash/closing quote in [start, end) outside quotes, or -1."""
    for i in range(end - 1, start - 1, -1):
        char = text[i]
        if char == "(" and _PAREN_ACRONYM_AT.match(text, i):
            continue  # "the Somali National Army (SNA) said": part of the name
        if char in _SEPARATORS and not _in_regions(i, regions):
            return i
        if char in CLOSE_QUOTES or (char == '"' and any(b == i + 1 for _, b in regions)):
            return i
    return -1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces, punctuation, 'that' and leading connectives."""
    while start < end and (text[start].isspace() or text[start] in ",;:\u2014\u2013-"):
        start += 1
    match = _LEADING_CONNECTIVES.match(text, start, end)
    if match and match.end() > start:
        start = match.end()
    match = THAT_RE.match(text[start:end])
    if match and match.end() < end - start:
        start += match.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2014\u2013-("):
        end -= 1
    # Unwrap a fully quoted proposition: '"I hope ...," he said' -> I hope ...
    if (
        end - start >= 2
        and text[start] in '"\u201c\u00ab'
        and text[end - 1] in '"\u201d\u00bb'
        and not any(c in '"\u201c\u201d\u00ab\u00bb' for c in text[start + 1 : end - 1])
    ):
        start, end = start + 1, end - 1
        while end > start and text[end - 1] in ",.;: ":
            end -= 1
    elif (
        end > start
        and text[start] in '"\u201c\u00ab'
        and not any(c in '"\u201d\u00bb' for c in text[start + 1 : end])
    ):
        start += 1
    elif (
        end > start
        and text[end - 1] in '"\u201d\u00bb'
        and not any(c in '"\u201c\u00ab' for c in text[start : end - 1])
    ):
        end -= 1
        while end > start and text[end - 1] in ",.;: ":
            end -= 1
    return start, end


def _quoted_as_speaker(text: str, cue_start: int) -> tuple[int, int] | None:
    """Speaker span of "quoted X as saying" / "X was quoted as saying", else None."""
    window = max(0, cue_start - 240)
    match = _QUOTED_AS.search(text, window, cue_start)
    if match:
        phrase = clean_speaker(match.group("who"))
        at = text.find(phrase, match.start("who"), match.end("who"))
        return (at, at + len(phrase)) if phrase and at >= 0 else None
    match = WAS_QUOTED.search(text, window, cue_start)
    if match:
        end = match.start()
        appositive = _DESCRIPTIVE_APPOSITIVE.search(text, window, end)
        if appositive is not None and text[: appositive.start()].endswith(","):
            end = appositive.start() - 1  # "X, a regional commander, was quoted as saying"
        back = backward_speaker_start(text, end)
        if back < end:
            return (back, end)
    return None


_FRONTED_ADJUNCT = re.compile(
    r"\s*(?:Early|Late|Earlier|Later|On|In|By|During|Since|North|South|East|West|Northeast|"
    r"Northwest|Southeast|Southwest)\s+(?!(?:a|an|the|its|his|her|their)\s)[^,;\"]{1,40}?\s"
    r"(?=(?:the|a|an)\s)"
)
_FRONTED_PRONOUN = re.compile(
    r"^\s*(?:Speaking|Writing|Talking|Asked|Later|Earlier|In|On|At|After|During)\b[^,;\"]{0,60}?"
    r"\s(he|she|they|we)$"
)


def _aux_start(text: str, region_start: int, cue_start: int) -> int:
    """Where the auxiliaries and adverbs between a subject and its cue begin ("has also
    repeatedly denied", "has consistently denied"), or ``cue_start`` when there are none."""
    if text[max(region_start, cue_start - 4) : cue_start].rstrip().endswith("ly"):
        manner = _MANNER_BEFORE.search(text, max(region_start, cue_start - 30), cue_start)
        if manner is not None:
            cue_start = manner.start()
    aux = _TRAILING_AUX.search(text, region_start, cue_start)
    return aux.start() if aux is not None else cue_start


def _speaker_before(
    text: str, region_start: int, cue_start: int, regions: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Speaker of a forward cue: the noun phrase between the region start and the cue."""
    aux = _aux_start(text, region_start, cue_start)
    if aux > region_start:
        cue_start = aux  # "The Huthis, who ..., have accused": drop "have"
    relative = _RELATIVE_SUBJECT.search(text, region_start, cue_start)
    if relative is not None:
        # "... claimed by the JNIM group which said on its channels that ...": the noun
        # phrase before "which" speaks.
        back = backward_speaker_start(text, relative.start())
        phrase = clean_speaker(text[back : relative.start()])
        cited = text[:back].rstrip().lower().endswith("according to")
        if phrase and plausible_speaker(phrase) and not cited:
            offset = text.find(phrase, back, relative.start())
            if offset >= 0:
                return (offset, offset + len(phrase))
    segment = text[region_start:cue_start]
    stripped = segment.rstrip()
    if not stripped:
        return None
    fronted = _FRONTED_PRONOUN.match(stripped)
    if fronted is not None:
        # "Speaking at dawn he said ...": a fronted adjunct, its comma stripped.
        return (region_start + fronted.start(1), region_start + fronted.end(1))
    start = region_start
    clause = _RELATIVE_CLAUSE.search(stripped) if stripped.endswith(",") else None
    if clause is not None and not _in_regions(region_start + clause.start(), regions):
        # "The Multinational Joint Task Force (MNJTF), which groups troops from Nigeria,
        # Chad and Niger, said": the noun phrase before the relative clause speaks.
        end = region_start + clause.start()
        sep = _last_separator(text, region_start, end, regions)
        phrase = clean_speaker(text[sep + 1 if sep >= 0 else region_start : end])
        if phrase and plausible_speaker(phrase):
            offset = text.find(phrase, sep + 1 if sep >= 0 else region_start, end)
            if offset >= 0:
                return (offset, offset + len(phrase))
    which = _STRIPPED_WHICH.search(stripped) if "," not in stripped else None
    if which is not None:
        # Stripped commas: "Rwanda's defence force (RDF) which has troops in the province
        # said": the noun phrase before the relative clause speaks.
        end = region_start + which.start()
        paren = _PAREN_TAIL_AT.search(text, region_start, end)
        back = backward_speaker_start(text, paren.start() if paren else end)
        phrase = clean_speaker(text[back:end])
        if phrase and plausible_speaker(phrase) and back > region_start - 1:
            offset = text.find(phrase, back, end)
            if offset >= 0:
                return (offset, offset + len(phrase))
    inner = -1
    if stripped.endswith(","):
        # "Hazem Qassem, a Hamas spokesman, said": keep the appositive with its name.
        inner = _last_separator(text, region_start, region_start + len(stripped) - 1, regions)
        if inner >= 0:
            outer = _last_separator(text, region_start, inner, regions)
            start = outer + 1 if outer >= 0 else region_start
    else:
        sep = _last_separator(text, region_start, cue_start, regions)
        if sep >= 0:
            start = sep + 1
    fronted = _FRONTED_ADJUNCT.match(text, start, cue_start)
    if fronted is not None:
        start = fronted.end()  # "In late September the coalition acknowledged": no comma
    phrase = clean_speaker(text[start:cue_start])
    if phrase and plausible_speaker(phrase):
        offset = text.find(phrase, start, cue_start)
        return (offset, offset + len(phrase)) if offset >= 0 else None
    if inner > start and _DESCRIPTIVE_APPOSITIVE.match(text, inner + 1, cue_start):
        # "The National Liberation Army (ELN), the country's largest remaining guerrilla
        # group, claimed": a long descriptive appositive; the name before it speaks.
        head = clean_speaker(text[start:inner])
        if head and plausible_speaker(head):
            offset = text.find(head, start, inner)
            if offset >= 0:
                return (offset, offset + len(head))
    end = len(text[:cue_start].rstrip())
    paren = _PAREN_TAIL_AT.search(text, region_start, end)
    # "The banned Baloch Liberation Army (BLA) claimed": read back from before the acronym.
    back = backward_speaker_start(text, paren.start() if paren else end)
    if paren is not None and back >= paren.start():
        back = (
            paren.start() + len(text[paren.start() : end]) - len(text[paren.start() : end].lstrip())
        )
        back += 1  # only the acronym: "(JNIM)" -> "JNIM"
        cue_start = end - 1
    phrase = clean_speaker(text[back:cue_start])
    if not phrase or not plausible_speaker(phrase):
        return None
    offset = text.find(phrase, back, cue_start)
    return (offset, offset + len(phrase)) if offset >= 0 else None


def _speaker_trailing(
    text: str, region_start: int, cue_start: int, regions: list[tuple[int, int]]
) -> tuple[tuple[int, int], int] | None:
    """Speaker of 'Y, X said': (speaker span, end of the content)."""
    segment = text[region_start:cue_start].rstrip()
    if segment.endswith(","):
        # '"...," Mohamed Abdi, a local elder, said': a name with its appositive.
        comma = region_start + len(segment) - 1
        inner = _last_separator(text, region_start, comma, regions)
        outer = _last_separator(text, region_start, inner, regions) if inner >= 0 else -1
        if outer >= 0:
            phrase = clean_speaker(text[outer + 1 : comma])
            if phrase and plausible_speaker(phrase):
                offset = text.find(phrase, outer + 1, comma)
                return (offset, offset + len(phrase)), outer
    sep = _last_separator(text, region_start, cue_start, regions)
    if sep >= 0:
        phrase = clean_speaker(text[sep + 1 : cue_start])
        if _RELATIVE_DENIAL.match(phrase):
            return None  # "..., a charge the group denies": a caveat, not a speaker
        if phrase and plausible_speaker(phrase):
            offset = text.find(phrase, sep + 1, cue_start)
            return (offset, offset + len(phrase)), sep
    aux = _aux_start(text, region_start, cue_start)
    if aux > region_start:
        cue_start = aux  # "... the UN children's agency UNICEF has said" (no comma)
    stop = len(text[:cue_start].rstrip())
    back = backward_speaker_start(text, stop, pronoun=True)
    if back <= region_start:
        return None
    phrase = clean_speaker(text[back:cue_start])
    if not phrase or not plausible_speaker(phrase):
        return None
    offset = text.find(phrase, back, cue_start)
    if offset < 0:
        return None
    return (offset, offset + len(phrase)), back


# '... the type of the gas said the spokesman.' (commas stripped): a short speaker after the
# cue closes the sentence.
_INVERTED_SPEAKER = re.compile(
    r"\s+(?:(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|(?:[A-Za-z][\w-]*\s+){0,2}"
    r"(?:[A-Z][\w'\u2019-]*)(?:\s+(?:[A-Z][\w'\u2019-]*|al|for|of|the)){0,6}"
    # "... said Rami Abdel Rahman head of the Syrian Observatory for Human Rights."
    r"(?:\s+(?:head|chief|director|spokesman|spokeswoman|leader|founder)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|for|of|the|and)){0,7})?"
    # "... said Abu Mohamed a vendor in the old market": an appositive that says who the
    # named speaker is (its comma stripped)
    r"(?:\s+(?:a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?:\s+(?:in|of|at|from|for|with)"
    r"\s+(?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3})?)?)"
    # "... said observatory head Rami Abdel Rahman who did not give a number": a relative
    # clause on the speaker may close the sentence
    r"(?:\s+(?:on|late|early)\s+[A-Z]\w+)?(?:\s*\.?\s*$|\s+(?=(?:adding|saying|noting|who)\s))"
)
_WITH_SUBJECT = re.compile(r"\bwith\s+((?:the\s+|a\s+|an\s+)?[^,;\"]{2,60}?)\s+$")
# What may follow "was quoted as saying" when the quote came first: "by Al Mayadeen TV".
_BY_OUTLET_END = re.compile(r"\s*(?:by\s+[^,;.\"\u201c]{1,60})?\s*\.?\s*")
_APPOSITIVE_END = re.compile(r"[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}\s*\.?")
_RELATIVE_TAIL = re.compile(r"(?:which|who)\s")
_ING_CONTINUATION = re.compile(r"(?:adding|saying|noting)\s")
_INVERTED_CUES = frozenset({"said", "says", "added", "stated", "reported"})


# "... near Manbij on July 19 and Colonel Chris Garver said": the conjunction before a
# capitalised name ends the first statement; the name after it is the second speaker.
_AND_NAME = re.compile(r"\s(?:and|but|while)\s+(?=(?:the\s+)?[A-Z])")


def _after_last_conjunction(text: str, start: int, end: int) -> int:
    """Start of the speaker after the last conjunction in [start, end) when the words
    before it are not a name (a clause of the statement before ran on into the speaker)."""
    matches = list(_AND_NAME.finditer(text, start, end))
    if not matches:
        return start
    last = matches[-1]
    before = text[start : last.start()].split()
    if all(word[:1].isupper() or word in ("of", "for", "the") for word in before):
        return start  # "Russia and Syria said", "the Ministry of Defence and ...": one subject
    return last.end()


def _stripped_inverted(text: str, cue: str, pre: str, tail: int) -> bool:
    """'X happened said the spokesman.' with the comma before the cue stripped."""
    if cue not in _INVERTED_CUES or len(pre.split()) < 4:
        return False
    return _INVERTED_SPEAKER.match(text, tail) is not None


def attribute(text: str, regions: list[tuple[int, int]]) -> list[Attribution]:
    """All attributions in one sentence, left to right."""
    out: list[Attribution] = []
    cursor = 0
    open_forward: Attribution | None = None
    for match in CUE_RE.finditer(text):
        if match.start() < cursor or _in_regions(match.start(), regions):
            continue
        if not valid_cue(text, match):
            continue
        cue = canonical_cue(match.group(0))
        if is_according(match):
            sp_start = match.end()
            while sp_start < len(text) and text[sp_start].isspace():
                sp_start += 1
            document = _ACCORDING_DOCUMENT.match(text, sp_start)
            if document:
                sp_start = document.end()  # "according to estimates by X": X speaks
            pronoun = _OBJECT_PRONOUN.match(text, sp_start)
            sp_end = pronoun.end() if pronoun else forward_speaker_end(text, sp_start)
            if sp_end <= sp_start:
                continue
            speaker = (sp_start, sp_end)
            lead = _LEADING_CONNECTIVES.sub(
                "", text[cursor : match.start()].strip(" ,;:\u2014\u2013-(")
            )
            if not lead.strip() or _title_case_run(lead):
                # "AP Photo Felipe Dana US Missile Attack on Syria - Moscow According to the
                # governor ...": a caption or headline glued before the sentence
                if open_forward is not None:
                    continue
                after = sp_end
                appositive = _ACCORDING_APPOSITIVE.match(text, sp_end)
                if appositive is not None and not _in_regions(appositive.start(), regions):
                    after = appositive.end()
                attr = Attribution(
                    cue,
                    (match.start(), match.end()),
                    [text[sp_start:sp_end]],
                    speaker,
                    (after, len(text)),
                    "according-lead",
                    region=(match.start(), len(text)),
                )
                open_forward = attr
                out.append(attr)
                cursor = after
            else:
                region_start = cursor
                if open_forward is not None:
                    if open_forward.form == "ing":
                        continue
                    # "X claimed Y, according to Z": Z is the origin the reporter cites,
                    # and X's statement is what Z reports.
                    out.remove(open_forward)
                    region_start = open_forward.region[0]
                    open_forward = None
                cursor = region_start
                predicate = _PREDICATE_AFTER.match(text, sp_end)
                if predicate is not None and _bare_subject(text[cursor : match.start()]):
                    # "The terrorist attacks according to the source claimed the lives of
                    # two persons": the source is inserted between subject and verb (its
                    # commas stripped); the claim is the whole clause.
                    end = _clause_end(text, predicate.start())
                    attr = Attribution(
                        cue,
                        (match.start(), match.end()),
                        [text[sp_start:sp_end]],
                        speaker,
                        (cursor, end),
                        "according-trail",
                        region=(cursor, end),
                    )
                    out.append(attr)
                    cursor = end
                    continue
                attr = Attribution(
                    cue,
                    (match.start(), match.end()),
                    [text[sp_start:sp_end]],
                    speaker,
                    (cursor, match.start()),
                    "according-trail",
                    region=(cursor, sp_end),
                )
                out.append(attr)
                cursor = sp_end
            continue
        quoted_as = _quoted_as_speaker(text, match.start()) if cue == "saying" else None
        if quoted_as is not None:
            # "RIA quoted X as saying Y", "X was quoted as saying Y": X is the speaker.
            if open_forward is not None:
                open_forward.content = (open_forward.content[0], quoted_as[0])
            start = match.end()
            that = THAT_RE.match(text[start:])
            if that:
                start += that.end()
            before = text[cursor : quoted_as[0]].rstrip()
            if (
                open_forward is None
                and before[-1:] in CLOSE_QUOTES + '"'
                and _BY_OUTLET_END.fullmatch(text, start)
            ):
                # '"Five people were killed" Barazi was quoted as saying by Al Mayadeen.':
                # the quote before the speaker is what was said.
                out.append(
                    Attribution(
                        cue,
                        (match.start(), match.end()),
                        [text[slice(*quoted_as)]],
                        quoted_as,
                        (cursor, cursor + len(before)),
                        "trailing",
                        region=(cursor, len(text)),
                    )
                )
                cursor = len(text)
                continue
            attr = Attribution(
                cue,
                (match.start(), match.end()),
                [text[slice(*quoted_as)]],
                quoted_as,
                (start, len(text)),
                "forward",
                region=(quoted_as[0], len(text)),
            )
            out.append(attr)
            open_forward = attr
            cursor = start
            continue
        if is_ing(cue):
            with_subject = _WITH_SUBJECT.search(
                text, max(cursor, match.start() - 80), match.start()
            )
            if with_subject is not None and plausible_speaker(with_subject.group(1)):
                # "... with the official SANA news agency saying at least four people had
                # been killed": the noun phrase after "with" speaks.
                if open_forward is not None:
                    open_forward.content = (open_forward.content[0], with_subject.start())
                start = match.end()
                that = THAT_RE.match(text[start:])
                if that:
                    start += that.end()
                attr = Attribution(
                    cue,
                    (match.start(), match.end()),
                    [with_subject.group(1)],
                    (with_subject.start(1), with_subject.end(1)),
                    (start, len(text)),
                    "forward",
                    region=(with_subject.start(1), len(text)),
                )
                out.append(attr)
                open_forward = attr
                cursor = start
                continue
            if not out:
                titled = _TITLED_SUBJECT.match(text)
                if titled is None or titled.end(1) >= match.start():
                    continue
                # "President Gustavo Petro suspended the talks, accusing the group of ...":
                # the titled subject of the main clause is the speaker.
                out.append(
                    Attribution(
                        cue,
                        (match.start(), match.end()),
                        [titled.group(1)],
                        (titled.start(1), titled.end(1)),
                        (match.end(), len(text)),
                        "ing",
                        region=(match.start(), len(text)),
                    )
                )
                open_forward = out[-1]
                cursor = match.end()
                continue
            previous = out[-1]
            before = text[: match.start()].rstrip()
            if open_forward is not None:
                open_forward.content = (open_forward.content[0], len(before))
            start = match.end()
            that = THAT_RE.match(text[start:])
            if that:
                start += that.end()
            attr = Attribution(
                cue,
                (match.start(), match.end()),
                list(previous.speakers),
                previous.speaker_span,
                (start, len(text)),
                "ing",
                inherits=True,
                cue_tail=text[match.end() : match.end() + 40].strip(),
                region=(match.start(), len(text)),
            )
            out.append(attr)
            open_forward = attr
            cursor = start
            continue
        tail = match.end()
        if cue in TELL_CUES:
            addressee = TOLD_ADDRESSEE_RE.match(text[tail:])
            if addressee is None:
                continue
            tail += addressee.end()
            more = ADDRESSEE_TAIL_RE.match(text[tail:])
            if more:
                tail += more.end()
        adjunct = ADJUNCT_RE.match(text[tail:])
        if adjunct:
            tail += adjunct.end()
        rest = text[tail:]
        cue_tail = rest.strip()[:40]
        trailing = TRAILING_FOLLOWERS.match(rest) is not None and THAT_RE.match(rest) is None
        if not trailing and _PLACE_ADJUNCT_END.match(rest):
            # '"...," government spokesman X said on national television.': after a closed
            # quote, a prepositional phrase to the end of the sentence is not a proposition.
            trailing = _QUOTE_THEN_SPEAKER.search(text, cursor, match.start()) is not None
            if cue in TELL_CUES:
                trailing = True  # "... the U.N. chief told a diplomatic forum in Seoul."
        if rest.lstrip().startswith(":"):
            trailing = False
        if trailing:
            if open_forward is not None and (
                open_forward.form == "ing"
                or (
                    open_forward.cue in _SPEECH_CUES
                    and open_forward.speakers[0].lower() not in ("he", "she", "they", "it")
                )
            ):
                # "X said A; SANA reported.": the tail after a semicolon is not A
                cut = text.rfind(";", open_forward.content[0], match.start())
                if cut > open_forward.content[0] and cut < open_forward.content[1]:
                    open_forward.content = (open_forward.content[0], cut)
                continue  # "X said A, Y said": keep X's statement, drop the odd tail
            # "Israeli forces warned residents to leave, the ministry said": an earlier
            # act cue is part of this source's proposition.
            region_start = open_forward.region[0] if open_forward is not None else cursor
            found = _speaker_trailing(text, region_start, match.start(), regions)
            if found is None:
                continue
            if open_forward is not None:
                out.remove(open_forward)
                open_forward = None
            speaker, content_end = found
            attr = Attribution(
                cue,
                (match.start(), match.end()),
                [text[slice(*speaker)]],
                speaker,
                (region_start, content_end),
                "trailing",
                cue_tail=cue_tail,
                region=(region_start, tail),
            )
            continuation = _CONTINUATION.match(rest)
            if continuation:
                attr.extra = (tail + (len(rest) - len(rest.lstrip(" ,"))), len(text))
                tail = len(text)
            out.append(attr)
            cursor = tail
            continue
        # Inverted: '"...," said Hamas spokesman Hazem Qassem.'
        pre = text[cursor : match.start()].rstrip()
        if (
            pre
            and open_forward is None
            and (
                pre[-1] in ',\u201d"'
                or pre[-1] in CLOSE_QUOTES
                or _stripped_inverted(text, cue, pre, tail)
            )
        ):
            sp_start = tail + (len(rest) - len(rest.lstrip()))
            sp_end = forward_speaker_end(text, sp_start)
            relative = _WHO.search(text[sp_start:sp_end])
            if relative is not None and _WHO_TAIL.match(text, sp_start + relative.end() - 3):
                sp_end = sp_start + relative.start()  # "said a resident who asked ..."
            tail_text = text[sp_end:].strip()
            if (
                tail_text
                and _APPOSITIVE_END.fullmatch(tail_text)
                and _stripped_inverted(text, cue, pre, tail)
            ):
                # "said Abu Mohamed a vendor in the Bustan al-Qasr neighborhood.": the
                # speaker's appositive runs to the end of the sentence
                sp_end = len(text.rstrip(" ."))
                tail_text = ""
            if sp_end > sp_start and (
                not tail_text
                or tail_text[0] in ".,;"
                or _WHO_TAIL.match(tail_text)
                or _ING_CONTINUATION.match(tail_text)  # "... said the source adding that"
                or _RELATIVE_TAIL.match(tail_text)  # "... said the Observatory which relies"
            ):
                content_end = len(pre) + cursor - 1 if pre[-1] == "," else len(pre) + cursor
                attr = Attribution(
                    cue,
                    (match.start(), match.end()),
                    [text[sp_start:sp_end]],
                    (sp_start, sp_end),
                    (cursor, content_end),
                    "inverted",
                    cue_tail=cue_tail,
                    region=(cursor, sp_end),
                )
                out.append(attr)
                cursor = sp_end
                continue
        # "X said Y and accused Z of W": a second cue sharing the subject.
        if open_forward is not None and _ELIDED_SUBJECT.search(
            text, max(0, match.start() - 30), match.start()
        ):
            joint = _ELIDED_SUBJECT.search(text, max(0, match.start() - 30), match.start())
            assert joint is not None
            open_forward.content = (open_forward.content[0], joint.start())
            start = tail
            attr = Attribution(
                cue,
                (match.start(), match.end()),
                list(open_forward.speakers),
                open_forward.speaker_span,
                (start, len(text)),
                "forward",
                inherits=True,
                cue_tail=cue_tail,
                region=(match.start(), len(text)),
            )
            out.append(attr)
            open_forward = attr
            cursor = start
            continue
        # Forward: "X said (that) Y".
        if open_forward is not None:
            back = backward_speaker_start(text, len(text[: match.start()].rstrip()))
            back = _after_last_conjunction(text, back, match.start())
            prefix = text[open_forward.content[0] : back]
            if not _COORDINATION.search(prefix):
                continue  # a cue inside the proposition ("said troops told residents ...")
            boundary = _COORDINATION.search(prefix)
            assert boundary is not None
            open_forward.content = (
                open_forward.content[0],
                open_forward.content[0] + boundary.start(),
            )
            open_forward = None
            region_start = back
        else:
            region_start = cursor
        speaker_span = _speaker_before(text, region_start, match.start(), regions)
        if speaker_span is None:
            continue
        if not out and text[slice(*speaker_span)].lower() in _RELATIVE_PRONOUNS:
            # "President X, who declared a state of emergency in May, wrote ...": a cue
            # inside a relative clause about the subject; the main verb comes later.
            continue
        start = tail
        while start < len(text) and text[start] in " :":
            start += 1
        attr = Attribution(
            cue,
            (match.start(), match.end()),
            [text[slice(*speaker_span)]],
            speaker_span,
            (start, len(text)),
            "forward",
            cue_tail=cue_tail,
            region=(speaker_span[0], len(text)),
        )
        out.append(attr)
        open_forward = attr
        cursor = start
    for attr in out:
        attr.content = _trim(text, *attr.content)
        if attr.extra is not None:
            attr.extra = _trim(text, *attr.extra)
        attr.quoted = any(a <= attr.content[0] < b for a, b in regions) or (
            attr.content[0] > 0 and text[attr.content[0] - 1] in '"\u201c\u00ab'
        )
    kept = [
        a
        for a in out
        if a.content[1] - a.content[0] >= 3
        and not _appeal(text, a)
        and text[a.content[0] : a.content[1]].lower() not in _EMPTY_PROPOSITIONS
    ]
    return [part for attr in kept for part in _complements(text, attr, regions)]


def _complements(text: str, attr: Attribution, regions: list[tuple[int, int]]) -> list[Attribution]:
    """One attribution per complement clause: "said A and that B" is two claims."""
    if attr.form not in _SPLIT_FORMS or attr.extra is not None:
        return [attr]
    start, end = attr.content
    cuts = [
        m
        for m in _NEXT_COMPLEMENT.finditer(text, start, end)
        if not _in_regions(m.start(), regions)
        and m.start() - start >= 3
        and " " in text[m.end() : end].strip()  # a clause has a subject and a verb
    ]
    if not cuts:
        return [attr]
    parts: list[Attribution] = []
    begin = start
    for index, cut in enumerate([*cuts, None]):
        stop = end if cut is None else cut.start()
        part = replace(attr, content=_trim(text, begin, stop), joined=attr.joined or index > 0)
        part.quoted = attr.quoted and index == 0
        parts.append(part)
        if cut is not None:
            begin = cut.end()
    return parts
