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
