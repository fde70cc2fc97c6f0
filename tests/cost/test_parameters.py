"""Every parameter default has a source or is labelled an assumption, and stays in bounds."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from shoring.cost.parameters import (
    NAMES,
    SPECS,
    OptionContext,
    assumptions_table,
    default_for,
    parse_override,
)
from shoring.errors import InputError
from shoring.io.bundled import country_profiles
from shoring.risk.distributions import support
from shoring.taxonomy import Category, Provider, Workplace


def test_every_parameter_has_a_source_and_a_kind() -> None:
    rows = assumptions_table()
    assert {r["parameter"] for r in rows} >= set(NAMES)
    for row in rows:
        assert row["source"].strip()
        assert row["kind"] in ("cited", "assumption")
        if row["kind"] == "assumption":
            assert "ssumption" in row["source"] or "alibrat" in row["source"]


CONTEXTS = [
    OptionContext("USA", country, category, provider, workplace)
    for country, category, provider, workplace in itertools.product(
        ("USA", "IND", "PHL", "FRA"),
        (Category.BPO_FRONT, Category.ITO),
        tuple(Provider),
        tuple(Workplace),
    )
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_defaults_lie_inside_the_allowed_bounds(spec) -> None:  # type: ignore[no-untyped-def]
    gdp = {c: p.gdp_pc_usd for c, p in country_profiles().items()}
    for ctx in CONTEXTS:
        d = default_for(spec.name, ctx, gdp, 0.08)
        lo, hi = support(d.dist)
        assert spec.bounds[0] <= lo <= hi <= spec.bounds[1]
        assert d.source


def test_cited_country_figures_are_used() -> None:
    gdp = {c: p.gdp_pc_usd for c, p in country_profiles().items()}
    ctx = OptionContext("USA", "FRA", Category.ITO, Provider.SUBSIDIARY, Workplace.PROVIDER_SITE)
    d = default_for("employer_oncost", ctx, gdp, 0.0)
    assert d.dist.mean == pytest.approx(0.42) and "France" in d.source
    phl = OptionContext(
        "USA", "PHL", Category.BPO_FRONT, Provider.OUTSOURCING_FIRM, Workplace.PROVIDER_SITE
    )
    d = default_for("attrition_rate", phl, gdp, 0.0)
    assert "newsbytes" in d.source and not d.assumption


def test_in_house_at_home_pays_no_margin() -> None:
    ctx = OptionContext("USA", "USA", Category.ITO, Provider.COMPANY, Workplace.COMPANY_SITE)
    d = default_for("provider_margin", ctx, {}, 0.0)
    assert d.dist.ppf(np.array([0.1, 0.9])).tolist() == [0.0, 0.0]


def test_a_process_wide_margin_reaches_vendors_not_the_company_at_home() -> None:
    """Written on the process, a provider's price terms are meant for its providers; the
    status quo they are all measured against keeps its own cost."""
    from shoring.io.portfolio import parse_portfolio
    from shoring.simulate import prepare
    from tests.conftest import tiny_portfolio

    data = tiny_portfolio(parameters={"provider_margin": 0.5, "provider_efficiency": 0.2})
    data["options"][3]["parameters"] = {"provider_margin": 0.1}  # homeshore, forced
    options = {o.id: o for o in prepare(parse_portfolio(data)).processes[0].options}
    assert options["home"].dists["provider_margin"].mean == 0.0
    assert options["home"].dists["provider_efficiency"].mean == 0.0
    assert not options["home"].sources["provider_margin"].startswith("user override")
    assert options["ind"].dists["provider_margin"].mean == 0.5
    assert options["ind"].dists["provider_efficiency"].mean == 0.2
    assert options["homeshore"].dists["provider_margin"].mean == 0.1
    assert options["homeshore"].sources["provider_margin"] == "user override (option)"


@pytest.mark.parametrize(
    ("name", "value", "needle"),
    [
        ("attrition_rate", 1.01, "impossible"),
        ("attrition_rate", -0.1, "impossible"),
        ("ramp_months", {"low": 5, "mode": 3, "high": 9}, "low <= mode"),
        ("governance_share", "lots", "number"),
        ("nope", 1, "unknown cost-model parameter"),
    ],
)
def test_bad_overrides(name: str, value: object, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        parse_override(name, value, "parameters")


def test_readme_assumptions_table_lists_every_parameter() -> None:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    table = readme[readme.index("### Assumptions (every default, with its source)") :]
    for row in assumptions_table():
        assert f"| `{row['parameter']}` |" in table, row["parameter"]
        assert row["default"] in table, row["parameter"]
