"""Jobs impact: both sides' figures."""

from __future__ import annotations

import pytest

from shoring.cost.plan import Plan
from shoring.jobs import jobs_impact


def test_status_quo_moves_no_jobs_and_offshoring_moves_all(tiny_plan: Plan) -> None:
    process = tiny_plan.processes[0]
    by_id = {o.id: o for o in process.options}
    home = jobs_impact(tiny_plan, process, by_id["home"], 0.0)
    assert sum(home["domestic_fte_moved_per_year"]) == 0
    assert home["fte_created_abroad"] == 0 and home["quality_risk"]["level"] == "low"
    ind = jobs_impact(tiny_plan, process, by_id["ind"], 1000.0)
    assert sum(ind["domestic_fte_moved_per_year"]) == pytest.approx(process.fte)
    assert ind["domestic_jobs_leaving_country"] == process.fte
    assert ind["fte_created_abroad"] >= process.fte
    assert ind["net_savings_to_reinvest_per_year"] > 0
    # Paced by max_move_per_quarter (0.15 by default): 60% in the first year.
    assert ind["domestic_fte_moved_per_year"][0] == pytest.approx(0.6 * process.fte)
    homeshore = jobs_impact(tiny_plan, process, by_id["homeshore"], 10.0)
    assert homeshore["domestic_jobs_leaving_country"] == 0
