"""Countries: resolving names and codes, time zones, profiles and labour cost."""

from shoring.countries.labour import LabourCost, LabourCostMethod, labour_cost
from shoring.countries.profiles import CountryProfile, Governance
from shoring.countries.resolve import country_name, resolve_country
from shoring.countries.timezones import capital_timezone, standard_utc_offset_hours

__all__ = [
    "CountryProfile",
    "Governance",
    "LabourCost",
    "LabourCostMethod",
    "capital_timezone",
    "country_name",
    "labour_cost",
    "resolve_country",
    "standard_utc_offset_hours",
]
