"""``python -m scoring`` and ``workbench score``: results on stdout, messages on stderr, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scoring_command import run

from workbench.cli import main as workbench_main

ASSERTIONS = (
    "source,object,value\n"
    "a,capital_fr,Paris\nb,capital_fr,Paris\nc,capital_fr,Lyon\nd,capital_fr,Paris\n"
    "a,capital_de,Berlin\nb,capital_de,Berlin\nc,capital_de,Berlin\nd,capital_de,Bonn\n"
    "a,capital_it,Rome\nb,capital_it,Rome\nc,capital_it,Milan\nd,capital_it,Rome\n"
)
GOLD = "object,value\ncapital_fr,Paris\ncapital_de,Berlin\ncapital_it,Milan\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "a.csv").write_text(ASSERTIONS)
    (tmp_path / "gold.csv").write_text(GOLD)
    return {"assertions": tmp_path / "a.csv", "gold": tmp_path / "gold.csv", "dir": tmp_path}


def test_csv_output_is_the_source_table_best_first(files: dict[str, Path]) -> None:
    out = run(str(files["assertions"]), "--method", "majority")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "source,reliability,ci_low,ci_high,n,grade,trust,method,assessment"
    assert [ln.split(",")[0] for ln in lines[1:]] == ["a", "b", "d", "c"]
    assert all(ln.split(",")[7] == "majority" for ln in lines[1:])
    assert "scoring: majority fitted 4 sources, 3 objects" in out.stderr


def test_output_file_matches_stdout_byte_for_byte(files: dict[str, Path]) -> None:
    target = files["dir"] / "out.json"
    to_file = run(str(files["assertions"]), "--format", "json", "-o", str(target))
    to_stdout = run(str(files["assertions"]), "--format", "json")
    assert to_file.stdout == ""
    assert target.read_text() == to_stdout.stdout
    records = json.loads(to_stdout.stdout)
    assert {r["source"] for r in records} == {"a", "b", "c", "d"}
    assert all(r["ci_low"] <= r["reliability"] <= r["ci_high"] for r in records)


def test_jsonl_and_stdin(files: dict[str, Path]) -> None:
    out = run("-", "--format", "jsonl", "--method", "one_coin", stdin=ASSERTIONS)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[0]["method"] == "one_coin"


def test_truth_prints_accuracy_on_stderr_and_truths_out_writes_truths(
    files: dict[str, Path],
) -> None:
    truths = files["dir"] / "truths.csv"
    out = run(
        str(files["assertions"]),
        "--method",
        "majority",
        "--truth",
        str(files["gold"]),
        "--truths-out",
        str(truths),
    )
    assert out.returncode == 0, out.stderr
    assert "accuracy 0.6667 on 3 gold objects" in out.stderr
    assert "accuracy" not in out.stdout
    text = truths.read_text().splitlines()
    assert text[0] == "object,value,confidence,support,known"
    assert "capital_it,Rome,0.75,3,False" in text


def test_known_truths_fix_objects(files: dict[str, Path]) -> None:
    truths = files["dir"] / "truths.csv"
    out = run(
        str(files["assertions"]),
        "--method",
        "majority",
        "--known",
        str(files["gold"]),
        "--truths-out",
        str(truths),
    )
    assert out.returncode == 0, out.stderr
    assert "capital_it,Milan,1,1,True" in truths.read_text()  # asserted by c alone


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("source,object,value\na,1,x\nb,,y\n", ":3: empty object"),
        ("source,object,value\na,1,x\nb,1,y,z\n", ":3: malformed CSV"),
        ("source,object\na,1\n", ":1: missing column(s) value"),
        ("source,object,value,weight\na,1,x,1\nb,1,y,-2\n", ":3: weight must be"),
        ("source,object,value,weight\na,1,x,heavy\n", ":2: weight must be"),
        ("", ":1: empty file"),
        ("source,object,value,weight\na,1,x,0\n", "nothing to score"),
    ],
)
def test_bad_files_get_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content)
    out = run(str(bad))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert lines[-1].startswith(f"scoring: error: {bad}")
    assert message in lines[-1]


def test_missing_file_and_bad_method_exit_2(files: dict[str, Path]) -> None:
    assert run("/no/such/file.csv").returncode == 2
    out = run(str(files["assertions"]), "--method", "magic")
    assert out.returncode == 2
    assert "invalid choice" in out.stderr


def test_beta_scores_verdicts_from_a_file(tmp_path: Path) -> None:
    verdicts = tmp_path / "v.csv"
    verdicts.write_text(
        "source,object,value,origin\n"
        "sohr,c1,corroborated,\nwire1,c2,refuted,sana\nwire2,c2,refuted,sana\n"
    )
    out = run(str(verdicts), "--method", "beta")
    assert out.returncode == 0, out.stderr
    rows = {ln.split(",")[0]: ln.split(",") for ln in out.stdout.splitlines()[1:]}
    assert rows["wire1"][4] == "0.5"  # two outlets echo one origin: half a claim each


def test_workbench_score_is_the_same_command(files: dict[str, Path], capsys) -> None:  # type: ignore[no-untyped-def]
    code = workbench_main(["score", str(files["assertions"]), "--method", "majority"])
    captured = capsys.readouterr()
    assert code == 0
    direct = run(str(files["assertions"]), "--method", "majority")
    assert captured.out == direct.stdout


def test_workbench_score_errors(files: dict[str, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert workbench_main(["score", "--method", "sums"]) == 2
    assert "needs an assertions file" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("source,object,value\na,1,x\nb,,y\n")
    assert workbench_main(["score", str(bad)]) == 2
    assert f"{bad}:3: empty object" in capsys.readouterr().err
    assert workbench_main(["score", str(files["assertions"]), "--method", "magic"]) == 2
