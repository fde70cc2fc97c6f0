"""The classifier against every rule of TAXONOMY.md section 2 and the seeds' worked examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shoring.taxonomy import Category, Label, Provider, Workplace, classify, parse_engagement


def labels_of(**fields: str) -> set[str]:
    return {label.value for label in classify(parse_engagement(fields)).labels}


# --- the seeds' worked examples (TAXONOMY.md section 2) -------------------------------------


def test_us_home_agents_are_homeshoring_not_outsourcing() -> None:
    assert labels_of(
        company_country="USA",
        worker_country="USA",
        workplace="worker_home",
        provider="company",
        category="BPO_FRONT",
    ) == {"in_house", "onshore", "homeshoring"}


def test_us_company_with_indian_call_centre_vendor() -> None:
    assert labels_of(
        company_country="USA",
        worker_country="IND",
        workplace="provider_site",
        provider="outsourcing_firm",
        category="BPO_FRONT",
    ) == {"outsourcing", "offshoring", "offshore_outsourcing", "bpo", "global_bpo"}


def test_freelancer_editing_newsletter_at_home() -> None:
    found = labels_of(
        company_country="USA",
        worker_country="USA",
        workplace="worker_home",
        provider="freelancer",
    )
    assert found == {"outsourcing", "freelance", "onshore", "homeshoring"}


# --- individual rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "expected"),
    [
        ("company", {"in_house"}),
        ("subsidiary", {"in_house"}),
        ("freelancer", {"outsourcing", "freelance"}),
        ("outsourcing_firm", {"outsourcing"}),
        ("staffing_agency", {"outsourcing", "staffing"}),
    ],
)
def test_provider_rules(provider: str, expected: set[str]) -> None:
    found = labels_of(
        company_country="DE",
        worker_country="DEU",
        workplace="company_site",
        provider=provider,
    )
    assert found == expected | {"onshore"}


def test_primary_market_counts_as_onshore() -> None:
    found = labels_of(
        company_country="IRL",
        primary_market="GBR",
        worker_country="GBR",
        workplace="provider_site",
        provider="outsourcing_firm",
        category="BPO_BACK",
    )
    assert "onshore" in found
    assert "offshoring" not in found
    assert "global_bpo" not in found
    assert "bpo" in found


def test_nearshoring_within_three_hours() -> None:
    # Washington (UTC-5) and Mexico City (UTC-6): 1 hour apart.
    assert "nearshoring" in labels_of(
        company_country="USA", worker_country="MEX", workplace="provider_site", provider="company"
    )
    # Washington and Delhi (UTC+5:30): 10.5 hours apart.
    assert "nearshoring" not in labels_of(
        company_country="USA", worker_country="IND", workplace="provider_site", provider="company"
    )


def test_nearshoring_boundary_is_inclusive() -> None:
    # Berlin (UTC+1) and Moscow (UTC+3): 2 hours; Berlin and Dubai (UTC+4): exactly 3 hours.
    assert "nearshoring" in labels_of(
        company_country="DEU", worker_country="ARE", workplace="provider_site", provider="company"
    )
    # Berlin and Karachi (UTC+5): 4 hours.
    assert "nearshoring" not in labels_of(
        company_country="DEU", worker_country="PAK", workplace="provider_site", provider="company"
    )


def test_nearshoring_uses_company_country_not_market() -> None:
    # Company in Spain selling mainly in the US; work in Morocco (UTC+1, same as Madrid's
    # standard offset) is offshore relative to both and near the company's home.
    found = labels_of(
        company_country="ESP",
        primary_market="USA",
        worker_country="MAR",
        workplace="provider_site",
        provider="outsourcing_firm",
    )
    assert {"offshoring", "nearshoring"} <= found


def test_captive_offshoring() -> None:
    found = labels_of(
        company_country="GBR", worker_country="IND", workplace="company_site", provider="subsidiary"
    )
    assert found == {"in_house", "offshoring", "captive_offshoring"}


def test_home_work_abroad_is_not_homeshoring() -> None:
    found = labels_of(
        company_country="USA", worker_country="PHL", workplace="worker_home", provider="freelancer"
    )
    assert "homeshoring" not in found
    assert "offshore_outsourcing" in found


@pytest.mark.parametrize(
    ("category", "label"),
    [
        ("ITO", "ito"),
        ("BPO_FRONT", "bpo"),
        ("BPO_BACK", "bpo"),
        ("SOFTWARE_RD", "software_rd"),
        ("KPO", "kpo"),
    ],
)
def test_category_labels_need_outsourcing(category: str, label: str) -> None:
    base = {"company_country": "USA", "worker_country": "USA", "workplace": "provider_site"}
    assert label in labels_of(**base, provider="outsourcing_firm", category=category)
    assert label not in labels_of(**base, provider="company", category=category)


def test_category_none_and_missing_give_no_category_label() -> None:
    base = {
        "company_country": "USA",
        "worker_country": "IND",
        "workplace": "provider_site",
        "provider": "outsourcing_firm",
    }
    category_labels = {"ito", "bpo", "software_rd", "kpo", "global_bpo"}
    assert not labels_of(**base, category="NONE") & category_labels
    assert not labels_of(**base) & category_labels


def test_every_present_label_has_a_reason_sentence() -> None:
    result = classify(
        parse_engagement(
            {
                "company_country": "USA",
                "worker_country": "MEX",
                "workplace": "provider_site",
                "provider": "outsourcing_firm",
                "category": "BPO_BACK",
            }
        )
    )
    assert set(result.reasons) == set(result.labels)
    for reason in result.reasons.values():
        assert reason.endswith(".") and len(reason) > 20
    assert "Mexico" in result.reasons[Label.OFFSHORING]
    assert "1 hour " in result.reasons[Label.NEARSHORING]


def test_json_contract() -> None:
    result = classify(
        parse_engagement(
            {
                "company_country": "gb",
                "worker_country": "india",
                "workplace": "provider_site",
                "provider": "outsourcing_firm",
            }
        )
    )
    out = result.to_json()
    assert set(out) == {"labels", "reasons", "engagement"}
    assert out["labels"] == sorted(out["labels"])
    assert set(out["reasons"]) == set(out["labels"])
    assert out["engagement"]["company_country"] == "GBR"
    assert out["engagement"]["worker_country"] == "IND"
    assert out["engagement"]["primary_market"] == "GBR"


# --- invariants (property-based) ------------------------------------------------------------

COUNTRIES = ["USA", "GBR", "IND", "PHL", "MEX", "DEU", "POL", "CAN", "BRA", "JPN", "ZAF", "NZL"]

engagements = st.fixed_dictionaries(
    {
        "company_country": st.sampled_from(COUNTRIES),
        "worker_country": st.sampled_from(COUNTRIES),
        "workplace": st.sampled_from([w.value for w in Workplace]),
        "provider": st.sampled_from([p.value for p in Provider]),
    },
    optional={
        "primary_market": st.sampled_from(COUNTRIES),
        "category": st.sampled_from([c.value for c in Category]),
    },
)


@given(engagements)
def test_invariants(fields: dict[str, str]) -> None:
    result = classify(parse_engagement(fields))
    labels = {label.value for label in result.labels}
    assert len(labels & {"in_house", "outsourcing"}) == 1
    assert len(labels & {"onshore", "offshoring"}) == 1
    assert ("freelance" in labels) == (fields["provider"] == "freelancer")
    assert ("staffing" in labels) == (fields["provider"] == "staffing_agency")
    if "global_bpo" in labels:
        assert {"bpo", "offshoring"} <= labels
    if "nearshoring" in labels:
        assert "offshoring" in labels
    if "homeshoring" in labels:
        assert "onshore" in labels and fields["workplace"] == "worker_home"
    assert ("captive_offshoring" in labels) == ({"offshoring", "in_house"} <= labels)
    assert ("offshore_outsourcing" in labels) == ({"offshoring", "outsourcing"} <= labels)
    for label in ("ito", "bpo", "software_rd", "kpo"):
        if label in labels:
            assert "outsourcing" in labels
    assert set(result.reasons) == set(result.labels)
    assert list(result.labels) == sorted(result.labels, key=lambda label: label.value)


@given(engagements)
def test_country_spelling_does_not_matter(fields: dict[str, str]) -> None:
    import pycountry

    respelled = dict(fields)
    for key in ("company_country", "worker_country", "primary_market"):
        if key in respelled:
            country = pycountry.countries.get(alpha_3=respelled[key])
            respelled[key] = str(country.alpha_2).lower()
    assert classify(parse_engagement(fields)).labels == classify(parse_engagement(respelled)).labels
