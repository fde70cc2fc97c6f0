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


def check_input_file(path: str, field: str = "--input") -> Path:
    """``path`` as a :class:`Path`, or an :class:`InputError` if it is not a readable file."""
    file = Path(path)
    if file.is_dir():
        raise InputError(field, path, "is a directory, not a file")
    if not file.is_file():
        raise InputError(field, path, "no such file")
    return file


def _decode(number: int, raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
    return text.removeprefix("\ufeff") if number == 1 else text


def show_id(record_id: Any) -> str:
    """A record id for a table cell: ``-`` when the record has none."""
    return "-" if record_id is None else str(record_id)


def read_input_lines(path: str, field: str = "--input") -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each line of ``path`` (``-`` = stdin).

    Undecodable bytes are replaced (U+FFFD, which :func:`parse_json_object` reports as "not
    UTF-8 text"), so a bad line becomes a bad record, not a crash.  A leading UTF-8 byte order
    mark is dropped.
    """
    if path == "-":
        for number, raw in enumerate(sys.stdin.buffer, start=1):
            yield number, _decode(number, raw)
        return
    file = check_input_file(path, field)
    with file.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            yield number, _decode(number, raw)


class BadRecord(ValueError):
    """A JSON Lines record that cannot be used; ``record_id`` is its id when it could be read."""

    def __init__(self, message: str, record_id: Any = None) -> None:
        super().__init__(message)
        self.record_id = record_id


NOT_UTF8 = "not UTF-8 text (the line has bytes that cannot be decoded)"


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse one JSON Lines record; raise :class:`BadRecord` (a ``ValueError``) saying why.

    A line with undecodable bytes (U+FFFD after :func:`read_input_lines`) is "not UTF-8 text",
    with the record's id when the rest of the line is readable JSON.
    """
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\ufffd" in text:
            raise BadRecord(NOT_UTF8) from None
        raise BadRecord(f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise BadRecord("each line must be a JSON object")
    if "\ufffd" in text:
        raise BadRecord(NOT_UTF8, obj.get("id"))
    return obj
