"""Train the categoriser models shipped in ``src/shoring/data`` (run after editing the catalogue).

    .venv/bin/python scripts/build_categoriser.py            # lexical model (needs scikit-learn)
    .venv-sem/bin/python scripts/build_categoriser.py --semantic   # also the semantic head
    .venv/bin/python scripts/build_categoriser.py --cv       # development metric only

Data and splits (documented in bench/eval/README.md):
- training text: every catalogue entry's name, description and examples (plus the job titles
  and task statements of ``catalogue_training.yaml``), plus the occupation titles of the TRAIN
  and CALIBRATION splits of ``occupations.csv`` labelled by ``soc_category``;
- the split is by 6-digit SOC code (so O*NET sub-codes of one occupation never straddle it),
  from a hash of the code: 60 % train, 20 % calibration, 20 % test; written to
  ``bench/eval/occupations_split.csv``;
- model selection uses out-of-sample predictions only: the catalogue texts out of fold (5 folds
  by entry) and the train + calibration titles by 5-fold cross-validation grouped by 6-digit
  SOC code.  The regularisation C (and the semantic blend share) maximise the mean of the two
  macro-F1s; the softmax temperatures are fitted on the same predictions.  The TEST split,
  ``bench/eval/descriptions.jsonl`` and ``bench/eval/task_statements.jsonl`` are never read here;
- ``--cv`` prints the development metric of the shipped settings (grouped-CV macro-F1 over the
  train + calibration titles) and writes no model.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from shoring.catalogue.backends import CLASSES, blend, softmax
from shoring.catalogue.features import FEATURES_VERSION, char_features, word_features
from shoring.catalogue.soc_rules import soc_category
from shoring.io.catalogue import (
    load_catalogue,
    load_occupations,
    load_training_texts,
    training_fingerprint,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "shoring" / "data"
SPLIT_FILE = ROOT / "bench" / "eval" / "occupations_split.csv"
WORD_WEIGHT, CHAR_WEIGHT = 1.0, 1.0
LEXICAL_C_GRID = (3.0, 10.0, 30.0)
SEMANTIC_C_GRID = (3.0, 10.0, 30.0)
LEXICAL_SHARES = (0.3, 0.4, 0.5, 0.6, 0.7)
#: Class weights are (balanced weight) ** CLASS_WEIGHT_POWER: 1 = "balanced", 0 = none.
CLASS_WEIGHT_POWER = 1.0
#: Sample weight of an occupation title relative to a catalogue text.
TITLE_WEIGHT = 1.0
USE_EXTRA = True
CV_FOLDS = 5

Labelled = tuple[str, str]  # (text, category)


def split_of(soc_code: str) -> str:
    bucket = int(hashlib.sha256(soc_code.encode()).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "calibration" if bucket < 8 else "test"


def cv_fold_of(soc_code: str) -> int:
    """Cross-validation fold of a 6-digit SOC code (a hash independent of :func:`split_of`)."""
    return int(hashlib.sha256(f"cv:{soc_code}".encode()).hexdigest(), 16) % CV_FOLDS


def write_split() -> list[dict[str, str]]:
    rows = []
    for occ in load_occupations():
        rows.append(
            {
                "onet_soc_code": occ.onet_soc_code,
                "title": occ.title,
                "category": soc_category(occ.onet_soc_code).value,
                "split": split_of(occ.soc_code),
            }
        )
    SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
    with SPLIT_FILE.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def entry_docs(entries):  # type: ignore[no-untyped-def]
    """(text, label, entry index) for each training text of the catalogue.

    An entry's texts: its name, description, both together, its examples, and (with
    USE_EXTRA) the job titles and task statements of ``catalogue_training.yaml``.
    """
    extra = load_training_texts() if USE_EXTRA else {}
    docs = []
    for i, e in enumerate(entries):
        texts = [e.name, e.description, f"{e.name}. {e.description}", *e.examples]
        texts.extend(extra.get(e.code, ()))
        docs.extend((t, e.category.value, i) for t in texts)
    return docs


def match_text(entry) -> str:  # type: ignore[no-untyped-def]
    """The text an entry is matched by: the catalogue text plus its extra titles and tasks."""
    extra = load_training_texts() if USE_EXTRA else {}
    return ". ".join([entry.text(), *extra.get(entry.code, ())])


# ------------------------------------------------------------------ learners
@dataclass(frozen=True)
class Learner:
    """How one backend trains (``fit(texts, labels, weights, c)``) and scores (``logits``)."""

    name: str
    fit: Callable[[list[str], list[str], list[float], float], Any]
    logits: Callable[[Any, list[str]], np.ndarray]


def fit_lr(x: Any, y: list[str], weights: list[float], c: float) -> LogisticRegression:
    counts = Counter(y)
    total = len(y)
    class_weight = {k: (total / (len(counts) * n)) ** CLASS_WEIGHT_POWER for k, n in counts.items()}
    model = LogisticRegression(C=c, class_weight=class_weight, max_iter=3000)
    model.fit(x, y, sample_weight=np.asarray(weights))
    return model


def ordered_logits(model: LogisticRegression, x: Any) -> np.ndarray:
    raw = model.decision_function(x)
    order = [list(model.classes_).index(c) for c in CLASSES]
    return raw[:, order]


class Vocab:
    def __init__(self, texts: list[str]) -> None:
        df: Counter[str] = Counter()
        for t in texts:
            df.update(set(word_features(t)) | set(char_features(t)))
        keys = sorted(k for k, n in df.items() if n >= 2 or not k.startswith("c:"))
        self.keys = keys
        self.index = {k: i for i, k in enumerate(keys)}
        n = len(texts)
        self.idf = np.array([math.log((1 + n) / (1 + df[k])) + 1.0 for k in keys])

    def matrix(self, texts: list[str]) -> sparse.csr_matrix:
        from shoring.catalogue.backends.lexical import Vectoriser

        vec = Vectoriser(self.index, self.idf, WORD_WEIGHT, CHAR_WEIGHT)
        rows, cols, vals = vec.transform_many(texts)
        return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self.keys)))


def lexical_learner() -> Learner:
    def fit(texts: list[str], labels: list[str], weights: list[float], c: float) -> Any:
        vocab = Vocab(texts)
        return vocab, fit_lr(vocab.matrix(texts), labels, weights, c)

    def logits(model: Any, texts: list[str]) -> np.ndarray:
        vocab, lr = model
        return ordered_logits(lr, vocab.matrix(texts))

    return Learner("lexical", fit, logits)


def semantic_learner() -> tuple[Learner, Callable[[list[str]], np.ndarray]]:
    from shoring.catalogue.backends.semantic import load_encoder

    encoder = load_encoder()
    cache: dict[str, np.ndarray] = {}

    def embed(texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in cache]
        if todo:
            vecs = encoder.encode(todo, batch_size=64, normalize_embeddings=True)
            cache.update(zip(todo, np.asarray(vecs, dtype=np.float32), strict=True))
        return np.vstack([cache[t] for t in texts])

    def fit(texts: list[str], labels: list[str], weights: list[float], c: float) -> Any:
        return fit_lr(embed(texts), labels, weights, c)

    def logits(model: Any, texts: list[str]) -> np.ndarray:
        return ordered_logits(model, embed(texts))

    return Learner("semantic", fit, logits), embed


def train_on(learner: Learner, docs: Sequence[Labelled], titles: Sequence[Labelled], c: float):  # type: ignore[no-untyped-def]
    """Fit ``learner`` on catalogue texts (weight 1) and titles (weight TITLE_WEIGHT)."""
    texts = [t for t, _ in docs] + [t for t, _ in titles]
    labels = [y for _, y in docs] + [y for _, y in titles]
    weights = [1.0] * len(docs) + [TITLE_WEIGHT] * len(titles)
    return learner.fit(texts, labels, weights, c)


# ------------------------------------------------------------------ model selection
def fit_temperature(logits: np.ndarray, labels: list[str]) -> float:
    y = np.array([CLASSES.index(label) for label in labels])
    best_t, best_nll = 1.0, float("inf")
    for t in np.exp(np.linspace(math.log(0.05), math.log(20.0), 400)):
        p = softmax(logits, float(t))
        nll = -float(np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


@dataclass(frozen=True)
class HeldOut:
    """Out-of-sample logits of one learner at one C, on the two kinds of development text."""

    catalogue_logits: np.ndarray  # catalogue texts, 5 folds by entry (all titles in training)
    catalogue_labels: list[str]
    title_logits: np.ndarray  # train + calibration titles, folds by SOC code (catalogue in)
    title_labels: list[str]

    @property
    def logits(self) -> np.ndarray:
        return np.vstack([self.catalogue_logits, self.title_logits])

    @property
    def labels(self) -> list[str]:
        return self.catalogue_labels + self.title_labels


def heldout(learner: Learner, entries, titles, c: float) -> HeldOut:  # type: ignore[no-untyped-def]
    """Out-of-fold logits of the catalogue texts and of the titles ((text, category, soc))."""
    docs = entry_docs(entries)
    all_titles = [(t, y) for t, y, _ in titles]
    logits, labels = [], []
    fold_of = [i % CV_FOLDS for i in range(len(entries))]
    for fold in range(CV_FOLDS):
        train = [(t, y) for t, y, i in docs if fold_of[i] != fold]
        held = [(t, y) for t, y, i in docs if fold_of[i] == fold]
        model = train_on(learner, train, all_titles, c)
        logits.append(learner.logits(model, [t for t, _ in held]))
        labels.extend(y for _, y in held)
    title_labels, title_logits = grouped_cv(learner, entries, titles, c)
    return HeldOut(np.vstack(logits), labels, title_logits, title_labels)


def macro_f1(labels: Sequence[str], logits: np.ndarray) -> float:
    pred = [CLASSES[i] for i in logits.argmax(axis=1)]
    return float(f1_score(labels, pred, average="macro"))


def selection_score(
    name: str, catalogue: tuple[list[str], np.ndarray], titles: tuple[list[str], np.ndarray]
) -> float:
    """Mean of the catalogue-text and the title macro-F1 (both out of sample), printed."""
    cat_f1 = macro_f1(*catalogue)
    title_f1 = report_cv(name, *titles)
    score = (cat_f1 + title_f1) / 2
    print(f"{name}: catalogue out-of-fold macro-F1 {cat_f1:.3f}; selection score {score:.3f}")
    return score


@dataclass(frozen=True)
class Selection:
    c: float
    temperature: float
    heldout: HeldOut  # held-out logits at the chosen C


def choose_c(learner: Learner, grid, entries, titles) -> Selection:  # type: ignore[no-untyped-def]
    """The C of ``grid`` with the best selection score, and its softmax temperature."""
    best: tuple[float, float, HeldOut] | None = None
    for c in grid:
        held = heldout(learner, entries, titles, c)
        score = selection_score(
            f"{learner.name} C={c:g}",
            (held.catalogue_labels, held.catalogue_logits),
            (held.title_labels, held.title_logits),
        )
        if best is None or score > best[0]:
            best = (score, c, held)
    assert best is not None
    _, c, held = best
    temperature = fit_temperature(held.logits, held.labels)
    print(f"{learner.name}: chose C={c:g}, temperature {temperature:.3f}")
    return Selection(c, temperature, held)


def grouped_cv(learner: Learner, entries, titles, c: float) -> tuple[list[str], np.ndarray]:  # type: ignore[no-untyped-def]
    """Out-of-fold logits of ``titles`` ((text, category, soc_code)), folds by SOC code."""
    docs = [(t, y) for t, y, _ in entry_docs(entries)]
    truth: list[str] = []
    logits = []
    for fold in range(CV_FOLDS):
        train = [(t, y) for t, y, soc in titles if cv_fold_of(soc) != fold]
        held = [(t, y) for t, y, soc in titles if cv_fold_of(soc) == fold]
        model = train_on(learner, docs, train, c)
        logits.append(learner.logits(model, [t for t, _ in held]))
        truth.extend(y for _, y in held)
    return truth, np.vstack(logits)


def report_cv(name: str, truth: list[str], logits: np.ndarray) -> float:
    pred = [CLASSES[i] for i in logits.argmax(axis=1)]
    f1 = float(f1_score(truth, pred, average="macro"))
    per = f1_score(truth, pred, average=None, labels=list(CLASSES))
    parts = " ".join(f"{k}={v:.2f}" for k, v in zip(CLASSES, per, strict=True))
    print(f"{name}: grouped-CV title macro-F1 {f1:.3f} (n={len(truth)}; {parts})")
    return f1


# ------------------------------------------------------------------ lexical
def build_lexical(entries, titles) -> None:  # type: ignore[no-untyped-def]
    learner = lexical_learner()
    sel = choose_c(learner, LEXICAL_C_GRID, entries, titles)
    docs = [(t, y) for t, y, _ in entry_docs(entries)]
    vocab, lr = train_on(learner, docs, [(t, y) for t, y, _ in titles], sel.c)
    order = [list(lr.classes_).index(k) for k in CLASSES]
    coef = lr.coef_[order].T.astype(np.float32)
    intercept = lr.intercept_[order].astype(np.float32)

    entry_matrix = vocab.matrix([match_text(e) for e in entries])  # rows L2-normalised
    inv = sparse.csr_matrix(entry_matrix.T)  # feature x entry
    inv.sort_indices()
    indptr, indices, weights = inv.indptr, inv.indices, inv.data
    np.savez_compressed(
        DATA / "categoriser_lexical.npz",
        features_version=np.array(FEATURES_VERSION),
        classes=np.array(CLASSES),
        vocab=np.array(vocab.keys),
        idf=vocab.idf.astype(np.float32),
        word_weight=np.array(WORD_WEIGHT),
        char_weight=np.array(CHAR_WEIGHT),
        coef=coef,
        intercept=intercept,
        temperature=np.array(sel.temperature),
        entry_codes=np.array([e.code for e in entries]),
        inv_indptr=np.array(indptr, dtype=np.int32),
        inv_entries=np.array(indices, dtype=np.int16),
        inv_weights=np.array(weights, dtype=np.float32),
        regularisation_c=np.array(sel.c),
        fingerprint=np.array(training_fingerprint()),
    )
    print(f"wrote categoriser_lexical.npz: {len(vocab.keys)} features")


# ------------------------------------------------------------------ semantic
def build_semantic(entries, titles) -> None:  # type: ignore[no-untyped-def]
    from shoring.catalogue.backends.lexical import load_lexical
    from shoring.catalogue.backends.semantic import MODEL_NAME

    learner, embed = semantic_learner()
    sel = choose_c(learner, SEMANTIC_C_GRID, entries, titles)
    # The semantic backend blends in the lexical model's log-probabilities; the lexical share
    # is chosen from LEXICAL_SHARES by the same selection score on the same held-out logits
    # (ties go to the share nearest one half), and the blend gets its own temperature.
    lexical = load_lexical()
    lex_c = float(np.load(DATA / "categoriser_lexical.npz")["regularisation_c"])
    lex = heldout(lexical_learner(), entries, titles, lex_c)
    assert lex.labels == sel.heldout.labels
    n_cat = len(lex.catalogue_labels)
    sem_logits = sel.heldout.logits
    best_share: tuple[float, float] | None = None
    for share in sorted(LEXICAL_SHARES, key=lambda x: abs(x - 0.5)):
        mixed = blend(lex.logits, lexical.temperature, sem_logits, sel.temperature, share)
        score = selection_score(
            f"blend, lexical share {share}",
            (lex.catalogue_labels, mixed[:n_cat]),
            (lex.title_labels, mixed[n_cat:]),
        )
        if best_share is None or score > best_share[0] + 1e-9:
            best_share = (score, share)
    assert best_share is not None
    lexical_share = best_share[1]
    blended = blend(lex.logits, lexical.temperature, sem_logits, sel.temperature, lexical_share)
    blend_temperature = fit_temperature(blended, lex.labels)
    print(f"blend: chose lexical share {lexical_share}, temperature {blend_temperature:.3f}")
    docs = [(t, y) for t, y, _ in entry_docs(entries)]
    lr = train_on(learner, docs, [(t, y) for t, y, _ in titles], sel.c)
    order = [list(lr.classes_).index(k) for k in CLASSES]
    # an entry's vector: the normalised mean of its texts' embeddings
    extra = load_training_texts() if USE_EXTRA else {}
    entry_vecs = []
    for e in entries:
        v = embed([e.name, e.description, *e.examples, *extra.get(e.code, ())]).mean(axis=0)
        entry_vecs.append(v / np.linalg.norm(v))
    np.savez_compressed(
        DATA / "categoriser_semantic.npz",
        model_name=np.array(MODEL_NAME),
        classes=np.array(CLASSES),
        coef=lr.coef_[order].T.astype(np.float32),
        intercept=lr.intercept_[order].astype(np.float32),
        temperature=np.array(sel.temperature),
        lexical_share=np.array(lexical_share),
        blend_temperature=np.array(blend_temperature),
        entry_codes=np.array([e.code for e in entries]),
        entry_vectors=np.vstack(entry_vecs).astype(np.float32),
        regularisation_c=np.array(sel.c),
        fingerprint=np.array(training_fingerprint()),
    )
    print("wrote categoriser_semantic.npz")


def development_cv(entries, titles, semantic: bool) -> None:  # type: ignore[no-untyped-def]
    """The development metric at the shipped C: grouped 5-fold CV over train + calibration."""
    arrays = np.load(DATA / "categoriser_lexical.npz")
    truth, logits = grouped_cv(
        lexical_learner(), entries, titles, float(arrays["regularisation_c"])
    )
    report_cv(f"lexical (C={float(arrays['regularisation_c']):g})", truth, logits)
    if semantic:
        from shoring.catalogue.backends.lexical import load_lexical

        head = np.load(DATA / "categoriser_semantic.npz")
        learner, _ = semantic_learner()
        t2, sem = grouped_cv(learner, entries, titles, float(head["regularisation_c"]))
        report_cv(f"semantic head alone (C={float(head['regularisation_c']):g})", t2, sem)
        mixed = blend(
            logits,
            load_lexical().temperature,
            sem,
            float(head["temperature"]),
            float(head["lexical_share"]),
        )
        report_cv(f"semantic (blend, lexical share {float(head['lexical_share']):g})", t2, mixed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--semantic", action="store_true", help="also build the semantic head")
    parser.add_argument("--only-semantic", action="store_true")
    parser.add_argument(
        "--cv", action="store_true", help="print the grouped-CV metric of the shipped settings"
    )
    args = parser.parse_args()
    entries = load_catalogue()
    rows = write_split()
    # development titles: the train and calibration splits (never the test split)
    titles = [
        (r["title"], r["category"], r["onet_soc_code"][:7])
        for r in rows
        if r["split"] in ("train", "calibration")
    ]
    if args.cv:
        development_cv(entries, titles, args.semantic or args.only_semantic)
        return 0
    print(f"{len(entries)} entries; {len(titles)} train + calibration titles")
    if not args.only_semantic:
        build_lexical(entries, titles)
    if args.semantic or args.only_semantic:
        build_semantic(entries, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
