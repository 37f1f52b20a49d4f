"""The report site's words (analysis.messages.site): the frame of a page and the index in each language."""

from __future__ import annotations

from analysis.messages import msg


def test_page_frame_words():
    assert msg("site.page.show_code", language="en") == "Show code"
    assert msg("site.page.show_code", language="zh") == "显示代码"
    assert msg("site.page.warnings_many", language="zh", n=3) == "警告与提示（3 行）"


def test_index_summary_reads_as_one_sentence():
    studies = msg("site.index.studies_many", language="en", n=2)
    text = msg("site.index.built", language="en", when="today", studies=studies, notebooks=4, ok=3, reused=1, failed=1)
    assert msg("site.index.sentence", language="en", text=text) == (
        "Built today: 2 studies, 4 notebook(s), 3 ok (1 reused unchanged), 1 failed.")
    assert msg("site.index.sentence", language="zh", text="一").endswith("。")
