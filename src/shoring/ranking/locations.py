"""Rank countries as locations for a piece of work (the orchestrator of this concern).

``rank_locations`` builds the criteria matrix from the bundled country profiles, scores it with
TOPSIS (default) or the weighted sum, and runs the weight-sensitivity analysis.

Decisions
---------
- Candidates: every country of the bundled ``countries.csv`` except the home country (moving
  work to where it already is is not a location decision; ``include_home=True`` adds it as a
  baseline).
- Missing figures: a country lacking a figure for a criterion with a positive weight is
  excluded and listed with the criteria it lacks.  With ``impute=True`` it is kept: labour
  cost first tries the labelled GDP-per-capita proxy, any other gap gets the median of the
  candidates that have the figure; every imputed value is labelled per country and criterion.
- Kearney GSLI ranks are attached as a published reference; they are never an input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from statistics import median
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from shoring.countries.languages import main_official_language, resolve_language
from shoring.countries.profiles import CountryProfile
from shoring.countries.resolve import resolve_country
from shoring.errors import InputError
from shoring.ranking.ahp import AhpResult
from shoring.ranking.criteria import (
    BY_NAME,
    CRITERIA,
    CRITERION_NAMES,
    DEFAULT_WEIGHTS,
    CriterionValue,
    complete_weights,
    criterion_values,
)
from shoring.ranking.mcda import constant_columns, rank_scores, topsis, weighted_sum
from shoring.ranking.sensitivity import Method, SamplingMode, rank_sensitivity
from shoring.taxonomy import Category


class RankedCountry(BaseModel):
    model_config = ConfigDict(frozen=True)

    country: str
    name: str
    score: float
    rank: int
    p_top3: float
    p_top10: float
    criteria: dict[str, float | None]
    imputed: dict[str, str]
    gsli_rank_2023: int | None
    gsli_rank_2021: int | None
    #: EF English Proficiency Index 2024 (sparse), shown beside language fit; not an input.
    ef_epi_score: float | None


class Excluded(BaseModel):
    model_config = ConfigDict(frozen=True)

    country: str
    name: str
    missing: list[str]


class LocationRanking(BaseModel):
    model_config = ConfigDict(frozen=True)

    home: str
    category: Category
    languages: list[str]
    method: str
    year: int
    weights: dict[str, float]
    weights_source: str
    ahp: AhpResult | None
    ranking: list[RankedCountry]
    excluded: list[Excluded]
    sensitivity: dict[str, Any]
    warnings: list[str]

    def to_json(self, top: int | None = None) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        if top is not None:
            data["ranking"] = data["ranking"][:top]
        data["criteria"] = {
            c.name: {
                "label": c.label,
                "direction": "benefit" if c.benefit else "cost",
                "unit": c.unit,
                "source": c.source,
                "how": c.how,
            }
            for c in CRITERIA
        }
        data["reference"] = (
            "gsli_rank_2023/gsli_rank_2021: Kearney Global Services Location Index, from press "
            "coverage; ef_epi_score: EF English Proficiency Index 2024 (18 of 80 countries). "
            "Both are shown for comparison only, never inputs."
        )
        return data


def parse_category(value: Category | str) -> Category:
    """A work category from its name (case-insensitive); unknown names are an InputError."""
    if isinstance(value, Category):
        return value
    try:
        return Category(str(value).strip().upper())
    except ValueError:
        raise InputError(
            "category", value, "unknown category", allowed=[c.value for c in Category]
        ) from None


def rank_locations(
    home: str,
    category: Category | str,
    languages: Sequence[str] | None = None,
    weights: Mapping[str, float] | None = None,
    *,
    profiles: Mapping[str, CountryProfile] | None = None,
    method: Method = "topsis",
    year: int | None = None,
    candidates: Sequence[str] | None = None,
    include_home: bool = False,
    impute: bool = False,
    draws: int = 10_000,
    sampling: SamplingMode = "centred",
    concentration: float = 1.0,
    seed: int | None = 0,
    ahp: AhpResult | None = None,
    weights_source: str | None = None,
) -> LocationRanking:
    """Rank candidate countries for work of ``category`` done for a company in ``home``.

    ``weights`` (criterion -> non-negative weight) replaces the category's default profile;
    unlisted criteria weigh 0.  ``languages`` defaults to the home country's main official
    language (CLDR).  Returns every ranked country, best first.
    """
    if profiles is None:
        from shoring.io.bundled import country_profiles

        profiles = country_profiles()
    home3 = resolve_country(home, "home")
    cat = parse_category(category)
    if method not in ("topsis", "weighted_sum"):
        raise InputError("method", method, "unknown method", allowed=("topsis", "weighted_sum"))
    if languages:
        langs = list(dict.fromkeys(resolve_language(v) for v in languages))
    else:
        default = main_official_language(home3)
        if default is None:
            raise InputError("languages", None, "no default language for the home; give one")
        langs = [default]
    if weights is None:
        w_map = complete_weights(DEFAULT_WEIGHTS[cat])
        source = f"default profile for {cat.value} (assumption; see criteria docs)"
    else:
        w_map = complete_weights(weights)
        source = "AHP pairwise matrix" if ahp is not None else "user weights"
    source = weights_source or source
    the_year = year if year is not None else date.today().year

    if candidates is None:
        pool = [c for c in profiles if include_home or c != home3]
    else:
        pool = []
        for index, value in enumerate(candidates):
            code = resolve_country(value, f"candidates[{index}]")
            if code not in profiles:
                raise InputError(
                    f"candidates[{index}]", value, "no bundled figures for this country"
                )
            pool.append(code)
        pool = list(dict.fromkeys(pool))
    active = [name for name in CRITERION_NAMES if w_map[name] > 0]

    values: dict[str, dict[str, CriterionValue]] = {
        code: criterion_values(
            profiles[code],
            home=home3,
            languages=langs,
            year=the_year,
            profiles=profiles,
            allow_proxy=impute,
        )
        for code in pool
    }
    imputed: dict[str, dict[str, str]] = {code: {} for code in pool}
    for code in pool:
        for name, cv in values[code].items():
            if cv.imputed:
                imputed[code][name] = cv.note or "imputed"
    excluded: list[Excluded] = []
    if impute:
        for name in active:
            present = [v for c in pool if (v := values[c][name].value) is not None]
            if not present:
                continue
            fill = float(median(present))
            for code in pool:
                if values[code][name].value is None:
                    note = f"imputed: median of {len(present)} candidate countries"
                    values[code][name] = CriterionValue(value=fill, imputed=True, note=note)
                    imputed[code][name] = note
    kept: list[str] = []
    for code in pool:
        missing = [name for name in active if values[code][name].value is None]
        if missing:
            excluded.append(Excluded(country=code, name=profiles[code].name, missing=missing))
        else:
            kept.append(code)
    if not kept:
        raise InputError("candidates", pool, "no country has every figure the criteria need")

    matrix = np.array([[values[c][n].value for n in active] for c in kept], dtype=np.float64)
    w = np.array([w_map[n] for n in active])
    benefit = np.array([BY_NAME[n].benefit for n in active])
    warnings = [
        f"criterion {active[i]} has the same value for every country; it cannot separate them"
        for i in constant_columns(matrix)
    ]
    if len(kept) > 1:
        scores = (topsis if method == "topsis" else weighted_sum)(matrix, w, benefit)
    else:
        scores = np.ones(1)
    ranks = rank_scores(scores)
    sens = rank_sensitivity(
        matrix,
        w,
        benefit,
        method=method,
        n_draws=draws,
        mode=sampling,
        concentration=concentration,
        seed=seed,
    )
    order = sorted(range(len(kept)), key=lambda i: (int(ranks[i]), kept[i]))
    ranking = [
        RankedCountry(
            country=kept[i],
            name=profiles[kept[i]].name,
            score=float(scores[i]),
            rank=int(ranks[i]),
            p_top3=sens.p_top3[i],
            p_top10=sens.p_top10[i],
            criteria={name: values[kept[i]][name].value for name in CRITERION_NAMES},
            imputed=imputed[kept[i]],
            gsli_rank_2023=profiles[kept[i]].gsli_rank_2023,
            gsli_rank_2021=profiles[kept[i]].gsli_rank_2021,
            ef_epi_score=profiles[kept[i]].ef_epi_score,
        )
        for i in order
    ]
    return LocationRanking(
        home=home3,
        category=cat,
        languages=langs,
        method=method,
        year=the_year,
        weights=w_map,
        weights_source=source,
        ahp=ahp,
        ranking=ranking,
        excluded=sorted(excluded, key=lambda e: e.country),
        sensitivity={
            "draws": sens.draws,
            "sampling": sampling,
            "concentration": sens.concentration,
            "seed": sens.seed,
            "distribution": (
                "Dirichlet(1,...,1) over the criteria with positive weight"
                if sampling == "uniform"
                else "Dirichlet(k*w), mean = the weights, k = number of weighted criteria "
                "x concentration"
            ),
        },
        warnings=warnings,
    )
