"""Tests of analysis.simulate.referrals: who was referred, and by whom.

Known truth: a share referral_share of the customers acquired from day
referral_start_day on were referred, each by an earlier customer drawn with
probability proportional to her purchases before the referred customer's
acquisition day. Tolerances: 4 standard errors of the sampling error.
"""

from __future__ import annotations

import numpy as np


def test_referral_share_and_referrers_acquired_before(big_firm):
    t, cust = big_firm.truth, big_firm.customers
    day = (cust["acquisition_date"] - t.start).dt.days
    eligible = day >= t.referral_start_day
    referred = cust["referred_by"].notna()
    assert not referred[~eligible].any()
    share, n = referred[eligible].mean(), int(eligible.sum())
    assert abs(share - t.referral_share) < 4 * np.sqrt(t.referral_share * (1 - t.referral_share) / n)
    acq = cust.set_index("customer_id")["acquisition_date"]
    assert (cust.loc[referred, "referred_by"].map(acq) < cust.loc[referred, "acquisition_date"]).all()


def test_referrers_are_drawn_in_proportion_to_their_purchases(big_firm):
    """The referrers' mean purchase count (before the referral) against its expectation under
    size-biased sampling, sum(n^2) / sum(n) over the earlier customers, referral by referral."""
    t, cust, tx = big_firm.truth, big_firm.customers, big_firm.transactions
    ids = cust["customer_id"].to_numpy()
    code = {c: i for i, c in enumerate(ids)}
    tx_code = tx["customer_id"].map(code).to_numpy()
    tx_day = (tx["date"].dt.normalize() - t.start).dt.days.to_numpy()
    acq_day = (cust["acquisition_date"] - t.start).dt.days.to_numpy()
    referred = np.flatnonzero(cust["referred_by"].notna().to_numpy())
    observed = expected = variance = uniform = 0.0
    for day in np.unique(acq_day[referred]):
        counts = np.bincount(tx_code[tx_day < day], minlength=len(ids)).astype(float)
        counts[acq_day >= day] = 0
        who = referred[acq_day[referred] == day]
        chosen = counts[[code[c] for c in cust["referred_by"].to_numpy()[who]]]
        m1 = (counts**2).sum() / counts.sum()
        m2 = (counts**3).sum() / counts.sum()
        observed += chosen.sum()
        expected += len(who) * m1
        variance += len(who) * (m2 - m1**2)
        uniform += len(who) * counts.sum() / (counts > 0).sum()
    assert abs(observed - expected) < 4 * np.sqrt(variance), (observed, expected, np.sqrt(variance))
    assert observed > 1.2 * uniform  # well above a uniform draw among the earlier customers
