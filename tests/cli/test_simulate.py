"""``shoring simulate`` and ``shoring generate`` from the outside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from shoring.cli import app
from tests.conftest import example_path

runner = CliRunner()


def test_json_contract() -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            str(example_path("small_business.yaml")),
            "--scenarios",
            "300",
            "--seed",
            "4",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    pairs = sum(len(p["options"]) for p in data["processes"])
    assert data["evaluations"] == 300 * pairs * data["quarters"]
    assert len(data["processes"]) == 3
    for process in data["processes"]:
        assert process["id"] and process["options"][0]["status_quo"]
        for option in process["options"]:
            assert set(option) >= {"id", "labels", "npv_savings", "prob_loss", "payback_months_p50"}
            assert set(option["npv_savings"]) == {"mean", "p5", "p50", "p95"}
            assert isinstance(option["labels"], list) and option["labels"]


def test_same_seed_same_json_and_no_progress_bar_with_json() -> None:
    args = ["simulate", str(example_path("small_business.yaml")), "-n", "200", "--json"]
    a = runner.invoke(app, args)
    b = runner.invoke(app, args)
    assert a.stdout == b.stdout
    assert a.stdout.count("\n") == 1  # one JSON document, nothing else


def test_readable_table_and_assumptions() -> None:
    result = runner.invoke(
        app,
        ["simulate", str(example_path("small_business.yaml")), "-n", "200", "--assumptions"],
    )
    assert result.exit_code == 0
    for needle in (
        "bookkeeping",
        "chance of loss",
        "homeshoring",
        "Willcocks",
        "Overby",
        "assumption",
        "Portfolio",
    ):
        assert needle in result.stdout


def test_bad_portfolio_exit_2_one_line_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "company: {name: A, country: USA}\nprocesses:\n  - id: a\n    name: Payroll\n"
        "    category: BPO_BACK\n    fte: -2\n"
    )
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, "-m", "shoring", "simulate", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == "" and not out.exists()
    assert proc.stderr.count("\n") == 1
    assert f"{path}:6:" in proc.stderr and "processes[0].fte" in proc.stderr


def test_missing_category_without_a_categoriser_is_explained(tmp_path: Path) -> None:
    from shoring.simulate import _categoriser

    path = tmp_path / "p.yaml"
    path.write_text(
        "company: {name: A, country: USA}\nprocesses:\n  - id: a\n    name: Payroll\n    fte: 2\n"
    )
    result = runner.invoke(app, ["simulate", str(path), "-n", "50", "--json"])
    if _categoriser() is None:
        assert result.exit_code != 0
        assert "category" in str(result.exception)
    else:
        assert result.exit_code == 0
        data = json.loads(result.stdout)
        assert data["processes"][0]["category_source"] != "given"


def test_generate_then_simulate(tmp_path: Path) -> None:
    target = tmp_path / "gen.yaml"
    result = runner.invoke(app, ["generate", "--processes", "12", "--seed", "3", "-o", str(target)])
    assert result.exit_code == 0 and target.exists()
    data = yaml.safe_load(target.read_text())
    assert len(data["processes"]) == 12
    assert len({p["category"] for p in data["processes"]}) >= 3
    again = runner.invoke(app, ["generate", "--processes", "12", "--seed", "3"])
    assert yaml.safe_load(again.stdout) == data
    sim = runner.invoke(app, ["simulate", str(target), "-n", "100", "--json"])
    assert sim.exit_code == 0
    assert len(json.loads(sim.stdout)["processes"]) == 12


def test_scheduler_errors_exit_2() -> None:
    result = runner.invoke(
        app, ["simulate", str(example_path("small_business.yaml")), "--scheduler", "local:0"]
    )
    assert result.exit_code != 0


def test_demo_runs() -> None:
    result = runner.invoke(app, ["demo", "-n", "200"])
    assert result.exit_code == 0, result.output
    for needle in ("Maple & Pine Goods", "Rheinland", "homeshoring", "chance of loss"):
        assert needle in result.stdout


def _tiny_yaml(tmp_path: Path) -> Path:
    from tests.conftest import tiny_portfolio

    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(tiny_portfolio(), sort_keys=False))
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shoring", *args], capture_output=True, text=True, check=False
    )


def test_negative_seed_is_one_line_exit_2(tmp_path: Path) -> None:
    for args in (
        ["simulate", str(_tiny_yaml(tmp_path)), "-n", "10"],
        ["demo", "-n", "10"],
        ["generate", "--processes", "2"],
    ):
        proc = _run(*args, "--seed", "-1")
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and "--seed" in proc.stderr
        assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_infinite_cost_is_exit_2_also_with_json(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(_tiny_yaml(tmp_path).read_text().replace("50000", ".inf"))
    proc = _run("simulate", str(path), "-n", "10", "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "annual_cost_per_fte" in proc.stderr and "not a finite number" in proc.stderr


def test_non_finite_finder_names_the_path() -> None:
    from shoring.cli.simulate import non_finite

    assert non_finite({"a": [1.0, {"b": 2}], "c": "x"}) is None
    assert non_finite({"a": [1.0, {"b": float("nan")}]}) == "a[1].b"
    assert non_finite([float("-inf")]) == "[0]"


def test_company_flags_on_a_yaml_portfolio_are_refused(tmp_path: Path) -> None:
    path = _tiny_yaml(tmp_path)
    for flag, value in (("--company-country", "DEU"), ("--currency", "EUR")):
        result = runner.invoke(app, ["simulate", str(path), "-n", "10", flag, value])
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and flag in lines[0] and "CSV/Excel" in lines[0]


def test_portfolio_choice_names_the_scenarios_actually_used(tmp_path: Path) -> None:
    path = _tiny_yaml(tmp_path)
    result = runner.invoke(app, ["simulate", str(path), "-n", "200", "--json"])
    assert result.exit_code == 0, result.output
    choice = json.loads(result.stdout)["portfolio"]["choice"]
    assert "first 200 scenarios" in choice and "4096" not in choice


def test_category_source_names_the_description_when_there_is_one() -> None:
    from shoring.portfolio.models import Process
    from shoring.simulate import _categoriser, categorise_process

    if _categoriser() is None:
        return  # covered by test_missing_category_without_a_categoriser_is_explained
    with_text = Process(id="a", name="Team A", description="answers customer calls", fte=1)
    without = Process(id="b", name="Payroll", fte=1)
    assert "name and description" in categorise_process(with_text, 0)[1]
    assert "description" not in categorise_process(without, 0)[1]
