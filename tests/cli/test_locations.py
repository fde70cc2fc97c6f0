"""``shoring locations`` as a user runs it: the JSON contract, weights files, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shoring.cli import app

runner = CliRunner()
BASE = ["locations", "--home", "USA", "--category", "BPO_FRONT", "--draws", "300"]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*BASE, *args])


def test_json_contract() -> None:
    result = invoke("--languages", "en", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ranking = data["ranking"]
    countries = [r["country"] for r in ranking]
    assert len(countries) == len(set(countries)) > 10
    for entry in ranking:
        assert len(entry["country"]) == 3 and entry["country"].isupper()
        assert {"score", "rank", "p_top3", "p_top10", "criteria"} <= set(entry)
        assert 0 <= entry["p_top3"] <= entry["p_top10"] <= 1
    assert [r["rank"] for r in ranking] == sorted(r["rank"] for r in ranking)
    assert sum(data["weights"].values()) == pytest.approx(1.0)
    assert all({"country", "missing"} <= set(e) for e in data["excluded"])
    assert set(data["criteria"]) == set(data["weights"])


def test_top_limits_json_and_table() -> None:
    data = json.loads(invoke("--top", "5", "--json").stdout)
    assert len(data["ranking"]) == 5
    table = invoke("--top", "3").stdout
    assert "P3" in table and "Excluded" in table


def test_weights_file_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "w.yaml"
    yaml_file.write_text("labour_cost: 1\n")
    data = json.loads(invoke("--weights", str(yaml_file), "--json").stdout)
    assert data["weights"]["labour_cost"] == 1.0
    costs = [r["criteria"]["labour_cost"] for r in data["ranking"]]
    assert costs == sorted(costs)
    json_file = tmp_path / "w.json"
    json_file.write_text(json.dumps({"weights": {"language_fit": 2, "timezone_overlap": 1}}))
    data = json.loads(invoke("--weights", str(json_file), "--json").stdout)
    assert data["weights"]["language_fit"] == pytest.approx(2 / 3)


def test_ahp_weights_file(tmp_path: Path) -> None:
    file = tmp_path / "ahp.yaml"
    file.write_text(
        "ahp:\n  criteria: [labour_cost, language_fit]\n  matrix: [[1, 3], [0.3333333, 1]]\n"
    )
    data = json.loads(invoke("--weights", str(file), "--json").stdout)
    assert data["ahp"]["consistency_ratio"] == pytest.approx(0.0, abs=1e-6)
    assert data["weights"]["labour_cost"] == pytest.approx(0.75, abs=1e-6)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("cheapness: 1\n", "unknown criterion"),
        ("labour_cost: -2\n", "non-negative"),
        ("labour_cost: 0\nlanguage_fit: 0\n", "all weights are zero"),
        (
            "ahp:\n  criteria: [labour_cost, language_fit, timezone_overlap]\n"
            "  matrix: [[1, 9, 0.1111111], [0.1111111, 1, 9], [9, 0.1111111, 1]]\n",
            "pair contributing most",
        ),
        ("labour_cost: [1\n", "w.yaml:"),
    ],
)
def test_bad_weights_files_exit_2_naming_the_file(
    tmp_path: Path, content: str, expected: str
) -> None:
    file = tmp_path / "w.yaml"
    file.write_text(content)
    result = invoke("--weights", str(file), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr and "w.yaml" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--weights", "/no/such/file.yaml"], "no such file"),
        (["--languages", "xx"], "unknown language"),
        (["--method", "electre"], "allowed: topsis, weighted_sum"),
        (["--sampling", "normal"], "allowed: centred, uniform"),
    ],
)
def test_bad_options_exit_2(args: list[str], expected: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_a_directory_as_weights_is_named_as_such(tmp_path: Path) -> None:
    result = invoke("--weights", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_unknown_home_and_category_exit_2() -> None:
    result = runner.invoke(app, ["locations", "--home", "Atlantis", "--category", "ITO"])
    assert result.exit_code == 2 and "Atlantis" in result.stderr
    result = runner.invoke(app, ["locations", "--home", "USA", "--category", "SALES"])
    assert result.exit_code == 2 and "BPO_FRONT" in result.stderr


def test_impute_flag_labels_values() -> None:
    data = json.loads(invoke("--impute", "--json").stdout)
    assert data["excluded"] == []
    assert any(r["imputed"] for r in data["ranking"])


def test_weight_overrides_are_relative_and_validated() -> None:
    data = json.loads(
        invoke("--weight", "labour_cost=0", "--weight", "talent_pool=0", "--json").stdout
    )
    assert data["weights"]["labour_cost"] == 0.0 and data["weights"]["talent_pool"] == 0.0
    assert sum(data["weights"].values()) == pytest.approx(1.0)
    assert "override" in data["weights_source"]
    for bad, expected in (
        ("labour_cost", "NAME=VALUE"),
        ("vibes=1", "unknown criterion"),
        ("labour_cost=cheap", "not a number"),
        ("governance=-1", "non-negative"),
    ):
        result = invoke("--weight", bad)
        assert result.exit_code == 2 and expected in result.stderr


def test_repeated_and_comma_separated_languages() -> None:
    a = json.loads(invoke("--languages", "en,es", "--top", "3", "--json").stdout)
    b = json.loads(invoke("--languages", "en", "--languages", "es", "--top", "3", "--json").stdout)
    assert a["languages"] == b["languages"] == ["en", "es"]
    assert a["ranking"] == b["ranking"]
