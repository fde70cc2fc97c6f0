"""The categoriser: seeds' examples, invariants, UNSURE, bad input, batch consistency."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoring.catalogue import (
    MAX_TEXT_CHARS,
    UNSURE,
    Categorisation,
    Categoriser,
    categorise,
    categorise_many,
    get_categoriser,
    load_catalogue,
)
from shoring.catalogue.backends import CLASSES
from shoring.catalogue.backends.lexical import load_lexical
from shoring.catalogue.categorise import MATCH_EVIDENCE_SCORE, decide
from shoring.catalogue.infer import infer_category
from shoring.catalogue.models import CatalogueEntry
from shoring.errors import InputError
from shoring.taxonomy import Category, parse_engagement


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("reading chest x-rays overnight", Category.KPO),
        ("call centre agents answering customer calls", Category.BPO_FRONT),
        ("technical support phone line for our customers", Category.BPO_FRONT),
        ("data entry of paper forms", Category.BPO_BACK),
        ("insurance claims processing", Category.BPO_BACK),
        ("monthly payroll for our staff", Category.BPO_BACK),
        ("software development of our web application", Category.SOFTWARE_RD),
        ("IT help desk for employees", Category.ITO),
        ("investment research on listed companies", Category.KPO),
        ("hiring a freelancer to edit our company e-newsletter", Category.KPO),
        ("nurses caring for patients on the ward", Category.NONE),
        ("driving delivery trucks", Category.NONE),
    ],
)
def test_the_seeds_examples(text: str, category: Category) -> None:
    assert categorise(text).best_guess == category


def _check_invariants(result: Categorisation, threshold: float) -> None:
    assert 0.0 <= result.confidence <= 1.0
    assert sum(result.probabilities.values()) == pytest.approx(1.0)
    top = max(result.probabilities, key=lambda k: result.probabilities[k])
    assert result.best_guess.value == top
    # the evidence rules may only lower the confidence below the class probability
    assert result.confidence <= result.probabilities[top] + 1e-9
    if result.confidence >= threshold:
        assert result.category == result.best_guess.value
    else:
        assert result.category == UNSURE
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    assert len(scores) <= 5 and all(0.0 < s <= 1.0 for s in scores)


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=300
    ).filter(lambda t: t.strip() and "\ufffd" not in t)
)
def test_any_readable_text_gets_a_consistent_answer(text: str) -> None:
    _check_invariants(categorise(text), get_categoriser().threshold)


def test_gibberish_is_unsure_rather_than_confidently_wrong() -> None:
    result = categorise("qwxz plorf vindle")
    assert result.unsure
    assert result.best_guess in set(Category)


@pytest.mark.parametrize(
    "bad",
    ["", "   \n\t", "x" * (MAX_TEXT_CHARS + 1), "bad \ufffd bytes", "nul\x00byte", 42, None],
)
def test_unreadable_text_is_a_clear_input_error(bad: object) -> None:
    with pytest.raises(InputError) as info:
        categorise(bad)  # type: ignore[arg-type]
    assert info.value.field == "text"


def test_batch_gives_the_same_answers_as_one_at_a_time() -> None:
    texts = ["payroll", "reading chest x-rays overnight", "cooking", "cloud servers", "payroll"]
    batch = categorise_many(texts)
    for text, result in zip(texts, batch, strict=True):
        single = categorise(text)
        assert single.category == result.category
        assert single.confidence == pytest.approx(result.confidence)
        assert [m.code for m in single.matches] == [m.code for m in result.matches]


def test_lexical_vectors_are_unit_length_and_cached_words_change_nothing() -> None:
    vec = load_lexical().vectoriser
    texts = ["answering calls calls calls", "reading x-rays", "payroll and payroll"]
    rows, feats, values = vec.transform_many(texts)
    norms = np.sqrt(np.bincount(rows, values * values))
    assert np.allclose(norms, 1.0)
    again = vec.transform_many(texts)  # second call hits the per-word cache
    assert np.array_equal(again[1], feats) and np.allclose(again[2], values)


def test_the_kernel_says_unsure_below_the_threshold() -> None:
    entries = load_catalogue()
    probs = np.array([0.1, 0.1, 0.1, 0.1, 0.45, 0.15])
    scores = np.zeros(len(entries))
    scores[3] = 0.9
    scores[7] = 0.2  # under half the best score: left out
    result = decide(probs, scores, entries, threshold=0.5)
    assert result.category == UNSURE and result.best_guess == Category.KPO
    assert [m.code for m in result.matches] == [entries[3].code]
    sure = decide(probs, scores, entries, threshold=0.4)
    assert sure.category == "KPO"
    assert CLASSES[int(np.argmax(probs))] == "KPO"


@pytest.mark.parametrize("text", ["Buchhaltung und Lohnabrechnung", "Stuff", "a" * 10_000])
def test_text_the_model_does_not_understand_is_unsure(text: str) -> None:
    result = categorise(text)
    assert result.unsure, (result.category, result.confidence)
    assert result.best_guess in set(Category)


def test_ambiguous_text_is_never_confidently_another_category() -> None:
    # "building a bridge": construction (NONE), bridge design (KPO) or a network bridge (ITO).
    # The model may say UNSURE or, at most barely sure, NONE (construction, its top match);
    # a confident answer of any other category would be the wrong kind of answer.
    result = categorise("building a bridge")
    assert result.unsure or (result.category == "NONE" and result.confidence < 0.6), (
        result.category,
        result.confidence,
    )


def test_known_work_keeps_its_confidence() -> None:
    result = categorise("payroll")
    assert result.category == "BPO_BACK"
    assert result.confidence == pytest.approx(result.probabilities["BPO_BACK"])


def _kpo_entry(entries: Sequence[CatalogueEntry]) -> int:
    return next(i for i, e in enumerate(entries) if e.category == Category.KPO)


def _none_entry(entries: Sequence[CatalogueEntry]) -> int:
    return next(i for i, e in enumerate(entries) if e.category == Category.NONE)


@given(
    coverage=st.floats(0.0, 1.0),
    top_score=st.floats(0.0, 1.0),
    p_kpo=st.floats(0.2, 0.95),
)
def test_the_evidence_rule_caps_the_confidence(
    coverage: float, top_score: float, p_kpo: float
) -> None:
    entries = load_catalogue()
    rest = (1.0 - p_kpo) / 5
    probs = np.array([rest, rest, rest, rest, p_kpo, rest])
    scores = np.zeros(len(entries))
    scores[_kpo_entry(entries)] = top_score  # the top match agrees with the guess
    result = decide(probs, scores, entries, threshold=0.5, coverage=coverage)
    evidence = max(coverage, min(1.0, top_score / MATCH_EVIDENCE_SCORE))
    assert result.confidence == pytest.approx(min(p_kpo, evidence))
    assert result.probabilities["KPO"] == pytest.approx(p_kpo)
    without = decide(probs, scores, entries, threshold=0.5)  # backend gives no coverage
    assert without.confidence == pytest.approx(p_kpo)


def test_a_weak_guess_that_its_top_match_contradicts_is_unsure() -> None:
    entries = load_catalogue()
    probs = np.array([0.05, 0.05, 0.05, 0.05, 0.55, 0.25])
    scores = np.zeros(len(entries))
    scores[_none_entry(entries)] = 0.6  # the best match is a NONE entry
    result = decide(probs, scores, entries, threshold=0.5, coverage=1.0)
    assert result.category == UNSURE and result.best_guess == Category.KPO
    assert result.confidence == pytest.approx(0.55 - 0.25)
    strong = np.array([0.02, 0.02, 0.02, 0.02, 0.9, 0.02])
    assert decide(strong, scores, entries, threshold=0.5, coverage=1.0).category == "KPO"


def test_a_model_built_from_another_catalogue_is_refused() -> None:
    entries = load_catalogue()
    with pytest.raises(RuntimeError, match="different catalogue"):
        Categoriser(load_lexical(), entries[:-1])
    with pytest.raises(InputError):
        Categoriser(load_lexical(), entries, threshold=1.5)


def test_unknown_backend_is_an_input_error() -> None:
    with pytest.raises(InputError, match="backend"):
        categorise("payroll", backend="magic")


BASE = {
    "company_country": "USA",
    "worker_country": "IND",
    "workplace": "provider_site",
    "provider": "outsourcing_firm",
}


def test_infer_category_fills_a_missing_category_from_the_description() -> None:
    engagement = parse_engagement({**BASE, "description": "insurance claims processing"})
    filled, result = infer_category(engagement)
    assert result is not None and filled.category == Category.BPO_BACK
    assert filled.description == engagement.description


def test_infer_category_keeps_a_given_category_and_claims_nothing_when_unsure() -> None:
    given_ = parse_engagement({**BASE, "category": "ITO", "description": "payroll"})
    assert infer_category(given_) == (given_, None)
    engagement = parse_engagement({**BASE, "description": "payroll"})
    strict = Categoriser(load_lexical(), load_catalogue(), threshold=1.0)
    filled, result = infer_category(engagement, strict)
    assert result is not None and result.unsure
    assert filled.category is None
