"""Typed models of the work catalogue and of a categorisation."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shoring.taxonomy import Category

#: The value of :attr:`Categorisation.category` when the categoriser is not sure enough.
UNSURE = "UNSURE"

RegulatedData = Literal["personal", "health", "financial"]

_CODE = re.compile(r"^(ITO|BPF|BPB|SRD|KPO|NON)-[A-Z0-9-]+$")
_SOC = re.compile(r"^\d{2}-\d{4}$")
_PREFIX = {"ITO": "ITO", "BPF": "BPO_FRONT", "BPB": "BPO_BACK", "SRD": "SOFTWARE_RD"}

BLINDER_CITATION = (
    "Blinder, A. S. (2009), 'How Many US Jobs Might Be Offshorable?', World Economics 10(2); "
    "index 25-100, higher = easier to offshore"
)


class CatalogueEntry(BaseModel):
    """One kind of work that companies outsource or consider outsourcing.

    ``offshorability`` is Blinder's index (25-100) averaged over the entry's ranked SOC codes,
    or ``None`` when none of them is ranked ("not ranked", not zero).  The other attributes are
    the catalogue authors' judgement (see ``data/catalogue.yaml``).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str = Field(min_length=3)
    description: str = Field(min_length=10)
    examples: tuple[str, ...] = Field(min_length=1)
    category: Category
    soc_codes: tuple[str, ...]
    customer_facing: bool
    language_intensity: float = Field(ge=0.0, le=1.0)
    skill_level: int = Field(ge=1, le=4)
    realtime_overlap: bool
    regulated_data: tuple[RegulatedData, ...] = ()
    offshorability: float | None = Field(default=None, ge=25.0, le=100.0)
    offshorability_source: str = "not ranked"

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _CODE.match(value):
            raise ValueError("code must look like ITO-HELPDESK (prefix ITO/BPF/BPB/SRD/KPO/NON)")
        return value

    @field_validator("soc_codes")
    @classmethod
    def _socs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for soc in value:
            if not _SOC.match(soc):
                raise ValueError(f"not a SOC 2018 detailed code: {soc!r}")
        return value

    def text(self) -> str:
        """Name, description and examples as one text (what the categorisers read)."""
        return ". ".join([self.name, self.description, *self.examples])

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["examples"] = list(self.examples)
        return data


class Match(BaseModel):
    """A catalogue entry that matched a text, with its similarity score (0..1)."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    score: float
    category: Category

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "score": round(self.score, 4)}


class Categorisation(BaseModel):
    """What kind of work a text describes.

    ``category`` is one of the six :class:`~shoring.taxonomy.Category` values, or ``"UNSURE"``
    when ``confidence`` (a calibrated probability that ``best_guess`` is right) is below the
    categoriser's threshold.  ``best_guess`` is the top category even when unsure.
    """

    model_config = ConfigDict(frozen=True)

    category: str
    confidence: float = Field(ge=0.0, le=1.0)
    best_guess: Category
    matches: tuple[Match, ...]
    probabilities: dict[str, float] = Field(default_factory=dict)
    backend: str = "lexical"

    @property
    def unsure(self) -> bool:
        return self.category == UNSURE

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``shoring categorize --json``."""
        return {
            "category": self.category,
            "confidence": round(self.confidence, 4),
            "best_guess": self.best_guess.value,
            "matches": [m.to_json() for m in self.matches],
        }


def category_of_code(code: str) -> Category:
    """The category a catalogue code's prefix stands for (``BPF-...`` -> BPO_FRONT)."""
    prefix = code.split("-", 1)[0]
    return Category(_PREFIX.get(prefix, "NONE" if prefix == "NON" else prefix))
