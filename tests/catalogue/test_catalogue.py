"""The bundled work catalogue: content, attributes, offshorability and validation."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import numpy as np
import pytest

from shoring.catalogue import CatalogueEntry, load_catalogue
from shoring.catalogue.soc_rules import soc_category
from shoring.errors import InputError
from shoring.io.bundled import data_text
from shoring.io.catalogue import load_occupations, parse_catalogue, training_fingerprint
from shoring.taxonomy import Category

ENTRIES = load_catalogue()


def test_at_least_150_entries_with_unique_codes() -> None:
    assert len(ENTRIES) >= 150
    codes = [e.code for e in ENTRIES]
    assert len(set(codes)) == len(codes)


def test_every_category_is_well_represented() -> None:
    counts = Counter(e.category for e in ENTRIES)
    assert set(counts) == set(Category)
    assert min(counts.values()) >= 15


@pytest.mark.parametrize(
    ("words", "category"),
    [
        ("call centre", Category.BPO_FRONT),
        ("customer care", Category.BPO_FRONT),
        ("technical support line", Category.BPO_FRONT),
        ("data entry", Category.BPO_BACK),
        ("claims processing", Category.BPO_BACK),
        ("payroll", Category.BPO_BACK),
        ("hr administration", Category.BPO_BACK),
        ("accounting", Category.KPO),
        ("help desk", Category.ITO),
        ("software development", Category.SOFTWARE_RD),
        ("x-ray", Category.KPO),
        ("investment", Category.KPO),
        ("engineering design", Category.KPO),
        ("newsletter", Category.KPO),
    ],
)
def test_the_seeds_kinds_of_work_are_in_the_catalogue(words: str, category: Category) -> None:
    hits = [e for e in ENTRIES if words in e.name.lower() and e.category == category]
    assert hits, f"no {category.value} entry named like {words!r}"


def test_attributes_are_in_range_and_written_in_plain_words() -> None:
    for e in ENTRIES:
        assert 1 <= e.skill_level <= 4
        assert 0.0 <= e.language_intensity <= 1.0
        assert len(e.examples) >= 3, e.code
        assert set(e.regulated_data) <= {"personal", "health", "financial"}
        assert e.soc_codes, e.code
        assert len(e.description.split()) >= 6, e.code


def test_soc_codes_exist_and_mostly_agree_with_the_written_rule() -> None:
    known = {o.soc_code for o in load_occupations()}
    agree = 0
    for e in ENTRIES:
        assert set(e.soc_codes) <= known, e.code
        agree += any(soc_category(s) == e.category for s in e.soc_codes)
    # entries may refine the rule (classify by the work moved), but rarely
    assert agree / len(ENTRIES) >= 0.8


def test_offshorability_is_the_mean_of_ranked_blinder_values_or_none() -> None:
    by_soc: dict[str, float | None] = {}
    for occ in load_occupations():
        by_soc.setdefault(occ.soc_code, occ.offshorability)
    ranked_entries = 0
    for e in ENTRIES:
        values = [v for s in e.soc_codes if (v := by_soc[s]) is not None]
        if not values:
            assert e.offshorability is None
            assert "not ranked" in e.offshorability_source
        else:
            ranked_entries += 1
            assert e.offshorability == pytest.approx(sum(values) / len(values), abs=0.01)
            assert "Blinder" in e.offshorability_source
            assert "World Economics 10(2)" in e.offshorability_source
    assert ranked_entries > 50


def test_customer_facing_front_office_and_on_site_none() -> None:
    front = [e for e in ENTRIES if e.category == Category.BPO_FRONT]
    assert all(e.customer_facing for e in front)
    assert all(e.realtime_overlap for e in ENTRIES if e.category == Category.NONE)


def test_entries_round_trip_through_json() -> None:
    for e in ENTRIES[:20]:
        assert CatalogueEntry.model_validate(e.to_json()) == e


# ---------------------------------------------------------------- validation of the file
GOOD = """\
- code: ITO-TEST
  name: Test entry
  category: ITO
  description: A test entry about running servers for the company.
  examples: [patch servers]
  soc_codes: [15-1244]
  customer_facing: false
  language_intensity: 0.2
  skill_level: 3
  realtime_overlap: false
  regulated_data: []
"""


def test_a_good_entry_parses() -> None:
    (entry,) = parse_catalogue(GOOD, source="t.yaml")
    assert entry.code == "ITO-TEST"
    assert entry.offshorability is not None


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("soc_codes: [15-1244]", "soc_codes: [99-9999]", "soc_codes"),
        ("category: ITO", "category: KPO", "category"),
        ("skill_level: 3", "skill_level: 7", "skill_level"),
        ("language_intensity: 0.2", "language_intensity: 2", "language_intensity"),
        ("regulated_data: []", "regulated_data: [secret]", "regulated_data"),
        ("regulated_data: []", "regulated_data: []\n  offshorability: 80", "offshorability"),
        ("code: ITO-TEST", "code: it-test", "code"),
    ],
)
def test_a_bad_entry_names_the_file_line_and_field(old: str, new: str, field: str) -> None:
    with pytest.raises(InputError) as info:
        parse_catalogue(GOOD.replace(old, new), source="t.yaml")
    assert info.value.field.startswith(field)
    assert info.value.source == "t.yaml"
    assert "t.yaml" in info.value.message


def test_duplicate_codes_and_malformed_yaml_are_errors() -> None:
    with pytest.raises(InputError, match="duplicate") as info:
        parse_catalogue(GOOD + GOOD)
    assert info.value.line == len(GOOD.splitlines()) + 1 + GOOD.splitlines().index(
        next(line for line in GOOD.splitlines() if line.strip().startswith("- code:"))
    )  # the second entry's line
    with pytest.raises(InputError, match="malformed YAML"):
        parse_catalogue("- code: [unclosed")
    with pytest.raises(InputError, match="list"):
        parse_catalogue("code: ITO-X")


def test_source_notes_ship_with_the_data() -> None:
    notes = data_text("OCCUPATIONS_SOURCES.md")
    assert "Blinder" in notes and "NON-COMMERCIAL" in notes
    assert "soc_category_rules" in data_text("catalogue.yaml") or "soc_category_rules" in notes


@pytest.mark.parametrize("name", ["categoriser_lexical.npz", "categoriser_semantic.npz"])
def test_shipped_models_were_built_from_the_current_catalogue(name: str) -> None:
    raw = resources.files("shoring").joinpath("data", name)
    with np.load(str(raw), allow_pickle=False) as arrays:
        assert str(arrays["fingerprint"]) == training_fingerprint(), (
            f"{name} is stale: run scripts/build_categoriser.py --semantic"
        )
        assert tuple(str(c) for c in arrays["entry_codes"]) == tuple(e.code for e in ENTRIES)


def test_codes_name_their_category() -> None:
    prefix = {"ITO": "ITO", "BPF": "BPO_FRONT", "BPB": "BPO_BACK", "SRD": "SOFTWARE_RD"}
    for e in ENTRIES:
        head = e.code.split("-")[0]
        assert prefix.get(head, {"KPO": "KPO", "NON": "NONE"}.get(head)) == e.category.value
        assert re.fullmatch(r"[A-Z]{3}-[A-Z0-9-]+", e.code)


def test_extra_training_text_covers_every_entry_with_titles_and_tasks() -> None:
    from shoring.io.catalogue import load_training_texts

    extra = load_training_texts()
    assert set(extra) == {e.code for e in ENTRIES}
    assert all(len(texts) >= 2 for texts in extra.values())
    # the extra text is hand-written, not a copy of the occupation titles it is checked on
    titles = {occ.title.lower() for occ in load_occupations()}
    copied = [t for texts in extra.values() for t in texts if t.lower() in titles]
    assert len(copied) <= 0.02 * sum(map(len, extra.values())), copied


def test_extra_training_text_with_an_unknown_code_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shoring.io.catalogue as io_catalogue

    monkeypatch.setattr(
        io_catalogue,
        "data_text",
        lambda name: (
            "ITO-NOPE:\n  titles: [x]\n  tasks: [y]\n"
            if name == "catalogue_training.yaml"
            else data_text(name)
        ),
    )
    with pytest.raises(InputError) as info:
        io_catalogue.load_training_texts()
    assert "ITO-NOPE" in info.value.message and "catalogue_training.yaml:1:" in info.value.message
