"""Programme economics and tier migration (analysis.retention.programme), issue 15 item 1.

Checked against hand counts on small tables and against the synthetic firm's own bookkeeping
(points are floor(amount) per member order, so they bound members' spend).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.retention import migration_matrix, programme_economics, programme_verdict, tier_migration, tier_order


def _tables():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"],
                       "date": pd.to_datetime(["2023-12-01", "2024-02-01", "2024-08-01", "2024-03-01", "2024-04-01"]),
                       "amount": [40.0, 110.0, 220.0, 50.0, 60.0]})
    # a: member from 2024-02-01 to 2024-05-31 (her August order is after leaving); b never joins
    m = pd.DataFrame({"customer_id": ["a", "a"], "tier": ["base", "silver"],
                      "start_date": pd.to_datetime(["2024-02-01", "2024-03-01"]),
                      "end_date": pd.to_datetime(["2024-02-29", "2024-05-31"]),
                      "points_earned": [110.0, 0.0], "points_redeemed": [50.0, 0.0], "discounts": [0.5, 0.0]})
    return tx, m


def test_economics_by_hand():
    tx, m = _tables()
    eco = programme_economics(tx, m, ratio=1.1, ratio_low=0.95, ratio_high=1.3, gross_margin=0.4,
                              point_value=0.01, cost_per_member_month=2.0, observation_end="2024-12-31")
    e = eco["estimate"]
    assert e["member_spend"] == 110.0  # only the order while a member
    assert e["incremental_spend"] == pytest.approx(110.0 * (1 - 1 / 1.1))
    assert e["incremental_margin"] == pytest.approx(0.4 * 10.0)
    assert e["rewards_given"] == 0.5  # the recorded discounts, not the redeemed points again
    assert e["points_liability"] == pytest.approx((110.0 - 50.0) * 0.01)
    months = (pd.Timestamp("2024-05-31") - pd.Timestamp("2024-02-01")).days + 1
    assert e["member_months"] == pytest.approx(months / (365.25 / 12))
    assert e["running_cost"] == pytest.approx(2.0 * months / (365.25 / 12))
    assert e["net"] == pytest.approx(e["incremental_margin"] - e["total_cost"])
    # the interval of the net follows the ratio's: a ratio below 1 is a loss of margin
    assert eco.loc["net", "ci_low"] == pytest.approx(0.4 * 110.0 * (1 - 1 / 0.95) - e["total_cost"])
    assert eco.loc["net", "verdict"] == "cannot_tell"
    assert list(eco.columns[:5]) == ["estimate", "std_error", "ci_low", "ci_high", "p_value"]


def test_verdict_respects_the_interval():
    assert [programme_verdict(1, 2), programme_verdict(-1, 2), programme_verdict(-2, -1)] == [
        "pays", "cannot_tell", "does_not_pay"]
    assert programme_verdict(np.nan, np.nan) == "cannot_tell"


def test_economics_refuses_a_ratio_outside_its_interval():
    tx, m = _tables()
    with pytest.raises(ParameterError, match="must lie in its interval"):
        programme_economics(tx, m, ratio=1.5, ratio_low=1.0, ratio_high=1.2, gross_margin=0.3)


def test_tier_migration_by_hand():
    m = pd.DataFrame({
        "customer_id": ["a", "a", "b", "b", "c", "d", "e"],
        "tier": ["base", "gold", "silver", "base", "base", "silver", "base"],
        "start_date": pd.to_datetime(["2023-01-01", "2023-06-01", "2023-01-01", "2023-09-01", "2023-05-01",
                                      "2023-01-01", "2023-01-01"]),
        "end_date": pd.to_datetime([None, None, "2023-08-31", None, None, "2023-10-01", None])})
    m.loc[0, "end_date"] = pd.Timestamp("2023-05-31")
    assert tier_order(m, ["base", "silver", "gold"]) == ["base", "silver", "gold"]
    mig = tier_migration(m, start="2023-03-01", end="2023-12-31", order=["base", "silver", "gold"])
    moves = {(a, b): (n, mv) for a, b, n, mv in mig[["from_tier", "to_tier", "n", "move"]].itertuples(index=False)}
    assert moves == {("none", "base"): (1, "joined"), ("base", "gold"): (1, "upgrade"),
                     ("base", "base"): (1, "same"), ("silver", "base"): (1, "downgrade"),
                     ("silver", "none"): (1, "left")}
    assert mig.loc[mig["from_tier"] == "base", "share"].sum() == pytest.approx(1.0)
    mat = migration_matrix(mig)
    assert mat.loc["silver", "base"] == 1 and mat.loc["base", "silver"] == 0


def test_firm_points_bound_members_spend():
    from analysis.simulate import simulate_service_firm

    f = simulate_service_firm()
    t = f.tables()
    if "memberships" not in t:
        pytest.skip("the synthetic firm has no loyalty programme yet")
    m = t["memberships"]
    eco = programme_economics(t["transactions"], m, ratio=1.1, ratio_low=1.05, ratio_high=1.15, gross_margin=0.3,
                              point_value=f.truth.point_value)
    spend, earned = eco.loc["member_spend", "estimate"], eco.loc["points_earned", "estimate"]
    n_orders_bound = len(t["transactions"])
    # the firm gives floor(amount) points per member order: points <= spend < points + one per order
    assert earned <= spend * f.truth.points_per_currency < earned + n_orders_bound
    assert spend * f.truth.points_per_currency - earned < 0.02 * spend  # rounding only
    assert eco.loc["rewards_given", "estimate"] == pytest.approx(m["discounts"].sum())
    order = tier_order(m)
    assert order == list(f.truth.tiers)
