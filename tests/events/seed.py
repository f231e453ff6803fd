"""Hand-made claims mirroring the Palmyra seed, as the extractor is specified to give them.

They let grouping be tested without the extractor; ``test_seed.py`` also runs the
real extractor when it is importable.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from models import Caveat, CaveatKind, Claim, Modality, Quantity, Report

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpora" / "palmyra-2016" / "observatory-sana-palmyra.txt"

SOHR = "Syrian Observatory for Human Rights"
CAVEAT = "It was not possible to independently verify the death toll."

# (text, sources, modality, quantities, places, time expression, caveats)
SEED_CLAIMS: tuple[tuple[str, tuple[str, ...], Modality, tuple[Quantity, ...],
                         tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("IS militants killed 26 Syrian soldiers on Monday west of Palmyra", (SOHR,),
     Modality.ASSERTED, (Quantity(value=26, unit="soldiers killed"),), ("Palmyra",),
     "on Monday", (CAVEAT,)),
    ("the Syrian army would soon recapture Palmyra from IS", ("Vladimir Putin",),
     Modality.PREDICTED, (), ("Palmyra",), "last week", ()),
    ("the fighting took place about 4 km (2 miles) west of Palmyra", (SOHR,),
     Modality.ASSERTED, (Quantity(value=4, unit="km", approximate=True, low=3.6, high=4.4),),
     ("Palmyra",), "", ()),
    ("the army and allied forces, backed by the Syrian air force, carried out \"concentrated "
     "operations\" against IS around Palmyra and the IS-held town of Al Qaryatayn, about 100km "
     "further west", ("SANA",), Modality.ASSERTED,
     (Quantity(value=100, unit="km", approximate=True, low=90, high=110),),
     ("Palmyra", "Al Qaryatayn"), "", ()),
    ("Putin announced the withdrawal last week of most Russian forces", ("Vladimir Putin",),
     Modality.ASSERTED, (), (), "last week", ()),
    ("Russian planes have continued to support army operations near Palmyra",
     (SOHR, "regional media"), Modality.ASSERTED, (), ("Palmyra",), "", ()),
    ("he hoped that the city would soon fall to the Syrian government", ("Vladimir Putin",),
     Modality.HOPED, (), (), "on Thursday", ()),
    ("I hope that this pearl of world civilisation, or at least what's left of it after bandits "
     "have held sway there, will be returned to the Syrian people and the entire world",
     ("Vladimir Putin",), Modality.HOPED, (), (), "", ()),
    ("a militant group loyal to IS seized a village near the Jordanian border and the "
     "Israeli-occupied Golan Heights on Monday from Al Qaeda's Syrian affiliate, the Nusra Front",
     (SOHR,), Modality.ASSERTED, (), ("Golan Heights",), "on Monday", ()),
    ("the Yarmouk Martyrs' Brigade captured the village of Tasil, about 10 km (6 miles) from the "
     "Golan Heights and a similar distance from the Jordanian border", (SOHR,), Modality.ASSERTED,
     (Quantity(value=10, unit="km", approximate=True, low=9, high=11),),
     ("Tasil", "Golan Heights"), "", ()),
    ("Abu Saleh Al Musalima, Nusra Front commander in the south of the country, was killed in the "
     "fighting", (SOHR,), Modality.ASSERTED, (Quantity(value=3, unit="insurgents killed"),), (),
     "", ()),
    ("Russia will act unilaterally against those militants who violate ceasefire in Syria if "
     "Moscow does not reach agreement with the United States on a mechanism of detecting and "
     "preventing truce breaches", ("Russian Foreign Ministry",), Modality.CONDITIONAL, (),
     ("Syria",), "on Monday", ()),
    ("The ceasefire agreement, worked out by Russia and the US, is largely respected",
     ("Russian Foreign Ministry",), Modality.ASSERTED, (), (), "", ()),
    ("have so far failed to agree on terms of preventing all cases of ceasefire violations",
     ("Russian Foreign Ministry",), Modality.ASSERTED, (), (), "", ()),
    ("proposed earlier on Monday to hold an urgent meeting with US representatives to agree on "
     "the mechanism of controlling the ceasefire in Syria", ("Russian General Staff",),
     Modality.ASSERTED, (), ("Syria",), "earlier on Monday", ()),
    ("it would act unilaterally starting from March 22 if it gets no response",
     ("Russian General Staff",), Modality.CONDITIONAL, (), (), "March 22", ()),
    ("rejected the call from Russia's military", ("United States",), Modality.ASSERTED, (), (),
     "", ()),
    ("its concerns were already being handled in a constructive manner", ("United States",),
     Modality.ASSERTED, (), (), "", ()),
)  # fmt: skip

# The side_by_side groups of palmyra-expected.json, by a fragment that both the
# hand-made claims and the extractor's claims contain.
SIDE_BY_SIDE = (
    ("IS militants killed 26 Syrian soldiers", "the fighting took place about 4 km",
     "concentrated operations"),
    ("the withdrawal last week", "Russian planes have continued"),
    ("Russia will act unilaterally against those militants", "to hold an urgent meeting",
     "the call from Russia's military"),
)  # fmt: skip
UNRELATED_TO_FIGHTING = (
    "a militant group loyal to IS seized a village",
    "captured the village of Tasil",
    "Abu Saleh Al Musalima",
    "The ceasefire agreement",
    "failed to agree on terms",
)


def read_report(path: Path) -> Report:
    """A report from a .txt file with YAML front matter (what ingest reads)."""
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, object] = {}
    if raw.startswith("---\n"):
        head, _, raw = raw[4:].partition("\n---\n")
        meta = yaml.safe_load(head) or {}
    return Report(
        text=raw,
        **{
            key: value
            for key, value in meta.items()
            if key in {"outlet", "title", "url", "published", "dateline"}
        },
    )


def seed_report() -> Report:
    return read_report(SEED)


def seed_claims(report: Report | None = None) -> list[Claim]:
    """The hand-made seed claims, located in the report text so their spans are real."""
    report = report or seed_report()
    claims = []
    for text, sources, modality, quantities, places, when, caveats in SEED_CLAIMS:
        start = report.text.index(text[:40])
        claims.append(
            Claim(
                report_id=report.id,
                text=text,
                sentence=text,
                span=(start, start + len(text)),
                sources=sources,
                cue="said",
                modality=modality,
                quantities=quantities,
                caveats=tuple(Caveat(text=c, kind=CaveatKind.UNVERIFIED) for c in caveats),
                places=places,
                time_expression=when,
            )
        )
    return claims
