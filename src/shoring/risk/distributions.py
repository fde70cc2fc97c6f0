"""Distributions of uncertain inputs, sampled by inverse CDF from uniforms.

Inverse-CDF sampling is what makes common random numbers and the Gaussian copula work: the
sampler draws uniforms (or correlated normals mapped to uniforms) keyed by input and scope, and
each option maps the *same* uniforms through its own distribution, so options are paired.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import special

FloatArray = NDArray[np.float64]

#: z-score of the 95th percentile of a standard normal.
Z95 = 1.6448536269514722


@dataclass(frozen=True)
class Fixed:
    value: float

    def ppf(self, u: FloatArray) -> FloatArray:
        return np.full(u.shape, self.value)

    @property
    def mean(self) -> float:
        return self.value

    @property
    def low(self) -> float:
        return self.value

    @property
    def high(self) -> float:
        return self.value

    def describe(self) -> str:
        return f"{self.value:g}"


def _check_three_points(low: float, mode: float, high: float) -> None:
    """Shared by the three-point distributions (triangular, PERT)."""
    if not low <= mode <= high or low == high:
        raise ValueError("needs low <= mode <= high and low < high")


@dataclass(frozen=True)
class Triangular:
    low: float
    mode: float
    high: float

    def __post_init__(self) -> None:
        _check_three_points(self.low, self.mode, self.high)

    def ppf(self, u: FloatArray) -> FloatArray:
        a, c, b = self.low, self.mode, self.high
        fc = (c - a) / (b - a)
        left = a + np.sqrt(u * (b - a) * (c - a))
        right = b - np.sqrt((1.0 - u) * (b - a) * (b - c))
        return np.where(u < fc, left, right)

    @property
    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3.0

    def describe(self) -> str:
        return f"triangular({self.low:g}, {self.mode:g}, {self.high:g})"


@dataclass(frozen=True)
class Pert:
    """Beta-PERT on [low, high] with the given mode (shape lambda = 4)."""

    low: float
    mode: float
    high: float

    def __post_init__(self) -> None:
        _check_three_points(self.low, self.mode, self.high)

    @property
    def _ab(self) -> tuple[float, float]:
        span = self.high - self.low
        return (
            1.0 + 4.0 * (self.mode - self.low) / span,
            1.0 + 4.0 * (self.high - self.mode) / span,
        )

    def ppf(self, u: FloatArray) -> FloatArray:
        a, b = self._ab
        x = np.asarray(special.betaincinv(a, b, u), dtype=np.float64)
        return self.low + x * (self.high - self.low)

    @property
    def mean(self) -> float:
        return (self.low + 4.0 * self.mode + self.high) / 6.0

    def describe(self) -> str:
        return f"PERT({self.low:g}, {self.mode:g}, {self.high:g})"


@dataclass(frozen=True)
class LogNormal:
    """Log-normal given by its median and 95th percentile, optionally clipped to [low, high]."""

    median: float
    p95: float
    low: float = 0.0
    high: float = math.inf

    def __post_init__(self) -> None:
        if not 0 < self.median < self.p95:
            raise ValueError("needs 0 < median < p95")

    @property
    def sigma(self) -> float:
        return math.log(self.p95 / self.median) / Z95

    def ppf(self, u: FloatArray) -> FloatArray:
        z = np.asarray(special.ndtri(u), dtype=np.float64)
        x = self.median * np.exp(self.sigma * z)
        return np.clip(x, self.low, self.high)

    @property
    def mean(self) -> float:
        return self.median * math.exp(self.sigma**2 / 2.0)

    def describe(self) -> str:
        text = f"lognormal(median {self.median:g}, P95 {self.p95:g})"
        if self.low > 0 or math.isfinite(self.high):
            text += f" clipped to [{self.low:g}, {self.high:g}]"
        return text


Distribution = Fixed | Triangular | Pert | LogNormal

DIST_KEYS = ("dist", "low", "mode", "high", "median", "p95", "value")


def parse_distribution(value: Any) -> Distribution:
    """A number (fixed) or a mapping: ``{low, mode, high}`` (triangular, or ``dist: pert``),
    ``{dist: lognormal, median, p95}``.  Raises ``ValueError`` saying what is wrong."""
    if isinstance(value, bool):
        raise ValueError("expected a number or a distribution mapping")
    if isinstance(value, int | float):
        if not math.isfinite(float(value)):
            raise ValueError("not a finite number")
        return Fixed(float(value))
    if not isinstance(value, dict):
        raise ValueError("expected a number or a distribution mapping")
    unknown = set(value) - set(DIST_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {sorted(unknown)}; allowed: {', '.join(DIST_KEYS)}")
    kind = str(value.get("dist", "triangular")).lower()
    try:
        nums = {k: float(v) for k, v in value.items() if k != "dist"}
    except (TypeError, ValueError):
        raise ValueError("distribution values must be numbers") from None
    try:
        if kind == "fixed":
            return Fixed(nums["value"])
        if kind in ("triangular", "pert"):
            cls = Triangular if kind == "triangular" else Pert
            return cls(nums["low"], nums["mode"], nums["high"])
        if kind == "lognormal":
            return LogNormal(nums["median"], nums["p95"])
    except KeyError as exc:
        raise ValueError(f"{kind} needs {exc.args[0]!r}") from None
    raise ValueError(f"unknown dist {kind!r} (allowed: fixed, triangular, pert, lognormal)")


def support(dist: Distribution) -> tuple[float, float]:
    """Smallest and largest value the distribution can produce."""
    if isinstance(dist, LogNormal):
        return (max(dist.low, 0.0), dist.high)
    return (dist.low, dist.high)
