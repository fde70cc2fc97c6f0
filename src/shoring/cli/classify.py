"""``shoring classify``: the arrangement labels of an engagement, with reasons."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from shoring.catalogue import Categorisation
from shoring.catalogue.infer import infer_category
from shoring.cli.app import (
    app,
    console,
    emit_json,
    fail,
    parse_json_object,
    read_input_lines,
    show_id,
)
from shoring.errors import InputError
from shoring.taxonomy import Classification, Engagement, classify, parse_engagement


@app.command("classify", short_help="Label an engagement: outsourcing, offshoring, BPO, KPO ...")
def classify_command(
    company_country: str | None = typer.Option(
        None, "--company-country", help="Where the company is based (ISO code or name)."
    ),
    worker_country: str | None = typer.Option(
        None, "--worker-country", help="Where the people doing the work are."
    ),
    workplace: str | None = typer.Option(
        None, "--workplace", help="company_site, provider_site or worker_home."
    ),
    provider: str | None = typer.Option(
        None,
        "--provider",
        help="company, subsidiary, freelancer, outsourcing_firm or staffing_agency.",
    ),
    primary_market: str | None = typer.Option(
        None, "--primary-market", help="The company's main market (default: its home country)."
    ),
    category: str | None = typer.Option(
        None, "--category", help="ITO, BPO_FRONT, BPO_BACK, SOFTWARE_RD, KPO or NONE."
    ),
    description: str | None = typer.Option(
        None,
        "--description",
        help="The work in your own words; categorised when --category is not given.",
    ),
    input_file: str | None = typer.Option(
        None,
        "--input",
        help="JSON Lines file of engagements ('-' for stdin); prints one result per line.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Classify an engagement: outsourcing, offshoring, nearshoring, homeshoring, BPO, KPO ..."""
    if input_file is not None:
        given = [
            company_country,
            worker_country,
            workplace,
            provider,
            primary_market,
            category,
            description,
        ]
        if any(value is not None for value in given):
            fail("--input cannot be combined with the single-engagement options")
        raise typer.Exit(_classify_batch(input_file, as_json))
    fields: dict[str, Any] = {
        "company_country": company_country,
        "worker_country": worker_country,
        "workplace": workplace,
        "provider": provider,
    }
    for name, value in fields.items():
        if value is None:
            fail(f"--{name.replace('_', '-')} is required (or give --input FILE)")
    if primary_market is not None:
        fields["primary_market"] = primary_market
    if category is not None:
        fields["category"] = category
    if description is not None:
        fields["description"] = description
    try:
        engagement, inferred = _with_category(parse_engagement(fields))
        result = classify(engagement)
    except InputError as exc:
        fail(
            InputError(
                f"--{exc.field.replace('_', '-')}", exc.value, exc.problem, allowed=exc.allowed
            ).message
        )
    if as_json:
        emit_json(_to_json(result, inferred))
    else:
        _render(result, inferred)


def _with_category(engagement: Engagement) -> tuple[Engagement, Categorisation | None]:
    """Infer a missing category from the description (the categoriser; see shoring.catalogue)."""
    if engagement.description is not None and engagement.category is None:
        try:
            return infer_category(engagement)
        except InputError as exc:
            raise InputError("description", exc.value, exc.problem) from None
    return engagement, None


def _to_json(result: Classification, inferred: Categorisation | None) -> dict[str, Any]:
    out = result.to_json()
    if inferred is not None:
        out["inferred_category"] = {
            "category": inferred.category,
            "confidence": round(inferred.confidence, 4),
            "best_guess": inferred.best_guess.value,
            "matches": [m.to_json() for m in inferred.matches],
        }
    return out


def _classify_batch(path: str, as_json: bool) -> int:
    failed = False
    rows: list[dict[str, Any]] = []
    for line_number, text in read_input_lines(path):
        if not text.strip():
            continue
        record_id: Any = None
        try:
            obj = parse_json_object(text)
            record_id = obj.pop("id", None)
            engagement, inferred = _with_category(parse_engagement(obj))
            result = classify(engagement)
            out: dict[str, Any] = {"id": record_id, **_to_json(result, inferred)}
            del out["engagement"]
        except (InputError, ValueError) as exc:
            failed = True
            record_id = getattr(exc, "record_id", record_id)
            message = exc.message if isinstance(exc, InputError) else str(exc)
            out = {"id": record_id, "error": f"line {line_number}: {message}"}
        if as_json:
            emit_json(out)
        else:
            rows.append(out)
    if not as_json:
        table = Table(title="Classifications")
        table.add_column("id")
        table.add_column("labels or error")
        for row in rows:
            text = row.get("error") or ", ".join(row["labels"])
            table.add_row(show_id(row["id"]), text, style="red" if "error" in row else None)
        console.print(table)
    return 1 if failed else 0


def _render(result: Classification, inferred: Categorisation | None = None) -> None:
    e = result.engagement
    if inferred is not None:
        top = f" (closest: {inferred.matches[0].name})" if inferred.matches else ""
        if inferred.unsure:
            console.print(
                f"category not given; inferred from the description: [yellow]UNSURE[/] "
                f"(best guess {inferred.best_guess.value}, confidence {inferred.confidence:.2f})"
                f"{top}; no category label is claimed",
                highlight=False,
            )
        else:
            console.print(
                f"category not given; inferred from the description: [bold]{inferred.category}"
                f"[/] (confidence {inferred.confidence:.2f}){top}",
                highlight=False,
            )
    console.print(
        f"[bold]{e.company_country}[/] company (market {e.market}), work done in "
        f"[bold]{e.worker_country}[/] at {e.workplace.value} by {e.provider.value}"
        + (f", category {e.category.value}" if e.category else "")
    )
    table = Table(show_header=True, header_style="bold")
    table.add_column("label", style="cyan", no_wrap=True)
    table.add_column("why")
    for label in result.labels:
        table.add_row(label.value, result.reasons[label])
    console.print(table)
