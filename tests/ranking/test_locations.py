"""rank_locations: the orchestrator over the bundled country data."""

from __future__ import annotations

import numpy as np
import pytest

from shoring.countries.labour import labour_cost
from shoring.errors import InputError
from shoring.io.bundled import country_profiles
from shoring.ranking import rank_locations, topsis, weighted_sum
from shoring.ranking.criteria import BY_NAME, CRITERION_NAMES

DRAWS = 500


@pytest.fixture(scope="module")
def front():  # type: ignore[no-untyped-def]
    return rank_locations("USA", "BPO_FRONT", ["en"], draws=DRAWS, year=2026)


def test_every_country_ranked_or_excluded_once_and_home_left_out(front) -> None:  # type: ignore[no-untyped-def]
    ranked = [r.country for r in front.ranking]
    excluded = [e.country for e in front.excluded]
    assert len(set(ranked)) == len(ranked)
    assert "USA" not in ranked and "USA" not in excluded
    assert sorted(ranked + excluded) == sorted(c for c in country_profiles() if c != "USA")
    assert [r.rank for r in front.ranking] == sorted(r.rank for r in front.ranking)
    assert front.ranking[0].rank == 1


def test_excluded_countries_really_lack_the_figures(front) -> None:  # type: ignore[no-untyped-def]
    profiles = country_profiles()
    for entry in front.excluded:
        assert entry.missing
        if "labour_cost" in entry.missing:
            assert labour_cost(profiles[entry.country]) is None
    for row in front.ranking:
        assert all(row.criteria[n] is not None for n in CRITERION_NAMES if front.weights[n] > 0)


def test_scores_equal_the_kernel_on_the_reported_criteria(front) -> None:  # type: ignore[no-untyped-def]
    active = [n for n in CRITERION_NAMES if front.weights[n] > 0]
    matrix = np.array([[r.criteria[n] for n in active] for r in front.ranking])
    expected = topsis(
        matrix, [front.weights[n] for n in active], [BY_NAME[n].benefit for n in active]
    )
    np.testing.assert_allclose([r.score for r in front.ranking], expected)
    assert all(0 <= r.p_top3 <= r.p_top10 <= 1 for r in front.ranking)


def test_labour_cost_only_ranks_by_cost() -> None:
    result = rank_locations(
        "GBR", "BPO_BACK", weights={"labour_cost": 1}, draws=50, method="weighted_sum"
    )
    costs = [r.criteria["labour_cost"] for r in result.ranking]
    assert costs == sorted(costs)
    # Only cost matters, so countries lacking other figures are not excluded for them.
    assert all(e.missing == ["labour_cost"] for e in result.excluded)


def test_impute_keeps_every_country_and_labels_it() -> None:
    result = rank_locations("USA", "KPO", impute=True, draws=50, year=2026)
    assert len(result.ranking) == len(country_profiles()) - 1
    assert result.excluded == []
    twn = next(r for r in result.ranking if r.country == "TWN")
    assert "labour_cost" in twn.imputed and "digital_readiness" in twn.imputed
    nld = next(r for r in result.ranking if r.country == "NLD")
    assert "GDP per capita" in nld.imputed["labour_cost"]
    phl = next(r for r in result.ranking if r.country == "PHL")
    assert phl.imputed == {}


def test_gsli_and_ef_epi_are_references_not_inputs() -> None:
    profiles = dict(country_profiles())
    base = rank_locations("USA", "ITO", profiles=profiles, draws=50, year=2026)
    changed = {
        code: p.model_copy(update={"gsli_rank_2023": 1, "gsli_rank_2021": 1, "ef_epi_score": 300.0})
        for code, p in profiles.items()
    }
    other = rank_locations("USA", "ITO", profiles=changed, draws=50, year=2026)
    assert [r.score for r in base.ranking] == [r.score for r in other.ranking]
    assert any(r.gsli_rank_2023 is not None for r in base.ranking)


def test_include_home_and_candidates() -> None:
    with_home = rank_locations("USA", "ITO", include_home=True, draws=50)
    assert "USA" in [r.country for r in with_home.ranking]
    few = rank_locations("USA", "ITO", candidates=["India", "PHL", "pl"], draws=50)
    assert sorted(r.country for r in few.ranking) == ["IND", "PHL", "POL"]


def test_default_language_is_the_homes() -> None:
    assert rank_locations("DEU", "BPO_FRONT", draws=20).languages == ["de"]


def test_methods_agree_on_a_dominated_world() -> None:
    ws = rank_locations("USA", "BPO_BACK", method="weighted_sum", draws=20)
    tp = rank_locations("USA", "BPO_BACK", method="topsis", draws=20)
    assert {r.country for r in ws.ranking} == {r.country for r in tp.ranking}
    active = [n for n in CRITERION_NAMES if ws.weights[n] > 0]
    matrix = np.array([[r.criteria[n] for n in active] for r in ws.ranking])
    expected = weighted_sum(
        matrix, [ws.weights[n] for n in active], [BY_NAME[n].benefit for n in active]
    )
    np.testing.assert_allclose([r.score for r in ws.ranking], expected)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"home": "Atlantis"}, "home"),
        ({"category": "SALES"}, "category"),
        ({"languages": ["klingonish"]}, "languages"),
        ({"weights": {"vibes": 1.0}}, "vibes"),
        ({"weights": {"labour_cost": -1.0}}, "non-negative"),
        ({"weights": {"labour_cost": 0.0}}, "all weights are zero"),
        ({"candidates": ["ATA"]}, "no bundled figures"),
        ({"method": "electre"}, "method"),
    ],
)
def test_bad_input(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"home": "USA", "category": "ITO", "draws": 10, **kwargs}
    with pytest.raises(InputError, match=field):
        rank_locations(**args)  # type: ignore[arg-type]
