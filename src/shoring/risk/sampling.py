"""Seeded, reproducible random streams: common random numbers and a Gaussian copula.

Scenarios are cut into fixed blocks of :data:`BLOCK` scenarios.  The random numbers of a block
depend only on ``(seed, stream kind, key, block index)`` -- the key being a country code or a
process id -- never on how blocks are grouped into compute chunks, which worker runs them, or
which options a process has.  So:

- every option of a process sees the same process draws, and every process and option in a
  country the same country draws (common random numbers: comparisons are paired);
- results do not depend on the chunk size or the backend (NumPy or Dask);
- the first ``n`` scenarios of a larger run are exactly a run of ``n`` scenarios.

Correlated pairs go through a Gaussian copula (normal scores mixed with the pair's
correlation, mapped back to uniforms); each option then maps the uniforms through its own
distribution (inverse CDF).
"""

from __future__ import annotations

import math
import zlib

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


def uniforms(seed: int, scope: Scope, key: str, block: int, n: int) -> FloatArray:
    """Uniforms of a scope's inputs, shape (inputs, n), for one block.

    Independent inputs are uniform draws; in each correlated pair the second input's normal
    score is mixed with the first's (a two-variable Gaussian copula: ``z_b' = rho z_a +
    sqrt(1 - rho^2) z_b``) and mapped back to a uniform.
    """
    names = COUNTRY_STREAM if scope is Scope.COUNTRY else PROCESS_STREAM
    seq = np.random.SeedSequence(entropy=seed, spawn_key=(_KIND[scope], _key(key), block))
    rng = np.random.Generator(np.random.PCG64(seq))
    u = rng.random((len(names), BLOCK))[:, :n]
    for a, b, rho in CORRELATIONS[scope]:
        i, j = names.index(a), names.index(b)
        za, zb = special.ndtri(u[i]), special.ndtri(u[j])
        u[j] = special.ndtr(rho * za + math.sqrt(1.0 - rho * rho) * zb)
    return np.asarray(u, dtype=np.float64)


def country_draws(seed: int, country: str, start: int, stop: int) -> FloatArray:
    """Uniforms of a country's inputs for scenarios [start, stop); the FX row is a standard
    normal score (the FX shock)."""
    u = _blocks(seed, Scope.COUNTRY, country, start, stop)
    row = COUNTRY_STREAM.index("fx_shock")
    u[row] = special.ndtri(u[row])
    return u


def process_draws(seed: int, process: str, start: int, stop: int) -> FloatArray:
    """Uniforms of a process's inputs for scenarios [start, stop)."""
    return _blocks(seed, Scope.PROCESS, process, start, stop)


def _blocks(seed: int, scope: Scope, key: str, start: int, stop: int) -> FloatArray:
    if start % BLOCK:
        raise ValueError("chunks start on a block boundary")
    parts = []
    for block in range(start // BLOCK, (stop + BLOCK - 1) // BLOCK):
        lo = block * BLOCK
        parts.append(uniforms(seed, scope, key, block, min(BLOCK, stop - lo)))
    return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)
