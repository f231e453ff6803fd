"""Origins, not outlets: one origin per source of known provenance or per wire story."""

from __future__ import annotations

from datetime import date

from models import Claim, Report, RoleFlag, Source, SourceKind
from workbench.events import count_origins
from workbench.events.origins import wire_credit

DAY = date(2024, 5, 14)


def _report(outlet: str, text: str = "invented report text") -> Report:
    return Report(outlet=outlet, published=DAY, text=f"{text} ({outlet})")


def _claim(report: Report, sources: tuple[str, ...], text: str = "invented claim") -> Claim:
    return Claim(report_id=report.id, text=text, sentence=text, span=(0, 1), sources=sources)


def test_according_to_x_in_five_outlets_is_one_origin() -> None:
    reports = [_report(f"Outlet {n}") for n in range(5)]
    claims = [_claim(r, ("SOHR",), f"toll {n}") for n, r in enumerate(reports)]
    counted = count_origins(claims, {r.id: r for r in reports})
    assert counted.summary == "5 outlets / 1 origin"
    assert counted.origins == ("SOHR",)


def test_wire_copies_are_one_origin_whether_credited_or_copied() -> None:
    wire = Report(outlet="Reuters", published=DAY, text="BEIRUT (Reuters) - invented copy")
    credited = Report(outlet="Paper A", published=DAY, text="BEIRUT (Reuters) - invented copy")
    copied_1 = _report("Paper B")
    copied_2 = _report("Paper C")
    sentence = "Rescue teams were still searching the rubble of the invented market"
    claims = [
        _claim(wire, ("Reuters",), "a witness saw smoke"),
        _claim(credited, ("Reuters",), "a witness saw smoke"),
        _claim(copied_1, ("Paper B",), sentence),
        _claim(copied_2, ("Paper C",), sentence + "."),
    ]
    counted = count_origins(claims, {r.id: r for r in (wire, credited, copied_1, copied_2)})
    assert counted.origins == ("Reuters wire story", "story first carried by Paper B")
    assert len(counted.outlets) == 4


def test_independent_own_reporting_counts_per_outlet() -> None:
    a, b = _report("Paper A"), _report("Paper B")
    claims = [
        _claim(a, ("Paper A",), "our correspondent counted twelve bodies at the invented site"),
        _claim(b, ("Paper B",), "smoke rose over the invented town all afternoon"),
    ]
    assert count_origins(claims, {a.id: a, b.id: b}).origins == ("Paper A", "Paper B")


def test_unknown_lineage_adds_no_origin() -> None:
    a, b, c = _report("Paper A"), _report("Paper B"), _report("Paper C")
    registry = {
        "a local channel": Source(
            name="a local channel",
            kind=SourceKind.MEDIA,
            roles=frozenset({RoleFlag.UNKNOWN_PROVENANCE}),
        )
    }
    claims = [
        _claim(a, ("activists",)),
        _claim(b, ("a local channel",)),
        _claim(c, ()),  # no named source at all
    ]
    counted = count_origins(claims, {r.id: r for r in (a, b, c)}, registry)
    assert counted.summary == "3 outlets / 0 origins"
    assert len(counted.unknown_claims) == 3


def test_registry_wire_flag_and_aliases() -> None:
    registry = {
        "Agence France-Presse": Source(
            name="Agence France-Presse", roles=frozenset({RoleFlag.WIRE})
        )
    }
    afp = _report("AFP")
    paper = _report("Paper A")
    claims = [_claim(afp, ("AFP",)), _claim(paper, ("Agence France-Presse",))]
    counted = count_origins(claims, {afp.id: afp, paper.id: paper}, registry)
    assert counted.origins == ("AFP wire story",)


def test_wire_credit_is_read_from_the_dateline_or_text() -> None:
    assert wire_credit(Report(outlet="Paper", text="DAMASCUS (AFP) - invented")) == "AFP"
    assert wire_credit(Report(outlet="Paper", dateline="Beirut (Reuters)", text="invented")) == (
        "Reuters"
    )
    assert wire_credit(Report(outlet="Paper", text="invented, no credit")) is None


def test_the_newspaper_reported_is_the_outlets_own_voice() -> None:
    a, b = _report("Paper A"), _report("Paper B")
    sentence = "rescue teams were still searching the rubble of the invented market"
    claims = [_claim(a, ("newspaper",), sentence), _claim(b, ("the paper",), sentence)]
    counted = count_origins(claims, {a.id: a, b.id: b})
    assert counted.origins == ("story first carried by Paper A",)


def test_spokespeople_of_one_body_are_one_origin_and_bodies_stay_apart() -> None:
    a, b, c = _report("Paper A"), _report("Paper B"), _report("Paper C")
    registry = {
        "Rami Abdel Rahman": Source(
            name="Rami Abdel Rahman", kind=SourceKind.PERSON, speaks_for="SOHR"
        ),
        "SOHR": Source(name="SOHR", kind=SourceKind.NGO),
        "a CENTCOM spokeswoman": Source(
            name="a CENTCOM spokeswoman", kind=SourceKind.PERSON, speaks_for="CENTCOM"
        ),
        "Pentagon": Source(name="Pentagon", kind=SourceKind.GOVERNMENT),
    }
    claims = [
        _claim(a, ("Rami Abdel Rahman",), "twelve were killed in the invented town"),
        _claim(b, ("SOHR",), "twelve died in the invented town"),
        _claim(c, ("a CENTCOM spokeswoman",), "the invented strike hit a depot"),
        _claim(c, ("Pentagon",), "the invented strike was lawful"),
    ]
    counted = count_origins(claims, {r.id: r for r in (a, b, c)}, registry)
    # The person stays the speaker on the claim; the body is the origin.
    assert counted.origins == ("CENTCOM", "Pentagon", "SOHR")
    assert counted.claim_origins[claims[0].id] == ("SOHR",)
    assert claims[0].sources == ("Rami Abdel Rahman",)
    # Without the registry's word, the person is an origin of their own.
    assert len(count_origins(claims, {r.id: r for r in (a, b, c)}).origins) == 4


def test_a_description_another_report_names_is_that_person() -> None:
    # Reuters names the governor; AFP only describes him: one speaker, one origin.
    named = Report(
        outlet="Wire A",
        published=DAY,
        text="A missile hit a block in the invented city, regional governor Ivan Petrenko said.",
    )
    described = Report(
        outlet="Wire B",
        published=DAY,
        text="Four people were killed in the invented city, the regional governor said.",
    )
    other = Report(
        outlet="Wire C",
        published=DAY,
        text="The toll rose to five, a police spokesman said, as the mayor Olena Kovalenko said.",
    )
    claims = [
        _claim(named, ("Ivan Petrenko",), "a missile hit a block"),
        _claim(described, ("regional governor",), "four people were killed"),
        _claim(other, ("police spokesman",), "the toll rose to five"),
        _claim(other, ("Olena Kovalenko",), "the toll rose"),
    ]
    counted = count_origins(claims, {r.id: r for r in (named, described, other)}, one_event=True)
    # "police spokesman" is written before no name: it stays its own origin
    assert counted.origins == ("Ivan Petrenko", "Olena Kovalenko", "police spokesman")


def _one_event(*pairs: tuple[str, str, str]) -> tuple[str, ...]:
    """(outlet, report text, source) per claim -> the origins of them as one event."""
    reports = {outlet: Report(outlet=outlet, published=DAY, text=text) for outlet, text, _ in pairs}
    claims = [_claim(reports[outlet], (source,)) for outlet, _, source in pairs]
    by_id = {report.id: report for report in reports.values()}
    return count_origins(claims, by_id, one_event=True).origins


def test_a_generic_or_other_office_description_is_no_named_person() -> None:
    # "a witness" in one report is not the witness another report names
    assert _one_event(
        ("A", "Shells fell, local witness Ahmed Ali said.", "Ahmed Ali"),
        ("B", "Shells fell, a local witness said.", "local witness"),
    ) == ("Ahmed Ali", "local witness")  # many people are witnesses: not linked
    # the former governor is not "the regional governor"
    assert _one_event(
        ("A", "It was hit, former regional governor Oleh Synehubov said.", "Oleh Synehubov"),
        ("B", "Four were killed, the regional governor said.", "regional governor"),
    ) == ("Oleh Synehubov", "regional governor")


def test_a_description_is_linked_only_within_one_event_and_to_one_person() -> None:
    reports = [
        Report(outlet="A", published=DAY, text="A strike, regional governor Ivan Petrenko said."),
        Report(outlet="B", published=DAY, text="A strike, regional governor Olena Kovalenko said."),
        Report(outlet="C", published=DAY, text="Four were killed, the regional governor said."),
    ]
    claims = [
        _claim(reports[0], ("Ivan Petrenko",)),
        _claim(reports[1], ("Olena Kovalenko",)),
        _claim(reports[2], ("regional governor",)),
    ]
    by_id = {report.id: report for report in reports}
    # two governors named: which one "the regional governor" is, is not known
    assert "regional governor" in count_origins(claims, by_id, one_event=True).origins
    # across a corpus (not one event) no description is linked
    assert "regional governor" in count_origins(claims[::2], by_id).origins
    # names in any script
    assert _one_event(
        ("A", "Ruling party spokesman Ömer Çelik said the talks failed.", "Ömer Çelik"),
        ("B", "The talks failed, the ruling party spokesman said.", "ruling party spokesman"),
    ) == ("Ömer Çelik",)
