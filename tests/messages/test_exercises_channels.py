"""The words of notebook 04's exercises (analysis.messages.exercises_channels) in both languages."""

from __future__ import annotations

import string

from analysis.messages import catalog, escape_markdown, msg

FACTS = dict(leader="app_push", raw=9.7716, adjusted=2.0970, ci_low=-0.6085, ci_high=4.8025, best="email",
             best_raw=0.4198, best_adjusted=3.2253, covariate="lifecycle_stage = lost", smd=-0.9892)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_model_answer_cites_its_numbers_in_both_languages():
    facts = {k: escape_markdown(v) if isinstance(v, str) else v for k, v in FACTS.items()}
    en = msg("exercises_channels.adjusted.answer", language="en", **facts)
    assert en.startswith(r"app\_push had the best raw rate, +9.77 percentage points above control, but at the same "
                         r"customer mix its difference is +2.10 (-0.61 to +4.80), while email is best once adjusted "
                         r"(+0.42 raw, +3.23 adjusted).")
    assert r"lifecycle\_stage = lost (standardized difference -0.99)" in en
    zh = msg("exercises_channels.adjusted.answer", language="zh", **facts)
    assert zh.startswith(r"app\_push 的原始比率最高，比对照组高 +9.77 个百分点，但在相同的客户构成下它的差异只有 +2.10"
                         r"（-0.61 至 +4.80），而调整后最好的是 email（原始 +0.42，调整后 +3.23）。")


def test_the_margin_answer_in_both_languages():
    facts = dict(n_after=2, n_before=3, n=5, margin=0.2, margin_before=0.3, best="app", roi_before=1.179,
                 roi_after=0.3347)
    assert msg("exercises_channels.margin.answer", language="en", **facts).startswith(
        "At a gross margin of 20% instead of 30%, 2 of the 5 channels still earn back their acquisition cost in "
        "the first year, against 3 before; even the best, app, falls from an ROI of 117.9% to 33.5%.")
    assert msg("exercises_channels.margin.answer", language="zh", **facts).startswith(
        "毛利率为 20% 而不是 30% 时，5 个渠道中只有 2 个仍能在第一年内收回获客成本，之前是 3 个；"
        "即使最好的 app，ROI 也从 117.9% 降到 33.5%。")


def test_every_exercise_has_its_words_and_the_same_fields_in_both_languages():
    from analysis.course.channels import EXERCISES

    for item in EXERCISES:
        for part in ("title", "question", "hint", "answer"):
            key = f"{item.catalog}.{item.key}.{part}"
            for language in ("en", "zh"):
                assert catalog(language)[key].strip()
            assert _fields(catalog("en")[key]) == _fields(catalog("zh")[key]), key
            assert part == "answer" or not _fields(catalog("en")[key]), f"{key} is shown without facts"
