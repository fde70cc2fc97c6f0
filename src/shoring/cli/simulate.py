"""``shoring simulate``: what each option really costs, its spread and its chance of loss."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from shoring.cli.app import app, console, emit_json, fail

if TYPE_CHECKING:
    from shoring.simulate import SimulationResult

# The simulation stack (NumPy kernel, SciPy, Dask) is imported inside the commands, so that
# other commands such as ``shoring categorize`` start without it.


def money(value: float | None, currency: str = "") -> str:
    if value is None:
        return "-"
    sign = "-" if value < 0 else ""
    v = abs(value)
    if v >= 1e6:
        text = f"{v / 1e6:,.2f}M"
    elif v >= 1e4:
        text = f"{v / 1e3:,.0f}k"
    else:
        text = f"{v:,.0f}"
    return f"{sign}{text}{(' ' + currency) if currency else ''}"


def months(value: float | None) -> str:
    return "never" if value is None else f"{value:.0f} mo"


def wide_console() -> Console:
    """The shared console, or a wide one when output is not a terminal (files, pipes)."""
    return console if console.is_terminal else Console(width=170)


def render(result: SimulationResult, *, tornado: bool = True) -> None:
    out = wide_console()
    cur = result.plan.currency
    out.print(
        f"[bold]{result.plan.company}[/]: {len(result.processes)} processes, "
        f"{result.scenarios:,} scenarios (seed {result.seed}), {result.plan.quarters} quarters, "
        f"discount rate {result.plan.discount_rate:.0%}; NPV of savings against the status quo "
        f"in {cur}; percentiles: {result.method}."
    )
    for process in result.processes:
        table = Table(
            title=f"{process['id']}: {process['name']} ({process['category']}"
            + ("" if process["category_source"] == "given" else f": {process['category_source']}")
            + f", {process['fte']:g} FTE) - recommended: {process['recommended']}",
            title_justify="left",
        )
        for col, just in (
            ("option", "left"),
            ("labels", "left"),
            ("median NPV", "right"),
            ("P5 - P95", "right"),
            ("chance of loss", "right"),
            ("payback P50", "right"),
            ("jobs leaving / abroad", "right"),
            ("quality risk", "left"),
        ):
            table.add_column(col, justify=just, no_wrap=col != "labels")  # type: ignore[arg-type]
        for o in process["options"]:
            npv = o["npv_savings"]
            jobs = o["jobs"]
            style = "bold green" if o["id"] == process["recommended"] else None
            table.add_row(
                o["id"] + (" (status quo)" if o["status_quo"] else ""),
                ", ".join(o["labels"]),
                money(npv["p50"]),
                f"{money(npv['p5'])} .. {money(npv['p95'])}",
                f"{o['prob_loss']:.0%}",
                "-" if o["status_quo"] else months(o["payback_months_p50"]),
                f"{jobs['domestic_jobs_leaving_country']:g} / {jobs['fte_created_abroad']:g}",
                jobs["quality_risk"]["level"],
                style=style,
            )
        out.print(table)
        if tornado:
            best = next(o for o in process["options"] if o["id"] == process["recommended"])
            drivers = ", ".join(f"{t['input']} ({money(t['swing'])})" for t in best["tornado"][:4])
            if drivers:
                out.print(f"  spread of {best['id']} driven by: {drivers}")
    p = result.portfolio["npv_savings"]
    out.print(
        f"[bold]Portfolio[/] ({result.portfolio['choice']}): median {money(p['p50'], cur)}, "
        f"P5-P95 {money(p['p5'])} .. {money(p['p95'])}, chance of loss "
        f"{result.portfolio['prob_loss']:.0%}."
    )


def render_assumptions() -> None:
    from shoring.cost.parameters import assumptions_table

    out = wide_console()
    table = Table(title="Assumptions: every default with its source", show_lines=True)
    for col in ("parameter", "default", "source", "kind"):
        table.add_column(col, overflow="fold")
    for row in assumptions_table():
        table.add_row(
            f"{row['parameter']}\n[dim]{row['meaning']} ({row['unit']})[/]",
            row["default"],
            row["source"],
            row["kind"],
        )
    out.print(table)


def non_finite(obj: Any, path: str = "") -> str | None:
    """The path of the first NaN or infinite number in ``obj`` (None when all are finite)."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return path or "result"
    if isinstance(obj, dict):
        items: Any = ((f"{path}.{k}" if path else str(k), v) for k, v in obj.items())
    elif isinstance(obj, list | tuple):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(obj))
    else:
        return None
    for sub, value in items:
        found = non_finite(value, sub)
        if found is not None:
            return found
    return None


@contextmanager
def progress_bar(enabled: bool, total: int) -> Iterator[Callable[[int], None] | None]:
    if not enabled:
        yield None
        return
    with Progress(
        TextColumn("simulating"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("simulate", total=total)
        yield lambda n: bar.advance(task, n)


@app.command("simulate")
def simulate_command(
    portfolio: str = typer.Argument(..., help="Portfolio file: .yaml, .csv or .xlsx."),
    scenarios: int = typer.Option(10_000, "--scenarios", "-n", help="Monte Carlo scenarios."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same numbers)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Run on Dask: tcp://HOST:PORT, or local:N for a local cluster of N workers.",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        help="NumPy backend: worker processes (default: one per core; results are the same).",
    ),
    assumptions: bool = typer.Option(
        False, "--assumptions", help="Also print the assumptions table with sources."
    ),
    company_country: str | None = typer.Option(
        None, "--company-country", help="CSV/Excel: the company's home country."
    ),
    currency: str | None = typer.Option(None, "--currency", help="CSV/Excel: company currency."),
    discount_rate: float | None = typer.Option(None, "--discount-rate", help="CSV/Excel."),
    horizon_years: float | None = typer.Option(None, "--horizon-years", help="CSV/Excel."),
) -> None:
    """Simulate every process x option: NPV of savings (mean, P5/P50/P95), chance of loss,
    payback, spread drivers and jobs impact."""
    if scenarios < 1:
        fail(f"--scenarios: must be at least 1: {scenarios}")
    if seed < 0:
        fail(f"--seed: must be 0 or more: {seed}")
    if workers is not None and workers < 1:
        fail(f"--workers: must be at least 1: {workers}")
    company: dict[str, Any] = {
        "country": company_country,
        "currency": currency,
        "discount_rate": discount_rate,
        "horizon_years": horizon_years,
    }
    if company_country is not None:
        company["name"] = portfolio
    from shoring.compute.backends import open_backend
    from shoring.compute.unit import UNIT_PROCESSES
    from shoring.io.portfolio import load_portfolio
    from shoring.simulate import prepare, simulate

    loaded = load_portfolio(portfolio, company if any(company.values()) else None)
    plan = prepare(loaded)
    show = not as_json and sys.stdout.isatty()
    units = -(-len(plan.processes) // UNIT_PROCESSES)
    with (
        open_backend(scheduler, workers) as backend,
        progress_bar(show, scenarios * units) as progress,
    ):
        result = simulate(plan, scenarios, seed, backend, progress=progress)
    data = result.to_json()
    bad = non_finite(data)
    if bad is not None:
        fail(
            f"{portfolio}: the simulation produced a non-finite number at {bad}; "
            "check the portfolio's figures (costs, FTE, parameters) for absurd values"
        )
    if as_json:
        emit_json(data)
        return
    render(result)
    if assumptions:
        render_assumptions()
