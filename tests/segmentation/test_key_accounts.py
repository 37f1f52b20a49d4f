"""Key accounts (issue 15, item 2): scores, weights, ties, portfolio quadrants and profiles.

References: every number is recomputed here directly from a small hand-made log with plain
pandas/numpy (window sums with explicit date masks, percentile ranks as average ranks / n,
the weighted mean written out, the trend slope with numpy.polyfit, gaps as day differences),
never through the functions under test. Equalities are exact or to 1e-12 (floating-point
sums of a handful of numbers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation.key_account_profiles import key_account_profiles, quarterly_values
from analysis.segmentation.key_accounts import (
    key_account_scores,
    portfolio_quadrants,
    portfolio_summary,
    weight_sensitivity,
)

END = pd.Timestamp("2024-12-31")  # windows of 365 days: (2024-01-01, 2024-12-31] and (2023-01-01, 2024-01-01]


def _log() -> pd.DataFrame:
    rows = [  # customer, date, amount, category
        ("a", "2022-06-01", 100.0, "x"), ("a", "2023-02-01", 100.0, "x"), ("a", "2023-08-01", 100.0, "y"),
        ("a", "2024-03-01", 300.0, "x"), ("a", "2024-09-01", 200.0, "y"),
        ("b", "2022-01-10", 50.0, "y"), ("b", "2023-05-01", 400.0, "y"), ("b", "2024-05-01", 100.0, "y"),
        ("c", "2023-07-03", 60.0, "x"), ("c", "2024-02-01", 90.0, "z"), ("c", "2024-11-30", 90.0, "x"),
        ("d", "2024-10-01", 700.0, "z"),
        ("e", "2022-03-01", 20.0, "x"), ("e", "2023-03-01", 20.0, "x"), ("e", "2024-12-01", 30.0, "x"),
        ("f", "2025-02-01", 999.0, "x"),  # after the observation end: ignored
    ]
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "category"])
    tx["date"] = pd.to_datetime(tx["date"])
    return tx


def _direct(tx: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """The scores written out by hand from the definitions in the module docstring."""
    tx = tx[tx["date"] <= END]
    cur = tx[(tx["date"] > END - pd.Timedelta(days=365))].groupby("customer_id")["amount"].sum()
    prev_mask = (tx["date"] > END - pd.Timedelta(days=730)) & (tx["date"] <= END - pd.Timedelta(days=365))
    prev = tx[prev_mask].groupby("customer_id")["amount"].sum()
    ids = sorted(tx["customer_id"].unique())
    out = pd.DataFrame(index=pd.Index(ids, name="customer_id"))
    out["value"] = cur.reindex(ids, fill_value=0.0)
    out["previous_value"] = prev.reindex(ids, fill_value=0.0)
    first = tx.groupby("customer_id")["date"].min()
    prev_first_day, prev_last_day = pd.Timestamp("2023-01-02"), pd.Timestamp("2024-01-01")
    repeat, exposure = {}, {}
    for c in ids:  # acquired during the previous window: its purchases after the first day, per day after it
        if first[c] < prev_first_day:
            repeat[c], exposure[c] = out.loc[c, "previous_value"], 365
        else:
            after = tx[(tx["customer_id"] == c) & prev_mask & (tx["date"] > first[c])]
            repeat[c], exposure[c] = after["amount"].sum(), max(0, (prev_last_day - first[c]).days)
    exposure = pd.Series(exposure)
    scaled = pd.Series(repeat) * 365 / exposure.where(exposure >= 365 / 4)
    out["growth"] = out["value"] - scaled
    n_value, n_growth = len(out), out["growth"].notna().sum()
    pct_value = out["value"].rank(method="average") / n_value
    pct_growth = out["growth"].rank(method="average") / n_growth
    total = weights["value"] + weights["growth"]
    out["score"] = (weights["value"] * pct_value + weights["growth"] * pct_growth.fillna(0.5)) / total
    return out


def test_scores_match_a_direct_computation_and_missing_share_of_wallet_renormalises():
    tx = _log()
    r = key_account_scores(tx, observation_end="2024-12-31", count=2)
    want = _direct(tx, {"value": 0.6, "growth": 0.3})
    got = r.table.loc[want.index]
    assert "f" not in r.table.index  # bought only after the observation end
    for column in ("value", "previous_value", "growth", "score"):
        np.testing.assert_allclose(got[column], want[column], rtol=0, atol=1e-12, err_msg=column)
    assert np.isnan(got.loc["d", "growth"])  # acquired in the current window: growth not measured
    # c's only purchase of the previous window was its first (2023-07-03): no repeat spend in the 182 days
    # after it, so its growth is all of its current value
    assert got.loc["c", "growth"] == 180.0 and got.loc["c", "previous_exposure_days"] == 182
    w = r.weights
    assert w.loc["share_of_wallet", "available"] == False  # noqa: E712 - numpy bool
    assert w["used"].to_dict() == pytest.approx({"value": 2 / 3, "growth": 1 / 3, "share_of_wallet": 0.0})
    ranked = want.sort_values(["score", "value"], ascending=[False, False]).index[:2].tolist()
    assert list(r.key_ids) == ranked


def test_share_of_wallet_from_a_wallet_column_and_a_share_column():
    tx = _log()
    customers = pd.DataFrame({"customer_id": list("abcde"), "wallet": [1000.0, 100.0, np.nan, 1400.0, 30.0],
                              "share": [0.5, 0.9, 0.2, np.nan, 1.0]})
    weights = {"value": 0.5, "growth": 0.25, "share_of_wallet": 0.25}
    r = key_account_scores(tx, customers, observation_end=END, weights=weights, wallet_column="wallet")
    # our window spend over the wallet, capped at 1: a 500/1000, b 100/100, c unknown, d 700/1400, e min(30/30, 1)
    np.testing.assert_allclose(r.table.loc[list("abcde"), "share_of_wallet"], [0.5, 1.0, np.nan, 0.5, 1.0])
    sow = r.table["share_of_wallet"]
    pct = sow.rank(method="average") / sow.notna().sum()
    want = _direct(tx, {"value": 0.5, "growth": 0.25})["score"] * 0.75 + 0.25 * pct.fillna(0.5)
    np.testing.assert_allclose(r.table.loc[want.index, "score"], want, rtol=0, atol=1e-12)
    assert r.weights.loc["share_of_wallet", "source"] == "wallet"
    shared = key_account_scores(tx, customers, observation_end=END, weights=weights, share_column="share",
                                wallet_column="wallet")
    assert shared.table.loc["b", "share_of_wallet"] == 0.9 and shared.weights.loc["share_of_wallet", "source"] == "share"
    with pytest.raises(DataValidationError, match="outside 0-1"):
        key_account_scores(tx, customers.assign(share=[50.0, 0.9, 0.2, 0.1, 1.0]), observation_end=END,
                           share_column="share")


def test_growth_from_a_potential_column_and_margin_rate():
    tx = _log()
    customers = pd.DataFrame({"customer_id": list("abcde"), "potential_value": [600.0, 500.0, 200.0, 700.0, 90.0]})
    r = key_account_scores(tx, customers, observation_end=END, margin_rate=0.5, potential_column="potential_value")
    spend = pd.Series({"a": 500.0, "b": 100.0, "c": 180.0, "d": 700.0, "e": 30.0})
    np.testing.assert_allclose(r.table.loc[spend.index, "growth"], (customers.set_index("customer_id")
                                                                    ["potential_value"] - spend) * 0.5)
    np.testing.assert_allclose(r.table.loc[spend.index, "value"], spend * 0.5)
    assert r.weights.loc["growth", "source"] == "potential_value" and r.what == "margin"


def test_ties_are_broken_by_value_then_id_and_reported_at_the_cut():
    # three customers with the same spend in both windows: the same score, same value -> id order
    tx = pd.DataFrame({"customer_id": ["q", "p", "r", "q", "p", "r", "s"],
                       "date": pd.to_datetime(["2023-01-01"] * 3 + ["2024-06-01"] * 3 + ["2024-06-01"]),
                       "amount": [10.0, 10.0, 10.0, 20.0, 20.0, 20.0, 1.0]})
    r = key_account_scores(tx, observation_end=END, count=2)
    assert list(r.key_ids) == ["p", "q"]
    s = r.summary().iloc[0]
    assert (s["tied_at_cut"], s["inside_at_cut"]) == (3, 2)
    # a share of customers is rounded up: 0.5 of 4 customers -> 2; 0.3 -> 2 (ceil 1.2)
    assert key_account_scores(tx, observation_end=END, count=0.3).summary().iloc[0]["key_accounts"] == 2


def test_summary_shares_and_history_against_direct_sums():
    tx = _log()
    r = key_account_scores(tx, observation_end=END, count=2)
    s = r.summary().iloc[0]
    keys = list(r.key_ids)
    total = 500 + 100 + 180 + 700 + 30
    key_value = sum({"a": 500.0, "b": 100.0, "c": 180.0, "d": 700.0, "e": 30.0}[k] for k in keys)
    assert s["total_value"] == total and s["key_value_share"] == pytest.approx(key_value / total)
    # exposure in the previous window (first day 2023-01-02): a, b, e for all of it; c, d not
    short = sum(k in ("c", "d") for k in keys)
    assert s["short_history"] == short and s["unknown_growth"] == int("d" in keys)


def test_bad_weights_are_refused_with_what_to_write():
    tx = _log()
    with pytest.raises(ParameterError, match="unknown component.*'size'.*value: 0.6"):
        key_account_scores(tx, observation_end=END, weights={"size": 1})
    with pytest.raises(ParameterError, match="a weight is a number of 0 or more"):
        key_account_scores(tx, observation_end=END, weights={"value": -1})
    with pytest.raises(ParameterError, match="no weight to the components this study's data hold"):
        key_account_scores(tx, observation_end=END, weights={"share_of_wallet": 1})
    with pytest.raises(DataValidationError, match="no transaction falls on or before"):
        key_account_scores(tx, observation_end="2000-01-01")


def test_weight_sensitivity_counts_the_overlap_with_each_single_component():
    tx = _log()
    r = key_account_scores(tx, observation_end=END, count=2)
    sens = weight_sensitivity(r)
    chosen = set(r.key_ids)
    want = _direct(tx, {"value": 0.5, "growth": 0.5})
    by_value = set(want.sort_values(["value"], ascending=False).index[:2])
    assert sens.loc["value", "overlap"] == len(chosen & by_value)
    growth_rank = want["growth"].rank(method="average") / want["growth"].notna().sum()
    by_growth = set(pd.DataFrame({"g": growth_rank.fillna(0.5), "v": want["value"]})
                    .sort_values(["g", "v"], ascending=False).index[:2])
    assert sens.loc["growth", "overlap"] == len(chosen & by_growth)
    assert list(sens.index) == ["value", "growth", "equal"]
    assert (sens["overlap_share"] == sens["overlap"] / 2).all()


def test_portfolio_quadrants_at_the_medians_and_the_summary():
    tx = _log()
    r = key_account_scores(tx, observation_end=END, count=4)
    q = portfolio_quadrants(r)
    keys = r.table.loc[list(r.key_ids)]
    v_cut, g_cut = keys["value"].median(), keys["growth"].median()
    for cid, row in keys.iterrows():
        high_v, high_g = row["value"] >= v_cut, np.isnan(row["growth"]) or row["growth"] >= g_cut
        want = {(True, True): "strategic", (True, False): "maintain", (False, True): "develop",
                (False, False): "efficient"}[(high_v, high_g)]
        assert q.loc[cid, "quadrant"] == want, cid
    assert q["action"].str.len().gt(20).all()
    s = portfolio_summary(q)
    assert s["key_accounts"].sum() == 4 and s["value"].sum() == pytest.approx(keys["value"].sum())
    everyone = portfolio_quadrants(r, split="all")
    assert everyone["value_threshold"].iloc[0] == r.table["value"].median()


def test_profiles_against_direct_computations():
    tx = _log()
    r = key_account_scores(tx, observation_end=END, count=3)
    stages = pd.Series({"a": "loyal", "b": "at_risk", "c": "active", "d": "new", "e": "active"})
    complaints = pd.DataFrame({"customer_id": ["a", "a", "c", "b"],
                               "date": pd.to_datetime(["2023-01-01", "2024-01-01", "2024-02-01", "2025-03-01"])})
    p = key_account_profiles(tx, r, portfolio_quadrants(r), stages=stages, complaints=complaints, quarters=8)
    assert list(p.index) == list(r.key_ids)
    for cid in p.index:
        own = tx[(tx["customer_id"] == cid) & (tx["date"] <= END)]
        row = p.loc[cid]
        assert row["first_purchase"] == str(own["date"].min().date())
        assert row["orders"] == len(own) and row["total_spend"] == own["amount"].sum()
        assert row["days_since_last"] == (END - own["date"].max()).days
        gaps = own["date"].sort_values().diff().dt.days.dropna()
        assert row["usual_gap_days"] == (gaps.median() if len(gaps) else np.nan) or len(gaps) == 0
        assert row["stage"] == stages[cid]
        assert row["stage_name"] == {"loyal": "Loyal", "at_risk": "At risk", "active": "Active", "new": "New"}[stages[cid]]
        assert row["complaints"] == int(((complaints["customer_id"] == cid) & (complaints["date"] <= END)).sum())
        # products: spend shares by category, largest first
        shares = own.groupby("category")["amount"].sum() / own["amount"].sum()
        top = shares.sort_values(ascending=False).index[0]
        assert row["top_categories"].startswith(f"{top} ({shares[top]:.0%})")
    # a: quarterly spend over the last 8 quarters (2023-01-01 .. 2024-12-31), slope by numpy.polyfit
    q = quarterly_values(tx, ["a"], END, quarters=8).loc["a"]
    assert q.tolist() == [100.0, 0, 100.0, 0, 300.0, 0, 200.0, 0]
    if "a" in p.index:
        assert p.loc["a", "trend_slope"] == pytest.approx(np.polyfit(np.arange(8), q.to_numpy(), 1)[0], abs=1e-12)


def test_profile_trend_risk_and_missing_inputs():
    tx = _log().drop(columns="category")
    r = key_account_scores(tx, observation_end=END, count=5)
    p = key_account_profiles(tx, r, portfolio_quadrants(r), overdue_factor=2.0, quarters=4)
    assert (p["top_categories"] == "no categories in the data").all()
    assert p["complaints"].isna().all() and p["stage"].isna().all() and p["stage_name"].isna().all()
    assert set(p["quadrant_name"]) <= {"Strategic partner", "Maintain", "Develop", "Serve efficiently"}
    # d bought once, in the last quarter: one quarter of history -> no trend, no gap, not overdue
    assert p.loc["d", "trend"] == "short" and np.isnan(p.loc["d", "usual_gap_days"]) and pd.isna(p.loc["d", "overdue"])
    # b: last purchase 2024-05-01 (244 days ago), gaps of 476 and 366 days (median 421): not overdue
    assert p.loc["b", "days_since_last"] == 244 and p.loc["b", "usual_gap_days"] == 421.0
    assert not p.loc["b", "overdue"]
    # e: gaps 365 and 641 days, median 503; 30 days since the last purchase
    assert p.loc["e", "usual_gap_days"] == 503.0 and not p.loc["e", "overdue"]
    assert p.loc["b", "previous_spend"] == 400.0 and p.loc["b", "window_spend"] == 100.0
    with pytest.raises(DataValidationError, match="portfolio_quadrants"):
        key_account_profiles(tx, r, portfolio_quadrants(r).iloc[:2])


def test_a_log_without_amounts_ranks_purchases():
    tx = _log().drop(columns=["amount", "category"])
    r = key_account_scores(tx, observation_end=END, count=2, margin_rate=0.3)
    assert r.what == "purchases" and r.table.loc["a", "value"] == 2 and np.isnan(r.table.loc["a", "spend"])
    p = key_account_profiles(tx, r, portfolio_quadrants(r))
    assert p["total_spend"].isna().all() and p["previous_spend"].isna().all()


def test_growth_of_steady_customers_is_zero_whenever_they_were_acquired():
    """Simulation with known truth: every customer buys on each day with probability 0.05 (10 per purchase)
    in both windows, so the true growth is 0. Customers acquired during the previous window (first purchase
    day uniform over its first three quarters) must show a mean growth of 0 within 4 standard errors
    (the test's tolerance: a false alarm about once in 16,000 runs); comparing raw window sums instead
    shows a growth of about +60 for them (the bias the scaling removes), and keeping the first purchase
    in the scaled window about -17 (seed 15: the scaled growth is +1.1, standard error 2.2)."""
    rng = np.random.default_rng(15)
    days = pd.date_range("2023-01-02", "2024-12-31")  # the two windows before END
    rows = []
    for i in range(1500):
        start = 0 if i < 500 else int(rng.integers(1, 270))  # a third were customers before the windows
        bought = np.flatnonzero(rng.random(len(days) - start) < 0.05) + start
        if i >= 500:
            bought = np.unique(np.r_[start, bought])  # the acquisition day is a purchase
        else:
            rows.append((f"c{i}", pd.Timestamp("2022-06-01")))
        rows += [(f"c{i}", days[d]) for d in bought]
    tx = pd.DataFrame(rows, columns=["customer_id", "date"]).assign(amount=10.0)
    r = key_account_scores(tx, observation_end=END)
    joined = r.table[(r.table["first_purchase"] > "2023-01-01") & r.table["growth"].notna()]
    se = joined["growth"].std() / np.sqrt(len(joined))
    assert abs(joined["growth"].mean()) < 4 * se, (joined["growth"].mean(), se)
    naive = (joined["value"] - joined["previous_value"]).mean()
    assert naive > 60
    steady = r.table[r.table["first_purchase"] < "2023-01-01"]
    assert abs(steady["growth"].mean()) < 4 * steady["growth"].std() / np.sqrt(len(steady))
