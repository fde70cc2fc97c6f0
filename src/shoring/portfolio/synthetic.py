"""A synthetic but plausible portfolio, for tests, benchmarks and demos (seeded).

Process names come from a short list per category; sizes are log-normal (median 8 FTE, a few
large processes); pay per FTE is the category's typical in-house cost in the home country
(modelling assumptions, not data).  Deterministic for a seed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from shoring.taxonomy import Category

_WORK: dict[Category, tuple[tuple[str, bool], ...]] = {
    Category.BPO_FRONT: (
        ("Customer support calls", True),
        ("Order hotline", True),
        ("Technical support line", True),
        ("Live chat support", True),
    ),
    Category.BPO_BACK: (
        ("Accounts payable", False),
        ("Claims processing", False),
        ("Payroll administration", False),
        ("Data entry", False),
        ("Billing", False),
    ),
    Category.ITO: (
        ("IT help desk", False),
        ("Infrastructure operations", False),
        ("Application maintenance", False),
    ),
    Category.SOFTWARE_RD: (
        ("Web application development", False),
        ("Software testing", False),
        ("Mobile app development", False),
    ),
    Category.KPO: (
        ("Financial analysis", False),
        ("Market research", False),
        ("Legal research", False),
    ),
    Category.NONE: (("Warehouse operations", False), ("Office cleaning", False)),
}
#: Modelling assumption: typical annual employer cost per FTE in the US by category (US$).
_COST: dict[Category, float] = {
    Category.BPO_FRONT: 48_000,
    Category.BPO_BACK: 52_000,
    Category.ITO: 70_000,
    Category.SOFTWARE_RD: 110_000,
    Category.KPO: 105_000,
    Category.NONE: 40_000,
}
_WEIGHTS = (0.25, 0.25, 0.15, 0.15, 0.12, 0.08)


def synthetic_portfolio(processes: int, seed: int, country: str = "USA") -> dict[str, Any]:
    """A portfolio mapping (the YAML format) with ``processes`` processes."""
    rng = np.random.default_rng(seed)
    cats = list(_WORK)
    out = []
    for i in range(processes):
        cat = cats[int(rng.choice(len(cats), p=_WEIGHTS))]
        names = _WORK[cat]
        name, facing = names[int(rng.integers(len(names)))]
        fte = float(np.round(np.clip(rng.lognormal(np.log(8.0), 1.0), 0.5, 400.0), 1))
        cost = float(np.round(_COST[cat] * rng.uniform(0.85, 1.15), -2))
        out.append(
            {
                "id": f"p{i + 1:04d}",
                "name": name,
                "category": cat.value,
                "fte": fte,
                "annual_cost_per_fte": cost,
                "languages": ["en"],
                "customer_facing": facing,
                "critical_knowledge": bool(rng.random() < 0.2),
            }
        )
    return {
        "company": {
            "name": f"Synthetic Co {seed}",
            "country": country,
            "currency": "USD",
            "discount_rate": 0.08,
            "horizon_years": 5,
        },
        "processes": out,
    }
