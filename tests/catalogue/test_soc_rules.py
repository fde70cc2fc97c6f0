"""The written SOC -> category rule (data/soc_category_rules.md) and its refinements."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shoring.catalogue.soc_rules import soc_category
from shoring.io.catalogue import load_occupations
from shoring.taxonomy import Category

# The "typical SOC codes" column of soc_category_rules.md, row by row.
RULE_TABLE = [
    ("15-1251", Category.SOFTWARE_RD),
    ("15-1252", Category.SOFTWARE_RD),
    ("15-1253", Category.SOFTWARE_RD),
    ("15-1254", Category.SOFTWARE_RD),
    ("15-1255", Category.SOFTWARE_RD),
    ("15-1231", Category.ITO),
    ("15-1232", Category.ITO),
    ("15-1241", Category.ITO),
    ("15-1242", Category.ITO),
    ("15-1244", Category.ITO),
    ("15-1299.01", Category.ITO),  # web administrators
    ("43-4051", Category.BPO_FRONT),
    ("41-9041", Category.BPO_FRONT),
    ("43-2011", Category.BPO_FRONT),
    ("43-2021", Category.BPO_FRONT),
    ("43-4181", Category.BPO_FRONT),
    ("43-3031", Category.BPO_BACK),
    ("43-3021", Category.BPO_BACK),
    ("43-3051", Category.BPO_BACK),
    ("43-9021", Category.BPO_BACK),
    ("43-9022", Category.BPO_BACK),
    ("43-9041", Category.BPO_BACK),
    ("43-4161", Category.BPO_BACK),
    ("31-9094", Category.BPO_BACK),
    ("13-2011", Category.KPO),
    ("13-2051", Category.KPO),
    ("15-2011", Category.KPO),
    ("15-2041", Category.KPO),
    ("15-2051", Category.KPO),
    ("13-1161", Category.KPO),
    ("29-1224", Category.KPO),
    ("23-1011", Category.KPO),
    ("17-2141", Category.KPO),
    ("17-2051", Category.KPO),
    ("29-1141", Category.NONE),
    ("31-1131", Category.NONE),
    ("33-3051", Category.NONE),
    ("35-2014", Category.NONE),
    ("37-2011", Category.NONE),
    ("39-5012", Category.NONE),
    ("47-2031", Category.NONE),
    ("49-3023", Category.NONE),
    ("51-4121", Category.NONE),
    ("53-3032", Category.NONE),
]


@pytest.mark.parametrize(("code", "category"), RULE_TABLE)
def test_the_written_table(code: str, category: Category) -> None:
    assert soc_category(code) == category


def test_every_bundled_occupation_has_a_category() -> None:
    occupations = load_occupations()
    assert len(occupations) > 1000
    seen = {soc_category(o.onet_soc_code) for o in occupations}
    assert seen == set(Category)


def test_onet_sub_codes_can_refine_their_soc_code() -> None:
    assert soc_category("15-1299.02") == Category.KPO  # GIS technologists
    assert soc_category("15-1299.07") == Category.SOFTWARE_RD  # blockchain engineers
    assert soc_category("15-1299.00") == soc_category("15-1299")


@given(st.text(max_size=12))
def test_non_codes_are_rejected_not_guessed(text: str) -> None:
    try:
        result = soc_category(text)
    except ValueError:
        return
    assert text.strip()[2] == "-" and text.strip()[:2].isdigit()
    assert isinstance(result, Category)
