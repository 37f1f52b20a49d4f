"""The Chinese catalogs (analysis.messages.zh) and the editions derived from them: every English key
is translated, none is a copy of the English, a Chinese label maps back to exactly its English text
(the tables both editions write), Traditional Chinese is converted with the reviewed terms, and the
Chinese number and date formats."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import analysis.messages as messages
import analysis.messages.zh as zh_package
from analysis.messages import _MESSAGES, msg, to_english
from analysis.messages._hant import TERMS, to_traditional

ENGLISH, CHINESE = _MESSAGES["en"], _MESSAGES["zh"]
ZH_MODULES = sorted(m.name for m in pkgutil.iter_modules(zh_package.__path__))
LATIN = re.compile(r"[A-Za-z]{2,}")


def _same_allowed() -> set[str]:
    allowed: set[str] = set()
    for name in ZH_MODULES:
        allowed |= set(getattr(importlib.import_module(f"analysis.messages.zh.{name}"), "SAME_AS_ENGLISH", ()))
    return allowed


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_catalog_module_has_its_chinese_twin():
    english_modules = {m.name for m in pkgutil.iter_modules(messages.__path__) if not m.ispkg and not m.name.startswith("_")}
    assert english_modules - {"glossary"} <= set(ZH_MODULES), sorted(english_modules - set(ZH_MODULES) - {"glossary"})


def test_every_english_key_is_translated():
    missing = sorted(set(ENGLISH) - set(CHINESE))
    assert not missing, f"{len(missing)} English keys without Chinese, e.g. {missing[:10]}"


def test_no_chinese_text_is_a_copy_of_the_english():
    allowed = _same_allowed()
    copies = sorted(k for k, text in CHINESE.items() if text == ENGLISH.get(k) and LATIN.search(text) and k not in allowed)
    assert not copies, f"Chinese texts equal to the English (list real exceptions in SAME_AS_ENGLISH): {copies[:10]}"


def test_no_chinese_text_holds_an_english_sentence():
    """Four or more Latin words in a row outside backticks is English left untranslated (the pages' rule)."""
    sentence = re.compile(r"(?:[A-Za-z][A-Za-z']+[ ,\-]+){3,}[A-Za-z][A-Za-z']+")
    left = sorted(k for k, text in CHINESE.items() if sentence.search(re.sub(r"`[^`]*`|\{[^{}]*\}", "", text)))
    assert not left, left[:10]


def test_each_label_maps_back_to_its_english_text():
    """The tables of the Chinese edition are written in English through the reverse map: two
    different English labels must not share one Chinese text (it could not tell them apart)."""
    seen: dict[str, set[str]] = {}
    for key, text in CHINESE.items():
        if key.startswith(("glossary.", "labels.column.")) or _fields(text) or key not in ENGLISH:
            continue
        seen.setdefault(text, set()).add(ENGLISH[key].lower())  # a capital alone is caught by the tables' test
    clashes = {zh: sorted(en) for zh, en in seen.items() if len(en) > 1 and any(_is_label(k) for k in _keys(zh))}
    assert not clashes, clashes


def _keys(text: str) -> list[str]:
    return [k for k, v in CHINESE.items() if v == text]


def _is_label(key: str) -> bool:
    """Keys whose texts end up in table cells: names of segments, stages, classes, quadrants, statuses..."""
    return bool(re.search(r"\.(segment|stage|tier|class|quadrant|status|verdict|kpi|grouping|name|label|level|"
                          r"action|reading|model|basis|what|kind)s?\.", key))


@pytest.mark.parametrize("key", [k for k in ENGLISH if k in CHINESE and not _fields(ENGLISH[k])
                                 and not k.startswith("glossary.") and _is_label(k)][:400])
def test_round_trip_of_labels(key):
    assert to_english(msg(key, language="zh"), language="zh") == ENGLISH[key].replace("{{", "{").replace("}}", "}")


def test_round_trip_of_a_label_with_fields():
    zh = msg("site.page.failed_title", language="zh", title="商店")
    assert to_english(zh, language="zh") == "商店 (failed)"
    assert to_english("a value from the data", language="zh") == "a value from the data"


def test_traditional_conversion_uses_the_reviewed_terms_and_keeps_fields_and_code():
    assert to_traditional("渠道营销的数据：{n:,} 位客户，`clv_12m` 与 BG/NBD") == "通路行銷的資料：{n:,} 位客戶，`clv_12m` 與 BG/NBD"
    for simplified, traditional in TERMS.items():
        assert traditional in to_traditional(f"这是{simplified}。"), simplified
    assert msg("glossary.term.clv", language="zh-Hant") == "客戶生命週期價值"
    assert set(messages._catalog("zh-Hant")) == set(CHINESE)


def test_chinese_number_and_date_formats():
    assert messages._wan(12345) == "1.23万" and messages._wan(250_000_000) == "2.5亿" and messages._wan(950.5) == "950.5"
    assert messages._date("2024-06-30", True) == "2024年6月30日"
    formatter_zh, formatter_en = messages._Formatter("zh"), messages._Formatter("en")
    assert formatter_zh.format("{x:wan}元，截至 {d:date}", x=123456, d="2024-06-30") == "12.35万元，截至 2024年6月30日"
    assert formatter_en.format("{x:wan} by {d:date}", x=123456, d="2024-06-30") == "123,456 by 30 June 2024"


def test_the_font_covers_every_chinese_character_of_the_catalogs():
    from fontTools.ttLib import TTFont

    from analysis.plots.cjk_font import FONT_PATH, needed_text

    cmap = TTFont(str(FONT_PATH))["cmap"].getBestCmap()
    text = "".join(CHINESE.values()) + "".join(messages._catalog("zh-Hant").values())
    missing = sorted({ch for ch in text if ord(ch) > 0x2E7F and ord(ch) not in cmap})
    assert not missing, f"rebuild the font (analysis.plots.cjk_font): {''.join(missing[:50])}"
    assert len(needed_text()) > 5000
    assert Path(FONT_PATH).stat().st_size < 3_000_000
