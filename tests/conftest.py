"""Shared fixtures: bundled example portfolios and small compiled plans."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from shoring.cost.plan import Plan
from shoring.io.portfolio import load_portfolio, parse_portfolio
from shoring.simulate import prepare

ROOT = Path(__file__).resolve().parents[1]


def example_path(name: str) -> Path:
    return Path(str(resources.files("shoring").joinpath("examples", name)))


@pytest.fixture(scope="session")
def small_plan() -> Plan:
    return prepare(load_portfolio(example_path("small_business.yaml")))


def tiny_portfolio(**process: Any) -> dict[str, Any]:
    """One process with explicit options (fast to prepare and simulate)."""
    proc = {
        "id": "p1",
        "name": "Claims processing",
        "category": "BPO_BACK",
        "fte": 10,
        "annual_cost_per_fte": 50000,
    }
    proc.update(process)
    return {
        "company": {"name": "T", "country": "USA", "currency": "USD", "horizon_years": 2},
        "processes": [proc],
        "options": [
            {"id": "home", "country": "USA", "provider": "company", "workplace": "company_site"},
            {
                "id": "ind",
                "country": "IND",
                "provider": "outsourcing_firm",
                "workplace": "provider_site",
            },
            {
                "id": "ind-twin",
                "country": "IND",
                "provider": "outsourcing_firm",
                "workplace": "provider_site",
            },
            {
                "id": "homeshore",
                "country": "USA",
                "provider": "company",
                "workplace": "worker_home",
            },
        ],
    }


@pytest.fixture(scope="session")
def tiny_plan() -> Plan:
    return prepare(parse_portfolio(tiny_portfolio()))
