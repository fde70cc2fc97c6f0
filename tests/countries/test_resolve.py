from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shoring.countries import country_name, resolve_country
from shoring.countries.resolve import AMBIGUOUS
from shoring.errors import InputError


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("UK", "GBR"),
        ("uk", "GBR"),
        ("GB", "GBR"),
        ("gbr", "GBR"),
        ("United Kingdom", "GBR"),
        ("USA", "USA"),
        ("United States", "USA"),
        ("united states of america", "USA"),
        ("US", "USA"),
        ("Philippines", "PHL"),
        ("  india ", "IND"),
        ("South Korea", "KOR"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Czechia", "CZE"),
        ("Taiwan", "TWN"),
    ],
)
def test_resolves(text: str, alpha3: str) -> None:
    assert resolve_country(text) == alpha3


@given(st.sampled_from(list(pycountry.countries)))
def test_every_iso_code_and_name_resolves(country: object) -> None:
    alpha3 = country.alpha_3  # type: ignore[attr-defined]
    assert resolve_country(country.alpha_2.lower()) == alpha3  # type: ignore[attr-defined]
    assert resolve_country(alpha3.swapcase()) == alpha3
    name = country.name  # type: ignore[attr-defined]
    if name.casefold() in AMBIGUOUS:  # "Congo" is refused on purpose: it names two countries
        assert alpha3 in AMBIGUOUS[name.casefold()]
    else:
        assert resolve_country(name.upper()) == alpha3


@pytest.mark.parametrize("text", ["Atlantis", "XX", "Korea", "Congo", "", "   "])
def test_unknown_or_ambiguous_is_an_error(text: str) -> None:
    with pytest.raises(InputError) as info:
        resolve_country(text, field="worker_country")
    assert info.value.field == "worker_country"
    assert repr(text) in info.value.message


def test_ambiguous_lists_the_choices() -> None:
    with pytest.raises(InputError) as info:
        resolve_country("korea")
    assert info.value.allowed == ("KOR", "PRK")


def test_country_name() -> None:
    assert country_name("KOR") == "South Korea"
    assert country_name("IND") == "India"
