"""Candidate options per process: given in the portfolio or generated, each classified.

Generated options (when the portfolio lists none) for a process whose category is not NONE:

- ``in-house``: the status quo (the company's own staff, at its site, at home);
- ``homeshore``: the company's own staff working from home (homeshoring, TAXONOMY.md);
- ``onshore-vendor``: an outsourcing firm in the home country;
- ``freelancer``: a freelancer at home in the home country (processes of at most 5 FTE);
- ``<ISO3>-vendor`` for the best-ranked nearshore (up to 2) and offshore (up to 3) countries;
- ``<ISO3>-captive``: a captive centre (own subsidiary) in the best offshore country;
- ``<ISO3>-freelancer``: a freelancer at home in the best offshore country (at most 5 FTE).

``NONE`` work (not realistically delivered remotely) gets only the status quo and an onshore
staffing agency at the company's site.

"Ranked countries" come from :func:`shoring.ranking.rank_locations` (the MCDA ranking) when
that module is installed; otherwise from :func:`shortlist`, a documented fallback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, cast

from shoring.cost.language import language_intensity, proficiency
from shoring.countries.labour import labour_cost
from shoring.countries.languages import language_fit
from shoring.countries.profiles import CountryProfile
from shoring.portfolio.models import Company, OptionSpec, Process
from shoring.taxonomy import Category, Engagement, Label, Provider, Workplace, classify
from shoring.taxonomy.classify import NEARSHORE_MAX_OFFSET_HOURS, offset_gap_hours

STATUS_QUO_ID = "in-house"
#: Modelling assumption: freelancer options are generated only for processes this small (FTE).
FREELANCER_MAX_FTE = 5.0

#: Fallback shortlist filters (modelling assumptions): an established services location (ranked
#: in Kearney's GSLI 2021 or 2023, or EF EPI "high" proficiency, score >= 550), mean WGI
#: governance at least this, derived labour cost known; ordered by labour cost.
MIN_EPI_SCORE = 550.0
MIN_GOVERNANCE = -0.5
#: Customer-facing work also needs at least this language proficiency.
MIN_CUSTOMER_PROFICIENCY = 0.4
#: Other work done in the process languages (back office, IT, R&D, KPO: documents, tickets,
#: colleagues) needs at least this share of the population speaking one of them (CLDR via
#: Babel).  Modelling assumption: a German insurer's claims work is not generated for a
#: country where CLDR records no German speakers, whatever the labour-cost gap.
MIN_WRITTEN_LANGUAGE_SHARE = 0.05


def language_ok(profile: CountryProfile, process: Process, category: Category) -> bool:
    """Whether a country can plausibly do the process in its languages (see the floors)."""
    intensity = language_intensity(category, process.customer_facing, process.languages)
    if intensity <= 0.0:
        return True
    if intensity >= 1.0:
        return proficiency(profile, process.languages) >= MIN_CUSTOMER_PROFICIENCY
    share = language_fit(profile.iso3, process.languages) or 0.0
    return share >= MIN_WRITTEN_LANGUAGE_SHARE


@dataclass(frozen=True)
class Option:
    """One candidate for one process, with its taxonomy labels."""

    id: str
    country: str
    provider: Provider
    workplace: Workplace
    labels: tuple[Label, ...]
    reasons: Mapping[Label, str]
    parameters: Mapping[str, Any] = field(default_factory=dict)
    generated: bool = True

    @property
    def is_status_quo(self) -> bool:
        """In-house, at the company's site, in the home country: the baseline."""
        return (
            self.provider is Provider.COMPANY
            and self.workplace is Workplace.COMPANY_SITE
            and Label.ONSHORE in self.labels
            and not any(lab is Label.OFFSHORING for lab in self.labels)
        )


def shortlist(
    home: str,
    process: Process,
    profiles: Mapping[str, CountryProfile],
    category: Category | None = None,
) -> list[str]:
    """Countries ordered by derived labour cost, after the documented filters."""
    found: list[tuple[float, str]] = []
    for code, profile in profiles.items():
        established = (
            profile.gsli_rank_2023 is not None
            or profile.gsli_rank_2021 is not None
            or (profile.ef_epi_score or 0.0) >= MIN_EPI_SCORE
        )
        if code == home or not established:
            continue
        governance = profile.governance.mean()
        if governance is None or governance < MIN_GOVERNANCE:
            continue
        cost = labour_cost(profile)
        if cost is None:
            continue
        if not language_ok(profile, process, category or process.category or Category.NONE):
            continue
        found.append((cost.usd_per_month, code))
    return [code for _, code in sorted(found)]


def _ranking() -> Callable[..., Any] | None:
    """The MCDA ranking of issue 4 when installed (integration seam)."""
    try:
        from shoring.ranking import rank_locations
    except ImportError:
        return None
    return cast("Callable[..., Any]", rank_locations)


_RANKED: dict[tuple[object, ...], tuple[Mapping[str, CountryProfile], list[str]]] = {}


def ranked_countries(
    home: str,
    category: Category,
    process: Process,
    profiles: Mapping[str, CountryProfile],
) -> list[str]:
    """Candidate countries best first: the MCDA ranking (issue 4) when installed, else the
    fallback :func:`shortlist`; only countries with a derived labour cost and mean WGI
    governance of at least :data:`MIN_GOVERNANCE`, and only those that pass the language
    floors of :func:`language_ok`.  Cached per
    (home, category, languages, customer-facing)."""
    key = (id(profiles), home, category, process.languages, process.customer_facing)
    hit = _RANKED.get(key)
    if hit is not None and hit[0] is profiles:
        return hit[1]
    rank = _ranking()
    if rank is None:
        out = shortlist(home, process, profiles, category)
    else:
        result = rank(home, category, list(process.languages), profiles=profiles, draws=200)
        out = []
        for entry in result.ranking:
            profile = profiles.get(entry.country)
            if profile is None or entry.country == home or labour_cost(profile) is None:
                continue
            governance = profile.governance.mean()
            if governance is None or governance < MIN_GOVERNANCE:
                continue  # a cautious floor, as in the fallback shortlist
            if not language_ok(profile, process, category):
                continue
            out.append(entry.country)
    _RANKED[key] = (profiles, out)
    return out


def make_option(
    company: Company,
    category: Category,
    option_id: str,
    country: str,
    provider: Provider,
    workplace: Workplace,
    parameters: Mapping[str, Any] | None = None,
    *,
    generated: bool = True,
) -> Option:
    labels, reasons = _classified(
        company.country, company.market, country, workplace, provider, category
    )
    return Option(
        option_id,
        country,
        provider,
        workplace,
        labels,
        reasons,
        dict(parameters or {}),
        generated,
    )


@functools.lru_cache(maxsize=4096)
def _classified(
    home: str,
    market: str,
    country: str,
    workplace: Workplace,
    provider: Provider,
    category: Category,
) -> tuple[tuple[Label, ...], Mapping[Label, str]]:
    """The taxonomy's labels of an option (memoised: many processes share the same few)."""
    engagement = Engagement(
        company_country=home,
        primary_market=market,
        worker_country=country,
        workplace=workplace,
        provider=provider,
        category=category,
    )
    result = classify(engagement)
    return result.labels, MappingProxyType(dict(result.reasons))


def generate_options(
    company: Company,
    process: Process,
    category: Category,
    profiles: Mapping[str, CountryProfile],
    *,
    near: int = 2,
    far: int = 3,
) -> list[Option]:
    home = company.country
    make = _maker(company, category)
    opts = [make(STATUS_QUO_ID, home, Provider.COMPANY, Workplace.COMPANY_SITE)]
    if category is Category.NONE:
        opts.append(make("onshore-agency", home, Provider.STAFFING_AGENCY, Workplace.COMPANY_SITE))
        return opts
    opts += [
        make("homeshore", home, Provider.COMPANY, Workplace.WORKER_HOME),
        make("onshore-vendor", home, Provider.OUTSOURCING_FIRM, Workplace.PROVIDER_SITE),
    ]
    small = process.fte <= FREELANCER_MAX_FTE
    if small:
        opts.append(make("freelancer", home, Provider.FREELANCER, Workplace.WORKER_HOME))
    nearby: list[str] = []
    distant: list[str] = []
    for code in ranked_countries(home, category, process, profiles):
        if offset_gap_hours(home, code) <= NEARSHORE_MAX_OFFSET_HOURS:
            if len(nearby) < near:
                nearby.append(code)
        elif len(distant) < far:
            distant.append(code)
    for code in nearby + distant:
        opts.append(
            make(f"{code}-vendor", code, Provider.OUTSOURCING_FIRM, Workplace.PROVIDER_SITE)
        )
    if distant:
        best = distant[0]
        opts.append(make(f"{best}-captive", best, Provider.SUBSIDIARY, Workplace.PROVIDER_SITE))
        if small:
            opts.append(
                make(f"{best}-freelancer", best, Provider.FREELANCER, Workplace.WORKER_HOME)
            )
    return opts


def _maker(company: Company, category: Category) -> Callable[..., Option]:
    def make(option_id: str, country: str, provider: Provider, workplace: Workplace) -> Option:
        return make_option(company, category, option_id, country, provider, workplace)

    return make


def options_for(
    company: Company,
    process: Process,
    category: Category,
    given: Sequence[OptionSpec] | None,
    profiles: Mapping[str, CountryProfile],
) -> list[Option]:
    """The options of one process: the given ones (plus the status quo) or generated ones."""
    if not given:
        return generate_options(company, process, category, profiles)
    chosen = [s for s in given if process.options is None or s.id in process.options]
    out = [
        make_option(
            company,
            category,
            spec.id,
            spec.country,
            spec.provider,
            spec.workplace,
            spec.parameters,
            generated=False,
        )
        for spec in chosen
    ]
    home = [o for o in out if o.country == company.country and o.is_status_quo]
    if not home:
        status = make_option(
            company,
            category,
            STATUS_QUO_ID,
            company.country,
            Provider.COMPANY,
            Workplace.COMPANY_SITE,
        )
        out.insert(0, status)
    else:
        # The given in-house-at-home option is the baseline: put it first.
        out = [home[0]] + [o for o in out if o is not home[0]]
    return out
