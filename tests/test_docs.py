"""Every CLI command is documented in the README and has help text (sqlite-utils style)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from shoring.cli import app

README = (Path(__file__).parents[1] / "README.md").read_text()


def commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_documented_in_the_readme() -> None:
    names = commands()
    assert "classify" in names
    missing = [name for name in names if f"### `shoring {name}`" not in README]
    assert not missing, f"commands without a README section: {missing}"


def test_every_command_has_help_text() -> None:
    for name, command in commands().items():
        assert getattr(command, "help", None), f"{name} has no help text"


def test_readme_shows_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
