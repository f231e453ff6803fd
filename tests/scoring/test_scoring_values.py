"""Values exactly as written, the value type per object, and the numeric tolerance."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import scoring
from scoring.cli import main, score_file
from scoring.io import parse_text_csv

# Every token pandas would turn into a boolean, a missing value or a float, as an
# answer: each object has a clear majority, so every method must return it as written.
TOKENS = ["true", "false", "True", "False", "NA", "null", "None", "nan", "NaN", "n/a", "1"]


def token_files(tmp_path: Path) -> tuple[Path, Path]:
    rows = ["source,object,value"]
    gold = ["object,value"]
    for i, token in enumerate(TOKENS):
        other = "x" if token != "x" else "y"
        rows += [f"a,q{i},{token}", f"b,q{i},{token}", f"c,q{i},{other}"]
        gold.append(f"q{i},{token}")
    (tmp_path / "a.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "gold.csv").write_text("\n".join(gold) + "\n")
    return tmp_path / "a.csv", tmp_path / "gold.csv"


@pytest.mark.parametrize("method", ["majority", "one_coin", "dawid_skene", "auto"])
def test_truths_come_back_as_written_and_join_the_input(tmp_path: Path, method: str) -> None:
    assertions, gold = token_files(tmp_path)
    report = score_file(
        str(assertions), method=method, truth=str(gold), with_truths=True, log=io.StringIO()
    )
    assert report.accuracy == 1.0
    assert report.truths_text is not None
    truths = pd.read_csv(io.StringIO(report.truths_text), dtype=str, keep_default_na=False)
    assert truths["value"].tolist() == TOKENS
    given = pd.read_csv(assertions, dtype=str, keep_default_na=False)
    joined = given.merge(truths, on=["object", "value"])  # the join the issue reported broken
    assert set(joined["object"]) == set(truths["object"])


def test_one_and_one_point_zero_are_one_label_spelt_as_most_sources_did(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("source,object,value\na,q,1\nb,q,1.0\nc,q,1\nd,q,0\ne,r,1.0\nf,r,1.0\ng,r,1\n")
    report = score_file(str(path), method="majority", with_truths=True, log=io.StringIO())
    assert report.truths_text is not None
    truths = pd.read_csv(io.StringIO(report.truths_text), dtype=str, keep_default_na=False)
    assert truths.set_index("object")["value"].to_dict() == {"q": "1", "r": "1.0"}
    assert truths.set_index("object")["support"].to_dict() == {"q": "3", "r": "3"}


def test_ids_and_values_keep_their_spelling() -> None:
    data = b"source,object,value\n007,+5,1.0\nNA,None,true\n"
    frame = parse_text_csv(data)
    assert frame.to_dict("list") == {
        "source": ["007", "NA"],
        "object": ["+5", "None"],
        "value": ["1.0", "true"],
    }
    # integers that cannot have been respelled stay integers (the fast path) and print back
    plain = parse_text_csv(b"source,object,value\n1,2,3\n10,20,30\n")
    assert plain["value"].dtype.kind == "i"
    assert plain.to_csv(index=False) == "source,object,value\n1,2,3\n10,20,30\n"


def test_a_numeric_truth_is_spelt_as_the_source_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("source,object,value\na,toll,26\nb,toll,27.0\nc,toll,260\nd,toll,27.0\n")
    report = score_file(str(path), method="crh", with_truths=True, log=io.StringIO())
    assert report.truths_text is not None
    assert "toll,27.0," in report.truths_text


def test_tolls_beside_yes_no_questions_stay_quantities() -> None:
    rows = [
        ("a", "toll", "26"),
        ("b", "toll", "27"),
        ("c", "toll", "30"),
        ("d", "toll", "29"),
        ("a", "strike", "yes"),
        ("b", "strike", "yes"),
        ("c", "strike", "no"),
        ("d", "strike", "yes"),
    ]
    frame = pd.DataFrame(rows, columns=["source", "object", "value"])
    est = scoring.Auto(check=False).fit(frame)
    assert est.value_type_ == "mixed"
    assert est.method_ == "crh"
    truths = est.truths_["value"]
    assert truths["toll"] in {"27", "29"}  # a weighted median, a figure someone gave
    assert truths["strike"] == "yes"


def test_small_integer_codes_on_every_object_are_labels() -> None:
    rows = [(s, f"q{i}", str((i + (s == "c")) % 4)) for i in range(6) for s in "abc"]
    est = scoring.Auto().fit(pd.DataFrame(rows, columns=["source", "object", "value"]))
    assert est.value_type_ == "categorical"


def test_tolerance_decides_when_figures_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.csv"
    path.write_text("source,object,value\na,toll,26\nb,toll,27\nc,toll,30\n")
    out = tmp_path / "t.csv"
    assert main([str(path), "--method", "crh", "--truths-out", str(out), "--tolerance", "0.2"]) == 0
    wide = pd.read_csv(out, dtype=str).iloc[0]
    assert main([str(path), "--method", "crh", "--truths-out", str(out)]) == 0
    narrow = pd.read_csv(out, dtype=str).iloc[0]
    assert float(wide["confidence"]) == 1.0  # 26, 27 and 30 all within 20 %
    assert float(narrow["confidence"]) < 1.0  # 30 is more than 5 % from 27
    assert main([str(path), "--tolerance", "-1"]) == 2
    assert "--tolerance must be a number >= 0" in capsys.readouterr().err


def test_workbench_score_takes_tolerance(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    path = tmp_path / "a.csv"
    path.write_text("source,object,value\na,toll,26\nb,toll,27\nc,toll,30\n")
    result = run_cli(
        "score", str(path), "--tolerance", "0.2", "--truths-out", str(tmp_path / "t.csv")
    )
    assert result.code == 0, result.stderr
    assert pd.read_csv(tmp_path / "t.csv")["confidence"].iloc[0] == 1.0
