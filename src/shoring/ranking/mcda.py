"""Multi-criteria decision kernels: TOPSIS and the weighted sum (pure NumPy, no I/O).

Conventions shared by both kernels
----------------------------------
- ``matrix`` is alternatives x criteria, finite floats.
- ``weights`` are non-negative and are rescaled to sum to 1 (all-zero weights are an error).
- ``benefit`` is a boolean mask: ``True`` = more is better, ``False`` = a cost criterion.
- Cost criteria are **inverted before normalising** (research note: scikit-criteria once
  normalised first, a conceptual bug).  With min-max normalisation the inversion is
  ``max - x``, so after :func:`normalise` every column is "more is better" on [0, 1].
- **Constant-column guard**: a column whose values are all equal cannot separate the
  alternatives (min-max would divide by zero; see scikit-criteria issue #8).  It is set to 0
  for every alternative, so it adds nothing to any score, and its index is reported by
  :func:`constant_columns`.

Classic TOPSIS (Hwang & Yoon 1981) uses vector normalisation with the ideal taken per column;
``normalisation="vector"`` gives exactly that (checked against their fighter-aircraft example
in the tests).  The default, min-max, makes the ideal point 1 and the anti-ideal 0 in every
column, which is what the sensitivity analysis vectorises over weight draws.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

from shoring.errors import InputError

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Normalisation = Literal["minmax", "vector"]


def validate_weights(weights: npt.ArrayLike, n_criteria: int, field: str = "weights") -> FloatArray:
    """Weights as a float array summing to 1; negative, non-finite or all-zero is an error."""
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != (n_criteria,):
        raise InputError(field, w.tolist(), f"expected {n_criteria} weights, got shape {w.shape}")
    if not np.all(np.isfinite(w)):
        raise InputError(field, w.tolist(), "weights must be finite numbers")
    if np.any(w < 0):
        raise InputError(field, w.tolist(), "weights must not be negative")
    total = float(w.sum())
    if total <= 0:
        raise InputError(field, w.tolist(), "at least one weight must be positive")
    result: FloatArray = w / total
    return result


def _check(matrix: npt.ArrayLike, benefit: npt.ArrayLike) -> tuple[FloatArray, BoolArray]:
    x = np.asarray(matrix, dtype=np.float64)
    b = np.asarray(benefit, dtype=np.bool_)
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise InputError("matrix", x.shape, "expected a non-empty alternatives x criteria matrix")
    if b.shape != (x.shape[1],):
        raise InputError("benefit", b.tolist(), f"expected {x.shape[1]} flags")
    if not np.all(np.isfinite(x)):
        raise InputError("matrix", "non-finite", "every figure must be a finite number")
    return x, b


def constant_columns(matrix: npt.ArrayLike) -> list[int]:
    """Indices of the columns whose values are all equal (they cannot separate alternatives)."""
    x = np.asarray(matrix, dtype=np.float64)
    spread = x.max(axis=0) - x.min(axis=0)
    return [int(i) for i in np.flatnonzero(spread <= 1e-12 * np.maximum(1.0, np.abs(x).max(0)))]


def normalise(
    matrix: npt.ArrayLike, benefit: npt.ArrayLike, method: Normalisation = "minmax"
) -> FloatArray:
    """Normalise columns so that larger is better on every column.

    ``minmax``: cost columns are inverted (``max - x``), then scaled to [0, 1].
    ``vector``: ``x / ||x||`` per column, then cost columns reflected (``1 - r``), which leaves
    TOPSIS distances exactly as in the classic min-ideal formulation.
    Constant columns are set to 0 (guard; see the module docstring).
    """
    x, b = _check(matrix, benefit)
    const = constant_columns(x)
    if method == "minmax":
        inverted = np.where(b, x, x.max(axis=0) - x)
        low = inverted.min(axis=0)
        spread = inverted.max(axis=0) - low
        spread[const] = 1.0
        r = (inverted - low) / spread
    elif method == "vector":
        norm = np.sqrt((x**2).sum(axis=0))
        norm[norm == 0] = 1.0
        r = x / norm
        r = np.where(b, r, 1.0 - r)
    else:
        raise InputError("normalisation", method, "unknown", allowed=("minmax", "vector"))
    r[:, const] = 0.0
    out: FloatArray = r
    return out


def topsis_from_normalised(r: FloatArray, weights: FloatArray) -> FloatArray:
    """TOPSIS closeness for an already normalised (benefit-oriented) matrix.

    ``weights`` may be one vector (criteria,) or a stack of draws (draws, criteria); the result
    is (alternatives,) or (draws, alternatives).  Distances use the per-column ideal and
    anti-ideal of the weighted matrix; because weights are non-negative they factor out:
    ``d+_i = sqrt(sum_j w_j^2 (r_ij - max_j)^2)``.
    """
    best = r.max(axis=0)
    worst = r.min(axis=0)
    w2 = np.atleast_2d(weights) ** 2
    d_best = np.sqrt(((r - best) ** 2) @ w2.T).T
    d_worst = np.sqrt(((r - worst) ** 2) @ w2.T).T
    total = d_best + d_worst
    # Every alternative equal on every weighted column: all are equally close (0.5).
    closeness = np.divide(d_worst, total, out=np.full_like(total, 0.5), where=total > 0)
    result: FloatArray = closeness[0] if np.ndim(weights) == 1 else closeness
    return result


def topsis(
    matrix: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: npt.ArrayLike,
    normalisation: Normalisation = "minmax",
) -> FloatArray:
    """TOPSIS relative closeness to the ideal, in [0, 1] (higher is better)."""
    x, b = _check(matrix, benefit)
    w = validate_weights(weights, x.shape[1])
    return topsis_from_normalised(normalise(x, b, normalisation), w)


def weighted_sum(
    matrix: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: npt.ArrayLike,
) -> FloatArray:
    """Weighted sum of min-max normalised criteria (cost inverted first), in [0, 1]."""
    x, b = _check(matrix, benefit)
    w = validate_weights(weights, x.shape[1])
    result: FloatArray = normalise(x, b, "minmax") @ w
    return result


def rank_scores(scores: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """Ranks 1..n, 1 = best (highest score); ties share the better rank ("min" method)."""
    s = np.asarray(scores, dtype=np.float64)
    # rank = 1 + number of alternatives with a strictly higher score (tolerant to fp noise)
    higher = s[None, :] > s[:, None] + 1e-12
    ranks: npt.NDArray[np.int64] = 1 + higher.sum(axis=1).astype(np.int64)
    return ranks
