"""Portfolio loading: every example loads; bad input is a clear, located error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from shoring.errors import InputError
from shoring.io.portfolio import load_portfolio, parse_portfolio
from tests.conftest import ROOT, example_path, tiny_portfolio

EXAMPLES = [
    *sorted((ROOT / "examples").glob("*.yaml")),
    example_path("small_business.yaml"),
    example_path("midsize_company.yaml"),
]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.name))
def test_every_example_file_loads(path: Path) -> None:
    portfolio = load_portfolio(path)
    assert portfolio.processes
    assert len({p.id for p in portfolio.processes}) == len(portfolio.processes)


def test_root_examples_match_the_bundled_ones() -> None:
    for name in ("small_business.yaml", "midsize_company.yaml"):
        assert (ROOT / "examples" / name).read_text() == example_path(name).read_text()


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_negative_fte_names_file_line_process_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, tiny_portfolio(fte=-3))
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert message.startswith(f"{path}:{_line_of(path, 'fte: -3')}:")
    assert "processes[0].fte" in message and "'p1'" in message


def test_missing_fte(tmp_path: Path) -> None:
    data = tiny_portfolio()
    del data["processes"][0]["fte"]
    path = _write(tmp_path, data)
    with pytest.raises(InputError, match=r"processes\[0\]\.fte .*required field is missing"):
        load_portfolio(path)


def test_unknown_country_in_an_option(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["options"][1]["country"] = "Atlantis"
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert "options[1].country" in info.value.message and "Atlantis" in info.value.message
    assert info.value.line == _line_of(path, "Atlantis")


def test_attrition_above_100_percent_is_impossible(tmp_path: Path) -> None:
    path = _write(tmp_path, tiny_portfolio(parameters={"attrition_rate": 1.5}))
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert "processes[0].parameters.attrition_rate" in info.value.message
    assert "impossible" in info.value.message
    assert info.value.line == _line_of(path, "attrition_rate")


def test_a_distribution_reaching_above_100_percent_is_rejected() -> None:
    data = tiny_portfolio()
    data["parameters"] = {"attrition_rate": {"low": 0.5, "mode": 0.9, "high": 1.2}}
    with pytest.raises(InputError, match="impossible"):
        parse_portfolio(data)


def test_unknown_parameter_lists_the_known_ones() -> None:
    data = tiny_portfolio()
    data["parameters"] = {"atrition": 0.2}
    with pytest.raises(InputError) as info:
        parse_portfolio(data)
    assert "attrition_rate" in (info.value.allowed or ())


def test_zero_horizon(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["company"]["horizon_years"] = 0
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert "company.horizon_years" in info.value.message
    assert info.value.line == _line_of(path, "horizon_years")


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("company: {name: A, country: USA}\nprocesses:\n  - id: [unclosed\n")
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert info.value.source == str(path) and info.value.line is not None


def test_unknown_file_type(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("x")
    with pytest.raises(InputError, match="unknown file type"):
        load_portfolio(path)


CSV = """id,name,category,fte,annual_cost_per_fte,languages,customer_facing
ap,Accounts payable,BPO_BACK,4,50000,en,no
calls,Support calls,BPO_FRONT,12,45000,en;es,yes
"""


def test_csv_with_company_from_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV)
    portfolio = load_portfolio(path, {"country": "USA", "name": "X"})
    assert [p.id for p in portfolio.processes] == ["ap", "calls"]
    assert portfolio.processes[1].languages == ("en", "es")
    assert portfolio.processes[1].customer_facing is True


def test_csv_error_names_the_row_line(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV.replace("12,45000", "-1,45000"))
    with pytest.raises(InputError) as info:
        load_portfolio(path, {"country": "USA", "name": "X"})
    assert info.value.line == 3 and "processes[1].fte" in info.value.message


def test_csv_without_company_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV)
    with pytest.raises(InputError, match="company"):
        load_portfolio(path)


def test_excel_with_company_and_processes_sheets(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "processes"
    sheet.append(["id", "name", "category", "fte", "annual_cost_per_fte"])
    sheet.append(["ap", "Accounts payable", "BPO_BACK", 4, 50000])
    sheet.append(["dev", "Web development", "SOFTWARE_RD", "lots", 90000])
    company = book.create_sheet("company")
    company.append(["name", "Acme"])
    company.append(["country", "Germany"])
    path = tmp_path / "p.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert info.value.line == 3 and "processes[1].fte" in info.value.message
    sheet["D3"] = 6
    book.save(path)
    portfolio = load_portfolio(path)
    assert portfolio.company.country == "DEU"
    assert [p.fte for p in portfolio.processes] == [4, 6]
