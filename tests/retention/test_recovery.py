"""The service-recovery comparison (analysis.retention.recovery; issue 15, complaints): the order table against
a loop, the logistic fit against statsmodels, and the adjusted risk ratios against known truth, on a simulation
where the naive comparison is confounded and on the synthetic service firm (contract C2)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from analysis.errors import DataValidationError
from analysis.retention.recovery import (
    COVARIATES,
    _logit,
    flag_comparison,
    recovery_comparison,
    recovery_counts,
    recovery_orders,
)


def _small_log(seed=0, n=400):
    rng = np.random.default_rng(seed)
    tx = pd.DataFrame({"customer_id": rng.integers(0, 40, n).astype(str),
                       "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 500, n), unit="D"),
                       "amount": rng.gamma(2, 20, n).round(2), "channel": rng.choice(["web", "store"], n)})
    picked = tx.sample(40, random_state=seed)
    c = pd.DataFrame({"customer_id": picked["customer_id"].to_numpy(),
                      "date": (picked["date"] + pd.to_timedelta(rng.integers(0, 5, 40), unit="D")).to_numpy(),
                      "resolution": rng.choice(["good", "poor", None], 40)})
    return tx, c


def test_orders_match_a_loop():
    tx, c = _small_log()
    end, h = pd.Timestamp("2024-05-14"), 90
    orders = recovery_orders(tx, c, end=end, repurchase_days=h)
    txe = tx[tx["date"] <= end]
    assert len(orders) == len(txe)
    for _, o in orders.sample(60, random_state=0).iterrows():
        mine = txe[txe["customer_id"] == o["customer_id"]]
        later = mine.loc[mine["date"] > o["date"], "date"]
        assert o["repurchased"] == int(len(later) > 0 and (later.min() - o["date"]).days <= h)
        before = mine[mine["date"] < o["date"]]
        assert o["prior_orders"] == len(before)
        assert o["prior_spend"] == pytest.approx(before["amount"].sum())
        assert o["tenure_days"] == (o["date"] - mine["date"].min()).days
        assert o["eligible"] == (o["date"] <= end - pd.Timedelta(days=h))
    # every complaint up to the end lands on one order, and the group follows its resolutions
    assert orders["complaints"].sum() == (c["date"] <= end).sum()
    assert set(orders.loc[orders["complaints"] == 0, "recovery"]) == {"none"}
    with_c = orders[orders["complaints"] > 0]
    assert set(with_c["recovery"]) <= {"good", "poor"}


def test_a_complaint_resolved_well_and_one_not_make_the_order_poor():
    tx = pd.DataFrame({"customer_id": ["a", "a"], "date": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                       "amount": [1.0, 2.0]})
    c = pd.DataFrame({"customer_id": ["a", "a", "a"], "resolution": ["good", None, "fine"],
                      "date": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-02-01"])})
    orders = recovery_orders(tx, c, end="2024-12-31", good_resolutions=["good", "fine"])
    assert orders["recovery"].tolist() == ["poor", "good"]
    assert orders["complaints"].tolist() == [2, 1]


def test_logit_matches_statsmodels():
    rng = np.random.default_rng(1)
    x = np.column_stack([np.ones(2000), rng.normal(size=(2000, 3))])
    y = (rng.random(2000) < 1 / (1 + np.exp(-(x @ [0.3, 1.0, -0.5, 0.2])))).astype(float)
    ours = _logit(x, y)
    ref = sm.Logit(y, x).fit(disp=0).params
    # the tiny ridge (1e-3 on 2,000 observations) moves coefficients by far less than 1e-3
    assert ours == pytest.approx(ref, abs=1e-3)


def _confounded(seed: int, n_customers: int = 3000):
    """Orders of customers whose history (prior orders) raises both the chance to complain and the chance to
    come back; true risk ratios given the history are 0.95 (resolved well) and 0.6 (not resolved well)."""
    rng = np.random.default_rng(seed)
    k = rng.integers(1, 6, n_customers)  # orders per customer
    cust = np.repeat(np.arange(n_customers), k)
    prior = np.concatenate([np.arange(m) for m in k]) + rng.poisson(2, len(cust))
    tenure = prior * rng.gamma(4, 20, len(cust))
    p_complain = 1 / (1 + np.exp(-(-3.5 + 0.45 * prior)))
    complained = rng.random(len(cust)) < p_complain
    good = rng.random(len(cust)) < 0.6
    group = np.where(complained, np.where(good, "good", "poor"), "none")
    base = 1 / (1 + np.exp(-(-1.2 + 0.35 * prior)))
    p = base * np.select([group == "good", group == "poor"], [0.95, 0.6], 1.0)
    return pd.DataFrame({"customer_id": cust.astype(str), "recovery": group, "eligible": True,
                         "repurchased": (rng.random(len(cust)) < p).astype(int),
                         "log_prior_orders": np.log1p(prior), "log_prior_spend": np.log1p(prior * rng.gamma(4, 10, len(cust))),
                         "log_tenure_days": np.log1p(tenure)})


def test_adjusted_ratios_recover_the_truth_where_the_naive_ones_do_not():
    orders = _confounded(11)
    res = recovery_comparison(orders, n_bootstrap=150, seed=3)
    e = res.effects
    # truth inside the adjusted 95% intervals (a fixed seed: the check is deterministic; with 95% intervals a
    # single seed fails with probability about 0.05 per ratio, so this seed was not picked for luck but kept)
    for g, truth in (("good", 0.95), ("poor", 0.6)):
        assert e.loc[f"{g}_ratio", "ci_low"] <= truth <= e.loc[f"{g}_ratio", "ci_high"], e
    # the naive good ratio is pushed above 1 by the heavier buyers among complainers: a false "paradox",
    # whose interval excludes the truth
    assert e.loc["good_ratio", "naive_ci_low"] > 0.95
    assert e.loc["poor_ratio", "naive_ci_low"] > 0.6
    assert res.balance["abs_smd"].max() > 0.1  # the history differs between groups: the check warns
    assert res.bootstrap.loc["bootstrap", "n_failed"] == 0


def test_the_synthetic_firm_recovery_effects_are_recovered():
    from analysis.simulate import simulate_service_firm

    firm = simulate_service_firm(n_customers=8000, seed=5)
    tables = firm.tables()
    tx = tables["transactions"]
    orders = recovery_orders(tx, tables["complaints"], end=tx["date"].max(), repurchase_days=180)
    res = recovery_comparison(orders, n_bootstrap=100, seed=1)
    truth = firm.truth.recovery_repurchase_ratio
    e = res.effects
    for g in ("good", "poor"):
        assert e.loc[f"{g}_ratio", "ci_low"] <= truth[g] <= e.loc[f"{g}_ratio", "ci_high"], e
    # decisive: poor recovery is told apart from no complaint and from good recovery's truth
    assert e.loc["poor_ratio", "ci_high"] < truth["good"]


def test_too_few_orders_in_a_group_is_refused_with_the_remedy():
    orders = _confounded(2, n_customers=60)
    counts = recovery_counts(orders)
    assert not counts["enough"].all()
    with pytest.raises(DataValidationError, match="shorter repurchase_days"):
        recovery_comparison(orders, n_bootstrap=5)


def test_flag_share_equals_pandas_and_bad_flags_are_refused():
    rng = np.random.default_rng(4)
    df = pd.DataFrame({"flag": rng.integers(0, 2, 500), "y": rng.integers(0, 2, 500), "x": rng.normal(size=500)})
    share, comparison, balance = flag_comparison(df, "flag", "y", ["x"])
    assert share.loc["all", "estimate"] == df["flag"].mean()
    assert comparison.reference == "no_complaint" and set(balance["covariate"]) == {"x"}
    assert flag_comparison(df, "flag")[1] is None
    with pytest.raises(DataValidationError, match="must be 0 or 1"):
        flag_comparison(df.assign(flag=df["flag"] * 2), "flag")
    assert set(COVARIATES) == {"log_prior_orders", "log_prior_spend", "log_tenure_days"}


def test_orders_on_one_day_at_different_times_are_one_day():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a"], "amount": [1.0, 2.0, 4.0],
                       "date": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 17:00", "2024-01-20 08:00"])})
    orders = recovery_orders(tx, tx.iloc[:0], end="2024-12-31 23:00", repurchase_days=30)
    assert orders["repurchased"].tolist() == [1, 1, 0]  # the same-day order is not a repurchase
    assert orders["prior_orders"].tolist() == [0, 0, 2] and orders["tenure_days"].tolist() == [0, 0, 19]


def test_a_good_resolution_no_complaint_has_is_refused_not_counted_as_poor():
    """A misspelt value ("Good" for "good") would put every complaint in "not resolved well"."""
    from analysis.errors import ParameterError
    from analysis.retention.recovery import recovery_orders

    tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-02"]),
                       "amount": [10.0, 12.0, 8.0]})
    complaints = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]), "resolution": ["good"]})
    with pytest.raises(ParameterError, match=r"good_resolutions lists 'Good', which no complaint has; the "
                                             r"resolutions in the complaints table are 'good'"):
        recovery_orders(tx, complaints, end="2024-12-31", good_resolutions=["Good"])
    orders = recovery_orders(tx, complaints, end="2024-12-31", good_resolutions=["good"])
    assert orders["recovery"].tolist().count("good") == 1
