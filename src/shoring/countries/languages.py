"""Language fit of a country for the languages a piece of work needs (Babel's CLDR data).

Source: Unicode CLDR territory information as shipped in Babel
(``babel.core.get_global("territory_languages")``): for each territory, the share of the
population that speaks each language (``population_percent``) and its official status.  CLDR
covers every country, unlike EF EPI (sparse; shown beside it only where present).

Language fit for a set of work languages = the mean over those languages of the share of the
population speaking it (0-1).  Script variants count for their base language (``zh_Hant`` for
``zh``); when several variants are listed the largest share is used (they overlap, so they are
not added).  CLDR shares are estimates of speakers, including second-language speakers; they
say nothing about business fluency.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pycountry
from babel import Locale
from babel.core import get_global
from pydantic import BaseModel, ConfigDict

from shoring.errors import InputError

LANGUAGE_SOURCE = "Unicode CLDR territory language data, via Babel (population share, status)"


class LanguageShare(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    population_percent: float
    official_status: str | None


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    return {str(k): str(v) for k, v in Locale("en").languages.items()}


def language_name(code: str) -> str:
    return _language_names().get(code, code)


def resolve_language(value: str, field: str = "languages") -> str:
    """Normalise a language code (``EN``, ``en-US`` -> ``en``); unknown codes are an error."""
    code = value.strip().replace("-", "_").split("_")[0].lower()
    if code not in _language_names():
        raise InputError(field, value, "unknown language; use an ISO 639 code such as en, es, de")
    return code


def _alpha2(alpha3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise InputError("country", alpha3, "unknown ISO 3166 alpha-3 code")
    return str(country.alpha_2)


def spoken_languages(alpha3: str) -> list[LanguageShare]:
    """Languages of a country, largest population share first (empty if CLDR has none)."""
    table: dict[str, Any] = get_global("territory_languages").get(_alpha2(alpha3), {})
    shares = [
        LanguageShare(
            code=code,
            name=language_name(code.split("_")[0]) + (f" ({code})" if "_" in code else ""),
            population_percent=float(info.get("population_percent") or 0.0),
            official_status=info.get("official_status"),
        )
        for code, info in table.items()
    ]
    return sorted(shares, key=lambda s: -s.population_percent)


def language_share(alpha3: str, language: str) -> float:
    """Share (0-1) of the population speaking ``language`` (base code), 0 if not listed."""
    best = 0.0
    for share in spoken_languages(alpha3):
        if share.code.split("_")[0] == language:
            best = max(best, share.population_percent)
    return min(best, 100.0) / 100.0


def language_fit(alpha3: str, languages: Sequence[str]) -> float | None:
    """Mean share of the population speaking each work language, or ``None`` without data."""
    if not languages:
        raise InputError("languages", list(languages), "at least one language is needed")
    if not spoken_languages(alpha3):
        return None
    return sum(language_share(alpha3, lang) for lang in languages) / len(languages)


def main_official_language(alpha3: str) -> str | None:
    """The most widely spoken official language (the default work language for a home)."""
    for share in spoken_languages(alpha3):
        if share.official_status in ("official", "de_facto_official"):
            return share.code.split("_")[0]
    languages = spoken_languages(alpha3)
    return languages[0].code.split("_")[0] if languages else None
