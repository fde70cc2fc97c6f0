"""``shoring demo``: the main job on a bundled example."""

from __future__ import annotations

from importlib import resources

from rich.table import Table

from shoring.cli.app import app, console, parse_json_object
from shoring.taxonomy import classify, parse_engagement


@app.command("demo")
def demo_command() -> None:
    """Run shoring on the bundled example: the seeds' worked examples, classified."""
    text = resources.files("shoring").joinpath("examples", "seed_engagements.jsonl").read_text()
    table = Table(title="The seeds' worked examples, classified (TAXONOMY.md)", show_lines=True)
    table.add_column("engagement", ratio=2)
    table.add_column("labels", style="cyan", ratio=1)
    table.add_column("why (one reason per label)", ratio=3)
    for line in text.splitlines():
        record = parse_json_object(line)
        record.pop("id")
        result = classify(parse_engagement(record))
        why = "\n".join(f"{label.value}: {result.reasons[label]}" for label in result.labels)
        table.add_row(record.get("description", ""), "\n".join(result.labels), why)
    console.print(table)
