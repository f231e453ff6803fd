"""Speaker spans: the noun phrase that names who said something.

Without a parser we read noun phrases with a closed vocabulary: capitalised words,
a list of role and organisation nouns ("spokesman", "ministry", "monitoring
group"), determiners, possessives and a few connectors ("of", "for", "and").
Anything else ends the phrase, which is what makes stripped-comma copy work:
"... west of Palmyra a monitoring group said" still yields "a monitoring group".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.extract.patterns import word_trie

NP_WORDS = frozenset(
    """
    adviser advisor aide aides negotiator negotiators lawyer lawyers umbrella militia militias
    faction factions company firm operator bloggers blogger
    medical diplomatic judicial municipal religious informed knowledgeable familiar close
    well-informed well-placed
    relevant multiple western eastern northern southern central rescue hospital civil
    territory strip enclave region province city country acting regional town village
    municipality county district camp capital
    a an the its his her their this that these those one two three several some many
    other of for and & in at on from to with de al el la le bin ibn abu spokesman
    spokeswoman spokesperson spokespeople spokesmen official officials source sources
    ministry minister ministers agency agencies news state state-run government
    governments group groups monitor monitors monitoring war military army armed forces
    force general staff police witness witnesses resident residents medic medics doctor
    doctors health authorities authority office presidency council command commander
    commanders media television tv radio broadcaster newspaper daily outlet channel
    observatory organisation organization ngo charity rights human aid security senior
    junior top local regional provincial district interior defence defense foreign press
    service services department emergency rescue civil hospital hospitals director head
    chief representative representatives envoy ambassador diplomat diplomats analyst
    analysts expert experts activist activists people person member members militant
    militants rebel rebels insurgent insurgents fighters fighter officer officers
    soldier soldiers volunteer volunteers paramedics worker workers correspondent
    reporter reporters journalist journalists statement top deputy prime vice president
    secretary governor mayor leader leaders chairman coordinator movement party
    administration team investigators investigator prosecutor prosecutors court
    committee mission body unit network union association alliance coalition wing
    brigade brigades battalion operations operation centre center cell spokesmen
    lawmaker lawmakers legislator official's families family relatives eyewitness
    eyewitnesses sheikh imam cleric tribal elder elders humanitarian relief intelligence
    navy naval air airforce coast guard border guards information communications public
    affairs affairs government's army's ministry's group's united nations world body
    staff general's joint chiefs headquarters administration's nongovernmental non-
    governmental independent international internal national federal opposition pro-
    government pro-russian pro-kremlin pro-iranian iranian-backed anonymous anonymity
    condition identified named who declined spoke being because not authorised
    authorized speak publicly to be
    elected peacekeeping peacekeepers peacekeeper junta juntas team wing ombudsman
    ombudsman's paramilitary paramilitaries gendarmerie gendarmes jihadist jihadists
    ruling transitional interim provisional caretaker shadow de-facto reporter reporters
    correspondent correspondents photographer photographers cameraman crew arm political
    watchdog watchdogs global
    """.split()  # noqa: SIM905
)
# Words that end a speaker phrase when scanning right to left even if in NP_WORDS,
# because they introduce the phrase ("to the ministry").
_LEADING_JUNK = frozenset(
    """
    of for and & in at on from to with who declined spoke being because not authorised
    authorized speak publicly be but meanwhile however also later earlier
    """.split()  # noqa: SIM905
)
_AFFIX_OK = re.compile(
    r"(?:-based|-run|-backed|-led|-linked|-owned|-affiliated|-aligned|"
    r"-controlled|-held|-allied)$",
    re.IGNORECASE,
)
_TIME_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday overnight yesterday".split()  # noqa: SIM905
)
_PREFIX_OK = re.compile(r"^(?:anti|pro|non|ex|self|counter)-[a-z]")
# U+FFFD stands for a letter some copy lost in transcoding ("Mevl\ufffdt \ufffdavu\ufffd\ufffdolu"):
# part of the word it sits in.
_TOKEN = re.compile(r"[\w'\u2019.&\ufffd-]+|[^\w\s]")
# Anchored at the end and only ever removed whole, so the order of the words is free:
# a case-folded trie is faster than the listed alternation.
# A manner adverb by its ending ("consistently", "persistently", "reportedly"); the
# endings leave out nouns in -ly ("family", "assembly", "ally").
_MANNER_ADVERB = r"[a-z]{2,}(?:ally|ently|antly|ively|edly|ously|ately|ibly|fully)"
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:"
    + word_trie(
        [
            words.replace("_", " ")
            for words in """
            later also earlier previously separately again then however has have had would
            will was were is are once first further repeatedly initially originally
            in_a_statement reportedly allegedly apparently publicly officially late early
            quickly immediately swiftly categorically strongly firmly flatly vehemently
            strenuously
            """.split()  # noqa: SIM905
        ],
        fold_case=True,
    )
    + r"|(?i:on|last|this)\s+\w+))+$"
)
# Any manner adverb at the end ("The government has consistently"), read only when the
# phrase ends in -ly, as a scan with it costs every speaker.
_TRAILING_MANNER = re.compile(r"\s+" + _MANNER_ADVERB + r"$")
_LEADING_CONNECTIVES = re.compile(
    r"^(?:(?:and|but|meanwhile|however|separately|also|in\s+addition|elsewhere|"
    r"earlier|later|then|so|yet|while|whereas)\b[\s,]*)+",
    re.IGNORECASE,
)
PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "its"])
_OBJECT_PRONOUNS = frozenset(["him", "her", "them"])
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ar|an|bin|ibn|abu|abd)-[A-Z]")
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "but",
        "for",
        "nor",
        "yet",
        "not",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "does",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "since",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "than",
        "then",
        "there",
        "here",
        "also",
        "very",
        "only",
        "just",
        "said",
        "says",
        "told",
    ]
)
_STOP_TOKENS = frozenset(
    {",", ";", ":", ".", "(", ")", '"', "\u201c", "\u201d", "\u2014", "\u2013"}
)


def _np_token(token: str) -> bool:
    if not token:
        return False
    if token[0].isupper() or (token[0].isdigit() and len(token) <= 3):
        return True
    if "\ufffd" in token:
        return True  # a name whose capital or accented letter was lost in transcoding
    lowered = token.lower().replace("\u2019", "'").rstrip(".")
    if not lowered:
        return False
    if _NAME_PARTICLE.match(token):
        return True
    if lowered in NP_WORDS:
        return True
    if lowered.endswith("'s") and (lowered[:-2] in NP_WORDS or token[0].isupper()):
        return True
    return bool(_AFFIX_OK.search(lowered) or _PREFIX_OK.match(lowered))


# "A resident who declined to be named for fear of reprisals said": the speaker is
# read before the anonymity clause, which may hold any words.
_ANONYMITY_TAIL = re.compile(
    r"\s+(?:who\s+(?:asked|declined|requested|spoke|did\s+not\s+want)\b|"
    r"(?:reached|contacted|interviewed)\s+by\s+(?:phone|telephone)\b|"
    r"speaking\s+on\s+condition\s+of\s+anonymity\b)[^,;\"\u201c\u201d]{0,120}$"
)


_SOURCE_OPENERS = frozenset(
    """
    state local security military medical activists activist residents sources source
    officials witnesses rescuers monitors opposition rebel rebels pro-government
    pro-opposition media
    """.split()  # noqa: SIM905
)
_PLACE_PREPOSITIONS = frozenset("of in at near from outside".split())  # noqa: SIM905
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
_ACRONYM_TOKEN = re.compile(r"[A-Z][A-Z0-9&-]{1,7}s?")


def backward_speaker_start(text: str, end: int, max_tokens: int = 12, pronoun: bool = False) -> int:
    """Start of the speaker noun phrase that ends at ``end`` (scanning backwards); with
    ``pronoun``, a subject pronoun right before ``end`` is the speaker (a trailing cue)."""
    clause = _ANONYMITY_TAIL.search(text, max(0, end - 140), end)
    if clause is not None and clause.start() > 0:
        end = clause.start()
    # A speaker is at most ``max_tokens`` words: look at a bounded window only.
    tokens = list(_TOKEN.finditer(text, max(0, end - 40 * max_tokens), end))
    start = end
    taken: list[re.Match[str]] = []
    unknown: list[re.Match[str]] = []
    skip = 0
    for index in range(len(tokens) - 1, -1, -1):
        if skip:
            skip -= 1
            continue
        match = tokens[index]
        token = match.group(0)
        if (
            token == ")"
            and index >= 3
            and tokens[index - 2].group(0) == "("
            and _ACRONYM_TOKEN.fullmatch(tokens[index - 1].group(0))
        ):
            # "the Syria Observatory for Human Rights (SOHR) monitoring group said": the
            # defined acronym inside the speaker's name does not end it.
            taken.extend((match, tokens[index - 1], tokens[index - 2]))
            skip = 2
            continue
        inner = _parenthesised_name(tokens, index) if token == ")" and not taken else 0
        if inner:
            # "Jaysh al-Islam (Army of Conquest) admits", "the Kurdish Red Crescent Society
            # (Heyva Sor) also confirmed": the name's other name, in brackets, right before
            # the cue; the speaker is the name before it (``clean_speaker`` drops the
            # brackets).
            taken.extend(tokens[index - inner - 1 : index + 1][::-1])
            skip = inner + 1
            continue
        if token in _STOP_TOKENS or token in _TIME_NAMES:
            break  # "... on Sunday security sources told": stripped commas
        if not taken and token.lower() in _SPEAKER_PARTICIPLES:
            taken.append(match)  # "Two men interviewed said": the participle is the phrase's
            continue
        if pronoun and not taken and token.lower() in _SUBJECT_PRONOUNS:
            taken.append(match)  # "Scores were also injured it said": stripped comma
            break
        if not _np_token(token):
            # "the national electricity company": unknown nouns are kept only if a
            # determiner closes the phrase within a few words.
            if len(unknown) >= 2 or not _nounish(token):
                break
            unknown.append(match)
            taken.append(match)
            continue
        taken.append(match)
        if len(taken) >= max_tokens:
            break
    run = 0
    while run < len(taken) and taken[run].group(0)[:1].isupper():
        run += 1
    if unknown and run and taken.index(unknown[0]) == run:
        # "... we are on the right track Putin told": a stripped comma glued the end of
        # the clause to the name; a word that is no title stands before the name.
        taken = taken[:run]
        unknown = []
    if unknown:
        first_unknown = taken.index(unknown[0])
        closer = next(
            (
                i
                for i in range(first_unknown + 1, len(taken))
                if taken[i].group(0).lower() in ("a", "an", "the", "its", "their")
                or taken[i].group(0)[:1].isupper()
            ),
            None,
        )
        taken = taken[: closer + 1] if closer is not None else taken[:first_unknown]
    if not taken:
        return end
    taken.reverse()
    # Cut at the last determiner that is not inside an "of"/"for" phrase:
    # "west of Palmyra a monitoring group" -> "a monitoring group".
    words = [m.group(0).lower() for m in taken]
    cut = 0
    for i in range(len(words) - 1, 0, -1):
        if words[i] in ("a", "an", "the") and words[i - 1] not in (
            "of",
            "for",
            "and",
            "&",
            "to",
            "with",
            "at",
            "in",
            "from",
        ):
            cut = i
            break
    taken = taken[cut:]
    words = [m.group(0) for m in taken]
    for i in range(len(words) - 2, 0, -1):
        # "... in the central city of Homs state television said": a place closes the
        # clause a stripped comma glued on; the source opens after it.
        if (
            words[i][:1].isupper()
            and words[i + 1].lower() in _SOURCE_OPENERS
            and any(w.lower() in _PLACE_PREPOSITIONS for w in words[max(0, i - 4) : i])
        ):
            taken = taken[i + 1 :]
            break
    while taken and taken[0].group(0).lower() in _LEADING_JUNK:
        taken = taken[1:]
    if not taken:
        return end
    start = taken[0].start()
    return start


def _parenthesised_name(tokens: Sequence[re.Match[str]], close: int) -> int:
    """How many tokens a bracketed name ending at ``tokens[close]`` holds, when it is one
    (capitalised words, name particles, at most five) right after a capitalised word; 0
    otherwise."""
    for size in range(1, 6):
        opening = close - size - 1
        if opening < 1:
            return 0
        if tokens[opening].group(0) == "(":
            inside = [t.group(0) for t in tokens[opening + 1 : close]]
            before = tokens[opening - 1].group(0)
            named = inside[0][:1].isupper() and all(
                w[:1].isupper() or w.lower() in _BRACKET_PARTICLES for w in inside
            )
            # the name before may end in a particle's word ("Jaysh al-Islam")
            return size if named and any(c.isupper() for c in before) else 0
        if tokens[opening].group(0) in _STOP_TOKENS:
            return 0
    return 0


_BRACKET_PARTICLES = frozenset({"of", "al", "al-", "the", "for", "and", "a"})


def forward_speaker_end(text: str, start: int, max_tokens: int = 14) -> int:
    """End of the speaker noun phrase that starts at ``start`` (for "according to X")."""
    end = start
    unknown = 0
    previous = ""
    relative = False  # "a resident who lost two brothers": the count is inside the phrase
    tokens = list(_TOKEN.finditer(text, start, min(len(text), start + 40 * max_tokens)))
    for count, match in enumerate(tokens, start=1):
        token = match.group(0)
        if token in _STOP_TOKENS:
            break
        if count > 1 and token.lower() in ("a", "an", "the") and previous.lower() not in _JOINERS:
            following = tokens[count].group(0).lower() if count < len(tokens) else ""
            if previous.islower() or following in _COMMENT_NOUNS:
                # "according to the Observatory a toll the regime has not confirmed": a
                # reporter's comment glued on by a stripped comma ends the speaker.
                break
            raw_next = tokens[count].group(0) if count < len(tokens) else ""
            named = previous[:1].isupper() or _NAME_PARTICLE.match(previous) is not None
            if token.lower() == "the" and named and raw_next[:1].islower():
                # "According to director Rami Abdel Rahman the bus was ...": a name, then
                # the clause's subject ("Save the Children" keeps its capital; "Musa Bello
                # a resident" is an apposition).
                break
        if count > 1 and token[:1].isdigit() and previous[:1].isupper():
            break  # "According to a source at Aleppo Police Command 5 people were killed"
        if (
            count > 1
            and token.lower() in _COUNT_WORDS
            and previous.lower() not in _JOINERS
            and not relative
        ):
            break  # "According to the district hospital three people died": the subject
        relative = relative or token.lower() in ("who", "which", "whose")
        previous = token
        if not _np_token(token):
            # "a local resistance group": up to two unlisted nouns inside the phrase.
            unknown += 1
            if unknown > 2 or count == 1 or not _nounish(token):
                break
        end = match.end()
        if count >= max_tokens:
            break
    # Do not end on a connector: "according to the ministry and" -> "the ministry".
    trimmed = _TRAILING_CONNECTORS.sub("", text[start:end])
    return start + len(trimmed)


# Participles that close a speaker phrase: "two men interviewed", "residents contacted".
_SPEAKER_PARTICIPLES = frozenset({"interviewed", "contacted", "questioned", "polled", "surveyed"})
# Count words that open the clause after a speaker whose comma was stripped.
_COUNT_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred hundreds thousands dozens scores
    """.split()  # noqa: SIM905
)
_COMMENT_NOUNS = frozenset(
    "toll total claim figure figures charge number allegation accusation count report".split()  # noqa: SIM905
)
_JOINERS = frozenset("of for and to in at on with from by & 's".split())  # noqa: SIM905
_TRAILING_CONNECTORS = re.compile(
    r"(?:\s+(?:and|of|for|in|at|on|from|to|with|the|a|an))+$", re.IGNORECASE
)


_ANONYMITY = re.compile(
    r",\s*(?:speaking|who\s+(?:spoke|asked|declined|requested|was\s+not)|asking|requesting|"
    r"declining|on\s+condition)[^,]*,?\s*$",
    re.IGNORECASE,
)


# "Al-Shabaab, through its Andalus radio, claimed": the channel is not the speaker.
_VIA_ADJUNCT = re.compile(
    r",\s*(?:through|via|in)\s+(?:its|his|her|their|a|an|the)\s+[^,]{1,60}$", re.IGNORECASE
)


# "Dr. Fazal Rahim at the district hospital in Lakki Marwat": the named person speaks; the
# place is where they work.
_NAME_AT_PLACE = re.compile(
    r"^((?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Maj|Capt|Lt)\.?\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+){1,3})\s+(?:at|from)\s+(?:the|a|an)\s+[a-z].*$",
    re.DOTALL,
)


# "In a statement posted on Telegram the RSF said": a fronted adjunct with no comma after it.
_FRONTED_DOCUMENT = re.compile(
    r"^(?:in|on|via|through)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|message|post|video|communiqu\w+|interview|speech|address|broadcast|letter)\b",
    re.IGNORECASE,
)
# "A Ukrainian drone operator fighting near the city": the participle phrase describes.
_PARTICIPLE_TAIL = re.compile(
    r"^((?:a|an|the)\s+(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+)\s+(?:[a-z]+ing|based|stationed)"
    r"\s+(?:in|near|at|on|with|for|from|inside|around|outside)\s+[^,;]{1,60}$",
    re.IGNORECASE | re.DOTALL,
)
# Stripped commas: "A doctor receiving the casualties", "Rescue workers responding to the
# attacks", "X a rescue service operating in rebel-held territory": the participle's object
# is not the speaker; the noun phrase before the participle is. A preposition or a
# determiner must follow: "monitoring mission", "peacekeeping force" are one noun phrase.
_STRIPPED_PARTICIPLE = re.compile(
    r"^((?:[\w'\u2019.-]+\s+){0,7}?[\w'\u2019.-]+)\s+([a-z]{3,}ing)\s+"
    r"(?:in|near|at|on|to|with|for|from|inside|around|outside|across|through|along|"
    r"the|a|an|its|their)\s+"
    r"[^,;\"\u201c\u201d]{1,80}$",
    re.DOTALL,
)
# -ing words that are nouns, not participles ("officials at the bombing site").
_ING_NOUNS = frozenset(
    """
    morning evening building bombing shelling fighting meeting funding wing king spring
    ceiling training housing landing beginning briefing hearing uprising
    """.split()  # noqa: SIM905
)
_HEAD_ENDS = frozenset(
    "the a an of at in on to for from with by and or its their his her".split()  # noqa: SIM905
)
_LAST_DETERMINER = re.compile(r".*\s((?:the|a|an)\s+\S.*)$", re.DOTALL)


# A sentence adverb inside the phrase opens a new sentence whose full stop was stripped:
# "... in Foaa and Kefraya in Idleb Meanwhile civil sources".
_GLUED_WORDS = (
    "Meanwhile",
    "However",
    "Moreover",
    "Furthermore",
    "Separately",
    "Elsewhere",
    "Additionally",
)
_GLUED_GATE = re.compile(word_trie(_GLUED_WORDS))
_GLUED_SENTENCE = re.compile(r"^.*?\S\s+(?:" + "|".join(_GLUED_WORDS) + r")\s+(?=\S)", re.DOTALL)


def clean_speaker(phrase: str) -> str:
    """Drop connectives, adverbs, auxiliaries and anonymity clauses around a speaker."""
    phrase = phrase.strip(" ;:-\u2014\u2013\"\u201c\u201d'")
    if _GLUED_GATE.search(phrase):
        phrase = _GLUED_SENTENCE.sub("", phrase)
    phrase = _ANONYMITY.sub("", phrase)
    phrase = phrase.strip(" ,;:-\u2014\u2013\"\u201c\u201d'")
    phrase = _VIA_ADJUNCT.sub("", phrase)
    phrase = _ANONYMITY_TAIL.sub("", phrase).strip(" ,")
    phrase = _LEADING_CONNECTIVES.sub("", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _TRAILING_ADVERBS.sub("", phrase).strip(" ,;:")
        if phrase.endswith("ly"):
            phrase = _TRAILING_MANNER.sub("", phrase)
    if _FRONTED_DOCUMENT.match(phrase):
        last = _LAST_DETERMINER.match(phrase)
        if last is not None:
            phrase = last.group(1)
    phrase = _PARTICIPLE_TAIL.sub(r"\1", phrase)
    phrase = _before_participle(phrase)
    phrase = _BRACKETED.sub("", _LEADING_BRACKET.sub("", phrase)).strip()
    if phrase.endswith(")") and "(" not in phrase:
        phrase = phrase[:-1].rstrip()
    close = phrase.rfind(")")
    if close >= 0 and "(" not in phrase[:close]:
        # "(AFP/Getty Images) Another resident said": the caption's end is not the speaker
        phrase = phrase[close + 1 :].strip()
    phrase = _after_glued_count(phrase)
    named = _NAME_THEN_DESCRIPTION.match(phrase)
    if named is not None and len(named.group(1).removeprefix("the ").split()) >= 2:
        # one word ("Ahmed a resident of ...") stays whole: the description says a person
        phrase = named.group(1)
    return strip_workplace(phrase)


def _before_participle(phrase: str) -> str:
    """The noun phrase before a participle clause glued on by a stripped comma ("Medics
    working at the clinic" -> "Medics"), when that phrase can speak."""
    if "ing " not in phrase:
        return phrase  # the common case, settled without the regex
    match = _STRIPPED_PARTICIPLE.match(phrase)
    if match is None or match.group(2) in _ING_NOUNS:
        return phrase
    head = match.group(1)
    if head.split()[-1].lower() in _HEAD_ENDS or not plausible_speaker(head):
        return phrase
    return head


def _after_glued_count(phrase: str) -> str:
    """A speaker after the count its clause ended with, the comma stripped: "killing 50
    state media said" -> "state media"; "80 people in Hama rights groups" -> "rights
    groups". "10 Downing Street" is a name."""
    words = phrase.split()
    if len(words) < 2 or not _COUNT.fullmatch(words[0]) or not words[1][:1].islower():
        return phrase
    opener = next((i for i in range(1, len(words)) if words[i].lower() in _SOURCE_OPENERS), None)
    if opener is not None:
        return " ".join(words[opener:])
    for i in range(len(words) - 2, 0, -1):
        if words[i][:1].isupper() and words[i + 1][:1].islower():
            return " ".join(words[i + 1 :])
    return phrase


_COUNT = re.compile(r"\d[\d,.]*")
# "(Reuters) Western powers say": a credit or caption in brackets before the speaker.
_LEADING_BRACKET = re.compile(r"^\([^()]{1,40}\)\s*")
# "Jaysh al-Islam (Army of Conquest)": the other name goes; a defined acronym
# ("(SOHR)") stays, the registry and later mentions read it.
_BRACKETED = re.compile(r"\s*\((?![A-Z][A-Z0-9&-]{1,7}s?\))[^()]{1,60}\)(?=\s|$)")
# Copy with its commas stripped glues the apposition to the name: "Ahmed a resident of
# the government-controlled west of the city", "the Aleppo Media Centre an online
# opposition news portal": the name is the source.
_NAME_THEN_DESCRIPTION = re.compile(
    r"^((?:the\s+)?(?:[A-Z][\w'\-.]*\s+){0,4}[A-Z][\w'\-.]*)\s+(?:a|an)\s+[a-z][\w\-]*\b.*$",
    re.DOTALL,
)


def strip_workplace(phrase: str) -> str:
    """ "Dr. Fazal Rahim at the district hospital" -> "Dr. Fazal Rahim"."""
    return _NAME_AT_PLACE.sub(r"\1", phrase)


def plausible_speaker(phrase: str, max_tokens: int = 14) -> bool:
    """A short noun phrase made of speaker vocabulary (or a pronoun)."""
    tokens = _TOKEN.findall(phrase)
    words = [t for t in tokens if t not in (",", "(", ")", "'", "\u2019")]
    if not words or len(words) > max_tokens:
        return False
    if len(words) == 1 and (words[0].lower() in PRONOUNS or words[0].lower() in _OBJECT_PRONOUNS):
        return True
    if words[0].lower() in ("no", "nobody", "none", "neither", "nor") or any(
        w in ("No", "Nobody", "None") for w in words[1:]
    ):
        return False  # "No group claimed responsibility" names no source
    if not any(w[:1].isalpha() and w.lower() not in ("a", "an", "the") for w in words):
        return False
    if len(words) > 1 and words[-1].lower() in _SPEAKER_PARTICIPLES:
        words = words[:-1]  # "two men interviewed": the men
    bad = [w for w in words if not _np_token(w)]
    if bad and len(bad) <= 2 and len(words) <= 12 and all(_nounish(w) for w in bad):
        # "An RSF adviser", "Shipping data firm Clarksons": unlisted nouns inside a
        # phrase opened by a determiner or a name.
        return words[0].lower() in ("a", "an", "the", "its", "his", "her", "their") or (
            words[0][:1].isupper()
        )
    return not bad


def _nounish(token: str) -> bool:
    """Could be a noun: lower case, alphabetic, not an -ed/-ing/-ly form or a function word
    (a possessive counts by its stem: "the field's operator")."""
    token = token.replace("\u2019", "'").removesuffix("'s")
    lowered = token.lower()
    return (
        token.isalpha()
        and token.islower()
        and len(token) > 2
        and not lowered.endswith(("ed", "ing", "ly"))
        and lowered not in _FUNCTION_WORDS
    )


_INNER_AND = re.compile(
    r"\b(?:Foreign|Defen[cs]e|Interior|Health|Labou?r|Social|Economic|Political|Cultural|"
    r"Religious|Human|Civil|Public|Local|Regional|Internal|International|Planning|Housing|"
    r"Information|Trade|Industry|Agriculture|Irrigation|Water|Energy|Finance|Revolutionary)"
    r"\s+and\s+[A-Z]"
    # "the Ministry of Foreign Affairs and Expatriates": one ministry.
    r"|\bMinistry\s+of\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){1,3}and\s+[A-Z]"
)


# Adjectives that cannot speak alone: "local and media sources" is one source ("police
# and medical sources" are two: the police are a speaker).
_SHARED_HEAD = re.compile(
    r"^(?:the\s+)?(?:local|medical|diplomatic|humanitarian|judicial|tribal|official|"
    r"regional|international)\s+and\s+[a-z]+\s+[a-z]+$",
    re.IGNORECASE,
)
_LIST_JOINER = re.compile(r"\s(?:and|as\s+well\s+as)\s")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|,\s+|\s+as\s+well\s+as\s+)\s*")


def split_speakers(phrase: str) -> list[str]:
    """'the Observatory and regional media' -> two phrases.

    Commas split only inside an "and" list ("X, Y and Z"); otherwise a comma
    opens an appositive ("Hazem Qassem, a Hamas spokesman") that stays whole.
    """
    if not _LIST_JOINER.search(phrase):
        return [phrase]
    # "the Foreign and Expatriates Ministry": an "and" inside one name.
    phrase_for_split = _INNER_AND.sub(lambda m: m.group(0).replace(" and ", " \x00 "), phrase)
    if phrase_for_split != phrase:
        parts = split_speakers(phrase_for_split)
        return [p.replace(" \x00 ", " and ") for p in parts]
    if _SHARED_HEAD.match(phrase):
        return [phrase]  # "local and media sources": one head shared by two modifiers
    parts = _LIST_SEPARATOR.split(phrase)
    return [p.strip() for p in parts if p.strip()]
