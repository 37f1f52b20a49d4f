"""Tests of analysis.simulate.customers: acquisition days, channel mix and costs.

Tolerances and how expected values are computed: tests/simulate_cases.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from simulate_cases import Z

from analysis.simulate import CHANNELS


def test_dates_follow_the_design(firm):
    t, tx, cust = firm.truth, firm.transactions, firm.customers
    assert t.start == pd.Timestamp("2023-01-01") and t.observation_end == pd.Timestamp("2024-12-31")
    assert tx["date"].between(t.start, t.observation_end).all()
    n_days = (t.observation_end - t.start).days + 1
    acq_limit = t.start + pd.Timedelta(days=int(np.floor(0.5 * n_days)))
    assert (cust["acquisition_date"] < acq_limit).all()
    # the first purchase of every customer is on the acquisition day, in the acquisition channel
    first = tx.groupby("customer_id").first()
    merged = cust.set_index("customer_id").join(first)
    assert (merged["date"] == merged["acquisition_date"]).all()
    assert (merged["channel"] == merged["acquisition_channel"]).all()
    assert tx["date"].is_monotonic_increasing
    # cost to serve is the channel's value; costs are positive
    assert (cust["cost_to_serve"] == cust["acquisition_channel"].map(t.cost_to_serve)).all()
    assert (cust["acquisition_cost"] > 0).all() and (tx["amount"] >= 0.01).all()


def test_channel_mix_and_acquisition_cost(firm):
    t, cust = firm.truth, firm.customers
    n = len(cust)
    for ch in CHANNELS:
        share = (cust["acquisition_channel"] == ch).mean()
        se = np.sqrt(t.channel_mix[ch] * (1 - t.channel_mix[ch]) / n)  # binomial SE
        assert abs(share - t.channel_mix[ch]) < Z * se, ch
        cost = cust.loc[cust["acquisition_channel"] == ch, "acquisition_cost"]
        se = cost.std(ddof=1) / np.sqrt(len(cost))  # SE of a mean
        assert abs(cost.mean() - t.acquisition_cost[ch]) < Z * se, ch

