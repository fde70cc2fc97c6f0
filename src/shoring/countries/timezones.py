"""Time zones of capitals and the standard UTC offsets used by the nearshoring rule.

docs/TAXONOMY.md: "the standard offset of a time zone is the smaller of its UTC offsets on
15 January and 15 July, from the tz database".  The comparison is made in a fixed
reference year so that a classification does not change with the day it is run.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from shoring.errors import InputError
from shoring.io.bundled import capital_timezones

#: Year in which the January and July offsets are read.  Decision: a fixed year keeps results
#: reproducible; tz rules for a capital change rarely (update with the tzdata dependency).
REFERENCE_YEAR = 2026


def standard_utc_offset_hours(tz_name: str, year: int = REFERENCE_YEAR) -> float:
    """Smaller of the zone's UTC offsets at noon on 15 January and 15 July, in hours."""
    zone = ZoneInfo(tz_name)
    offsets = []
    for month in (1, 7):
        offset = datetime(year, month, 15, 12, tzinfo=zone).utcoffset()
        assert offset is not None
        offsets.append(offset.total_seconds() / 3600.0)
    return min(offsets)


def capital_timezone(alpha3: str, field: str = "country") -> str:
    """IANA time zone of the capital of ``alpha3``."""
    try:
        return capital_timezones()[alpha3]
    except KeyError:
        raise InputError(field, alpha3, "no capital time zone is known for this country") from None
