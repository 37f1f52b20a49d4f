"""Tests of analysis.simulate.categories: category shares and their co-occurrence within customers.

Known truth: each customer's preferences pi ~ Dirichlet(c * s), each purchase in
category k with probability pi_k. So a purchase is in k with probability s_k, and two
purchases of one customer fall in the same category with probability
sum_k E[pi_k^2] = sum_k s_k (c s_k + 1) / (c + 1) (0.507 at the defaults, against
sum_k s_k^2 = 0.261 if categories were independent of the customer). Tolerances:
4 standard errors clustered by customer (purchases of one customer are correlated).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.simulate.categories import VALUE_ADDED_CATEGORIES


def _clustered_mean_se(values: pd.Series, cluster: pd.Series) -> tuple[float, float]:
    """Ratio estimator of a mean and its standard error with clusters as the sampling units."""
    sums = values.groupby(cluster).sum()
    counts = values.groupby(cluster).size()
    mean = sums.sum() / counts.sum()
    resid = sums - mean * counts
    g = len(sums)
    return mean, float(np.sqrt(g / (g - 1) * (resid**2).sum()) / counts.sum())


def test_categories_follow_the_shares_and_two_are_value_added(big_firm):
    t, tx = big_firm.truth, big_firm.transactions
    assert set(tx["category"]) == set(t.categories) and len(t.categories) == 5
    assert set(t.value_added_categories) == set(VALUE_ADDED_CATEGORIES) <= set(t.categories)
    for cat, share in t.category_shares.items():
        mean, se = _clustered_mean_se((tx["category"] == cat).astype(float), tx["customer_id"])
        assert abs(mean - share) < 4 * se, (cat, mean, share, se)


def test_categories_co_occur_within_customers_as_the_dirichlet_implies(big_firm):
    t = big_firm.truth
    tx = big_firm.transactions.sort_values(["customer_id", "date"], kind="mergesort")
    pair = tx["customer_id"].to_numpy()[1:] == tx["customer_id"].to_numpy()[:-1]
    same = (tx["category"].to_numpy()[1:] == tx["category"].to_numpy()[:-1])[pair]
    s = np.array([t.category_shares[k] for k in t.categories])
    c = t.category_concentration
    expected = float((s * (c * s + 1) / (c + 1)).sum())
    mean, se = _clustered_mean_se(pd.Series(same.astype(float)),
                                  pd.Series(tx["customer_id"].to_numpy()[1:][pair]))
    assert abs(mean - expected) < 4 * se, (mean, expected, se)
    assert mean > (s**2).sum() + 0.2  # far above independence: cross-selling has structure
