"""Tests of analysis.simulate.transactions: BG/NBD purchases and Gamma-Gamma spend against the truth.

Tolerances and how expected values are computed: tests/simulate_cases.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from simulate_cases import Z

from analysis.simulate import CHANNELS


def _t_weeks(customers: pd.DataFrame, truth) -> pd.Series:
    """Observation length in weeks: acquisition midnight to the end of observation_end."""
    end = truth.observation_end + pd.Timedelta(days=1)
    return (end - customers["acquisition_date"]).dt.days / 7.0


# --------------------------------------------------------------------- spend
def test_mean_spend_per_transaction_matches_gamma_gamma(firm):
    """Pooled mean amount per channel vs p*v/(q-1).

    Transaction counts are independent of a customer's spend level, so the mean
    over transactions has expectation p*v/(q-1). SE: the ratio estimator's
    cluster-robust SE, sqrt(sum_i (S_i - m n_i)^2) / sum_i n_i, customers as
    clusters (a customer's amounts share nu).
    """
    t = firm.truth
    per = firm.transactions.groupby("customer_id")["amount"].agg(["sum", "size"])
    per = per.join(firm.customers.set_index("customer_id")["acquisition_channel"])
    for ch in CHANNELS:
        g = per[per["acquisition_channel"] == ch]
        m = g["sum"].sum() / g["size"].sum()
        se = np.sqrt(((g["sum"] - m * g["size"]) ** 2).sum()) / g["size"].sum()
        prm = t.gamma_gamma[ch]
        expected = prm.p * prm.v / (prm.q - 1)
        assert abs(m - expected) < Z * se, (ch, m, expected, se)


# ----------------------------------------------------------------- purchases
def test_share_without_repeat_matches_bgnbd_closed_form(firm):
    """Share of customers with no repeat purchase vs E_i[(alpha/(alpha+T_i))^r].

    Under the BG/NBD a customer can drop out only after a repeat purchase, so
    P(no repeat in T) is the NBD zero term. Counting rows (orders), not days.
    SE: sqrt(sum p_i (1 - p_i)) / n for independent Bernoulli outcomes.
    """
    t = firm.truth
    counts = firm.transactions.groupby("customer_id").size()
    cust = firm.customers.set_index("customer_id")
    T = _t_weeks(firm.customers, t).to_numpy()
    for ch in CHANNELS:
        mask = (cust["acquisition_channel"] == ch).to_numpy()
        prm = t.bgnbd[ch]
        p0 = (prm.alpha / (prm.alpha + T[mask])) ** prm.r
        realized = (counts.reindex(cust.index[mask]) == 1).mean()
        se = np.sqrt((p0 * (1 - p0)).sum()) / mask.sum()
        assert abs(realized - p0.mean()) < Z * se, (ch, realized, p0.mean(), se)


def _brute_force_bgnbd(rng, T, r, alpha, a, b):
    """Repeat purchases of customers observed T weeks, simulated event by event."""
    n = len(T)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    clock = np.zeros(n)
    count = np.zeros(n, dtype=int)
    active = np.ones(n, dtype=bool)
    while active.any():
        idx = np.flatnonzero(active)
        clock[idx] += rng.exponential(1.0 / lam[idx])
        bought = clock[idx] <= T[idx]
        count[idx[bought]] += 1
        dies = rng.random(idx.size) < p[idx]
        active[idx[~bought | dies]] = False
    return count


def test_repeat_purchases_match_an_independent_monte_carlo(firm):
    """Mean repeats and P(exactly one repeat) per channel vs a brute-force simulation.

    The brute force draws 40,000 customers per channel with T resampled from the
    channel's realized observation lengths. SE of the difference:
    sqrt(se_realized^2 + se_mc^2) from the two samples' standard deviations.
    """
    t = firm.truth
    rng = np.random.default_rng(123)
    repeats = firm.transactions.groupby("customer_id").size() - 1
    cust = firm.customers.set_index("customer_id")
    T = _t_weeks(firm.customers, t).to_numpy()
    for ch in CHANNELS:
        mask = (cust["acquisition_channel"] == ch).to_numpy()
        x = repeats.reindex(cust.index[mask]).to_numpy()
        prm = t.bgnbd[ch]
        mc = _brute_force_bgnbd(rng, rng.choice(T[mask], 40000), prm.r, prm.alpha, prm.a, prm.b)
        for stat in (lambda v: v.astype(float), lambda v: (v == 1).astype(float)):
            s, m = stat(x), stat(mc)
            se = np.sqrt(s.var(ddof=1) / s.size + m.var(ddof=1) / m.size)
            assert abs(s.mean() - m.mean()) < Z * se, (ch, s.mean(), m.mean(), se)


def test_purchase_channel_stickiness(firm):
    t = firm.truth
    tx = firm.transactions.merge(firm.customers[["customer_id", "acquisition_channel"]])
    repeat = tx[tx.duplicated("customer_id", keep="first")]
    same = (repeat["channel"] == repeat["acquisition_channel"]).to_numpy()
    # P(same) = stickiness + (1 - stickiness) * mix[acquisition channel]
    p = t.purchase_channel_stickiness + (1 - t.purchase_channel_stickiness) * repeat[
        "acquisition_channel"].map(t.channel_mix).to_numpy()
    se = np.sqrt((p * (1 - p)).sum()) / len(p)  # ignores clustering: fine, draws are independent
    assert abs(same.mean() - p.mean()) < Z * se
