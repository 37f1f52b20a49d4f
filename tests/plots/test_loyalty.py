"""Figures of the loyalty-programme section (analysis.plots.loyalty): titles, axis labels with units, the
catalog's words for covariates and tiers, and event-time estimates drawn as % changes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from analysis.plots.loyalty import plot_balance, plot_event, plot_migration, plot_overlap, plot_programme_economics


def test_balance_plot_marks_the_limit_and_names_covariates_in_words():
    b = pd.DataFrame({"smd_before": [0.6, -0.2], "smd_after": [0.03, 0.01]},
                     index=pd.Index(["log_aov_pre", "acquisition_channel=web"], name="covariate"))
    ax = plot_balance(b, label=lambda s: s.replace("_", " ")).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["acquisition channel=web", "average order value before launch (log)"]
    assert ax.get_title() and "Standardised mean difference" in ax.get_xlabel()
    assert sorted(line.get_xdata()[0] for line in ax.get_lines())[:1] == [-0.1]


def test_overlap_plot_shows_shares_of_each_group():
    rng = np.random.default_rng(0)
    s = pd.DataFrame({"treated": rng.random(200) < 0.4, "propensity": rng.uniform(0.05, 0.95, 200),
                      "weight": rng.uniform(0.1, 2, 200), "kept": True})
    ax = plot_overlap(s).axes[0]
    assert "Propensity score" in ax.get_xlabel() and ax.get_ylabel() == "Share of the group's customers"
    assert len(ax.get_legend().get_texts()) == 3


def test_event_plot_draws_percent_changes():
    ev = pd.DataFrame({"estimate": [0.0, np.log(1.1)], "ci_low": [np.nan, np.log(1.05)],
                       "ci_high": [np.nan, np.log(1.15)]}, index=pd.Index([-1, 0], name="event_time"))
    ax = plot_event(ev, period="quarter").axes[0]
    y = ax.get_lines()[0].get_ydata()
    np.testing.assert_allclose(y, [0.0, 10.0])
    assert ax.get_xlabel().startswith("Quarters since joining") and "(%)" in ax.get_ylabel()


def test_migration_and_economics_plots_have_titles_and_units():
    shares = pd.DataFrame([[0.0, 1.0], [0.5, 0.5]], index=["none", "base"], columns=["none", "base"])
    fig = plot_migration(shares, (shares * 4).astype(int), start="2024-01-01", end="2024-12-31")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["not a member", "base"]
    assert "2024-12-31" in ax.get_xlabel()
    e = pd.DataFrame({"estimate": [50.0, 10.0, 5.0, 3.0], "ci_low": [20.0, 10, 5, 3], "ci_high": [80.0, 10, 5, 3]},
                     index=["incremental_margin", "rewards_given", "points_liability", "running_cost"])
    ax = plot_programme_economics(e, currency="EUR").axes[0]
    assert ax.get_ylabel() == "Amount (EUR)" and ax.get_title()
