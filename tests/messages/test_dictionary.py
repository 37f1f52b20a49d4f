"""The data dictionary's words (analysis.messages.dictionary and zh/dictionary): every column of every
canonical table has its meaning, type and unit in Chinese, every table its row and summary, and no key is
left over from a column that is gone."""

from __future__ import annotations

import string

import pytest

from analysis.messages import msg
from analysis.messages import dictionary as catalog
from analysis.messages.zh.dictionary import TEXTS
from analysis.report.dictionary import slug
from analysis.schemas.descriptions import TABLE_DOCS

CHINESE = TEXTS  # the tables' and columns' Chinese (their English is in analysis.schemas.descriptions)
COLUMNS = [(d, c) for d in TABLE_DOCS for c in d.columns + d.notebook_columns]


def _expected_keys() -> set[str]:
    keys = {f"dictionary.table.{d.name}.{part}" for d in TABLE_DOCS for part in ("row", "summary")}
    keys |= {f"dictionary.column.{d.name}.{c.name.strip('<>')}.meaning" for d, c in COLUMNS}
    keys |= {f"dictionary.type.{slug(c.type)}" for _, c in COLUMNS}
    keys |= {f"dictionary.unit.{slug(c.unit)}" for _, c in COLUMNS}
    return keys


@pytest.mark.parametrize("pair", COLUMNS, ids=lambda p: f"{p[0].name}.{p[1].name}")
def test_every_column_has_a_non_empty_description_in_english_and_chinese(pair):
    doc, column = pair
    assert column.meaning.strip() and column.type.strip() and column.unit.strip()
    for part in (f"column.{doc.name}.{column.name.strip('<>')}.meaning", f"type.{slug(column.type)}",
                 f"unit.{slug(column.unit)}"):
        assert CHINESE.get(f"dictionary.{part}", "").strip(), part


def test_no_chinese_key_is_left_over():
    assert set(CHINESE) == _expected_keys(), sorted(set(CHINESE) ^ _expected_keys())
    assert not set(CHINESE) & set(catalog.MESSAGES["en"])


def test_chinese_meanings_keep_the_code_they_quote():
    """A `column` or `value` in backticks is code a reader types: the Chinese keeps every one of them."""
    for doc, column in COLUMNS:
        zh = CHINESE[f"dictionary.column.{doc.name}.{column.name.strip('<>')}.meaning"]
        en_code = set(column.meaning.split("`")[1::2])
        assert en_code <= set(zh.split("`")[1::2]) | {"Amount", " amount "}, (column.name, en_code)


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_page_words_render_in_both_languages(key):
    fields = {f: "x" for _, f, _, _ in string.Formatter().parse(catalog.MESSAGES["en"][key]) if f}
    assert msg(key, language="en", **fields) and msg(key, language="zh", **fields) != msg(key, language="en", **fields)
    assert msg(key, language="zh-Hant", **fields)
