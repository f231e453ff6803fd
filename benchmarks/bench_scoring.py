#!/usr/bin/env python3
"""Benchmark ``scoring`` beside its peers (truthdiscovery 1.0.4, crowd-kit 1.4.2), same run.

Reproduce (peers in their own venv outside the repository, see
../shared/research/peer_bench.py for why the install is unusual):

    apt-get install -y libcairo2-dev pkg-config
    python3 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install crowd-kit==1.4.2 'scikit-learn<1.7' pycairo imageio bidict
    /tmp/peers-venv/bin/pip install --no-deps truthdiscovery==1.0.4
    . .venv/bin/activate
    python benchmarks/bench_scoring.py run --out /tmp/bench.jsonl      # ~20 min on 2 cores
    python benchmarks/bench_scoring.py table /tmp/bench.jsonl > benchmarks/results_scoring.md

What is measured
* Synthetic: ``generate()`` of peer_bench.py (imported, not copied), seed 0, at
  each size; the peers run through peer_bench.py's own ``one`` sub-command in
  the peers' venv (build = building the library's input, fit = the algorithm).
  Ours runs the whole command ``python -m scoring FILE.csv --method M -o O``
  in a child process on a CSV written beforehand, ``--repeat`` times (default 5)
  up to 1e6 and once at 1e7: "whole" is the median of the child's wall times
  (interpreter start, imports, CSV parsing, fitting, writing the source
  table), "fit" the median ``estimator.fit`` time as reported on stderr, peak
  RSS the largest child ``ru_maxrss`` from ``os.wait4``; every run's times and
  the 1-minute load average around them are kept in the JSON lines. One more
  run adds ``--truths-out`` and its truths give the accuracy (its times are
  kept as ``*_with_truths_s``).
* Real sets: ../shared/data/zheng2017 (``--data`` or SCORING_BENCH_DATA says
  where; read in place, never copied into the repository), every value as
  written; accuracy of the inferred truth on the gold questions, and MAE for the
  numeric f201_emotion set (the peers treat its numbers as labels). With
  ``--variants full,split,thin`` also seeded sparse versions of each set shaped
  like news, where most sources make 1-3 assertions (``sparse_variant``): the
  table then gives the best of ours, the best peer, auto and majority per set.
* rho = Spearman of per-source reliability vs the generator's true reliability
  (all active sources). BLAS/OpenMP threads are pinned to 1; runs are sequential.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PEER_BENCH = SHARED / "research" / "peer_bench.py"
# the real sets are read in place (``--data``, default ../shared/data), never copied
DATA = Path(os.environ.get("SCORING_BENCH_DATA", SHARED / "data"))
ZHENG = DATA / "zheng2017"
# Sparse versions of each real set (seeded), shaped like news: most sources make one
# to three assertions. "split": every worker's answers are dealt out to pseudo-sources
# of 1-3 answers each (all answers kept, objects as dense as before, sources sparse);
# "thin": each worker keeps only 1-3 of its answers (objects become sparse too).
VARIANTS = ("full", "split", "thin")
PEER_PYTHON = os.environ.get("PEER_PYTHON", "/tmp/peers-venv/bin/python")
REAL_SETS = ("d_product", "d_possent", "s4_dog", "s4_face", "f201_emotion")
OURS = (
    "majority",
    "wawa",
    "sums",
    "average_log",
    "investment",
    "pooled_investment",
    "truthfinder",
    "dawid_skene",
    "one_coin",
    "one_coin_ds",
    "glad",
    "mace",
    "crh",
    "auto",
)
PEERS = (
    "td.MajorityVoting",
    "td.Sums",
    "td.AverageLog",
    "td.Investment",
    "td.PooledInvestment",
    "td.TruthFinder",
    "td.CRH",
    "ck.MajorityVote",
    "ck.Wawa",
    "ck.ZeroBasedSkill",
    "ck.DawidSkene",
    "ck.OneCoinDawidSkene",
    "ck.GLAD",
    "ck.MACE",
    "ck.MMSR",
)
# From peer_results.md: these time out (120 s) or exhaust memory from this size on.
PEER_LIMIT = {
    "td.CRH": 1e4,
    "ck.GLAD": 1e4,
    "ck.MMSR": 1e4,
    "ck.MACE": 1e5,
    "ck.ZeroBasedSkill": 1e5,
}
ENV = dict(
    os.environ,
    OMP_NUM_THREADS="1",
    OPENBLAS_NUM_THREADS="1",
    MKL_NUM_THREADS="1",
    PYTHONWARNINGS="ignore",
)


def _generate(n: int, seed: int = 0) -> dict[str, Any]:
    sys.path.insert(0, str(PEER_BENCH.parent))
    from peer_bench import generate  # the peers' own generator, unchanged

    return generate(n, seed=seed)


def run_child(cmd: list[str], timeout: float) -> dict[str, Any]:
    """Run a command; wall time, exit status, stdout/stderr text and the child's peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, env=ENV, start_new_session=True, cwd=ROOT
        )
        status = "ok"
        deadline = t0 + timeout
        while True:
            pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, code, usage = os.wait4(proc.pid, 0)
                status = "timeout"
                break
            time.sleep(0.005)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(code)
        out.seek(0)
        err.seek(0)
        return {
            "status": status if proc.returncode == 0 or status != "ok" else "error",
            "wall_s": wall,
            "peak_rss_mb": usage.ru_maxrss / 1024.0,
            "stdout": out.read().decode(errors="replace"),
            "stderr": err.read().decode(errors="replace"),
        }


def _fit_seconds(stderr: str) -> float | None:
    for line in stderr.splitlines():
        if " fitted " in line and " s (" in line:
            return float(line.split(" in ")[-1].split(" s (")[0])
    return None


def _spearman(a: np.ndarray, b: np.ndarray) -> float | None:
    from scipy.stats import spearmanr

    if len(a) < 3 or np.std(a) == 0 or np.std(b) == 0:
        return None
    return float(spearmanr(a, b).correlation)


def ours(
    method: str, csv: Path, gold: pd.Series, timeout: float, repeat: int = 1
) -> dict[str, Any]:
    """Time the plain command (``-o`` only) ``repeat`` times (medians), then rerun with
    ``--truths-out`` to score it."""
    with tempfile.TemporaryDirectory() as tmp:
        src_out, truths_out = Path(tmp) / "sources.csv", Path(tmp) / "truths.csv"
        cmd = [sys.executable, "-m", "scoring", str(csv), "--method", method]
        loads = [os.getloadavg()[0]]
        runs = []
        for _ in range(repeat):
            runs.append(run_child([*cmd, "-o", str(src_out)], timeout))
            loads.append(os.getloadavg()[0])
        rec = run_child([*cmd, "--truths-out", str(truths_out), "-o", str(src_out)], timeout)
        rec["wall_with_truths_s"] = rec["wall_s"]
        rec["fit_with_truths_s"] = _fit_seconds(rec["stderr"])
        walls = [r["wall_s"] for r in runs]
        fits = [f for f in (_fit_seconds(r["stderr"]) for r in runs) if f is not None]
        rec["wall_s"] = float(np.median(walls))
        rec["fit_s"] = float(np.median(fits)) if fits else None
        rec["wall_runs_s"] = walls
        rec["fit_runs_s"] = fits
        rec["peak_rss_mb"] = max([rec["peak_rss_mb"], *(r["peak_rss_mb"] for r in runs)])
        rec["load_avg"] = float(np.median(loads))
        rec["load_avg_range"] = [min(loads), max(loads)]
        rec["chosen"] = next(
            (ln.split("-> ")[1].split(" ")[0] for ln in rec["stderr"].splitlines() if "->" in ln),
            method,
        )
        if rec["status"] != "ok":
            rec["error"] = rec["stderr"].strip().splitlines()[-1:] if rec["stderr"] else []
            return rec
        truths = pd.read_csv(truths_out, keep_default_na=False)
        rec["sources"] = pd.read_csv(src_out)
        pred = pd.Series(truths["value"].to_numpy(), index=truths["object"].astype(str))
        rec.update(_accuracy(pred, gold))
    return rec


def _accuracy(pred: pd.Series, gold: pd.Series) -> dict[str, Any]:
    gold = gold.copy()
    gold.index = gold.index.astype(str)
    common = gold.index.intersection(pred.index)
    p, g = pred.loc[common].to_numpy(), gold.loc[common].to_numpy()
    pn = pd.to_numeric(pd.Series(p), errors="coerce").to_numpy(float)
    gn = pd.to_numeric(pd.Series(g), errors="coerce").to_numpy(float)
    out: dict[str, Any] = {"n_gold": len(common)}
    if not np.isnan(pn).any() and not np.isnan(gn).any():
        out["accuracy"] = float(np.mean(pn == gn))
        out["mae"] = float(np.mean(np.abs(pn - gn)))
    else:
        out["accuracy"] = float(np.mean(p.astype(str) == g.astype(str)))
    return out


# ---------------------------------------------------------------------------
# the peers on the real sets (this part runs inside the peers' venv)
# ---------------------------------------------------------------------------


def load_zheng(name: str, variant: str = "full", seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """answer.csv (object, worker, answer) and truth.csv (object, truth), every value
    as written, optionally made sparse (``VARIANTS``)."""
    opts = {"dtype": str, "keep_default_na": False}
    ans = pd.read_csv(ZHENG / name / "answer.csv", **opts)
    tru = pd.read_csv(ZHENG / name / "truth.csv", **opts)
    frame = pd.DataFrame(
        {"source": ans.iloc[:, 1], "object": ans.iloc[:, 0], "value": ans.iloc[:, 2]}
    )
    gold = pd.Series(tru.iloc[:, 1].to_numpy(), index=tru.iloc[:, 0].to_numpy())
    return sparse_variant(frame, variant, seed), gold


def sparse_variant(frame: pd.DataFrame, variant: str, seed: int = 0) -> pd.DataFrame:
    """The frame itself ("full"), or a seeded sparse version of it (see VARIANTS)."""
    if variant == "full":
        return frame
    rng = np.random.default_rng(seed)
    shuffled = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    rank = shuffled.groupby("source").cumcount().to_numpy()
    codes, _ = pd.factorize(shuffled["source"])
    if variant == "thin":
        keep = rng.integers(1, 4, size=codes.max() + 1)[codes]
        return shuffled[rank < keep].reset_index(drop=True)
    if variant != "split":
        raise ValueError(f"unknown variant {variant!r}")
    # deal each worker's answers out in chunks of 1-3 (a loop over workers, not rows)
    chunk = np.empty(len(shuffled), dtype=np.int64)
    offset = 0
    for rows in shuffled.groupby("source", sort=False).indices.values():
        sizes = rng.integers(1, 4, size=len(rows))
        chunk[rows] = offset + np.repeat(np.arange(len(rows)), sizes)[: len(rows)]
        offset += len(rows)
    out = shuffled.copy()
    out["source"] = out["source"] + "#" + pd.Series(chunk).astype(str)
    return out


def peer_real(method: str, name: str, variant: str = "full") -> dict[str, Any]:
    sys.path.insert(0, str(PEER_BENCH.parent))
    import resource

    import peer_bench

    frame, gold = load_zheng(name, variant)
    s_codes, _ = pd.factorize(frame["source"])
    o_codes, o_names = pd.factorize(frame["object"])
    v_codes, v_names = pd.factorize(frame["value"])
    d = {"src": s_codes, "obj": o_codes, "val": v_codes}
    lib, alg = method.split(".", 1)
    runner = peer_bench.run_td if lib == "td" else peer_bench.run_ck
    pred, _, build_s, fit_s, _ = runner(alg, d)
    values = {o_names[k]: v_names[v] for k, v in pred.items()}
    pred_s = pd.Series(values)
    pred_s.index = pred_s.index.astype(str)
    rec = {"build_s": build_s, "fit_s": fit_s, **_accuracy(pred_s, gold)}
    rec["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return rec


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------


def _emit(fh: Any, rec: dict[str, Any]) -> None:
    rec = {k: v for k, v in rec.items() if k not in ("stdout", "stderr", "sources")}
    fh.write(json.dumps(rec, default=float) + "\n")
    fh.flush()
    print(json.dumps(rec, default=float), file=sys.stderr, flush=True)


def bench_synthetic(fh: Any, sizes: list[int], peer_sizes: set[int], args: Any) -> None:
    for n in sizes:
        d = _generate(n)
        with tempfile.TemporaryDirectory() as tmp:
            csv = Path(tmp) / "assertions.csv"
            pd.DataFrame({"source": d["src"], "object": d["obj"], "value": d["val"]}).to_csv(
                csv, index=False
            )
            gold = pd.Series(d["truth"], index=np.arange(d["n_obj"]))
            methods = args.ours if n <= 1e6 else args.big_methods.split(",")
            for m in methods:
                rec = ours(m, csv, gold, args.timeout, args.repeat if n <= 1e6 else 1)
                if rec["status"] == "ok":
                    src = rec["sources"]
                    est = src["reliability"].to_numpy(float)
                    rec["rho"] = _spearman(est, d["rel"][src["source"].to_numpy()])
                    counts = np.bincount(d["src"], minlength=d["n_sources"])
                    sel = counts[src["source"].to_numpy()] >= 10
                    rec["rho_ge10"] = _spearman(est[sel], d["rel"][src["source"].to_numpy()][sel])
                _emit(fh, {"set": "synthetic", "n": n, "lib": "ours", "method": m, **rec})
        if n not in peer_sizes:
            continue
        for m in args.peers:
            if n > PEER_LIMIT.get(m, 1e9):
                _emit(
                    fh,
                    {
                        "set": "synthetic",
                        "n": n,
                        "lib": "peer",
                        "method": m,
                        "status": "skipped (times out or OOM in peer_results.md)",
                    },
                )
                continue
            cmd = [PEER_PYTHON, str(PEER_BENCH), "one", m, str(n), "0"]
            rec = run_child(cmd, args.timeout)
            if rec["status"] == "ok":
                rec.update(json.loads(rec["stdout"].strip().splitlines()[-1]))
                rec["status"] = "ok"
            _emit(
                fh,
                {
                    "set": "synthetic",
                    "n": n,
                    "lib": "peer",
                    "method": m,
                    **{k: v for k, v in rec.items() if k not in ("n", "method")},
                },
            )


def bench_real(fh: Any, args: Any) -> None:
    for variant in args.variants:
        for name in REAL_SETS:
            frame, gold = load_zheng(name, variant)
            label = name if variant == "full" else f"{name}/{variant}"
            with tempfile.TemporaryDirectory() as tmp:
                csv = Path(tmp) / "assertions.csv"
                frame.to_csv(csv, index=False)
                for m in args.ours:
                    rec = ours(m, csv, gold, args.timeout)
                    _emit(fh, {"set": label, "n": len(frame), "lib": "ours", "method": m, **rec})
            for m in args.peers:
                cmd = [sys.executable, __file__, "peer-real", m, name, "--variant", variant]
                cmd += ["--data", str(ZHENG.parent)]
                rec = run_child([PEER_PYTHON, *cmd[1:]], args.timeout)
                if rec["status"] == "ok":
                    rec.update(json.loads(rec["stdout"].strip().splitlines()[-1]))
                else:
                    rec["error"] = rec["stderr"].strip().splitlines()[-1:]
                _emit(fh, {"set": label, "n": len(frame), "lib": "peer", "method": m, **rec})


def cmd_run(args: Any) -> None:
    args.ours = [m for m in args.ours.split(",") if m]
    args.peers = [m for m in args.peers.split(",") if m]
    args.variants = [v for v in args.variants.split(",") if v]
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    peer_sizes = {int(float(s)) for s in args.peer_sizes.split(",") if s}
    with open(args.out, "a") as fh:
        if args.real:
            bench_real(fh, args)
        bench_synthetic(fh, sizes, peer_sizes, args)


def _f(x: Any, p: int = 3) -> str:
    return "-" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.{p}f}"


def _right(r: dict[str, Any]) -> int:
    """Objects whose truth was found (accuracy x objects scored)."""
    n = r.get("n_gold") if r["lib"] == "ours" else r.get("n_objects_asserted")
    return round(r.get("accuracy", 0.0) * (n or 0))


def cmd_table(args: Any) -> None:
    with open(args.jsonl) as fh:
        recs = [json.loads(line) for line in fh]
    print("## Real data sets (zheng2017): accuracy on the gold questions\n")
    print("MAE for f201_emotion (numeric); the peers treat its numbers as labels.\n")
    real = [r for r in recs if r["set"] != "synthetic"]
    labels = [n if v == "full" else f"{n}/{v}" for v in VARIANTS for n in REAL_SETS]
    sets = [s for s in labels if any(r["set"] == s for r in real)]
    methods = [("ours", m) for m in OURS] + [("peer", m) for m in PEERS]
    print("| method | " + " | ".join(sets) + " |")
    print("|---|" + "---|" * len(sets))
    for lib, m in methods:
        cells = []
        for s in sets:
            r = next((r for r in real if r["set"] == s and r["method"] == m), None)
            if r is None or r.get("status") != "ok":
                cells.append("-" if r is None else r.get("status", "-"))
            elif s.startswith("f201_emotion"):
                cells.append(f"MAE {_f(r.get('mae'), 2)}")
            else:
                cells.append(_f(r.get("accuracy")))
        label = m
        chosen = {r.get("chosen") for r in real if r["method"] == m and lib == "ours"}
        if m == "auto":
            label += " (" + ", ".join(sorted(c for c in chosen if c)) + ")"
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("\nBest of ours vs best peer, and auto vs majority (same run):\n")
    print("| set | best of ours | best peer | auto | majority |")
    print("|---|---|---|---|---|")
    for s in sets:
        cells = []
        numeric = s.startswith("f201_emotion")
        for lib in ("ours", "peer"):
            ok = [r for r in real if r["set"] == s and r["lib"] == lib and r.get("status") == "ok"]
            if not ok:
                cells.append("-")
            elif numeric:
                best = min(ok, key=lambda r: r.get("mae", np.inf))
                cells.append(f"MAE {best['mae']:.2f} ({best['method']})")
            else:
                best = max(ok, key=lambda r: r.get("accuracy", -1))
                cells.append(f"{best['accuracy']:.4f} ({best['method']})")
        for m in ("auto", "majority"):
            r = next(
                (r for r in real if r["set"] == s and r["lib"] == "ours" and r["method"] == m), None
            )
            if r is None or r.get("status") != "ok":
                cells.append("-")
            elif numeric:
                cells.append(
                    f"MAE {r['mae']:.2f}" + (f" ({r.get('chosen')})" if m == "auto" else "")
                )
            else:
                cells.append(
                    f"{r['accuracy']:.4f}" + (f" ({r.get('chosen')})" if m == "auto" else "")
                )
        print(f"| {s} | " + " | ".join(cells) + " |")
    syn = [r for r in recs if r["set"] == "synthetic"]
    sizes = sorted({r["n"] for r in syn if r["lib"] == "ours"})
    print("\n## How time grows (ours, synthetic): fit s / whole command s / peak RSS MB\n")
    print("| method | " + " | ".join(f"{n:.0e}" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for m in OURS:
        cells = []
        for n in sizes:
            r = next(
                (r for r in syn if r["lib"] == "ours" and r["method"] == m and r["n"] == n), None
            )
            if r is None or r.get("status") != "ok":
                cells.append("-" if r is None else str(r.get("status")))
            else:
                cells.append(
                    f"{_f(r.get('fit_s'), 2)} / {_f(r.get('wall_s'), 2)} / "
                    f"{_f(r.get('peak_rss_mb'), 0)}"
                )
        print(f"| {m} | " + " | ".join(cells) + " |")
    loads = [r["load_avg"] for r in syn if r.get("load_avg") is not None]
    loads += [x for r in syn for x in r.get("load_avg_range", [])]
    if loads:
        print(
            f"\n1-minute load average during our runs: {min(loads):.1f} to {max(loads):.1f} "
            "on 2 cores (shared machine)."
        )
    print("\nBest of ours vs best peer, synthetic (objects right, of those asserted):\n")
    print("| n | ours | peers |")
    print("|---|---|---|")
    for n in sizes:
        cells = []
        for lib in ("ours", "peer"):
            ok = [r for r in syn if r["n"] == n and r["lib"] == lib and r.get("status") == "ok"]
            if not ok:
                cells.append("-")
                continue
            best = max(ok, key=lambda r: _right(r))
            cells.append(f"{_right(best)} ({best['method']}, {best['accuracy']:.4f})")
        print(f"| {n:.0e} | {cells[0]} | {cells[1]} |")
    print("\n## Synthetic (peer_bench.generate, seed 0)\n")
    print(
        "| lib | method | n | accuracy | rho(all) | rho(src>=10) | fit s | whole s | "
        "peak RSS MB | status |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in sorted(syn, key=lambda r: (r["n"], r["lib"] != "ours", r["method"])):
        if r["lib"] == "ours":
            fit, whole = r.get("fit_s"), r.get("wall_s")
            rho, rho10 = r.get("rho"), r.get("rho_ge10")
        else:
            fit = r.get("fit_s")
            whole = (r.get("build_s") or 0) + (r.get("fit_s") or 0) if r.get("fit_s") else None
            rho, rho10 = r.get("rho_all"), r.get("rho_ge10")
        name = r["method"] + (f" ({r['chosen']})" if r["method"] == "auto" else "")
        print(
            f"| {r['lib']} | {name} | {r['n']:.0e} | {_f(r.get('accuracy'))} | "
            f"{_f(rho, 3)} | {_f(rho10, 3)} | {_f(fit, 2)} | {_f(whole, 2)} | "
            f"{_f(r.get('peak_rss_mb'), 0)} | {r.get('status')} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--sizes", default="1e4,1e5,1e6,1e7")
    r.add_argument("--peer-sizes", default="1e4,1e5,1e6")
    r.add_argument("--big-methods", default=",".join(OURS), help="methods run at > 1e6")
    r.add_argument("--no-real", dest="real", action="store_false")
    r.add_argument(
        "--variants", default="full,split,thin", help="real-set variants (full, split, thin)"
    )
    r.add_argument("--ours", default=",".join(OURS), help="our methods to run")
    r.add_argument("--peers", default=",".join(PEERS), help="peer methods to run ('' = none)")
    r.add_argument("--timeout", type=float, default=120)
    r.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="timed runs of ours per synthetic cell <= 1e6 (median)",
    )
    r.add_argument("--out", default="bench_scoring.jsonl")
    p = sub.add_parser("peer-real")
    p.add_argument("method")
    p.add_argument("name")
    p.add_argument("--variant", default="full", choices=VARIANTS)
    t = sub.add_parser("table")
    t.add_argument("jsonl")
    for sp in (r, p):
        sp.add_argument("--data", default=str(DATA), help="folder holding zheng2017/")
    args = ap.parse_args()
    if getattr(args, "data", None):
        global ZHENG
        ZHENG = Path(args.data) / "zheng2017"
    if args.cmd == "run":
        cmd_run(args)
    elif args.cmd == "peer-real":
        print(json.dumps(peer_real(args.method, args.name, args.variant), default=float))
    else:
        cmd_table(args)


if __name__ == "__main__":
    main()
