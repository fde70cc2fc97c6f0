"""A country's full profile for people: every figure with its source and year, completed from
well-kept libraries (pycountry, Babel/CLDR, zoneinfo, python-holidays, bundled ECB rates).

Missing figures stay ``None`` and are shown as missing.  Derived figures (price level, labour
cost) say how they were derived; the GDP-per-capita labour-cost proxy appears only when asked
for (``impute=True``) and is labelled imputed.  The Kearney GSLI rank is a reference only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pycountry
from babel.numbers import get_currency_name
from pydantic import BaseModel, ConfigDict

from shoring.countries.fx import FxRate, country_currency, fx_rate
from shoring.countries.holidays import HOLIDAYS_SOURCE, Holiday, public_holidays
from shoring.countries.labour import labour_cost
from shoring.countries.languages import (
    LANGUAGE_SOURCE,
    LanguageShare,
    language_fit,
    resolve_language,
    spoken_languages,
)
from shoring.countries.overlap import BUSINESS_DAY, country_overlap_hours
from shoring.countries.profiles import SOURCES, CountryProfile
from shoring.countries.resolve import resolve_country
from shoring.countries.timezones import capital_timezone, standard_utc_offset_hours
from shoring.errors import InputError

#: Languages spoken by less than this share (%) are left out of the profile unless official.
MIN_LANGUAGE_PERCENT = 1.0


class Figure(BaseModel):
    """One fact: value (``None`` = missing), unit, year and source."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    value: float | None
    unit: str
    year: int | None
    source: str
    note: str | None = None
    imputed: bool = False


class CurrencyInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str | None
    name: str | None
    source: str = "Unicode CLDR territory currencies, via Babel"
    #: 1 unit of the country's currency in the user's currency.
    to_user_currency: FxRate | None = None


class TimeInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    capital_timezone: str | None
    standard_utc_offset_hours: float | None
    home: str | None
    home_timezone: str | None
    overlap_hours: float | None
    business_day: tuple[float, float] = BUSINESS_DAY
    source: str = "IANA tz database (zoneinfo); overlap = mean of 15 Jan and 15 Jul"


class HolidayInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    year: int
    available: bool
    count: int | None
    weekday_count: int | None
    dates: list[Holiday]
    source: str = HOLIDAYS_SOURCE


class LanguageInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    spoken: list[LanguageShare]
    work_languages: list[str]
    fit: float | None
    source: str = LANGUAGE_SOURCE


class CountryIntel(BaseModel):
    model_config = ConfigDict(frozen=True)

    country: str
    alpha2: str
    numeric: str
    name: str
    official_name: str | None
    in_bundled_data: bool
    figures: list[Figure]
    user_currency: str | None
    labour_cost_user_currency: Figure | None
    currency: CurrencyInfo
    languages: LanguageInfo
    time: TimeInfo
    holidays: HolidayInfo
    reference: dict[str, int | str | None]
    notes: list[str]


def _figures(
    profile: CountryProfile | None, profiles: Mapping[str, CountryProfile], impute: bool
) -> list[Figure]:
    p = profile or CountryProfile(iso3="XXX", name="")
    g = p.governance
    wgi = SOURCES["wgi"]
    figs = [
        Figure(
            name="gdp_pc_usd",
            label="GDP per capita",
            value=p.gdp_pc_usd,
            unit="US$",
            year=p.gdp_pc_usd_year,
            source=SOURCES["gdp_pc_usd"],
        ),
        Figure(
            name="gdp_pc_ppp_const2021_intl",
            label="GDP per capita, PPP",
            value=p.gdp_pc_ppp_const2021_intl,
            unit="2021 intl $",
            year=p.gdp_pc_ppp_year,
            source=SOURCES["gdp_pc_ppp_const2021_intl"],
        ),
        Figure(
            name="price_level",
            label="Price level (US = ~1)",
            value=p.price_level,
            unit="ratio",
            year=p.gdp_pc_usd_year,
            source="derived: GDP per capita US$ / PPP $",
        ),
        Figure(
            name="ilo_mean_monthly_earnings_ppp2021",
            label="Mean monthly earnings (PPP)",
            value=p.ilo_mean_monthly_earnings_ppp2021,
            unit="2021 PPP $/month",
            year=p.ilo_earnings_year,
            source=SOURCES["ilo_mean_monthly_earnings_ppp2021"],
            note=p.ilo_earnings_survey,
        ),
    ]
    cost = labour_cost(p, profiles, allow_proxy=impute) if profile is not None else None
    missing_cost = "missing: no ILO earnings or price level"
    if cost is None and profile is not None and not impute and p.gdp_pc_usd is not None:
        missing_cost += " (--impute gives a labelled GDP-per-capita proxy)"
    figs.append(
        Figure(
            name="labour_cost_usd_month",
            label="Labour cost (nominal)",
            value=None if cost is None else cost.usd_per_month,
            unit="US$/month",
            year=None if cost is None else cost.year,
            source="derived (shoring.countries.labour)",
            note=missing_cost if cost is None else cost.explanation,
            imputed=cost is not None and cost.is_proxy,
        )
    )
    figs += [
        Figure(
            name="ef_epi_score",
            label="EF English Proficiency Index",
            value=p.ef_epi_score,
            unit="score",
            year=p.ef_epi_edition,
            source=SOURCES["ef_epi_score"],
            note="sparse: 18 of 80 countries; native-English countries are not scored",
        ),
        Figure(
            name="governance_mean",
            label="Governance (WGI mean)",
            value=g.mean(),
            unit="-2.5..2.5",
            year=g.year,
            source=wgi,
        ),
    ]
    for field, label in (
        ("rule_of_law", "Rule of law"),
        ("political_stability", "Political stability"),
        ("control_of_corruption", "Control of corruption"),
        ("government_effectiveness", "Government effectiveness"),
        ("regulatory_quality", "Regulatory quality"),
        ("voice_accountability", "Voice and accountability"),
    ):
        figs.append(
            Figure(
                name=f"wgi_{field}",
                label=f"WGI {label.lower()}",
                value=getattr(g, field),
                unit="-2.5..2.5",
                year=g.year,
                source=wgi,
            )
        )
    figs += [
        Figure(
            name="population",
            label="Population",
            value=None if p.population is None else float(p.population),
            unit="people",
            year=p.population_year,
            source=SOURCES["population"],
        ),
        Figure(
            name="labour_force_participation_15plus_pct",
            label="Labour force participation 15+",
            value=p.labour_force_participation_15plus_pct,
            unit="%",
            year=p.lfpr_year,
            source=SOURCES["labour_force_participation_15plus_pct"],
        ),
        Figure(
            name="internet_users_pct",
            label="Internet users",
            value=p.internet_users_pct,
            unit="% of population",
            year=p.internet_users_year,
            source=SOURCES["internet_users_pct"],
        ),
    ]
    if profile is None:
        return [f.model_copy(update={"note": "no bundled figures for this country"}) for f in figs]
    return figs


def country_intel(
    country: str,
    *,
    home: str | None = None,
    currency: str | None = None,
    year: int | None = None,
    languages: Sequence[str] | None = None,
    impute: bool = False,
    profiles: Mapping[str, CountryProfile] | None = None,
) -> CountryIntel:
    """The full profile of ``country`` (any code or name), relative to ``home`` if given.

    ``currency`` is the user's currency (default: the home country's, else US$); the labour
    cost is converted into it with bundled, dated ECB rates.  ``impute`` allows the labelled
    GDP-per-capita labour-cost proxy where ILO earnings are missing.
    """
    if profiles is None:
        from shoring.io.bundled import country_profiles

        profiles = country_profiles()
    code = resolve_country(country, "country")
    home3 = resolve_country(home, "home") if home is not None else None
    record = pycountry.countries.get(alpha_3=code)
    assert record is not None
    profile = profiles.get(code)
    the_year = year if year is not None else date.today().year
    notes: list[str] = list(profile.notes) if profile is not None else []
    if profile is None:
        notes.append("This country is not in the bundled countries.csv: its figures are missing.")

    figures = _figures(profile, profiles, impute)

    # Currency and FX
    local = country_currency(code)
    if currency is not None:
        user_currency: str | None = currency.strip().upper()
        if pycountry.currencies.get(alpha_3=user_currency) is None:
            raise InputError("currency", currency, "unknown ISO 4217 currency code")
    elif home3 is not None:
        user_currency = country_currency(home3) or "USD"
    else:
        user_currency = "USD"
    to_user = fx_rate(local, user_currency) if local and user_currency else None
    currency_info = CurrencyInfo(
        code=local,
        name=get_currency_name(local, locale="en") if local else None,
        to_user_currency=to_user,
    )
    cost_fig = next(f for f in figures if f.name == "labour_cost_usd_month")
    cost_user: Figure | None = None
    if user_currency is not None:
        usd_rate = fx_rate("USD", user_currency)
        converted = (
            cost_fig.value * usd_rate.rate
            if cost_fig.value is not None and usd_rate is not None
            else None
        )
        note = None
        if usd_rate is None:
            note = f"the bundled ECB rates do not quote {user_currency}"
        elif cost_fig.value is not None:
            note = f"1 USD = {usd_rate.rate:.4g} {user_currency} on {usd_rate.on.isoformat()}"
        cost_user = Figure(
            name="labour_cost_user_currency",
            label=f"Labour cost ({user_currency})",
            value=converted,
            unit=f"{user_currency}/month",
            year=cost_fig.year,
            source=f"{cost_fig.source}; FX: {usd_rate.source if usd_rate else 'none'}",
            note=note,
            imputed=cost_fig.imputed,
        )

    # Languages
    spoken = [
        s
        for s in spoken_languages(code)
        if s.population_percent >= MIN_LANGUAGE_PERCENT or s.official_status
    ]
    work = [resolve_language(v) for v in languages] if languages else []
    fit = language_fit(code, work) if work else None

    # Time
    try:
        tz: str | None = capital_timezone(code)
    except InputError:  # a country without a known capital time zone: shown as missing
        tz = None
    home_tz = capital_timezone(home3, "home") if home3 is not None else None
    overlap = country_overlap_hours(home3, code) if (home3 and tz) else None
    time_info = TimeInfo(
        capital_timezone=tz,
        standard_utc_offset_hours=standard_utc_offset_hours(tz) if tz else None,
        home=home3,
        home_timezone=home_tz,
        overlap_hours=overlap,
    )

    # Holidays
    calendar = public_holidays(code, the_year)
    holiday_info = HolidayInfo(
        year=the_year,
        available=calendar is not None,
        count=None if calendar is None else len(calendar.holidays),
        weekday_count=None if calendar is None else calendar.weekday_count,
        dates=[] if calendar is None else list(calendar.holidays),
    )
    if calendar is None:
        notes.append(f"The holidays library has no calendar for {record.name}.")

    return CountryIntel(
        country=code,
        alpha2=str(record.alpha_2),
        numeric=str(record.numeric),
        name=str(getattr(record, "common_name", None) or record.name),
        official_name=getattr(record, "official_name", None),
        in_bundled_data=profile is not None,
        figures=figures,
        user_currency=user_currency,
        labour_cost_user_currency=cost_user,
        currency=currency_info,
        languages=LanguageInfo(spoken=spoken, work_languages=work, fit=fit),
        time=time_info,
        holidays=holiday_info,
        reference={
            "gsli_rank_2023": profile.gsli_rank_2023 if profile else None,
            "gsli_rank_2021": profile.gsli_rank_2021 if profile else None,
            "source": SOURCES["gsli_rank_2023"] + "; shown for reference only",
        },
        notes=notes,
    )
