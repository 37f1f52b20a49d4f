"""The value-class figure: one pair of bars per class, lengths the summary's shares, names from the catalog.

Reference: the shares of a three-customer table worked out by hand (one customer in each of three
classes, revenue 5, 50 and 60 of 115).
"""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis.plots.value_classes import plot_value_classes
from analysis.segmentation import rfm_value_classes, value_class_summary

matplotlib.use("Agg")


def test_bars_are_the_shares_and_ticks_the_class_names():
    t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]})
    summary = value_class_summary(rfm_value_classes(t), language="zh")
    ax = plot_value_classes(summary).axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == summary["value_class_name"].tolist()
    assert ax.get_yticklabels()[0].get_text() == "重要价值客户"
    customers, revenue = ax.containers
    assert [b.get_width() for b in customers] == pytest.approx([0, 0, 100 / 3, 0, 0, 100 / 3, 0, 100 / 3])
    assert [b.get_width() for b in revenue] == pytest.approx([0, 0, 6000 / 115, 0, 0, 500 / 115, 0, 5000 / 115])
