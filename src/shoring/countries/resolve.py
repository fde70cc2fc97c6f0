"""Resolve what a user types for a country into an ISO 3166-1 alpha-3 code.

Input is case-insensitive and may be an alpha-2 code, an alpha-3 code, an English name
(short, official or common name as pycountry has them) or an alias from :data:`ALIASES`.
Nothing is guessed: no fuzzy matching.  Unknown and ambiguous values raise
:class:`~shoring.errors.InputError` naming the field and the value.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from shoring.errors import InputError

#: Common names that are not ISO codes or pycountry names.  Each maps to one alpha-3 code.
ALIASES: dict[str, str] = {
    "uk": "GBR",
    "u.k.": "GBR",
    "great britain": "GBR",
    "britain": "GBR",
    "england": "GBR",
    "scotland": "GBR",
    "wales": "GBR",
    "northern ireland": "GBR",
    "usa": "USA",
    "u.s.": "USA",
    "u.s.a.": "USA",
    "us": "USA",
    "united states": "USA",
    "united states of america": "USA",
    "america": "USA",
    "south korea": "KOR",
    "republic of korea": "KOR",
    "north korea": "PRK",
    "russia": "RUS",
    "vietnam": "VNM",
    "viet nam": "VNM",
    "czech republic": "CZE",
    "czechia": "CZE",
    "turkey": "TUR",
    "turkiye": "TUR",
    "türkiye": "TUR",
    "iran": "IRN",
    "syria": "SYR",
    "laos": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "taiwan": "TWN",
    "hong kong": "HKG",
    "macau": "MAC",
    "macao": "MAC",
    "uae": "ARE",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "holland": "NLD",
    "the netherlands": "NLD",
    "the philippines": "PHL",
    "dr congo": "COD",
    "drc": "COD",
    "democratic republic of the congo": "COD",
    "republic of the congo": "COG",
    "cape verde": "CPV",
    "swaziland": "SWZ",
    "burma": "MMR",
    "east timor": "TLS",
    "palestine": "PSE",
    "vatican": "VAT",
    "brunei": "BRN",
    "micronesia": "FSM",
}

#: Names that refer to more than one country; asking for them is an error, not a guess.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "korea": ("KOR", "PRK"),
    "congo": ("COD", "COG"),
}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Lower-cased code or name -> alpha-3, built once from pycountry and the aliases."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        alpha3 = str(country.alpha_3)
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(str(value).casefold(), alpha3)
    for alias, alpha3 in ALIASES.items():
        index[alias.casefold()] = alpha3
    return index


def resolve_country(value: object, field: str = "country") -> str:
    """Return the ISO 3166-1 alpha-3 code for ``value``.

    >>> resolve_country("uk")
    'GBR'
    >>> resolve_country("Philippines")
    'PHL'

    Raises
    ------
    InputError
        When ``value`` is empty, not text, unknown or ambiguous.
    """
    if not isinstance(value, str) or not value.strip():
        raise InputError(field, value, "a country is required (ISO alpha-2, alpha-3 or name)")
    key = " ".join(value.split()).casefold()
    if key in AMBIGUOUS:
        raise InputError(
            field,
            value,
            "ambiguous country; use one of the ISO codes",
            allowed=AMBIGUOUS[key],
        )
    found = _index().get(key)
    if found is None:
        raise InputError(
            field,
            value,
            "unknown country; use an ISO 3166 alpha-2 or alpha-3 code or the English name",
        )
    return found


def country_name(alpha3: str) -> str:
    """Short English name of an alpha-3 code (pycountry's common name where it has one)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise InputError("country", alpha3, "unknown ISO 3166 alpha-3 code")
    return str(getattr(country, "common_name", None) or country.name)
