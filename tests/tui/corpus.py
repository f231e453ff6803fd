"""A tiny hand-made corpus for the TUI tests: three reports, hostile text included.

Claims are built by hand (not extracted) so the tests pin the UI, not the extractor.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from models import Caveat, CaveatKind, Claim, Modality, Quantity, Report, Source, SourceKind
from workbench.store import open_engine, schema
from workbench.store.reports import store_reports

MARKUP = "[bold]not bold[/] and [@click=app.quit]quit[/]"
ESCAPES = "red \x1b[31mALERT\x1b[0m bell\x07 end"

WIRE = (
    "IS militants killed 26 Syrian soldiers west of Palmyra, a monitoring group said.\n"
    "It was not possible to independently verify the death toll.\n"
    "SANA said the army carried out concentrated operations around Palmyra.\n"
    "Putin said he hoped the city would soon fall to the Syrian government."
)
STATE = (
    "The army killed dozens of terrorists near Palmyra, SANA reported.\n"
    "The Observatory said 30 soldiers were killed in the fighting."
)
HOSTILE = f"An outlet wrote {MARKUP}.\nAnother line said {ESCAPES}."

SOURCES = [
    Source(name="Syrian Observatory for Human Rights", kind=SourceKind.MONITOR),
    Source(name="SANA", kind=SourceKind.STATE_MEDIA),
    Source(name="Vladimir Putin", kind=SourceKind.PERSON),
    Source(name="anonymous blogger", kind=SourceKind.ANONYMOUS),
]


def _span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def build() -> tuple[list[Report], dict[str, list[Claim]]]:
    """The reports and their claims."""
    wire = Report(
        outlet="Wire report",
        title="IS kills 26 Syrian soldiers near Palmyra",
        published=date(2016, 3, 21),
        text=WIRE,
    )
    state = Report(
        outlet="SANA", title="Army operations near Palmyra", published=date(2016, 3, 22), text=STATE
    )
    hostile = Report(
        outlet="[red]Evil[/] outlet",
        title="Hostile [b]markup[/b] title",
        published=date(2016, 3, 23),
        text=HOSTILE,
    )
    twenty_six = "IS militants killed 26 Syrian soldiers west of Palmyra"
    claims = {
        wire.id: [
            Claim(
                report_id=wire.id,
                text=twenty_six,
                sentence=WIRE.split("\n")[0],
                span=_span(WIRE, twenty_six),
                cue="said",
                sources=("Syrian Observatory for Human Rights",),
                quantities=(Quantity(value=26, unit="soldiers killed", text="26"),),
                caveats=(
                    Caveat(
                        text="It was not possible to independently verify the death toll.",
                        kind=CaveatKind.UNVERIFIED,
                    ),
                ),
            ),
            Claim(
                report_id=wire.id,
                text="the army carried out concentrated operations around Palmyra",
                span=_span(WIRE, "the army carried out concentrated operations around Palmyra"),
                cue="said",
                sources=("SANA",),
            ),
            Claim(
                report_id=wire.id,
                text="the city would soon fall to the Syrian government",
                span=_span(WIRE, "the city would soon fall to the Syrian government"),
                cue="said",
                modality=Modality.HOPED,
                sources=("Vladimir Putin",),
            ),
        ],
        state.id: [
            Claim(
                report_id=state.id,
                text="The army killed dozens of terrorists near Palmyra",
                span=_span(STATE, "The army killed dozens of terrorists near Palmyra"),
                cue="reported",
                sources=("SANA",),
                quantities=(
                    Quantity(
                        value=12,
                        low=12,
                        high=99,
                        unit="terrorists killed",
                        text="dozens",
                        approximate=True,
                    ),
                ),
            ),
            Claim(
                report_id=state.id,
                text="30 soldiers were killed in the fighting",
                span=_span(STATE, "30 soldiers were killed in the fighting"),
                cue="said",
                sources=("Syrian Observatory for Human Rights",),
                quantities=(Quantity(value=30, unit="soldiers killed", text="30"),),
            ),
        ],
        hostile.id: [
            Claim(
                report_id=hostile.id,
                text=MARKUP,
                span=_span(HOSTILE, MARKUP),
                cue="wrote",
                sources=("anonymous blogger",),
            ),
            Claim(
                report_id=hostile.id,
                text=ESCAPES,
                span=_span(HOSTILE, ESCAPES),
                cue="said",
                sources=("anonymous blogger",),
            ),
        ],
    }
    return [wire, state, hostile], claims


# Stored events pin the grouping, so these tests follow the UI, not the grouper.
EVENTS = {
    "ev-toll": ("Palmyra death toll", [(0, 0), (1, 1), (1, 0)]),
    "ev-ops": ("Army operations near Palmyra", [(0, 1)]),
    "ev-hope": ("Putin hopes Palmyra falls", [(0, 2)]),
    "ev-hostile": ("Hostile [b]text[/b]", [(2, 0), (2, 1)]),
}


def make_db(db: str, events: bool = True) -> str:
    """Store the tiny corpus (and its events) in ``db`` and return it."""
    engine = open_engine(db)
    reports, claims = build()
    with engine.begin() as connection:
        store_reports(connection, reports, claims, SOURCES)
        if events:
            now = datetime.now(UTC)
            for event_id, (title, members) in EVENTS.items():
                connection.execute(
                    schema.events.insert(), {"id": event_id, "title": title, "created_at": now}
                )
                for report, position in members:
                    claim = claims[reports[report].id][position]
                    connection.execute(
                        schema.event_claims.insert(), {"claim_id": claim.id, "event_id": event_id}
                    )
    engine.dispose()
    return db
