"""The value-class finding: every cited number recomputed from the summary by hand, and a round trip
through ReportOutputs and verify_outputs (which recomputes each cited value from the written CSV).

References: a six-customer table whose medians (recency 30, frequency 2, spend 55) and classes are
worked out in the comments.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.findings import verify_outputs
from analysis.findings.value_classes import value_class_finding
from analysis.report import ReportOutputs
from analysis.segmentation import rfm_value_classes, value_class_summary


def _table():
    # medians: recency (5, 10, 30, 30, 90, 200) -> 30; frequency (1, 1, 2, 2, 4, 5) -> 2;
    # monetary (5, 10, 50, 60, 80, 300) -> 55
    return pd.DataFrame({"recency_days": [5, 10, 30, 30, 90, 200], "frequency": [5, 4, 1, 2, 2, 1],
                         "monetary": [300.0, 80.0, 10.0, 50.0, 60.0, 5.0]},
                        index=pd.Index(list("abcdef"), name="customer_id"))


def test_cited_values_are_the_summary_cells_worked_out_by_hand():
    classes = rfm_value_classes(_table())
    # a, b: R high F high M high -> important value; c, d: R low (30 is not below 30), F low, M low -> general
    # win-back (d's recency and frequency sit on the medians: low); e: R low, F low, M high -> important win-back;
    # f: general win-back
    assert classes["value_class"].astype(str).tolist() == [
        "important_value", "important_value", "general_win_back", "general_win_back", "important_win_back",
        "general_win_back"]
    f = value_class_finding(value_class_summary(classes), language="en")
    cites = {k: c.value for k, c in f.cites().items()}
    assert cites == pytest.approx({"r_ref": 30.0, "f_ref": 2.0, "m_ref": 55.0, "largest_share": 0.5,
                                   "top_share": 1 / 3, "top_revenue_share": 380 / 505})
    assert "General win\\-back customers (50.0% of customers)" in f.text("en")  # Markdown-escaped
    assert "Important value customers bring the most revenue: 75.2% of it from 33.3%" in f.text("en")
    assert "中位数" in value_class_finding(value_class_summary(classes), language="zh").text("zh")


def test_written_table_round_trip(tmp_path):
    out = ReportOutputs(tmp_path)
    summary = out.table("rfm_value_classes", value_class_summary(rfm_value_classes(_table(), "mean"), "mean"))
    out.finding(value_class_finding(summary))
    assert verify_outputs(tmp_path) == []
