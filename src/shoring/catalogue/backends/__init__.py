"""Categoriser backends: ``lexical`` (default, NumPy only) and ``semantic`` (optional extra).

A backend turns texts into class probabilities (over :data:`CLASSES`) and similarity scores
against every catalogue entry.  The kernel in :mod:`shoring.catalogue.categorise` does the rest.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

#: Class order of every backend's probability vector.
CLASSES: tuple[str, ...] = ("ITO", "BPO_FRONT", "BPO_BACK", "SOFTWARE_RD", "KPO", "NONE")

FloatArray = npt.NDArray[np.float64]


class Backend(Protocol):
    """What the categoriser needs from a backend."""

    @property
    def name(self) -> str: ...

    @property
    def entry_codes(self) -> tuple[str, ...]: ...

    def predict(self, texts: list[str]) -> tuple[FloatArray, FloatArray]:
        """``(probabilities [n, 6], entry_scores [n, n_entries])`` for the texts."""
        ...


def softmax(logits: FloatArray, temperature: float = 1.0) -> FloatArray:
    """Row-wise softmax of ``logits / temperature`` (numerically stable)."""
    z = logits / temperature
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = e / e.sum(axis=-1, keepdims=True)
    return out


def log_softmax(logits: FloatArray, temperature: float = 1.0) -> FloatArray:
    """Row-wise log of :func:`softmax`."""
    z = logits / temperature
    z = z - z.max(axis=-1, keepdims=True)
    out: FloatArray = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return out


def blend(
    lexical_logits: FloatArray,
    lexical_temperature: float,
    semantic_logits: FloatArray,
    semantic_temperature: float,
    lexical_share: float,
) -> FloatArray:
    """Weighted sum of the two backends' calibrated log-probabilities (new logits)."""
    return lexical_share * log_softmax(lexical_logits, lexical_temperature) + (
        1.0 - lexical_share
    ) * log_softmax(semantic_logits, semantic_temperature)
