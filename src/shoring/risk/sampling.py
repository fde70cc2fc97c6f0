"""Seeded, reproducible random streams: common random numbers and a Gaussian copula.

Scenarios are cut into fixed blocks of :data:`BLOCK` scenarios.  The random numbers of a block
depend only on ``(seed, stream kind, key, block index)`` -- the key being a country code or a
process id -- never on how blocks are grouped into compute chunks, which worker runs them, or
which options a process has.  So:

- every option of a process sees the same process draws, and every process and option in a
  country the same country draws (common random numbers: comparisons are paired);
- results do not depend on the chunk size or the backend (NumPy or Dask);
- the first ``n`` scenarios of a larger run are exactly a run of ``n`` scenarios.

Correlated inputs are drawn as correlated standard normals (Cholesky factor of the correlation
matrix) and mapped to uniforms with the normal CDF; each option then maps the uniforms through
its own distribution (inverse CDF).
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from scipy import special

from shoring.cost.parameters import CORRELATIONS, COUNTRY_STREAM, PROCESS_STREAM, Scope

FloatArray = NDArray[np.float64]

#: Scenarios per random block (part of the reproducibility contract: do not change).
BLOCK = 4096

_KIND = {Scope.COUNTRY: 1, Scope.PROCESS: 2}


def _key(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


@lru_cache(maxsize=4)
def _cholesky(scope: Scope) -> FloatArray:
    names = COUNTRY_STREAM if scope is Scope.COUNTRY else PROCESS_STREAM
    corr = np.eye(len(names))
    for a, b, rho in CORRELATIONS[scope]:
        i, j = names.index(a), names.index(b)
        corr[i, j] = corr[j, i] = rho
    factor: FloatArray = np.asarray(np.linalg.cholesky(corr), dtype=np.float64)
    return factor


def normals(seed: int, scope: Scope, key: str, block: int, n: int) -> FloatArray:
    """Correlated standard normals, shape (inputs of the scope, n), for one block."""
    names = COUNTRY_STREAM if scope is Scope.COUNTRY else PROCESS_STREAM
    seq = np.random.SeedSequence(entropy=seed, spawn_key=(_KIND[scope], _key(key), block))
    rng = np.random.Generator(np.random.PCG64(seq))
    z = rng.standard_normal((len(names), BLOCK))[:, :n]
    out: FloatArray = np.asarray(_cholesky(scope) @ z, dtype=np.float64)
    return out


def country_draws(seed: int, country: str, start: int, stop: int) -> FloatArray:
    """Uniforms of a country's inputs for scenarios [start, stop); the FX row stays normal."""
    z = _blocks(seed, Scope.COUNTRY, country, start, stop)
    u = special.ndtr(z)
    u[COUNTRY_STREAM.index("fx_shock")] = z[COUNTRY_STREAM.index("fx_shock")]
    return np.asarray(u, dtype=np.float64)


def process_draws(seed: int, process: str, start: int, stop: int) -> FloatArray:
    """Uniforms of a process's inputs for scenarios [start, stop)."""
    return np.asarray(special.ndtr(_blocks(seed, Scope.PROCESS, process, start, stop)))


def _blocks(seed: int, scope: Scope, key: str, start: int, stop: int) -> FloatArray:
    if start % BLOCK:
        raise ValueError("chunks start on a block boundary")
    parts = []
    for block in range(start // BLOCK, (stop + BLOCK - 1) // BLOCK):
        lo = block * BLOCK
        parts.append(normals(seed, scope, key, block, min(BLOCK, stop - lo)))
    return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)
