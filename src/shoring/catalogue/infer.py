"""Fill in a missing work category from a free-text description (and say so)."""

from __future__ import annotations

from shoring.catalogue.categorise import Categoriser, get_categoriser
from shoring.catalogue.models import Categorisation
from shoring.taxonomy import Category, Engagement


def infer_category(
    engagement: Engagement, categoriser: Categoriser | None = None
) -> tuple[Engagement, Categorisation | None]:
    """Return the engagement with ``category`` inferred from ``description`` when it has none.

    The categorisation is returned too, so the caller can show the user what was inferred.
    When the categoriser is UNSURE the category stays empty (no category-based label is
    claimed) and the categorisation still carries the best guess.  An engagement that already
    has a category, or has no description, is returned unchanged with ``None``.
    """
    if engagement.category is not None or not engagement.description:
        return engagement, None
    result = (categoriser or get_categoriser()).categorise(engagement.description)
    if result.unsure:
        return engagement, result
    return engagement.model_copy(update={"category": Category(result.category)}), result
