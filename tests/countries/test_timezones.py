from __future__ import annotations

import csv
from pathlib import Path

import pytest

from shoring.countries import capital_timezone, standard_utc_offset_hours
from shoring.countries.overlap import business_hours_overlap, country_overlap_hours
from shoring.errors import InputError
from shoring.io.bundled import capital_timezones, country_profiles


def test_every_country_in_the_data_has_a_capital_zone() -> None:
    zones = capital_timezones()
    assert set(country_profiles()) <= set(zones)
    assert len(zones) >= 240


@pytest.mark.parametrize(
    ("tz", "hours"),
    [
        ("America/New_York", -5.0),  # EST in January, EDT (-4) in July: the smaller is -5
        ("Europe/London", 0.0),
        ("Asia/Kolkata", 5.5),
        ("Australia/Sydney", 10.0),  # southern hemisphere: DST in January
        ("Asia/Kathmandu", 5.75),
    ],
)
def test_standard_offset_is_smaller_of_january_and_july(tz: str, hours: float) -> None:
    assert standard_utc_offset_hours(tz) == hours


def test_capital_zone_of_multi_zone_countries() -> None:
    assert capital_timezone("USA") == "America/New_York"
    assert capital_timezone("BRA") == "America/Sao_Paulo"
    assert capital_timezone("AUS") == "Australia/Sydney"


def test_no_zone_is_an_error() -> None:
    with pytest.raises(InputError):
        capital_timezone("ATA", "worker_country")


def test_overlap() -> None:
    assert country_overlap_hours("USA", "USA") == 8.0
    assert country_overlap_hours("USA", "PHL") == 0.0
    # London and Delhi: 2.5 h in January (UTC+0), 3.5 h in July (UTC+1).
    assert country_overlap_hours("GBR", "IND") == pytest.approx(3.0)
    # Symmetric, and across midnight UTC too.
    assert business_hours_overlap("Pacific/Auckland", "America/Los_Angeles") == pytest.approx(
        business_hours_overlap("America/Los_Angeles", "Pacific/Auckland")
    )
    assert business_hours_overlap("Pacific/Auckland", "America/Los_Angeles") > 0


def test_table_file_is_well_formed() -> None:
    path = Path(__file__).parents[2] / "src/shoring/data/capital_timezones.csv"
    rows = list(csv.DictReader(path.open()))
    assert len({row["iso3"] for row in rows}) == len(rows)
    assert all(row["method"] for row in rows)
