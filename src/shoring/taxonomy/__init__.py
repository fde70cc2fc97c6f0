"""The taxonomy: engagement models and the arrangement classifier (docs/TAXONOMY.md)."""

from shoring.taxonomy.classify import classify, offset_gap_hours
from shoring.taxonomy.models import (
    Category,
    Classification,
    Engagement,
    Label,
    Provider,
    Workplace,
    parse_engagement,
)

__all__ = [
    "Category",
    "Classification",
    "Engagement",
    "Label",
    "Provider",
    "Workplace",
    "classify",
    "offset_gap_hours",
    "parse_engagement",
]
