"""The default backend: TF-IDF word and character n-grams and a linear (logistic) classifier.

Everything is NumPy.  The model is trained at build time by ``scripts/build_categoriser.py``
(scikit-learn's logistic regression, a dev-only dependency) and shipped as
``data/categoriser_lexical.npz``: the vocabulary, IDF weights, class weights, the calibration
temperature and an inverted index of the catalogue entries for the top matches.  Loading is a
file read, so the categoriser answers within a fraction of a second of start.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from shoring.catalogue.backends import CLASSES, FloatArray, softmax
from shoring.catalogue.features import (
    FEATURES_VERSION,
    char_features,
    stem,
    word_features,
    words,
)

MODEL_FILE = "categoriser_lexical.npz"

IntArray = npt.NDArray[np.int64]


class Vectoriser:
    """Maps texts to sparse, L2-normalised TF-IDF vectors.

    Word features and character features are weighted TF-IDF blocks, each normalised, then
    combined and normalised again.  The character n-grams of each distinct word are looked up
    once and cached (words repeat), and a batch of texts is weighted with a few NumPy calls.
    """

    def __init__(
        self, vocab: dict[str, int], idf: FloatArray, word_weight: float, char_weight: float
    ) -> None:
        self.vocab = vocab
        self.idf = idf
        self.word_weight = word_weight
        self.char_weight = char_weight
        self.is_char = np.zeros(len(vocab), dtype=bool)
        for key, j in vocab.items():
            self.is_char[j] = key.startswith("c:")
        self._chars: dict[str, list[int]] = {}

    def _char_ids(self, word: str) -> list[int]:
        ids = self._chars.get(word)
        if ids is None:
            vocab = self.vocab
            ids = []
            for key, count in char_features(word).items():
                j = vocab.get(key)
                if j is not None:
                    ids.extend([j] * int(count))
            if len(self._chars) < 200_000:
                self._chars[word] = ids
        return ids

    def ids(self, text: str) -> list[int]:
        """Vocabulary ids of every feature occurrence in ``text`` (with repeats)."""
        vocab = self.vocab
        out: list[int] = []
        for key, count in word_features(text).items():
            j = vocab.get(key)
            if j is not None:
                out.extend([j] * int(count))
        for word in words(text):
            out.extend(self._char_ids(word))
        return out

    def transform_many(self, texts: list[str]) -> tuple[IntArray, IntArray, FloatArray]:
        """``(row, feature, value)`` triples of the TF-IDF matrix, sorted by row."""
        n_features = len(self.vocab)
        keys: list[int] = []
        for r, text in enumerate(texts):
            base = r * n_features
            keys.extend(base + j for j in self.ids(text))
        uniq, counts = np.unique(np.array(keys, dtype=np.int64), return_counts=True)
        rows = uniq // n_features
        feats = uniq % n_features
        values = (1.0 + np.log(counts)) * self.idf[feats]
        block = self.is_char[feats].astype(np.int64)
        group = rows * 2 + block
        norms = np.sqrt(np.bincount(group, values * values, minlength=2 * len(texts)))
        weights = np.where(block == 1, self.char_weight, self.word_weight)
        values = values * weights / norms[group]
        totals = np.sqrt(np.bincount(rows, values * values, minlength=len(texts)))
        values = values / totals[rows]
        return rows, feats, values

    def transform(self, text: str) -> tuple[IntArray, FloatArray]:
        _, feats, values = self.transform_many([text])
        return feats, values


@dataclass(frozen=True)
class LexicalModel:
    """The trained lexical categoriser (see module docstring)."""

    vectoriser: Vectoriser
    coef: FloatArray  # (n_features, n_classes)
    intercept: FloatArray  # (n_classes,)
    temperature: float
    entry_codes: tuple[str, ...]
    inv_indptr: IntArray  # inverted index: feature -> catalogue entries
    inv_entries: IntArray
    inv_weights: FloatArray
    name: str = "lexical"

    def scores(self, texts: list[str]) -> tuple[FloatArray, FloatArray]:
        """Uncalibrated class logits ``[n, 6]`` and entry cosine similarities ``[n, entries]``."""
        n, n_entries = len(texts), len(self.entry_codes)
        rows, feats, values = self.vectoriser.transform_many(texts)
        contrib = values[:, None] * self.coef[feats]
        logits = np.tile(self.intercept, (n, 1))
        for k in range(logits.shape[1]):
            logits[:, k] += np.bincount(rows, contrib[:, k], minlength=n)
        starts = self.inv_indptr[feats]
        lengths = self.inv_indptr[feats + 1] - starts
        total = int(lengths.sum())
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        positions = offsets + np.arange(total)
        weights = self.inv_weights[positions] * np.repeat(values, lengths)
        cells = np.repeat(rows, lengths) * n_entries + self.inv_entries[positions]
        flat = np.bincount(cells, weights, minlength=n * n_entries)
        entry_scores: FloatArray = np.asarray(flat, dtype=np.float64).reshape(n, n_entries)
        return logits, entry_scores

    def coverage(self, text: str) -> float:
        """Share of the text's words (stemmed, stop words left out) in the word vocabulary."""
        tokens = words(text)
        if not tokens:
            return 0.0
        vocab = self.vectoriser.vocab
        return sum(("w:" + stem(w)) in vocab for w in tokens) / len(tokens)

    def predict(self, texts: list[str]) -> tuple[FloatArray, FloatArray]:
        logits, entry_scores = self.scores(texts)
        return softmax(logits, self.temperature), np.clip(entry_scores, 0.0, 1.0)

    def logits(self, texts: list[str]) -> FloatArray:
        """Uncalibrated class scores (used by the build script to fit the temperature)."""
        return self.scores(texts)[0]


def model_from_arrays(arrays: Any) -> LexicalModel:
    """Build a :class:`LexicalModel` from the arrays of the ``.npz`` file."""
    version = int(arrays["features_version"])
    if version != FEATURES_VERSION:
        raise RuntimeError(
            f"{MODEL_FILE} was built with features v{version}, the code has v{FEATURES_VERSION}: "
            "run scripts/build_categoriser.py"
        )
    classes = tuple(str(c) for c in arrays["classes"])
    if classes != CLASSES:
        raise RuntimeError(f"{MODEL_FILE}: unexpected classes {classes}")
    vocab_list = [str(v) for v in arrays["vocab"]]
    vectoriser = Vectoriser(
        vocab={k: i for i, k in enumerate(vocab_list)},
        idf=arrays["idf"].astype(np.float64),
        word_weight=float(arrays["word_weight"]),
        char_weight=float(arrays["char_weight"]),
    )
    return LexicalModel(
        vectoriser=vectoriser,
        coef=arrays["coef"].astype(np.float64),
        intercept=arrays["intercept"].astype(np.float64),
        temperature=float(arrays["temperature"]),
        entry_codes=tuple(str(c) for c in arrays["entry_codes"]),
        inv_indptr=arrays["inv_indptr"].astype(np.int64),
        inv_entries=arrays["inv_entries"].astype(np.int64),
        inv_weights=arrays["inv_weights"].astype(np.float64),
    )


@lru_cache(maxsize=1)
def load_lexical() -> LexicalModel:
    """The bundled lexical model (read once)."""
    raw = resources.files("shoring").joinpath("data", MODEL_FILE).read_bytes()
    with np.load(io.BytesIO(raw), allow_pickle=False) as arrays:
        return model_from_arrays(arrays)
