"""Figures of notebook 05's cross-selling and scorecard sections (analysis.plots.scorecard): titles, axis labels
with units, one panel per KPI with data, the verdict's colour and the target marker where a target exists."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import to_hex

from analysis.plots.scorecard import VERDICT_COLOURS, plot_adoption, plot_scorecard, plot_value_added
from analysis.retention import category_adoption


def test_adoption_figure_has_title_labels_and_one_row_per_category():
    tx = pd.DataFrame({"customer_id": list("aabbc"), "category": list("xyxzz")})
    fig = plot_adoption(category_adoption(tx), label=str.upper)
    ax = fig.axes[0]
    assert ax.get_title().startswith("Share of customers who bought each category")
    assert ax.get_xlabel() == "Share of customers" and ax.get_ylabel() == "Category"
    assert {t.get_text() for t in ax.get_yticklabels()} == {"X", "Y", "Z"}


def test_value_added_figure_marks_an_unfinished_period():
    sales = pd.DataFrame({"estimate": [10.0, 12.0, 5.0], "ci_low": [8.0, 9.0, np.nan], "ci_high": [12.0, 15.0, np.nan],
                          "full": [True, True, False]}, index=["2024Q1", "2024Q2", "2024Q3"])
    ax = plot_value_added(sales, period="quarter", currency="euros").axes[0]
    assert ax.get_ylabel() == "Sales (euros)" and ax.get_xlabel() == "Quarter"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["period not yet over"]


def test_scorecard_figure_one_panel_per_kpi_with_data():
    card = pd.DataFrame({"estimate": [0.58, 30.0, np.nan, 12000.0], "ci_low": [0.55, 25.0, np.nan, 10000.0],
                         "ci_high": [0.61, 36.0, np.nan, 14000.0], "target": [0.5, 20.0, 0.1, np.nan],
                         "verdict": ["met", "not met", "no data", "no target"]},
                        index=["retention_rate", "complaint_rate", "referral_rate", "value_added_sales"])
    fig = plot_scorecard(card, currency="euros")
    assert len(fig.axes) == 3 and fig._suptitle.get_text().startswith("KPI scorecard")
    names = [ax.get_yticklabels()[0].get_text() for ax in fig.axes]
    assert names == ["Retention rate", "Complaint rate", "Value-added service sales"]
    assert [ax.get_xlabel() for ax in fig.axes] == ["share", "per 1,000 orders", "euros"]
    first = fig.axes[0].lines[0]
    assert to_hex(first.get_color()) == VERDICT_COLOURS["met"].lower()
    assert len(fig.axes[2].get_legend().get_texts()) == 1  # no target: no target marker
