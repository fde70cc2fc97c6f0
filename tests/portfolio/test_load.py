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


# --- non-finite and absurd numbers (new-user trial) ---------------------------------------


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("fte", float("nan")),
        ("fte", float("inf")),
        ("annual_cost_per_fte", float("inf")),
        ("annual_cost_per_fte", float("-inf")),
    ],
)
def test_non_finite_process_numbers_are_rejected_at_their_line(
    tmp_path: Path, where: str, value: float
) -> None:
    path = _write(tmp_path, tiny_portfolio(**{where: value}))
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert f"processes[0].{where}" in message and "not a finite number" in message
    assert "less than" not in message
    assert info.value.line == _line_of(path, f"{where}:")


@pytest.mark.parametrize(
    ("section", "name"),
    [
        ("company", "discount_rate"),
        ("company", "horizon_years"),
        ("constraints", "max_offshore_share"),
        ("constraints", "pilot_share"),
    ],
)
def test_non_finite_company_and_constraint_numbers(tmp_path: Path, section: str, name: str) -> None:
    data = tiny_portfolio()
    data.setdefault(section, {})[name] = float("nan")
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert f"{section}.{name}" in info.value.message
    assert "not a finite number" in info.value.message
    assert info.value.line == _line_of(path, f"{name}:")


def test_non_finite_parameter_override_is_rejected() -> None:
    with pytest.raises(InputError, match="not a finite number"):
        parse_portfolio(tiny_portfolio(parameters={"attrition_rate": float("nan")}))


def test_absurd_annual_cost_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, tiny_portfolio(annual_cost_per_fte=1.0e308))
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert "annual_cost_per_fte" in info.value.message
    assert info.value.line == _line_of(path, "annual_cost_per_fte")


def test_horizon_must_be_whole_quarters(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["company"]["horizon_years"] = 0.1
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert "0.25" in info.value.message
    assert info.value.line == _line_of(path, "horizon_years")
    data["company"]["horizon_years"] = 2.75
    assert parse_portfolio(data).company.quarters == 11


# --- misspelt fields ----------------------------------------------------------------------


def test_misspelt_process_field_is_named_with_a_suggestion(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["processes"][0]["ftes"] = data["processes"][0].pop("fte")
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert "processes[0].ftes" in message and "did you mean fte?" in message
    assert info.value.line == _line_of(path, "ftes:")
    assert "None" not in message


def test_misspelt_company_key_is_named(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["compny"] = data.pop("company")
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert "compny" in message and "did you mean company?" in message
    assert "None" not in message and "required field is missing" not in message


def test_missing_field_never_prints_none(tmp_path: Path) -> None:
    data = tiny_portfolio()
    del data["processes"][0]["name"]
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    assert "required field is missing" in info.value.message
    assert not info.value.message.endswith("None")


# --- errors name file:line:field:value ----------------------------------------------------


def test_unknown_language_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, tiny_portfolio(languages=["zz"]))
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert message.startswith(f"{path}:{_line_of(path, 'languages')}:")
    assert "processes[0].languages" in message and "'zz'" in message


def test_unquoted_currency_names_file_and_line(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["company"]["currency"] = "XYZ"
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert message.startswith(f"{path}:{_line_of(path, 'currency')}:")
    assert "company.currency" in message and "XYZ" in message


def test_country_without_a_quoted_currency_asks_for_one(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["company"] = {"name": "T", "country": "TWN"}
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert message.startswith(f"{path}:")
    assert "TWD" in message and "currency:" in message


def test_duplicate_process_id_names_the_line_not_the_portfolio(tmp_path: Path) -> None:
    data = tiny_portfolio()
    data["processes"].append(dict(data["processes"][0], name="Again"))
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert "processes[1].id" in message and "duplicate" in message
    assert "company" not in message
    lines = [n for n, t in enumerate(path.read_text().splitlines(), 1) if "id: p1" in t]
    assert info.value.line == lines[1]


def test_extra_csv_cells_are_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV.replace("en;es,yes", "en;es,yes,surprise"))
    with pytest.raises(InputError) as info:
        load_portfolio(path, {"country": "USA", "name": "X"})
    assert info.value.line == 3 and "surprise" in info.value.message
    path.write_text(CSV.replace("en;es,yes", "en;es,yes,,"))  # empty trailing cells are fine
    assert len(load_portfolio(path, {"country": "USA", "name": "X"}).processes) == 2


def test_company_flags_with_a_yaml_company_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, tiny_portfolio())
    with pytest.raises(InputError) as info:
        load_portfolio(path, {"country": "DEU", "name": str(path)})
    assert "--company-country" in info.value.message and "CSV/Excel" in info.value.message


def test_company_flags_never_rename_an_excel_company(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "processes"
    sheet.append(["id", "name", "category", "fte"])
    sheet.append(["ap", "Accounts payable", "BPO_BACK", 4])
    company = book.create_sheet("company")
    company.append(["name", "Acme GmbH"])
    company.append(["country", "DEU"])
    path = tmp_path / "p.xlsx"
    book.save(path)
    loaded = load_portfolio(path, {"country": "AUT", "name": str(path)})
    assert loaded.company.name == "Acme GmbH" and loaded.company.country == "AUT"


def test_readme_portfolio_example_loads(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("### Portfolio files")
    block = readme[readme.index("```yaml\n", start) + 8 :]
    path = tmp_path / "readme.yaml"
    path.write_text(block[: block.index("```")])
    portfolio = load_portfolio(path)
    assert portfolio.company.quarters == 20 and portfolio.options is not None
    csv_block = readme[readme.index("```csv\n", start) + 7 :]
    csv_path = tmp_path / "readme.csv"
    csv_path.write_text(csv_block[: csv_block.index("```")])
    assert len(load_portfolio(csv_path, {"country": "DEU", "name": "X"}).processes) == 2


def test_company_errors_from_flags_name_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV)
    with pytest.raises(InputError) as info:
        load_portfolio(path, {"country": "DEU", "name": "X", "discount_rate": float("nan")})
    assert info.value.field == "--discount-rate" and "not a finite number" in info.value.message
    with pytest.raises(InputError) as info:
        load_portfolio(path, {"country": "TWN", "name": "X"})
    assert info.value.field == "--company-country" and "--currency" in info.value.message


def test_unknown_option_reference_names_the_process_line(tmp_path: Path) -> None:
    path = _write(tmp_path, tiny_portfolio(options=["home", "nope"]))
    with pytest.raises(InputError) as info:
        load_portfolio(path)
    message = info.value.message
    assert "processes[0].options" in message and "'nope'" in message
    assert "company" not in message
    assert info.value.line == _line_of(path, "options:")
