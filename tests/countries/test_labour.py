from __future__ import annotations

import pytest

from shoring.countries.labour import LabourCostMethod, labour_cost
from shoring.io.bundled import country_profiles


def test_derived_figure_is_ilo_times_price_level() -> None:
    profiles = country_profiles()
    india = profiles["IND"]
    cost = labour_cost(india)
    assert cost is not None
    assert cost.method is LabourCostMethod.ILO_X_PRICE_LEVEL
    assert india.ilo_mean_monthly_earnings_ppp2021 is not None
    expected = (
        india.ilo_mean_monthly_earnings_ppp2021
        * india.gdp_pc_usd  # type: ignore[operator]
        / india.gdp_pc_ppp_const2021_intl  # type: ignore[operator]
    )
    assert cost.usd_per_month == pytest.approx(expected)
    assert cost.low_usd_per_month < cost.usd_per_month < cost.high_usd_per_month
    assert "Derived" in cost.explanation


def test_missing_stays_missing_unless_proxy_is_asked_for() -> None:
    profiles = country_profiles()
    china = profiles["CHN"]
    assert china.ilo_mean_monthly_earnings_ppp2021 is None
    assert labour_cost(china, profiles) is None
    proxy = labour_cost(china, profiles, allow_proxy=True)
    assert proxy is not None and proxy.is_proxy
    assert "Imputed" in proxy.explanation


def test_no_figure_at_all_for_taiwan() -> None:
    profiles = country_profiles()
    assert labour_cost(profiles["TWN"], profiles, allow_proxy=True) is None


def test_zero_earnings_in_source_is_rejected_with_a_note() -> None:
    rwanda = country_profiles()["RWA"]
    assert rwanda.ilo_mean_monthly_earnings_ppp2021 is None
    assert any("rejected" in note for note in rwanda.notes)


def test_offshore_destinations_cost_less_than_the_us() -> None:
    profiles = country_profiles()
    us = labour_cost(profiles["USA"])
    assert us is not None
    for iso3 in ("IND", "PHL", "MEX", "POL"):
        other = labour_cost(profiles[iso3])
        assert other is not None and other.usd_per_month < us.usd_per_month / 3
