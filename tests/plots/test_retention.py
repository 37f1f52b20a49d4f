"""Figures of notebook 05's retention and economics sections (analysis.plots.retention): each has a title,
axis labels with units, draws what its table holds (incomplete cohort periods blank, the survival step
starting at 1), and uses display labels for names from the data."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from analysis.plots.retention import (plot_cohort_heatmap, plot_period_retention, plot_retention_by_group,
                                      plot_retention_scenarios, plot_sbg, plot_survival)
from analysis.retention import (cohort_matrix, kaplan_meier, kaplan_meier_by_group, period_retention,
                                retention_by_group, retention_scenarios)

LOG = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c", "d", "d"],
                    "date": pd.to_datetime(["2024-01-03", "2024-02-11", "2024-01-15", "2024-03-02", "2024-02-01",
                                            "2024-02-05", "2024-03-09"])})


def _labelled(fig):
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel()
    return ax


def test_cohort_heatmap_leaves_period_zero_and_incomplete_periods_out():
    m = cohort_matrix(LOG, observation_end="2024-03-20")  # March incomplete
    ax = _labelled(plot_cohort_heatmap(m, period="month"))
    data = ax.images[0].get_array()
    assert data.shape == (1, 1)  # cohort 2024-01 at one month; February's cohort has no complete later month
    assert data[0, 0] == m.loc[("2024-01", 1), "rate"]
    assert ax.get_ylabel() == "Cohort (first month)" and ax.get_xlabel() == "Time since acquisition (months)"
    assert [t.get_text() for t in ax.texts] == [f"{m.loc[('2024-01', 1), 'rate']:.0%}"]


def test_period_retention_and_groups_figures():
    r = period_retention(LOG, observation_end="2024-03-31")
    ax = _labelled(plot_period_retention(r, period="month"))
    assert ax.get_ylabel() == "Retention rate (share)"
    assert np.allclose(ax.lines[0].get_ydata(), r["estimate"])
    g = pd.DataFrame({"acquisition_channel": ["web_shop", "store", "store", "web_shop"]},
                     index=pd.Index(list("abcd"), name="customer_id"))
    by = retention_by_group(LOG, g, observation_end="2024-03-31")
    ax = _labelled(plot_retention_by_group(by, label=lambda s: s.replace("_", " ").title()))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["acquisition channel: Store",
                                                           "acquisition channel: Web Shop"]


def test_survival_curve_steps_from_one_with_groups():
    lt = pd.DataFrame({"duration_days": [0, 3, 5, 8, 2, 9], "churned": [True, True, False, True, True, False]},
                      index=list("abcdef"))
    curve = kaplan_meier(lt["duration_days"], lt["churned"])
    groups = kaplan_meier_by_group(lt, pd.Series(list("xxxyyy"), index=lt.index))
    ax = _labelled(plot_survival(curve, groups, label=str.upper))
    assert ax.lines[0].get_ydata()[0] == 1.0
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["All customers", "X", "Y"]
    assert ax.get_xlabel() == "Days since the first purchase"


def test_sbg_and_scenario_figures():
    c = pd.DataFrame({"observed": [1.0, 0.8, 0.7, 0.62], "forecast": [1.0, 0.81, 0.69, 0.6],
                      "calibration": [True, True, False, False]}, index=pd.Index(range(4), name="period"))
    ax = _labelled(plot_sbg(c))
    assert ax.get_xlabel() == "Months since joining" and len(ax.lines) == 3
    s = retention_scenarios(margin=10.0, retention=0.5, discount_rate=0.02, n_customers=100)
    ax = _labelled(plot_retention_scenarios(s, currency="US dollars"))
    assert ax.get_ylabel() == "Gain in base value (US dollars)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["+1", "+2", "+3", "+4", "+5"]
