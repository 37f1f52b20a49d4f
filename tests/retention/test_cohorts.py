"""Acquisition cohorts and period retention (analysis.retention.cohorts) against direct pandas computations
on hand-made logs: each expected table is counted here customer by customer, not with the module's code."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.channels import wilson_interval
from analysis.errors import AnalysisError
from analysis.retention import (cohort_matrix, customer_groups, latest_retention, margin_per_active, period_bounds,
                                period_retention, retention_by_group, retention_rate_kpi)

# a hand-made log: 8 customers, January to April 2024, some buying twice in a month
LOG = pd.DataFrame({
    "customer_id": ["a", "a", "a", "b", "b", "c", "d", "d", "d", "e", "e", "f", "g", "g", "h"],
    "date": pd.to_datetime(["2024-01-03", "2024-01-20", "2024-02-11", "2024-01-15", "2024-03-02", "2024-01-30",
                            "2024-02-01", "2024-03-05", "2024-04-09", "2024-02-20", "2024-02-21", "2024-03-15",
                            "2024-03-01", "2024-04-30", "2024-04-02"]),
    "amount": [10.0, 5.0, 20.0, 7.0, 9.0, 30.0, 12.0, 8.0, 4.0, 50.0, 1.0, 6.0, 3.0, 2.0, 11.0],
})
END = "2024-04-30"


def _active_sets(log: pd.DataFrame) -> dict[str, set[str]]:
    """month -> customers who bought in it, by looping over rows."""
    out: dict[str, set[str]] = {}
    for c, d in zip(log["customer_id"], log["date"]):
        out.setdefault(d.strftime("%Y-%m"), set()).add(c)
    return out


def test_cohort_matrix_matches_a_direct_count():
    m = cohort_matrix(LOG, period="month", observation_end=END)
    active = _active_sets(LOG)
    months = ["2024-01", "2024-02", "2024-03", "2024-04"]
    first = {c: min(d for d in LOG.loc[LOG["customer_id"] == c, "date"]).strftime("%Y-%m") for c in set(LOG["customer_id"])}
    for i, cohort in enumerate(months):
        members = {c for c, f in first.items() if f == cohort}
        for k in range(len(months) - i):
            n = len(members & active[months[i + k]])
            assert m.loc[(cohort, k), "active"] == n
            assert m.loc[(cohort, k), "cohort_size"] == len(members)
            assert m.loc[(cohort, k), "rate"] == pytest.approx(n / len(members), abs=1e-12)
    assert len(m) == 4 + 3 + 2 + 1
    assert m["complete"].all()  # April ends on the observation end
    part = cohort_matrix(LOG, period="month", observation_end="2024-04-29")
    assert not part.xs(3, level="periods_since")["complete"].any()


def test_period_retention_matches_a_direct_count_with_wilson_intervals():
    r = period_retention(LOG, period="month", observation_end=END, alpha=0.1)
    active = _active_sets(LOG)
    months = ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert r.index.get_level_values("period").tolist() == months[:3]  # April has no complete next month
    for t, nxt in zip(months, months[1:]):
        n, kept = len(active[t]), len(active[t] & active[nxt])
        row = r.loc[("all", t)]
        assert (row["active"], row["retained"]) == (n, kept)
        assert row["estimate"] == pytest.approx(kept / n, abs=1e-12)
        assert row["churn_rate"] == pytest.approx(1 - kept / n, abs=1e-12)
        low, high = wilson_interval(kept, n, 0.1)
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((float(low), float(high)), abs=1e-12)
    kpi = retention_rate_kpi(r)
    assert kpi.index.tolist() == ["retention_rate"] and kpi["period"].iloc[0] == "2024-03"
    assert kpi["estimate"].iloc[0] == pytest.approx(len(active["2024-03"] & active["2024-04"]) / len(active["2024-03"]))


def test_period_retention_by_fixed_groups_and_quarters():
    groups = pd.Series({"a": "x", "b": "x", "c": "y", "d": "y", "e": "x", "f": "y", "g": "x"})  # h has none
    r = period_retention(LOG, period="month", observation_end=END, groups=groups)
    active = _active_sets(LOG)
    for g in ("x", "y"):
        members = set(groups[groups == g].index)
        jan, feb = active["2024-01"] & members, active["2024-02"] & members
        assert r.loc[(g, "2024-01"), "active"] == len(jan)
        assert r.loc[(g, "2024-01"), "retained"] == len(jan & feb)
    with pytest.raises(AnalysisError, match="fewer than two complete quarters"):
        period_retention(LOG, period="quarter", observation_end=END)
    with pytest.raises(AnalysisError, match="period"):
        period_retention(LOG, period="week", observation_end=END)


def test_latest_retention_and_period_bounds():
    r = period_retention(LOG, period="month", observation_end=END)
    assert latest_retention(r).index.tolist() == [("all", "2024-03")]
    assert str(period_bounds("month", "2024-04-30")) == "2024-04"
    assert str(period_bounds("month", "2024-04-29")) == "2024-03"
    assert str(period_bounds("quarter", "2024-12-31")) == "2024Q4"


def test_groups_are_measured_at_the_period_end_without_later_purchases():
    """A customer's huge April purchase must not move her March value tier."""
    big = pd.concat([LOG, pd.DataFrame({"customer_id": ["h"], "date": pd.to_datetime(["2024-04-20"]),
                                        "amount": [1000.0]})])
    before = customer_groups(LOG, as_of=pd.Period("2024-03", "M"))
    after = customer_groups(big, as_of=pd.Period("2024-03", "M"))
    pd.testing.assert_frame_equal(before, after)
    assert "h" not in before.index  # first purchase in April
    customers = pd.DataFrame({"customer_id": list("abcdefgh"), "acquisition_channel": list("wwsswsws")})
    g = customer_groups(LOG, customers, as_of="2024-03-31")
    assert set(g.columns) == {"acquisition_channel", "value_tier", "lifecycle_stage", "rfm_segment"}
    assert g.loc["a", "acquisition_channel"] == "w"
    counts = customer_groups(LOG.drop(columns="amount"), as_of="2024-03-31")  # a count-only log
    assert set(counts.columns) == {"lifecycle_stage", "rfm_segment"}


def test_retention_by_group_rates_the_latest_period_with_a_chi_square_test():
    g = pd.DataFrame({"tier": ["A", "A", "B", "B", "A", "B", "A", "B"]}, index=pd.Index(list("abcdefgh"), name="customer_id"))
    res = retention_by_group(LOG, g, period="month", observation_end=END)
    active = _active_sets(LOG)
    march, april = active["2024-03"], active["2024-04"]
    for tier in ("A", "B"):
        members = set(g.index[g["tier"] == tier])
        assert res.loc[("tier", tier), "active"] == len(march & members)
        assert res.loc[("tier", tier), "retained"] == len(march & members & april)
    assert (res["period"] == "2024-03").all()
    from scipy.stats import chi2_contingency
    table = [[res.loc[("tier", t), "retained"], res.loc[("tier", t), "active"] - res.loc[("tier", t), "retained"]]
             for t in ("A", "B")]
    if (np.asarray(table).sum(axis=0) > 0).all():
        assert res["p_value"].iloc[0] == pytest.approx(chi2_contingency(table, correction=False)[1])


def test_margin_per_active_is_the_latest_full_period_spend_per_buyer():
    m = margin_per_active(LOG, period="month", observation_end=END, gross_margin=0.4)
    april = LOG[LOG["date"].dt.month == 4]
    assert m.index.tolist() == ["2024-04"]
    assert m["active"].iloc[0] == april["customer_id"].nunique()
    assert m["margin_per_active"].iloc[0] == pytest.approx(0.4 * april["amount"].sum() / april["customer_id"].nunique())
    with pytest.raises(AnalysisError, match="amounts"):
        margin_per_active(LOG.drop(columns="amount"), observation_end=END)


def test_missing_columns_and_empty_logs_are_named():
    with pytest.raises(AnalysisError, match="customer_id"):
        cohort_matrix(LOG.drop(columns="customer_id"))
    with pytest.raises(AnalysisError, match="no transaction on or before"):
        cohort_matrix(LOG, observation_end="2023-12-31")
