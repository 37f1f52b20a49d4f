"""Tests of analysis.simulate.loyalty: self-selected joining, the +10 % spend effect, sBG exits, tiers, points.

Known truth: logit P(join) = intercept + log_aov * z(log AOV) + log_orders * z(log
orders) before the launch; a joiner joins at her first order on or after the launch;
member orders' amounts are multiplied by 1 + loyalty_spend_effect; months in the
programme ~ sBG(membership_sbg). Statistical tolerances are 4 standard errors at the
size used unless said otherwise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy.special import betaln
from scipy.stats import chi2

from analysis.clv import ShiftedBetaGeometric
from analysis.simulate import simulate_service_firm
from analysis.simulate.loyalty import loyalty_parameters, simulate_loyalty


def _membership(firm) -> pd.DataFrame:
    """One row per member: join day and last day in the programme (NaT: still a member)."""
    m = firm.memberships
    return m.groupby("customer_id", sort=False).agg(join=("start_date", "first"),
                                                    last=("end_date", lambda s: s.iloc[-1]))


def _member_order(firm) -> pd.Series:
    mem = _membership(firm)
    tx = firm.transactions
    day = tx["date"].dt.normalize()
    join = tx["customer_id"].map(mem["join"])
    last = tx["customer_id"].map(mem["last"]).fillna(firm.truth.observation_end)
    return (day >= join) & (day <= last)


def test_member_orders_are_raised_by_the_true_effect_and_no_others(firm):
    # brute force against the same firm without retention data (same base draws, same order ids)
    base = simulate_service_firm(5000, seed=firm.truth.seed, retention_data=False).transactions
    before = firm.transactions["order_id"].map(base.set_index("order_id")["amount"])
    member = _member_order(firm)
    raised = np.round(before * (1 + firm.truth.loyalty_spend_effect), 2)
    assert member.sum() > 1000
    np.testing.assert_array_equal(firm.transactions["amount"][member], raised[member])
    np.testing.assert_array_equal(firm.transactions["amount"][~member], before[~member])


def test_joining_is_self_selected_so_the_naive_spend_ratio_is_biased(firm):
    t = firm.truth
    post = firm.transactions[firm.transactions["date"] >= t.loyalty_launch]
    is_member = post["customer_id"].isin(firm.memberships["customer_id"])
    naive = post.loc[is_member, "amount"].mean() / post.loc[~is_member, "amount"].mean()
    assert naive > 1.25 > 1 + t.loyalty_spend_effect  # contract: at least 20 % above non-members


def test_join_day_is_the_first_order_on_or_after_the_launch(firm):
    t, tx = firm.truth, firm.transactions
    first_post = tx[tx["date"] >= t.loyalty_launch].groupby("customer_id")["date"].min().dt.normalize()
    mem = _membership(firm)
    assert (mem["join"] == first_post.reindex(mem.index)).all()
    assert (mem["join"] >= t.loyalty_launch).all()


def test_join_propensity_coefficients_are_recovered(big_firm):
    """Logistic regression of joining on the pre-launch history, among customers with an order
    after the launch (the only ones who can join; the join draw is independent of that)."""
    t, tx = big_firm.truth, big_firm.transactions
    pre = tx[tx["date"] < t.loyalty_launch].groupby("customer_id")["amount"].agg(["mean", "size"])
    z = np.log(pre).apply(lambda col: (col - col.mean()) / col.std(ddof=0))
    could = tx.loc[tx["date"] >= t.loyalty_launch, "customer_id"].unique()
    x = z.loc[could]
    joined = x.index.isin(big_firm.memberships["customer_id"]).astype(float)
    fit = sm.Logit(joined, sm.add_constant(x.to_numpy())).fit(disp=0)
    truth = [t.loyalty_join_coef[k] for k in ("intercept", "log_aov", "log_orders")]
    assert np.all(np.abs(fit.params - truth) < 4 * fit.bse), (fit.params, fit.bse, truth)


def test_within_member_log_amount_difference_recovers_log_1_1(big_firm):
    """Member orders against the same member's orders after she left the programme: both after
    the launch, so untouched by the selection on pre-launch spend. The plain before/after
    difference (pre-launch orders) is biased towards 0 by regression to the mean, since joining
    selected high pre-launch averages."""
    t, tx = big_firm.truth, big_firm.transactions
    mem = _membership(big_firm)
    member = _member_order(big_firm)
    day = tx["date"].dt.normalize()
    after = day > tx["customer_id"].map(mem["last"])
    before = (day < t.loyalty_launch) & tx["customer_id"].isin(mem.index)
    log_amount = np.log(tx["amount"])
    during = log_amount[member].groupby(tx["customer_id"][member]).mean()
    diff = (during - log_amount[after].groupby(tx["customer_id"][after]).mean()).dropna()
    se = diff.std() / np.sqrt(len(diff))
    assert len(diff) > 1000
    assert abs(diff.mean() - np.log1p(t.loyalty_spend_effect)) < 4 * se, (diff.mean(), se)
    naive = (during - log_amount[before].groupby(tx["customer_id"][before]).mean()).dropna()
    assert naive.mean() < np.log1p(t.loyalty_spend_effect) - 4 * naive.std() / np.sqrt(len(naive))


def _sbg_loglik(alpha: float, beta: float, survivors: np.ndarray) -> float:
    """The sBG cohort log-likelihood written out (Fader and Hardie 2007, eq. 6)."""
    lost = -np.diff(survivors)
    t = np.arange(1, len(survivors))
    churn = (lost * (betaln(alpha + 1, beta + t - 1) - betaln(alpha, beta))).sum()
    return churn + survivors[-1] * (betaln(alpha, beta + len(t)) - betaln(alpha, beta))


def test_membership_months_follow_the_sbg_truth(big_firm):
    """The members who joined in the programme's first month, followed 11 months (all observed).

    Each survivor share is within 4 binomial standard errors of the true sBG survival, and
    the true (alpha, beta) lie inside the 99.99 % likelihood-ratio region of
    clv.ShiftedBetaGeometric's fit (alpha and beta are strongly correlated, so their
    single-parameter intervals are the wrong yardstick)."""
    t = big_firm.truth
    mem = _membership(big_firm)
    cohort = mem[mem["join"] < t.loyalty_launch + pd.Timedelta(days=31)]
    months = range(12)
    survivors = np.array([int((cohort["last"].isna() | (cohort["last"] >= cohort["join"]
                                                         + pd.DateOffset(months=k))).sum())
                          for k in months], dtype=float)
    a, b = t.membership_sbg["alpha"], t.membership_sbg["beta"]
    true_s = np.exp([betaln(a, b + k) - betaln(a, b) for k in months])
    n = survivors[0]
    assert n > 2000
    np.testing.assert_array_less(np.abs(survivors / n - true_s), 4 * np.sqrt(true_s * (1 - true_s) / n) + 1e-12)
    fit = ShiftedBetaGeometric().fit(survivors)
    assert fit.loglik_ == pytest.approx(_sbg_loglik(*fit.params_, survivors), rel=1e-9)
    lr = 2 * (fit.loglik_ - _sbg_loglik(a, b, survivors))
    assert lr < chi2.ppf(0.9999, 2), (fit.params_.tolist(), lr)


def test_tiers_points_and_discounts_follow_the_rules(firm):
    """Spells recomputed by brute force from each member's orders: a new tier starts the day
    after the order whose cumulative member spend crosses its threshold."""
    t, m, tx = firm.truth, firm.memberships, firm.transactions
    thresholds = list(t.tier_thresholds.items())
    member = _member_order(firm)
    orders = tx[member]
    mem = _membership(firm)
    upgraded = m.loc[m["tier"] != "base", "customer_id"].unique()[:60]
    assert "gold" in set(m["tier"])
    for cid in pd.Index(mem.index[:80]).union(pd.Index(upgraded)):
        own = orders[orders["customer_id"] == cid]
        spells = m[m["customer_id"] == cid].reset_index(drop=True)
        starts, tiers, cum, level = [mem.loc[cid, "join"]], ["base"], 0.0, 0
        for day, amount in zip(own["date"].dt.normalize(), own["amount"]):
            cum += amount
            new = sum(cum >= v for _, v in thresholds)
            if new > level:
                level = new
                start = day + pd.Timedelta(days=1)
                last = mem.loc[cid, "last"]
                if start <= min(t.observation_end, t.observation_end if pd.isna(last) else last):
                    if start == starts[-1]:
                        starts.pop(), tiers.pop()
                    starts.append(start)
                    tiers.append(t.tiers[new])
        assert spells["start_date"].tolist() == starts, cid
        assert spells["tier"].tolist() == tiers, cid
        ends = [s - pd.Timedelta(days=1) for s in starts[1:]] + [mem.loc[cid, "last"]]
        assert spells["end_date"].tolist()[:-1] == ends[:-1]
        for row in spells.itertuples():
            end = row.end_date if pd.notna(row.end_date) else t.observation_end
            inside = own[(own["date"].dt.normalize() >= row.start_date) & (own["date"].dt.normalize() <= end)]
            earned = np.floor(inside["amount"] * t.points_per_currency).sum()
            assert row.points_earned == earned
            assert row.points_redeemed == np.floor(t.redemption_share * earned)
            assert row.discounts == pytest.approx(row.points_redeemed * t.point_value, abs=0.005)


def test_a_tier_earned_on_the_last_day_does_not_start_after_the_data():
    """A hand-made log: one customer who surely joins and stays, crossing silver on the last day."""
    launch, end = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-06-30")
    tx = pd.DataFrame({"customer_id": ["A", "A", "A"],
                       "date": pd.to_datetime(["2023-06-01", "2024-01-05", "2024-06-30"]),
                       "amount": [50.0, 100.0, 400.0], "order_id": ["1", "2", "3"]})
    t = loyalty_parameters()
    t["loyalty_join_coef"] = {"intercept": 50.0, "log_aov": 0.0, "log_orders": 0.0}  # joins surely
    t["membership_sbg"] = {"alpha": 1e-6, "beta": 1e6}  # never cancels within the data
    out, m = simulate_loyalty(np.random.default_rng(0), np.array(["A"], dtype=object), tx, launch, end, t)
    assert out["amount"].tolist() == [50.0, 110.0, 440.0]
    assert m["tier"].tolist() == ["base"]  # silver would start on 2024-07-01, after the data
    assert m["start_date"].tolist() == [pd.Timestamp("2024-01-05")] and m["end_date"].isna().all()
    assert m["points_earned"].tolist() == [550.0] and m["points_redeemed"].tolist() == [330.0]
