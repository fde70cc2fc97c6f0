"""Language fit from Babel's CLDR territory data."""

from __future__ import annotations

import pytest
from babel.core import get_global

from shoring.countries.languages import (
    language_fit,
    language_share,
    main_official_language,
    resolve_language,
    spoken_languages,
)
from shoring.errors import InputError
from shoring.io.bundled import country_profiles

CLDR = get_global("territory_languages")


def test_share_is_cldr_population_percent() -> None:
    assert language_share("PHL", "en") == CLDR["PH"]["en"]["population_percent"] / 100
    assert language_share("IND", "hi") == CLDR["IN"]["hi"]["population_percent"] / 100


def test_script_variants_count_for_their_base_language() -> None:
    # Taiwan lists Chinese only as zh_Hant.
    assert "zh" not in CLDR["TW"]
    assert language_share("TWN", "zh") == CLDR["TW"]["zh_Hant"]["population_percent"] / 100


def test_fit_is_the_mean_over_work_languages() -> None:
    both = language_fit("IND", ["en", "hi"])
    assert both == pytest.approx((language_share("IND", "en") + language_share("IND", "hi")) / 2)


def test_language_not_spoken_gives_zero() -> None:
    assert language_share("JPN", "sw") == 0.0


def test_every_bundled_country_has_a_fit_in_unit_interval() -> None:
    for code in country_profiles():
        fit = language_fit(code, ["en", "es"])
        assert fit is not None and 0.0 <= fit <= 1.0


def test_spoken_languages_sorted_by_share() -> None:
    shares = [s.population_percent for s in spoken_languages("CHE")]
    assert shares == sorted(shares, reverse=True)
    assert {"de", "fr", "it"} <= {s.code for s in spoken_languages("CHE")}


def test_main_official_language() -> None:
    assert main_official_language("USA") == "en"
    assert main_official_language("BRA") == "pt"


def test_resolve_language() -> None:
    assert resolve_language("EN") == "en"
    assert resolve_language("pt-BR") == "pt"
    with pytest.raises(InputError, match="unknown language"):
        resolve_language("zz")
    with pytest.raises(InputError):
        language_fit("PHL", [])
