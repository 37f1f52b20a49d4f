"""Figures of the complaints section (analysis.plots.complaints): each has a title, axis labels with units, and
draws what the table holds."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.plots.complaints import (
    plot_complaint_channels,
    plot_complaint_trend,
    plot_group_means,
    plot_pareto,
    plot_recovery,
)

RATES = pd.DataFrame({"per_1000_orders": [30.0, 25.0, 40.0], "per_1000_low": [20.0, 15.0, 30.0],
                      "per_1000_high": [40.0, 35.0, 52.0], "orders": [900, 800, 0], "full": [True, False, False]},
                     index=["2024Q1", "2024Q2", "2024Q3"])


def _labelled(fig):
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    return ax


def test_trend_draws_periods_with_orders_and_marks_unfinished_ones():
    ax = _labelled(plot_complaint_trend(RATES, period="quarter"))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024Q1", "2024Q2"]  # no orders in 2024Q3
    assert "quarter" in ax.get_title() and ax.get_ylabel() == "Complaints per 1,000 orders"


def test_channels_are_sorted_and_labelled():
    ax = plot_complaint_channels(RATES.iloc[:2].set_axis(["web", "store"]), label=str.upper).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["STORE", "WEB"]
    assert ax.get_xlabel() == "Complaints per 1,000 orders"


def test_pareto_has_counts_and_a_cumulative_axis_in_percent():
    cats = pd.DataFrame({"complaints": [6, 3, 1], "cumulative_share": [0.6, 0.9, 1.0],
                         "vital_few": [True, True, False]}, index=["late", "rude", "not recorded"])
    fig = plot_pareto(cats)
    ax, twin = fig.axes
    assert [p.get_height() for p in ax.patches] == [6, 3, 1]
    assert np.allclose(twin.lines[0].get_ydata(), [60, 90, 100]) and "%" in twin.get_ylabel()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["late", "rude", "not recorded"]


def test_recovery_shows_naive_and_adjusted_for_each_group():
    rates = pd.DataFrame({"estimate": [0.7, 0.66, 0.42], "ci_low": [0.69, 0.6, 0.35], "ci_high": [0.71, 0.7, 0.5],
                          "naive": [0.7, 0.65, 0.43], "naive_ci_low": [0.69, 0.6, 0.36],
                          "naive_ci_high": [0.71, 0.7, 0.5]}, index=["none", "good", "poor"])
    ax = plot_recovery(rates, days=90).axes[0]
    assert "90 days" in ax.get_title() and "%" in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["no complaint", "complaint resolved well",
                                                            "complaint not resolved well"]
    assert len(ax.get_legend().get_texts()) == 2


def test_group_means_leave_out_groups_without_an_interval():
    m = pd.DataFrame({"estimate": [5.8, 2.6, 7.0], "ci_low": [5.7, 2.5, np.nan], "ci_high": [5.9, 2.7, np.nan]},
                     index=["good", "poor", "not recorded"])
    ax = plot_group_means(m).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["complaint resolved well", "complaint not resolved well"]
    assert ax.get_xlabel()


def test_names_from_the_data_show_as_written():
    r = RATES.iloc[:2].set_axis(["web*", "[store]"])
    ax = plot_complaint_channels(r).axes[0]
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == ["[store]", "web*"]  # no Markdown escapes
