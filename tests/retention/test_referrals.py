"""Referrals (analysis.retention.referrals): rates, top referrers and the referred-vs-others comparison
against direct pandas computations, statsmodels' Wilson interval and SciPy's Welch t-test (issue 15, item 1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from analysis.errors import DataValidationError
from analysis.retention.referrals import acquisition_dates, referral_rates, referral_value, top_referrers


def _firm(seed=5, n=400):
    rng = np.random.default_rng(seed)
    ids = [f"k{i}" for i in range(n)]
    acquired = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    referred = rng.random(n) < 0.25
    referrer = np.where(referred, rng.choice(ids[:20], n), None)
    customers = pd.DataFrame({"customer_id": ids, "acquisition_date": acquired, "referred_by": referrer})
    rows = []
    for cid, day, ref in zip(ids, acquired, referred):
        k = rng.poisson(3 if ref else 2)
        gaps = np.sort(rng.integers(0, 500, k + 1))
        gaps[0] = 0
        rows += [(cid, day + pd.Timedelta(days=int(g)), float(rng.gamma(2, 30 if ref else 25))) for g in gaps]
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    return customers, tx


def test_referral_rates_against_pandas():
    customers, _ = _firm()
    out = referral_rates(customers, period="quarter", observation_end=pd.Timestamp("2023-11-30"), alpha=0.1)
    c = customers[customers["acquisition_date"] <= "2023-11-30"]
    q = c["acquisition_date"].dt.to_period("Q").astype(str)
    direct = c.groupby(q)["referred_by"].agg(lambda s: s.notna().sum())
    assert out["referred"].to_dict() == direct.to_dict()
    assert out["new_customers"].to_dict() == c.groupby(q).size().to_dict()
    low, high = proportion_confint(direct, c.groupby(q).size(), alpha=0.1, method="wilson")
    np.testing.assert_allclose(out["ci_low"], low[out.index], atol=1e-12)
    np.testing.assert_allclose(out["ci_high"], high[out.index], atol=1e-12)
    assert out["full"].iloc[-1] == False and out["full"].iloc[-2] == True  # noqa: E712 - 2023Q4 not over


def test_top_referrers_count_referrals():
    customers, _ = _firm()
    top = top_referrers(customers, n=3)
    counts = customers["referred_by"].dropna().value_counts()
    assert top["referred"].tolist() == counts.head(3).tolist()
    assert top["share"].iloc[0] == pytest.approx(counts.iloc[0] / counts.sum())


def test_referral_value_against_pandas_and_welch():
    customers, tx = _firm()
    end = pd.Timestamp("2024-06-30")
    out = referral_value(customers, tx, observation_end=end, margin=0.3, reward=15.0, horizon_days=365, alpha=0.05)
    cohort = customers[customers["acquisition_date"] <= end - pd.Timedelta(days=365)].set_index("customer_id")
    first = tx.merge(cohort[["acquisition_date"]], left_on="customer_id", right_index=True)
    first = first[first["date"] < first["acquisition_date"] + pd.Timedelta(days=365)]
    per = first.groupby("customer_id").agg(n=("date", "size"), m=("amount", "sum")).reindex(cohort.index, fill_value=0)
    per["m"] *= 0.3
    ref = cohort["referred_by"].notna()
    a, b = per.loc[ref, "m"], per.loc[~ref, "m"]
    assert out.loc["referred", "customers"] == len(a) and out.loc["not_referred", "customers"] == len(b)
    assert out.loc["referred", "estimate"] == pytest.approx(a.mean(), rel=1e-12)
    assert out.loc["not_referred", "repeat_rate"] == pytest.approx((per.loc[~ref, "n"] >= 2).mean(), rel=1e-12)
    assert out.loc["referred", "net_margin"] == pytest.approx(a.mean() - 15.0, rel=1e-12)
    welch = stats.ttest_ind(a, b, equal_var=False)
    ci = welch.confidence_interval(0.95)
    assert out.loc["difference", "p_value"] == pytest.approx(welch.pvalue, rel=1e-8)
    assert (out.loc["difference", "ci_low"], out.loc["difference", "ci_high"]) == pytest.approx((ci.low, ci.high), rel=1e-8)
    one = stats.ttest_1samp(a, 0).confidence_interval(0.95)
    assert out.loc["referred", "ci_low"] == pytest.approx(one.low, rel=1e-10)


def test_acquisition_falls_back_to_first_purchase_and_errors_are_readable():
    customers = pd.DataFrame({"customer_id": ["a", "b"], "referred_by": [None, "a"]})
    tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-02-01"]),
                       "amount": [1.0, 1.0, 1.0]})
    assert acquisition_dates(customers, tx).tolist() == list(pd.to_datetime(["2024-01-05", "2024-02-01"]))
    assert referral_rates(customers, tx, period="month")["referred"].tolist() == [0, 1]
    with pytest.raises(DataValidationError, match="no customer has an acquisition date"):
        referral_rates(customers)
    with pytest.raises(DataValidationError, match="no column 'referred_by'"):
        top_referrers(customers.drop(columns="referred_by"))


@pytest.fixture(scope="module")
def firm():
    from analysis.simulate import simulate_service_firm

    return simulate_service_firm(3000, seed=7)


def test_referral_rate_and_value_recover_the_synthetic_firms_truth(firm):
    # truth: a share referral_share (0.15) of the customers acquired from day referral_start_day (61) on were
    # referred, and being referred changes no behaviour (so the first-year difference is 0)
    t, cu, tx = firm.truth, firm.customers, firm.transactions
    rates = referral_rates(cu, tx, period="month")
    later = rates[rates.index >= str((t.start + pd.Timedelta(days=t.referral_start_day)).to_period("M") + 1)]
    low, high = proportion_confint(later["referred"].sum(), later["new_customers"].sum(), method="wilson")
    assert low <= t.referral_share <= high
    assert rates.loc["2023-01", "referred"] == 0  # nobody is referred before the start day
    value = referral_value(cu, tx, observation_end=tx["date"].max().normalize())
    assert value.loc["difference", "ci_low"] <= 0 <= value.loc["difference", "ci_high"]
