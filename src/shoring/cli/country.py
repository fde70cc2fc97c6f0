"""``shoring country``: a country's profile, every figure with its source and year."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.table import Table

from shoring.cli.app import app, as_option, console, emit_json, fail
from shoring.errors import InputError

if TYPE_CHECKING:
    from shoring.countries.intel import CountryIntel, Figure

MISSING = "[red]missing[/]"


def split_languages(values: list[str] | None) -> list[str] | None:
    """``--languages en,es --languages de`` -> ``["en", "es", "de"]``."""
    if not values:
        return None
    out = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return out or None


#: Library field -> the option the user typed (error messages name the option).
OPTIONS = {"home": "--home", "currency": "--currency", "year": "--year", "languages": "--languages"}


@app.command("country", short_help="Profile of one country: cost, languages, time zone ...")
def country_command(
    country: str = typer.Argument(..., help="ISO alpha-2/alpha-3 code or English name."),
    home: str | None = typer.Option(
        None, "--home", help="Home country: time-zone overlap and default currency."
    ),
    currency: str | None = typer.Option(
        None, "--currency", help="Your currency (ISO 4217; default: the home country's, or USD)."
    ),
    year: int | None = typer.Option(
        None, "--year", help="Year for public holidays (default: this year)."
    ),
    languages: list[str] | None = typer.Option(
        None, "--languages", help="Work languages (ISO 639, comma-separated) for language fit."
    ),
    impute: bool = typer.Option(
        False, "--impute", help="Allow the labelled GDP-per-capita labour-cost proxy."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Profile of one country: labour cost, languages, time zone, holidays, currency, governance."""
    from shoring.countries.intel import country_intel

    try:
        intel = country_intel(
            country,
            home=home,
            currency=currency,
            year=year,
            languages=split_languages(languages),
            impute=impute,
        )
    except InputError as exc:
        fail(as_option(exc, OPTIONS).message)
    if as_json:
        emit_json(intel.model_dump(mode="json"))
    else:
        render(intel)


def _value(figure: Figure) -> str:
    if figure.value is None:
        return MISSING
    v = figure.value
    text = f"{v:,.0f}" if abs(v) >= 1000 else f"{v:,.2f}"
    return text + (" [yellow](imputed)[/]" if figure.imputed else "")


def render(intel: CountryIntel) -> None:
    console.print(
        f"[bold]{intel.name}[/] ({intel.country} / {intel.alpha2} / {intel.numeric})"
        + (f" - {intel.official_name}" if intel.official_name else "")
    )
    table = Table(title="Figures", header_style="bold", show_lines=False)
    for column in ("figure", "value", "unit", "year", "source / note"):
        table.add_column(column, overflow="fold")
    figures = list(intel.figures)
    if intel.labour_cost_user_currency is not None and intel.user_currency != "USD":
        figures.insert(5, intel.labour_cost_user_currency)
    for f in figures:
        note = f"\n[dim]{f.note}[/]" if f.note else ""
        table.add_row(
            f.label, _value(f), f.unit, str(f.year or ""), f"{f.source}{note}", style=None
        )
    console.print(table)

    cur = intel.currency
    fx = cur.to_user_currency
    fx_text = (
        f"1 {fx.base} = {fx.rate:.4g} {fx.quote} on {fx.on.isoformat()} (ECB, bundled)"
        if fx is not None and fx.base != fx.quote
        else ("same as yours" if fx is not None else f"{MISSING} (not quoted by the ECB)")
    )
    console.print(f"[bold]Currency[/]: {cur.code or MISSING} {cur.name or ''}; {fx_text}")

    t = intel.time
    offset = (
        f"UTC{t.standard_utc_offset_hours:+g}" if t.standard_utc_offset_hours is not None else ""
    )
    line = f"[bold]Time zone[/]: {t.capital_timezone or MISSING} {offset}"
    if t.home is not None:
        overlap = MISSING if t.overlap_hours is None else f"{t.overlap_hours:.1f} h/day"
        line += f"; overlap with {t.home} ({t.home_timezone}) 09-17: {overlap}"
    console.print(line)

    lang = intel.languages
    languages = Table(title=f"Languages ({lang.source})", header_style="bold")
    for column in ("language", "% of population", "status"):
        languages.add_column(column)
    for share in lang.spoken[:10]:
        languages.add_row(share.name, f"{share.population_percent:g}", share.official_status or "")
    console.print(languages)
    if lang.work_languages:
        fit = MISSING if lang.fit is None else f"{lang.fit:.0%} of the population"
        console.print(f"[bold]Language fit[/] for {', '.join(lang.work_languages)}: {fit}")

    h = intel.holidays
    if h.available:
        console.print(
            f"[bold]Public holidays {h.year}[/]: {h.count} ({h.weekday_count} on weekdays) "
            f"- {h.source}"
        )
        console.print(
            "  " + "; ".join(f"{d.on.isoformat()} {d.name}" for d in h.dates), soft_wrap=True
        )
    else:
        console.print(
            f"[bold]Public holidays {h.year}[/]: {MISSING} - the holidays library has no "
            "calendar for this country"
        )
    ref = intel.reference
    console.print(
        f"[bold]Kearney GSLI[/] (reference only): 2023 rank "
        f"{ref['gsli_rank_2023'] or 'not published in our sources'}, 2021 rank "
        f"{ref['gsli_rank_2021'] or 'not published in our sources'}"
    )
    for note in intel.notes:
        console.print(f"[yellow]note[/]: {note}")
