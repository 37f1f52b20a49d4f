"""The words of notebook 00's exercises (analysis.messages.exercises_overview) in both languages."""

from __future__ import annotations

from analysis.messages import msg


def test_model_answer_cites_its_numbers_in_both_languages():
    facts = dict(share=0.1622, n=811, median=3.0)
    assert msg("exercises_overview.one_time.answer", language="en", **facts).startswith(
        "16.2% of the customers (811) bought exactly once; the median customer made 3 purchases.")
    assert msg("exercises_overview.one_time.answer", language="zh", **facts).startswith("16.2% 的客户（811 位）只购买过一次")


def test_every_exercise_has_title_question_hint_and_answer():
    from analysis.course.overview import EXERCISES

    for item in EXERCISES:
        for part in ("title", "question", "hint"):
            for language in ("en", "zh"):
                assert item.words(part, language).strip()
