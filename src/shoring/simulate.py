"""The orchestrator: portfolio -> categorise -> options -> plan -> Monte Carlo -> summaries.

``prepare`` does everything that reads reference data (country figures, FX, time zones, the
categoriser); ``simulate`` runs the seeded Monte Carlo on a backend and summarises it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from shoring.compute.backends import Backend, NumpyBackend
from shoring.compute.unit import UNIT_PROCESSES, UnitTask
from shoring.cost.parameters import assumptions_table
from shoring.cost.plan import Plan, ProcessPlan, Reference, compile_process
from shoring.countries.fx import country_currency, fx_rate
from shoring.countries.overlap import country_overlap_hours
from shoring.countries.profiles import CountryProfile
from shoring.errors import InputError
from shoring.jobs.impact import jobs_impact
from shoring.portfolio.models import Portfolio, Process
from shoring.portfolio.options import options_for
from shoring.risk.sampling import BLOCK
from shoring.taxonomy import Category

#: Exact percentiles while scenarios x pairs stays under this many values (else histograms).
EXACT_LIMIT = 4_000_000


def _categoriser() -> Callable[[str], Any] | None:
    """The work categoriser of issue 3 when installed (integration seam)."""
    try:
        from shoring.catalogue import categorise
    except ImportError:
        return None
    return cast("Callable[[str], Any]", categorise)


def categorise_process(process: Process, index: int) -> tuple[Category, str]:
    """The process's category and where it came from (given, or the categoriser's guess)."""
    if process.category is not None:
        return process.category, "given"
    categorise = _categoriser()
    field_name = f"processes[{index}].category"
    if categorise is None:
        raise InputError(
            field_name,
            None,
            f"process {process.id!r} has no category and no categoriser is installed; "
            "give a category",
            allowed=[c.value for c in Category],
        )
    result = categorise(process.text)
    value = getattr(result, "category", None)
    read = "name and description" if process.description else "name"
    how = f"categorised from its {read} (confidence {getattr(result, 'confidence', 0):.2f})"
    if str(value) == "UNSURE":
        value = getattr(result, "best_guess", None)
        value = getattr(value, "category", value)
        how = f"categoriser unsure on its {read}; its best guess"
    try:
        return Category(str(getattr(value, "value", value))), how
    except ValueError:
        raise InputError(
            field_name,
            process.name,
            "the categoriser could not tell the category of this process; give a category",
            allowed=[c.value for c in Category],
        ) from None


def prepare(portfolio: Portfolio, profiles: Mapping[str, CountryProfile] | None = None) -> Plan:
    """Categorise, generate and classify options, and compile the cost plan."""
    if profiles is None:
        from shoring.io.bundled import country_profiles

        profiles = country_profiles()
    from shoring.io.fx_history import fx_volatility

    company = portfolio.company
    home = company.country
    currency = company.currency or country_currency(home)
    if currency is None:
        raise InputError("company.currency", None, "no currency known for the home; give one")
    rate = fx_rate("USD", currency)
    if rate is None:
        raise InputError(
            "company.currency",
            currency,
            "not quoted in the bundled ECB exchange rates; choose a quoted currency",
        )
    processes: list[ProcessPlan] = []
    option_sets = []
    countries: set[str] = {home}
    for index, process in enumerate(portfolio.processes):
        category, how = categorise_process(process, index)
        options = options_for(company, process, category, portfolio.options, profiles)
        option_sets.append((index, process, category, how, options))
        countries.update(o.country for o in options)
    vols: dict[str, float] = {}
    overlaps: dict[str, float] = {}
    for code in countries:
        local = country_currency(code)
        vol = fx_volatility(local, currency) if local is not None else None
        vols[code] = 0.10 if vol is None else vol
        overlaps[code] = country_overlap_hours(home, code)
    ref = Reference(profiles, rate.rate, vols, overlaps)
    for index, process, category, how, options in option_sets:
        processes.append(compile_process(portfolio, process, category, how, options, ref, index))
    return Plan(
        company=company.name,
        home=home,
        currency=currency,
        quarters=company.quarters,
        discount_rate=company.discount_rate,
        horizon_years=company.horizon_years,
        max_move_per_quarter=portfolio.constraints.max_move_per_quarter,
        processes=tuple(processes),
    )


@dataclass
class SimulationResult:
    plan: Plan
    scenarios: int
    seed: int
    backend: str
    method: str
    evaluations: int
    processes: list[dict[str, Any]]
    portfolio: dict[str, Any]
    assumptions: list[dict[str, str]] = field(default_factory=assumptions_table)

    def to_json(self) -> dict[str, Any]:
        return {
            "company": self.plan.company,
            "currency": self.plan.currency,
            "scenarios": self.scenarios,
            "seed": self.seed,
            "quarters": self.plan.quarters,
            "discount_rate": self.plan.discount_rate,
            "percentile_method": self.method,
            "evaluations": self.evaluations,
            "processes": self.processes,
            "portfolio": self.portfolio,
        }


def simulate(
    plan: Plan,
    scenarios: int,
    seed: int,
    backend: Backend | None = None,
    *,
    chunk_blocks: int = 1,
    exact_limit: int = EXACT_LIMIT,
    progress: Callable[[int], None] | None = None,
) -> SimulationResult:
    """Run the Monte Carlo; ``progress`` is called with the scenarios done per unit."""
    if scenarios < 1:
        raise InputError("--scenarios", scenarios, "must be at least 1")
    if seed < 0:
        raise InputError("--seed", seed, "must be 0 or more")
    if chunk_blocks < 1:
        raise InputError("chunk_blocks", chunk_blocks, "must be at least 1")
    from shoring.cost.model import TimeGrid

    backend = backend or NumpyBackend()
    grid = TimeGrid(plan.quarters, plan.discount_rate)
    exact = scenarios * plan.pairs <= exact_limit
    batches = [
        plan.processes[i : i + UNIT_PROCESSES]
        for i in range(0, len(plan.processes), UNIT_PROCESSES)
    ]
    tasks = [
        UnitTask(k, batch, plan.home, grid, seed, scenarios, chunk_blocks, exact)
        for k, batch in enumerate(batches)
    ]
    portfolio = np.zeros(scenarios)
    out: list[dict[str, Any]] = []
    tornado_total: dict[str, float] = {}
    resolution = 0.0
    for result in backend.run(tasks, progress):
        portfolio += result.portfolio
        batch = batches[result.index]
        for i, process in enumerate(batch):
            best = result.chosen[i]
            options = []
            for j, option in enumerate(process.options):
                s = result.summaries[i][j]
                resolution = max(resolution, s["resolution"])
                rows = result.tornado[i][j]
                if j == best:
                    for label, lo, hi in rows:
                        tornado_total[label] = tornado_total.get(label, 0.0) + (hi - lo)
                options.append(_option_json(plan, process, option, s, rows))
            out.append(
                {
                    "id": process.id,
                    "name": process.name,
                    "category": process.category.value,
                    "category_source": process.category_source,
                    "fte": process.fte,
                    "recommended": process.options[best].id,
                    "options": options,
                }
            )
    method = "exact" if exact else f"histogram ({BLOCK}-scenario pilot range, 2048 bins)"
    return SimulationResult(
        plan=plan,
        scenarios=scenarios,
        seed=seed,
        backend=backend.name,
        method=method,
        evaluations=scenarios * plan.pairs * plan.quarters,
        processes=out,
        portfolio=_portfolio_json(portfolio, tornado_total, plan),
    )


def _option_json(
    plan: Plan,
    process: ProcessPlan,
    option: Any,
    s: Mapping[str, Any],
    rows: list[tuple[str, float, float]],
) -> dict[str, Any]:
    pb = s["payback"]
    return {
        "id": option.id,
        "country": option.country,
        "provider": option.provider.value,
        "labels": list(option.labels),
        "status_quo": option.status_quo,
        "npv_savings": {k: s[k] for k in ("mean", "p5", "p50", "p95")},
        "prob_loss": s["prob_loss"],
        "payback_months_p50": pb[1],
        "payback_months": {"p10": pb[0], "p50": pb[1], "p90": pb[2]},
        "prob_never_pays_back": s["prob_never_pays_back"],
        "percentile_resolution": s["resolution"],
        "tornado": [
            {"input": label, "npv_at_p10": lo, "npv_at_p90": hi, "swing": abs(hi - lo)}
            for label, lo, hi in rows[:6]
        ],
        "jobs": jobs_impact(plan, process, option, s["mean"]),
    }


def _portfolio_json(
    values: np.ndarray[Any, np.dtype[np.float64]],
    tornado: Mapping[str, float],
    plan: Plan,
) -> dict[str, Any]:
    n = values.size
    q = np.quantile(values, (0.05, 0.5, 0.95))
    blocks = [float(values[i : i + BLOCK].sum()) for i in range(0, n, BLOCK)]
    rows = sorted(tornado.items(), key=lambda kv: -abs(kv[1]))[:8]
    return {
        "choice": "each process on its recommended option (best mean NPV on the first "
        f"{min(BLOCK, n)} scenarios)",
        "npv_savings": {
            "mean": math.fsum(blocks) / n,
            "p5": float(q[0]),
            "p50": float(q[1]),
            "p95": float(q[2]),
        },
        "prob_loss": float(np.mean(values < 0.0)),
        # Summed change of the recommended options' NPV from each input's P10 to its P90.
        "tornado": [{"input": k, "npv_change_p10_to_p90": v, "swing": abs(v)} for k, v in rows],
        "processes": len(plan.processes),
        "pairs": plan.pairs,
    }
