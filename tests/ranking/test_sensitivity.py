"""Weight sampling over the simplex and rank stability."""

from __future__ import annotations

import numpy as np
import pytest

from shoring.errors import InputError
from shoring.ranking.mcda import normalise, rank_scores, topsis, weighted_sum
from shoring.ranking.sensitivity import (
    rank_sensitivity,
    sample_weights,
    scores_for_draws,
    top_k_probabilities,
)


def _ks_statistic_beta_1_nm1(samples: np.ndarray, n: int) -> float:
    """KS distance between samples and Beta(1, n-1), whose CDF is 1 - (1 - x)^(n-1)."""
    x = np.sort(samples)
    cdf = 1.0 - (1.0 - x) ** (n - 1)
    k = np.arange(1, x.size + 1)
    return float(max(np.max(k / x.size - cdf), np.max(cdf - (k - 1) / x.size)))


@pytest.mark.parametrize("n", [3, 8, 12])
def test_uniform_simplex_marginals_are_beta_1_n_minus_1(n: int) -> None:
    draws = sample_weights(np.ones(n), 20_000, np.random.default_rng(1), mode="uniform")
    assert draws.shape == (20_000, n)
    np.testing.assert_allclose(draws.sum(axis=1), 1.0)
    assert np.all(draws >= 0)
    critical = 1.63 / np.sqrt(draws.shape[0])  # KS, alpha = 0.01
    for j in range(n):
        assert _ks_statistic_beta_1_nm1(draws[:, j], n) < critical


def test_uniform_then_normalise_would_fail_the_same_check() -> None:
    # The check above can fail: the naive sampler is not uniform on the simplex.
    n = 8
    raw = np.random.default_rng(1).random((20_000, n))
    naive = raw / raw.sum(axis=1, keepdims=True)
    assert _ks_statistic_beta_1_nm1(naive[:, 0], n) > 1.63 / np.sqrt(20_000)


def test_centred_draws_have_the_weights_as_mean_and_keep_zero_weights() -> None:
    w = np.array([0.5, 0.3, 0.2, 0.0])
    draws = sample_weights(w, 40_000, np.random.default_rng(2), concentration=5.0)
    np.testing.assert_allclose(draws.mean(axis=0), w, atol=0.01)
    assert np.all(draws[:, 3] == 0.0)


def test_equal_weights_centred_is_the_uniform_dirichlet() -> None:
    rng_a, rng_b = np.random.default_rng(3), np.random.default_rng(3)
    a = sample_weights(np.ones(5), 100, rng_a, mode="centred", concentration=1.0)
    b = sample_weights(np.ones(5), 100, rng_b, mode="uniform")
    np.testing.assert_allclose(a, b)


@pytest.mark.parametrize("method", ["topsis", "weighted_sum"])
def test_vectorised_scores_equal_a_per_draw_loop(method: str) -> None:
    rng = np.random.default_rng(4)
    matrix = rng.uniform(1, 10, size=(15, 5))
    benefit = np.array([True, False, True, True, False])
    draws = sample_weights(np.ones(5), 50, rng, mode="uniform")
    got = scores_for_draws(normalise(matrix, benefit), draws, method)  # type: ignore[arg-type]
    kernel = topsis if method == "topsis" else weighted_sum
    expected = np.array([kernel(matrix, w, benefit) for w in draws])
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12)


def test_top_k_probabilities_against_explicit_ranks() -> None:
    rng = np.random.default_rng(5)
    scores = rng.random((200, 12))
    p3, p10 = top_k_probabilities(scores)
    ranks = np.array([rank_scores(row) for row in scores])
    np.testing.assert_allclose(p3, (ranks <= 3).mean(axis=0))
    np.testing.assert_allclose(p10, (ranks <= 10).mean(axis=0))
    assert p3.sum() == pytest.approx(3.0)


def test_dominating_alternative_is_always_top3() -> None:
    rng = np.random.default_rng(6)
    matrix = rng.uniform(1, 10, size=(20, 4))
    matrix[7] = [20, 20, 0.5, 20]
    benefit = [True, True, False, True]
    result = rank_sensitivity(matrix, np.ones(4), benefit, n_draws=500, mode="uniform")
    assert result.p_top3[7] == 1.0
    assert all(0.0 <= p <= 1.0 for p in result.p_top10)
    assert sum(result.p_top10) == pytest.approx(10.0)


def test_same_seed_same_result() -> None:
    matrix = np.random.default_rng(7).uniform(1, 10, size=(30, 4))
    args = (matrix, [0.4, 0.3, 0.2, 0.1], [True, False, True, True])
    assert rank_sensitivity(*args, seed=11) == rank_sensitivity(*args, seed=11)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"n_draws": 0}, "draws"),
        ({"concentration": 0.0}, "concentration"),
        ({"mode": "normal"}, "mode"),
    ],
)
def test_bad_sampling_arguments(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InputError, match=field):
        sample_weights(  # type: ignore[arg-type]
            np.ones(3), rng=np.random.default_rng(0), **{"n_draws": 10, **kwargs}
        )
