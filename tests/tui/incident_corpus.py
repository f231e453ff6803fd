"""An incident told by five origins (and a second, smaller one), built by hand.

The comparison table must show all five names and their figures at once at
80x24 and 120x40; the claims are hand-made so the tests pin the UI, not the
extractor. ``python -m tests.tui.incident_corpus DB`` stores it for a trial in tmux.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

from models import (
    Caveat,
    CaveatKind,
    Claim,
    Event,
    Modality,
    Quantity,
    Report,
    Source,
    SourceKind,
)
from workbench.store import open_engine, schema
from workbench.store.reports import store_reports

SOURCES = [
    Source(
        name="Syrian Observatory for Human Rights",
        kind=SourceKind.MONITOR,
        aliases=("SOHR", "the Observatory"),
    ),
    Source(name="SANA", kind=SourceKind.STATE_MEDIA),
    Source(name="White Helmets", kind=SourceKind.NGO, aliases=("Syria Civil Defence",)),
    Source(name="Russian Defence Ministry", kind=SourceKind.MILITARY),
    Source(name="Local Coordination Committees", kind=SourceKind.NGO, aliases=("LCC",)),
]

# (outlet, title, day, [(sentence, claim text, sources, figures, modality, caveat)])
Figure = tuple[float, float | None, str, str]  # value, high (None: exact), unit, words
REPORTS: list[tuple[str, str, int, list[tuple[str, tuple[str, ...], list[Figure], str, bool]]]] = [
    (
        "Reuters",
        "Air strike on Ariha market kills dozens",
        3,
        [
            (
                "An air strike on a market in Ariha killed 38 civilians, the Observatory said.",
                ("Syrian Observatory for Human Rights",),
                [(38, None, "civilians killed", "38")],
                "asserted",
                True,
            ),
            (
                "Russia's defence ministry denied its aircraft struck the town.",
                ("Russian Defence Ministry",),
                [],
                "denied",
                False,
            ),
        ],
    ),
    (
        "SANA",
        "Terrorists shell Ariha",
        3,
        [
            (
                "Terrorist groups shelled Ariha and killed 4 citizens, SANA said.",
                ("SANA",),
                [(4, None, "citizens killed", "4")],
                "asserted",
                False,
            ),
            (
                "SANA blamed the Nusra Front for the attack on the market.",
                ("SANA",),
                [],
                "asserted",
                False,
            ),
        ],
    ),
    (
        "Al Jazeera",
        "Rescuers dig through Ariha rubble",
        4,
        [
            (
                "The White Helmets said 44 people were killed and 60 wounded in Ariha.",
                ("White Helmets",),
                [(44, None, "people killed", "44"), (60, None, "wounded", "60")],
                "asserted",
                False,
            ),
            (
                "The Local Coordination Committees said at least 40 died in the market.",
                ("Local Coordination Committees",),
                [(40, float("inf"), "died", "at least 40")],
                "asserted",
                True,
            ),
        ],
    ),
    (
        "AFP",
        "Toll rises in Ariha market strike",
        5,
        [
            (
                "The Observatory raised the toll to 52 dead and accused Russian jets of the raid.",
                ("Syrian Observatory for Human Rights",),
                [(52, None, "dead", "52")],
                "asserted",
                False,
            ),
            (
                "The Russian defence ministry said its jets would strike only terrorists.",
                ("Russian Defence Ministry",),
                [],
                "predicted",
                False,
            ),
        ],
    ),
    (
        "Reuters",
        "Shelling near Saraqeb",
        6,
        [
            (
                "Shelling near Saraqeb killed 3 people, the Observatory said.",
                ("Syrian Observatory for Human Rights",),
                [(3, None, "people killed", "3")],
                "asserted",
                False,
            ),
        ],
    ),
]
EVENTS = {"ev-ariha": ("Air strike on Ariha market", range(4)), "ev-saraqeb": ("Saraqeb", [4])}
CAVEAT = "The toll could not be independently verified."
# A claim the extractor missed, for the "add a claim by its span" tests.
MISSED = "The Idlib health directorate put the dead at 27."


def build() -> tuple[list[Report], dict[str, list[Claim]]]:
    reports: list[Report] = []
    claims: dict[str, list[Claim]] = {}
    for outlet, title, day, items in REPORTS:
        text = "\n".join(sentence for sentence, *_ in items) + "\n" + CAVEAT
        if outlet == "SANA":
            text += "\n" + MISSED
        url = f"https://example.org/{outlet.lower().replace(' ', '-')}/{day}"
        report = Report(
            outlet=outlet, title=title, published=date(2021, 6, day), text=text, url=url
        )
        reports.append(report)
        claims[report.id] = []
        for sentence, names, figures, modality, caveat in items:
            start = text.index(sentence)
            claims[report.id].append(
                Claim(
                    report_id=report.id,
                    text=sentence,
                    sentence=sentence,
                    span=(start, start + len(sentence)),
                    cue="said",
                    sources=names,
                    modality=Modality(modality),
                    quantities=tuple(
                        Quantity(
                            value=value,
                            low=value if high is not None else None,
                            high=high if high is not None and high != float("inf") else None,
                            at_least=high == float("inf"),
                            unit=unit,
                            text=words,
                        )
                        for value, high, unit, words in figures
                    ),
                    caveats=(Caveat(text=CAVEAT, kind=CaveatKind.UNVERIFIED),) if caveat else (),
                )
            )
    return reports, claims


def first_incident() -> tuple[Event, list[Claim], dict[str, Report], dict[str, Source]]:
    """The five-origin incident as grouping describes it: event, claims, reports, sources."""
    from workbench.events import build_event

    reports, claims = build()
    first = reports[: len(EVENTS["ev-ariha"][1])]
    flat = [claim for report in first for claim in claims[report.id]]
    by_id = {report.id: report for report in reports}
    sources = {source.name: source for source in SOURCES}
    return build_event("ev", flat, by_id, sources), flat, by_id, sources


def make_db(db: str) -> str:
    """Store the corpus and its two events in ``db``; return ``db``."""
    engine = open_engine(db)
    reports, claims = build()
    with engine.begin() as connection:
        store_reports(connection, reports, claims, SOURCES)
        now = datetime.now(UTC)
        for event_id, (title, members) in EVENTS.items():
            connection.execute(
                schema.events.insert(), {"id": event_id, "title": title, "created_at": now}
            )
            for index in members:
                for claim in claims[reports[index].id]:
                    connection.execute(
                        schema.event_claims.insert(), {"claim_id": claim.id, "event_id": event_id}
                    )
    engine.dispose()
    return db


if __name__ == "__main__":
    make_db(sys.argv[1])
