"""Labour cost in money terms, derived from the bundled country figures.

The ILO earnings column is in 2021 PPP dollars, which hides the exchange-rate gap offshoring
exploits.  Following the note in ``data/countries_SOURCES.md`` ("Using these figures in the
product"), a nominal figure is derived by scaling it by the country's price level, approximated
by ``gdp_pc_usd / gdp_pc_ppp_const2021_intl``:

    nominal US$ per month = ILO mean monthly earnings (2021 PPP $) x price level

This is a *derived* figure: the columns come from different years (earnings 2014-2024, GDP
2023, PPP 2024), so it carries an uncertainty (see :data:`DERIVED_RELATIVE_SPREAD`).

Where the ILO figure is missing, a weaker proxy from GDP per capita is available only when the
caller asks for it (``allow_proxy=True``), and it is labelled as such: annual earnings are
estimated as GDP per capita (US$) x the median earnings-to-GDP ratio of the countries that have
both figures, with the spread of that ratio (10th-90th percentile) as its uncertainty.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from statistics import median, quantiles

from pydantic import BaseModel, ConfigDict

from shoring.countries.profiles import CountryProfile


class LabourCostMethod(StrEnum):
    ILO_X_PRICE_LEVEL = "ilo_ppp_earnings_x_price_level"
    GDP_PROXY = "gdp_per_capita_proxy"


#: Modelling assumption: relative spread (one side, ~90% range) of a derived ILO-based figure,
#: covering the year mismatch of its three columns and survey differences between countries.
DERIVED_RELATIVE_SPREAD = 0.20


class LabourCost(BaseModel):
    """Mean employee earnings in nominal US$ per month, with how it was obtained."""

    model_config = ConfigDict(frozen=True)

    iso3: str
    usd_per_month: float
    low_usd_per_month: float
    high_usd_per_month: float
    method: LabourCostMethod
    year: int | None
    explanation: str

    @property
    def usd_per_year(self) -> float:
        return self.usd_per_month * 12.0

    @property
    def is_proxy(self) -> bool:
        return self.method is LabourCostMethod.GDP_PROXY


def derived_monthly_earnings_usd(profile: CountryProfile) -> float | None:
    """ILO PPP earnings x price level, or ``None`` when a needed figure is missing."""
    level = profile.price_level
    if profile.ilo_mean_monthly_earnings_ppp2021 is None or level is None:
        return None
    return profile.ilo_mean_monthly_earnings_ppp2021 * level


def earnings_to_gdp_ratios(profiles: Mapping[str, CountryProfile]) -> list[float]:
    """Annual derived earnings / GDP per capita, for every country that has both."""
    ratios = []
    for profile in profiles.values():
        monthly = derived_monthly_earnings_usd(profile)
        if monthly is not None and profile.gdp_pc_usd is not None:
            ratios.append(monthly * 12.0 / profile.gdp_pc_usd)
    return sorted(ratios)


def labour_cost(
    profile: CountryProfile,
    profiles: Mapping[str, CountryProfile] | None = None,
    *,
    allow_proxy: bool = False,
) -> LabourCost | None:
    """Nominal labour cost for ``profile``'s country, or ``None`` when it cannot be derived.

    ``profiles`` (all countries) is needed only for the GDP proxy, whose ratio is estimated
    across countries.  The proxy is used only when ``allow_proxy`` is true.
    """
    monthly = derived_monthly_earnings_usd(profile)
    if monthly is not None:
        return LabourCost(
            iso3=profile.iso3,
            usd_per_month=monthly,
            low_usd_per_month=monthly * (1 - DERIVED_RELATIVE_SPREAD),
            high_usd_per_month=monthly * (1 + DERIVED_RELATIVE_SPREAD),
            method=LabourCostMethod.ILO_X_PRICE_LEVEL,
            year=profile.ilo_earnings_year,
            explanation=(
                "Derived: ILO mean monthly earnings "
                f"{profile.ilo_mean_monthly_earnings_ppp2021:,.0f} "
                f"(2021 PPP $, {profile.ilo_earnings_year}) x price level "
                f"{profile.price_level:.2f} (GDP per capita US$ / PPP $)."
            ),
        )
    if not allow_proxy or profiles is None or profile.gdp_pc_usd is None:
        return None
    ratios = earnings_to_gdp_ratios(profiles)
    if len(ratios) < 10:
        return None
    deciles = quantiles(ratios, n=10)
    mid = median(ratios)
    per_month = profile.gdp_pc_usd * mid / 12.0
    return LabourCost(
        iso3=profile.iso3,
        usd_per_month=per_month,
        low_usd_per_month=profile.gdp_pc_usd * deciles[0] / 12.0,
        high_usd_per_month=profile.gdp_pc_usd * deciles[-1] / 12.0,
        method=LabourCostMethod.GDP_PROXY,
        year=profile.gdp_pc_usd_year,
        explanation=(
            f"Imputed (weaker proxy; no ILO earnings): GDP per capita {profile.gdp_pc_usd:,.0f} US$"
            f" x median earnings/GDP ratio {mid:.2f} across {len(ratios)} countries "
            f"(10th-90th percentile {deciles[0]:.2f}-{deciles[-1]:.2f})."
        ),
    )
