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
first exceed zero (linear within a quarter; ``inf`` when never; strictly above zero, so an
option that saves nothing, or whose first quarters cost exactly nothing, has not paid back).
"""

from __future__ import annotations

import itertools
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

    def __post_init__(self) -> None:
        if not 1 <= self.quarters <= 255:  # the payback search counts quarters in bytes
            raise ValueError(f"quarters must be 1 to 255: {self.quarters}")

    @property
    def years(self) -> FloatArray:
        """Years to each quarter's middle, shape (quarters, 1): paths are (quarters, scenarios)."""
        return ((np.arange(self.quarters, dtype=np.float64) + 0.5) / 4.0)[:, None]

    @property
    def discount(self) -> FloatArray:
        q = np.arange(1, self.quarters + 1, dtype=np.float64)
        return np.asarray((1.0 + self.discount_rate) ** (-q / 4.0), dtype=np.float64)


class Draws:
    """Uniforms (and the FX normal) of one block of scenarios for one process, with caches.

    ``shared`` caches what depends only on the country draws (country inputs, fixed
    parameters, drift paths): the processes of a unit pass the same dictionary for the same
    block of scenarios.
    """

    def __init__(
        self,
        country: Mapping[str, FloatArray],
        process: FloatArray,
        grid: TimeGrid,
        shared: dict[object, FloatArray] | None = None,
    ) -> None:
        self.country = country
        self.process = process
        self.grid = grid
        self.n = process.shape[1]
        self._ppf: dict[int, FloatArray] = {}
        self.shared = shared if shared is not None else {}

    def value(self, option: OptionPlan, name: str) -> FloatArray:
        """Sample of ``name`` for ``option`` (shared by every option with the same key)."""
        key = option.draw_keys[name]
        if name in _PI:
            hit = self._ppf.get(key)
            if hit is None:
                hit = self._ppf[key] = option.dists[name].ppf(self.process[_PI[name]])
            return hit
        hit = self.shared.get(key)
        if hit is None:
            dist = option.dists[name]
            if name in _CI:
                hit = dist.ppf(self.country[option.country][_CI[name]])
            else:  # a fixed (not sampled) parameter: its mean
                hit = np.full(self.n, dist.mean)
            self.shared[key] = hit
        return hit

    def drift(self, option: OptionPlan) -> FloatArray:
        """``W(s, t)``: wage inflation and FX drift of the option's country (cached)."""
        vol: Distribution = option.dists["fx_volatility"]
        key = _drift_key(option)
        hit = self.shared.get(key)
        if hit is None:
            g = self.value(option, "wage_inflation")
            z = self.country[option.country][_CI["fx_shock"]]
            sigma = vol.mean
            years = self.grid.years
            expo = np.log1p(g) * years
            if sigma != 0.0:
                expo += (sigma * z) * np.sqrt(years)
            hit = np.exp(expo)
            self.shared[key] = hit
        return hit


@dataclass
class Ramp:
    """Shares of each quarter, shape (quarters, scenarios)."""

    one_minus_m: FloatArray  # share of the quarter after the transition
    m: FloatArray  # share of the quarter in transition
    g: FloatArray  # (1 - m) / productivity


def _ramp(draws: Draws, option: OptionPlan) -> Ramp:
    grid = draws.grid
    n, t = draws.n, grid.quarters
    if not option.moved:
        return Ramp(np.ones((t, n)), np.zeros((t, n)), np.ones((t, n)))
    trans = draws.value(option, "transition_months")
    ramp = draws.value(option, "ramp_months")
    p0 = np.minimum(draws.value(option, "initial_productivity"), 0.95)
    start = np.arange(t, dtype=np.float64)[:, None] * 3.0
    m = trans - start
    m /= 3.0
    np.clip(m, 0.0, 1.0, out=m)
    a = (1.0 - p0) / p0
    k = np.log(19.0 * a) / ramp
    # tau: middle of the quarter's part after the transition, from the transition's end.
    # In place: inv = 1 / productivity = 1 + a exp(-k tau).
    inv = np.maximum(start, trans)
    inv += start + 3.0
    inv *= 0.5
    inv -= trans
    inv *= -k
    np.exp(inv, out=inv)
    inv *= a
    inv += 1.0
    one_minus_m = 1.0 - m
    inv *= one_minus_m
    return Ramp(one_minus_m, m, inv)


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


def _ramp_key(o: OptionPlan) -> tuple[int, ...]:
    if not o.moved:
        return ()
    keys = o.draw_keys
    return (keys["transition_months"], keys["ramp_months"], keys["initial_productivity"])


def _drift_key(o: OptionPlan) -> tuple[int, int]:
    """The wage-inflation key names the country (a country input); FX volatility is fixed."""
    return (o.draw_keys["wage_inflation"], o.draw_keys["fx_volatility"])


Term = tuple["Basis", NDArray[np.float32]]


def _paybacks(
    plans: list[tuple[int, Basis, FloatArray, list[Term]]],
    payback: FloatArray,
    slab: NDArray[np.float32],
) -> None:
    """Payback month per option and scenario: the first month the cumulative savings net of
    one-time costs exceed zero (linear inside the quarter); ``inf`` when never (or NaN).

    An option's cumulative savings are its few coefficients (one per scenario) times the
    running sums of the shared paths in ``slab`` (float32, (paths, quarters, scenarios)):
    a handful of in-place multiply-adds over contiguous rows.  The payback quarter is the
    count of leading quarters whose running savings do not exceed the one-time costs, for
    every option at once.
    """
    if not plans:
        return
    _, quarters, n = slab.shape
    cum = np.empty((len(plans), quarters, n), dtype=np.float32)
    tmp = np.empty((quarters, n), dtype=np.float32)
    once = np.empty((len(plans), n), dtype=np.float32)
    for i, (_, x1, one_time, terms) in enumerate(plans):
        once[i] = one_time
        (first, c0), *rest = terms  # every option has the new team's cost
        np.multiply(slab[first.k], c0, out=cum[i])
        cum[i] += slab[x1.k]
        for basis, c in rest:
            np.multiply(slab[basis.k], c, out=tmp)
            cum[i] += tmp
    # ``cum`` is before one-time costs: compare with them rather than subtract them (a pass).
    # "Not above" rather than "below": a NaN never counts as paid back.
    below = np.logical_not(cum > once[:, None, :]).view(np.uint8)  # bytes: bool + int is slow
    leading = below[:, 0].copy()
    counts = leading.copy()
    for t in range(1, quarters):
        leading &= below[:, t]
        counts += leading  # quarters <= 255 (checked by TimeGrid)
    idx = counts.astype(np.intp)
    reached = idx < quarters
    # Flat positions of (option, quarter idx, scenario) in ``cum``.
    flat = cum.reshape(-1)
    base = (np.arange(len(plans))[:, None] * quarters) * n + np.arange(n)[None, :]
    at = base + np.minimum(idx, quarters - 1) * n
    cur = flat[at] - once
    prev = np.where(idx > 0, flat[np.where(idx > 0, at - n, at)], 0.0) - once
    cur, prev = cur.astype(np.float64), prev.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(prev < 0.0, -prev / (cur - prev), 0.0)
    months = np.where(reached, 3.0 * (idx + frac), math.inf)
    for i, (j, _, _, _) in enumerate(plans):
        payback[j] = months[i]


@dataclass
class Basis:
    """A (quarters x scenarios) cost path reduced the two ways the kernel needs it: its
    discounted sum (float64) and its running sum over quarters (float32, written into
    ``slab[k]`` for the payback search)."""

    pv: FloatArray
    k: int

    @classmethod
    def of(cls, path: FloatArray, discount: FloatArray, slab: NDArray[np.float32], k: int) -> Basis:
        """Discount ``path`` and copy it (float32) into ``slab[k]``; :func:`running_sums`
        turns the whole slab into running sums at once."""
        slab[k] = path
        # einsum's own loop, not BLAS: no BLAS threads competing with the worker processes.
        return cls(np.einsum("t,tn->n", discount, path), k)


def running_sums(slab: NDArray[np.float32]) -> None:
    """In place, along the quarters axis of a (paths, quarters, scenarios) slab: one add per
    quarter over every path (``np.cumsum`` along a middle axis is many times slower)."""
    for t in range(1, slab.shape[1]):
        slab[:, t] += slab[:, t - 1]


def _team_key(o: OptionPlan) -> tuple[object, ...]:
    par = o.draw_keys["parallel_running_share"] if o.moved else -1
    return (_ramp_key(o), _drift_key(o), par)


def evaluate(
    process: ProcessPlan, draws: Draws, with_payback: bool = True
) -> tuple[FloatArray, FloatArray]:
    """NPV of savings and payback months (``nan`` without ``with_payback``), each of shape
    (options, scenarios).

    Savings are linear in a few shared cost paths (status quo after transition, the new
    team's drift-scaled cost shares during and after transition, home-side effort,
    tooling), so each path is discounted and cumulated once per process, and each option
    combines them with its own per-scenario coefficients.  The status quo is the baseline:
    zero savings by definition.
    """
    grid = draws.grid
    discount = grid.discount
    n, nq = draws.n, grid.quarters
    fte = process.fte
    sq = process.options[0]
    sq_run, sq_hidden, _ = _run_and_hidden(draws, sq)
    sq_base = fte / 4.0 * sq_run
    a_sq = sq_base * (1.0 + sq_hidden)
    k_sq = fte / 4.0 * draws.value(sq, "tooling_per_fte") if sq.own_tooling else 0.0
    w_home = draws.drift(sq)
    rkeys = {_ramp_key(o) for o in process.options[1:]}
    tkeys = {_team_key(o) for o in process.options[1:]}
    # At most 3 rows per ramp (status quo saved, home-side effort, tooling) + 1 per team.
    slab = np.empty((3 * len(rkeys) + len(tkeys), nq, n), dtype=np.float32)
    count = itertools.count()  # the next free row of the slab
    ramps: dict[tuple[object, ...], tuple[Ramp, Basis, Basis]] = {}
    afters: dict[tuple[object, ...], Basis] = {}
    teams: dict[tuple[object, ...], Basis] = {}
    npv = np.zeros((len(process.options), n))
    payback = np.zeros((len(process.options), n)) if with_payback else np.full_like(npv, np.nan)
    plans: list[tuple[int, Basis, FloatArray, list[Term]]] = []
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
                Basis.of(a_sq * (ramp.one_minus_m * w_home), discount, slab, next(count)),
                Basis.of(w_home * ramp.g, discount, slab, next(count)),
            )
        ramp, x1, whg = ramps[rkey]
        tkey = _team_key(o)
        if tkey not in teams:
            # The new team's cost share: 1/productivity after the transition, the parallel
            # running share during it, scaled by its country's drift.
            share = ramp.g
            if o.moved:
                share = share + draws.value(o, "parallel_running_share") * ramp.m
            teams[tkey] = Basis.of(draws.drift(o) * share, discount, slab, next(count))
        coefs: list[tuple[Basis, FloatArray]] = [(teams[tkey], -a)]
        if o.moved:
            crit = draws.value(o, "critical_knowledge_multiplier") if o.critical else 1.0
            one_time = (
                draws.value(o, "vendor_selection_share") + draws.value(o, "severance_share")
            ) * fte * run + draws.value(o, "knowledge_transfer_share") * crit * 4.0 * a_sq
        else:
            one_time = np.zeros(n)
        if o.moved or o.missing_overlap > 0.0:
            coefs.append((whg, -(sq_base * home_share)))
        same_tooling = o.own_tooling == sq.own_tooling and (
            not o.own_tooling or o.dists["tooling_per_fte"] == sq.dists["tooling_per_fte"]
        )
        if not same_tooling:
            if rkey not in afters:
                afters[rkey] = Basis.of(ramp.one_minus_m, discount, slab, next(count))
            k_o = fte / 4.0 * draws.value(o, "tooling_per_fte") if o.own_tooling else 0.0
            coefs.append((afters[rkey], np.broadcast_to(k_sq - k_o, (n,)).astype(np.float64)))
        value = x1.pv - one_time
        for basis, coef in coefs:
            value = value + coef * basis.pv
        npv[j] = value
        plans.append((j, x1, one_time, [(b, c.astype(np.float32)) for b, c in coefs]))
    if with_payback:
        slab = slab[: next(count)]  # the rows in use (tooling rows only where it differs)
        running_sums(slab)
        _paybacks(plans, payback, slab)
    return npv, payback
