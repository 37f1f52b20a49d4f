"""Categories, cross-sell and association rules (analysis.retention.crosssell), checked against brute-force
counts on small basket sets, statsmodels' Wilson interval, exact combinatorial p-values and a simulation with a
known total (issue 15, item 4)."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint

from analysis.errors import DataValidationError, ParameterError
from analysis.retention.crosssell import (association_rules, categories_per_customer, category_adoption,
                                          category_purchases, cross_sell_rate, period_labels, rule_baskets,
                                          value_added_sales)

BASKETS = {  # 12 customers' category sets
    "c1": {"a", "b"}, "c2": {"a", "b", "c"}, "c3": {"a"}, "c4": {"b", "c"}, "c5": {"a", "b"}, "c6": {"c"},
    "c7": {"a", "c", "d"}, "c8": {"a", "b", "d"}, "c9": {"d"}, "c10": {"a", "b", "c", "d"}, "c11": {"b"},
    "c12": {"a", "b"},
}


def _tx(baskets=BASKETS) -> pd.DataFrame:
    rows = [{"customer_id": c, "category": k, "amount": 10.0 + i, "date": pd.Timestamp("2024-01-01")}
            for c, cats in baskets.items() for i, k in enumerate(sorted(cats))]
    # a repeated purchase of the same category must not count twice
    rows.append({"customer_id": "c1", "category": "a", "amount": 5.0, "date": pd.Timestamp("2024-02-01")})
    return pd.DataFrame(rows)


def _hypergeom_tail(n, k_cons, k_ante, observed) -> Fraction:
    """P(X >= observed) for X the overlap of a random k_ante-subset with a fixed k_cons-subset, by counting."""
    total = math.comb(n, k_ante)
    return sum(Fraction(math.comb(k_cons, x) * math.comb(n - k_cons, k_ante - x), total)
               for x in range(observed, min(k_cons, k_ante) + 1))


@pytest.mark.parametrize("max_length", [2, 3])
def test_rules_equal_a_brute_force_count(max_length):
    rules = association_rules(_tx(), min_support=0.1, min_confidence=0.2, max_length=max_length)
    n = len(BASKETS)
    expected = {}
    items = sorted(set().union(*BASKETS.values()))
    for size in range(2, max_length + 1):
        for itemset in combinations(items, size):
            both = sum(set(itemset) <= b for b in BASKETS.values())
            if Fraction(both, n) < Fraction(1, 10) or both == 0:
                continue
            for cons in itemset:
                ante = [i for i in itemset if i != cons]
                n_ante = sum(set(ante) <= b for b in BASKETS.values())
                n_cons = sum(cons in b for b in BASKETS.values())
                if Fraction(both, n_ante) >= Fraction(1, 5):
                    expected[(" + ".join(ante), cons)] = (n_ante, n_cons, both)
    got = {(r.antecedent, r.consequent): (r.n_antecedent, r.n_consequent, r.n_both) for r in rules.itertuples()}
    assert got == expected  # exact equality of every count
    for r in rules.itertuples():
        n_ante, n_cons, both = expected[(r.antecedent, r.consequent)]
        assert r.support == pytest.approx(both / n, abs=1e-15)
        assert r.confidence == pytest.approx(both / n_ante, abs=1e-15)
        assert r.lift == pytest.approx(both * n / (n_ante * n_cons), rel=1e-14)
        assert r.leverage == pytest.approx(both / n - n_ante * n_cons / n**2, abs=1e-15)
        # exact tail by counting subsets; floating-point only in the final division
        assert r.p_value == pytest.approx(float(_hypergeom_tail(n, n_cons, n_ante, both)), rel=1e-10)
    assert list(rules["lift"]) == sorted(rules["lift"], reverse=True)


def test_rule_p_values_are_holm_adjusted():
    rules = association_rules(_tx(), min_support=0.1, min_confidence=0.0)
    p = rules["p_value"].to_numpy()
    order = np.argsort(p)
    m = len(p)
    holm = np.minimum(1, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    adjusted = np.empty(m)
    adjusted[order] = holm
    np.testing.assert_allclose(rules["p_adjusted"], adjusted, rtol=1e-12)


def test_a_lift_from_few_baskets_is_not_significant():
    # d and a co-occur in 3 of 4 d-baskets: lift > 1, but 12 baskets cannot tell it from chance
    rules = association_rules(_tx(), min_support=0.1, min_confidence=0.0)
    row = rules[(rules["antecedent"] == "d") & (rules["consequent"] == "a")].iloc[0]
    assert row["lift"] > 1 and not row["significant"]


def test_a_strong_association_on_many_baskets_is_significant():
    rng = np.random.default_rng(1)
    has_x = rng.random(2000) < 0.3
    has_y = np.where(has_x, rng.random(2000) < 0.6, rng.random(2000) < 0.2)
    rows = [("c%d" % i, "x") for i in np.flatnonzero(has_x)] + [("c%d" % i, "y") for i in np.flatnonzero(has_y)]
    rows += [("c%d" % i, "z") for i in range(2000)]
    rules = association_rules(pd.DataFrame(rows, columns=["customer_id", "category"]), min_support=0.01)
    row = rules[(rules["antecedent"] == "x") & (rules["consequent"] == "y")].iloc[0]
    assert row["significant"] and row["lift"] == pytest.approx(0.6 / 0.32, rel=0.1)  # true lift 1.875
    z = rules[rules["consequent"] == "z"]
    assert (z["lift"] == 1).all() and not z["significant"].any()  # in every basket: lift exactly 1


def test_order_baskets():
    tx = pd.DataFrame({"customer_id": list("aaab"), "order_id": ["o1", "o1", "o2", "o3"], "category": list("xyxy")})
    rules = association_rules(tx, basket="order_id", min_support=0.0, min_confidence=0.0)
    assert set(rules["n_baskets"]) == {3}
    row = rules[(rules["antecedent"] == "x") & (rules["consequent"] == "y")].iloc[0]
    assert (row["n_antecedent"], row["n_both"]) == (2, 1)


def test_adoption_and_breadth_against_pandas():
    tx = _tx()
    adoption = category_adoption(tx, alpha=0.1)
    direct = tx.groupby("category")["customer_id"].nunique()
    n = tx["customer_id"].nunique()
    assert adoption["customers"].to_dict() == direct.to_dict()
    low, high = proportion_confint(direct, n, alpha=0.1, method="wilson")
    np.testing.assert_allclose(adoption["ci_low"], low[adoption.index], atol=1e-12)
    np.testing.assert_allclose(adoption["ci_high"], high[adoption.index], atol=1e-12)
    revenue = tx.groupby("category")["amount"].sum()
    np.testing.assert_allclose(adoption["revenue_share"], (revenue / revenue.sum())[adoption.index], rtol=1e-12)
    breadth = categories_per_customer(tx)
    sizes = pd.Series({c: len(b) for c, b in BASKETS.items()})
    assert breadth["customers"].to_dict() == sizes.value_counts().sort_index().to_dict()
    rate = cross_sell_rate(tx)
    assert rate["cross_buyers"].iloc[0] == (sizes >= 2).sum() and rate["customers"].iloc[0] == 12
    assert rate["estimate"].iloc[0] == pytest.approx((sizes >= 2).mean(), abs=1e-15)


def test_value_added_sales_against_pandas():
    rng = np.random.default_rng(3)
    n = 600
    tx = pd.DataFrame({"customer_id": rng.integers(0, 150, n).astype(str),
                       "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D"),
                       "category": rng.choice(["core", "svc", "care"], n), "amount": rng.gamma(2, 20, n)})
    out = value_added_sales(tx, ["svc", "care"], period="quarter", observation_end=pd.Timestamp("2024-07-18"))
    q = tx["date"].dt.to_period("Q").astype(str)
    va = tx[tx["category"].isin(["svc", "care"])].groupby(q)["amount"].sum()
    np.testing.assert_allclose(out["estimate"], va.reindex(out.index), rtol=1e-12)
    np.testing.assert_allclose(out["share"], (va / tx.groupby(q)["amount"].sum()).reindex(out.index), rtol=1e-12)
    assert out["full"].tolist() == [True, True, False]  # 2024Q3 is not over on 18 July


def test_value_added_interval_covers_the_expected_total():
    # each period's buyers spend on services Gamma(2, 10) with probability 0.4: expected total n * 0.4 * 20;
    # 400 replications: coverage of a 95 % interval within 0.92-0.98 (3 binomial standard errors of 0.011)
    # (one call: 400 months of 120 buying customers each)
    rng = np.random.default_rng(7)
    n, reps = 120, 400
    amount = np.where(rng.random(n * reps) < 0.4, rng.gamma(2, 10, n * reps), 0.0)
    months = pd.period_range("1990-01", periods=reps, freq="M").to_timestamp()
    tx = pd.DataFrame({"customer_id": np.tile(np.arange(n).astype(str), reps), "date": np.repeat(months, n),
                       "category": np.where(amount > 0, "svc", "core"), "amount": np.where(amount > 0, amount, 1.0)})
    out = value_added_sales(tx, ["svc"], period="month")
    assert len(out) == reps
    covered = ((out["ci_low"] <= n * 0.4 * 20) & (n * 0.4 * 20 <= out["ci_high"])).sum()
    assert 0.92 <= covered / 400 <= 0.98


def test_periods():
    d = pd.Series(pd.to_datetime(["2024-03-31", "2024-04-01"]))
    assert period_labels(d, "month").astype(str).tolist() == ["2024-03", "2024-04"]
    with pytest.raises(ParameterError, match="period must be one of"):
        period_labels(d, "week")


def test_readable_errors():
    tx = pd.DataFrame({"customer_id": ["a"], "product": ["x"]})
    with pytest.raises(DataValidationError, match="no column 'category' \\(set by category\\); name a column it has"):
        cross_sell_rate(tx)
    with pytest.raises(DataValidationError, match="no purchase has a category"):
        cross_sell_rate(tx.assign(category=None))
    with pytest.raises(ParameterError, match="min_support"):
        association_rules(tx.rename(columns={"product": "category"}), min_support=2.0)
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0],
                       "category": ["x"]})
    with pytest.raises(ParameterError, match="value_added_categories is empty"):
        value_added_sales(tx, [])


def test_purchases_after_the_observation_end_are_left_out():
    tx = pd.DataFrame({"customer_id": list("aab"), "category": list("xyx"),
                       "date": pd.to_datetime(["2024-01-01 00:00", "2024-03-01 10:00", "2024-01-02 00:00"])})
    end = pd.Timestamp("2024-02-29")
    assert cross_sell_rate(tx, observation_end=end)["cross_buyers"].iloc[0] == 0
    assert cross_sell_rate(tx, observation_end=pd.Timestamp("2024-03-01"))["cross_buyers"].iloc[0] == 1
    assert category_adoption(tx, observation_end=end).index.tolist() == ["x"]
    assert categories_per_customer(tx, observation_end=end)["customers"].tolist() == [2]
    assert association_rules(tx, observation_end=end, min_support=0.0).empty


def test_order_baskets_are_used_only_when_orders_mix_categories():
    tx = pd.DataFrame({"customer_id": list("aab"), "order_id": ["o1", "o1", "o2"], "category": list("xyx")})
    assert rule_baskets(tx) == ["customer_id", "order_id"]
    assert rule_baskets(tx.assign(order_id=["o1", "o2", "o3"])) == ["customer_id"]
    assert rule_baskets(tx.drop(columns="order_id")) == ["customer_id"]
    assert rule_baskets(tx, "order_id") == ["order_id"]
    assert rule_baskets(tx.drop(columns="order_id"), "basket_no") == []


def test_category_revenue_shares_recover_the_synthetic_firms_truth():
    # truth: each purchase's category is drawn from the customer's Dirichlet preferences with mean category_shares,
    # independently of amounts, so the expected revenue share of each category is its share. Tolerance 0.02: about
    # three standard errors of a revenue-weighted mean of Beta(2 s, 2 (1 - s)) preferences over 3,000 customers.
    from analysis.simulate import simulate_service_firm

    firm = simulate_service_firm(3000, seed=7)
    adoption = category_adoption(firm.transactions)
    for name, share in firm.truth.category_shares.items():
        assert adoption.loc[name, "revenue_share"] == pytest.approx(share, abs=0.02)
    sales = value_added_sales(firm.transactions, list(firm.truth.value_added_categories), period="quarter")
    total = sum(firm.truth.category_shares[c] for c in firm.truth.value_added_categories)
    assert sales["estimate"].sum() / sales["revenue"].sum() == pytest.approx(total, abs=0.02)


def test_category_purchases_from_spend_columns():
    # iFood-style data: one spend column per product line, no transaction log
    customers = pd.DataFrame({"customer_id": [1, 2, 3], "MntWines": [10, 0, 5], "MntFish": [0, 0, 7],
                              "Income": [1, 2, 3]})
    tx = category_purchases(customers, ["MntWines", "MntFish"])
    assert sorted(map(tuple, tx.values.tolist())) == [("1", "MntWines", 10), ("3", "MntFish", 7), ("3", "MntWines", 5)]
    rate = cross_sell_rate(tx, observation_end=pd.Timestamp("2024-01-01"))  # no dates: all kept
    assert rate[["cross_buyers", "customers"]].values.tolist() == [[1, 2]]  # customer 2 bought nothing
    with pytest.raises(DataValidationError, match="set by category_spend_columns"):
        category_purchases(customers, ["MntMeat"])
    with pytest.raises(ParameterError, match="category_spend_columns is empty"):
        category_purchases(customers, [])
