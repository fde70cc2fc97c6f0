"""``shoring classify`` infers a missing category from the description and says so."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from shoring.cli import app

runner = CliRunner()
BASE = [
    "classify", "--company-country", "USA", "--worker-country", "IND",
    "--workplace", "provider_site", "--provider", "outsourcing_firm",
]  # fmt: skip


def test_inferred_category_is_shown_and_used() -> None:
    result = runner.invoke(
        app, [*BASE, "--description", "reading chest x-rays overnight", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"labels", "reasons", "engagement"} <= set(data)
    inferred = data["inferred_category"]
    assert {"category", "confidence", "matches"} <= set(inferred)
    if inferred["category"] == "KPO":
        assert "kpo" in data["labels"] and data["engagement"]["category"] == "KPO"


def test_a_given_category_is_not_overridden() -> None:
    args = [*BASE, "--category", "ITO", "--description", "payroll", "--json"]
    data = json.loads(runner.invoke(app, args).stdout)
    assert "inferred_category" not in data and "ito" in data["labels"]


def test_readable_output_says_it_was_inferred() -> None:
    result = runner.invoke(app, [*BASE, "--description", "answering customer phone calls"])
    assert result.exit_code == 0
    assert "inferred from the description" in result.output


def test_batch_infers_per_record_and_rejects_empty_descriptions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rec = {
        "company_country": "USA", "worker_country": "PHL",
        "workplace": "provider_site", "provider": "outsourcing_firm",
    }  # fmt: skip
    path = tmp_path / "e.jsonl"
    path.write_text(
        json.dumps({"id": 1, **rec, "description": "answering customer phone calls"})
        + "\n"
        + json.dumps({"id": 2, **rec, "description": "  "})
        + "\n"
    )
    result = runner.invoke(app, ["classify", "--input", str(path), "--json"])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["inferred_category"]["best_guess"] == "BPO_FRONT"
    assert "error" in out[1] and "description" in out[1]["error"]
