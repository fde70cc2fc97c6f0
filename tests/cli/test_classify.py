"""``shoring classify`` as a user runs it: single mode, JSON, batch, stdin and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from shoring.cli import app

runner = CliRunner()
SINGLE = [
    "classify",
    "--company-country",
    "USA",
    "--worker-country",
    "IND",
    "--workplace",
    "provider_site",
    "--provider",
    "outsourcing_firm",
]


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shoring", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_single_json() -> None:
    result = runner.invoke(app, [*SINGLE, "--category", "BPO_FRONT", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["labels"] == [
        "bpo",
        "global_bpo",
        "offshore_outsourcing",
        "offshoring",
        "outsourcing",
    ]
    assert out["engagement"]["worker_country"] == "IND"
    assert set(out["reasons"]) == set(out["labels"])


def test_single_table_shows_labels_and_reasons() -> None:
    result = runner.invoke(app, SINGLE)
    assert result.exit_code == 0
    assert "offshore_outsourcing" in result.stdout
    assert "India" in result.stdout


def test_bad_value_exits_2_with_one_line() -> None:
    proc = run_cli(*SINGLE[:-1], "vendor")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "--provider" in lines[0] and "'vendor'" in lines[0] and "staffing_agency" in lines[0]
    assert "Traceback" not in proc.stderr


def test_unknown_country_exits_2() -> None:
    proc = run_cli(*[("Narnia" if a == "IND" else a) for a in SINGLE])
    assert proc.returncode == 2
    assert "--worker-country" in proc.stderr and "'Narnia'" in proc.stderr


def test_missing_option_exits_2() -> None:
    proc = run_cli("classify", "--company-country", "USA")
    assert proc.returncode == 2
    assert "--worker-country" in proc.stderr


def test_batch_from_stdin_keeps_order_and_reports_bad_records() -> None:
    good = {
        "id": "a",
        "company_country": "USA",
        "worker_country": "USA",
        "workplace": "worker_home",
        "provider": "company",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({**good, "id": "c", "worker_country": "Atlantis"}),
        "",
        json.dumps([1, 2]),
        json.dumps({**good, "id": 4, "provider": "freelancer"}),
    ]
    proc = run_cli("classify", "--input", "-", "--json", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", None, "c", None, 4]
    assert records[0]["labels"] == ["homeshoring", "in_house", "onshore"]
    assert set(records[0]) == {"id", "labels", "reasons"}
    assert "malformed JSON" in records[1]["error"] and "line 2" in records[1]["error"]
    assert "worker_country" in records[2]["error"] and "Atlantis" in records[2]["error"]
    assert "JSON object" in records[3]["error"]
    assert "freelance" in records[4]["labels"]


def test_batch_all_good_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(
            {
                "company_country": "GBR",
                "worker_country": "POL",
                "workplace": "provider_site",
                "provider": "outsourcing_firm",
                "category": "ITO",
            }
        )
        + "\n"
    )
    result = runner.invoke(app, ["classify", "--input", str(path), "--json"])
    assert result.exit_code == 0
    assert "nearshoring" in json.loads(result.stdout)["labels"]


def test_batch_non_utf8_bytes_are_a_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"company_country": "\xff\xfe"}\n')
    result = runner.invoke(app, ["classify", "--input", str(path), "--json"])
    assert result.exit_code == 1
    assert "error" in json.loads(result.stdout)


def test_missing_input_file_exits_2() -> None:
    proc = run_cli("classify", "--input", "/nonexistent/file.jsonl", "--json")
    assert proc.returncode == 2
    assert "no such file" in proc.stderr


def test_batch_bad_bytes_say_not_utf8_and_a_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", **dict(zip(SINGLE[1::2], SINGLE[2::2], strict=True))})
    good = good.replace("--company-country", "company_country")
    good = good.replace("--worker-country", "worker_country")
    good = good.replace("--workplace", "workplace").replace("--provider", "provider")
    path.write_bytes(b"\xef\xbb\xbf" + good.encode() + b'\n{"id": "b", "x": "\xff"}\n')
    proc = run_cli("classify", "--input", str(path), "--json")
    assert proc.returncode == 1
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert first["id"] == "a" and "labels" in first
    assert "not UTF-8 text" in second["error"]


def test_a_directory_as_input_is_named_as_such(tmp_path: Path) -> None:
    proc = run_cli("classify", "--input", str(tmp_path), "--json")
    assert proc.returncode == 2
    assert "is a directory" in proc.stderr


def test_batch_table_shows_a_missing_id_as_a_dash(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"company_country": "Atlantis"}\n')
    result = runner.invoke(app, ["classify", "--input", str(path)])
    assert result.exit_code == 1
    assert "None" not in result.output and "│ -" in result.output
