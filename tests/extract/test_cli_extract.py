"""`workbench extract` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main

SEED = (
    Path(__file__).resolve().parents[2]
    / "corpora"
    / "palmyra-2016"
    / "observatory-sana-palmyra.txt"
)


def test_jsonl_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 18
    first = json.loads(lines[0])
    for key in ("text", "sentence", "span", "sources", "cue", "modality", "quantities", "caveats"):
        assert key in first
    assert first["sources"] == ["Syrian Observatory for Human Rights"]
    assert first["quantities"][0]["value"] == 26
    assert first["caveats"][0]["kind"] == "unverified"


def test_table_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sources\tcue")
    assert "SANA\tsaid\tasserted" in out


def test_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_user_sources_file_extends_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "The Kharkiv Monitoring Desk said 12 civilians were killed on Monday.\n", encoding="utf-8"
    )
    registry = tmp_path / "sources.yaml"
    registry.write_text(
        "sources:\n  - name: KMD\n    kind: monitor\n    roles: [monitor_ngo]\n"
        "    aliases: [Kharkiv Monitoring Desk]\n",
        encoding="utf-8",
    )
    assert main(["extract", str(report), "--sources", str(registry)]) == 0
    claim = json.loads(capsys.readouterr().out.splitlines()[0])
    assert claim["sources"] == ["KMD"]


def test_bad_sources_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = tmp_path / "sources.yaml"
    registry.write_text("sources:\n  - kind: monitor\n", encoding="utf-8")
    assert main(["extract", str(SEED), "--sources", str(registry)]) == 2
    assert "sources.yaml" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Ten people died in the raid, SANA said.\n"))
    assert main(["extract", "-"]) == 0
    claim = json.loads(capsys.readouterr().out.splitlines()[0])
    assert claim["sources"] == ["SANA"]
