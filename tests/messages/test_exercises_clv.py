"""The words of notebook 02's exercises (analysis.messages.exercises_clv) in both languages."""

from __future__ import annotations

from analysis.messages import msg


def test_model_answer_cites_its_numbers_in_both_languages():
    facts = dict(customer_id="C01959", value_at_risk=1551.9859, value_if_alive=1698.0367, clv=146.0508,
                 p_alive=0.086, n=199, total=10924.2067)
    assert msg("exercises_clv.top_target.answer", language="en", **facts).startswith(
        "Customer C01959 has the most value at risk, 1,551.99: she would be worth 1,698.04 if she were certainly "
        "still a customer, but her P(alive) is only 9%, so her expected value is 146.05")
    assert msg("exercises_clv.top_target.answer", language="zh", **facts).startswith(
        "客户 C01959 的流失风险价值最高，为 1,551.99：如果她确定仍是客户，价值为 1,698.04，但她的存活概率只有 9%，所以期望价值为 146.05")


def test_the_model_comparison_names_the_models_from_the_facts():
    facts = dict(better="ParetoNBD", worse="BetaGeo", rmse_better=1.7262, rmse_worse=1.7329, ll_better=-95415.1186,
                 ll_worse=-95368.4439, error_better=-12.8572, error_worse=-14.2769)
    en = msg("exercises_clv.cdnow.answer", language="en", **facts)
    assert en.startswith("ParetoNBD predicts CDNOW's holdout period better, with an RMSE of 1.7262 against 1.7329 for "
                         "BetaGeo, although BetaGeo fits the calibration period a little better (log-likelihood "
                         "-95,368.4 against -95,415.1)")
    assert "(-12.9% and -14.3%)" in en
    zh = msg("exercises_clv.cdnow.answer", language="zh", **facts)
    assert zh.startswith("ParetoNBD 对 CDNOW 验证期的预测更好，RMSE 为 1.7262，BetaGeo 为 1.7329")


def test_every_exercise_has_title_question_hint_and_answer():
    from analysis.course.clv import EXERCISES

    assert [item.id for item in EXERCISES] == [f"02.{k}" for k in range(1, len(EXERCISES) + 1)]
    for item in EXERCISES:
        for part in ("title", "question", "hint"):
            for language in ("en", "zh"):
                assert item.words(part, language).strip()
        assert item.words("title", "en") != item.words("title", "zh")
