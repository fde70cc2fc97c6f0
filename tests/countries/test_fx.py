from __future__ import annotations

from datetime import date

import pytest

from shoring.countries.fx import country_currency, fx_rate


def test_country_currency_from_cldr() -> None:
    assert country_currency("PHL") == "PHP"
    assert country_currency("DEU") == "EUR"
    assert country_currency("USA") == "USD"


def test_rates_are_dated_and_consistent() -> None:
    usd_php = fx_rate("USD", "PHP")
    php_usd = fx_rate("PHP", "USD")
    assert usd_php is not None and php_usd is not None
    assert usd_php.on == php_usd.on
    assert usd_php.on >= date(2024, 1, 1)
    assert usd_php.rate * php_usd.rate == pytest.approx(1.0)
    assert 20 < usd_php.rate < 200


def test_unquoted_currency_is_missing_not_guessed() -> None:
    assert fx_rate("USD", "VND") is None


def test_same_currency_is_one() -> None:
    rate = fx_rate("eur", "EUR")
    assert rate is not None and rate.rate == 1.0
