"""Reporting cues: the verbs and phrases that attribute a proposition to a source.

The lexicon is closed on purpose: wire copy uses a small, stable set of speech and
statement verbs, and a closed list keeps extraction predictable and fast.
"""

from __future__ import annotations

import re

from workbench.extract.patterns import word_trie

REPORTING_VERBS = frozenset(
    """
    called calls
    estimate claim deny warn allege accuse insist confirm predict argue
    condemned condemns criticised criticized criticises criticizes welcomed welcomes
    denounced denounces
    said says say told tells added adds announced announces stated states claimed claims
    reported reports denied denies confirmed confirms warned warns proposed proposes
    rejected rejects accused accuses urged urges insisted insists noted notes estimated
    estimates predicted predicts hoped hopes vowed vows threatened threatens pledged
    pledges acknowledged acknowledges admitted admits alleged alleges asserted asserts
    argued argues explained explains declared declares disclosed discloses revealed
    reveals wrote writes posted tweeted indicated suggested stressed emphasised
    emphasized affirmed maintained dismissed blamed charged countered responded replied
    cautioned promised forecast demanded reiterated recounted recorded documented
    counted show shows saw witnessed informs emphasizes emphasises stresses underlines
    described describes relayed relays found finds expects
    established concluded determined put puts gave gives
    """.split()  # noqa: SIM905
)
# Cues that report only with a "that" clause: "investigators established that sarin was
# used", not "the army established a base".
THAT_ONLY_CUES = frozenset({"established", "concluded", "determined"})
# "The inquiry found (that) the regime was responsible": "found" reports the finding of a
# body that investigates, before a clause; "rescuers found three bodies" does not.
FINDING_CUES = frozenset({"found", "finds"})
FINDING_SUBJECTS = frozenset(
    """
    inquiry investigation investigators report study commission probe panel court mission
    review experts inspectors monitors tribunal autopsy analysis survey
    """.split()  # noqa: SIM905
)
FINDING_CLAUSE_RE = re.compile(
    r"\s*(?:,?\s*that\b|(?:[\w'\u2019-]+\s+){1,6}?(?:was|were|is|are|had|has|have|did|"
    r"would|could)\b)"
)
# Verbs of an act that report only before a clause, a quote or the end of the sentence:
# "the army declared that the town was taken" reports, "the rebels declared an autonomous
# region", "activists posted a video", "the agency demanded an investigation" and "the
# regime responded with airstrikes" do not (an act, an appeal, not a proposition).
CLAUSE_ONLY_CUES = frozenset(
    {"declared", "declares", "posted", "demanded", "demands", "responded", "responds"}
)
CLAUSE_OR_END_RE = re.compile(r"""^\s*(?:,?\s*that\b|[:"\u201c\u201d,.;]|$)""")
# Words before "states" that make it a noun: "member states of the OPCW questioned".
STATES_NOUN_BEFORE = frozenset(
    """
    member western arab gulf european baltic nuclear island neighbouring neighboring other
    several many some these those both all african asian islamic muslim sovereign
    """.split()  # noqa: SIM905
)
# "put the death toll at 27", "state media gave a toll of 44 dead": these verbs report a
# toll and nothing else.
TOLL_CUES = frozenset({"put", "puts", "gave", "gives"})
TOLL_AFTER_RE = re.compile(
    r"\s+(?:the|its|their|a|an)\s+(?:(?:new|higher|lower|final|death|casualty)\s+)*"
    r"toll\s+(?:at|of|as)\b"
)
ING_CUES = frozenset(
    """
    saying adding claiming warning insisting noting accusing denying stating urging
    stressing explaining arguing blaming vowing threatening pledging confirming
    announcing alleging asserting declaring reiterating describing
    """.split()  # noqa: SIM905
)
TELL_CUES = frozenset({"told", "tells"})
# Two-word reporting verbs: "Nyrabia pointed out that ...".
PHRASAL_CUES = frozenset(
    {
        "pointed out",
        "points out",
        "pointing out",
        # "The center went on to state that ...": the verb after "went on to" reports
        "went on to say",
        "went on to state",
        "went on to add",
        "goes on to say",
    }
)
# A cue is a whole word: not inside another word or a hyphenated compound.
CUE_RE = re.compile(
    word_trie(
        [*REPORTING_VERBS, *ING_CUES, *PHRASAL_CUES, "according to", "According to"],
        after_no=r"[\w-]",
    )
    + r"(?![\w-])"
)
# Words that make a cue word an adjective or a passive, not an attribution.
NOT_A_CUE_BEFORE = frozenset(
    """
    the a an its their his her our unconfirmed widely so was were is are been being be
    previously-reported to not never will would could may might can did does do
    should must without
    mondays tuesdays wednesdays thursdays fridays saturdays sundays todays yesterdays
    """.split()  # noqa: SIM905
)
NOT_A_CUE_AFTER = re.compile(
    r"^\s*(?:by\b(?!\s+(?:phone|telephone|video|text|email|satellite|radio))|cases\b|deaths\b|figures\b|case\b|to\s+be\b|to\s+have\b|made\s+by\b|"
    # "Initial reports indicated that ...": a noun, when a reporting verb follows it
    r"(?:indicated|indicate|indicates|suggested|suggest|suggests|said|say|says)\b|responsibility\s+"
    r"of\b)",
    re.IGNORECASE,
)
# Adjuncts between a cue and its content: "said on Monday", "said in a statement".
TIME_WORDS = (
    r"(?:on|late|early|earlier|later)?\s*(?:on\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|"
    r"evening|afternoon))?|(?:last|this|next)\s+(?:week|month|year|night|weekend|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|tonight|overnight|"
    r"earlier|later|separately|also|previously|again|late|on\s+\w+\s+\d{1,2}|"
    r"(?:earlier|later)\s+(?:on|in)\s+\w+(?:\s+\w+)?|earlier\s+this\s+(?:week|month|year)"
)
ADJUNCT_RE = re.compile(
    r"^(?:\s*,?\s*(?:" + TIME_WORDS + r"|in\s+(?:a|an|its|his|her|their|the|"
    # "in Tuesday's statement", stripped of its apostrophe as some copy is: "in Tuesdays"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|\u2019s|s))\s+"
    r"(?:\w+\s+){0,3}?"
    r"(?:statement|interview|post|message|briefing|speech|report|update|address|remarks|"
    r"e-mail|email|letter|"
    r"communique|video|broadcast|conference|bulletin|tweet)"
    r"(?:\s+(?:statement|message|post|address|briefing)\b)?"  # "in a video statement"
    # "in a statement to SANA reporter", "in a statement to the agency"
    r"(?:\s+(?:to|with)\s+(?:the\s+)?(?:[A-Z][\w-]*|state)"
    r"(?:\s+(?:reporter|correspondent|news\s+agency|TV|television|media))?)?"
    r"(?:\s+(?:on|to|posted\s+on|published"
    r"\s+on)\s+(?:[A-Z]\w*|its\s+\w+(?:\s+\w+)?|the\s+\w+(?:\s+\w+)?))?|"
    r"on\s+(?:the\s+)?(?:(?:Telegram|X|Twitter|Facebook|WhatsApp)(?:\s+messaging\s+app|"
    r"\s+channel|\s+account|\s+page)?|social\s+media|state\s+(?:TV|television|media)|"
    r"(?:its|his|her|their)\s+(?:\w+\s+)?(?:websites?|channels?|accounts?|pages?))|"
    r"by\s+(?:phone|telephone)(?:\s+from\s+(?:the\s+)?(?:capital|city|town|village|camp|"
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}))?|"  # "by phone from the capital"
    r"(?:via|through)\s+a\s+spokesman|in\s+(?:Moscow|Kyiv|Kiev|"
    r"Geneva|Damascus|Beirut|Cairo|Baghdad|Washington|Khartoum|Sanaa|Aden|Gaza|Jerusalem|"
    r"New\s+York|Brussels)|citing\s+(?:a|an|the|its)?\s*(?:\w+\s+){0,4}?(?:sources?|official|"
    r"officials|statement|report)|in\s+a\s+written\s+statement|in\s+televised\s+remarks|"
    r"(?:told|to)\s+(?:reporters|journalists)|(?:speaking\s+)?on\s+condition\s+of\s+anonymity|"
    r"(?:for|because\s+of|out\s+of|due\s+to)\s+(?:fear\s+of\s+(?:reprisals?|retaliation|retribution)|"
    r"(?:security|safety)\s+reasons)|because\s+(?:he|she|they)\s+(?:was|were)\s+not\s+"
    r"authori[sz]ed\s+to\s+(?:speak|talk)(?:\s+(?:to\s+the\s+media|publicly))?|"
    r"in\s+(?:a|an)\s+(?:phone|telephone|email|e-mail|text)\s*(?:interview|message|call)?|"
    r"(?:carried|published|posted|released|issued|broadcast|aired|run|quoted)\s+(?:by|on|in)\s+"
    r"(?:[\w'\u2019.-]+\s+){0,6}?(?=that\b)|"
    r"(?:carried|published|posted|released|issued|broadcast|aired|run|read)\s+(?:by|on|in)\s+"
    r"(?:[\w'\u2019.-]+\s+){0,6}?[\w'\u2019.-]+(?=\s*[.;]?\s*$)|"
    r",\s*without\s+(?:giving|providing|offering|citing)\s+(?:any\s+)?(?:details|evidence|"
    r"sources?)\s*,)\s*)+",
)
# "told a televised meeting of his security council that ...": the rest of the addressee.
ADDRESSEE_TAIL_RE = re.compile(r"^\s+(?:of|in|at|on|with)\s+(?:[\w'\u2019.-]+\s+){0,6}?(?=that\b)")
TOLD_ADDRESSEE_RE = re.compile(
    r"^\s+(?:(?:the\s+)?(?:Reuters|AFP|AP|Associated\s+Press|BBC|CNN|Al\s+Jazeera|Al\s+Arabiya|"
    r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})|reporters|journalists|a\s+(?:news|press)\s+"
    r"conference|(?:an?|the)\s+(?:[\w'-]+\s+){0,4}(?:briefing|conference|forum|parliament|newspaper|daily|agency|"
    r"Agency|"
    r"channel|broadcaster|radio|television|TV|station|website|outlet|session|meeting|"
    r"audience|crowd|summit|rally)|state\s+(?:TV|television|media|radio)|"
    r"(?:local|state|Russian|Israeli|Ukrainian|Arab|Western)\s+(?:media|television|TV|"
    r"reporters|journalists))(?:\s+\([A-Z][A-Za-z]{1,9}\))?"
    # "told SANAs correspondent", "told Al-Manar TV": the outlet's staff or channel.
    r"(?:\s+(?:correspondent|reporter|news\s+agency|TV|television|channel))?(?=[\s,.;:]|$)"
)
# "data show", "figures show": the only subjects for which "show" reports.
SHOW_SUBJECTS = frozenset(
    "data figures statistics records tally tallies count counts numbers estimates".split()  # noqa: SIM905
)
# "Reuters witnesses saw", "an AFP journalist saw": the outlet's own reporting. "saw"
# and "witnessed" report only after an outlet's staff, never after anyone else.
OUTLET_STAFF_BEFORE = re.compile(
    r"(?:(?:^|\.\s+|\n)(?:The\s+)?(?:Reuters|AFP|Associated\s+Press)|"
    r"\b(?:Reuters|AFP|AP|Associated\s+Press|BBC|CNN|Al\s+Jazeera|[A-Z][A-Za-z.&-]+)\s+"
    r"(?:reporters?|journalists?|correspondents?|witness(?:es)?|photographers?|cameram[ae]n|"
    r"crews?|teams?|staff)|\b(?:reporters?|journalists?|correspondents?|photographers?|"
    r"teams?)\s+(?:for|with|from)\s+(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)"
    r"(?:\s+(?:at|in|near|on)\s+(?:the\s+)?(?:scene|site|area|ground|[A-Z]\w+))?"
    r"(?:\s+(?:also|later|earlier|who\s+visited\s+[^,]{1,40}))?\s*$"
)
OUTLET_CUES = frozenset({"saw", "witnessed"})
# "claimed to have killed": "to have" is the content, not a passive.
CLAIM_CUES = frozenset({"claimed", "claims", "claim"})
# After a trailing cue, these open a clause that is not the cue's content.
TRAILING_FOLLOWERS = re.compile(
    r"^\s*(?:,|$|\.|;|:?\s*$|after\b|as\b|while\b|amid\b|following\b|despite\b|because\b|"
    r"adding\b|saying\b|citing\b|quoting\b|without\b|before\b|when\b|but\b|and\s+(?:that|added|"
    r"said)\b|in\s+a\s+|noting\b|referring\b|"
    # '"..." IFRC said stressing that ...' (its comma stripped): a second cue follows
    r"(?:stressing|updating|warning|urging|insisting|explaining|accusing|blaming)\b|"
    r"(?:asking|requesting|declining|speaking)\b|"  # '..., asking not to be named'
    # "... were injured the group said with four children killed earlier": an absolute
    # clause that adds to the statement before the cue
    r"with\s+(?:\w+\s+){0,6}?(?:killed|wounded|injured|dead|dying)\b|"
    # "... he said pointing to his stock", "he said crying over the body": the manner of
    # saying, not what was said
    r"(?:pointing|crying|weeping|sobbing|gesturing|holding|standing|sitting|smiling|"
    r"shaking|waving|laughing|shouting|looking)\b|"
    # "... killed 13 civilians Monday the Observatory said most of them in ...": a part of
    # the toll before the cue, not a proposition of its own (its commas stripped)
    r"(?:most|many|some|all|half)\s+of\s+them\b|mostly\b|including\b|among\s+them\b|"
    # "... took the villages state media said on Saturday part of a campaign ...": an
    # appositive on the whole clause before the cue, not its content
    r"part\s+of\s+(?:a|an)\s|the\s+latest\s+(?:in|of)\s)",
)
THAT_RE = re.compile(r"^\s*(?:,\s*)?that\b\s*")


def is_according(match: re.Match[str]) -> bool:
    """Whether a ``CUE_RE`` match is "according to" (its source follows it)."""
    return match.group(0)[:1] in "Aa" and match.group(0)[1:9] == "ccording"


def is_ing(cue: str) -> bool:
    # "... must act pointing out that ...": the phrasal participle is one too
    lowered = " ".join(cue.lower().split())
    return lowered in ING_CUES or lowered == "pointing out"


def canonical_cue(cue: str) -> str:
    """'According  to' -> 'according to'; verbs keep their surface form ('went on to
    state' is 'state')."""
    words = cue.lower().split()
    if words[:3] in (["went", "on", "to"], ["goes", "on", "to"]):
        words = words[3:]
    return " ".join(words)
