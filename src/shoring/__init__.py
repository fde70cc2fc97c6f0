"""shoring: an open-source sourcing-strategy engine.

The Python API::

    >>> import shoring
    >>> result = shoring.classify(shoring.parse_engagement({
    ...     "company_country": "USA", "worker_country": "IND",
    ...     "workplace": "provider_site", "provider": "outsourcing_firm",
    ...     "category": "BPO_FRONT"}))
    >>> [label.value for label in result.labels]
    ['bpo', 'global_bpo', 'offshore_outsourcing', 'offshoring', 'outsourcing']
"""

from shoring.catalogue import Categorisation, categorise, load_catalogue
from shoring.countries import resolve_country
from shoring.errors import InputError, ShoringError
from shoring.taxonomy import (
    Category,
    Classification,
    Engagement,
    Label,
    Provider,
    Workplace,
    classify,
    parse_engagement,
)

__version__ = "0.1.0"

__all__ = [
    "Categorisation",
    "Category",
    "Classification",
    "Engagement",
    "InputError",
    "Label",
    "Provider",
    "ShoringError",
    "Workplace",
    "__version__",
    "categorise",
    "classify",
    "load_catalogue",
    "parse_engagement",
    "resolve_country",
]
