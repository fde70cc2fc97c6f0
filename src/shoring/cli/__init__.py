"""The ``shoring`` command line.  Each command lives in a module of its own."""

from __future__ import annotations

import sys

from shoring.cli import (  # noqa: F401  (registers the commands)
    catalogue,
    categorize,
    classify,
    country,
    demo,
    generate,
    locations,
    simulate,
)
from shoring.cli.app import app, err_console
from shoring.errors import InputError


def main() -> None:
    """Console-script entry point: user errors exit 2 with one line, never a traceback."""
    try:
        app()
    except InputError as exc:
        err_console.print(f"error: {exc.message}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)


__all__ = ["app", "main"]
