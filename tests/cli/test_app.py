"""The command group: one-line usage errors (exit 2), plain help, command order."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from shoring.cli import app
from shoring.cli.app import COMMAND_ORDER

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["country"], "country"),
        (["locations", "--category", "ITO"], "--home"),
        (["locations", "--home", "USA", "--category", "ITO", "--top", "0"], "--top"),
        (["locations", "--home", "USA", "--category", "ITO", "--draws", "0"], "--draws"),
        (["locations", "--home", "USA", "--category", "ITO", "--seed", "-1"], "--seed"),
        (["country", "FRA", "--bogus"], "--bogus"),
        (["nosuch"], "nosuch"),
    ],
)
def test_usage_errors_are_one_plain_line(args: list[str], names: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert names in lines[0]
    assert "Traceback" not in result.output and "╭" not in result.output


def test_the_console_script_prints_usage_errors_on_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from shoring.cli import main; main()", "country"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["error: Missing argument 'country'."]


def test_help_is_plain_and_exits_0() -> None:
    result = runner.invoke(app, ["country", "--help"])
    assert result.exit_code == 0
    assert "--help " in result.stdout and "<bool>" not in result.stdout
    assert "--json " in result.stdout and "╭" not in result.stdout


def test_commands_are_listed_in_the_order_a_user_meets_them() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line]
    assert listed == [name for name in COMMAND_ORDER if name in listed]
    assert listed[:2] == ["classify", "categorize"]


def test_errors_name_the_option_the_user_typed() -> None:
    result = runner.invoke(app, ["country", "FRA", "--home", "Atlantis"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --home: unknown country")
    result = runner.invoke(app, ["locations", "--home", "Atlantis", "--category", "ITO"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --home: unknown country")


def test_command_summaries_are_whole_sentences() -> None:
    result = runner.invoke(app, ["--help"])
    for line in result.stdout.split("Commands:")[1].splitlines():
        if line.split() and line.split()[0] in COMMAND_ORDER[:5]:
            assert not line.rstrip().endswith(",..."), line
