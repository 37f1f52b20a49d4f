"""The words of notebook 05's exercises (analysis.messages.exercises_retention) in both languages."""

from __future__ import annotations

import re

from analysis.messages import msg

# the facts of exercise 05.4 for a firm whose numbers are easy to check by hand:
# 30 / (1 + 0.025 - 0.425) = 50.00; 1.5 / 0.02 = 75.00 per kept customer
ECONOMICS = dict(margin=30.0, retention=0.425, discount=0.025, cost_of_churn=50.0, value=80.0, cost=1.5,
                 per_kept=75.0, effect=0.02, effect_points=2.0, break_even=0.03, break_even_points=3.0)


def test_model_answer_cites_its_numbers_in_both_languages():
    en = msg("exercises_retention.economics.answer", language="en", **ECONOMICS)
    assert en.startswith("With m = 30.00, r = 0.4250 and d = 0.0250, the cost of churn is "
                         "30.00 / (1 + 0.0250 − 0.4250) = 50.00;")
    assert "raises the retention rate by 2 percentage points" in en and "75.00 per customer kept" in en
    assert "an improvement of 3.00 points" in en
    zh = msg("exercises_retention.economics.answer", language="zh", **ECONOMICS)
    assert zh.startswith("m = 30.00、r = 0.4250、d = 0.0250 时，客户流失成本为 30.00 / (1 + 0.0250 − 0.4250) = 50.00；")
    assert "提高 2 个百分点" in zh and "每保留一位客户 75.00" in zh


def test_rates_render_as_percentages_in_both_languages():
    facts = dict(period="2024Q3", active=577, retained=257, rate=0.4454, churn=0.5546, low=0.4053, high=0.4862)
    assert msg("exercises_retention.latest.answer", language="en", **facts).startswith(
        "In 2024Q3, 577 customers bought and 257 of them bought again in the next period: a retention rate of "
        "44.5% (interval 40.5% to 48.6%), so the churn rate is 55.5%.")
    assert msg("exercises_retention.latest.answer", language="zh", **facts).startswith(
        "2024Q3 有 577 位客户购买，其中 257 位在下一期再次购买：客户留存率为 44.5%（区间 40.5% 至 48.6%），因此客户流失率为 55.5%。")


def test_every_exercise_has_title_question_hint_and_answer():
    from analysis.course.retention import EXERCISES

    for item in EXERCISES:
        for part in ("title", "question", "hint"):
            for language in ("en", "zh"):
                assert item.words(part, language).strip()


def test_both_languages_cite_the_same_facts():
    from analysis.messages.exercises_retention import MESSAGES as EN
    from analysis.messages.zh.exercises_retention import MESSAGES as ZH

    fields = re.compile(r"\{(\w+)")
    for key, text in EN["en"].items():
        assert set(fields.findall(text)) == set(fields.findall(ZH["zh"][key])), key
