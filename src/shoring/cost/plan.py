"""Compile a portfolio into the numbers the kernel needs (no randomness, no I/O).

Everything is in the company's currency.  Labour cost per FTE per year:

- home country, user gave ``annual_cost_per_fte``: that figure (employer cost, with on-cost);
- home country otherwise: derived mean earnings x skill multiplier x (1 + on-cost);
- another country: the home wage (without on-cost) x (ratio of the two countries' derived mean
  earnings) ^ ``skill_pay_exponent`` x (1 + that country's on-cost).  Using the *ratio* keeps
  the user's own pay level and skill mix and lets the data say only how much cheaper or dearer
  a country is; the exponent (< 1) reflects that skilled service pay differs far less between
  countries than mean pay does.

Each factor's uncertainty (``labour_cost_factor``, ``employer_oncost``...) is sampled in the
kernel; here every parameter is resolved to a distribution with its source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shoring.cost.language import language_intensity, proficiency
from shoring.cost.parameters import (
    CATEGORY_SKILL,
    COUNTRY_STREAM,
    NAMES,
    OUTSOURCED,
    PROCESS_STREAM,
    SKILL_MULTIPLIER,
    OptionContext,
    broad_override_applies,
    resolve,
)
from shoring.countries.labour import labour_cost
from shoring.countries.profiles import CountryProfile
from shoring.errors import InputError
from shoring.portfolio.models import Portfolio, Process
from shoring.portfolio.options import Option
from shoring.risk.distributions import Distribution, Fixed
from shoring.taxonomy import Category, Provider

#: Modelling assumption: a full business day for coordination, in hours.
FULL_DAY_HOURS = 8.0


@dataclass(frozen=True)
class OptionPlan:
    id: str
    country: str
    provider: Provider
    labels: tuple[str, ...]
    status_quo: bool
    #: A new team does the work: transition, ramp-up, rework, selection and severance apply.
    moved: bool
    #: Delivered from another country than the company's (the onsite share applies).
    abroad: bool
    #: Retained governance applies (a vendor, or a captive centre abroad).
    governed: bool
    #: In-house tooling is paid by the company (in a vendor's or freelancer's price otherwise).
    own_tooling: bool
    #: Labour cost per FTE per year before the sampled factors (company currency): the home
    #: wage; abroad it is multiplied by ``earnings_ratio ** skill_pay_exponent``.
    labour_base: float
    earnings_ratio: float
    apply_oncost: bool
    missing_overlap: float
    language_gap: float
    critical: bool
    dists: Mapping[str, Distribution]
    sources: Mapping[str, str]
    overlap_hours: float
    proficiency: float
    #: Per parameter, a small integer naming what its sample depends on (its stream, the
    #: country for country inputs, its distribution): equal keys, equal samples.  The kernel
    #: caches samples by it (cheaper to hash than the distributions).
    draw_keys: Mapping[str, int]


@dataclass(frozen=True)
class ProcessPlan:
    id: str
    name: str
    category: Category
    category_source: str
    fte: float
    customer_facing: bool
    options: tuple[OptionPlan, ...]


@dataclass(frozen=True)
class Plan:
    company: str
    home: str
    currency: str
    quarters: int
    discount_rate: float
    horizon_years: float
    max_move_per_quarter: float
    processes: tuple[ProcessPlan, ...]

    @property
    def pairs(self) -> int:
        return sum(len(p.options) for p in self.processes)

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(sorted({o.country for p in self.processes for o in p.options}))


@dataclass(frozen=True)
class Reference:
    """The data the compiler reads: country profiles, FX to the company currency."""

    profiles: Mapping[str, CountryProfile]
    usd_to_currency: float
    fx_volatility: Mapping[str, float]
    overlap_hours: Mapping[str, float]
    #: Interned sampling keys of :attr:`OptionPlan.draw_keys`, shared by the whole plan.
    draw_keys: dict[tuple[object, ...], int] = field(default_factory=dict)
    #: Defaults already resolved, by (option context, FX volatility) and parameter: a
    #: portfolio of many processes has few distinct contexts.
    defaults: dict[tuple[object, ...], dict[str, tuple[Distribution, str]]] = field(
        default_factory=dict
    )


def _earnings(profiles: Mapping[str, CountryProfile], code: str, field: str) -> float:
    profile = profiles.get(code)
    if profile is None:
        raise InputError(field, code, "no bundled country figures for this country")
    cost = labour_cost(profile)
    if cost is None:
        raise InputError(
            field,
            code,
            "no labour-cost figure for this country (no ILO earnings in the bundled data); "
            "give annual_cost_per_fte for home or choose another country",
        )
    return cost.usd_per_year


def compile_process(
    portfolio: Portfolio,
    process: Process,
    category: Category,
    category_source: str,
    options: list[Option],
    ref: Reference,
    index: int,
) -> ProcessPlan:
    company = portfolio.company
    home = company.country
    gdp = {code: p.gdp_pc_usd for code, p in ref.profiles.items()}
    skill = process.skill_level or CATEGORY_SKILL[category]
    plans: list[OptionPlan] = []
    home_oncost_mean: float | None = None
    intensity = language_intensity(category, process.customer_facing, process.languages)
    for opt in options:
        ctx = OptionContext(home, opt.country, category, opt.provider, opt.workplace)
        layers = (opt.parameters, process.parameters, portfolio.parameters)
        dists: dict[str, Distribution] = {}
        sources: dict[str, str] = {}
        fx_vol = ref.fx_volatility.get(opt.country, 0.10)
        defaults = ref.defaults.get((ctx, fx_vol))
        if defaults is None:
            defaults = {name: resolve(name, ctx, (), gdp, fx_vol) for name in NAMES}
            ref.defaults[(ctx, fx_vol)] = defaults
        overridden = set(layers[0]) | {
            name for layer in layers[1:] for name in layer if broad_override_applies(name, ctx)
        }
        for name in NAMES:
            if name in overridden:
                dist, src = resolve(name, ctx, layers, gdp, fx_vol)
            else:
                dist, src = defaults[name]
            dists[name], sources[name] = dist, src
        tooling = dists["tooling_per_fte"]
        if sources["tooling_per_fte"].startswith("user override") is False:
            dists["tooling_per_fte"] = _scaled(tooling, ref.usd_to_currency)
        if opt.country == home and process.annual_cost_per_fte is not None:
            labour_base, apply_oncost, ratio = process.annual_cost_per_fte, False, 1.0
            if not sources["labour_cost_factor"].startswith("user override"):
                dists["labour_cost_factor"] = Fixed(1.0)
                sources["labour_cost_factor"] = "user's annual_cost_per_fte (no data spread)"
        else:
            home_usd = _earnings(ref.profiles, home, "company.country")
            if process.annual_cost_per_fte is not None:
                if home_oncost_mean is None:
                    home_ctx = OptionContext(home, home, category, Provider.COMPANY, opt.workplace)
                    home_dist, _ = resolve("employer_oncost", home_ctx, layers[1:], gdp, 0.0)
                    home_oncost_mean = home_dist.mean
                home_wage = process.annual_cost_per_fte / (1.0 + home_oncost_mean)
            else:
                home_wage = home_usd * ref.usd_to_currency * SKILL_MULTIPLIER[skill]
            ratio = _earnings(ref.profiles, opt.country, f"options[{opt.id}].country") / home_usd
            labour_base, apply_oncost = home_wage, True
        moved = opt.provider is not Provider.COMPANY or opt.country != home
        outsourced = opt.provider in OUTSOURCED
        overlap = ref.overlap_hours.get(opt.country, FULL_DAY_HOURS)
        profile = ref.profiles.get(opt.country)
        prof = proficiency(profile, process.languages) if profile is not None else 0.0
        if opt.country == home:
            prof = 1.0
        plans.append(
            OptionPlan(
                id=opt.id,
                country=opt.country,
                provider=opt.provider,
                labels=tuple(label.value for label in opt.labels),
                status_quo=opt is options[0],
                moved=moved,
                abroad=opt.country != home,
                governed=moved and (outsourced or opt.country != home),
                own_tooling=not outsourced,
                labour_base=labour_base,
                earnings_ratio=ratio,
                apply_oncost=apply_oncost,
                missing_overlap=max(0.0, 1.0 - overlap / FULL_DAY_HOURS),
                language_gap=(1.0 - prof) * intensity,
                critical=process.critical_knowledge,
                dists=dists,
                sources=sources,
                overlap_hours=overlap,
                proficiency=prof,
                draw_keys=_draw_keys(ref.draw_keys, opt.country, dists),
            )
        )
    return ProcessPlan(
        process.id,
        process.name,
        category,
        category_source,
        process.fte,
        process.customer_facing,
        tuple(plans),
    )


def _draw_keys(
    interned: dict[tuple[object, ...], int], country: str, dists: Mapping[str, Distribution]
) -> dict[str, int]:
    out = {}
    for name, dist in dists.items():
        if name in COUNTRY_STREAM:
            key: tuple[object, ...] = ("country", country, name, dist)
        elif name in PROCESS_STREAM:
            key = ("process", name, dist)
        else:  # not sampled: its mean
            key = ("fixed", name, dist)
        out[name] = interned.setdefault(key, len(interned))
    return out


def _scaled(dist: Distribution, factor: float) -> Distribution:
    from dataclasses import replace

    from shoring.risk.distributions import LogNormal

    if isinstance(dist, Fixed):
        return Fixed(dist.value * factor)
    if isinstance(dist, LogNormal):
        return replace(
            dist,
            median=dist.median * factor,
            p95=dist.p95 * factor,
            low=dist.low * factor,
            high=dist.high * factor,
        )
    return type(dist)(dist.low * factor, dist.mode * factor, dist.high * factor)
