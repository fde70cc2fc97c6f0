"""Typed, validated models of an engagement and of its classification (TAXONOMY.md s. 1-2)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from shoring.countries.resolve import resolve_country
from shoring.errors import InputError


class Workplace(StrEnum):
    """Where the people doing the work sit."""

    COMPANY_SITE = "company_site"
    PROVIDER_SITE = "provider_site"
    WORKER_HOME = "worker_home"


class Provider(StrEnum):
    """Who employs or contracts the people doing the work."""

    COMPANY = "company"
    SUBSIDIARY = "subsidiary"
    FREELANCER = "freelancer"
    OUTSOURCING_FIRM = "outsourcing_firm"
    STAFFING_AGENCY = "staffing_agency"


class Category(StrEnum):
    """The kind of work (TAXONOMY.md section 3)."""

    ITO = "ITO"
    BPO_FRONT = "BPO_FRONT"
    BPO_BACK = "BPO_BACK"
    SOFTWARE_RD = "SOFTWARE_RD"
    KPO = "KPO"
    NONE = "NONE"


class Label(StrEnum):
    """A derived fact about an engagement (TAXONOMY.md section 2)."""

    OUTSOURCING = "outsourcing"
    IN_HOUSE = "in_house"
    FREELANCE = "freelance"
    STAFFING = "staffing"
    ONSHORE = "onshore"
    OFFSHORING = "offshoring"
    NEARSHORING = "nearshoring"
    HOMESHORING = "homeshoring"
    CAPTIVE_OFFSHORING = "captive_offshoring"
    OFFSHORE_OUTSOURCING = "offshore_outsourcing"
    ITO = "ito"
    BPO = "bpo"
    SOFTWARE_RD = "software_rd"
    KPO = "kpo"
    GLOBAL_BPO = "global_bpo"


def category_text(value: object) -> object:
    """Validator helper: category codes are case-insensitive; blank means "not given"."""
    if isinstance(value, str):
        stripped = value.strip()
        return stripped.upper() if stripped else None
    return value


ENGAGEMENT_FIELDS = (
    "company_country",
    "primary_market",
    "worker_country",
    "workplace",
    "provider",
    "category",
)


class Engagement(BaseModel):
    """The facts we classify.  Countries are normalised to ISO 3166-1 alpha-3.

    ``primary_market`` defaults to ``company_country``.  ``category`` is optional; when it is
    missing and ``description`` is given, the categoriser may infer it (see
    :mod:`shoring.catalogue`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    company_country: str
    primary_market: str | None = None
    worker_country: str
    workplace: Workplace
    provider: Provider
    category: Category | None = None
    description: str | None = None

    @field_validator("company_country", "worker_country", "primary_market", mode="before")
    @classmethod
    def _country(cls, value: object, info: Any) -> object:
        if value is None and info.field_name == "primary_market":
            return None
        return resolve_country(value, field=info.field_name)

    _category = field_validator("category", mode="before")(category_text)

    @field_validator("workplace", "provider", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _default_market(self) -> Engagement:
        if self.primary_market is None:
            object.__setattr__(self, "primary_market", self.company_country)
        return self

    @property
    def market(self) -> str:
        """The primary market (never ``None`` after validation)."""
        return self.primary_market or self.company_country

    def normalised(self) -> dict[str, str | None]:
        """The engagement's fields as plain strings (countries as alpha-3)."""
        out: dict[str, str | None] = {
            "company_country": self.company_country,
            "primary_market": self.market,
            "worker_country": self.worker_country,
            "workplace": self.workplace.value,
            "provider": self.provider.value,
            "category": self.category.value if self.category is not None else None,
        }
        if self.description is not None:
            out["description"] = self.description
        return out


_ALLOWED: dict[str, tuple[str, ...]] = {
    "workplace": tuple(w.value for w in Workplace),
    "provider": tuple(p.value for p in Provider),
    "category": tuple(c.value for c in Category),
}


def parse_engagement(data: Mapping[str, Any]) -> Engagement:
    """Validate a mapping into an :class:`Engagement`, or raise one clear :class:`InputError`.

    The error names the first bad field, its value and (for enumerations) the allowed values.
    """
    try:
        return Engagement.model_validate(dict(data))
    except ValidationError as exc:
        raise _as_input_error(exc, data) from None


def _as_input_error(exc: ValidationError, data: Mapping[str, Any]) -> InputError:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else "engagement"
    ctx = error.get("ctx") or {}
    original = ctx.get("error")
    if isinstance(original, InputError):
        return original
    if error["type"] == "missing":
        return InputError(field, None, "required field is missing", allowed=_ALLOWED.get(field))
    if error["type"] == "extra_forbidden":
        return InputError(
            field,
            data.get(field),
            "unknown field",
            allowed=(*ENGAGEMENT_FIELDS, "description"),
        )
    value = data.get(field, error.get("input"))
    allowed = _ALLOWED.get(field)
    problem = "not one of the allowed values" if allowed else str(error["msg"])
    return InputError(field, value, problem, allowed=allowed)


class Classification(BaseModel):
    """The labels present for an engagement, each with a one-sentence reason."""

    model_config = ConfigDict(frozen=True)

    engagement: Engagement
    labels: tuple[Label, ...]
    reasons: dict[Label, str]

    def has(self, label: Label | str) -> bool:
        return Label(label) in self.labels

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``shoring classify --json``."""
        return {
            "labels": [label.value for label in self.labels],
            "reasons": {label.value: self.reasons[label] for label in self.labels},
            "engagement": self.engagement.normalised(),
        }
