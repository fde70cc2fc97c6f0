"""Text features of the lexical categoriser: word unigrams and bigrams plus character n-grams.

Pure functions, shared by the build script (training) and the runtime (prediction) so that
both see exactly the same features.  Bump :data:`FEATURES_VERSION` when anything here changes;
the bundled model records it and refuses to load with a different version.
"""

from __future__ import annotations

import itertools
import re

FEATURES_VERSION = 2

_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
        "us",
        "all",
        "any",
        "do",
        "does",
        "doing",
        "done",
        "each",
        "every",
        "etc",
        "get",
        "gets",
        "lot",
        "lots",
        "my",
        "per",
        "some",
        "such",
        "than",
        "then",
        "there",
        "these",
        "those",
        "via",
        "would",
        "can",
        "could",
        "also",
        "about",
        "after",
        "before",
        "over",
        "under",
        "up",
        "down",
        "out",
        "off",
        "just",
        "only",
        "very",
        "most",
        "more",
        "other",
        "others",
        "own",
        "same",
        "too",
    ]
)


def stem(word: str) -> str:
    """A deliberately small suffix stripper (plural, -ing, -ed) that merges obvious variants."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


#: "Architects, Except Landscape and Naval": the words after "except" name what the text is
#: NOT about (a common pattern of occupation titles), so they are dropped.
_EXCEPT = re.compile(r"\bexcept\b[^,;.()]*")


def words(text: str) -> list[str]:
    """Lower-cased word tokens without stop words (and without "except ..." clauses)."""
    lowered = text.lower()
    if "except" in lowered:
        lowered = _EXCEPT.sub(" ", lowered)
    return [w for w in _WORD.findall(lowered) if w not in STOPWORDS]


def word_features(text: str) -> dict[str, float]:
    """Counts of stemmed word unigrams (``w:``) and adjacent bigrams (``b:``)."""
    counts: dict[str, float] = {}
    stems = [stem(w) for w in words(text)]
    for s in stems:
        key = "w:" + s
        counts[key] = counts.get(key, 0.0) + 1.0
    for left, right in itertools.pairwise(stems):
        key = "b:" + left + "_" + right
        counts[key] = counts.get(key, 0.0) + 1.0
    return counts


def char_features(text: str, sizes: tuple[int, ...] = (3, 4, 5)) -> dict[str, float]:
    """Counts of character n-grams inside each word padded with spaces (``c:``)."""
    counts: dict[str, float] = {}
    for word in words(text):
        padded = f" {word} "
        length = len(padded)
        for n in sizes:
            for start in range(length - n + 1):
                key = "c:" + padded[start : start + n]
                counts[key] = counts.get(key, 0.0) + 1.0
    return counts
