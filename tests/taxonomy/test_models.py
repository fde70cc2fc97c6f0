"""Validation of engagements: every bad input is an InputError naming field and value."""

from __future__ import annotations

import pytest

from shoring.errors import InputError
from shoring.taxonomy import parse_engagement

GOOD = {
    "company_country": "USA",
    "worker_country": "IND",
    "workplace": "provider_site",
    "provider": "outsourcing_firm",
}


def test_primary_market_defaults_to_company_country() -> None:
    engagement = parse_engagement(GOOD)
    assert engagement.primary_market == "USA"
    assert engagement.market == "USA"


def test_enums_are_case_insensitive() -> None:
    engagement = parse_engagement({**GOOD, "workplace": "Provider_Site", "category": "kpo"})
    assert engagement.workplace.value == "provider_site"
    assert engagement.category is not None and engagement.category.value == "KPO"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("workplace", "office", "company_site, provider_site, worker_home"),
        ("provider", "vendor", "outsourcing_firm"),
        ("category", "HR", "BPO_BACK"),
        ("worker_country", "Atlantis", "unknown country"),
        ("company_country", "", "required"),
        ("company_country", "Korea", "ambiguous"),
        ("worker_country", 42, "required"),
    ],
)
def test_bad_values_name_field_and_value(field: str, value: object, words: str) -> None:
    with pytest.raises(InputError) as info:
        parse_engagement({**GOOD, field: value})
    assert info.value.field == field
    assert field in info.value.message
    assert words in info.value.message
    assert repr(value) in info.value.message


def test_missing_field() -> None:
    data = dict(GOOD)
    del data["provider"]
    with pytest.raises(InputError) as info:
        parse_engagement(data)
    assert info.value.field == "provider"
    assert "missing" in info.value.message
    assert "staffing_agency" in info.value.message


def test_unknown_field() -> None:
    with pytest.raises(InputError) as info:
        parse_engagement({**GOOD, "colour": "blue"})
    assert info.value.field == "colour"
    assert "unknown field" in info.value.message
