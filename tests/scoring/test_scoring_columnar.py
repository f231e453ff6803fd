"""Parquet in and out, CSV read in blocks: same results and same kind of errors as CSV."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from data_scale import crowd
from scoring_command import run

from scoring import columnar
from scoring.io import InputFileError, read_assertions


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("columnar")
    frame, gold = crowd(3000, 300, 25, seed=3)
    frame.to_csv(tmp / "a.csv", index=False)
    frame.to_parquet(tmp / "a.parquet", index=False)
    folder = tmp / "dataset"
    folder.mkdir()
    for i, part in enumerate(np.array_split(np.arange(len(frame)), 3)):
        frame.iloc[part].to_parquet(folder / f"part-{i}.parquet", index=False)
    pd.DataFrame({"object": gold.index, "value": gold.to_numpy()}).to_parquet(
        tmp / "gold.parquet", index=False
    )
    return {
        "csv": tmp / "a.csv",
        "parquet": tmp / "a.parquet",
        "folder": folder,
        "gold": tmp / "gold.parquet",
        "dir": tmp,
    }


@pytest.mark.parametrize("kind", ["parquet", "folder"])
def test_parquet_input_scores_as_the_csv(data: dict[str, Path], kind: str) -> None:
    from_csv = run(str(data["csv"]), "--method", "dawid_skene")
    from_parquet = run(str(data[kind]), "--method", "dawid_skene", "--truth", str(data["gold"]))
    assert from_csv.returncode == 0, from_csv.stderr
    assert from_parquet.returncode == 0, from_parquet.stderr
    assert from_parquet.stdout == from_csv.stdout
    assert "accuracy" in from_parquet.stderr


def test_parquet_outputs_hold_the_same_tables(data: dict[str, Path]) -> None:
    out, truths = data["dir"] / "s.parquet", data["dir"] / "t.parquet"
    done = run(
        str(data["parquet"]), "--method", "majority", "-o", str(out), "--truths-out", str(truths)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    text = run(str(data["parquet"]), "--method", "majority").stdout
    expected = pd.read_csv(StringIO(text))
    got = pd.read_parquet(out)
    assert list(got.columns) == list(expected.columns)
    assert got["source"].tolist() == expected["source"].tolist()
    np.testing.assert_allclose(got["reliability"], expected["reliability"], atol=1e-6)
    table = pd.read_parquet(truths)
    assert len(table) == 300
    assert set(table["value"]) <= {"yes", "no", "unclear"}


def _write(path: Path, table: pa.Table) -> str:
    pq.write_table(table, path)
    return str(path)


def test_parquet_errors_name_the_file_and_exit_2(data: dict[str, Path]) -> None:
    tmp = data["dir"]
    cases = {
        _write(
            tmp / "nocol.parquet", pa.table({"source": ["a"], "object": ["x"]})
        ): "missing column(s) value",
        _write(
            tmp / "list.parquet", pa.table({"source": ["a"], "object": ["x"], "value": [[1]]})
        ): "column value has type list",
        _write(
            tmp / "null.parquet",
            pa.table({"source": ["a", None], "object": ["x", "y"], "value": ["1", "2"]}),
        ): "row 2: empty source",
        _write(
            tmp / "w.parquet",
            pa.table({"source": ["a"], "object": ["x"], "value": ["1"], "weight": ["heavy"]}),
        ): "column weight has type string; it must be numbers",
    }
    (tmp / "junk.parquet").write_bytes(b"not parquet at all")
    cases[str(tmp / "junk.parquet")] = "not a readable Parquet file"
    cases[str(tmp / "absent.parquet")] = "no such file"
    for path, message in cases.items():
        done = run(path, "--method", "majority", "-o", str(tmp / "never.csv"))
        assert done.returncode == 2, (path, done.stderr)
        line = done.stderr.strip().splitlines()[-1]
        assert line.startswith(f"scoring: error: {path}: "), line
        assert message in line, line
        assert not (tmp / "never.csv").exists()


BLOCKY = (
    "source,object,value,weight\n"
    + "".join(f"s{i % 7},q{i % 50},{i % 3},1\n" for i in range(300))
    + 's1,q1,"two\nlines, quoted ""x""",0.5\n'
    + "".join(f"s{i % 7},q{i % 50},{i % 3},1\n" for i in range(300))
    + "s2,q3,007,1\n"  # text here, integers in the earlier blocks
    + "".join(f"s{i % 7},q{i % 50},{i % 4},1\n" for i in range(300))
)


def test_csv_in_blocks_equals_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.csv"
    path.write_text(BLOCKY)
    whole = read_assertions(str(path))
    monkeypatch.setattr(columnar, "CHUNK_BYTES", 512)
    blocks = read_assertions(str(path))
    pd.testing.assert_frame_equal(blocks, whole)
    assert "007" in set(blocks["value"])
    assert 'two\nlines, quoted "x"' in set(blocks["value"])
    assert "scoring: reading" in capsys.readouterr().err


def test_csv_in_blocks_names_the_file_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # no quoted line ends here: pandas numbers records, not physical lines, past them
    lines = [
        ln for ln in BLOCKY.splitlines(keepends=True) if "two" not in ln and "quoted" not in ln
    ]
    bad_line = 500
    lines[bad_line - 1] = "s1,q1,1,1,extra,fields\n"
    path = tmp_path / "bad.csv"
    path.write_text("".join(lines))
    with pytest.raises(InputFileError) as whole:
        read_assertions(str(path))
    monkeypatch.setattr(columnar, "CHUNK_BYTES", 512)
    with pytest.raises(InputFileError) as blocks:
        read_assertions(str(path))
    assert blocks.value.line == whole.value.line
    assert str(blocks.value) == str(whole.value)
    lines[bad_line - 1] = "s1,,1,1\n"
    path.write_text("".join(lines))
    with pytest.raises(InputFileError, match="empty object") as empty:
        read_assertions(str(path))
    assert empty.value.line == bad_line


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def fail(tmp: str) -> None:
        Path(tmp).write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        columnar._atomic(str(target), fail)
    assert list(tmp_path.iterdir()) == []
    columnar.write_text_atomic("whole\n", str(target))
    assert target.read_text() == "whole\n"
    assert len(list(tmp_path.iterdir())) == 1


def test_workbench_score_reads_and_writes_parquet(
    data: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main as workbench_main

    out = data["dir"] / "wb.parquet"
    code = workbench_main(["score", str(data["folder"]), "--method", "one_coin", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    direct = run(str(data["csv"]), "--method", "one_coin")
    expected = pd.read_csv(StringIO(direct.stdout))
    got = pd.read_parquet(out)
    assert got["source"].tolist() == expected["source"].tolist()
    np.testing.assert_allclose(got["reliability"], expected["reliability"], atol=1e-6)
    bad = data["dir"] / "nocol.parquet"
    assert workbench_main(["score", str(bad), "--method", "majority"]) == 2
    assert f"{bad}: missing column(s) value" in capsys.readouterr().err
    args = ["score", str(data["folder"]), "--engine", "dask", "--method", "crh", "--known", "x.csv"]
    assert workbench_main(args) == 2
    assert "--engine dask takes no --known" in capsys.readouterr().err
