"""Campaign lift: Hillstrom's published figures, the synthetic firm's known truth, and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.channels import campaign_lift, heterogeneous_lift, incremental_revenue
from analysis.errors import DataValidationError
from analysis.simulate import simulate_service_firm

Z = 4.0  # truth must lie within 4 standard errors: a false alarm about 1 in 16,000 per check


@pytest.fixture(scope="module")
def hillstrom(shared_data):
    path = shared_data / "hillstrom" / "hillstrom.csv"
    if not path.exists():
        pytest.skip(f"Hillstrom copy not found at {path}")
    return pd.read_csv(path)


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm(12000, seed=7)


def test_hillstrom_per_arm_figures_and_t_test(hillstrom):
    # PROVENANCE.md: n, visit, conversion, spend per arm to 6 decimals; pooled t for spend
    published = {
        "Mens E-Mail": (21307, 0.182757, 0.012531, 1.422617),
        "Womens E-Mail": (21387, 0.151400, 0.008837, 1.077202),
        "No E-Mail": (21306, 0.106167, 0.005726, 0.652789),
    }
    results = {o: campaign_lift(hillstrom, "segment", o, "No E-Mail", equal_var=True).set_index("arm")
               for o in ("visit", "conversion", "spend")}
    for arm, (n, visit, conv, spend) in published.items():
        for outcome, value in zip(("visit", "conversion", "spend"), (visit, conv, spend)):
            res = results[outcome]
            got = res.loc[arm, "mean"] if arm in res.index else res["mean_control"].iloc[0]
            assert round(got, 6) == value, (arm, outcome)
        if arm in results["visit"].index:
            assert results["visit"].loc[arm, "n"] == n
    spend = results["spend"]
    assert round(spend.loc["Mens E-Mail", "statistic"], 6) == 5.300090
    assert spend.loc["Mens E-Mail", "p_value"] == pytest.approx(1.1632e-07, rel=1e-4)
    assert round(spend.loc["Womens E-Mail", "statistic"], 4) == 3.2548
    assert spend.loc["Womens E-Mail", "p_value"] == pytest.approx(0.00114, rel=5e-3)
    # Welch t (default) is nearly identical here (arms of almost equal size)
    welch = campaign_lift(hillstrom, "segment", "spend", "No E-Mail").set_index("arm")
    ref = stats.ttest_ind(hillstrom.spend[hillstrom.segment == "Mens E-Mail"],
                          hillstrom.spend[hillstrom.segment == "No E-Mail"], equal_var=False)
    assert welch.loc["Mens E-Mail", "statistic"] == pytest.approx(ref.statistic, rel=1e-10)
    assert welch.loc["Mens E-Mail", "p_value"] == pytest.approx(ref.pvalue, rel=1e-6)


def test_lift_recovers_true_arm_effects(firm):
    camp, truth = firm.campaign, firm.truth
    share = (camp["recency_group"] == "recent").mean()
    true = truth.arm_rates(share).set_index("arm")
    for outcome, col in (("visit", "visit_rate"), ("conversion", "conversion_rate"), ("spend", "spend_per_contact")):
        lift = campaign_lift(camp, "channel", outcome, "control").set_index("arm")
        for arm in ("email", "email_discount"):
            want = true.loc[arm, col] - true.loc["control", col]
            assert abs(lift.loc[arm, "estimate"] - want) < Z * lift.loc[arm, "std_error"], (outcome, arm)
            assert lift.loc[arm, "ci_low"] < lift.loc[arm, "estimate"] < lift.loc[arm, "ci_high"]


def test_heterogeneous_lift_by_recency_matches_truth(firm):
    h = heterogeneous_lift(firm.campaign, "channel", "visit", "control", by="recency_group")
    vr = firm.truth.visit_rate
    for _, row in h.by_level.iterrows():
        want = vr[row["arm"]][row["level"]] - vr["control"][row["level"]]
        assert abs(row["estimate"] - want) < Z * row["std_error"]
    # Cochran's Q by hand for one arm
    sub = h.by_level[h.by_level["arm"] == "email"]
    w = 1 / sub["std_error"] ** 2
    pooled = (w * sub["estimate"]).sum() / w.sum()
    q = (w * (sub["estimate"] - pooled) ** 2).sum()
    assert h.homogeneity.set_index("arm").loc["email", "statistic"] == pytest.approx(q)
    # true lifts differ a lot between recent and lapsed customers (0.08 vs 0.02): detected
    assert h.homogeneity.set_index("arm").loc["email", "p_value"] < 0.01


def test_incremental_revenue_per_contact(firm):
    camp = firm.campaign
    inc = incremental_revenue(camp, "channel", "spend", "control", cost="cost_per_contact", margin=0.3).set_index("arm")
    lift = campaign_lift(camp, "channel", "spend", "control").set_index("arm")
    for arm in ("email", "email_discount"):
        assert inc.loc[arm, "estimate"] == pytest.approx(lift.loc[arm, "estimate"])
        cost = firm.truth.cost_per_contact[arm] - firm.truth.cost_per_contact["control"]
        assert inc.loc[arm, "incremental_cost"] == pytest.approx(cost)
        assert inc.loc[arm, "incremental_profit"] == pytest.approx(0.3 * lift.loc[arm, "estimate"] - cost)
        total = lift.loc[arm, "estimate"] * lift.loc[arm, "n"]
        assert inc.loc[arm, "total_incremental_revenue"] == pytest.approx(total)


def test_lift_bad_control():
    df = pd.DataFrame({"arm": ["a", "a", "b", "b"], "y": [0, 1, 1, 1]})
    with pytest.raises(DataValidationError, match="control arm"):
        campaign_lift(df, "arm", "y", control="ctl")


def test_lift_tables_have_the_estimate_shape(firm):
    from analysis.results import ESTIMATE_COLUMNS

    camp = firm.campaign
    for outcome in ("visit", "spend"):
        lift = campaign_lift(camp, "channel", outcome, "control")
        assert list(lift.columns[:5]) == list(ESTIMATE_COLUMNS)
        for _, r in lift.iterrows():
            y1 = camp.loc[camp["channel"] == r["arm"], outcome]
            y0 = camp.loc[camp["channel"] == "control", outcome]
            assert r["estimate"] == pytest.approx(y1.mean() - y0.mean(), rel=1e-10)
            want = np.sqrt(y1.var(ddof=int(outcome == "spend")) / len(y1) + y0.var(ddof=int(outcome == "spend"))
                           / len(y0))
            assert r["std_error"] == pytest.approx(want, rel=1e-10)
    inc = incremental_revenue(camp, "channel", "spend", "control", cost=0.05)
    assert list(inc.columns[:7]) == [*ESTIMATE_COLUMNS, "arm", "n"]
    het = heterogeneous_lift(camp, "channel", "visit", "control", by="recency_group")
    assert list(het.by_level.columns[:6]) == [*ESTIMATE_COLUMNS, "level"]
    assert het.summary() is het.by_level and repr(het).startswith("HeterogeneousLift\n")
    assert list(het.homogeneity.columns) == ["arm", "pooled_lift", "statistic", "df", "p_value", "i_squared"]
