"""``shoring generate``: a synthetic portfolio for tests, benchmarks and demos."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer
import yaml

from shoring.cli.app import app, fail
from shoring.portfolio.synthetic import synthetic_portfolio


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename (never half-written).

    The file gets the mode a plain ``open()`` would give it: an existing file's mode, else
    ``0o666`` less the umask (not the temporary file's private ``0o600``).
    """
    directory = path.parent if str(path.parent) else Path(".")
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command("generate")
def generate_command(
    processes: int = typer.Option(..., "--processes", help="Number of processes."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same portfolio)."),
    country: str = typer.Option("USA", "--country", help="The company's home country."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write YAML here."),
) -> None:
    """Write a synthetic but plausible portfolio (mixed categories and sizes) as YAML."""
    if seed < 0:
        fail(f"--seed: must be 0 or more: {seed}")
    if processes < 1:
        fail(f"--processes: must be at least 1: {processes}")
    from shoring.countries.resolve import resolve_country

    data = synthetic_portfolio(processes, seed, resolve_country(country, "--country"))
    text = yaml.safe_dump(data, sort_keys=False, width=100)
    if output is None:
        sys.stdout.write(text)
        return
    if not output.parent.exists() and str(output.parent):
        fail(f"-o: no such directory: {output.parent}")
    if output.is_dir():
        fail(f"-o: is a directory; give a file name such as {output / 'portfolio.yaml'}")
    if output.exists() and not (os.access(output, os.W_OK) and output.stat().st_mode & 0o222):
        fail(f"-o: the file is read-only; not replacing it: {output}")
    try:
        write_atomic(output, text)
    except OSError as exc:
        fail(f"-o: cannot write {output}: {exc.strerror}")
