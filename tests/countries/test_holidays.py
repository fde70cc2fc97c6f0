"""Public holidays from python-holidays."""

from __future__ import annotations

from datetime import date

import holidays
import pycountry
import pytest

from shoring.countries.holidays import public_holidays, weekday_holiday_count
from shoring.errors import InputError


def test_us_calendar_matches_the_library() -> None:
    calendar = public_holidays("USA", 2026)
    assert calendar is not None
    library = holidays.country_holidays("US", years=2026)
    assert [h.on for h in calendar.holidays] == sorted(library)
    assert date(2026, 7, 4) in {h.on for h in calendar.holidays}
    weekdays = sum(1 for d in library if d.weekday() < 5)
    assert calendar.weekday_count == weekdays == weekday_holiday_count("USA", 2026)
    assert calendar.weekday_count <= len(calendar.holidays)


def test_country_without_a_calendar_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    supported = dict(holidays.list_supported_countries())
    missing = [c for c in pycountry.countries if c.alpha_2 not in supported]
    if missing:
        code = missing[0].alpha_3
    else:
        # This holidays release covers every ISO country: take one out of its support list
        # to check that a country without a calendar gives None, not an exception.
        del supported["PH"]
        monkeypatch.setattr(holidays, "list_supported_countries", lambda: supported)
        code = "PHL"
    assert public_holidays(code, 2026) is None
    assert weekday_holiday_count(code, 2026) is None


def test_bad_year_and_country() -> None:
    with pytest.raises(InputError, match="year"):
        public_holidays("USA", 3000)
    with pytest.raises(InputError):
        public_holidays("XYZ", 2026)
