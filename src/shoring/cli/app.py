"""The Typer application and the helpers every command shares.

The CLI is a thin layer over the library (the sqlite-utils pattern): each command parses its
options, calls the domain functions and renders the result as a Rich table or as JSON.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console

from shoring.errors import InputError

app = typer.Typer(
    name="shoring",
    help="shoring: decide whether, where and how to outsource, offshore or homeshore work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line on stderr and exit with ``code`` (2 = user error)."""
    err_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def emit_json(obj: Any) -> None:
    """Write one JSON document on stdout (machine output: nothing else is printed)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, allow_nan=False) + "\n")
    sys.stdout.flush()


def read_input_lines(path: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each line of ``path`` (``-`` = stdin).

    Undecodable bytes are replaced, so a bad line becomes a bad record, not a crash.
    """
    if path == "-":
        stream = sys.stdin.buffer
        for number, raw in enumerate(stream, start=1):
            yield number, raw.decode("utf-8", errors="replace").rstrip("\r\n")
        return
    file = Path(path)
    if not file.is_file():
        raise InputError("--input", path, "no such file")
    with file.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            yield number, raw.decode("utf-8", errors="replace").rstrip("\r\n")


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse one JSON Lines record; raise ``ValueError`` saying why if it is not an object."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object")
    return obj
