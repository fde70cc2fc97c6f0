"""Distributions sampled by inverse CDF."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shoring.risk.distributions import (
    Fixed,
    LogNormal,
    Pert,
    Triangular,
    parse_distribution,
)

U = np.linspace(0.0005, 0.9995, 20_000)


@given(
    st.floats(-100, 100),
    st.floats(0, 1),
    st.floats(0.01, 100),
)
def test_triangular_stays_in_range_and_is_monotone(low: float, where: float, span: float) -> None:
    dist = Triangular(low, low + where * span, low + span)
    x = dist.ppf(U)
    assert x.min() >= low - 1e-9 and x.max() <= low + span + 1e-9
    assert np.all(np.diff(x) >= -1e-9)
    assert float(x.mean()) == pytest.approx(dist.mean, rel=1e-2, abs=1e-2 * span)


def test_pert_mean_and_range() -> None:
    dist = Pert(2.0, 3.0, 10.0)
    x = dist.ppf(U)
    assert x.min() >= 2.0 and x.max() <= 10.0
    assert float(x.mean()) == pytest.approx(dist.mean, rel=1e-3)


def test_lognormal_median_and_p95() -> None:
    dist = LogNormal(6.0, 12.0)
    assert float(dist.ppf(np.array([0.5]))[0]) == pytest.approx(6.0)
    assert float(dist.ppf(np.array([0.95]))[0]) == pytest.approx(12.0, rel=1e-6)
    clipped = LogNormal(6.0, 12.0, low=1.0, high=36.0)
    assert clipped.ppf(np.array([1e-12, 1 - 1e-12])).tolist() == [1.0, 36.0]


def test_parse_distribution_forms() -> None:
    assert parse_distribution(0.3) == Fixed(0.3)
    assert parse_distribution({"low": 1, "mode": 2, "high": 3}) == Triangular(1, 2, 3)
    assert parse_distribution({"dist": "pert", "low": 1, "mode": 2, "high": 3}) == Pert(1, 2, 3)
    assert parse_distribution({"dist": "lognormal", "median": 2, "p95": 4}) == LogNormal(2, 4)
    for bad in ({"low": 1}, {"dist": "weibull"}, {"x": 1}, True, "1", float("nan")):
        with pytest.raises(ValueError):
            parse_distribution(bad)
