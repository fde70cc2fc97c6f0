"""Properties of the cost kernel and the simulation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoring.cost.plan import Plan
from shoring.io.portfolio import parse_portfolio
from shoring.simulate import prepare, simulate
from tests.conftest import tiny_portfolio

FAST = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _options(result: Any) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in result.processes[0]["options"]}


@FAST
@given(seed=st.integers(0, 10_000), n=st.integers(1, 600))
def test_status_quo_zero_twins_identical_and_summaries_ordered(
    tiny_plan: Plan, seed: int, n: int
) -> None:
    result = simulate(tiny_plan, n, seed)
    opts = _options(result)
    home = opts["home"]
    assert home["status_quo"]
    assert home["npv_savings"] == {"mean": 0.0, "p5": 0.0, "p50": 0.0, "p95": 0.0}
    assert home["prob_loss"] == 0.0
    # Common random numbers: two identical options give identical results.
    twin_a, twin_b = dict(opts["ind"]), dict(opts["ind-twin"])
    twin_a.pop("id"), twin_b.pop("id")
    assert twin_a == twin_b
    for o in opts.values():
        npv = o["npv_savings"]
        assert npv["p5"] <= npv["p50"] <= npv["p95"]
        assert 0.0 <= o["prob_loss"] <= 1.0
        assert 0.0 <= o["prob_never_pays_back"] <= 1.0
    assert result.evaluations == n * tiny_plan.pairs * tiny_plan.quarters


def test_chunk_size_does_not_change_results(tiny_plan: Plan) -> None:
    one = simulate(tiny_plan, 9000, 5, chunk_blocks=1).to_json()
    three = simulate(tiny_plan, 9000, 5, chunk_blocks=3).to_json()
    assert one == three


def test_histogram_mode_agrees_with_exact_within_its_resolution(tiny_plan: Plan) -> None:
    exact = _options(simulate(tiny_plan, 20_000, 3))
    hist = _options(simulate(tiny_plan, 20_000, 3, exact_limit=0))
    for key, e in exact.items():
        h = hist[key]
        res = h["percentile_resolution"]
        assert h["npv_savings"]["mean"] == e["npv_savings"]["mean"]
        assert h["prob_loss"] == e["prob_loss"]
        for q in ("p5", "p50", "p95"):
            assert abs(h["npv_savings"][q] - e["npv_savings"][q]) <= 2 * res + 1e-6
        if e["payback_months_p50"] is not None:
            assert abs(h["payback_months_p50"] - e["payback_months_p50"]) <= 0.5
    # A payback that is always 0 (the status quo, homeshoring with no transition) reads 0
    # in both modes, not the middle of the histogram's first bin.
    for key in ("home", "homeshore"):
        assert exact[key]["payback_months_p50"] == hist[key]["payback_months_p50"] == 0.0


def _plan_for(rate: float, option: dict[str, Any], **params: Any) -> Plan:
    data = tiny_portfolio(parameters=params)
    data["company"]["discount_rate"] = rate
    data["options"] = [data["options"][0], option]
    return prepare(parse_portfolio(data))


HOMESHORE = {
    "id": "x",
    "country": "USA",
    "provider": "company",
    "workplace": "worker_home",
    "parameters": {"seat_cost_share": 0.0},
}
VENDOR = {
    "id": "x",
    "country": "USA",
    "provider": "outsourcing_firm",
    "workplace": "provider_site",
    "parameters": {"provider_margin": 0.5, "provider_efficiency": 0.0},
}


@FAST
@given(r1=st.floats(0.0, 0.3), r2=st.floats(0.0, 0.3))
def test_npv_monotone_in_discount_rate_when_savings_have_one_sign(r1: float, r2: float) -> None:
    low, high = sorted((r1, r2))
    if high - low < 1e-3:
        return
    # Savings positive every quarter, no one-time cost: a higher rate lowers the NPV.
    gain = [
        _options(simulate(_plan_for(r, HOMESHORE, seat_cost_share=0.2), 200, 1))["x"]
        for r in (low, high)
    ]
    assert gain[0]["npv_savings"]["mean"] > gain[1]["npv_savings"]["mean"] > 0
    # Savings negative every quarter: a higher rate makes the loss smaller.
    loss = [_options(simulate(_plan_for(r, VENDOR), 200, 1))["x"] for r in (low, high)]
    assert loss[0]["npv_savings"]["mean"] < loss[1]["npv_savings"]["mean"] < 0
    assert loss[0]["prob_loss"] == 1.0 and loss[0]["payback_months_p50"] is None


def test_higher_attrition_and_governance_cost_more() -> None:
    base = _options(simulate(_plan_for(0.08, VENDOR | {"parameters": {}}), 500, 2))["x"]
    worse = _options(
        simulate(
            _plan_for(0.08, VENDOR | {"parameters": {}}, attrition_rate=0.9, governance_share=0.3),
            500,
            2,
        )
    )["x"]
    assert worse["npv_savings"]["p50"] < base["npv_savings"]["p50"]


def test_tornado_rows_are_sorted_and_name_inputs(tiny_plan: Plan) -> None:
    result = simulate(tiny_plan, 100, 0)
    rows = _options(result)["ind"]["tornado"]
    assert rows, "an offshore option has uncertain inputs"
    swings = [r["swing"] for r in rows]
    assert swings == sorted(swings, reverse=True)
    assert all(math.isfinite(r["npv_at_p10"]) for r in rows)


def test_the_first_scenarios_of_a_longer_run_are_a_shorter_run(tiny_plan: Plan) -> None:
    from shoring.compute.unit import UnitTask, run_unit
    from shoring.cost.model import TimeGrid

    grid = TimeGrid(tiny_plan.quarters, tiny_plan.discount_rate)
    short = run_unit(UnitTask(0, tiny_plan.processes, "USA", grid, 4, 700, 1, True))
    long = run_unit(UnitTask(0, tiny_plan.processes, "USA", grid, 4, 5000, 1, True))
    assert np.array_equal(short.portfolio, long.portfolio[:700])


def test_scenarios_must_be_positive(tiny_plan: Plan) -> None:
    from shoring.errors import InputError

    with pytest.raises(InputError):
        simulate(tiny_plan, 0, 1)


def _language_gaps(category: str, customer_facing: bool) -> dict[str, float]:
    data = tiny_portfolio(category=category, customer_facing=customer_facing, languages=["de"])
    data["company"] = {"name": "T", "country": "DEU", "currency": "EUR", "horizon_years": 2}
    data["options"] = [
        {"id": "home", "country": "DEU", "provider": "company", "workplace": "company_site"},
        {
            "id": "gha",
            "country": "GHA",
            "provider": "outsourcing_firm",
            "workplace": "provider_site",
        },
    ]
    plan = prepare(parse_portfolio(data))
    return {o.id: o.language_gap for o in plan.processes[0].options}


def test_back_office_work_in_german_bears_a_language_cost_abroad() -> None:
    from shoring.cost.language import WRITTEN_WORK_LANGUAGE_INTENSITY

    back = _language_gaps("BPO_BACK", customer_facing=False)
    front = _language_gaps("BPO_BACK", customer_facing=True)
    assert back["home"] == 0.0 and front["home"] == 0.0
    assert front["gha"] > 0.0
    assert back["gha"] == pytest.approx(front["gha"] * WRITTEN_WORK_LANGUAGE_INTENSITY)
    assert 0.0 < WRITTEN_WORK_LANGUAGE_INTENSITY < 1.0
    assert _language_gaps("NONE", customer_facing=False)["gha"] == 0.0
