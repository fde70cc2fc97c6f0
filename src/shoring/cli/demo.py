"""``shoring demo``: the main job on the bundled examples.

1. The seeds' worked examples, classified (the taxonomy).
2. Two bundled portfolios -- a small business with three processes and a mid-size company --
   categorised (when a process has no category and the categoriser is installed), each option
   classified, simulated, and printed side by side: labels, median savings, spread and chance
   of loss.
"""

from __future__ import annotations

from importlib import resources

import typer
from rich.table import Table

from shoring.cli.app import app, fail, parse_json_object
from shoring.cli.simulate import render, wide_console
from shoring.taxonomy import classify, parse_engagement

EXAMPLES = ("small_business.yaml", "midsize_company.yaml")


def _seed_examples() -> None:
    text = resources.files("shoring").joinpath("examples", "seed_engagements.jsonl").read_text()
    table = Table(
        title="The seeds' worked examples, classified (TAXONOMY.md)", title_justify="left"
    )
    table.add_column("engagement")
    table.add_column("labels", style="cyan")
    for line in text.splitlines():
        record = parse_json_object(line)
        record.pop("id")
        result = classify(parse_engagement(record))
        table.add_row(record.get("description", ""), ", ".join(result.labels))
    out = wide_console()
    out.print(table)
    out.print(
        "  Each label has a reason: [bold]shoring classify --company-country USA "
        "--worker-country IND --workplace provider_site --provider outsourcing_firm[/]\n"
    )


@app.command("demo")
def demo_command(
    scenarios: int = typer.Option(5_000, "--scenarios", "-n", help="Monte Carlo scenarios."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
) -> None:
    """Run shoring on the bundled examples: classify the seeds' examples, then categorise,
    classify and simulate a small business and a mid-size company."""
    if seed < 0:
        fail(f"--seed: must be 0 or more: {seed}")
    if scenarios < 1:
        fail(f"--scenarios: must be at least 1: {scenarios}")
    from shoring.io.portfolio import load_portfolio
    from shoring.simulate import prepare, simulate

    _seed_examples()
    for name in EXAMPLES:
        ref = resources.files("shoring").joinpath("examples", name)
        with resources.as_file(ref) as path:
            portfolio = load_portfolio(path)
        wide_console().rule(f"[bold]{portfolio.company.name}[/] ({name})")
        result = simulate(prepare(portfolio), scenarios, seed)
        render(result, tornado=True)
