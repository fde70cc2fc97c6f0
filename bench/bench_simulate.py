# ruff: noqa: E402
"""Benchmark of ``shoring simulate`` (prints figures; not a timed test).

1. Throughput in evaluations per second (scenarios x process-option pairs x quarters) and its
   ratio to a plain NumPy streaming kernel of the same array sizes, run in the same process.
2. Peak memory (max RSS of a child process) at 100,000 and 1,000,000 scenarios on the same
   portfolio (the bundled mid-size company).
3. 1,000 processes x 20 options x 10,000 scenarios x 20 quarters on 2 cores (NumPy in 2
   worker processes, and a local Dask cluster of 2 worker processes), cluster start included.

Run: ``make bench`` or ``.venv/bin/python bench/bench_simulate.py [--skip-large]``.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # as the CLI does: the simulation parallelises itself

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import portfolio_20
from shoring.compute.backends import NumpyBackend, open_backend
from shoring.io.portfolio import parse_portfolio
from shoring.risk.sampling import BLOCK
from shoring.simulate import prepare, simulate

QUARTERS = 20


def plain_kernel(processes: int, options: int, scenarios: int, quarters: int) -> float:
    """Plain streaming Monte Carlo of the same array sizes: per process and block, draw a
    (block x quarters) cost path; per option scale it, discount it, keep sum and losses."""
    rng = np.random.default_rng(0)
    disc = 1.08 ** (-np.arange(1, quarters + 1) / 4.0)
    total, losses = 0.0, 0
    start = time.perf_counter()
    for _ in range(processes):
        for lo in range(0, scenarios, BLOCK):
            n = min(BLOCK, scenarios - lo)
            path = rng.standard_normal((n, quarters)) + 0.1
            for j in range(options):
                npv = (path * (1.0 + 0.01 * j)) @ disc
                total += float(npv.sum())
                losses += int((npv < 0.0).sum())
    return time.perf_counter() - start


def plain_kernel_with_payback(processes: int, options: int, scenarios: int, quarters: int) -> float:
    """The same, also producing what ``simulate`` produces per option and scenario: the
    running sum of the path and the first quarter it turns non-negative (payback)."""
    rng = np.random.default_rng(0)
    disc = 1.08 ** (-np.arange(1, quarters + 1) / 4.0)
    total, losses, paid = 0.0, 0, 0
    start = time.perf_counter()
    for _ in range(processes):
        for lo in range(0, scenarios, BLOCK):
            n = min(BLOCK, scenarios - lo)
            path = rng.standard_normal((n, quarters)) + 0.1
            for j in range(options):
                flows = path * (1.0 + 0.01 * j)
                npv = flows @ disc
                ok = np.cumsum(flows, axis=1) >= 0.0
                paid += int(ok.argmax(axis=1).sum())
                total += float(npv.sum())
                losses += int((npv < 0.0).sum())
    return time.perf_counter() - start


def plain_kernel_per_pair(processes: int, options: int, scenarios: int, quarters: int) -> float:
    """A plain streaming Monte Carlo kernel over arrays of exactly the simulation's sizes:
    every process-option pair gets its own random (block x quarters) savings path (as every
    pair of the simulation has its own costs), which is discounted, accumulated, and searched
    for the payback quarter.  No cost model: only the array traffic of scenarios x pairs x
    quarters."""
    rng = np.random.default_rng(0)
    disc = 1.08 ** (-np.arange(1, quarters + 1) / 4.0)
    total, losses, paid = 0.0, 0, 0
    start = time.perf_counter()
    for _ in range(processes):
        for lo in range(0, scenarios, BLOCK):
            n = min(BLOCK, scenarios - lo)
            for _j in range(options):
                flows = rng.standard_normal((n, quarters)) + 0.1
                npv = flows @ disc
                ok = np.cumsum(flows, axis=1) >= 0.0
                paid += int(ok.argmax(axis=1).sum())
                total += float(npv.sum())
                losses += int((npv < 0.0).sum())
    return time.perf_counter() - start


def throughput() -> None:
    processes, scenarios = 16, 20_000
    plan = prepare(parse_portfolio(portfolio_20(processes)))
    evaluations = scenarios * plan.pairs * plan.quarters
    start = time.perf_counter()
    simulate(plan, scenarios, 1, NumpyBackend(1))
    ours = time.perf_counter() - start
    plain = plain_kernel(processes, 20, scenarios, plan.quarters)
    plain_pb = plain_kernel_with_payback(processes, 20, scenarios, plan.quarters)
    plain_pair = plain_kernel_per_pair(processes, 20, scenarios, plan.quarters)
    print(
        f"[throughput] {processes} processes x 20 options x {scenarios:,} scenarios x "
        f"{plan.quarters} quarters = {evaluations:,} evaluations, 1 thread"
    )
    print(f"  shoring simulate : {ours:7.2f} s  {evaluations / ours / 1e6:8.1f} M evaluations/s")
    print(f"  plain NumPy      : {plain:7.2f} s  {evaluations / plain / 1e6:8.1f} M evaluations/s")
    print(
        f"  plain + payback  : {plain_pb:7.2f} s  "
        f"{evaluations / plain_pb / 1e6:8.1f} M evaluations/s"
    )
    print(
        f"  plain per pair   : {plain_pair:7.2f} s  "
        f"{evaluations / plain_pair / 1e6:8.1f} M evaluations/s"
    )
    print(
        f"  ratio            : {plain / ours:.0%} of the plain kernel (one path per process, "
        f"scale + discount), {plain_pb / ours:.0%} of it with payback, "
        f"{plain_pair / ours:.0%} of the per-pair streaming kernel (target >= 30%)"
    )


CHILD = """
import json, resource, sys, time
from importlib import resources
from shoring.io.portfolio import load_portfolio
from shoring.simulate import prepare, simulate
n = int(sys.argv[1])
ref = resources.files('shoring').joinpath('examples', 'midsize_company.yaml')
with resources.as_file(ref) as p:
    plan = prepare(load_portfolio(p))
t = time.perf_counter()
r = simulate(plan, n, 1)
print(json.dumps({'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  'seconds': time.perf_counter() - t, 'pairs': plan.pairs,
                  'method': r.method}))
"""


def memory() -> None:
    figures = {}
    for n in (100_000, 1_000_000):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(n)], capture_output=True, text=True, check=True
        )
        figures[n] = json.loads(out.stdout)
        f = figures[n]
        print(
            f"[memory] {n:>9,} scenarios x {f['pairs']} pairs: peak RSS {f['rss_mb']:.0f} MB, "
            f"{f['seconds']:.1f} s ({f['method']})"
        )
    ratio = figures[1_000_000]["rss_mb"] / figures[100_000]["rss_mb"]
    print(f"  growth 100k -> 1M scenarios: {ratio:.2f}x (target < 1.5x)")


def large() -> None:
    processes, scenarios = 1000, 10_000
    start = time.perf_counter()
    plan = prepare(parse_portfolio(portfolio_20(processes)))
    prepared = time.perf_counter() - start
    evaluations = scenarios * plan.pairs * plan.quarters
    print(
        f"[large] {processes:,} processes x 20 options x {scenarios:,} scenarios x "
        f"{plan.quarters} quarters = {evaluations:,} evaluations (target < 60 s on 2 cores)"
    )
    print(f"  prepare (categorise, options, labels, cost plan): {prepared:.1f} s")
    results = {}
    runs = (("NumPy, 2 processes", None, 2), ("Dask local:2", "local:2", None))
    for label, spec, workers in runs:
        start = time.perf_counter()
        with open_backend(spec, workers) as backend:
            results[label] = simulate(plan, scenarios, 1, backend).to_json()
        seconds = time.perf_counter() - start
        print(
            f"  {label:<18}: {seconds:6.1f} s simulate ({evaluations / seconds / 1e6:5.1f} M "
            f"evaluations/s), {prepared + seconds:6.1f} s with prepare"
        )
    same = results["NumPy, 2 processes"] == results["Dask local:2"]
    print(f"  NumPy and Dask results bit-identical: {same}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    throughput()
    memory()
    if not args.skip_large:
        large()


if __name__ == "__main__":
    main()
