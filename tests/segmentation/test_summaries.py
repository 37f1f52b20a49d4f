"""Segment summaries and heat-map tables with and without money (issue 12, case 1)."""

import pandas as pd
import pytest

from analysis.segmentation import rfm_heatmap_table, segment_summary


def test_count_only_summary_speaks_of_purchases_and_matches_pandas():
    t = pd.DataFrame({"segment": list("xxyyy"), "recency_days": [1, 3, 9, 20, 40], "frequency": [5, 3, 1, 1, 2]})
    s = segment_summary(t)
    assert "revenue" not in s.columns and "revenue_share" not in s.columns
    assert s.loc["x", "purchase_share"] == pytest.approx(8 / 12)  # by hand
    assert s["purchase_share"].sum() == pytest.approx(1.0)
    assert s.loc["y", "customers"] == 3


def test_all_missing_monetary_counts_as_no_money():
    t = pd.DataFrame({"segment": ["x", "y"], "recency_days": [1, 3], "frequency": [2, 1],
                      "monetary": [float("nan")] * 2})
    assert "purchase_share" in segment_summary(t).columns


def test_heatmap_counts_customers_without_money():
    t = pd.DataFrame({"r_score": [1, 1, 2, 2, 2], "f_score": [1, 1, 2, 2, 1]})
    heat = rfm_heatmap_table(t, None)
    assert heat.loc[2, 2] == 2 and heat.loc[1, 1] == 2 and heat.loc[2, 1] == 1
    assert heat.to_numpy()[~heat.isna().to_numpy()].sum() == len(t)
