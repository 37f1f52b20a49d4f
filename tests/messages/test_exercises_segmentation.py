"""The words of notebook 01's exercises (analysis.messages.exercises_segmentation) in both languages."""

from __future__ import annotations

from analysis.messages import msg


def test_model_answer_cites_its_numbers_in_both_languages():
    facts = dict(n=470, before=357, after=207, named_before=113, named_after=263, max_recency=418, at_risk_days=270)
    en = msg("exercises_segmentation.loyal_lapsed.answer", language="en", **facts)
    assert en.startswith("By the scores alone 470 customers would be Loyal; 357 of them are at risk or lost with the "
                         "default stage rules and still 207 with at_risk_days = 270")
    assert "a last purchase 418 days ago" in en
    zh = msg("exercises_segmentation.loyal_lapsed.answer", language="zh", **facts)
    assert zh.startswith("仅按得分会有 470 位忠诚客户；按默认的阶段规则其中 357 位处于流失风险或已流失，at_risk_days = 270 时仍有 207 位")
    assert "418 天前" in zh


def test_key_account_answer_in_both_languages():
    facts = dict(customer_id="C00478", rank=1, days=201, gap=9.0, window_spend=9598.91, previous_spend=5420.33,
                 orders=48, complaints=1, stage="at_risk", window_days=365, factor=2.0, at_risk_days=180)
    assert msg("exercises_segmentation.key_account.answer", language="en", **facts).startswith(
        "Account C00478, ranked 1 among the key accounts, spent 9,598.91 in the last 365 days (against 5,420.33 "
        "the year before), yet has not bought for 201 days while it used to order every 9 days")
    assert msg("exercises_segmentation.key_account.answer", language="zh", **facts).startswith(
        "大客户 C00478 排名第 1，最近 365 天消费了 9,598.91（前一年为 5,420.33），却已经 201 天没有购买")


def test_the_question_shows_the_parameter_as_python():
    for language in ("en", "zh"):
        text = msg("exercises_segmentation.loyal_lapsed.question", language=language)
        assert '`stage_rules = dict(at_risk_days=270, lost_days=540)`' in text


def test_every_exercise_has_title_question_hint_and_answer():
    from analysis.course.segmentation import EXERCISES

    assert [item.id for item in EXERCISES] == [f"01.{k}" for k in range(1, len(EXERCISES) + 1)]
    for item in EXERCISES:
        for part in ("title", "question", "hint"):
            for language in ("en", "zh"):
                assert item.words(part, language).strip()
        assert item.words("title", "en") != item.words("title", "zh")
