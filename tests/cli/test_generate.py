"""``shoring generate -o``: clear errors and ordinary file modes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml
from typer.testing import CliRunner

from shoring.cli import app

runner = CliRunner()


def test_output_that_is_a_directory_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["generate", "--processes", "2", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in str(result.exception) or "is a directory" in result.output
    assert list(tmp_path.iterdir()) == []


def test_new_file_honours_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["generate", "--processes", "2", "-o", str(target)])
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert len(yaml.safe_load(target.read_text())["processes"]) == 2


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("old")
    target.chmod(0o640)
    result = runner.invoke(app, ["generate", "--processes", "2", "-o", str(target)])
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() != "old"


def test_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("keep me")
    target.chmod(0o444)
    result = runner.invoke(app, ["generate", "--processes", "2", "-o", str(target)])
    assert result.exit_code == 2
    assert target.read_text() == "keep me"
