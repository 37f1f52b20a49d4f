"""plots.drivers: the effects figure of notebook 03's structural model draws what the effects table holds."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from analysis.plots.drivers import plot_effects


def _effects() -> pd.DataFrame:
    rows = [("IMAG", "LOY", "direct", 0.28, 0.1, 0.42), ("IMAG", "LOY", "indirect", 0.24, 0.14, 0.34),
            ("IMAG", "LOY", "total", 0.52, 0.42, 0.63), ("SAT", "LOY", "direct", 0.5, 0.36, 0.65),
            ("SAT", "LOY", "total", 0.5, 0.36, 0.65), ("IMAG", "SAT", "total", 0.49, 0.38, 0.6)]
    df = pd.DataFrame(rows, columns=["from", "to", "effect", "estimate", "ci_low", "ci_high"])
    return df.set_index(["from", "to", "effect"])


def test_effects_figure_has_one_row_per_source_and_a_series_per_kind():
    """Issue 12 (NB03 case 2): direct, indirect and total effects on the target with their intervals;
    effects on other constructs are not drawn and a kind the model rules out has no marker."""
    fig = plot_effects(_effects(), target="LOY", labels=lambda s: s.title())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Imag", "Sat"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["total", "direct", "indirect"]
    totals = ax.containers[0].lines[0].get_xdata()
    np.testing.assert_allclose(totals, [0.52, 0.5])
    indirect = ax.containers[2].lines[0].get_xdata()
    np.testing.assert_allclose(indirect, [0.24])  # SAT has no indirect effect on LOY
    assert ax.get_title() == "Effects on Loy: direct, indirect and total (PLS path model)"
    assert ax.get_xlabel() == "Effect on Loy (standardized), 95% bootstrap interval"


def test_index_figure_draws_every_construct_overall_and_per_group():
    """Issue 15 (item 3): the 0-100 index of each construct with its interval, one series per group; the axis
    stays within 0-100."""
    from analysis.plots.drivers import plot_index

    index = pd.DataFrame({"estimate": [71.2, 64.0], "ci_low": [69.0, 61.5], "ci_high": [73.1, 66.2]},
                         index=pd.Index(["SAT", "QUAL"], name="construct"))
    groups = pd.DataFrame({"estimate": [72.0, 70.0, 66.0, 60.0], "ci_low": [70.0, 67.0, 63.0, 57.0],
                           "ci_high": [74.0, 73.0, 69.0, 63.0]},
                          index=pd.MultiIndex.from_product([["SAT", "QUAL"], ["f", "m"]], names=["construct", "group"]))
    fig = plot_index(index, groups, labels=str.lower, group="gender")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["sat", "qual"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["all respondents", "f", "m"]
    assert ax.get_legend().get_title().get_text() == "gender"
    np.testing.assert_allclose(ax.containers[0].lines[0].get_xdata(), [71.2, 64.0])
    np.testing.assert_allclose(ax.containers[2].lines[0].get_xdata(), [70.0, 60.0])  # group m
    low, high = ax.get_xlim()
    assert 0 <= low <= 57 and 74 <= high <= 100
    assert ax.get_xlabel().startswith("Index (0 = every answer at the bottom of the scale")
    assert ax.get_title() == "Satisfaction index per construct (0-100, ACSI method)"
    alone = plot_index(index.assign(ci_low=np.nan, ci_high=np.nan)).axes[0]
    assert alone.get_legend() is None and len(alone.containers) == 1
