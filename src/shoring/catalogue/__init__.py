"""The work catalogue and the categoriser: free text to a work category (docs/TAXONOMY.md s. 3).

>>> from shoring.catalogue import categorise
>>> categorise("reading chest x-rays overnight").best_guess.value
'KPO'
"""

from __future__ import annotations

from shoring.catalogue.categorise import (
    DEFAULT_THRESHOLD,
    MAX_TEXT_CHARS,
    Categoriser,
    categorise,
    categorise_many,
    check_text,
    get_categoriser,
)
from shoring.catalogue.models import UNSURE, CatalogueEntry, Categorisation, Match


def load_catalogue() -> list[CatalogueEntry]:
    """The bundled work catalogue, validated (see :mod:`shoring.io.catalogue`)."""
    from shoring.io.catalogue import load_catalogue as _load

    return _load()


__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_TEXT_CHARS",
    "UNSURE",
    "CatalogueEntry",
    "Categorisation",
    "Categoriser",
    "Match",
    "categorise",
    "categorise_many",
    "check_text",
    "get_categoriser",
    "load_catalogue",
]
