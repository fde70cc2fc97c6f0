"""Weights documents: mappings and AHP matrices, with errors naming file and field."""

from __future__ import annotations

import pytest

from shoring.errors import InputError
from shoring.ranking.criteria import CRITERION_NAMES, DEFAULT_WEIGHTS, complete_weights
from shoring.ranking.weights import parse_weights_document
from shoring.taxonomy import Category


def test_default_profiles_cover_every_category_and_sum_to_one() -> None:
    assert set(DEFAULT_WEIGHTS) == set(Category)
    for weights in DEFAULT_WEIGHTS.values():
        assert set(weights) == set(CRITERION_NAMES)
        assert sum(weights.values()) == pytest.approx(1.0)
        assert all(w > 0 for w in weights.values())


def test_category_profiles_follow_their_rationale() -> None:
    front, back, kpo = (
        DEFAULT_WEIGHTS[c] for c in (Category.BPO_FRONT, Category.BPO_BACK, Category.KPO)
    )
    assert (
        front["language_fit"] + front["timezone_overlap"]
        > back["language_fit"] + back["timezone_overlap"]
    )
    assert max(back, key=back.__getitem__) == "labour_cost"
    assert max(kpo, key=kpo.__getitem__) == "talent_pool"


def test_flat_and_nested_mappings() -> None:
    flat = parse_weights_document({"labour_cost": 3, "language_fit": 1})
    nested = parse_weights_document({"weights": {"labour_cost": 3, "language_fit": 1}})
    assert flat.weights == nested.weights
    assert flat.weights["labour_cost"] == pytest.approx(0.75)
    assert flat.weights["governance"] == 0.0
    assert sum(flat.weights.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        ({"cheapness": 1}, "unknown criterion"),
        ({"labour_cost": -1}, "non-negative"),
        ({"labour_cost": 0, "language_fit": 0}, "all weights are zero"),
        ({"labour_cost": "high"}, "must be a number"),
        ([1, 2], "mapping"),
    ],
)
def test_bad_mappings_name_the_file(doc: object, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as info:
        parse_weights_document(doc, source="w.yaml")
    assert info.value.message.startswith("w.yaml")


def test_ahp_document() -> None:
    doc = {
        "ahp": {
            "criteria": ["labour_cost", "language_fit", "timezone_overlap"],
            "matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]],
        }
    }
    spec = parse_weights_document(doc)
    assert spec.ahp is not None and spec.ahp.consistent
    assert spec.weights["labour_cost"] == pytest.approx(4 / 7)
    assert spec.weights["talent_pool"] == 0.0


def test_inconsistent_ahp_document_names_the_pair() -> None:
    doc = {
        "ahp": {
            "criteria": ["labour_cost", "language_fit", "timezone_overlap"],
            "matrix": [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]],
        }
    }
    with pytest.raises(InputError, match=r"consistency ratio above 0.1.*pair") as info:
        parse_weights_document(doc, source="ahp.yaml")
    assert "ahp.yaml" in info.value.message


def test_ahp_unknown_criterion() -> None:
    doc = {"ahp": {"criteria": ["labour_cost", "vibes"], "matrix": [[1, 2], [0.5, 1]]}}
    with pytest.raises(InputError, match=r"ahp.criteria\[1\]"):
        parse_weights_document(doc)


def test_complete_weights_rejects_nan() -> None:
    with pytest.raises(InputError):
        complete_weights({"labour_cost": float("nan")})


def test_an_ahp_matrix_written_with_fractions_in_yaml() -> None:
    import yaml

    doc = yaml.safe_load(
        "ahp:\n  criteria: [labour_cost, language_fit]\n  matrix: [[1, 3], [1/3, 1]]\n"
    )
    spec = parse_weights_document(doc, "w.yaml")
    assert spec.weights["labour_cost"] == pytest.approx(0.75)
    assert spec.weights["language_fit"] == pytest.approx(0.25)
