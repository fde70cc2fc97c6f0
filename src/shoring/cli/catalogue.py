"""``shoring catalogue``: list the work catalogue."""

from __future__ import annotations

import typer
from rich.table import Table

from shoring.catalogue import load_catalogue
from shoring.catalogue.models import BLINDER_CITATION
from shoring.cli.app import app, console, emit_json, fail
from shoring.errors import InputError
from shoring.taxonomy import Category


@app.command("catalogue", short_help="List the kinds of work in the catalogue.")
def catalogue_command(
    category: str | None = typer.Option(
        None,
        "--category",
        help="Only this category (ITO, BPO_FRONT, BPO_BACK, SOFTWARE_RD, KPO, NONE).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (a list of entries)."),
) -> None:
    """List the kinds of work in the catalogue, with their category and attributes."""
    entries = load_catalogue()
    if category is not None:
        allowed = [c.value for c in Category]
        wanted = category.strip().upper()
        if wanted not in allowed:
            fail(InputError("--category", category, "unknown category", allowed=allowed).message)
        entries = [e for e in entries if e.category.value == wanted]
    if as_json:
        emit_json([e.to_json() for e in entries])
        return
    table = Table(title=f"Work catalogue ({len(entries)} entries)")
    for column in ("code", "name", "category", "skill", "offsh."):
        table.add_column(column)
    for e in entries:
        table.add_row(
            e.code,
            e.name,
            e.category.value,
            str(e.skill_level),
            "n.r." if e.offshorability is None else f"{e.offshorability:.0f}",
        )
    console.print(table)
    console.print(
        "skill = ISCO skill level 1-4; offsh. = offshorability index ("
        + BLINDER_CITATION
        + "), n.r. = not ranked.  --json shows every attribute.",
        highlight=False,
    )
