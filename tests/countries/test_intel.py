"""The assembled country profile: figures with sources, FX, languages, time, holidays."""

from __future__ import annotations

import pytest

from shoring.countries.fx import country_currency, fx_rate
from shoring.countries.intel import country_intel
from shoring.countries.labour import labour_cost
from shoring.countries.overlap import country_overlap_hours
from shoring.errors import InputError
from shoring.io.bundled import country_profiles


def _figure(intel, name):  # type: ignore[no-untyped-def]
    return next(f for f in intel.figures if f.name == name)


def test_figures_come_from_the_bundled_profile_with_sources() -> None:
    profile = country_profiles()["PHL"]
    intel = country_intel("Philippines", home="USA", year=2026)
    assert intel.country == "PHL" and intel.alpha2 == "PH"
    gdp = _figure(intel, "gdp_pc_usd")
    assert gdp.value == profile.gdp_pc_usd and gdp.year == profile.gdp_pc_usd_year
    assert all(f.source for f in intel.figures)
    cost = labour_cost(profile)
    assert cost is not None
    assert _figure(intel, "labour_cost_usd_month").value == pytest.approx(cost.usd_per_month)
    assert intel.reference["gsli_rank_2023"] == profile.gsli_rank_2023


def test_missing_figures_stay_missing_unless_imputed() -> None:
    twn = country_intel("TWN")
    assert _figure(twn, "gdp_pc_usd").value is None
    assert _figure(twn, "labour_cost_usd_month").value is None
    nld = country_intel("NLD")
    assert _figure(nld, "labour_cost_usd_month").value is None
    assert "--impute" in (_figure(nld, "labour_cost_usd_month").note or "")
    imputed = _figure(country_intel("NLD", impute=True), "labour_cost_usd_month")
    assert imputed.value is not None and imputed.imputed


def test_currency_and_conversion_to_the_users_currency() -> None:
    intel = country_intel("PHL", home="DEU")
    assert intel.currency.code == country_currency("PHL") == "PHP"
    assert intel.user_currency == "EUR"
    rate = fx_rate("PHP", "EUR")
    assert rate is not None and intel.currency.to_user_currency == rate
    usd = fx_rate("USD", "EUR")
    assert usd is not None and intel.labour_cost_user_currency is not None
    cost = _figure(intel, "labour_cost_usd_month").value
    assert intel.labour_cost_user_currency.value == pytest.approx(cost * usd.rate)
    explicit = country_intel("PHL", home="DEU", currency="gbp")
    assert explicit.user_currency == "GBP"


def test_time_overlap_and_holidays() -> None:
    intel = country_intel("MEX", home="USA", year=2026)
    assert intel.time.overlap_hours == country_overlap_hours("USA", "MEX")
    assert intel.time.capital_timezone == "America/Mexico_City"
    assert intel.holidays.available and intel.holidays.year == 2026
    assert intel.holidays.count == len(intel.holidays.dates)


def test_languages_with_work_language_fit() -> None:
    intel = country_intel("IND", languages=["en"])
    assert intel.languages.work_languages == ["en"]
    en = next(s for s in intel.languages.spoken if s.code == "en")
    assert intel.languages.fit == pytest.approx(en.population_percent / 100)


def test_country_outside_the_bundled_data() -> None:
    intel = country_intel("ISL")
    if intel.in_bundled_data:
        pytest.skip("Iceland is in the bundled data")
    assert all(f.value is None for f in intel.figures)
    assert any("not in the bundled" in n for n in intel.notes)
    assert intel.currency.code == "ISK"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"country": "Narnia"}, "country"),
        ({"country": "PHL", "home": "Oz"}, "home"),
        ({"country": "PHL", "currency": "XXQ"}, "currency"),
    ],
)
def test_bad_input(kwargs: dict[str, str], field: str) -> None:
    with pytest.raises(InputError, match=field):
        country_intel(**kwargs)  # type: ignore[arg-type]
