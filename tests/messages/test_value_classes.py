"""The value-classes message catalog: the eight class names as the courses write them, a strategy per class,
and the finding sentence filled by hand.

References: the courses' eight names (../shared/COURSE.md) and the English edition's names given in the
issue; the sentence filled with numbers worked out by hand.
"""

from __future__ import annotations

import pytest

from analysis.messages import msg, to_english
from analysis.messages.value_classes import MESSAGES
from analysis.segmentation import VALUE_CLASSES

COURSE = ["重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户",
          "一般保持客户", "一般挽留客户"]
ENGLISH = ["Important value", "Important development", "Important retention", "Important win-back",
           "General value", "General development", "General retention", "General win-back"]


def test_keys_are_prefixed_and_every_class_has_a_name_and_a_strategy():
    assert all(key.startswith("value_classes.") for entries in MESSAGES.values() for key in entries)
    for code, zh, en in zip(VALUE_CLASSES, COURSE, ENGLISH):
        assert msg(f"value_classes.class.{code}", language="zh") == zh
        assert msg(f"value_classes.class.{code}", language="en") == f"{en} customers"
        assert to_english(zh, language="zh") == f"{en} customers"  # written tables keep the English names
        assert len(msg(f"value_classes.strategy.{code}", language="en")) > 30
    strategies = [msg(f"value_classes.strategy.{c}", language="zh") for c in VALUE_CLASSES]
    assert len(set(strategies)) == 8
    assert "VIP" in strategies[0] and "提升购买频率" in strategies[1] and "唤回" in strategies[2]
    assert "重点挽留" in strategies[3]


@pytest.mark.parametrize("language, expected", [
    ("en", "Compared with the customers' median recency (120 days), frequency (1.0) and spend (43.50), the largest "
           "of the eight value classes is General win-back customers (31.2% of customers); Important value "
           "customers bring the most revenue: 48.0% of it from 12.5% of customers."),
    ("zh", "与全体客户最近消费（120 天）、消费频率（1.0）和消费金额（43.50）的中位数相比，八类客户中人数最多的是"
           "一般挽留客户（占客户的 31.2%）；收入贡献最多的是重要价值客户：以 12.5% 的客户贡献了 48.0% 的收入。"),
])
def test_the_finding_formats_numbers_as_a_reader_expects(language, expected):
    fields = {"reference": msg("value_classes.reference.median", language=language), "r_ref": 120.0, "f_ref": 1.0,
              "m_ref": 43.5, "largest": msg("value_classes.class.general_win_back", language=language),
              "largest_share": 0.3125, "top_class": msg("value_classes.class.important_value", language=language),
              "top_share": 0.125, "top_revenue_share": 0.48}
    assert msg("value_classes.finding.classes", language=language, **fields) == expected


def test_notes_say_why_the_section_is_skipped():
    assert "need amounts" in msg("value_classes.note.no_money", language="en")
    assert "`rfm_class_reference = None`" in msg("value_classes.note.skipped", language="zh")
