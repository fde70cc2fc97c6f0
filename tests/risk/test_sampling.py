"""Random streams: reproducible, independent of chunking, correlated where it matters."""

from __future__ import annotations

import numpy as np

from shoring.cost.parameters import COUNTRY_STREAM, PROCESS_STREAM
from shoring.risk.sampling import BLOCK, country_draws, process_draws


def test_same_seed_same_draws_other_seed_other_draws() -> None:
    a = process_draws(7, "p1", 0, 1000)
    assert np.array_equal(a, process_draws(7, "p1", 0, 1000))
    assert not np.array_equal(a, process_draws(8, "p1", 0, 1000))
    assert not np.array_equal(a, process_draws(7, "p2", 0, 1000))


def test_draws_do_not_depend_on_how_blocks_are_grouped() -> None:
    whole = process_draws(3, "p", 0, 3 * BLOCK)
    parts = [process_draws(3, "p", i * BLOCK, (i + 1) * BLOCK) for i in range(3)]
    assert np.array_equal(whole, np.concatenate(parts, axis=1))
    assert np.array_equal(process_draws(3, "p", 0, 100), whole[:, :100])


def test_uniforms_are_uniform_and_fx_shock_is_normal() -> None:
    u = process_draws(1, "p", 0, 4 * BLOCK)
    assert u.min() > 0 and u.max() < 1
    assert abs(float(u.mean()) - 0.5) < 0.01
    c = country_draws(1, "IND", 0, 4 * BLOCK)
    fx = c[COUNTRY_STREAM.index("fx_shock")]
    assert abs(float(fx.mean())) < 0.05 and abs(float(fx.std()) - 1) < 0.05


def test_correlations_have_the_stated_sign() -> None:
    u = process_draws(2, "p", 0, 8 * BLOCK)
    ramp, rework = u[PROCESS_STREAM.index("ramp_months")], u[PROCESS_STREAM.index("rework_share")]
    assert np.corrcoef(ramp, rework)[0, 1] > 0.4
    c = country_draws(2, "PHL", 0, 8 * BLOCK)
    wage = c[COUNTRY_STREAM.index("wage_inflation")]
    fx = c[COUNTRY_STREAM.index("fx_shock")]
    assert np.corrcoef(wage, fx)[0, 1] < -0.2
