"""Benchmark: rank stability for 250 countries x 12 criteria with 10,000 weight draws.

Target (issue 4): under 1 s on one core.  The vectorised path (``rank_sensitivity``) is timed
beside a per-draw loop that calls the TOPSIS kernel once per draw, in the same run.  BLAS
threads are pinned to one before NumPy is imported.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import time  # noqa: E402

import numpy as np  # noqa: E402

from shoring.ranking.mcda import topsis, weighted_sum  # noqa: E402
from shoring.ranking.sensitivity import rank_sensitivity, sample_weights  # noqa: E402

N_COUNTRIES, N_CRITERIA, N_DRAWS = 250, 12, 10_000
TARGET_S = 1.0


def best_of(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(0)
    matrix = rng.uniform(1.0, 100.0, size=(N_COUNTRIES, N_CRITERIA))
    benefit = rng.random(N_CRITERIA) < 0.7
    weights = rng.dirichlet(np.ones(N_CRITERIA))
    print(f"{N_COUNTRIES} countries x {N_CRITERIA} criteria, {N_DRAWS:,} weight draws, 1 thread")
    for method in ("topsis", "weighted_sum"):
        t = best_of(
            lambda m=method: rank_sensitivity(
                matrix, weights, benefit, method=m, n_draws=N_DRAWS, seed=1
            )
        )
        print(f"  vectorised {method:<12}: {t:6.3f} s  ({t / TARGET_S:.2f} x the 1 s target)")

    draws = sample_weights(weights, N_DRAWS, np.random.default_rng(1))

    def loop(kernel) -> None:  # type: ignore[no-untyped-def]
        top3 = np.zeros(N_COUNTRIES)
        for w in draws:
            scores = kernel(matrix, w, benefit)
            top3[np.argsort(-scores)[:3]] += 1

    for name, kernel in (("topsis", topsis), ("weighted_sum", weighted_sum)):
        t_loop = best_of(lambda k=kernel: loop(k), repeat=1)
        t_vec = best_of(
            lambda n=name: rank_sensitivity(
                matrix, weights, benefit, method=n, n_draws=N_DRAWS, seed=1
            )
        )
        print(
            f"  per-draw loop {name:<12}: {t_loop:6.3f} s  "
            f"(vectorised is {t_loop / t_vec:.0f}x faster)"
        )


if __name__ == "__main__":
    main()
