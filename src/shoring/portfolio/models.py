"""The portfolio a user describes: company, processes, candidate options, constraints.

Validated pydantic models (the PRODUCT.md format, extended where the cost model needs more):

- ``parameters`` (on the portfolio, a process or an option) overrides any cost-model parameter
  (see :mod:`shoring.cost.parameters`); the most specific level wins (option > process >
  portfolio > default).
- ``Process.skill_level`` (1-4) overrides the category's default skill level.
- ``Process.options`` lists the ids of the portfolio-level options that apply to this process
  (default: all of them).

Countries are normalised to ISO alpha-3 through :func:`shoring.countries.resolve_country`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shoring.countries.resolve import resolve_country
from shoring.taxonomy import Category, Provider, Workplace
from shoring.taxonomy.models import category_text

#: A parameter override: a number (fixed) or a distribution mapping (see ``cost.parameters``).
ParameterValue = float | dict[str, Any]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("an id is letters, digits and . _ : - (no spaces), starting alphanumeric")
    return value


class Company(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    name: str = Field(min_length=1)
    country: str
    primary_market: str | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    discount_rate: float = Field(default=0.08, ge=0.0, lt=1.0)
    horizon_years: float = Field(default=5.0, gt=0.0, le=30.0)

    @field_validator("country", "primary_market", mode="before")
    @classmethod
    def _country(cls, value: object, info: Any) -> object:
        if value is None:
            return None
        return resolve_country(value, field=f"company.{info.field_name}")

    @field_validator("currency")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value is not None else None

    @field_validator("horizon_years")
    @classmethod
    def _whole_quarters(cls, value: float) -> float:
        if abs(value * 4 - round(value * 4)) > 1e-9:
            raise ValueError(
                "the horizon is simulated in quarters: give a multiple of 0.25 years "
                "(e.g. 1, 2.5, 5)"
            )
        return value

    @property
    def market(self) -> str:
        return self.primary_market or self.country

    @property
    def quarters(self) -> int:
        """Number of quarterly periods over the horizon (a whole number, at least one)."""
        return max(1, round(self.horizon_years * 4))


class OptionSpec(BaseModel):
    """A candidate way of doing a process: who, where, in what kind of workplace."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    id: str
    country: str
    provider: Provider
    workplace: Workplace
    parameters: dict[str, ParameterValue] = Field(default_factory=dict)

    _id = field_validator("id")(_check_id)

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> object:
        return resolve_country(value, field="country")

    @field_validator("provider", "workplace", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


class Process(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    id: str
    name: str = Field(min_length=1)
    description: str | None = None
    category: Category | None = None
    fte: float = Field(gt=0.0, le=1_000_000)
    annual_cost_per_fte: float | None = Field(default=None, gt=0.0, le=100_000_000)
    languages: tuple[str, ...] = ("en",)
    customer_facing: bool = False
    critical_knowledge: bool = False
    skill_level: int | None = Field(default=None, ge=1, le=4)
    options: tuple[str, ...] | None = None
    parameters: dict[str, ParameterValue] = Field(default_factory=dict)

    _id = field_validator("id")(_check_id)

    _category = field_validator("category", mode="before")(category_text)

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part for part in re.split(r"[;,\s]+", value) if part]
        if isinstance(value, list | tuple):
            out = [str(v).strip().lower() for v in value]
            for code in out:
                if not re.match(r"^[a-z]{2,3}$", code):
                    raise ValueError("a language is an ISO 639 code such as en, es, fr")
            return tuple(out) or ("en",)
        return value

    @property
    def text(self) -> str:
        """What the categoriser reads: the name and the description."""
        return f"{self.name}. {self.description}" if self.description else self.name


class Constraints(BaseModel):
    """Cautious defaults (PRODUCT.md); used by the optimiser and the jobs pacing."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    max_offshore_share: float = Field(default=0.6, ge=0.0, le=1.0)
    max_move_per_quarter: float = Field(default=0.15, gt=0.0, le=1.0)
    pilot_share: float = Field(default=0.1, ge=0.0, le=1.0)


class Portfolio(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    company: Company
    processes: tuple[Process, ...] = Field(min_length=1)
    options: tuple[OptionSpec, ...] | None = None
    constraints: Constraints = Constraints()
    parameters: dict[str, ParameterValue] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> Portfolio:
        seen: set[str] = set()
        for process in self.processes:
            if process.id in seen:
                raise ValueError(f"duplicate process id {process.id!r}")
            seen.add(process.id)
        option_ids = [o.id for o in self.options or ()]
        if len(set(option_ids)) != len(option_ids):
            raise ValueError("duplicate option id")
        for process in self.processes:
            for ref in process.options or ():
                if ref not in option_ids:
                    raise ValueError(
                        f"process {process.id!r} refers to option {ref!r}, "
                        "which is not in the portfolio's options"
                    )
        return self

    def with_processes(self, processes: tuple[Process, ...]) -> Portfolio:
        return self.model_copy(update={"processes": processes})
