"""The arrangement classifier: every label of docs/TAXONOMY.md section 2, each with its reason.

A pure function of an :class:`Engagement`; the only data it consults is the capital time-zone
table (through :func:`shoring.countries.capital_timezone`) for the nearshoring rule.
"""

from __future__ import annotations

from shoring.countries.resolve import country_name
from shoring.countries.timezones import capital_timezone, standard_utc_offset_hours
from shoring.taxonomy.models import Category, Classification, Engagement, Label, Provider, Workplace

#: TAXONOMY.md: nearshoring when the standard offsets differ by at most this many hours.
NEARSHORE_MAX_OFFSET_HOURS = 3.0

OUTSOURCED_PROVIDERS = frozenset(
    {Provider.FREELANCER, Provider.OUTSOURCING_FIRM, Provider.STAFFING_AGENCY}
)

_CATEGORY_LABEL: dict[Category, Label] = {
    Category.ITO: Label.ITO,
    Category.BPO_FRONT: Label.BPO,
    Category.BPO_BACK: Label.BPO,
    Category.SOFTWARE_RD: Label.SOFTWARE_RD,
    Category.KPO: Label.KPO,
}

_CATEGORY_WORDS: dict[Category, str] = {
    Category.ITO: "information technology work (ITO)",
    Category.BPO_FRONT: "front-office business-process work (BPO)",
    Category.BPO_BACK: "back-office business-process work (BPO)",
    Category.SOFTWARE_RD: "software research and development",
    Category.KPO: "knowledge-process work (KPO)",
}

_PROVIDER_WORDS: dict[Provider, str] = {
    Provider.COMPANY: "the company itself",
    Provider.SUBSIDIARY: "the company's own subsidiary (a captive centre)",
    Provider.FREELANCER: "a freelancer (an independent contractor)",
    Provider.OUTSOURCING_FIRM: "an outsourcing firm (a service vendor)",
    Provider.STAFFING_AGENCY: "a staffing agency",
}


def offset_gap_hours(country_a: str, country_b: str) -> float:
    """Absolute difference in hours between the standard UTC offsets of two capitals."""
    a = standard_utc_offset_hours(capital_timezone(country_a))
    b = standard_utc_offset_hours(capital_timezone(country_b))
    return abs(a - b)


def classify(engagement: Engagement) -> Classification:
    """Classify an engagement into the labels of TAXONOMY.md section 2, with reasons."""
    reasons: dict[Label, str] = {}
    who = _PROVIDER_WORDS[engagement.provider]
    worker = country_name(engagement.worker_country)
    home = country_name(engagement.company_country)
    market = engagement.market

    outsourcing = engagement.provider in OUTSOURCED_PROVIDERS
    if outsourcing:
        reasons[Label.OUTSOURCING] = (
            f"The work is done by {who}, a third party outside the company (provider is "
            f"'{engagement.provider.value}')."
        )
    else:
        reasons[Label.IN_HOUSE] = (
            f"The work is done by {who}, so it stays inside the company (provider is "
            f"'{engagement.provider.value}')."
        )
    if engagement.provider is Provider.FREELANCER:
        reasons[Label.FREELANCE] = "The provider is a freelancer, an independent contractor."
    if engagement.provider is Provider.STAFFING_AGENCY:
        reasons[Label.STAFFING] = (
            "The provider is a staffing agency that employs or contracts people for clients."
        )

    onshore = engagement.worker_country in (engagement.company_country, market)
    if onshore:
        where = (
            "the company's home country"
            if engagement.worker_country == engagement.company_country
            else "the company's primary market"
        )
        reasons[Label.ONSHORE] = f"The workers are in {worker}, {where}."
    else:
        market_words = (
            f"home country {home}"
            if market == engagement.company_country
            else f"home country {home} or primary market {country_name(market)}"
        )
        reasons[Label.OFFSHORING] = (
            f"The work is done in {worker}, a country other than the company's {market_words}."
        )
        gap = offset_gap_hours(engagement.company_country, engagement.worker_country)
        if gap <= NEARSHORE_MAX_OFFSET_HOURS:
            reasons[Label.NEARSHORING] = (
                f"The capitals of {home} and {worker} are {gap:g} hour{'' if gap == 1 else 's'} "
                f"apart in standard time, "
                f"within the {NEARSHORE_MAX_OFFSET_HOURS:g}-hour nearshore limit."
            )
        if outsourcing:
            reasons[Label.OFFSHORE_OUTSOURCING] = (
                f"The work is both offshore (in {worker}) and outsourced to {who}."
            )
        else:
            reasons[Label.CAPTIVE_OFFSHORING] = (
                f"The work is offshore (in {worker}) but stays in-house with {who}."
            )

    if onshore and engagement.workplace is Workplace.WORKER_HOME:
        kind = "outsourced to home-based contractors" if outsourcing else "employed by the company"
        reasons[Label.HOMESHORING] = (
            f"The work is done from workers' homes inside {worker}, linked electronically ({kind})."
        )

    category = engagement.category
    if outsourcing and category is not None and category in _CATEGORY_LABEL:
        label = _CATEGORY_LABEL[category]
        reasons[label] = f"Outsourced {_CATEGORY_WORDS[category]} (category {category.value})."
        if label is Label.BPO and not onshore:
            reasons[Label.GLOBAL_BPO] = (
                f"Business-process outsourcing done outside the company's home country or "
                f"primary market (in {worker})."
            )

    labels = tuple(sorted(reasons, key=lambda label: label.value))
    return Classification(engagement=engagement, labels=labels, reasons=reasons)
