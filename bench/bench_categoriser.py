# ruff: noqa: E402  (the thread limits must be set before NumPy is imported)
"""Benchmark the categoriser backends on the held-out evaluation sets.

    .venv/bin/python bench/bench_categoriser.py                  # lexical (default install)
    .venv-sem/bin/python bench/bench_categoriser.py --semantic   # both, side by side

Prints, per backend and evaluation set: macro-F1 (best guess, i.e. forced choice; the mean
F1 of the classes present in the set: the title test split has no SOFTWARE_RD title),
per-class precision and recall, the confusion matrix, the UNSURE rate and the accuracy of the
answers that were not UNSURE, calibration (expected calibration error and a reliability
table), throughput on one core, and start-up time (a fresh interpreter until the first
answer).  The evaluation sets (bench/eval/README.md: held-out titles, user descriptions,
O*NET-style task statements) were never used to train or tune.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core

import argparse
import csv
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from shoring.catalogue import get_categoriser
from shoring.catalogue.backends import CLASSES

EVAL = Path(__file__).resolve().parent / "eval"
TARGETS = {"lexical": 0.80, "semantic": 0.85}


def eval_sets() -> dict[str, list[tuple[str, str]]]:
    with (EVAL / "occupations_split.csv").open(encoding="utf-8") as fh:
        titles = [(r["title"], r["category"]) for r in csv.DictReader(fh) if r["split"] == "test"]
    with (EVAL / "descriptions.jsonl").open(encoding="utf-8") as fh:
        described = [(d["text"], d["category"]) for d in map(json.loads, fh) if d]
    with (EVAL / "task_statements.jsonl").open(encoding="utf-8") as fh:
        tasks = [(d["text"], d["category"]) for d in map(json.loads, fh) if d]
    return {
        "held-out occupation titles (test split)": titles,
        "user process descriptions": described,
        "O*NET-style task statements": tasks,
        "all held-out text (three sets)": titles + described + tasks,
    }


def macro_report(truth: list[str], pred: list[str]) -> tuple[float, list[str]]:
    lines = [f"  {'class':12s} {'prec':>6s} {'recall':>6s} {'F1':>6s} {'n':>5s}"]
    f1s = []
    for c in CLASSES:
        tp = sum(t == c and p == c for t, p in zip(truth, pred, strict=True))
        fp = sum(t != c and p == c for t, p in zip(truth, pred, strict=True))
        fn = sum(t == c and p != c for t, p in zip(truth, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if tp + fn:
            f1s.append(f1)  # macro average over the classes present in the set
        lines.append(f"  {c:12s} {prec:6.3f} {rec:6.3f} {f1:6.3f} {tp + fn:5d}")
    return float(np.mean(f1s)), lines


def confusion(truth: list[str], pred: list[str]) -> list[str]:
    short = {"ITO": "ITO", "BPO_FRONT": "FRONT", "BPO_BACK": "BACK", "SOFTWARE_RD": "SRD"}
    names = [short.get(c, c) for c in CLASSES]
    lines = ["  truth \\ predicted " + " ".join(f"{n:>6s}" for n in names)]
    for c, n in zip(CLASSES, names, strict=True):
        row = [sum(t == c and p == k for t, p in zip(truth, pred, strict=True)) for k in CLASSES]
        lines.append(f"  {n:18s} " + " ".join(f"{v:6d}" for v in row))
    return lines


def calibration(conf: list[float], correct: list[bool], bins: int = 10) -> tuple[float, list[str]]:
    c, ok = np.array(conf), np.array(correct, dtype=float)
    ece, lines = 0.0, ["  confidence bin   n   mean conf  accuracy"]
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in itertools.pairwise(edges):
        mask = (c >= lo) & ((c < hi) if hi < 1 else (c <= hi))
        if mask.any():
            ece += mask.mean() * abs(c[mask].mean() - ok[mask].mean())
            lines.append(
                f"  [{lo:.1f}, {hi:.1f})  {int(mask.sum()):4d}   {c[mask].mean():.3f}     "
                f"{ok[mask].mean():.3f}"
            )
    return float(ece), lines


def startup_seconds(backend: str) -> float:
    code = (
        "import time; t=time.perf_counter(); from shoring.catalogue import categorise; "
        f"categorise('reading chest x-rays overnight', backend={backend!r}); "
        "print(time.perf_counter()-t)"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def throughput(backend: str, texts: list[str]) -> float:
    cat = get_categoriser(backend)
    sample = (texts * (4000 // len(texts) + 1))[:4000] if backend == "lexical" else texts
    start = time.perf_counter()
    for i in range(0, len(sample), 256):
        cat.categorise_many(sample[i : i + 256])
    return len(sample) / (time.perf_counter() - start)


def run(backend: str) -> dict[str, float]:
    print(f"\n======== backend: {backend} ========")
    if backend == "semantic":
        import torch

        torch.set_num_threads(1)
    cat = get_categoriser(backend)
    figures: dict[str, float] = {}
    all_texts: list[str] = []
    for name, rows in eval_sets().items():
        texts = [t for t, _ in rows]
        if not name.startswith("all"):
            all_texts.extend(texts)
        truth = [y for _, y in rows]
        results = cat.categorise_many(texts)
        pred = [r.best_guess.value for r in results]
        f1, lines = macro_report(truth, pred)
        unsure = [r.unsure for r in results]
        answered = [p == t for p, t, u in zip(pred, truth, unsure, strict=True) if not u]
        right = [p == t for p, t in zip(pred, truth, strict=True)]
        ece, rel = calibration([r.confidence for r in results], right)
        share = np.mean(answered) if answered else float("nan")
        print(f"\n-- {name}: {len(rows)} texts")
        print(f"  macro-F1 (best guess): {f1:.3f}   accuracy {np.mean(right):.3f}")
        print(f"  UNSURE: {np.mean(unsure):.1%} of texts; accuracy when not UNSURE: {share:.3f}")
        print("\n".join(lines))
        print("\n".join(confusion(truth, pred)))
        print(f"  expected calibration error (10 bins): {ece:.3f}")
        print("\n".join(rel))
        figures[name] = f1
    tput = throughput(backend, all_texts)
    start = startup_seconds(backend)
    print(f"\n  throughput, one core: {tput:,.0f} texts/s")
    print(f"  start-up to first answer (fresh interpreter): {start:.2f} s")
    figures["throughput"] = tput
    figures["startup"] = start
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--semantic", action="store_true", help="also measure the semantic backend")
    args = parser.parse_args()
    backends = ["lexical", "semantic"] if args.semantic else ["lexical"]
    if not args.semantic:
        print("(semantic backend skipped: pass --semantic with pip install 'shoring[semantic]')")
    summary = {b: run(b) for b in backends}
    print("\n======== summary ========")
    for b, figs in summary.items():
        parts = [
            f"{k}: macro-F1 {v:.3f}" for k, v in figs.items() if k not in ("throughput", "startup")
        ]
        print(f"{b}: " + "; ".join(parts))
        print(
            f"{b}: target macro-F1 >= {TARGETS[b]:.2f}; throughput {figs['throughput']:,.0f}/s; "
            f"start-up {figs['startup']:.2f} s"
            + ("  (targets: >= 2,000/s, <= 1.5 s)" if b == "lexical" else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
