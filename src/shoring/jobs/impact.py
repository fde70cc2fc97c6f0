"""Jobs impact: what critics count (domestic jobs moved) beside what proponents count (jobs
created abroad, savings available to reinvest), and the quality risk carried.

- ``domestic_fte_moved_per_year``: the process's FTE leave the company's own employment
  (to a vendor, a freelancer or a centre abroad), paced by the portfolio constraint
  ``max_move_per_quarter`` (a cautious phase-in), per year of the horizon;
  ``domestic_jobs_leaving_country`` counts those whose work leaves the home country.
- ``fte_created_abroad``: steady-state FTE in the worker country (the same work plus expected
  rework).
- ``net_savings_to_reinvest_per_year``: the mean NPV of savings as an equivalent annual
  amount (annuity over the horizon at the discount rate); negative means a cost.
- ``quality_risk``: expected rework plus language penalty as a share of the contract value,
  with a plain label (modelling assumption: low < 5% <= medium < 15% <= high).
"""

from __future__ import annotations

import math
from typing import Any

from shoring.cost.plan import OptionPlan, Plan, ProcessPlan


def _annuity(rate: float, years: float) -> float:
    if rate < 1e-9:
        return years
    return float((1.0 - (1.0 + rate) ** (-years)) / rate)


def jobs_impact(
    plan: Plan, process: ProcessPlan, option: OptionPlan, mean_npv: float
) -> dict[str, Any]:
    years = max(1, math.ceil(plan.horizon_years))
    moved_total = process.fte if option.moved else 0.0
    per_quarter = process.fte * plan.max_move_per_quarter
    per_year = []
    remaining = moved_total
    for _ in range(years):
        step = min(remaining, 4 * per_quarter)
        per_year.append(round(step, 3))
        remaining -= step
    abroad = option.country != plan.home
    rework = option.dists["rework_share"].mean if option.moved else 0.0
    crit = option.dists["critical_knowledge_multiplier"].mean if option.critical else 1.0
    language = option.dists["language_penalty"].mean * option.language_gap if option.moved else 0.0
    quality = rework * crit + language
    label = "low" if quality < 0.05 else "medium" if quality < 0.15 else "high"
    return {
        "domestic_fte_moved_per_year": per_year,
        "domestic_jobs_leaving_country": moved_total if abroad else 0.0,
        "fte_created_abroad": round(process.fte * (1.0 + rework * crit), 3) if abroad else 0.0,
        "net_savings_to_reinvest_per_year": mean_npv
        / _annuity(plan.discount_rate, plan.horizon_years),
        "quality_risk": {"expected_cost_share": quality, "level": label},
    }
