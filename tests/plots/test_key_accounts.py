"""The key-account portfolio figure (issue 15, item 2): titled, labelled with units, quadrant
lines at the thresholds the page shows, key accounts highlighted and numbered by rank.

References: the thresholds and the points are read back from the drawn artists and compared
with the medians and values computed directly from the table.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd

from analysis.plots.key_accounts import plot_key_account_portfolio
from analysis.segmentation.key_accounts import key_account_scores, portfolio_quadrants

matplotlib.use("Agg")


def _result():
    rng = np.random.default_rng(3)
    n = 300
    tx = pd.DataFrame({"customer_id": [f"c{i % 60:03d}" for i in range(n)],
                       "date": pd.Timestamp("2023-01-02") + pd.to_timedelta(rng.integers(0, 729, n), unit="D"),
                       "amount": rng.gamma(2.0, 50.0, n)})
    return key_account_scores(tx, observation_end="2024-12-31", count=8)


def test_portfolio_figure_draws_the_median_lines_and_highlights_the_key_accounts():
    r = _result()
    q = portfolio_quadrants(r)
    ax = plot_key_account_portfolio(r.table, q, window_days=365, currency="USD").axes[0]
    assert ax.get_title() == "Key-account portfolio: current value and growth potential"
    assert ax.get_xlabel() == "Current value, last 365 days (USD)" and ax.get_ylabel() == "Growth potential (USD)"
    keys = r.table[r.table["key_account"]]
    vertical = [ln.get_xdata()[0] for ln in ax.get_lines() if ln.get_xdata()[0] == ln.get_xdata()[1]]
    horizontal = [ln.get_ydata()[0] for ln in ax.get_lines() if ln.get_ydata()[0] == ln.get_ydata()[1]]
    assert vertical == [keys["value"].median()] and horizontal == [keys["growth"].median()]
    highlighted = ax.collections[1].get_offsets()
    np.testing.assert_allclose(np.asarray(highlighted)[:, 0], keys["value"])
    labels = {t.get_text() for t in ax.texts}
    assert {str(i) for i in range(1, 9)} <= labels
    assert {"Strategic partner", "Maintain", "Develop", "Serve efficiently"} <= labels


def test_a_log_without_money_labels_the_axes_in_purchases():
    r = _result()
    ax = plot_key_account_portfolio(r.table, portfolio_quadrants(r), window_days=90, what="purchases").axes[0]
    assert ax.get_xlabel() == "Current value, last 90 days (purchases)"
