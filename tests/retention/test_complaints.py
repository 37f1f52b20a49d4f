"""Complaint rates, categories, resolution times and recovery outcomes (analysis.retention.complaints; issue 15,
complaints): each checked against an independent computation (a direct pandas count, the Poisson tail
probabilities the Garwood bounds invert, statsmodels' Wilson interval, a hand-written Kaplan-Meier, scipy's t
interval)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from analysis.errors import DataValidationError, ParameterError
from analysis.retention.complaints import (
    complaint_categories,
    complaint_kpi,
    complaint_rates,
    group_means,
    link_complaints,
    poisson_interval,
    resolution_times,
)


@pytest.fixture(scope="module")
def log():
    """A random order log of 300 customers and complaints on some orders (some a few days after the order,
    some before any order of their customer)."""
    rng = np.random.default_rng(7)
    n = 3000
    tx = pd.DataFrame({"customer_id": rng.integers(0, 300, n).astype(str),
                       "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 540, n), unit="D"),
                       "amount": rng.gamma(2, 20, n), "channel": rng.choice(["web", "store", "app"], n)})
    picked = tx.sample(120, random_state=1)
    c = pd.DataFrame({"customer_id": picked["customer_id"].to_numpy(),
                      "date": (picked["date"] + pd.to_timedelta(rng.integers(0, 3, 120), unit="D")).to_numpy()})
    early = pd.DataFrame({"customer_id": ["999", "998"], "date": pd.to_datetime(["2023-03-01", "2023-04-01"])})
    return tx, pd.concat([c, early], ignore_index=True)


def _brute_link(tx, c):
    """For each complaint, the latest order of its customer on or before its date (a loop)."""
    out = []
    for _, row in c.iterrows():
        mine = tx[(tx["customer_id"] == row["customer_id"]) & (tx["date"] <= row["date"])]
        out.append(mine.sort_values("date", kind="stable").iloc[-1] if len(mine) else None)
    return out


def test_link_matches_a_loop(log):
    tx, c = log
    linked = link_complaints(c, tx)
    brute = _brute_link(tx, c)
    for (_, row), b in zip(linked.iterrows(), brute):
        if b is None:
            assert pd.isna(row["order_date"])
        else:
            assert row["order_date"] == b["date"]  # the channel may differ between same-day orders
    assert linked["order_date"].isna().sum() == 2


def test_rates_equal_a_direct_count(log):
    tx, c = log
    end = pd.Timestamp("2024-05-31")
    rates = complaint_rates(c, tx, end=end)
    txe = tx[tx["date"] <= end]
    ce = c[c["date"] <= end]
    linked = [b for b in _brute_link(txe, ce)]
    k = sum(b is not None for b in linked)
    complainers = ce.loc[[b is not None for b in linked], "customer_id"].nunique()
    row = rates.loc["all"]
    # exact: counts are integers and the rate one division
    assert (row["complaints"], row["orders"], row["unlinked"]) == (k, len(txe), 2)
    assert row["per_1000_orders"] == pytest.approx(1000 * k / len(txe), rel=1e-12)
    assert row["share_complained"] == pytest.approx(complainers / txe["customer_id"].nunique(), rel=1e-12)
    # Wilson against statsmodels (an independent implementation), to rounding
    low, high = proportion_confint(complainers, txe["customer_id"].nunique(), alpha=0.05, method="wilson")
    assert (row["share_low"], row["share_high"]) == pytest.approx((low, high), abs=1e-12)


def test_rates_by_channel_and_period_count_the_order_complained_about(log):
    tx, c = log
    linked = link_complaints(c, tx).dropna(subset=["order_date"])
    by_channel = complaint_rates(c, tx, by="channel")
    assert by_channel["complaints"].sum() == len(linked)
    assert by_channel["orders"].to_dict() == tx["channel"].value_counts().to_dict()
    quarters = complaint_rates(c, tx, by="quarter", end="2024-05-31")
    q = linked.loc[linked["order_date"] <= "2024-05-31", "order_date"].dt.to_period("Q").astype(str).value_counts()
    assert quarters["complaints"].to_dict() == {p: q.get(p, 0) for p in quarters.index}
    assert quarters["full"].tolist() == [True] * 5 + [False]  # 2024Q2 ends after 31 May
    assert complaint_kpi(by_period=quarters).loc["complaint_rate", "period"] == "2024Q1"
    assert complaint_kpi(by_period=quarters)["estimate"].iloc[0] == quarters.loc["2024Q1", "per_1000_orders"]


@pytest.mark.parametrize("k", [0, 1, 7, 150])
def test_garwood_bounds_invert_the_poisson_tails(k):
    # the lower bound is the mean at which P(X >= k) = alpha/2, the upper one where P(X <= k) = alpha/2
    low, high = poisson_interval(k, 1.0, alpha=0.05)
    assert stats.poisson.cdf(k, float(high)) == pytest.approx(0.025, abs=1e-9)
    if k:
        assert stats.poisson.sf(k - 1, float(low)) == pytest.approx(0.025, abs=1e-9)
    else:
        assert float(low) == 0.0 and float(high) == pytest.approx(-np.log(0.025), abs=1e-9)


def test_categories_are_a_pareto_table():
    c = pd.DataFrame({"category": list("aaaaabbbccd") + [None]})
    table = complaint_categories(c)
    assert table.index.tolist() == ["a", "b", "c", "d", "not recorded"]
    assert table["complaints"].tolist() == [5, 3, 2, 1, 1]
    assert table["cumulative_share"].iloc[-1] == pytest.approx(1.0)
    # a (5/12 = 0.42) and b (0.67) stay below 0.8, c reaches 0.83: the vital few are a, b, c
    assert table["vital_few"].tolist() == [True, True, True, False, False]


def _km_quantile(days, resolved, p):
    """Kaplan-Meier by hand: product over event days of (1 - events / at risk); the quantile is the first
    day the curve falls below 1 - p (SAS's convention)."""
    s = 1.0
    for t in sorted(set(days[resolved])):
        at_risk = np.sum(days >= t)
        s *= 1 - np.sum((days == t) & resolved) / at_risk
        if s < 1 - p - 1e-12:
            return t
    return np.nan


def test_resolution_times_equal_a_hand_kaplan_meier():
    rng = np.random.default_rng(3)
    n = 400
    date = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")
    days = rng.geometric(0.15, n)
    resolved = pd.Series(date + pd.to_timedelta(days, unit="D"))
    end = pd.Timestamp("2024-10-31")
    c = pd.DataFrame({"date": date, "resolved_date": resolved.where(resolved <= end)})
    times = resolution_times(c, end=end)
    is_resolved = c["resolved_date"].notna().to_numpy()
    observed = np.where(is_resolved, days, (end - c["date"]).dt.days.to_numpy())
    for name, p in (("q25", 0.25), ("median", 0.5), ("q75", 0.75)):
        assert times.loc[name, "estimate"] == _km_quantile(observed, is_resolved, p)
    assert times["open"].iloc[0] == (~is_resolved).sum() > 0
    assert (times["ci_low"] <= times["estimate"]).all() and (times["estimate"] <= times["ci_high"]).all()


def test_resolution_interval_of_a_jump_is_its_day():
    # 100 complaints all resolved on day 2 or 3: no day's curve is within the test band at 0.5
    c = pd.DataFrame({"date": pd.to_datetime(["2024-01-01"] * 100),
                      "resolved_date": pd.to_datetime(["2024-01-03"] * 60 + ["2024-01-04"] * 40)})
    times = resolution_times(c, end="2024-02-01")
    assert times.loc["median", ["estimate", "ci_low", "ci_high"]].tolist() == [2.0, 2.0, 2.0]


def test_group_means_equal_scipy_t_intervals():
    rng = np.random.default_rng(0)
    c = pd.DataFrame({"resolution": rng.choice(["good", "poor", None], 200),
                      "satisfaction_after": rng.integers(1, 8, 200).astype(float)})
    means = group_means(c, "satisfaction_after", alpha=0.1)
    good = c.loc[c["resolution"] == "good", "satisfaction_after"]
    low, high = stats.t.interval(0.9, len(good) - 1, loc=good.mean(), scale=stats.sem(good))
    assert means.loc["good", ["estimate", "ci_low", "ci_high"]].tolist() == pytest.approx([good.mean(), low, high])
    assert means.loc["not recorded", "n"] == c["resolution"].isna().sum()
    assert means.loc["all", "n"] == 200


def test_errors_name_the_problem():
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]})
    c = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-02"])})
    with pytest.raises(DataValidationError, match="no column 'channel'"):
        complaint_rates(c, tx, by="channel")
    with pytest.raises(ParameterError, match="'month' or 'quarter'"):
        complaint_rates(c, tx, by="week")
    with pytest.raises(DataValidationError, match="resolved_date"):
        resolution_times(c, end="2024-02-01")
    with pytest.raises(ParameterError, match="needs the transactions table"):
        link_complaints(c, None)


def test_orders_with_a_time_on_the_last_day_count():
    tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": 1.0,
                       "date": pd.to_datetime(["2024-01-01 09:00", "2024-01-02 18:00"])})
    c = pd.DataFrame({"customer_id": ["b"], "date": pd.to_datetime(["2024-01-02 19:00"])})
    rates = complaint_rates(c, tx, end="2024-01-02")
    assert rates.loc["all", ["complaints", "orders"]].tolist() == [1, 2]
    with pytest.raises(ParameterError, match="end must be a date"):
        complaint_rates(c, tx, end="not a date")
