"""The vectorised kernel agrees with a scalar, loop-by-loop reference of the same formulas."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from shoring.cost.model import Draws, TimeGrid, evaluate
from shoring.cost.plan import Plan
from shoring.io.portfolio import parse_portfolio
from shoring.portfolio.synthetic import synthetic_portfolio
from shoring.risk.sampling import country_draws, process_draws
from shoring.simulate import prepare
from tests.cost.reference import reference

SCENARIOS = 6


def _varied_portfolio() -> dict[str, Any]:
    """Generated options (vendors, captives, freelancers, homeshoring at several distances)
    plus processes that switch on the kernel's optional terms: critical knowledge, a
    customer-facing process in German, on-site shares, a short and a long horizon."""
    data = synthetic_portfolio(6, seed=3)
    data["company"]["horizon_years"] = 3
    data["processes"][0]["critical_knowledge"] = True
    data["processes"][1].update(customer_facing=True, languages=["de"])
    data["processes"][2]["parameters"] = {"onsite_share": {"low": 0.0, "mode": 0.1, "high": 0.3}}
    return data


@pytest.fixture(scope="module")
def varied_plan() -> Plan:
    return prepare(parse_portfolio(_varied_portfolio()))


def test_kernel_matches_the_scalar_reference(varied_plan: Plan) -> None:
    grid = TimeGrid(varied_plan.quarters, varied_plan.discount_rate)
    countries = {c: country_draws(11, c, 0, SCENARIOS) for c in varied_plan.countries}
    shared: dict[object, np.ndarray] = {}  # as in a unit: one cache for all its processes
    checked = 0
    for process in varied_plan.processes:
        uniforms = process_draws(11, process.id, 0, SCENARIOS)
        npv, payback = evaluate(process, Draws(countries, uniforms, grid, shared))
        assert npv.shape == payback.shape == (len(process.options), SCENARIOS)
        for s in range(SCENARIOS):
            ref = reference(process, countries, uniforms, grid.quarters, grid.discount_rate, s)
            for j, (ref_npv, ref_payback) in enumerate(ref):
                assert npv[j, s] == pytest.approx(ref_npv, rel=1e-9, abs=1e-6)
                if math.isinf(ref_payback):
                    assert math.isinf(payback[j, s])
                else:  # running sums are float32 in the kernel: a few minutes at most
                    assert payback[j, s] == pytest.approx(ref_payback, abs=0.05)
                checked += 1
    moved = [o for p in varied_plan.processes for o in p.options if o.moved]
    assert checked > 50 and moved
    assert any(o.language_gap > 0 for o in moved)
    assert any(o.missing_overlap > 0 for o in moved)
    assert any(p.options[1].critical for p in varied_plan.processes)


def test_reference_sees_payback_and_losses(varied_plan: Plan) -> None:
    """The comparison above is not vacuous: the scenarios have both finite paybacks and
    options that lose money."""
    grid = TimeGrid(varied_plan.quarters, varied_plan.discount_rate)
    countries = {c: country_draws(11, c, 0, SCENARIOS) for c in varied_plan.countries}
    npvs, paybacks = [], []
    for process in varied_plan.processes:
        uniforms = process_draws(11, process.id, 0, SCENARIOS)
        for s in range(SCENARIOS):
            for value, months in reference(
                process, countries, uniforms, grid.quarters, grid.discount_rate, s
            )[1:]:
                npvs.append(value)
                paybacks.append(months)
    assert min(npvs) < 0.0 < max(npvs)
    finite = [m for m in paybacks if math.isfinite(m)]
    assert finite and len(finite) < len(paybacks)
    assert np.ptp(finite) > 3.0


def test_an_option_that_saves_nothing_at_first_has_not_paid_back() -> None:
    """No one-time costs and a first quarter entirely in transition with no parallel running:
    the running savings start at exactly 0 and then go negative.  That is not a payback at
    month 0 (it was, when "reached" meant >= 0)."""
    data = _varied_portfolio()
    data["processes"] = data["processes"][:1]
    data["processes"][0]["parameters"] = {
        "vendor_selection_share": 0.0,
        "severance_share": 0.0,
        "knowledge_transfer_share": 0.0,
        "parallel_running_share": 0.0,
        "transition_months": 6.0,
        "provider_margin": 5.0,  # an onshore vendor at six times the cost: never pays back
    }
    data["options"] = [
        {"id": "home", "country": "USA", "provider": "company", "workplace": "company_site"},
        {
            "id": "us",
            "country": "USA",
            "provider": "outsourcing_firm",
            "workplace": "provider_site",
        },
    ]
    plan = prepare(parse_portfolio(data))
    grid = TimeGrid(plan.quarters, plan.discount_rate)
    countries = {c: country_draws(2, c, 0, 64) for c in plan.countries}
    process = plan.processes[0]
    npv, payback = evaluate(process, Draws(countries, process_draws(2, process.id, 0, 64), grid))
    assert (npv[1] < 0).all()
    assert np.isinf(payback[1]).all()
