"""Country profiles: the figures of ``data/countries.csv``, each with its year and source.

A :class:`CountryProfile` is a validated value object.  Missing figures are ``None`` and stay
``None``; nothing is filled in here.  Source notes for every column are in
``data/countries_SOURCES.md`` (copied verbatim from the project's shared data folder).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

#: Short source citation per figure, shown beside the value wherever it is displayed.
SOURCES: dict[str, str] = {
    "gdp_pc_usd": "World Bank WDI NY.GDP.PCAP.CD, current US$ (June 2024 vintage)",
    "gdp_pc_ppp_const2021_intl": "World Bank WDI NY.GDP.PCAP.PP.KD, constant 2021 intl $ (OWID)",
    "ilo_mean_monthly_earnings_ppp2021": (
        "ILOSTAT EAR_4MTH_SEX_GEO_CUR_NB_A, mean monthly earnings, 2021 PPP $"
    ),
    "ef_epi_score": "EF English Proficiency Index, 2024 edition",
    "gsli_rank_2023": "Kearney Global Services Location Index 2023 (press coverage)",
    "gsli_rank_2021": "Kearney Global Services Location Index 2021 (press coverage)",
    "wgi": "World Bank Worldwide Governance Indicators, 2023 estimates (2024 update)",
    "population": "Our World in Data / UN WPP, total population",
    "labour_force_participation_15plus_pct": "ILOSTAT modelled estimates, LFPR 15+ (Gapminder)",
    "internet_users_pct": "World Bank WDI IT.NET.USER.ZS (ITU), % of population",
}


class Governance(BaseModel):
    """World Bank WGI point estimates (about -2.5 weak to +2.5 strong)."""

    model_config = ConfigDict(frozen=True)

    rule_of_law: float | None = None
    political_stability: float | None = None
    control_of_corruption: float | None = None
    government_effectiveness: float | None = None
    regulatory_quality: float | None = None
    voice_accountability: float | None = None
    year: int | None = None

    def mean(self) -> float | None:
        """Mean of the six indicators, or ``None`` if any is missing."""
        values = [
            self.rule_of_law,
            self.political_stability,
            self.control_of_corruption,
            self.government_effectiveness,
            self.regulatory_quality,
            self.voice_accountability,
        ]
        present = [v for v in values if v is not None]
        if len(present) != len(values):
            return None
        return sum(present) / len(present)


class CountryProfile(BaseModel):
    """Reference figures for one country.  ``None`` means no source had the figure."""

    model_config = ConfigDict(frozen=True)

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    gdp_pc_usd: float | None = Field(default=None, gt=0)
    gdp_pc_usd_year: int | None = None
    gdp_pc_ppp_const2021_intl: float | None = Field(default=None, gt=0)
    gdp_pc_ppp_year: int | None = None
    ilo_mean_monthly_earnings_ppp2021: float | None = Field(default=None, gt=0)
    ilo_earnings_year: int | None = None
    ilo_earnings_survey: str | None = None
    ef_epi_score: float | None = Field(default=None, ge=200, le=800)
    ef_epi_edition: int | None = None
    gsli_rank_2023: int | None = Field(default=None, ge=1)
    gsli_rank_2021: int | None = Field(default=None, ge=1)
    governance: Governance = Governance()
    population: int | None = Field(default=None, gt=0)
    population_year: int | None = None
    labour_force_participation_15plus_pct: float | None = Field(default=None, ge=0, le=100)
    lfpr_year: int | None = None
    internet_users_pct: float | None = Field(default=None, ge=0, le=100)
    internet_users_year: int | None = None
    #: Data-quality notes made while loading (for example a source value rejected as invalid).
    notes: tuple[str, ...] = ()

    @property
    def price_level(self) -> float | None:
        """Price level relative to the US, approximated by GDP per capita US$ / PPP $."""
        if self.gdp_pc_usd is None or self.gdp_pc_ppp_const2021_intl is None:
            return None
        return self.gdp_pc_usd / self.gdp_pc_ppp_const2021_intl
