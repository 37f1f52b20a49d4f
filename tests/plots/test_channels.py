"""Figures of notebook 04: whiskers that never go negative (a zero-event channel drew a
Wilson bound of 2.8e-17 above its rate and matplotlib refused the plot, issue 13 case 16),
withheld estimates, and display labels instead of raw column names."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

from analysis.plots.channels import _whiskers, plot_adjusted, plot_economics, plot_rates


def test_whiskers_are_the_distances_to_the_bounds_clipped_at_zero():
    est, low, high = np.array([0.0, 0.3, 2.0]), np.array([2.8e-17, 0.1, 2.0 + 1e-15]), np.array([0.2, 0.6, 2.5])
    below, above = _whiskers(est, low, high)
    np.testing.assert_array_equal(below, [0.0, est[1] - low[1], 0.0])
    np.testing.assert_array_equal(above, [0.2, high[1] - est[1], 0.5])


def test_rates_plot_draws_a_zero_event_channel_with_display_labels():
    from types import SimpleNamespace

    groups = pd.DataFrame({"rate": [0.0, 0.25], "ci_low": [2.8e-17, 0.1], "ci_high": [0.1, 0.45]},
                          index=pd.Index(["email_discount", "web"], name="channel"))
    res = SimpleNamespace(groups=groups, outcome="converted", group="channel", alpha=0.05)
    fig = plot_rates(res, label=lambda name: name.replace("_", " ").capitalize())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Email discount", "Web"]
    assert ax.get_ylabel() == "Channel" and "Converted" in ax.get_title()
    assert [t.get_text() for t in plot_rates(res).axes[0].get_yticklabels()] == ["email_discount", "web"]


def test_adjusted_plot_accepts_a_withheld_estimate():
    from types import SimpleNamespace

    eff = pd.DataFrame({"estimate": [np.nan, 0.5], "ci_low": [np.nan, 0.1], "ci_high": [np.nan, 0.9],
                        "group": ["a", "b"], "unadjusted": [0.2, 0.4], "unadjusted_ci_low": [0.0, 0.1],
                        "unadjusted_ci_high": [0.4, 0.7]})
    fig = plot_adjusted(SimpleNamespace(effects=eff, reference="control"), "visit")
    assert len(fig.axes) == 1


@pytest.mark.parametrize("low", [30.0, 30.0 + 1e-13])
def test_economics_bars_take_intervals_touching_the_estimate(low):
    eco = pd.DataFrame({"first_year_value": [30.0], "first_year_value_ci_low": [low],
                        "first_year_value_ci_high": [35.0], "cac": [10.0]}, index=["web"])
    assert len(plot_economics(eco, label=str.upper).axes[0].patches) == 2


def test_money_axes_name_the_studys_currency():
    """Issue 13, case 22: money axes say the study's currency, not "currency units"."""
    import pandas as pd

    from analysis.plots.channels import plot_economics, plot_lifetime_economics, plot_spend

    eco = pd.DataFrame({"first_year_value": [30.0], "cac": [10.0], "value_to_date": [30.0], "residual_value": [5.0],
                        "lifetime_value": [35.0]}, index=["web"])
    spend = pd.DataFrame({"ch": ["a", "b"], "spend": [10.0, 20.0]})
    assert plot_spend(spend, "ch", "spend", currency="euros").axes[0].get_xlabel() == "spend per buyer (euros, log scale)"
    assert plot_economics(eco, currency="euros").axes[0].get_ylabel() == "euros per customer"
    assert plot_lifetime_economics(eco, currency="euros").axes[0].get_ylabel() == "euros per customer"
    assert "currency units" in plot_economics(eco).axes[0].get_ylabel()


def test_attribution_figure_names_its_rules_and_units():
    from analysis.messages import msg
    from analysis.plots.channels import plot_attribution

    t = pd.DataFrame({"last_touch": [3.0, 1.0], "markov": [2.5, 1.5]}, index=["search", "email"])
    ax = plot_attribution(t).axes[0]
    assert ax.get_title() == msg("channels.fig.attribution.title")
    assert "number of converting journeys" in ax.get_xlabel()
    assert [x.get_text() for x in ax.get_legend().get_texts()] == ["Last touch", "Markov removal effect"]
