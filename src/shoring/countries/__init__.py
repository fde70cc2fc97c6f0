"""Countries: resolving names and codes, time zones, and (later) country profiles."""

from shoring.countries.resolve import country_name, resolve_country
from shoring.countries.timezones import capital_timezone, standard_utc_offset_hours

__all__ = [
    "capital_timezone",
    "country_name",
    "resolve_country",
    "standard_utc_offset_hours",
]
