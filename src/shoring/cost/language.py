"""Language proficiency of a country for a process's languages (0 = none, 1 = native)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pycountry
from babel.languages import get_official_languages

from shoring.countries.profiles import CountryProfile
from shoring.taxonomy import Category

#: Modelling assumption: EF EPI score mapped linearly to proficiency (400 -> 0, 650 -> 1).
EPI_ZERO, EPI_FULL = 400.0, 650.0
#: Modelling assumption: proficiency in a non-official language without data.
NO_DATA_PROFICIENCY = 0.2
#: Modelling assumption: share of the language penalty borne by work that is not
#: customer-facing but is done in the process languages (back office, KPO, IT, R&D: written
#: work, documents, tickets, colleagues).  Customer-facing work bears all of it.
WRITTEN_WORK_LANGUAGE_INTENSITY = 0.5


def language_intensity(
    category: Category, customer_facing: bool, languages: Sequence[str]
) -> float:
    """How much of the language penalty a process bears (0 = none, 1 = customer-facing).

    Customer-facing work (or front-office BPO): 1.  Other language-dependent work:
    :data:`WRITTEN_WORK_LANGUAGE_INTENSITY`.  Category NONE or no languages: 0.
    """
    if not languages or category is Category.NONE:
        return 0.0
    if customer_facing or category is Category.BPO_FRONT:
        return 1.0
    return WRITTEN_WORK_LANGUAGE_INTENSITY


@lru_cache(maxsize=512)
def official_languages(alpha3: str) -> frozenset[str]:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return frozenset()
    codes = get_official_languages(str(country.alpha_2), de_facto=True)
    return frozenset(code.split("_")[0] for code in codes)


def proficiency(profile: CountryProfile, languages: Sequence[str]) -> float:
    """The weakest proficiency over ``languages`` (the work needs all of them)."""
    official = official_languages(profile.iso3)
    worst = 1.0
    for lang in languages:
        if lang == "en" and profile.ef_epi_score is not None:
            # EF ranks only countries where English is not the native majority language
            # (India and the Philippines are ranked although English is official there).
            level = (profile.ef_epi_score - EPI_ZERO) / (EPI_FULL - EPI_ZERO)
            level = min(1.0, max(0.0, level))
        elif lang in official:
            level = 1.0
        else:
            level = NO_DATA_PROFICIENCY
        worst = min(worst, level)
    return worst
