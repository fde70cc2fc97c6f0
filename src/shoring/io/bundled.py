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

from pydantic import ValidationError

from shoring.countries.profiles import CountryProfile
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


_INT_FIELDS = {
    "gdp_pc_usd_year",
    "gdp_pc_ppp_year",
    "ilo_earnings_year",
    "ef_epi_edition",
    "gsli_rank_2023",
    "gsli_rank_2021",
    "population",
    "population_year",
    "lfpr_year",
    "internet_users_year",
}
_WGI = {
    "wgi_rule_of_law": "rule_of_law",
    "wgi_political_stability": "political_stability",
    "wgi_control_of_corruption": "control_of_corruption",
    "wgi_government_effectiveness": "government_effectiveness",
    "wgi_regulatory_quality": "regulatory_quality",
    "wgi_voice_accountability": "voice_accountability",
    "wgi_year": "year",
}


@lru_cache(maxsize=1)
def country_profiles() -> dict[str, CountryProfile]:
    """All country profiles of ``countries.csv``, keyed by alpha-3, validated on load.

    Data-quality rule: an earnings figure of zero or below is not a real figure (Rwanda's
    source row reads 0.0); it is recorded as missing with a note on the profile, never used.
    """
    name = "countries.csv"
    profiles: dict[str, CountryProfile] = {}
    for line, row in read_csv(name):
        data: dict[str, object] = {}
        governance: dict[str, object] = {}
        notes: list[str] = []
        for column, raw in row.items():
            text = (raw or "").strip()
            value: object = None
            if text:
                try:
                    if column in _INT_FIELDS or column == "wgi_year":
                        value = int(float(text))
                    elif column in ("iso3", "name", "ilo_earnings_survey"):
                        value = text
                    else:
                        value = float(text)
                except ValueError as exc:
                    raise InputError(column, text, "not a number", source=name, line=line) from exc
            if (
                column == "ilo_mean_monthly_earnings_ppp2021"
                and isinstance(value, float)
                and value <= 0
            ):
                notes.append(
                    f"ILO earnings in the source read {value}; rejected as not a real "
                    "figure and treated as missing."
                )
                value = None
            if column in _WGI:
                governance[_WGI[column]] = value
            else:
                data[column] = value
        data["governance"] = governance
        data["notes"] = tuple(notes)
        try:
            profile = CountryProfile.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"])
            raise InputError(
                field, error.get("input"), str(error["msg"]), source=name, line=line
            ) from None
        profiles[profile.iso3] = profile
    return profiles
