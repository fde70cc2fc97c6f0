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
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from shoring.cost.parameters import check_layer
from shoring.errors import InputError
from shoring.portfolio.models import Portfolio

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
        merged = dict(data.get("company") or {})
        merged.update({k: v for k, v in company.items() if v is not None})
        data["company"] = merged
    if "company" not in data and suffix in (".csv", ".xlsx"):
        raise InputError(
            "company.country",
            None,
            "a CSV/Excel portfolio needs the company (--company-country, or a 'company' sheet)",
            source=source,
        )
    return parse_portfolio(data, source, lines)


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
    try:
        portfolio = Portfolio.model_validate(dict(data))
    except ValidationError as exc:
        raise _located(exc, data, source, lines) from None
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


def _located(
    exc: ValidationError, data: Mapping[str, Any], source: str, lines: Mapping[Path_, int]
) -> InputError:
    error = exc.errors()[0]
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
        return InputError(where, None, "required field is missing", source=source, line=line)
    if error["type"] == "extra_forbidden":
        return InputError(where, error.get("input"), "unknown field", source=source, line=line)
    message = str(error["msg"]).removeprefix("Value error, ")
    return InputError(where, error.get("input"), message, source=source, line=line)
