"""The categoriser: free text -> work category, calibrated confidence and catalogue matches.

A pure kernel (:func:`decide`) turns a backend's class probabilities and entry similarities
into a :class:`~shoring.catalogue.models.Categorisation`; :class:`Categoriser` binds a backend,
the catalogue and a threshold (the scikit-criteria "kernel function + small class" style).
Below the threshold the answer is ``UNSURE`` and ``best_guess`` still carries the top category:
an honest "not sure" beats a confident wrong answer that every later number would inherit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from shoring.catalogue.backends import CLASSES, Backend, FloatArray
from shoring.catalogue.models import UNSURE, CatalogueEntry, Categorisation, Match
from shoring.errors import InputError
from shoring.taxonomy import Category

#: Below this calibrated confidence the category is ``UNSURE``.  A design choice (not tuned on
#: any test set): at 0.5 the best guess is more likely right than wrong.
DEFAULT_THRESHOLD = 0.5
#: Longest text accepted, in characters.
MAX_TEXT_CHARS = 10_000
#: Number of catalogue matches returned.
TOP_MATCHES = 5

#: Matches scoring below this share of the best match's score are left out.
RELATIVE_MATCH_FLOOR = 0.5

BACKENDS = ("lexical", "semantic")

#: Evidence rule (lexical backend), so that text the model does not understand is ``UNSURE``
#: rather than confidently wrong.  The classifier always spreads its probability over the six
#: classes, and with no known word the intercept alone decides (e.g. "Stuff" -> NONE 0.63).
#: So the confidence is capped by the *evidence*: the larger of (a) the share of the text's
#: words known to the model's vocabulary and (b) the best catalogue match score divided by
#: :data:`MATCH_EVIDENCE_SCORE`, capped at 1.  0.15 is about the lower quartile of the best
#: match score of the calibration-split titles (chosen there, by reasoning, never on the
#: held-out sets): a text with no known word needs a catalogue match as good as a typical
#: real job title to keep its full confidence.
MATCH_EVIDENCE_SCORE = 0.15
#: Disagreement rule: when the best catalogue match belongs to another category and the
#: confidence is below this, the confidence is capped by the margin of the best guess over the
#: match's category.  On the calibration split, guesses below 0.6 that disagree with their top
#: match were right only about half the time.
DISAGREEMENT_CONFIDENCE = 0.6


def check_text(text: object, field: str = "text") -> str:
    """Return ``text`` stripped, or raise :class:`InputError` saying why it cannot be read."""
    if not isinstance(text, str):
        raise InputError(field, text, "must be a string of text")
    stripped = text.strip()
    if not stripped:
        raise InputError(field, text, "is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            field, f"{text[:40]}...", f"is {len(text)} characters long (max {MAX_TEXT_CHARS})"
        )
    if "\ufffd" in text:
        raise InputError(field, f"{text[:40]}", "contains bytes that are not UTF-8 text")
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r":
            raise InputError(field, f"{text[:40]}", f"contains a control character {ch!r}")
    return stripped


def decide(
    probabilities: FloatArray,
    entry_scores: FloatArray,
    entries: Sequence[CatalogueEntry],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    top: int = TOP_MATCHES,
    backend: str = "lexical",
    coverage: float | None = None,
) -> Categorisation:
    """The kernel: one text's class probabilities and entry scores -> a categorisation.

    ``coverage`` is the share of the text's words known to the model (``None``: the backend
    does not report it, and the evidence and disagreement rules are not applied).  With it,
    the confidence is ``min(p_best, max(coverage, min(1, top_score / MATCH_EVIDENCE_SCORE)))``
    and, when the best match's category is not the best guess and ``p_best`` is below
    :data:`DISAGREEMENT_CONFIDENCE`, at most ``p_best - p_match_category``.  ``probabilities``
    are returned unchanged.
    """
    best = int(np.argmax(probabilities))
    p_best = min(1.0, max(0.0, float(probabilities[best])))
    confidence = p_best
    best_guess = Category(CLASSES[best])
    order = np.argsort(-entry_scores, kind="stable")[:top]
    if coverage is not None:
        top_score = float(entry_scores[order[0]]) if len(order) else 0.0
        evidence = max(min(1.0, max(0.0, coverage)), min(1.0, top_score / MATCH_EVIDENCE_SCORE))
        confidence = min(confidence, evidence)
        if len(order) and top_score > 0 and p_best < DISAGREEMENT_CONFIDENCE:
            match_class = CLASSES.index(entries[int(order[0])].category.value)
            if match_class != best:
                margin = p_best - float(probabilities[match_class])
                confidence = max(0.0, min(confidence, margin))
    # keep the entries that are close to the best one (a weak tail is noise, not a match)
    floor = RELATIVE_MATCH_FLOOR * float(entry_scores[order[0]]) if len(order) else 0.0
    # model_construct: the values are built here from validated data (skips re-validation,
    # which would dominate the lexical backend's time per text)
    matches = tuple(
        Match.model_construct(
            code=entries[i].code,
            name=entries[i].name,
            score=min(1.0, float(entry_scores[i])),
            category=entries[i].category,
        )
        for i in order
        if entry_scores[i] > 0 and entry_scores[i] >= floor
    )
    return Categorisation.model_construct(
        category=best_guess.value if confidence >= threshold else UNSURE,
        confidence=confidence,
        best_guess=best_guess,
        matches=matches,
        probabilities={c: float(p) for c, p in zip(CLASSES, probabilities, strict=True)},
        backend=backend,
    )


class Categoriser:
    """A backend, the catalogue it was built from, and the UNSURE threshold."""

    def __init__(
        self,
        backend: Backend,
        entries: Sequence[CatalogueEntry],
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        codes = tuple(e.code for e in entries)
        if codes != backend.entry_codes:
            raise RuntimeError(
                f"the {backend.name} categoriser model was built from a different catalogue: "
                "run scripts/build_categoriser.py"
            )
        if not 0.0 <= threshold <= 1.0:
            raise InputError("threshold", threshold, "must be between 0 and 1")
        self.backend = backend
        self.entries = tuple(entries)
        self.threshold = threshold

    @property
    def name(self) -> str:
        return self.backend.name

    def categorise(self, text: str) -> Categorisation:
        """Categorise one text (raises :class:`InputError` for unreadable text)."""
        return self.categorise_many([text])[0]

    def categorise_many(self, texts: Sequence[str]) -> list[Categorisation]:
        """Categorise many texts at once; raises on the first unreadable one."""
        clean = [check_text(t) for t in texts]
        if not clean:
            return []
        probs, scores = self.backend.predict(clean)
        coverage_of = getattr(self.backend, "coverage", None)
        coverages = [coverage_of(t) for t in clean] if coverage_of else [None] * len(clean)
        return [
            decide(
                p, s, self.entries, threshold=self.threshold, backend=self.backend.name, coverage=c
            )
            for p, s, c in zip(probs, scores, coverages, strict=True)
        ]


@lru_cache(maxsize=2)
def get_categoriser(backend: str = "lexical") -> Categoriser:
    """The categoriser for ``backend`` (``lexical`` or ``semantic``), built once."""
    from shoring.io.catalogue import load_catalogue

    if backend == "lexical":
        from shoring.catalogue.backends.lexical import load_lexical

        return Categoriser(load_lexical(), load_catalogue())
    if backend == "semantic":
        from shoring.catalogue.backends.semantic import load_semantic

        return Categoriser(load_semantic(), load_catalogue())
    raise InputError("backend", backend, "unknown categoriser backend", allowed=BACKENDS)


def categorise(text: str, backend: str = "lexical") -> Categorisation:
    """Categorise a free-text description of work.

    >>> categorise("reading chest x-rays overnight").best_guess.value
    'KPO'
    """
    return get_categoriser(backend).categorise(text)


def categorise_many(texts: Sequence[str], backend: str = "lexical") -> list[Categorisation]:
    """Categorise many texts (faster than one call per text with the semantic backend)."""
    return get_categoriser(backend).categorise_many(texts)
