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
from typer.core import TyperGroup

try:  # Typer >= 0.2x vendors Click as typer._click; older Typer uses Click itself
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from shoring.errors import InputError

console = Console()
err_console = Console(stderr=True)

#: The order of ``shoring --help``: the way a user meets the commands.
COMMAND_ORDER = (
    "classify",
    "categorize",
    "catalogue",
    "country",
    "locations",
    "generate",
    "simulate",
    "demo",
)


def _error_line(message: str) -> None:
    err_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)


class ShoringGroup(TyperGroup):
    """The command group: commands in :data:`COMMAND_ORDER`, and every error one stderr line.

    Click's usage errors (a missing argument, an out-of-range ``--top``, an unknown option)
    become ``error: <message>`` and exit status 2, like the :class:`InputError` of the
    commands; ``--help`` still prints the help and exits 0.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda n: rank.get(n, len(rank)))

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_exceptions.NoArgsIsHelpError as exc:
            typer.echo(exc.format_message())  # bare ``shoring``: the help, status 2 as Click does
            sys.exit(exc.exit_code)
        except click_exceptions.ClickException as exc:
            _error_line(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            _error_line("aborted")
            sys.exit(1)
        except InputError as exc:
            _error_line(exc.message)
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="shoring",
    help="shoring: decide whether, where and how to outsource, offshore or homeshore work.",
    cls=ShoringGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line on stderr and exit with ``code`` (2 = user error)."""
    _error_line(message)
    raise typer.Exit(code)


def as_option(exc: InputError, options: dict[str, str]) -> InputError:
    """``exc`` naming the option the user typed (``--home``) instead of the library's field."""
    name = options.get(exc.field)
    if name is None or exc.source is not None:
        return exc
    return InputError(name, exc.value, exc.problem, allowed=exc.allowed, line=exc.line)


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
