"""Tests of analysis.simulate.complaints: complaint rates, categories and the leave-after-complaint effect.

Known truth: an order complains with probability complaint_rate[channel]; after a
complaint resolved r the customer leaves with probability recovery_leave_prob[r],
so a repurchase within h days after a complaint-r order happens with probability
(1 - recovery_leave_prob[r]) times that after an order without complaint of the same
customer type. Tolerances are 4 standard errors of the sampling error at the size
used (a correct simulation fails one such check with probability about 6e-5).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.simulate import simulate_service_firm
from analysis.simulate.complaints import complaint_parameters, simulate_complaints


def test_complaint_rate_per_order_by_channel_matches_the_truth(firm):
    # a stopped log keeps the ratio of expectations (Wald): complaints / orders estimates the rate
    t = firm.truth
    orders = firm.transactions.groupby("channel").size()
    complaints = firm.complaints.groupby("channel").size().reindex(orders.index, fill_value=0)
    for ch, n in orders.items():
        p = t.complaint_rate[ch]
        se = np.sqrt(p * (1 - p) / n)
        assert abs(complaints[ch] / n - p) < 4 * se, (ch, complaints[ch] / n, p)


def test_complaints_belong_to_kept_orders_and_categories_follow_the_shares(big_firm):
    c, tx, t = big_firm.complaints, big_firm.transactions, big_firm.truth
    order = tx.set_index("order_id").loc[c["order_id"]]
    assert (order["customer_id"].to_numpy() == c["customer_id"].to_numpy()).all()
    assert (order["date"].dt.normalize().to_numpy() == c["date"].to_numpy()).all()
    assert (order["channel"].to_numpy() == c["channel"].to_numpy()).all()
    shares = c["category"].value_counts(normalize=True)
    for cat, p in t.complaint_categories.items():
        assert abs(shares[cat] - p) < 4 * np.sqrt(p * (1 - p) / len(c)), cat
    resolved = c["resolution"].dropna()
    assert set(resolved) == {"good", "poor"}
    # only complaints whose resolution falls after the end of the data stay unresolved
    open_ = c["resolution"].isna()
    assert (c.loc[open_, "date"] > t.observation_end - pd.Timedelta(days=60)).all()
    assert c.loc[open_, ["resolved_date", "compensation", "satisfaction_after"]].isna().all().all()
    assert (c.loc[~open_, "resolved_date"] <= t.observation_end).all()
    # good recoveries are faster and leave customers more satisfied (means in the truth)
    by = c[~open_].assign(days=(c["resolved_date"] - c["date"]).dt.days).groupby("resolution")
    for r in ("good", "poor"):
        assert by["satisfaction_after"].mean()[r] == pytest.approx(t.satisfaction_after_mean[r], abs=0.15)
    assert by["days"].mean()["good"] < by["days"].mean()["poor"]


def _next_within(tx: pd.DataFrame, h: int) -> np.ndarray:
    """Brute force: does the customer's next order in the log come within h days?"""
    nxt = tx.groupby("customer_id", sort=False)["date"].shift(-1)
    return ((nxt - tx["date"]).dt.days <= h).to_numpy()


def test_repurchase_after_a_complaint_is_cut_by_exactly_one_minus_the_leave_probability():
    """Observed repurchases after complaint-r orders against those expected under the truth.

    Complaints at a high rate (25% of orders) on the 5,000-customer base log, so that
    each resolution has some 2,000 usable orders. The expected count is
    (1 - leave[r]) times the no-complaint repurchase rate of the same acquisition
    channel (the customer's type), the stratum within which complaining is random.
    """
    base = simulate_service_firm(5000, seed=3, retention_data=False)
    t = complaint_parameters(base.truth.channels)
    t["complaint_rate"] = {c: 0.25 for c in t["complaint_rate"]}
    kept, complaints = simulate_complaints(np.random.default_rng(8), base.transactions,
                                           base.truth.observation_end, t)
    assert len(kept) < len(base.transactions)
    h = 90
    log = kept.merge(base.customers[["customer_id", "acquisition_channel"]], on="customer_id")
    log["repurchase"] = _next_within(log, h)
    log = log[log["date"] <= base.truth.observation_end - pd.Timedelta(days=h)]  # h days observable
    labels = complaints.set_index("order_id")["resolution"]
    log["group"] = log["order_id"].map(labels).where(log["order_id"].isin(labels.index), "none")
    stratum_rate = log[log["group"] == "none"].groupby("acquisition_channel")["repurchase"].mean()
    for r, leave in t["recovery_leave_prob"].items():
        sub = log[log["group"] == r]
        p = (1 - leave) * sub["acquisition_channel"].map(stratum_rate).to_numpy()
        observed, expected = sub["repurchase"].sum(), p.sum()
        se = np.sqrt((p * (1 - p)).sum())
        assert abs(observed - expected) < 4 * se, (r, observed, expected, se)
        ratio = observed / (expected / (1 - leave))  # the recovered risk ratio
        assert ratio == pytest.approx(1 - leave, abs=4 * se / (expected / (1 - leave)))


def test_no_complaint_means_nothing_is_removed():
    base = simulate_service_firm(300, seed=3, retention_data=False)
    t = complaint_parameters(base.truth.channels)
    t["complaint_rate"] = {c: 0.0 for c in t["complaint_rate"]}
    kept, complaints = simulate_complaints(np.random.default_rng(1), base.transactions,
                                           base.truth.observation_end, t)
    pd.testing.assert_frame_equal(kept, base.transactions)
    assert complaints.empty and list(complaints.columns)[:2] == ["complaint_id", "customer_id"]


def test_a_customer_who_leaves_has_no_later_order():
    base = simulate_service_firm(2000, seed=4, retention_data=False)
    t = complaint_parameters(base.truth.channels)
    t["complaint_rate"] = {c: 0.3 for c in t["complaint_rate"]}
    t["recovery_leave_prob"] = {"good": 1.0, "poor": 1.0}  # every complaint ends the relationship
    kept, complaints = simulate_complaints(np.random.default_rng(2), base.transactions,
                                           base.truth.observation_end, t)
    last = kept.groupby("customer_id")["order_id"].last()
    assert complaints["customer_id"].is_unique
    assert (last.loc[complaints["customer_id"]].to_numpy() == complaints["order_id"].to_numpy()).all()
    # brute force: the kept log is each customer's orders up to the first complaint
    first_k = complaints.set_index("customer_id")["order_id"]
    pos = base.transactions.reset_index().set_index("order_id")["index"]
    cut = base.transactions["customer_id"].map(first_k.map(pos))
    expected = base.transactions[cut.isna() | (base.transactions.index <= cut)]
    pd.testing.assert_frame_equal(kept, expected.reset_index(drop=True))


def test_compensation_is_paid_for_a_known_share_with_a_known_mean(big_firm):
    c, t = big_firm.complaints.dropna(subset=["resolution"]), big_firm.truth
    for r, sub in c.groupby("resolution"):
        paid = sub["compensation"] > 0
        share = t.compensation_share[r]
        assert abs(paid.mean() - share) < 4 * np.sqrt(share * (1 - share) / len(sub)), r
        mean = t.compensation_mean[r]  # Gamma: sd = mean / sqrt(shape)
        se = mean / np.sqrt(t.compensation_shape) / np.sqrt(paid.sum())
        assert abs(sub.loc[paid, "compensation"].mean() - mean) < 4 * se, r
    assert (c["compensation"] >= 0).all()
