#!/usr/bin/env python3
"""Truth discovery over incident tolls with known truth: ``scoring.RangeCRH`` on a seeded generator.

    python benchmarks/bench_truth_figures.py [--seeds 5] [--incidents 400]
    python benchmarks/bench_truth_figures.py real ZHENG2017_DIR    # held-out numeric data
    python benchmarks/bench_truth_figures.py speed [--sizes 1e4,1e5,1e6]

Synthetic (``generate``): incidents with a true toll (log-normal, 1 to ~1,000); sources
with known error and bias, reporting a share of the incidents as an exact figure, a
range ("between 20 and 30") or a lower bound ("at least 40", always below the truth):

* a party to the conflict that inflates (x1.3 to x2.0), a monitor that undercounts
  (x0.6 to x0.9, often as "at least"), a wire agency that is right about two times in
  three and otherwise off by 20-60 %;
* twelve outlets with their own error (relative noise 2 % to 40 %); at copying 0.3,
  30 % of them repeat the agency's figure word for word instead of reporting their own
  (undeclared: no copy group is given, the estimator must find it).

A source's true reliability is its share of reports whose range lies within 10 % of the
true toll. Printed per copying level, mean over seeds: Spearman between estimated and
true reliability (bar >= 0.90), and the share of tolls estimated within 10 % of the
truth by the dependence-aware model and by the same model blind to copying (bar: >= 5
points better at 30 % copying, no worse without copying).

``real``: the numeric set of the zheng2017 crowd data (f201_emotion: answer.csv,
truth.csv), point values as degenerate ranges, MAE of RangeCRH beside CRH's losses and
the mean; compare with benchmarks/results_scoring.md's peers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scoring import CRH, RangeCRH  # noqa: E402

WITHIN = 0.10  # "within 10 % of the truth"
N_OUTLETS = 12


def _report(rng: np.random.Generator, value: float, truth: float, kind: str) -> tuple[float, float]:
    """One figure as a range: exact, a +-10 % range, or a lower bound at or below the truth."""
    value = max(round(value), 0)
    if kind == "range":
        return float(max(round(value * 0.9), 0)), float(round(value * 1.1))
    if kind == "at_least":
        return float(min(value, np.floor(truth))), np.inf
    return float(value), float(value)


def generate(
    seed: int, n_incidents: int = 400, copying: float = 0.3
) -> tuple[pd.DataFrame, pd.Series]:
    """(assertions with source, object, lower, upper; true toll per incident)."""
    rng = np.random.default_rng(seed)
    truth = np.maximum(np.round(rng.lognormal(np.log(25), 1.1, n_incidents)), 1.0)
    noise = np.linspace(0.02, 0.40, N_OUTLETS)
    rng.shuffle(noise)
    copiers = set(rng.choice(N_OUTLETS, size=round(copying * N_OUTLETS), replace=False).tolist())
    rows: list[tuple[str, str, float, float]] = []
    for i, t in enumerate(truth):
        obj = f"incident{i:04d}"
        agency = t if rng.random() < 0.65 else t * rng.choice([-1, 1]) * rng.uniform(0.2, 0.6) + t
        agency_report = _report(rng, agency, t, "exact")
        agency_speaks = rng.random() < 0.8
        if agency_speaks:
            rows.append(("agency", obj, *agency_report))
        if rng.random() < 0.6:
            kind = "at_least" if rng.random() < 0.3 else "exact"
            rows.append(("party", obj, *_report(rng, t * rng.uniform(1.3, 2.0), 10 * t, kind)))
        if rng.random() < 0.7:
            kind = "at_least" if rng.random() < 0.5 else "exact"
            rows.append(("monitor", obj, *_report(rng, t * rng.uniform(0.6, 0.9), t, kind)))
        for k in range(N_OUTLETS):
            if rng.random() > 0.5:
                continue
            name = f"outlet{k:02d}"
            if k in copiers and agency_speaks:
                rows.append((name, obj, *agency_report))
                continue
            kind = rng.choice(["exact", "exact", "range", "at_least"])
            value = t * (1 + rng.normal(0, noise[k]))
            rows.append((name, obj, *_report(rng, value, t, str(kind))))
    frame = pd.DataFrame(rows, columns=["source", "object", "lower", "upper"])
    gold = pd.Series(truth, index=[f"incident{i:04d}" for i in range(n_incidents)])
    return frame, gold


def true_reliability(frame: pd.DataFrame, gold: pd.Series) -> pd.Series:
    """Each source's share of ranges within 10 % of the true toll."""
    t = gold.reindex(frame["object"]).to_numpy()
    dist = np.maximum(frame["lower"] - t, 0) + np.maximum(t - frame["upper"], 0)
    ok = (dist <= WITHIN * np.maximum(t, 1.0)).astype(float)
    return pd.Series(ok.to_numpy(), index=frame.index).groupby(frame["source"]).mean()


def within(pred: pd.Series, gold: pd.Series) -> float:
    g = gold.reindex(pred.index).to_numpy()
    return float(np.mean(np.abs(pred.to_numpy(dtype=float) - g) <= WITHIN * np.maximum(g, 1.0)))


def run_synthetic(seeds: int, n_incidents: int) -> None:
    print("copying  seeds  spearman  within10_aware  within10_blind  gain_points  fit_s")
    for copying in (0.0, 0.3):
        rho, aware, blind, secs = [], [], [], []
        for seed in range(seeds):
            frame, gold = generate(seed, n_incidents, copying)
            start = time.perf_counter()
            model = RangeCRH().fit(frame)
            secs.append(time.perf_counter() - start)
            real = true_reliability(frame, gold)
            est = model.source_reliability_["reliability"].reindex(real.index)
            rho.append(float(spearmanr(est, real).statistic))
            aware.append(within(model.truths_["value"], gold))
            blind.append(within(RangeCRH(dependence=False).fit(frame).truths_["value"], gold))
        gain = 100 * (np.mean(aware) - np.mean(blind))
        print(
            f"{copying:7.1f}  {seeds:5d}  {np.mean(rho):8.3f}  {np.mean(aware):14.3f}  "
            f"{np.mean(blind):14.3f}  {gain:+11.1f}  {np.mean(secs):5.2f}"
        )


def run_real(folder: Path) -> None:
    """MAE on f201_emotion (numeric), every value as a degenerate range."""
    base = folder / "f201_emotion"
    if not (base / "answer.csv").is_file():
        sys.exit(f"{base / 'answer.csv'}: not found (give the folder holding zheng2017's sets)")
    answers = pd.read_csv(base / "answer.csv")
    gold = pd.read_csv(base / "truth.csv").set_index("question")["truth"]
    frame = pd.DataFrame(
        {"source": answers["worker"], "object": answers["question"], "value": answers["answer"]}
    )
    gold = gold[gold.index.isin(frame["object"])]
    print("method                       MAE")
    models: list[tuple[str, object]] = [
        ("range_crh", RangeCRH()),
        ("range_crh (no dependence)", RangeCRH(dependence=False)),
        ("crh (absolute)", CRH()),
        ("crh (huber)", CRH(loss="huber")),
    ]
    for name, model in models:
        pred = model.fit(frame).truths_["value"]  # type: ignore[attr-defined]
        pred = pd.to_numeric(pred.reindex(gold.index))
        print(f"{name:<27} {np.mean(np.abs(pred - gold)):6.2f}")
    mean = frame.groupby("object")["value"].mean().reindex(gold.index)
    print(f"{'mean of answers':<27} {np.mean(np.abs(mean - gold)):6.2f}")


def run_speed(sizes: list[int]) -> None:
    """Fit time and peak memory growth of RangeCRH on the generator at growing sizes."""
    import resource

    print("assertions  incidents  fit_s  fit_blind_s  peak_rss_mb")
    for n in sizes:
        frame, _ = generate(0, max(n // 10, 10), 0.3)
        start = time.perf_counter()
        RangeCRH().fit(frame)
        aware = time.perf_counter() - start
        start = time.perf_counter()
        RangeCRH(dependence=False).fit(frame)
        blind = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        incidents = frame["object"].nunique()
        print(f"{len(frame):10d}  {incidents:9d}  {aware:5.2f}  {blind:11.2f}  {peak:11.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "mode", nargs="?", default="synthetic", choices=("synthetic", "real", "speed")
    )
    parser.add_argument("data", nargs="?", help="real: the zheng2017 folder (required)")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--incidents", type=int, default=400)
    parser.add_argument("--sizes", default="1e4,1e5,1e6", help="speed: assertions per run")
    args = parser.parse_args()
    if args.mode == "real":
        if not args.data:
            parser.error("real needs the path of the zheng2017 folder")
        run_real(Path(args.data))
    elif args.mode == "speed":
        run_speed([int(float(size)) for size in args.sizes.split(",")])
    else:
        run_synthetic(args.seeds, args.incidents)


if __name__ == "__main__":
    main()
