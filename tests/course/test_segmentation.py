"""Notebook 01's exercises, checked against independent pandas computations (the routes a student takes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.course import exercise
from analysis.course.segmentation import CHANGED_STAGE_RULES, CHANGED_TIER_CUTOFFS
from analysis.segmentation import rfm
from tests.course.conftest import OTHER_SEEDS

SEEDS = (None, *OTHER_SEEDS)


def _by_hand(tx: pd.DataFrame) -> pd.DataFrame:
    """Recency (days), purchase days and total spend per customer as of the last purchase, with pandas."""
    end = tx["date"].max().normalize()
    day = tx["date"].dt.normalize()
    per = tx.assign(day=day).groupby("customer_id")
    return pd.DataFrame({"recency_days": (end - per["day"].max()).dt.days, "frequency": per["day"].nunique(),
                         "monetary": per["amount"].sum(), "first": per["day"].min()})


def _lapsed(recency: pd.Series, at_risk_days: int) -> pd.Series:
    return recency > at_risk_days  # at risk or lost: no purchase for more than at_risk_days


@pytest.mark.parametrize("seed", SEEDS)
def test_answers_equal_a_students_pandas(seed, class_data):
    data = class_data(seed)
    tx, customers = data.tables["transactions"], data.tables["customers"]
    hand = _by_hand(tx)
    p = data.parameters("01_segmentation")
    rate = p["margin_rate"] or 1
    value = (hand["monetary"] * rate).sort_values(ascending=False, kind="stable")
    # 01.2: the top 20% of customers' share of the value, by sorting
    top = int(round(0.2 * len(value)))
    assert exercise("01.2").solve(data).answer == pytest.approx(value.iloc[:top].sum() / value.sum(), abs=5e-5)
    # 01.3: tier A = the most valuable customers until their cumulative share reaches the cut-off
    cumulative = value.cumsum() / value.sum()
    assert exercise("01.3").solve(data).answer == int((cumulative < CHANGED_TIER_CUTOFFS[0] - 1e-12).sum()) + 1
    # 01.4: R, F and M all better than the median (a value equal to it counts as low)
    median = hand[["recency_days", "frequency", "monetary"]].median()
    important = ((hand["recency_days"] < median["recency_days"]) & (hand["frequency"] > median["frequency"])
                 & (hand["monetary"] > median["monetary"]))
    assert exercise("01.4").solve(data).answer == int(important.sum())
    # 01.6: margin below the cost to serve (a cost per order times the purchase days, or one per customer)
    cost = customers.set_index("customer_id")[p["cost_column"]].reindex(hand.index)
    cost = cost * hand["frequency"] if p["cost_unit"] == "order" else cost
    assert exercise("01.6").solve(data).answer == int((hand["monetary"] * rate < cost).sum())


@pytest.mark.parametrize("seed", SEEDS)
def test_rfm_answers_by_the_rules(seed, class_data):
    data = class_data(seed)
    tx = data.tables["transactions"]
    hand = _by_hand(tx)
    at_risk_days = data.study.lifecycle["at_risk_days"]
    # the R and F scores (quantiles, ties never split) are the package's; the rules are applied here by hand
    table = rfm(tx, lifecycle=data.study.lifecycle)
    assert (table["recency_days"] == hand["recency_days"].reindex(table.index)).all()
    assert (table["frequency"] == hand["frequency"].reindex(table.index)).all()
    # 01.1: Champions are R 5 and F 4-5 and still buying (not at risk or lost); their share of all spend
    champions = (table["r_score"] == 5) & (table["f_score"] >= 4) & ~_lapsed(hand["recency_days"], at_risk_days)
    answer = exercise("01.1").solve(data).answer
    assert answer["customers"] == int(champions.sum())
    share = hand["monetary"][champions[champions].index].sum() / hand["monetary"].sum()
    assert answer["revenue_share"] == pytest.approx(share, abs=5e-5)
    # 01.5: the score map's Loyal cell (R 3-4, F 4-5), and how many of them bought last more than 270 days ago
    loyal = table["r_score"].between(3, 4) & table["f_score"].between(4, 5)
    answer = exercise("01.5").solve(data).answer
    assert answer == {"loyal_by_scores": int(loyal.sum()),
                      "lapsed": int((loyal & _lapsed(hand["recency_days"], CHANGED_STAGE_RULES["at_risk_days"])).sum())}


@pytest.mark.parametrize("seed", SEEDS)
def test_key_account_at_risk_by_hand(seed, class_data):
    data = class_data(seed)
    tx = data.tables["transactions"]
    answer = exercise("01.7").solve(data).answer
    own = tx[tx["customer_id"] == answer["customer_id"]]
    days = pd.Series(own["date"].dt.normalize().unique()).sort_values()
    since = (tx["date"].max().normalize() - days.iloc[-1]).days
    assert answer["days_since_last"] == since
    assert since > 2 * days.diff().dt.days.median()  # overdue: more than twice its usual gap
    rules = data.study.lifecycle
    assert rules["at_risk_days"] < since <= rules["lost_days"]  # the lifecycle stage at risk
    # its spend over the last 365 days is among the firm's ten highest: a key account by any measure
    end = tx["date"].max().normalize()
    recent = tx[tx["date"].dt.normalize() > end - pd.Timedelta(days=365)].groupby("customer_id")["amount"].sum()
    assert answer["customer_id"] in recent.nlargest(10).index


def test_cdnow_answers_by_hand(class_data):
    from analysis.datasets import load_cdnow

    tx = load_cdnow()
    tx = tx[tx["date"] <= "1998-06-30"]
    per = tx.groupby("customer_id")
    spend = np.sort(per["amount"].sum().to_numpy())[::-1]
    top = int(round(0.2 * len(spend)))
    recency = (pd.Timestamp("1998-06-30") - per["date"].max().dt.normalize()).dt.days
    answer = exercise("01.8").solve(class_data(None)).answer
    assert answer["top_value_share"] == pytest.approx(spend[:top].sum() / spend.sum(), abs=5e-5)
    assert answer["lost_share"] == pytest.approx((recency > 365).mean(), abs=5e-5)


@pytest.mark.parametrize("seed", SEEDS)
def test_clusters_against_scikit_learn(seed, class_data):
    from sklearn.metrics import adjusted_rand_score, silhouette_score

    from analysis.segmentation import DEFAULT_FEATURES, cluster_features, fit_clusters

    data = class_data(seed)
    p = data.parameters("01_segmentation")
    X = cluster_features(rfm(data.tables["transactions"], lifecycle=data.study.lifecycle), DEFAULT_FEATURES)
    # the k with the best silhouette (scikit-learn's) over the notebook's k_range, every customer in the sample
    assert len(X) <= p["selection_sample"]
    silhouette = {k: silhouette_score(X, fit_clusters(X, k, seed=p["seed"]))
                  for k in range(p["k_range"][0], p["k_range"][1] + 1)}
    answer = exercise("01.9").solve(data).answer
    assert answer["k"] == max(silhouette, key=silhouette.get)
    channel = data.tables["customers"].set_index("customer_id")["acquisition_channel"].reindex(X.index)
    ari = adjusted_rand_score(channel, fit_clusters(X, answer["k"], seed=p["seed"]))
    assert answer["ari"] == pytest.approx(ari, abs=5e-5)
