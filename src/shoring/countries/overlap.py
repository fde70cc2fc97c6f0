"""Business-hours overlap between two places, from the tz database (zoneinfo).

Pure functions.  A working day is ``start``-``end`` local time (default 09:00-17:00, a
modelling assumption).  Overlap is computed on real dates so daylight-saving time counts; the
default reports the mean over the two reference dates the taxonomy uses (15 January and
15 July of :data:`~shoring.countries.timezones.REFERENCE_YEAR`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from shoring.countries.timezones import REFERENCE_YEAR, capital_timezone

#: Modelling assumption: the local business day used for overlap, in hours.
BUSINESS_DAY = (9.0, 17.0)


def _window_utc(tz_name: str, on: date, start: float, end: float) -> tuple[float, float]:
    """The local working window of ``on`` as hours since ``on`` 00:00 UTC."""
    zone = ZoneInfo(tz_name)
    midnight_local = datetime(on.year, on.month, on.day, tzinfo=zone)
    offset = midnight_local.utcoffset() or timedelta(0)
    shift = offset.total_seconds() / 3600.0
    return start - shift, end - shift


def overlap_hours_on(
    tz_a: str,
    tz_b: str,
    on: date,
    business_day: tuple[float, float] = BUSINESS_DAY,
) -> float:
    """Hours both places are inside their business day on date ``on`` (0 to day length).

    The second window is also tried a day earlier and later, so windows that meet across
    midnight UTC (for example Auckland and London) are counted.
    """
    start, end = business_day
    a0, a1 = _window_utc(tz_a, on, start, end)
    b0, b1 = _window_utc(tz_b, on, start, end)
    best = 0.0
    for day in (-24.0, 0.0, 24.0):
        best = max(best, min(a1, b1 + day) - max(a0, b0 + day))
    return max(0.0, best)


def business_hours_overlap(
    tz_a: str,
    tz_b: str,
    year: int = REFERENCE_YEAR,
    business_day: tuple[float, float] = BUSINESS_DAY,
) -> float:
    """Mean overlap in hours over 15 January and 15 July of ``year``."""
    days = (date(year, 1, 15), date(year, 7, 15))
    return sum(overlap_hours_on(tz_a, tz_b, d, business_day) for d in days) / len(days)


def country_overlap_hours(
    home: str,
    other: str,
    year: int = REFERENCE_YEAR,
    business_day: tuple[float, float] = BUSINESS_DAY,
) -> float:
    """Business-hours overlap between the capitals of two countries (alpha-3 codes)."""
    return business_hours_overlap(
        capital_timezone(home, "home"), capital_timezone(other, "country"), year, business_day
    )
