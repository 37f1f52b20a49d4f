"""The course companion's words (analysis.messages.course): levels, topics and the checker's verdicts."""

from __future__ import annotations

from analysis.course import LEVELS, TOPICS
from analysis.messages import msg


def test_every_level_and_topic_has_words_in_both_languages():
    for language in ("en", "zh"):
        assert len({msg(f"course.level.{level}", language=language) for level in LEVELS}) == len(LEVELS)
        assert len({msg(f"course.topic.{topic}", language=language) for topic in TOPICS}) == len(TOPICS)


def test_verdicts_name_the_exercise_and_the_next_step():
    why = msg("course.check.want_number", language="en")
    assert msg("course.check.wrong", language="en", id="01.3", why=why) == (
        '**01.3** ✗ Not yet: a number is expected. Try again, or ask for a hint with `wb.hint("01.3")`.')
    assert msg("course.check.right", language="zh", id="01.3").startswith("**01.3** ✓ 正确")
    assert msg("course.topic.key_accounts", language="zh") == "大客户管理"
