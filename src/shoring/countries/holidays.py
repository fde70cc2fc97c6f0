"""Public holidays per country and year, from the ``holidays`` package (python-holidays).

Only national public holidays are counted (no subdivision, no optional/bank categories).
The criterion used in the ranking is the number of public holidays falling on a weekday
(Monday-Friday), i.e. working days lost.  When the library has no calendar for a country the
result is ``None`` and the profile says so; nothing is guessed.
"""

from __future__ import annotations

from datetime import date
from importlib.metadata import version

import holidays as holidays_lib
import pycountry
from pydantic import BaseModel, ConfigDict

from shoring.errors import InputError

HOLIDAYS_SOURCE = f"python-holidays {version('holidays')} (national public holidays)"


class Holiday(BaseModel):
    model_config = ConfigDict(frozen=True)

    on: date
    name: str

    @property
    def weekday(self) -> bool:
        return self.on.weekday() < 5


class HolidayCalendar(BaseModel):
    model_config = ConfigDict(frozen=True)

    iso3: str
    year: int
    holidays: tuple[Holiday, ...]
    source: str = HOLIDAYS_SOURCE

    @property
    def weekday_count(self) -> int:
        return sum(1 for h in self.holidays if h.weekday)


def public_holidays(alpha3: str, year: int) -> HolidayCalendar | None:
    """National public holidays of ``alpha3`` in ``year``, or ``None`` if there is no calendar."""
    if not 1900 <= year <= 2100:
        raise InputError("year", year, "must be between 1900 and 2100")
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise InputError("country", alpha3, "unknown ISO 3166 alpha-3 code")
    alpha2 = str(country.alpha_2)
    if alpha2 not in holidays_lib.list_supported_countries():
        return None
    calendar = holidays_lib.country_holidays(alpha2, years=year)
    days: list[Holiday] = []
    for day, name in sorted(calendar.items()):
        days.append(Holiday(on=day, name=str(name)))
    return HolidayCalendar(iso3=alpha3, year=year, holidays=tuple(days))


def weekday_holiday_count(alpha3: str, year: int) -> int | None:
    calendar = public_holidays(alpha3, year)
    return None if calendar is None else calendar.weekday_count
