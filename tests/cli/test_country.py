"""``shoring country`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from shoring.cli import app
from shoring.io.bundled import country_profiles

runner = CliRunner()


def test_json_profile_with_sources() -> None:
    result = runner.invoke(app, ["country", "PHL", "--home", "USA", "--json", "--year", "2026"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["country"] == "PHL"
    figures = {f["name"]: f for f in data["figures"]}
    assert figures["gdp_pc_usd"]["value"] == country_profiles()["PHL"].gdp_pc_usd
    assert all(f["source"] for f in data["figures"])
    assert data["time"]["home"] == "USA"
    assert data["currency"]["code"] == "PHP"
    assert data["user_currency"] == "USD"
    assert data["holidays"]["year"] == 2026


def test_table_shows_missing_as_missing() -> None:
    result = runner.invoke(app, ["country", "Taiwan"])
    assert result.exit_code == 0, result.output
    assert "missing" in result.stdout
    assert "Taiwan" in result.stdout
    assert "reference only" in result.stdout


def test_table_with_home_and_languages() -> None:
    result = runner.invoke(app, ["country", "IND", "--home", "GBR", "--languages", "en,hi"])
    assert result.exit_code == 0, result.output
    assert "overlap with GBR" in result.stdout
    assert "Language fit" in result.stdout
    assert "GBP" in result.stdout


def test_unknown_country_exits_2_with_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "shoring", "country", "Narnia"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Narnia" in lines[0] and "Traceback" not in proc.stderr


def test_bad_currency_exits_2() -> None:
    result = runner.invoke(app, ["country", "PHL", "--currency", "QQQ"])
    assert result.exit_code == 2
    assert "currency" in result.stderr
