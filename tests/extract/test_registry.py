"""The source registry: shipped entries, user extension, resolution of mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import SourceKind
from workbench.errors import InputError
from workbench.extract import SOURCES_ENV, load_registry
from workbench.extract.coreference import MentionResolver


def test_shipped_registry_has_the_usual_sources() -> None:
    registry = load_registry()
    for name in (
        "Syrian Observatory for Human Rights",
        "SANA",
        "Reuters",
        "AFP",
        "Airwars",
        "ACLED",
        "Human Rights Watch",
        "Amnesty International",
        "United Nations",
    ):
        assert registry.get(name) is not None, name
    assert "party_to_conflict" in registry.get("SANA").roles  # type: ignore[union-attr]


def test_user_file_extends_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "sources:\n"
        "  - name: SANA\n    kind: media\n    aliases: [SANA]\n"
        "  - name: Kharkiv Desk\n    kind: monitor\n    aliases: [KhD]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(SOURCES_ENV, str(path))
    registry = load_registry()
    assert registry.get("SANA").kind is SourceKind.MEDIA  # type: ignore[union-attr]
    assert registry.get("Kharkiv Desk") is not None
    assert load_registry(tmp_path / "mine.yaml").get("Kharkiv Desk") is not None


def test_bad_user_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("sources:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_registry(path)
    assert "bad.yaml" in str(error.value)
    path.write_text("sources:\n  - name: X\n    kind: wizard\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_registry(path)


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        (
            "The Britain-based Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights",
        ),
        ("Syria's state news agency SANA", "SANA"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Russia's general staff of the armed forces", "Russian General Staff"),
        ("the Britain-based monitor", "Syrian Observatory for Human Rights"),
        ("Ukraine's air force", "Ukrainian Air Force"),
        ("Hamas spokesman Hazem Qassem", "Hazem Qassem"),
        ("a military source", "military source"),
        ("two security sources", "security sources"),
        ("the U.S. military", "Pentagon"),
    ],
)
def test_mentions(mention: str, name: str) -> None:
    resolved = MentionResolver(load_registry()).resolve(mention)
    assert resolved is not None
    assert resolved.name == name


def test_short_forms_and_pronouns_follow_the_report() -> None:
    resolver = MentionResolver(load_registry())
    first = resolver.resolve("Russia's Foreign Ministry")
    assert first is not None
    resolver.note(first)
    putin = resolver.resolve("Putin")
    assert putin is not None
    resolver.note(putin)
    assert resolver.resolve("the ministry") == first
    assert resolver.resolve("it") == first
    assert resolver.resolve("he") == putin


def test_unknown_named_speaker_gets_a_kind() -> None:
    registry = load_registry()
    resolver = MentionResolver(registry)
    resolved = resolver.resolve("Kharkiv regional governor Oleh Syniehubov")
    assert resolved is not None
    assert resolved.name == "Oleh Syniehubov"
    assert registry.sources_for([resolved.name])[0].kind is SourceKind.OFFICIAL
    anonymous = resolver.resolve("a senior Israeli official")
    assert anonymous is not None
    assert registry.sources_for([anonymous.name])[0].kind is SourceKind.ANONYMOUS


def test_state_bodies_named_from_their_country_get_one_spelling() -> None:
    registry = load_registry()
    resolver = MentionResolver(registry)
    first = resolver.resolve("Ukraine's energy ministry")
    second = resolver.resolve("the Ukrainian energy ministry")
    assert first is not None
    assert second is not None
    assert first.name == second.name == "Ukrainian Energy Ministry"
    assert registry.sources_for([first.name])[0].kind is SourceKind.GOVERNMENT


def test_portfolio_titles_are_not_part_of_the_name() -> None:
    resolved = MentionResolver(load_registry()).resolve("Energy Minister Herman Halushchenko")
    assert resolved is not None
    assert resolved.name == "Herman Halushchenko"


def test_and_inside_a_ministry_name_does_not_split_it() -> None:
    from workbench.extract.speakers import split_speakers

    assert split_speakers("the Foreign and Expatriates Ministry") == [
        "the Foreign and Expatriates Ministry"
    ]
    assert split_speakers("Hamas and Islamic Jihad") == ["Hamas", "Islamic Jihad"]


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("An Indian army spokesman", "Indian Army"),
        ("Armenia's Defense Ministry", "Armenian Defence Ministry"),
        ("The United States Navy's Fifth Fleet", "Fifth Fleet"),
        ("Iran's Revolutionary Guards", "Islamic Revolutionary Guard Corps"),
        ("Kigali", "Rwandan Government"),
    ],
)
def test_bodies_units_and_states(mention: str, name: str) -> None:
    resolved = MentionResolver(load_registry()).resolve(mention)
    assert resolved is not None
    assert resolved.name == name
