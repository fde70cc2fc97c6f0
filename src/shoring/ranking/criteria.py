"""Location criteria: what each one measures, its direction, unit and source, and the default
weight profiles per work category.

Every criterion is computed from a country's bundled profile or from a well-kept library; a
figure that cannot be computed is ``None`` (missing), never filled in here.

Default weight profiles are **modelling assumptions** (labelled so in the output).  Their
rationale, from the issue and the seed documents: offshoring "cuts costs" and pays "lower
wages"; "there may be a language barrier that leaves customers less satisfied when dealing
with a call center overseas"; KPO "typically includes processes that require a higher level
of skill, experience, and/or knowledge" (seeds/002).  Hence:

- ``BPO_FRONT`` (customer-facing: calls, chat): language and overlap with the customers' day
  dominate; cost still matters.
- ``BPO_BACK`` (back office: transactions, data entry): cost first; language and overlap matter
  little because the work is asynchronous.
- ``KPO`` (knowledge work: analytics, research, reading scans): the talent pool first, then
  governance (sensitive data) and language.
- ``ITO`` (IT services): cost and talent, then digital readiness.
- ``SOFTWARE_RD``: talent first, then cost and digital readiness.
- ``NONE`` (unclassified): equal weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from shoring.countries.holidays import HOLIDAYS_SOURCE, weekday_holiday_count
from shoring.countries.labour import labour_cost
from shoring.countries.languages import LANGUAGE_SOURCE, language_fit
from shoring.countries.overlap import country_overlap_hours
from shoring.countries.profiles import SOURCES, CountryProfile
from shoring.errors import InputError
from shoring.taxonomy import Category


class Criterion(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    benefit: bool
    unit: str
    source: str
    how: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        name="labour_cost",
        label="Labour cost",
        benefit=False,
        unit="US$/month",
        source=SOURCES["ilo_mean_monthly_earnings_ppp2021"] + "; " + SOURCES["gdp_pc_usd"],
        how="Mean monthly earnings in nominal US$: ILO PPP earnings x price level "
        "(shoring.countries.labour); GDP-per-capita proxy only with --impute.",
    ),
    Criterion(
        name="language_fit",
        label="Language fit",
        benefit=True,
        unit="share of population",
        source=LANGUAGE_SOURCE,
        how="Mean over the work's languages of the share of the population speaking it.",
    ),
    Criterion(
        name="timezone_overlap",
        label="Time-zone overlap",
        benefit=True,
        unit="hours/day",
        source="IANA tz database (zoneinfo), capital time zones",
        how="Mean 09:00-17:00 overlap with the home capital on 15 Jan and 15 Jul.",
    ),
    Criterion(
        name="talent_pool",
        label="Talent pool",
        benefit=True,
        unit="log10 people",
        source=SOURCES["population"] + "; " + SOURCES["labour_force_participation_15plus_pct"],
        how="log10(population x labour force participation rate 15+), a derived upper bound "
        "on the labour force (the rate applies to the 15+ population); log because size "
        "has diminishing returns.",
    ),
    Criterion(
        name="governance",
        label="Governance",
        benefit=True,
        unit="WGI (-2.5..2.5)",
        source=SOURCES["wgi"],
        how="Mean of the six Worldwide Governance Indicators.",
    ),
    Criterion(
        name="political_stability",
        label="Political stability",
        benefit=True,
        unit="WGI (-2.5..2.5)",
        source=SOURCES["wgi"],
        how="WGI Political Stability and Absence of Violence/Terrorism (country risk).",
    ),
    Criterion(
        name="digital_readiness",
        label="Digital readiness",
        benefit=True,
        unit="% internet users",
        source=SOURCES["internet_users_pct"],
        how="Individuals using the Internet, % of population.",
    ),
    Criterion(
        name="public_holidays",
        label="Public holidays",
        benefit=False,
        unit="weekdays/year",
        source=HOLIDAYS_SOURCE,
        how="National public holidays falling on a weekday in the chosen year.",
    ),
)

CRITERION_NAMES: tuple[str, ...] = tuple(c.name for c in CRITERIA)
BY_NAME: dict[str, Criterion] = {c.name: c for c in CRITERIA}

#: Default weight profiles per work category (assumptions; rationale in the module docstring).
DEFAULT_WEIGHTS: dict[Category, dict[str, float]] = {
    Category.BPO_FRONT: {
        "labour_cost": 0.20,
        "language_fit": 0.25,
        "timezone_overlap": 0.20,
        "talent_pool": 0.10,
        "governance": 0.08,
        "political_stability": 0.07,
        "digital_readiness": 0.05,
        "public_holidays": 0.05,
    },
    Category.BPO_BACK: {
        "labour_cost": 0.35,
        "language_fit": 0.10,
        "timezone_overlap": 0.05,
        "talent_pool": 0.15,
        "governance": 0.10,
        "political_stability": 0.08,
        "digital_readiness": 0.10,
        "public_holidays": 0.07,
    },
    Category.KPO: {
        "labour_cost": 0.15,
        "language_fit": 0.15,
        "timezone_overlap": 0.05,
        "talent_pool": 0.30,
        "governance": 0.15,
        "political_stability": 0.07,
        "digital_readiness": 0.08,
        "public_holidays": 0.05,
    },
    Category.ITO: {
        "labour_cost": 0.25,
        "language_fit": 0.10,
        "timezone_overlap": 0.08,
        "talent_pool": 0.20,
        "governance": 0.12,
        "political_stability": 0.05,
        "digital_readiness": 0.15,
        "public_holidays": 0.05,
    },
    Category.SOFTWARE_RD: {
        "labour_cost": 0.20,
        "language_fit": 0.10,
        "timezone_overlap": 0.08,
        "talent_pool": 0.30,
        "governance": 0.12,
        "political_stability": 0.05,
        "digital_readiness": 0.12,
        "public_holidays": 0.03,
    },
    Category.NONE: {name: 1.0 / len(CRITERIA) for name in (c.name for c in CRITERIA)},
}


def check_criterion(name: str, field: str = "criterion") -> str:
    if name not in BY_NAME:
        raise InputError(field, name, "unknown criterion", allowed=CRITERION_NAMES)
    return name


def complete_weights(
    weights: Mapping[str, float], field: str = "weights", source: str | None = None
) -> dict[str, float]:
    """Validate a criterion -> weight mapping; unlisted criteria weigh 0; result sums to 1."""
    out = dict.fromkeys(CRITERION_NAMES, 0.0)
    for name, value in weights.items():
        check_criterion(name, f"{field}.{name}" if field else name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"{field}.{name}", value, "must be a number", source=source)
        if not math.isfinite(value) or value < 0:
            raise InputError(
                f"{field}.{name}", value, "must be a non-negative number", source=source
            )
        out[name] = float(value)
    total = sum(out.values())
    if total <= 0:
        raise InputError(field, dict(weights), "all weights are zero", source=source)
    return {name: value / total for name, value in out.items()}


class CriterionValue(BaseModel):
    """One figure of one country for one criterion."""

    model_config = ConfigDict(frozen=True)

    value: float | None
    imputed: bool = False
    note: str | None = None


def criterion_values(
    profile: CountryProfile,
    *,
    home: str,
    languages: Sequence[str],
    year: int,
    profiles: Mapping[str, CountryProfile],
    allow_proxy: bool = False,
) -> dict[str, CriterionValue]:
    """Every criterion's figure for one country (``value=None`` = missing)."""
    out: dict[str, CriterionValue] = {}
    cost = labour_cost(profile, profiles, allow_proxy=allow_proxy)
    out["labour_cost"] = (
        CriterionValue(value=None, note="no ILO earnings or price level")
        if cost is None
        else CriterionValue(value=cost.usd_per_month, imputed=cost.is_proxy, note=cost.explanation)
    )
    fit = language_fit(profile.iso3, languages)
    out["language_fit"] = CriterionValue(
        value=fit, note=None if fit is not None else "CLDR lists no languages"
    )
    out["timezone_overlap"] = CriterionValue(value=country_overlap_hours(home, profile.iso3))
    if profile.population is not None and profile.labour_force_participation_15plus_pct:
        force = profile.population * profile.labour_force_participation_15plus_pct / 100.0
        out["talent_pool"] = CriterionValue(value=math.log10(force))
    else:
        out["talent_pool"] = CriterionValue(value=None, note="population or LFPR missing")
    out["governance"] = CriterionValue(value=profile.governance.mean())
    out["political_stability"] = CriterionValue(value=profile.governance.political_stability)
    out["digital_readiness"] = CriterionValue(value=profile.internet_users_pct)
    count = weekday_holiday_count(profile.iso3, year)
    out["public_holidays"] = CriterionValue(
        value=None if count is None else float(count),
        note=None if count is not None else "the holidays library has no calendar",
    )
    return out
