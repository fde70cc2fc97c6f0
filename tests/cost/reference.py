"""A scalar reference of the cost model: one option, one scenario, one quarter at a time.

Written from the formulas in :mod:`shoring.cost.model`'s docstring with plain Python loops,
so the vectorised kernel (shared cost paths, running sums, batched payback search) can be
checked against arithmetic that has none of its tricks.
"""

from __future__ import annotations

import math

import numpy as np

from shoring.cost.parameters import COUNTRY_STREAM, PROCESS_STREAM
from shoring.cost.plan import OptionPlan, ProcessPlan


class Inputs:
    """Sampled inputs of one scenario, from the same uniforms the kernel gets."""

    def __init__(self, country: dict[str, np.ndarray], process: np.ndarray, s: int) -> None:
        self.country, self.process, self.s = country, process, s

    def __call__(self, o: OptionPlan, name: str) -> float:
        dist = o.dists[name]
        if name in COUNTRY_STREAM:
            u = self.country[o.country][COUNTRY_STREAM.index(name)]
        elif name in PROCESS_STREAM:
            u = self.process[PROCESS_STREAM.index(name)]
        else:
            return float(dist.mean)
        return float(dist.ppf(np.array([u[self.s]]))[0])

    def fx_shock(self, country: str) -> float:
        return float(self.country[country][COUNTRY_STREAM.index("fx_shock")][self.s])


def _run_hidden_home(x: Inputs, o: OptionPlan) -> tuple[float, float, float]:
    labour = o.labour_base * x(o, "labour_cost_factor")
    if o.earnings_ratio != 1.0:
        labour *= o.earnings_ratio ** x(o, "skill_pay_exponent")
    if o.apply_oncost:
        labour *= 1.0 + x(o, "employer_oncost")
    price = (1.0 - x(o, "provider_efficiency")) * (1.0 + x(o, "provider_margin"))
    run = labour * price * (1.0 + x(o, "seat_cost_share"))
    crit = x(o, "critical_knowledge_multiplier") if o.critical else 1.0
    hidden = x(o, "attrition_rate") * x(o, "replacement_cost_months") / 12.0
    if o.governed:
        hidden += x(o, "governance_share")
    home = 0.0
    if o.abroad:
        onsite = x(o, "onsite_share")
        run *= 1.0 - onsite
        home += onsite * price
    if o.missing_overlap > 0.0:
        home += x(o, "coordination_share") * o.missing_overlap * crit
    if o.moved:
        home += x(o, "rework_share") * crit
        if o.language_gap > 0.0:
            home += x(o, "language_penalty") * o.language_gap
    return run, hidden, home


def _drift(x: Inputs, o: OptionPlan, t: int) -> float:
    y = (t + 0.5) / 4.0
    sigma = o.dists["fx_volatility"].mean
    return (1.0 + x(o, "wage_inflation")) ** y * math.exp(sigma * x.fx_shock(o.country) * y**0.5)


def _ramp(x: Inputs, o: OptionPlan, t: int) -> tuple[float, float]:
    """(share of quarter t still in transition, productivity after it)."""
    if not o.moved:
        return 0.0, 1.0
    trans = x(o, "transition_months")
    p0 = min(x(o, "initial_productivity"), 0.95)
    start, end = 3.0 * t, 3.0 * t + 3.0
    m = min(1.0, max(0.0, (trans - start) / 3.0))
    mid = (max(start, trans) + end) / 2.0 - trans  # middle of the quarter's part after it
    a = (1.0 - p0) / p0
    k = math.log(19.0 * a) / x(o, "ramp_months")  # 95 % productivity at ramp_months
    return m, 1.0 / (1.0 + a * math.exp(-k * mid))


def reference(
    process: ProcessPlan,
    country: dict[str, np.ndarray],
    uniforms: np.ndarray,
    quarters: int,
    rate: float,
    s: int,
) -> list[tuple[float, float]]:
    """(NPV of savings, payback month) per option of ``process`` in scenario ``s``."""
    x = Inputs(country, uniforms, s)
    sq = process.options[0]
    fte = process.fte
    sq_run, sq_hidden, _ = _run_hidden_home(x, sq)
    sq_tool = fte / 4.0 * x(sq, "tooling_per_fte") if sq.own_tooling else 0.0
    out = [(0.0, 0.0)]
    for o in process.options[1:]:
        run, hidden, home = _run_hidden_home(x, o)
        tool = fte / 4.0 * x(o, "tooling_per_fte") if o.own_tooling else 0.0
        npv, cum, flows = 0.0, 0.0, []
        for t in range(quarters):
            w_home, w = _drift(x, sq, t), _drift(x, o, t)
            status_quo = fte / 4.0 * sq_run * (1.0 + sq_hidden) * w_home
            new_team = fte / 4.0 * run * (1.0 + hidden) * w
            effort = fte / 4.0 * sq_run * home * w_home  # home-side effort, on the SQ cost
            m, prod = _ramp(x, o, t)
            parallel = x(o, "parallel_running_share") if o.moved else 0.0
            # In transition (share m) the status quo keeps running beside a parallel team;
            # afterwards the new team and the home-side effort are paid at 1/productivity.
            saving = (1.0 - m) * (status_quo - (new_team + effort) / prod + sq_tool - tool)
            saving -= m * parallel * new_team
            flows.append(saving)
            npv += saving * (1.0 + rate) ** (-(t + 1) / 4.0)
        one_time = 0.0
        if o.moved:
            crit = x(o, "critical_knowledge_multiplier") if o.critical else 1.0
            one_time = (x(o, "vendor_selection_share") + x(o, "severance_share")) * fte * run
            one_time += (
                x(o, "knowledge_transfer_share")
                * crit
                * 4.0
                * (fte / 4.0 * sq_run * (1.0 + sq_hidden))
            )
        payback, cum = math.inf, -one_time
        for t, saving in enumerate(flows):
            before, cum = cum, cum + saving
            if cum > 0.0:  # strictly: saving nothing is not paying back
                payback = 3.0 * (t + (-before / (cum - before) if before < 0.0 else 0.0))
                break
        out.append((npv - one_time, payback))
    return out
