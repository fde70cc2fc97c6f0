"""``shoring catalogue``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from shoring.cli import app

runner = CliRunner()


def test_json_lists_every_entry_with_its_attributes() -> None:
    result = runner.invoke(app, ["catalogue", "--json"])
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert len(entries) >= 150
    keys = {
        "code", "name", "description", "examples", "category", "soc_codes", "customer_facing",
        "language_intensity", "skill_level", "realtime_overlap", "regulated_data",
        "offshorability", "offshorability_source",
    }  # fmt: skip
    assert all(keys <= set(e) for e in entries)


def test_category_filter_is_case_insensitive() -> None:
    result = runner.invoke(app, ["catalogue", "--category", "kpo", "--json"])
    entries = json.loads(result.stdout)
    assert entries and {e["category"] for e in entries} == {"KPO"}


def test_table_cites_blinder() -> None:
    result = runner.invoke(app, ["catalogue", "--category", "BPO_FRONT"])
    assert result.exit_code == 0
    assert "BPF-INBOUND-CALLS" in result.output and "Blinder" in result.output


def test_unknown_category_exits_2() -> None:
    result = runner.invoke(app, ["catalogue", "--category", "XYZ"])
    assert result.exit_code == 2
    assert "allowed" in result.output
