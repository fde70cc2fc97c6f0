"""Analytic Hierarchy Process: criterion weights from a pairwise comparison matrix.

``A[i][j]`` says how much more important criterion ``i`` is than criterion ``j`` on Saaty's
1-9 scale; the matrix must be positive and reciprocal (``A[j][i] = 1 / A[i][j]``, ones on the
diagonal).  Cells may be numbers or fractions written as strings (``"1/9"``).  Reciprocals
written as rounded decimals (``0.333`` for 1/3, ``0.111`` for 1/9) are accepted: a pair is
reciprocal when ``A[i][j] * A[j][i]`` is within :data:`RECIPROCAL_TOLERANCE` (2 %) of 1, and
the matrix used is then made exactly reciprocal from its upper triangle.

- Weights: the row geometric mean, normalised (the method the research note recommends; the
  principal eigenvector is available as ``method="eigenvector"``).
- Consistency: ``CI = (lambda_max - n) / (n - 1)`` and ``CR = CI / RI(n)`` with Saaty's random
  index RI (Saaty, *The Analytic Hierarchy Process*, 1980, for n <= 10; n = 11-15 from Saaty &
  Tran 2007, *Math. Comput. Modelling* 46).  ``CR > 0.1`` is inconsistent (Saaty's rule).
- The pair contributing most to the inconsistency is the one whose judgement is furthest from
  what the derived weights imply, ``max |ln(A[i][j] * w_j / w_i)|``; it is reported with the
  value that would be consistent (``w_i / w_j``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from shoring.errors import InputError

#: Saaty's random consistency index by matrix size (n = 1..15).
RANDOM_INDEX: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
    11: 1.51,
    12: 1.48,
    13: 1.56,
    14: 1.57,
    15: 1.59,
}
CR_THRESHOLD = 0.1
#: Relative tolerance of the reciprocal check: 2 % accepts decimals rounded to 2-3 places
#: (0.33 * 3 = 0.99, 0.111 * 9 = 0.999) but not a different judgement (1/3 vs 1/4 is 25 %).
RECIPROCAL_TOLERANCE = 0.02


def _cell(value: object, field: str) -> float:
    """One judgement: a number or a fraction string such as ``"1/9"``."""
    if isinstance(value, bool):
        raise InputError(field, value, "judgements must be positive numbers (or fractions: 1/9)")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if "/" in text:
                top, bottom = text.split("/", 1)
                return float(top) / float(bottom)
            return float(text)
        except (ValueError, ZeroDivisionError):
            pass
    raise InputError(field, value, "judgements must be positive numbers (or fractions: 1/9)")


class InconsistentPair(BaseModel):
    model_config = ConfigDict(frozen=True)

    row: str
    column: str
    given: float
    consistent_value: float


class AhpResult(BaseModel):
    """Weights (summing to 1) and the consistency of the judgements that produced them."""

    model_config = ConfigDict(frozen=True)

    criteria: tuple[str, ...]
    weights: tuple[float, ...]
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    worst_pair: InconsistentPair | None

    @property
    def consistent(self) -> bool:
        return self.consistency_ratio <= CR_THRESHOLD

    def weight_map(self) -> dict[str, float]:
        return dict(zip(self.criteria, self.weights, strict=True))


def validate_pairwise(
    matrix: Sequence[Sequence[float | str]] | np.ndarray,
    field: str = "ahp.matrix",
    tol: float = RECIPROCAL_TOLERANCE,
) -> np.ndarray:
    """The matrix as an exactly reciprocal float array, or an InputError naming the bad cell."""
    if isinstance(matrix, np.ndarray):
        a = np.asarray(matrix, dtype=np.float64)
    else:
        if not isinstance(matrix, Sequence) or isinstance(matrix, str):
            raise InputError(field, matrix, "must be a square matrix of numbers")
        rows = []
        for i, row in enumerate(matrix):
            if not isinstance(row, Sequence) or isinstance(row, str):
                raise InputError(f"{field}[{i}]", row, "must be a list of numbers")
            rows.append([_cell(v, f"{field}[{i}][{j}]") for j, v in enumerate(row)])
        if len({len(r) for r in rows}) > 1:
            raise InputError(field, matrix, "must be a square matrix of numbers")
        a = np.asarray(rows, dtype=np.float64)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] < 2:
        raise InputError(field, a.shape, "must be a square matrix with at least 2 rows")
    n = a.shape[0]
    for i in range(n):
        for j in range(n):
            v = float(a[i, j])
            if not np.isfinite(v) or v <= 0:
                raise InputError(f"{field}[{i}][{j}]", v, "judgements must be positive numbers")
            if i == j and abs(v - 1.0) > tol:
                raise InputError(f"{field}[{i}][{j}]", v, "the diagonal must be 1")
            if abs(v * a[j, i] - 1.0) > tol:
                raise InputError(
                    f"{field}[{i}][{j}]",
                    v,
                    f"not reciprocal: [{j}][{i}] is {float(a[j, i]):g}, expected {1 / v:.3g} "
                    f"(within {tol:.0%})",
                )
    exact: np.ndarray = np.triu(a, 1) + np.triu(1.0 / a, 1).T + np.eye(n)
    return exact


def ahp_weights(
    matrix: Sequence[Sequence[float | str]] | np.ndarray,
    criteria: Sequence[str] | None = None,
    method: Literal["geometric", "eigenvector"] = "geometric",
) -> AhpResult:
    """Weights and consistency ratio of a pairwise comparison matrix."""
    a = validate_pairwise(matrix)
    n = a.shape[0]
    names = tuple(criteria) if criteria is not None else tuple(f"c{i}" for i in range(n))
    if len(names) != n:
        raise InputError("ahp.criteria", list(names), f"expected {n} names for an {n}x{n} matrix")
    if n > max(RANDOM_INDEX):
        raise InputError("ahp.matrix", n, f"at most {max(RANDOM_INDEX)} criteria (Saaty's RI)")
    eigenvalues, eigenvectors = np.linalg.eig(a)
    k = int(np.argmax(eigenvalues.real))
    lambda_max = float(eigenvalues[k].real)
    if method == "eigenvector":
        w = np.abs(eigenvectors[:, k].real)
    else:
        w = np.exp(np.log(a).mean(axis=1))
    w = w / w.sum()
    ci = max(0.0, (lambda_max - n) / (n - 1))
    ri = RANDOM_INDEX[n]
    cr = ci / ri if ri > 0 else 0.0
    error = np.abs(np.log(a * w[None, :] / w[:, None]))
    i, j = np.unravel_index(int(np.argmax(np.triu(error, 1))), error.shape)
    worst = None
    if error[i, j] > 1e-9:
        worst = InconsistentPair(
            row=names[i],
            column=names[j],
            given=float(a[i, j]),
            consistent_value=float(w[i] / w[j]),
        )
    return AhpResult(
        criteria=names,
        weights=tuple(float(v) for v in w),
        lambda_max=lambda_max,
        consistency_index=ci,
        consistency_ratio=cr,
        worst_pair=worst,
    )


def require_consistent(result: AhpResult, field: str = "ahp.matrix") -> AhpResult:
    """Raise InputError (naming the worst pair) when ``CR > 0.1``."""
    if result.consistent:
        return result
    pair = result.worst_pair
    detail = ""
    if pair is not None:
        detail = (
            f"; the pair contributing most is {pair.row} vs {pair.column}: given "
            f"{pair.given:g}, the other judgements imply about {pair.consistent_value:.2g}"
        )
    raise InputError(
        field,
        f"CR={result.consistency_ratio:.3f}",
        f"inconsistent pairwise judgements (consistency ratio above {CR_THRESHOLD}){detail}",
    )
