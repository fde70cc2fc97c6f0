"""Load a portfolio from YAML, CSV or Excel, with errors naming the file, line and field.

- YAML (``.yaml``/``.yml``): the whole portfolio (PRODUCT.md format).  Parsed with PyYAML's
  composer so every node keeps its line (``start_mark``).
- CSV (``.csv``): the ``processes`` table, one process per row (header names are the process
  fields; ``languages`` separated by ``;``).  The company comes from ``company=`` (the CLI's
  ``--company-country`` etc.).
- Excel (``.xlsx``): sheet ``processes`` (or the first sheet) as in CSV; optional sheets
  ``company`` (two columns: field, value) and ``options`` (a table of options).

Every error is an :class:`~shoring.errors.InputError` whose message reads
``file:line: processes[2].fte: ...``.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from shoring.cost.parameters import check_layer
from shoring.errors import InputError
from shoring.portfolio.models import Company, Constraints, OptionSpec, Portfolio, Process

Path_ = tuple[str | int, ...]

PROCESS_FIELDS = (
    "id",
    "name",
    "description",
    "category",
    "fte",
    "annual_cost_per_fte",
    "languages",
    "customer_facing",
    "critical_knowledge",
    "skill_level",
    "options",
)
OPTION_FIELDS = ("id", "country", "provider", "workplace")
#: The CLI flags that give a CSV/Excel portfolio's company fields.
_FLAGS = {
    "country": "--company-country",
    "currency": "--currency",
    "discount_rate": "--discount-rate",
    "horizon_years": "--horizon-years",
}


def field_name(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "portfolio"


def _line_for(lines: Mapping[Path_, int], path: Path_) -> int | None:
    for cut in range(len(path), -1, -1):
        line = lines.get(tuple(path[:cut]))
        if line is not None:
            return line
    return None


def _from_yaml(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    loader = yaml.SafeLoader(text)
    lines: dict[Path_, int] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("portfolio", "", "the file is empty", source=source, line=1)

        def walk(n: yaml.Node, path: Path_) -> Any:
            lines[path] = n.start_mark.line + 1
            if isinstance(n, yaml.MappingNode):
                out: dict[Any, Any] = {}
                for key_node, value_node in n.value:
                    key = loader.construct_object(key_node, deep=True)
                    lines[(*path, key)] = key_node.start_mark.line + 1
                    out[key] = walk(value_node, (*path, key))
                    lines[(*path, key)] = key_node.start_mark.line + 1
                return out
            if isinstance(n, yaml.SequenceNode):
                return [walk(item, (*path, i)) for i, item in enumerate(n.value)]
            return loader.construct_object(n, deep=True)

        return walk(node, ()), lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(
            "portfolio", "", f"not valid YAML: {problem}", source=source, line=line
        ) from None
    finally:
        loader.dispose()


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        low = text.lower()
        if low in ("true", "yes", "y"):
            return True
        if low in ("false", "no", "n"):
            return False
        return text
    return value


def _rows_to_processes(
    header: list[str], rows: list[tuple[int, list[Any]]], source: str, first: int
) -> tuple[list[dict[str, Any]], dict[Path_, int]]:
    names = [str(h).strip() if h is not None else "" for h in header]
    for name in names:
        if name and name not in PROCESS_FIELDS:
            raise InputError(
                "processes",
                name,
                "unknown column",
                allowed=PROCESS_FIELDS,
                source=source,
                line=first,
            )
    processes: list[dict[str, Any]] = []
    lines: dict[Path_, int] = {("processes",): first}
    for line, row in rows:
        if all(_cell(v) is None for v in row):
            continue
        extra = [v for v in row[len(names) :] if _cell(v) is not None]
        if extra:
            raise InputError(
                "processes",
                extra[0],
                f"this row has more cells ({len(row)}) than the header has columns ({len(names)})",
                source=source,
                line=line,
            )
        record: dict[str, Any] = {}
        for name, value in zip(names, row, strict=False):
            value = _cell(value)
            if name and value is not None:
                if name in ("languages", "options") and isinstance(value, str):
                    value = [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]
                record[name] = value
        index = len(processes)
        lines[("processes", index)] = line
        for name in record:
            lines[("processes", index, name)] = line
        processes.append(record)
    return processes, lines


def _from_csv(text: str, source: str) -> tuple[list[dict[str, Any]], dict[Path_, int]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("processes", "", "the file is empty", source=source, line=1) from None
    rows = []
    for row in reader:
        rows.append((reader.line_num, list(row)))
    return _rows_to_processes(header, rows, source, 1)


def _from_excel(path: Path, source: str) -> tuple[dict[str, Any], dict[Path_, int]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise InputError(
            "portfolio", str(path), f"not a readable .xlsx file ({exc})", source=source
        ) from None
    data: dict[str, Any] = {}
    lines: dict[Path_, int] = {}
    sheet = book["processes"] if "processes" in book.sheetnames else book.worksheets[0]
    all_rows = list(sheet.iter_rows(values_only=True))
    if not all_rows:
        raise InputError(
            "processes", "", "the sheet is empty", source=f"{source}[{sheet.title}]", line=1
        )
    numbered = [(i + 2, list(r)) for i, r in enumerate(all_rows[1:])]
    processes, plines = _rows_to_processes(
        list(all_rows[0]), numbered, f"{source}[{sheet.title}]", 1
    )
    data["processes"] = processes
    lines.update(plines)
    if "company" in book.sheetnames:
        company: dict[str, Any] = {}
        for i, row in enumerate(book["company"].iter_rows(values_only=True), start=1):
            if row and row[0] is not None and _cell(row[1] if len(row) > 1 else None) is not None:
                company[str(row[0]).strip()] = _cell(row[1])
                lines[("company", str(row[0]).strip())] = i
        data["company"] = company
    if "options" in book.sheetnames:
        rows = list(book["options"].iter_rows(values_only=True))
        head = [str(h).strip() for h in rows[0]] if rows else []
        options: list[dict[str, Any]] = []
        for i, row in enumerate(rows[1:], start=2):
            record = {h: _cell(v) for h, v in zip(head, row, strict=False) if _cell(v) is not None}
            if record:
                lines[("options", len(options))] = i
                options.append(record)
        data["options"] = options
    book.close()
    return data, lines


def load_portfolio(path: str | Path, company: Mapping[str, Any] | None = None) -> Portfolio:
    """Read and validate a portfolio file; ``company`` fills or overrides company fields."""
    file = Path(path)
    source = str(path)
    if not file.is_file():
        raise InputError("PORTFOLIO", source, "no such file")
    suffix = file.suffix.lower()
    lines: dict[Path_, int]
    if suffix in (".yaml", ".yml"):
        data, lines = _from_yaml(_read_text(file, source), source)
        if not isinstance(data, dict):
            raise InputError(
                "portfolio",
                type(data).__name__,
                "expected a mapping with company and processes",
                source=source,
                line=1,
            )
    elif suffix == ".csv":
        processes, lines = _from_csv(_read_text(file, source), source)
        data = {"processes": processes}
    elif suffix == ".xlsx":
        data, lines = _from_excel(file, source)
    else:
        raise InputError(
            "PORTFOLIO", source, "unknown file type", allowed=(".yaml", ".yml", ".csv", ".xlsx")
        )
    if company:
        given = {k: v for k, v in company.items() if v is not None and k != "name"}
        if suffix in (".yaml", ".yml") and data.get("company"):
            raise InputError(
                _FLAGS.get(next(iter(given), "country"), "--company-country"),
                next(iter(given.values()), None),
                "the company flags are for CSV/Excel portfolios; this YAML portfolio has a "
                "company: edit its 'company:' section instead",
                source=source,
                line=lines.get(("company",)),
            )
        merged = dict(data.get("company") or {})
        if "name" not in merged and company.get("name") is not None:
            merged["name"] = company["name"]
        merged.update(given)
        data["company"] = merged
    if "company" not in data and suffix in (".csv", ".xlsx"):
        raise InputError(
            "company.country",
            None,
            "a CSV/Excel portfolio needs the company (--company-country, or a 'company' sheet)",
            source=source,
        )
    try:
        return parse_portfolio(data, source, lines)
    except InputError as err:
        # A company field that came from a CLI flag is reported under the flag's name.
        key = err.field.removeprefix("company.")
        flags = {k for k, v in (company or {}).items() if v is not None}
        if err.field.startswith("company.") and key in _FLAGS and key in flags:
            raise InputError(
                _FLAGS[key], err.value, err.problem, allowed=err.allowed, source=source
            ) from None
        if err.field == "company.currency" and "country" in flags and "currency" not in flags:
            problem = err.problem.replace("add a 'currency:'", "give --currency with one")
            raise InputError("--company-country", err.value, problem, source=source) from None
        raise


def _read_text(file: Path, source: str) -> str:
    try:
        return file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "portfolio", source, f"not UTF-8 text ({exc.reason})", source=source
        ) from None


def parse_portfolio(
    data: Mapping[str, Any], source: str = "<portfolio>", lines: Mapping[Path_, int] | None = None
) -> Portfolio:
    """Validate a mapping into a :class:`Portfolio`; errors name the field and line."""
    lines = lines or {}
    _check_unique_ids(data, source, lines)
    try:
        portfolio = Portfolio.model_validate(dict(data))
    except ValidationError as exc:
        raise _located(exc, data, source, lines) from None
    _check_languages(portfolio, source, lines)
    _check_currency(portfolio, source, lines)
    layers: list[tuple[Path_, Mapping[str, Any]]] = [(("parameters",), portfolio.parameters)]
    for i, process in enumerate(portfolio.processes):
        layers.append((("processes", i, "parameters"), process.parameters))
    for i, option in enumerate(portfolio.options or ()):
        layers.append((("options", i, "parameters"), option.parameters))
    for path, layer in layers:
        for name, value in layer.items():
            try:
                check_layer({name: value}, field_name(path))
            except InputError as err:
                raise err.located(source, _line_for(lines, (*path, name))) from None
    return portfolio


class MissingFieldError(InputError):
    """A required field is absent: the message names it without a value."""

    @property
    def message(self) -> str:
        where = ""
        if self.source is not None:
            where = f"{self.source}:{self.line}: " if self.line is not None else f"{self.source}: "
        return f"{where}{self.field}: {self.problem}"


def _model_for(loc: Path_) -> type[BaseModel]:
    """The model that owns the field at ``loc`` (for 'did you mean')."""
    head = loc[0] if loc else None
    if len(loc) <= 1:
        return Portfolio
    models: dict[str, type[BaseModel]] = {
        "company": Company,
        "processes": Process,
        "options": OptionSpec,
        "constraints": Constraints,
    }
    return models.get(str(head), Portfolio)


def _check_unique_ids(data: Mapping[str, Any], source: str, lines: Mapping[Path_, int]) -> None:
    """Duplicate process or option ids, named at the line of the second one."""
    for key in ("processes", "options"):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        seen: set[str] = set()
        for i, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str | int):
                continue
            if str(ident) in seen:
                raise InputError(
                    f"{key}[{i}].id",
                    ident,
                    f"duplicate {key[:-2] if key == 'processes' else 'option'} id",
                    source=source,
                    line=_line_for(lines, (key, i, "id")),
                )
            seen.add(str(ident))
    options = data.get("options")
    known = {
        str(o.get("id"))
        for o in (options if isinstance(options, list) else [])
        if isinstance(o, dict)
    }
    processes = data.get("processes")
    for i, item in enumerate(processes if isinstance(processes, list) else []):
        refs = item.get("options") if isinstance(item, dict) else None
        for ref in refs if isinstance(refs, list) else []:
            if str(ref) not in known:
                raise InputError(
                    f"processes[{i}].options",
                    ref,
                    "not the id of one of the portfolio's options",
                    allowed=sorted(known) or None,
                    source=source,
                    line=_line_for(lines, ("processes", i, "options")),
                )


def _check_languages(portfolio: Portfolio, source: str, lines: Mapping[Path_, int]) -> None:
    from shoring.countries.languages import resolve_language

    for i, process in enumerate(portfolio.processes):
        for code in process.languages:
            try:
                resolve_language(code, f"processes[{i}].languages")
            except InputError as err:
                raise err.located(source, _line_for(lines, ("processes", i, "languages"))) from None


def _check_currency(portfolio: Portfolio, source: str, lines: Mapping[Path_, int]) -> None:
    """The company currency (given, or its country's) must have a bundled ECB rate."""
    from shoring.countries.fx import country_currency, fx_rate

    company = portfolio.company
    if company.currency is not None:
        if fx_rate("USD", company.currency) is None:
            raise InputError(
                "company.currency",
                company.currency,
                "not quoted in the bundled ECB exchange rates; choose a quoted currency "
                "such as USD, EUR, GBP, JPY, INR",
                source=source,
                line=_line_for(lines, ("company", "currency")),
            )
        return
    local = country_currency(company.country)
    if local is None or fx_rate("USD", local) is None:
        what = f"{local}, the currency of {company.country}," if local else "its currency"
        raise InputError(
            "company.currency",
            company.country,
            f"no currency given, and {what} has no bundled ECB exchange rate; "
            "add a 'currency:' the rates quote (e.g. USD, EUR)",
            source=source,
            line=_line_for(lines, ("company", "country")),
        )


def _located(
    exc: ValidationError, data: Mapping[str, Any], source: str, lines: Mapping[Path_, int]
) -> InputError:
    errors = exc.errors()
    # A misspelt field also makes the right one "missing": name the unknown key first.
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    error = unknown[0] if unknown else errors[0]
    loc: Path_ = tuple(part for part in error["loc"] if isinstance(part, str | int))
    # pydantic puts model-level validator errors at the model; keep the path it gives.
    line = _line_for(lines, loc)
    where = field_name(loc)
    if loc[:1] == ("processes",) and len(loc) >= 2 and isinstance(loc[1], int):
        try:
            pid = data["processes"][loc[1]].get("id")
            if pid is not None:
                where = f"{where} (process {pid!r})"
        except (KeyError, IndexError, AttributeError, TypeError):
            pass
    ctx = error.get("ctx") or {}
    original = ctx.get("error")
    if isinstance(original, InputError):
        return InputError(
            where,
            original.value,
            original.problem,
            allowed=original.allowed,
            source=source,
            line=line,
        )
    if error["type"] == "missing":
        return MissingFieldError(where, None, "required field is missing", source=source, line=line)
    if error["type"] == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        fields = list(_model_for(loc).model_fields)
        close = difflib.get_close_matches(key, fields, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        given = error.get("input")
        return InputError(
            where,
            key if isinstance(given, dict | list) else given,
            f"unknown field{hint}",
            allowed=None if close else fields,
            source=source,
            line=line,
        )
    if error["type"] == "finite_number":
        return InputError(
            where, error.get("input"), "not a finite number", source=source, line=line
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    return InputError(where, error.get("input"), message, source=source, line=line)
