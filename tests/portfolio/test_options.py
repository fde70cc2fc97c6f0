"""Option generation and classification."""

from __future__ import annotations

from shoring.io.bundled import country_profiles
from shoring.io.portfolio import parse_portfolio
from shoring.portfolio.options import FREELANCER_MAX_FTE, generate_options, options_for
from shoring.taxonomy import Category, Label, Provider, Workplace
from tests.conftest import tiny_portfolio


def _process(**kw: object):  # type: ignore[no-untyped-def]
    p = parse_portfolio(tiny_portfolio(**kw))
    return p.company, p.processes[0], p


def test_generated_options_start_with_the_status_quo_and_are_classified() -> None:
    company, process, _ = _process(fte=3)
    options = generate_options(company, process, Category.BPO_BACK, country_profiles())
    first = options[0]
    assert (first.country, first.provider, first.workplace) == (
        "USA",
        Provider.COMPANY,
        Workplace.COMPANY_SITE,
    )
    assert first.is_status_quo
    ids = [o.id for o in options]
    assert len(ids) == len(set(ids))
    by_id = {o.id: o for o in options}
    assert Label.HOMESHORING in by_id["homeshore"].labels
    assert Label.IN_HOUSE in by_id["homeshore"].labels
    captive = [o for o in options if o.provider is Provider.SUBSIDIARY]
    assert captive and all(Label.CAPTIVE_OFFSHORING in o.labels for o in captive)
    abroad = [o for o in options if o.country != "USA"]
    assert abroad and all(Label.OFFSHORING in o.labels for o in abroad)
    vendors = [o for o in abroad if o.provider is Provider.OUTSOURCING_FIRM]
    assert all(Label.GLOBAL_BPO in o.labels for o in vendors)
    near = [o for o in vendors if Label.NEARSHORING in o.labels]
    assert len(near) <= 2


def test_freelancers_only_for_small_processes() -> None:
    company, big, _ = _process(fte=FREELANCER_MAX_FTE + 20)
    options = generate_options(company, big, Category.ITO, country_profiles())
    assert not any(o.provider is Provider.FREELANCER for o in options)
    company, small, _ = _process(fte=1)
    options = generate_options(company, small, Category.ITO, country_profiles())
    assert any(o.provider is Provider.FREELANCER for o in options)


def test_work_that_cannot_be_remote_gets_no_offshore_options() -> None:
    company, process, _ = _process()
    options = generate_options(company, process, Category.NONE, country_profiles())
    assert all(o.country == "USA" for o in options)
    assert len(options) == 2


def test_given_options_get_the_status_quo_first() -> None:
    data = tiny_portfolio()
    data["options"] = data["options"][1:]  # drop the in-house option
    p = parse_portfolio(data)
    options = options_for(p.company, p.processes[0], Category.BPO_BACK, p.options, {})
    assert options[0].is_status_quo and options[0].id == "in-house"
    assert [o.id for o in options[1:]] == ["ind", "ind-twin", "homeshore"]


def test_process_option_subset() -> None:
    data = tiny_portfolio(options=["home", "ind"])
    p = parse_portfolio(data)
    options = options_for(p.company, p.processes[0], Category.BPO_BACK, p.options, {})
    assert [o.id for o in options] == ["home", "ind"]


def test_written_work_is_not_generated_where_nobody_speaks_its_language() -> None:
    from shoring.io.bundled import country_profiles
    from shoring.portfolio.models import Process
    from shoring.portfolio.options import MIN_WRITTEN_LANGUAGE_SHARE, language_ok
    from shoring.taxonomy import Category

    profiles = country_profiles()
    claims = Process.model_validate(
        {"id": "claims", "name": "Claims processing", "fte": 10, "languages": ["de"]}
    )
    # CLDR records no German speakers in Ghana; Austria speaks it.
    assert not language_ok(profiles["GHA"], claims, Category.BPO_BACK)
    assert language_ok(profiles["AUT"], claims, Category.BPO_BACK)
    # Work that is not language-dependent has no floor.
    assert language_ok(profiles["GHA"], claims, Category.NONE)
    assert MIN_WRITTEN_LANGUAGE_SHARE > 0
