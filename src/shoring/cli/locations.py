"""``shoring locations``: rank countries for a piece of work (MCDA + weight sensitivity)."""

from __future__ import annotations

import json
from typing import Any

import typer
import yaml
from rich import box
from rich.table import Table

from shoring.cli.app import app, as_option, check_input_file, console, emit_json, fail
from shoring.cli.country import split_languages
from shoring.errors import InputError
from shoring.ranking import LocationRanking, parse_weights_document, rank_locations
from shoring.ranking.criteria import (
    BY_NAME,
    CRITERION_NAMES,
    DEFAULT_WEIGHTS,
    check_criterion,
    complete_weights,
)
from shoring.ranking.locations import parse_category
from shoring.ranking.weights import WeightsSpec

DEFAULT_TABLE_ROWS = 15

#: Short column headers (the legend under the table gives label, unit and source).
SHORT = {
    "labour_cost": "cost",
    "language_fit": "lang",
    "timezone_overlap": "ovl",
    "talent_pool": "tal",
    "governance": "gov",
    "political_stability": "stab",
    "digital_readiness": "net",
    "public_holidays": "hol",
}


def load_weights_file(path: str) -> WeightsSpec:
    """Read a YAML or JSON weights file (mapping or AHP matrix); errors name the file."""
    file = check_input_file(path, "--weights")
    text = file.read_bytes().decode("utf-8", errors="replace")
    try:
        doc: Any = json.loads(text) if file.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "weights", text.splitlines()[exc.lineno - 1] if text else "", exc.msg
        ).located(path, exc.lineno) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = str(getattr(exc, "problem", None) or "malformed YAML")
        raise InputError("weights", path, problem).located(path, line) from None
    return parse_weights_document(doc, source=path)


def parse_weight_overrides(values: list[str]) -> dict[str, float]:
    """``["labour_cost=0.5", ...]`` -> ``{"labour_cost": 0.5}``; errors name the option."""
    out: dict[str, float] = {}
    for text in values:
        name, sep, raw = text.partition("=")
        if not sep:
            raise InputError("--weight", text, "expected NAME=VALUE, e.g. labour_cost=0.3")
        name = check_criterion(name.strip(), "--weight")
        try:
            out[name] = float(raw)
        except ValueError:
            raise InputError(f"--weight {name}", raw, "not a number") from None
    return out


#: Library field -> the option the user typed (error messages name the option).
OPTIONS = {
    "home": "--home",
    "category": "--category",
    "year": "--year",
    "languages": "--languages",
    "method": "--method",
}


@app.command("locations", short_help="Rank countries as locations for work of a category.")
def locations_command(
    home: str = typer.Option(..., "--home", help="Home country (ISO code or name)."),
    category: str = typer.Option(
        ..., "--category", help="ITO, BPO_FRONT, BPO_BACK, SOFTWARE_RD, KPO or NONE."
    ),
    languages: list[str] | None = typer.Option(
        None,
        "--languages",
        help="Work languages (ISO 639, comma-separated; default: the home's main language).",
    ),
    top: int | None = typer.Option(
        None,
        "--top",
        min=1,
        help="Show only the best N (default: 15 in the table, every country in JSON).",
    ),
    weights_file: str | None = typer.Option(
        None,
        "--weights",
        help="YAML/JSON file: criterion -> weight, or {ahp: {criteria: [...], matrix: [[...]]}}.",
    ),
    weight: list[str] | None = typer.Option(
        None,
        "--weight",
        help="Set one weight, NAME=VALUE (repeatable), over the defaults or --weights; "
        "weights are relative and rescaled to sum to 1.",
    ),
    method: str = typer.Option("topsis", "--method", help="topsis or weighted_sum."),
    impute: bool = typer.Option(
        False, "--impute", help="Keep countries with missing figures, imputing them (labelled)."
    ),
    include_home: bool = typer.Option(
        False, "--include-home", help="Rank the home country too (as a baseline)."
    ),
    year: int | None = typer.Option(None, "--year", help="Year for public holidays."),
    draws: int = typer.Option(10_000, "--draws", min=1, help="Weight draws for sensitivity."),
    sampling: str = typer.Option(
        "centred",
        "--sampling",
        help="centred: Dirichlet with mean = the weights; uniform: Dirichlet(1,...,1).",
    ),
    concentration: float = typer.Option(
        1.0, "--concentration", help="Centred sampling: higher = more trust in the weights."
    ),
    seed: int = typer.Option(0, "--seed", min=0, help="Random seed of the weight draws."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Rank countries as locations for work of a category, with sources and rank stability."""
    try:
        spec = load_weights_file(weights_file) if weights_file else None
        weights = spec.weights if spec else None
        source = None
        if weight:
            source = f"{'--weights file' if spec else 'default profile'} with --weight overrides"
            base = dict(weights or DEFAULT_WEIGHTS[parse_category(category)])
            base.update(parse_weight_overrides(weight))
            weights = complete_weights(base, field="--weight")
        m = method.strip().lower().replace("-", "_")
        if m not in ("topsis", "weighted_sum"):
            raise InputError(
                "--method", method, "unknown method", allowed=("topsis", "weighted_sum")
            )
        s = sampling.strip().lower()
        if s not in ("centred", "centered", "uniform"):
            raise InputError("--sampling", sampling, "unknown", allowed=("centred", "uniform"))
        result = rank_locations(
            home,
            category,
            split_languages(languages),
            weights,
            method="topsis" if m == "topsis" else "weighted_sum",
            year=year,
            include_home=include_home,
            impute=impute,
            draws=draws,
            sampling="uniform" if s == "uniform" else "centred",
            concentration=concentration,
            seed=seed,
            ahp=spec.ahp if spec else None,
            weights_source=source,
        )
    except InputError as exc:
        fail(as_option(exc, OPTIONS).message)
    if as_json:
        emit_json(result.to_json(top))
    else:
        render(result, top or DEFAULT_TABLE_ROWS)


def _fmt(name: str, value: float | None) -> str:
    if value is None:
        return "[red]missing[/]"
    if name == "labour_cost":
        return f"{value:.0f}"
    if name == "language_fit":
        return f"{value:.0%}"
    if name == "digital_readiness":
        return f"{value:.0f}%"
    if name == "public_holidays":
        return f"{value:.0f}"
    if name in ("talent_pool", "timezone_overlap"):
        return f"{value:.1f}"
    return f"{value:.2f}"


def render(result: LocationRanking, top: int) -> None:
    console.print(
        f"[bold]Locations for {result.category.value} work[/], home {result.home}, languages "
        f"{', '.join(result.languages)}, method {result.method}, holidays in {result.year}"
    )
    weights = ", ".join(f"{n} {w:.2f}" for n, w in result.weights.items() if w > 0)
    console.print(f"Weights ({result.weights_source}): {weights}")
    if result.ahp is not None:
        console.print(f"AHP consistency ratio {result.ahp.consistency_ratio:.3f} (<= 0.1: ok)")
    active = [n for n in CRITERION_NAMES if result.weights[n] > 0]
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("cty", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("P3", justify="right", no_wrap=True)
    table.add_column("P10", justify="right", no_wrap=True)
    for name in active:
        table.add_column(SHORT[name], justify="right", no_wrap=True)
    table.add_column("GSLI", justify="right", no_wrap=True)
    for row in result.ranking[:top]:
        cells = []
        for name in active:
            text = _fmt(name, row.criteria[name])
            if name in row.imputed:
                text += "[yellow]*[/]"
            cells.append(text)
        table.add_row(
            str(row.rank),
            row.country,
            f"{row.score:.3f}",
            f"{row.p_top3:.0%}",
            f"{row.p_top10:.0%}",
            *cells,
            str(row.gsli_rank_2023) if row.gsli_rank_2023 else "-",
        )
    console.print(table)
    sens = result.sensitivity
    console.print(
        f"[dim]P3/P10: share of {sens['draws']} weight draws ({sens['distribution']}) "
        f"in which the country ranks in the top 3/10. [yellow]*[/] = imputed. GSLI = Kearney "
        "Global Services Location Index 2023 rank (press coverage), a reference, not an "
        "input.[/]"
    )
    console.print("[dim]Columns and sources:[/]")
    for name in active:
        c = BY_NAME[name]
        arrow = "higher is better" if c.benefit else "lower is better"
        short = SHORT[name]
        console.print(f"[dim]  {short} = {c.label} ({c.unit}, {arrow}): {c.source}. {c.how}[/]")
    if result.excluded:
        console.print(
            f"[yellow]Excluded ({len(result.excluded)}, missing figures; --impute keeps "
            "them):[/] "
            + "; ".join(f"{e.country} ({', '.join(e.missing)})" for e in result.excluded),
            soft_wrap=True,
        )
    for warning in result.warnings:
        console.print(f"[yellow]warning[/]: {warning}")
