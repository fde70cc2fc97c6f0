from __future__ import annotations

import csv
from pathlib import Path

from shoring.io.bundled import country_profiles, data_text

SHARED = Path(__file__).parents[3] / "shared" / "data" / "countries.csv"


def test_all_eighty_countries_load() -> None:
    profiles = country_profiles()
    assert len(profiles) == 80
    assert profiles["PHL"].name == "Philippines"
    assert profiles["USA"].governance.year == 2023


def test_missing_figures_stay_missing() -> None:
    profiles = country_profiles()
    assert profiles["TWN"].gdp_pc_usd is None
    assert profiles["USA"].ef_epi_score is None
    assert profiles["PHL"].ef_epi_score == 570


def test_bundled_copy_matches_the_shared_source() -> None:
    bundled = data_text("countries.csv")
    if SHARED.exists():
        assert bundled == SHARED.read_text()
    rows = list(csv.DictReader(bundled.splitlines()))
    assert len(rows) == 80


def test_source_notes_are_shipped() -> None:
    assert "World Bank" in data_text("countries_SOURCES.md")
