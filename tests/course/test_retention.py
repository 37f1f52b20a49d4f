"""Notebook 05's exercises, checked against independent computations for three seeds: the routes a student
takes with pandas (retention rates, a cohort cell, the cost of churn, complaint and cross-sell rates, the
scorecard's verdicts from the intervals' formulas), and the class firm's known truth where the answer is a
model's estimate (the service recovery ratios and the loyalty programme's effect)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.course import exercise
from analysis.course.retention import ALPHA, TARGETS
from tests.course.conftest import OTHER_SEEDS

SEEDS = (None, *OTHER_SEEDS)


def _end(tx: pd.DataFrame) -> pd.Timestamp:
    """The class study's observation end: the day of the last transaction."""
    return tx["date"].max().normalize()


def _rated(tx: pd.DataFrame, freq: str, end: pd.Timestamp) -> tuple[str, int, int]:
    """(period, buyers, of them buyers in the next period) of the latest period whose next one is complete."""
    full = end.to_period(freq)
    if full.end_time.normalize() > end:
        full -= 1
    period = tx["date"].dt.to_period(freq)
    buyers = set(tx.loc[period == full - 1, "customer_id"])
    again = buyers & set(tx.loc[period == full, "customer_id"])
    return str(full - 1), len(buyers), len(again)


def _wilson(x: int, n: int, alpha: float) -> tuple[float, float]:
    z, p = stats.norm.ppf(1 - alpha / 2), x / n
    centre, half = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def _verdict(low: float, high: float, target: float, higher: bool) -> str:
    good_low, good_high = (low >= target, high >= target) if higher else (high <= target, low <= target)
    return "met" if good_low else "not met" if not good_high else "cannot tell"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed={s}")
def test_retention_answers_equal_a_students_pandas(seed, class_data):
    data = class_data(seed)
    tx = data.tables["transactions"]
    end = _end(tx)
    period, buyers, again = _rated(tx, "Q", end)
    assert exercise("05.1").solve(data).answer == {"period": period, "retention_rate": pytest.approx(again / buyers,
                                                                                                    abs=5e-5)}
    month, m_buyers, m_again = _rated(tx, "M", end)
    assert exercise("05.3").solve(data).answer == {"period": month, "retention_rate": pytest.approx(m_again / m_buyers,
                                                                                                   abs=5e-5)}
    # the first acquisition cohort in its fourth quarter after the first
    first = tx.groupby("customer_id")["date"].min().dt.to_period("Q")
    cohort = set(first[first == first.min()].index)
    later = tx.loc[tx["customer_id"].isin(cohort) & (tx["date"].dt.to_period("Q") == first.min() + 4), "customer_id"]
    assert exercise("05.2").solve(data).answer == pytest.approx(later.nunique() / len(cohort), abs=5e-5)
    # the cost of churn m / (1 + d - r), m from the latest full quarter's buyers
    last = tx[tx["date"].dt.to_period("Q") == pd.Period(period, "Q") + 1]
    m = 0.30 * last["amount"].sum() / last["customer_id"].nunique()
    d = 1.10 ** 0.25 - 1
    assert exercise("05.4").solve(data).answer == pytest.approx(m / (1 + d - again / buyers), abs=0.005)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed={s}")
def test_complaint_and_cross_sell_answers_by_hand(seed, class_data):
    data = class_data(seed)
    tx, complaints = data.tables["transactions"], data.tables["complaints"]
    end = _end(tx)
    orders = tx[tx["date"].dt.normalize() <= end]
    first_order = orders.groupby("customer_id")["date"].min()
    c = complaints[complaints["date"] <= end]
    linked = c[c["date"] >= c["customer_id"].map(first_order)]  # a complaint is about an earlier order
    counts = complaints["category"].value_counts()
    top = sorted(counts[counts == counts.max()].index)[0]
    assert exercise("05.5").solve(data).answer == {"per_1000_orders": round(1000 * len(linked) / len(orders), 1),
                                                   "top_category": top}
    categories = orders.dropna(subset=["category"]).groupby("customer_id")["category"].nunique()
    assert exercise("05.8").solve(data).answer == pytest.approx((categories >= 2).mean(), abs=5e-5)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed={s}")
def test_scorecard_verdicts_from_the_intervals_formulas(seed, class_data):
    data = class_data(seed)
    tx, complaints, survey = (data.tables[name] for name in ("transactions", "complaints", "survey"))
    end = _end(tx)
    targets = {**TARGETS, **{k: v for k, v in (data.parameters("05_retention_loyalty")["targets"] or {}).items()
                             if k in TARGETS}}
    _, buyers, again = _rated(tx, "Q", end)
    retention = _wilson(again, buyers, ALPHA)
    index = 100 * (survey["overall_satisfaction"].dropna() - 1) / 6  # the class study's 1-7 scale
    half = stats.t.ppf(1 - ALPHA / 2, len(index) - 1) * index.std(ddof=1) / math.sqrt(len(index))
    # complaints per 1,000 orders in the latest full quarter (each complaint counts in its order's quarter)
    quarter = end.to_period("Q") if end.to_period("Q").end_time.normalize() <= end else end.to_period("Q") - 1
    orders = tx[tx["date"].dt.normalize() <= end].sort_values("date")
    c = complaints[complaints["date"] <= end].sort_values("date")
    about = pd.merge_asof(c, orders[["customer_id", "date"]].rename(columns={"date": "order_date"}),
                          left_on="date", right_on="order_date", by="customer_id").dropna(subset=["order_date"])
    k = int((about["order_date"].dt.to_period("Q") == quarter).sum())
    n = int((orders["date"].dt.to_period("Q") == quarter).sum())
    low = stats.chi2.ppf(ALPHA / 2, 2 * k) / 2 / n * 1000
    high = stats.chi2.ppf(1 - ALPHA / 2, 2 * k + 2) / 2 / n * 1000
    assert exercise("05.9").solve(data).answer == {
        "retention_rate": _verdict(*retention, targets["retention_rate"], higher=True),
        "satisfaction_index": _verdict(index.mean() - half, index.mean() + half, targets["satisfaction_index"],
                                       higher=True),
        "complaint_rate": _verdict(low, high, targets["complaint_rate"], higher=False),
    }


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed={s}")
def test_model_estimates_agree_with_the_firms_truth(seed, class_data):
    from analysis.simulate.classroom import simulate_class_firm

    data = class_data(seed)
    firm = simulate_class_firm(seed=data.seed, n_customers=int(data.study.data.options["n_customers"]))
    pd.testing.assert_frame_equal(firm.transactions.reset_index(drop=True)[["customer_id", "amount"]],
                                  data.tables["transactions"].reset_index(drop=True)[["customer_id", "amount"]],
                                  check_dtype=False)
    # service recovery: true risk ratios 1 - P(leave after a complaint resolved so)
    recovery = exercise("05.6").solve(data)
    for name in ("good", "poor"):
        truth = firm.truth.recovery_repurchase_ratio[name]
        se = (recovery.facts[f"{name}_high"] - recovery.facts[f"{name}_low"]) / (2 * 1.96)
        assert abs(recovery.answer[f"{name}_ratio"] - truth) < 3 * se, (name, recovery.answer, truth)
    # the loyalty programme: the doubly robust ratio against the true effect on spend per order
    loyalty = exercise("05.7").solve(data)
    truth = math.log(1 + firm.plan.loyalty_spend_effect)
    se = (math.log(loyalty.facts["dr_high"]) - math.log(loyalty.facts["dr_low"])) / (2 * 1.96)
    assert abs(math.log(loyalty.answer["doubly_robust"]) - truth) < 3 * se


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed={s}")
def test_naive_loyalty_ratio_by_hand(seed, class_data):
    data = class_data(seed)
    tx, members = data.tables["transactions"], data.tables["memberships"]
    end = _end(tx) + pd.Timedelta(days=1)
    launch = members["start_date"].min()
    tx = tx[tx["date"] < end]
    # a member from her first spell's start to her last spell's end (none: still a member)
    spells = members.sort_values("start_date").groupby("customer_id").agg(join=("start_date", "min"),
                                                                          leave=("end_date", lambda s: s.iloc[-1]))
    pre = tx[tx["date"] < launch].groupby("customer_id")["amount"].mean()
    post = tx[tx["date"] >= launch].join(spells, on="customer_id")
    member = post["join"].notna()
    keep = ~member | ((post["date"] >= post["join"]) & (post["leave"].isna() | (post["date"] <= post["leave"])))
    per_order = post[keep].groupby("customer_id")["amount"].mean()
    sample = per_order[per_order.index.isin(pre[pre > 0].index) & (per_order > 0)]
    is_member = sample.index.isin(spells.index)
    log = np.log(sample)
    naive = math.exp(log[is_member].mean() - log[~is_member].mean())
    assert exercise("05.7").solve(data).answer["naive"] == pytest.approx(naive, abs=5e-4)


def test_cdnow_answers_by_hand(class_data):
    from analysis.study import load_study

    data = class_data(None)
    cdnow = data.memo("cdnow", lambda: load_study(data.study.path.parent / "cdnow.yaml").load_tables())
    tx = cdnow["transactions"]
    _, buyers, again = _rated(tx, "M", pd.Timestamp("1998-06-30"))
    days = tx.assign(day=tx["date"].dt.normalize()).groupby("customer_id")["day"].nunique()
    # every CDNOW customer was acquired in 1997Q1, more than 365 days before the end: all are judged
    answer = exercise("05.10").solve(data).answer
    assert answer == {"retention_rate": pytest.approx(again / buyers, abs=5e-5),
                      "never_returned_share": pytest.approx((days == 1).mean(), abs=5e-5)}
