"""Shared helpers of the benchmarks: a portfolio with exactly 20 options per process."""

from __future__ import annotations

from typing import Any

from shoring.portfolio.synthetic import synthetic_portfolio

#: 20 options: the status quo plus 19 (country, provider, workplace) candidates.
_HOME: list[dict[str, Any]] = [
    {"id": "in-house", "country": "USA", "provider": "company", "workplace": "company_site"},
    {"id": "homeshore", "country": "USA", "provider": "company", "workplace": "worker_home"},
    {
        "id": "us-vendor",
        "country": "USA",
        "provider": "outsourcing_firm",
        "workplace": "provider_site",
    },
    {
        "id": "us-agency",
        "country": "USA",
        "provider": "staffing_agency",
        "workplace": "company_site",
    },
    {"id": "us-freelancer", "country": "USA", "provider": "freelancer", "workplace": "worker_home"},
]
_ABROAD: list[dict[str, Any]] = [
    {"id": f"{c}-{kind}", "country": c, "provider": provider, "workplace": place}
    for c in ("IND", "PHL", "BRA", "POL", "ZAF")
    for kind, provider, place in (
        ("vendor", "outsourcing_firm", "provider_site"),
        ("captive", "subsidiary", "provider_site"),
        ("freelancer", "freelancer", "worker_home"),
    )
][:15]
TWENTY_OPTIONS: list[dict[str, Any]] = [*_HOME, *_ABROAD]


def portfolio_20(processes: int, seed: int = 1) -> dict[str, Any]:
    data = synthetic_portfolio(processes, seed)
    data["options"] = TWENTY_OPTIONS
    assert len(TWENTY_OPTIONS) == 20
    return data
