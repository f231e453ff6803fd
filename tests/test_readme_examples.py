"""Every code example in the README runs as written, so the guide cannot drift from the code.

Each fenced block says what it is by its tag, and is checked by it:

- ``sh`` runs in bash (``-e``: every command must succeed) and ``python`` is exec'd, in README
  order, in one temporary folder holding a link to ``corpora/`` and with a temporary database
  (``WORKBENCH_DB``), so later examples read the files earlier ones wrote;
- ``md`` is a report file and ingests; ``yaml`` is a sources file the registry loads; ``toml``
  is a keys file whose every binding id is known;
- ``text`` is a synopsis or a drawing: every ``workbench ...`` / ``python -m scoring`` line in it
  names a real command, and every ``--option`` it shows is in that command's ``--help``;
- the first block (untagged) holds the two set-up commands. They install into a new virtual
  environment and open an interactive UI, so they are not run here: CI (``.ci/run``) runs the
  second line verbatim in a fresh virtual environment, the project's README check runs both in a
  fresh clone, and ``tests/tui/test_session.py`` opens ``workbench review`` on the bundled
  corpus as the first command does. This test pins their shape.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from workbench.extract import load_registry
from workbench.ingest import expand_paths, read_report_file
from workbench.tui.keymap import load_overrides

README = ROOT / "README.md"
TEST_COMMAND = "pip install -U pip && pip install -e . --group test && pytest"
_FENCE = re.compile(r"^```(?P<tag>\S*)\n(?P<body>.*?)^```\n", re.MULTILINE | re.DOTALL)
_COMMAND = re.compile(r"^(?:workbench|python -m scoring) [^\n]*", re.MULTILINE)
_SUBCOMMAND = re.compile(r"[a-z][a-z-]*")
_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


@dataclass(frozen=True)
class Block:
    tag: str
    body: str
    line: int


def _blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [
        Block(match["tag"], match["body"], text[: match.start()].count("\n") + 1)
        for match in _FENCE.finditer(text)
    ]


BLOCKS = _blocks()


def _tagged(*tags: str) -> list[Block]:
    return [block for block in BLOCKS[1:] if block.tag in tags]


def test_the_first_block_is_the_two_setup_commands() -> None:
    first = BLOCKS[0]
    lines = [line for line in first.body.splitlines() if line.strip()]
    assert first.tag == ""
    assert len(lines) == 2
    install, tests = lines
    assert "-m venv .venv" in install
    assert "pip install -e ." in install
    assert install.endswith("workbench review")
    assert tests == TEST_COMMAND  # what .ci/run runs


def test_every_other_block_says_what_it_is() -> None:
    known = {"sh", "python", "md", "yaml", "toml", "text"}
    untagged = [(block.line, block.tag) for block in BLOCKS[1:] if block.tag not in known]
    assert untagged == []


def test_the_user_guide_fits_the_first_150_lines() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    first_reference = next(i for i, line in enumerate(lines) if line == "## Figures")
    assert first_reference <= 150
    assert len(README.read_bytes()) < 30 * 1024


def test_no_reference_to_files_outside_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    assert "../" not in text
    assert "DESIGN.md" not in text
    for link in re.findall(r"\]\(([^)#]+)", text):
        if not link.startswith("http"):
            assert (ROOT / link).exists(), link


def test_shell_and_python_examples_run_in_order(tmp_path: Path) -> None:
    runnable = _tagged("sh", "python")
    assert runnable, "the README shows how to use the command line and the library"
    (tmp_path / "corpora").symlink_to(ROOT / "corpora", target_is_directory=True)
    env = dict(os.environ)
    env["WORKBENCH_DB"] = str(tmp_path / "readme.db")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for block in runnable:
        where = f"README.md line {block.line}"
        if block.tag == "sh":
            done = subprocess.run(
                ["bash", "-e", "-c", block.body],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            assert done.returncode == 0, f"{where}: {done.stderr}"
        else:
            _exec_in(tmp_path, block.body, where)
    # what the first session promises: the own id kept, the extra field warned about
    exported = (tmp_path / "verdicts.csv").read_text(encoding="utf-8")
    assert "wire-0412" in exported


def _exec_in(folder: Path, source: str, where: str) -> None:
    before = Path.cwd()
    os.chdir(folder)
    try:
        exec(compile(source, where, "exec"), {"__name__": "readme_example"})
    finally:
        os.chdir(before)


@pytest.mark.parametrize("block", _tagged("md"), ids=lambda b: f"line{b.line}")
def test_report_examples_ingest(block: Block, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(block.body, encoding="utf-8")
    warnings: list[str] = []
    [report] = read_report_file(path, strict=True, warn=warnings.append)
    assert report.outlet
    assert report.published is not None
    assert warnings == []


@pytest.mark.parametrize("block", _tagged("yaml"), ids=lambda b: f"line{b.line}")
def test_sources_file_examples_load(block: Block, tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(block.body, encoding="utf-8")
    names = re.findall(r"^\s*- name: (.+)$", block.body, re.MULTILINE)
    registry = load_registry(path)
    for name in names:
        assert registry.get(name.strip()) is not None, name


@pytest.mark.parametrize("block", _tagged("toml"), ids=lambda b: f"line{b.line}")
def test_keys_file_examples_name_real_bindings(block: Block, tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(block.body, encoding="utf-8")
    given = re.findall(r'^"([^"]+)"\s*=', block.body, re.MULTILINE)
    assert given
    assert sorted(load_overrides(path)) == sorted(given)


def _synopsis_lines() -> list[tuple[int, str]]:
    found = []
    for block in _tagged("text"):
        for match in _COMMAND.finditer(block.body):
            line = block.line + block.body[: match.start()].count("\n") + 1
            found.append((line, match.group()))
    return found


@pytest.mark.parametrize(("line", "synopsis"), _synopsis_lines(), ids=lambda v: str(v)[:40])
def test_synopses_name_real_commands_and_options(line: int, synopsis: str) -> None:
    if synopsis.startswith("python -m scoring"):
        program, words = [sys.executable, "-m", "scoring"], synopsis.split()[3:]
    else:
        program, words = [sys.executable, "-m", "workbench"], synopsis.split()[1:]
    path = []
    for word in words:  # the subcommand path: leading lowercase words
        if not _SUBCOMMAND.fullmatch(word):
            break
        path.append(word)
    done = subprocess.run(
        [*program, *path, "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"README.md line {line}: {' '.join(path)}: {done.stderr}"
    offered = set(_OPTION.findall(done.stdout))
    for option in _OPTION.findall(synopsis):
        assert option in offered, f"README.md line {line}: {option} not in --help"


def test_the_sample_tables_are_not_ingested_as_reports() -> None:
    # `workbench review` ingests every report under corpora/; the samples are no news
    samples = ROOT / "corpora" / "samples"
    assert (samples / "assertions.csv").is_file()
    assert not [p for p in expand_paths([ROOT / "corpora"]) if samples in p.parents]
