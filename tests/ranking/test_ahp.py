"""AHP: Saaty's published example, consistent matrices, bad matrices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoring.errors import InputError
from shoring.ranking.ahp import RANDOM_INDEX, ahp_weights, require_consistent

# Saaty, "A scaling method for priorities in hierarchical structures", J. Math. Psychology 15
# (1977) 234-281, and *The Analytic Hierarchy Process* (1980): relative brightness of four
# chairs at increasing distances from a light.  Published: principal eigenvector
# (0.61, 0.24, 0.10, 0.05), lambda_max 4.39, C.I. 0.13.
LIGHT = [
    [1, 5, 6, 7],
    [1 / 5, 1, 4, 6],
    [1 / 6, 1 / 4, 1, 4],
    [1 / 7, 1 / 6, 1 / 4, 1],
]


def test_saaty_light_example_eigenvector() -> None:
    result = ahp_weights(LIGHT, ["c1", "c2", "c3", "c4"], method="eigenvector")
    np.testing.assert_allclose(result.weights, [0.61, 0.24, 0.10, 0.05], atol=0.01)
    assert result.lambda_max == pytest.approx(4.39, abs=0.005)
    assert result.consistency_index == pytest.approx(0.13, abs=0.005)
    assert result.consistency_ratio == pytest.approx(result.consistency_index / RANDOM_INDEX[4])


def test_saaty_light_example_geometric_mean_is_close_to_eigenvector() -> None:
    geo = ahp_weights(LIGHT, method="geometric")
    eig = ahp_weights(LIGHT, method="eigenvector")
    np.testing.assert_allclose(geo.weights, eig.weights, atol=0.01)
    assert sum(geo.weights) == pytest.approx(1.0)


def test_inconsistent_matrix_reports_the_worst_pair() -> None:
    # CR of the light example is 0.13 / 0.90 = 0.145 > 0.1.
    result = ahp_weights(LIGHT, ["cost", "lang", "tz", "talent"])
    assert not result.consistent
    pair = result.worst_pair
    assert pair is not None
    i = ["cost", "lang", "tz", "talent"].index(pair.row)
    j = ["cost", "lang", "tz", "talent"].index(pair.column)
    assert pair.given == pytest.approx(LIGHT[i][j])
    # The worst pair is the one whose judgement is furthest from the implied ratio.
    w = np.array(result.weights)
    error = np.abs(np.log(np.array(LIGHT) * w[None, :] / w[:, None]))
    assert error[i, j] == pytest.approx(error.max())
    with pytest.raises(InputError, match=f"{pair.row} vs {pair.column}"):
        require_consistent(result)


def test_saaty_random_index_values() -> None:
    # Saaty (1980), table of random consistency indices.
    assert [RANDOM_INDEX[n] for n in range(3, 11)] == [
        0.58,
        0.90,
        1.12,
        1.24,
        1.32,
        1.41,
        1.45,
        1.49,
    ]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.01, 100.0), min_size=2, max_size=12))
def test_consistent_matrix_recovers_the_weights(raw: list[float]) -> None:
    w = np.array(raw) / sum(raw)
    matrix = w[:, None] / w[None, :]
    result = ahp_weights(matrix)
    np.testing.assert_allclose(result.weights, w, rtol=1e-6)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-6)
    assert result.consistent
    assert sum(result.weights) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("matrix", "problem"),
    [
        ([[1, 2], [2, 1]], "not reciprocal"),
        ([[1, -2], [-0.5, 1]], "positive"),
        ([[2, 2], [0.5, 1]], "diagonal"),
        ([[1, 2, 3], [0.5, 1, 2]], "square"),
        ([[1]], "square"),
        ([["a", 1], [1, 1]], "positive numbers"),
        ([[1, 3], [0.25, 1]], "not reciprocal"),
    ],
)
def test_bad_matrices_are_input_errors(matrix: list[list[object]], problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        ahp_weights(matrix)  # type: ignore[arg-type]


def test_rounded_reciprocals_and_fraction_strings_are_accepted() -> None:
    exact = ahp_weights([[1, 3, 9], [1 / 3, 1, 3], [1 / 9, 1 / 3, 1]])
    rounded = ahp_weights([[1, 3, 9], [0.333, 1, 3], [0.111, 0.333, 1]])
    fractions = ahp_weights([[1, 3, 9], ["1/3", 1, 3], ["1/9", " 1/3 ", "1"]])
    np.testing.assert_allclose(rounded.weights, exact.weights, rtol=1e-9)
    np.testing.assert_allclose(fractions.weights, exact.weights, rtol=1e-9)


@pytest.mark.parametrize("cell", ["1/0", "one third", True, None, "1/3/2"])
def test_bad_cells_name_the_cell(cell: object) -> None:
    with pytest.raises(InputError) as info:
        ahp_weights([[1, 3], [cell, 1]])  # type: ignore[list-item]
    assert info.value.field == "ahp.matrix[1][0]"


def test_reciprocal_errors_show_plain_numbers() -> None:
    with pytest.raises(InputError) as info:
        ahp_weights([[1, 3, 9], [0.25, 1, 3], [0.111, 0.333, 1]])
    assert "np." not in info.value.message and "float64" not in info.value.message
    assert "0.25" in info.value.message
