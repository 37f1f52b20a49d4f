"""The glossary: enough course terms, one Chinese term each, and the catalogs translate each term its way."""

from __future__ import annotations

import re

import pytest

from analysis.messages import _MESSAGES, msg
from analysis.messages.glossary import GLOSSARY


def test_the_glossary_covers_the_course():
    assert len(GLOSSARY) >= 60
    keys = [row["key"] for row in GLOSSARY]
    assert len(keys) == len(set(keys))
    chinese = [row["zh"] for row in GLOSSARY]
    assert len(chinese) == len(set(chinese)), "two terms share one Chinese translation"
    for term in ("客户生命周期价值", "客户存活概率", "客户流失成本", "客户留存率", "有形性", "可靠性", "响应性",
                 "保证性", "移情性", "提升度", "归因", "大客户"):
        assert any(term in row["zh"] for row in GLOSSARY), term


def test_terms_render_in_each_language():
    assert msg("glossary.term.clv", language="en") == "customer lifetime value (CLV)"
    assert msg("glossary.term.clv", language="zh") == "客户生命周期价值"
    assert msg("glossary.term.clv", language="zh-Hant") == "客戶生命週期價值"


@pytest.mark.parametrize("row", [r for r in GLOSSARY if r["check"]], ids=lambda r: r["key"])
def test_every_catalog_translates_the_term_the_same_way(row):
    english, chinese = _MESSAGES["en"], _MESSAGES.get("zh", {})
    words = re.compile(row["check"], re.IGNORECASE)
    wanted = row["zh"].split("（")[0]
    wrong = [key for key, text in english.items()
             if key in chinese and not key.startswith("glossary.") and words.search(text) and wanted not in chinese[key]]
    assert not wrong, f"{row['en']!r} must be {wanted!r} in these Chinese messages: {wrong[:10]}"
