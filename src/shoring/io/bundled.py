"""Load and validate the reference data shipped inside the package (``shoring/data``).

Every loader reads a file once (cached), validates each row and raises
:class:`~shoring.errors.InputError` naming the file, line and field when a row is bad, so a
corrupt install fails loudly at start instead of producing wrong numbers.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shoring.errors import InputError


def data_text(name: str) -> str:
    """Text of a bundled data file, e.g. ``data_text("countries_SOURCES.md")``."""
    return resources.files("shoring").joinpath("data", name).read_text(encoding="utf-8")


def read_csv(name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a bundled CSV file as ``(line_number, row)`` pairs (the header is line 1)."""
    reader = csv.DictReader(data_text(name).splitlines())
    return [(index + 2, row) for index, row in enumerate(reader)]


@lru_cache(maxsize=1)
def capital_timezones() -> dict[str, str]:
    """ISO alpha-3 -> IANA time zone of the country's capital (``capital_timezones.csv``)."""
    name = "capital_timezones.csv"
    table: dict[str, str] = {}
    for line, row in read_csv(name):
        tz = row.get("timezone", "")
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InputError(
                "timezone", tz, "not an IANA time zone", source=name, line=line
            ) from exc
        iso3 = row.get("iso3", "")
        if len(iso3) != 3 or not iso3.isupper():
            raise InputError("iso3", iso3, "not an ISO alpha-3 code", source=name, line=line)
        table[iso3] = tz
    return table
