"""The words of notebook 03's exercises (analysis.messages.exercises_drivers) in both languages."""

from __future__ import annotations

import string

from analysis.messages import catalog, msg

FACTS = dict(dimension="responsiveness", gap=-1.4963, ci_low=-1.5842, ci_high=-1.4084, perception=4.4356,
             expectation=5.9319, runner="reliability", runner_gap=-0.1573, rank=1, n_drivers=5, share=0.3825)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_model_answer_cites_its_numbers_in_both_languages():
    en = msg("exercises_drivers.shortfall.answer", language="en", **FACTS)
    assert en.startswith("responsiveness falls furthest short: perception 4.44 against expectation 5.93, a gap of "
                         "-1.50 points (interval -1.58 to -1.41, wholly below zero), far more than the next "
                         "dimension, reliability (-0.16). It ranks 1 of 5 in relative importance (38.2% of R²).")
    zh = msg("exercises_drivers.shortfall.answer", language="zh", **FACTS)
    assert zh.startswith("responsiveness 离期望最远：感知 4.44，期望 5.93，差距 -1.50 分（区间 -1.58 至 -1.41，整体低于零），"
                         "远大于次之的维度 reliability（-0.16）。它在相对重要性中排第 1 位（共 5 个，占 R² 的 38.2%）。")


def test_the_gap_by_hand_answer_in_both_languages():
    facts = dict(gap=-0.1573, perception=5.2365, expectation=5.3938, n=720, n_items=4, item_low=-0.1792,
                 item_high=-0.1472, ci_low=-0.2428, ci_high=-0.0717)
    assert "The reliability gap is -0.157 points: mean perception 5.237 minus mean expectation 5.394 over 720 " \
           "respondents" in msg("exercises_drivers.gap_by_hand.answer", language="en", **facts)
    assert "可靠性的差距为 -0.157 分：720 位受访者的平均感知 5.237 减去平均期望 5.394" in msg(
        "exercises_drivers.gap_by_hand.answer", language="zh", **facts)


def test_every_exercise_has_its_words_and_the_same_fields_in_both_languages():
    from analysis.course.drivers import EXERCISES

    for item in EXERCISES:
        for part in ("title", "question", "hint"):
            for language in ("en", "zh"):
                assert item.words(part, language).strip()
        for part in ("title", "question", "hint", "answer"):
            key = f"{item.catalog}.{item.key}.{part}"
            assert _fields(catalog("en")[key]) == _fields(catalog("zh")[key]), key
            assert part == "answer" or not _fields(catalog("en")[key]), f"{key} is shown without facts"
