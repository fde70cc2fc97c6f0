"""TOPSIS and weighted sum: cross-checked against pymcdm and a published worked example."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm.methods import TOPSIS, WSM
from pymcdm.normalizations import minmax_normalization, vector_normalization

from shoring.errors import InputError
from shoring.ranking.mcda import (
    constant_columns,
    normalise,
    rank_scores,
    topsis,
    validate_weights,
    weighted_sum,
)


def _random_problem(seed: int, n: int = 12, m: int = 6):
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(1.0, 100.0, size=(n, m))
    weights = rng.dirichlet(np.ones(m))
    benefit = rng.random(m) < 0.6
    benefit[0] = True
    benefit[-1] = False
    return matrix, weights, benefit


@pytest.mark.parametrize("seed", range(10))
def test_topsis_minmax_matches_pymcdm(seed: int) -> None:
    matrix, weights, benefit = _random_problem(seed)
    types = np.where(benefit, 1, -1)
    expected = TOPSIS(normalization_function=minmax_normalization)(matrix, weights, types)
    np.testing.assert_allclose(topsis(matrix, weights, benefit), expected, rtol=1e-9)


@pytest.mark.parametrize("seed", range(10))
def test_topsis_vector_matches_pymcdm(seed: int) -> None:
    matrix, weights, benefit = _random_problem(seed)
    types = np.where(benefit, 1, -1)
    expected = TOPSIS(normalization_function=vector_normalization)(matrix, weights, types)
    got = topsis(matrix, weights, benefit, normalisation="vector")
    np.testing.assert_allclose(got, expected, rtol=1e-9)


@pytest.mark.parametrize("seed", range(10))
def test_weighted_sum_matches_pymcdm(seed: int) -> None:
    matrix, weights, benefit = _random_problem(seed)
    types = np.where(benefit, 1, -1)
    expected = WSM(normalization_function=minmax_normalization)(matrix, weights, types)
    np.testing.assert_allclose(weighted_sum(matrix, weights, benefit), expected, rtol=1e-9)


def test_topsis_hwang_yoon_fighter_aircraft_example() -> None:
    """Hwang & Yoon (1981), *Multiple Attribute Decision Making*, Springer LNEMS 186, the
    fighter-aircraft TOPSIS example: 4 aircraft x 6 attributes (max speed, ferry range,
    max payload, acquisition cost [cost], reliability, manoeuvrability; qualitative ratings
    on their 1-9 interval scale), weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3).  Relative
    closeness A1 0.643, A2 0.268 and the order A1 > A3 > A4 > A2, as the example is widely
    reproduced; these were not re-checked against the book here (no copy at hand), which is
    why the pymcdm cross-checks above carry the numerical weight."""
    matrix = [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
    weights = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
    benefit = [True, True, True, False, True, True]
    closeness = topsis(matrix, weights, benefit, normalisation="vector")
    assert closeness[0] == pytest.approx(0.643, abs=5e-4)
    assert closeness[1] == pytest.approx(0.268, abs=5e-4)
    assert list(np.argsort(-closeness)) == [0, 2, 3, 1]


def test_cost_criteria_are_inverted_before_normalising() -> None:
    # One cost criterion: the cheapest alternative must get normalised value 1, the dearest 0.
    r = normalise([[10.0], [30.0], [20.0]], [False])
    np.testing.assert_allclose(r[:, 0], [1.0, 0.0, 0.5])


def test_constant_column_guard() -> None:
    matrix = np.array([[1.0, 5.0, 3.0], [2.0, 5.0, 1.0], [3.0, 5.0, 2.0]])
    assert constant_columns(matrix) == [1]
    r = normalise(matrix, [True, True, False])
    assert np.all(np.isfinite(r))
    assert np.all(r[:, 1] == 0.0)
    # The constant column cannot change TOPSIS closeness (weights are rescaled uniformly).
    without = topsis(matrix[:, [0, 2]], [0.5, 0.5], [True, False])
    with_const = topsis(matrix, [0.4, 0.2, 0.4], [True, True, False])
    np.testing.assert_allclose(with_const, without)


def test_all_equal_alternatives_score_one_half() -> None:
    np.testing.assert_allclose(topsis([[1.0, 2.0], [1.0, 2.0]], [1, 1], [True, False]), 0.5)


@pytest.mark.parametrize(
    ("weights", "problem"),
    [
        ([0.5, -0.1], "negative"),
        ([0.0, 0.0], "positive"),
        ([1.0], "expected 2"),
        ([np.nan, 1.0], "finite"),
    ],
)
def test_bad_weights_are_input_errors(weights: list[float], problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        topsis([[1.0, 2.0], [2.0, 1.0]], weights, [True, True])


def test_rank_scores_ties_share_the_better_rank() -> None:
    assert rank_scores([0.2, 0.9, 0.2, 0.5]).tolist() == [3, 1, 3, 2]


matrices = st.integers(2, 8).flatmap(
    lambda n: st.integers(1, 5).flatmap(
        lambda m: st.tuples(
            arrays(np.float64, (n, m), elements=st.floats(0.01, 1e6)),
            arrays(np.float64, (m,), elements=st.floats(0.0, 10.0)).filter(
                lambda w: w.sum() > 1e-3
            ),
            arrays(np.bool_, (m,)),
        )
    )
)


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_scores_lie_in_unit_interval(problem: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    matrix, weights, benefit = problem
    for scores in (topsis(matrix, weights, benefit), weighted_sum(matrix, weights, benefit)):
        assert np.all(scores >= -1e-12)
        assert np.all(scores <= 1 + 1e-12)


@settings(max_examples=60, deadline=None)
@given(matrices, st.floats(1e-3, 1e3), st.data())
def test_rank_invariant_to_positive_scaling_of_a_criterion(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], factor: float, data: st.DataObject
) -> None:
    matrix, weights, benefit = problem
    column = data.draw(st.integers(0, matrix.shape[1] - 1))
    scaled = matrix.copy()
    scaled[:, column] *= factor
    for method in (topsis, weighted_sum):
        before = method(matrix, weights, benefit)
        after = method(scaled, weights, benefit)
        # Scores (hence ranks, up to floating-point noise on exact ties) are unchanged.
        np.testing.assert_allclose(after, before, atol=1e-9)
        gap = np.abs(before[:, None] - before[None, :])
        clear = gap > 1e-9
        order_before = before[:, None] > before[None, :]
        order_after = after[:, None] > after[None, :]
        assert np.array_equal(order_before[clear], order_after[clear])


@settings(max_examples=60, deadline=None)
@given(matrices, st.data())
def test_dominating_alternative_ranks_first(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], data: st.DataObject
) -> None:
    matrix, weights, benefit = problem
    best = np.where(benefit, matrix.max(axis=0) * 1.5, matrix.min(axis=0) / 1.5)
    row = data.draw(st.integers(0, matrix.shape[0]))
    stacked = np.insert(matrix, row, best, axis=0)
    for method in (topsis, weighted_sum):
        scores = method(stacked, weights, benefit)
        assert rank_scores(scores)[row] == 1


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(1, 12), elements=st.floats(0.0, 1e3)))
def test_validated_weights_sum_to_one(weights: np.ndarray) -> None:
    if weights.sum() <= 0:
        with pytest.raises(InputError):
            validate_weights(weights, weights.shape[0])
        return
    w = validate_weights(weights, weights.shape[0])
    assert w.sum() == pytest.approx(1.0)
    assert np.all(w >= 0)
