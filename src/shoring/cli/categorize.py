"""``shoring categorize``: what kind of work a free-text description is."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from shoring.catalogue import Categorisation, check_text, get_categoriser
from shoring.catalogue.categorise import BACKENDS, Categoriser
from shoring.cli.app import (
    app,
    check_input_file,
    console,
    emit_json,
    fail,
    parse_json_object,
    read_input_lines,
    show_id,
)
from shoring.errors import InputError

BATCH = 256


def _categoriser(backend: str, threshold: float | None) -> Categoriser:
    if backend not in BACKENDS:
        fail(InputError("--backend", backend, "unknown backend", allowed=BACKENDS).message)
    try:
        cat = get_categoriser(backend)
    except RuntimeError as exc:  # the semantic extra is missing, or a stale model
        fail(str(exc))
    if threshold is not None:
        if not 0.0 <= threshold <= 1.0:
            fail(InputError("--threshold", threshold, "must be between 0 and 1").message)
        cat = Categoriser(cat.backend, cat.entries, threshold)
    return cat


@app.command("categorize", short_help="What kind of work a free-text description is.")
def categorize_command(
    text: str | None = typer.Argument(None, help="The work, in your own words."),
    input_file: str | None = typer.Option(
        None, "--input", help="JSON Lines file of {id, text} records ('-' for stdin)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    backend: str = typer.Option(
        "lexical",
        "--backend",
        help="lexical (default) or semantic (needs: pip install 'shoring[semantic]').",
    ),
    threshold: float | None = typer.Option(
        None, "--threshold", help="Confidence below which the answer is UNSURE (default 0.5)."
    ),
) -> None:
    """Categorise work described in free text: ITO, BPO_FRONT, BPO_BACK, SOFTWARE_RD, KPO, NONE.

    Gives a calibrated confidence and the closest catalogue entries.
    Below the threshold the answer is UNSURE, with the best guess.
    """
    if (text is None) == (input_file is None):
        fail('give either a TEXT argument or --input FILE (e.g. shoring categorize "payroll")')
    cat = _categoriser(backend, threshold)
    if input_file is not None:
        if input_file != "-":
            try:
                check_input_file(input_file)
            except InputError as exc:
                fail(exc.message)
        raise typer.Exit(_batch(cat, input_file, as_json))
    assert text is not None
    try:
        result = cat.categorise(text)
    except InputError as exc:
        fail(exc.message)
    if as_json:
        emit_json(result.to_json())
    else:
        _render(text, result)


def _batch(cat: Categoriser, path: str, as_json: bool) -> int:
    """JSON Lines in, JSON Lines out, same order; a bad record gets {id, error}."""
    failed = False
    pending: list[tuple[Any, str]] = []
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        results = cat.categorise_many([t for _, t in pending]) if pending else []
        for (record_id, _), result in zip(pending, results, strict=True):
            out(
                {
                    "id": record_id,
                    "category": result.category,
                    "confidence": round(result.confidence, 4),
                    "best_guess": result.best_guess.value,
                    "matches": [m.to_json() for m in result.matches],
                }
            )
        pending.clear()

    def out(obj: dict[str, Any]) -> None:
        if as_json:
            emit_json(obj)
        else:
            rows.append(obj)

    for line_number, raw in read_input_lines(path):
        if not raw.strip():
            continue
        record_id: Any = None
        try:
            obj = parse_json_object(raw)
            record_id = obj.get("id")
            if "text" not in obj:
                raise InputError("text", None, "required field is missing")
            text = check_text(obj["text"])
        except (InputError, ValueError) as exc:
            failed = True
            record_id = getattr(exc, "record_id", record_id)
            flush()  # keep the output in input order
            message = exc.message if isinstance(exc, InputError) else str(exc)
            out({"id": record_id, "error": f"line {line_number}: {message}"})
            continue
        pending.append((record_id, text))
        if len(pending) >= BATCH:
            flush()
    flush()
    if not as_json:
        table = Table(title="Categories")
        for column in ("id", "category", "confidence", "top match or error"):
            table.add_column(column)
        for row in rows:
            if "error" in row:
                table.add_row(show_id(row["id"]), "", "", row["error"], style="red")
            else:
                top = row["matches"][0]["name"] if row["matches"] else ""
                table.add_row(show_id(row["id"]), row["category"], f"{row['confidence']:.2f}", top)
        console.print(table)
    return 1 if failed else 0


def _render(text: str, result: Categorisation) -> None:
    if result.unsure:
        console.print(
            f"[bold yellow]UNSURE[/] (confidence {result.confidence:.2f}); "
            f"best guess [bold]{result.best_guess.value}[/]"
        )
    else:
        console.print(
            f"[bold]{result.category}[/] (confidence {result.confidence:.2f})", highlight=False
        )
    table = Table(title="Closest catalogue entries", show_header=True, header_style="bold")
    for column in ("code", "name", "category", "score"):
        table.add_column(column)
    for m in result.matches:
        table.add_row(m.code, m.name, m.category.value, f"{m.score:.2f}")
    console.print(table)
