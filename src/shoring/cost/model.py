"""The vectorised cost kernel: one process, all its options, a block of scenarios x quarters.

Per option and scenario ``s`` (quarter ``t``, ``y(t)`` = years to the quarter's middle):

- run cost per FTE per year ``run = labour x (1 - efficiency) x (1 + margin) x (1 + seat)``,
  ``labour = labour_base x labour_cost_factor x (1 + employer_oncost)``;
- abroad, ``labour_base`` is scaled by ``earnings_ratio ** skill_pay_exponent``, and an
  ``onsite_share`` of the work stays at home rates (status-quo run cost x the provider's
  price factor);
- recurring hidden costs on the run cost ``h = governance + attrition x replacement months /
  12`` (governance only for a vendor or a centre abroad), and home-side hidden costs on the
  status-quo cost ``e = coordination x missing overlap + rework + language penalty x language
  gap`` (rework and language only for a new team; coordination, knowledge transfer and rework
  x ``critical_knowledge_multiplier`` for critical knowledge);
- quarterly cost ``a = fte / 4 x run x (1 + h)``, drifting with the worker country's
  ``W(s, t) = (1 + wage_inflation)^y x exp(fx_volatility x sqrt(y) x z_fx)``, plus
  ``fte / 4 x status-quo run x e`` drifting with the home country's ``W``;
- transition: during its first ``transition_months`` the status quo keeps running (no savings)
  and a ``parallel_running_share`` of the new team is paid; afterwards productivity follows a
  logistic curve from ``initial_productivity`` to 95% at ``ramp_months``, the cost being
  divided by productivity;
- one-time (at the start): ``(vendor_selection + severance) x fte x run`` and
  ``knowledge_transfer x annual status-quo cost``;
- in-house tooling per FTE (no drift) for the company's own staff.

Savings ``S(s, t) = status quo cost - option cost``; ``NPV = sum_t S / (1 + r)^((t+1)/4) -
one-time``; payback is the month the cumulative (undiscounted) savings net of one-time costs
first reach zero (linear within a quarter; ``inf`` when never).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from shoring.cost.parameters import COUNTRY_STREAM, PROCESS_STREAM
from shoring.cost.plan import OptionPlan, ProcessPlan
from shoring.risk.distributions import Distribution

FloatArray = NDArray[np.float64]

_CI = {name: i for i, name in enumerate(COUNTRY_STREAM)}
_PI = {name: i for i, name in enumerate(PROCESS_STREAM)}


@dataclass(frozen=True)
class TimeGrid:
    quarters: int
    discount_rate: float

    @property
    def years(self) -> FloatArray:
        return (np.arange(self.quarters, dtype=np.float64) + 0.5) / 4.0

    @property
    def discount(self) -> FloatArray:
        q = np.arange(1, self.quarters + 1, dtype=np.float64)
        return np.asarray((1.0 + self.discount_rate) ** (-q / 4.0), dtype=np.float64)

    @property
    def reducer(self) -> FloatArray:
        """(quarters x quarters + 1) matrix: upper-triangular ones (running sums), then the
        discount factors (present value) as the last column."""
        t = self.quarters
        out = np.zeros((t, t + 1), dtype=np.float64)
        out[:, :t] = np.triu(np.ones((t, t)))
        out[:, t] = self.discount
        return out


class Draws:
    """Uniforms (and the FX normal) of one block of scenarios, with a per-block cache."""

    def __init__(
        self,
        country: Mapping[str, FloatArray],
        process: FloatArray,
        grid: TimeGrid,
        drift_cache: dict[tuple[object, ...], FloatArray] | None = None,
    ) -> None:
        self.country = country
        self.process = process
        self.grid = grid
        self.n = process.shape[1]
        self._ppf: dict[tuple[object, ...], FloatArray] = {}
        self.drift_cache = drift_cache if drift_cache is not None else {}

    def value(self, option: OptionPlan, name: str) -> FloatArray:
        """Sample of ``name`` for ``option`` (shared by every option with the same dist)."""
        dist = option.dists[name]
        if name in _CI:
            key: tuple[object, ...] = ("c", option.country, name, dist)
        else:
            key = ("p", name, dist)
        hit = self._ppf.get(key)
        if hit is None:
            if name in _CI:
                hit = dist.ppf(self.country[option.country][_CI[name]])
            elif name in _PI:
                hit = dist.ppf(self.process[_PI[name]])
            else:  # a fixed (not sampled) parameter: its mean
                hit = np.full(self.n, dist.mean)
            self._ppf[key] = hit
        return hit

    def drift(self, option: OptionPlan) -> FloatArray:
        """``W(s, t)``: wage inflation and FX drift of the option's country (cached)."""
        wage: Distribution = option.dists["wage_inflation"]
        vol: Distribution = option.dists["fx_volatility"]
        key = (option.country, wage, vol)
        hit = self.drift_cache.get(key)
        if hit is None:
            g = self.value(option, "wage_inflation")
            z = self.country[option.country][_CI["fx_shock"]]
            sigma = vol.mean
            years = self.grid.years
            expo = np.multiply.outer(np.log1p(g), years)
            if sigma != 0.0:
                expo += np.multiply.outer(sigma * z, np.sqrt(years))
            hit = np.exp(expo)
            self.drift_cache[key] = hit
        return hit


@dataclass
class Ramp:
    one_minus_m: FloatArray  # share of each quarter after the transition
    m: FloatArray  # share of each quarter in transition
    g: FloatArray  # (1 - m) / productivity


def _ramp(draws: Draws, option: OptionPlan) -> Ramp:
    grid = draws.grid
    n, t = draws.n, grid.quarters
    if not option.moved:
        return Ramp(np.ones((n, t)), np.zeros((n, t)), np.ones((n, t)))
    trans = draws.value(option, "transition_months")
    ramp = draws.value(option, "ramp_months")
    p0 = np.minimum(draws.value(option, "initial_productivity"), 0.95)
    start = np.arange(t, dtype=np.float64) * 3.0
    m = np.clip((trans[:, None] - start[None, :]) / 3.0, 0.0, 1.0)
    post_start = np.maximum(start[None, :], trans[:, None])
    tau = (post_start + start[None, :] + 3.0) / 2.0 - trans[:, None]
    a = (1.0 - p0) / p0
    k = np.log(19.0 * a) / ramp
    prod = 1.0 / (1.0 + a[:, None] * np.exp(-k[:, None] * tau))
    one_minus_m = 1.0 - m
    return Ramp(one_minus_m, m, one_minus_m / prod)


def _run_and_hidden(draws: Draws, o: OptionPlan) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Run cost per FTE per year, hidden shares of the run cost, hidden shares of the
    status-quo cost (home-side effort: coordination, rework, language)."""
    v = draws.value
    labour = o.labour_base * v(o, "labour_cost_factor")
    if o.earnings_ratio != 1.0:
        labour = labour * np.power(o.earnings_ratio, v(o, "skill_pay_exponent"))
    if o.apply_oncost:
        labour = labour * (1.0 + v(o, "employer_oncost"))
    run = (
        labour
        * (1.0 - v(o, "provider_efficiency"))
        * (1.0 + v(o, "provider_margin"))
        * (1.0 + v(o, "seat_cost_share"))
    )
    crit = v(o, "critical_knowledge_multiplier") if o.critical else 1.0
    hidden = v(o, "attrition_rate") * v(o, "replacement_cost_months") / 12.0
    if o.governed:
        hidden = hidden + v(o, "governance_share")
    home = np.zeros(draws.n)
    if o.abroad:  # an onsite share of offshore work stays at home rates
        onsite = v(o, "onsite_share")
        if onsite.any():
            run = run * (1.0 - onsite)
            margin = (1.0 - v(o, "provider_efficiency")) * (1.0 + v(o, "provider_margin"))
            home = home + onsite * margin
    if o.missing_overlap > 0.0:
        home = home + v(o, "coordination_share") * (o.missing_overlap * crit)
    if o.moved:
        home = home + v(o, "rework_share") * crit
        if o.language_gap > 0.0:
            home = home + v(o, "language_penalty") * o.language_gap
    return run, hidden, home


def _ramp_key(o: OptionPlan) -> tuple[object, ...]:
    if not o.moved:
        return ("stay",)
    return (o.dists["transition_months"], o.dists["ramp_months"], o.dists["initial_productivity"])


def _drift_key(o: OptionPlan) -> tuple[object, ...]:
    return (o.country, o.dists["wage_inflation"], o.dists["fx_volatility"])


def _paybacks(
    plans: list[tuple[int, Basis, FloatArray, list[tuple[Basis, FloatArray]]]],
    payback: FloatArray,
    slab: NDArray[np.float32],
) -> None:
    """Payback month per option and scenario: the first month the cumulative savings net of
    one-time costs reach zero (linear inside the quarter); ``inf`` when never.

    The cumulative savings of every option are one batched matrix product: per scenario,
    (options x paths) coefficients times the (paths x quarters) running sums of the slab.
    """
    if not plans:
        return
    n, k_total, _ = slab.shape
    # Coefficients laid out (scenarios, options, paths) directly: a transposed copy of a
    # (options, paths, scenarios) array cost more than the batched product itself.
    coef = np.zeros((n, len(plans), k_total), dtype=np.float32)
    one_time = np.empty((len(plans), n))
    for i, (_, x1, once, terms) in enumerate(plans):
        coef[:, i, x1.k] = 1.0
        for basis, c in terms:
            coef[:, i, basis.k] += c
        one_time[i] = once
    cum = np.matmul(coef, slab)
    cum -= one_time.T.astype(np.float32)[:, :, None]
    ok = cum >= 0.0
    idx = ok.argmax(axis=2)[:, :, None]
    reached = np.take_along_axis(ok, idx, axis=2)[:, :, 0]
    cur = np.take_along_axis(cum, idx, axis=2)[:, :, 0].astype(np.float64)
    before = np.take_along_axis(cum, np.maximum(idx - 1, 0), axis=2)[:, :, 0]
    idx = idx[:, :, 0]
    prev = np.where(idx > 0, before, -one_time.T)
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(prev < 0.0, -prev / (cur - prev), 0.0)
    months = np.where(reached, 3.0 * (idx + frac), math.inf)
    for i, (j, _, _, _) in enumerate(plans):
        payback[j] = months[:, i]


@dataclass
class Basis:
    """A (scenarios x quarters) cost path reduced the two ways the kernel needs it: its
    discounted sum (float64) and its running sum (float32, written into row ``k`` of the
    process's slab of running sums, for the payback search)."""

    pv: FloatArray
    k: int

    @classmethod
    def of(cls, path: FloatArray, reduce: FloatArray, slab: NDArray[np.float32], k: int) -> Basis:
        """``reduce`` is :meth:`TimeGrid.reducer`: one matrix product gives the running sums
        and the discounted sum together (faster than ``cumsum`` along the short axis)."""
        both = path @ reduce
        quarters = slab.shape[2]
        slab[:, k, :] = both[:, :quarters]
        return cls(both[:, quarters], k)


def evaluate(process: ProcessPlan, draws: Draws) -> tuple[FloatArray, FloatArray]:
    """NPV of savings and payback months, each of shape (options, scenarios).

    Savings are linear in a few shared cost paths (status quo after transition, the worker
    country's drift during and after transition, home-side effort, tooling), so each path is
    discounted and cumulated once per process, and each option combines them with its own
    per-scenario coefficients.  The status quo is the baseline: zero savings by definition.
    """
    grid = draws.grid
    reducer = grid.reducer
    n, nq = draws.n, grid.quarters
    fte = process.fte
    sq = process.options[0]
    sq_run, sq_hidden, _ = _run_and_hidden(draws, sq)
    sq_base = fte / 4.0 * sq_run
    a_sq = sq_base * (1.0 + sq_hidden)
    k_sq = fte / 4.0 * draws.value(sq, "tooling_per_fte") if sq.own_tooling else 0.0
    w_home = draws.drift(sq)
    rkeys = {_ramp_key(o) for o in process.options[1:]}
    pkeys = {(_ramp_key(o), _drift_key(o)) for o in process.options[1:]}
    slab = np.empty((n, 3 * len(rkeys) + 2 * len(pkeys), nq), dtype=np.float32)
    count = iter(range(slab.shape[1]))
    ramps: dict[tuple[object, ...], tuple[Ramp, Basis, Basis, Basis]] = {}
    products: dict[tuple[object, ...], tuple[Basis, Basis]] = {}
    npv = np.zeros((len(process.options), n))
    payback = np.zeros((len(process.options), n))
    plans: list[tuple[int, Basis, FloatArray, list[tuple[Basis, FloatArray]]]] = []
    for j, o in enumerate(process.options):
        if j == 0:
            continue  # the status quo: no savings against itself
        run, hidden, home_share = _run_and_hidden(draws, o)
        a = fte / 4.0 * run * (1.0 + hidden)
        rkey = _ramp_key(o)
        if rkey not in ramps:
            ramp = _ramp(draws, o)
            ramps[rkey] = (
                ramp,
                Basis.of(a_sq[:, None] * (ramp.one_minus_m * w_home), reducer, slab, next(count)),
                Basis.of(w_home * ramp.g, reducer, slab, next(count)),
                Basis.of(ramp.one_minus_m, reducer, slab, next(count)),
            )
        ramp, x1, whg, after = ramps[rkey]
        w = draws.drift(o)
        pkey = (rkey, _drift_key(o))
        if pkey not in products:
            products[pkey] = (
                Basis.of(w * ramp.m, reducer, slab, next(count)),
                Basis.of(w * ramp.g, reducer, slab, next(count)),
            )
        wm, wg = products[pkey]
        if o.moved:
            crit = draws.value(o, "critical_knowledge_multiplier") if o.critical else 1.0
            one_time = (
                draws.value(o, "vendor_selection_share") + draws.value(o, "severance_share")
            ) * fte * run + draws.value(o, "knowledge_transfer_share") * crit * 4.0 * a_sq
        else:
            one_time = np.zeros(n)
        terms: list[tuple[Basis, FloatArray]] = [(wg, -a)]
        if o.moved:
            terms.append((wm, -(a * draws.value(o, "parallel_running_share"))))
        if o.moved or o.missing_overlap > 0.0:
            terms.append((whg, -(sq_base * home_share)))
        same_tooling = o.own_tooling == sq.own_tooling and (
            not o.own_tooling or o.dists["tooling_per_fte"] == sq.dists["tooling_per_fte"]
        )
        if not same_tooling:
            k_o = fte / 4.0 * draws.value(o, "tooling_per_fte") if o.own_tooling else 0.0
            terms.append((after, np.broadcast_to(k_sq - k_o, (n,)).astype(np.float64)))
        value = x1.pv - one_time
        for basis, coef in terms:
            value = value + coef * basis.pv
        npv[j] = value
        plans.append((j, x1, one_time, terms))
    _paybacks(plans, payback, slab)
    return npv, payback
