"""Rank stability under weight uncertainty (vectorised NumPy over weight draws).

Weight draws
------------
Weights live on the simplex (non-negative, summing to 1).  Draws come from a Dirichlet
distribution, never from "uniform numbers, then normalise" (which piles draws up in the
middle of the simplex and is not uniform on it):

- ``mode="uniform"``: Dirichlet(1, ..., 1) over every criterion with a positive weight, i.e.
  uniform over the whole simplex of those criteria.  It ignores the user's weights and asks
  "how often does this country win under *any* weighting?".
- ``mode="centred"`` (the default of the CLI): Dirichlet(alpha = k * w) with ``w`` the user's
  weights and ``k`` the number of criteria with positive weight times ``concentration``
  (default 1).  Its mean is exactly ``w``, its support is still the whole simplex, and with
  equal weights and concentration 1 it *is* Dirichlet(1, ..., 1).  Larger concentration =
  more confidence in the stated weights.

Criteria with zero weight stay at zero in every draw (the user excluded them).

For each draw the chosen method scores every alternative; the result is the share of draws in
which each alternative ranks in the top 3 and in the top 10 (ties at the cut count as in).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from shoring.errors import InputError
from shoring.ranking.mcda import FloatArray, normalise, topsis_from_normalised, validate_weights

Method = Literal["topsis", "weighted_sum"]
SamplingMode = Literal["centred", "uniform"]


class Sensitivity(BaseModel):
    model_config = ConfigDict(frozen=True)

    draws: int
    mode: str
    concentration: float
    seed: int | None
    p_top3: tuple[float, ...]
    p_top10: tuple[float, ...]


def sample_weights(
    weights: npt.ArrayLike,
    n_draws: int,
    rng: np.random.Generator,
    mode: SamplingMode = "centred",
    concentration: float = 1.0,
) -> FloatArray:
    """``(n_draws, n_criteria)`` weight vectors on the simplex (see the module docstring)."""
    w = validate_weights(weights, np.asarray(weights).shape[0])
    if n_draws < 1:
        raise InputError("draws", n_draws, "must be at least 1")
    if not concentration > 0 or not np.isfinite(concentration):
        raise InputError("concentration", concentration, "must be a positive number")
    active = np.flatnonzero(w > 0)
    out = np.zeros((n_draws, w.shape[0]))
    if mode == "uniform":
        alpha = np.ones(active.size)
    elif mode == "centred":
        alpha = w[active] * active.size * concentration
    else:
        raise InputError("mode", mode, "unknown sampling mode", allowed=("centred", "uniform"))
    if active.size == 1:
        out[:, active[0]] = 1.0
    else:
        out[:, active] = rng.dirichlet(alpha, size=n_draws)
    return out


def scores_for_draws(r: FloatArray, draws: FloatArray, method: Method) -> FloatArray:
    """``(n_draws, n_alternatives)`` scores from a normalised matrix ``r``."""
    if method == "topsis":
        return topsis_from_normalised(r, draws)
    result: FloatArray = draws @ r.T
    return result


def top_k_probabilities(scores: FloatArray, ks: tuple[int, ...] = (3, 10)) -> list[FloatArray]:
    """For each k, the share of draws (rows) in which each alternative is in the top k.

    An alternative is in the top k when fewer than k alternatives score strictly higher.
    """
    n_alt = scores.shape[1]
    ordered = -np.sort(-scores, axis=1)
    results = []
    for k in ks:
        if k >= n_alt:
            results.append(np.ones(n_alt))
            continue
        threshold = ordered[:, k - 1 : k]  # k-th best score per draw
        inside = scores >= threshold - 1e-12
        results.append(inside.mean(axis=0))
    return results


def rank_sensitivity(
    matrix: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: npt.ArrayLike,
    *,
    method: Method = "topsis",
    n_draws: int = 10_000,
    mode: SamplingMode = "centred",
    concentration: float = 1.0,
    seed: int | None = 0,
    batch: int = 2_000,
) -> Sensitivity:
    """P(top 3) and P(top 10) per alternative over ``n_draws`` Dirichlet weight draws."""
    r = normalise(matrix, benefit, "minmax")
    rng = np.random.default_rng(seed)
    draws = sample_weights(weights, n_draws, rng, mode, concentration)
    n_alt = r.shape[0]
    counts3 = np.zeros(n_alt)
    counts10 = np.zeros(n_alt)
    for start in range(0, n_draws, batch):
        s = scores_for_draws(r, draws[start : start + batch], method)
        p3, p10 = top_k_probabilities(s)
        counts3 += p3 * s.shape[0]
        counts10 += p10 * s.shape[0]
    return Sensitivity(
        draws=n_draws,
        mode=mode,
        concentration=concentration,
        seed=seed,
        p_top3=tuple(float(v) for v in counts3 / n_draws),
        p_top10=tuple(float(v) for v in counts10 / n_draws),
    )
