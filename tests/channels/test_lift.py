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


def test_discount_and_incentive_enter_the_profit_and_its_interval_matches_scipy(firm):
    # case 13: an arm that gives 10 % off keeps 1 - 0.7 / 0.9 of its (discounted) revenue at a 30 % margin on
    # the list price, not 30 %; an incentive per buyer is a cost. The profit interval is Welch's on the
    # per-contact profits, checked here against scipy's own Welch interval (exact formula: tolerance 1e-9).
    camp = firm.campaign
    inc = incremental_revenue(camp, "channel", "spend", "control", cost="cost_per_contact", margin=0.3,
                              discount={"email_discount": 0.10}, incentive={"email_discount": 1.5}).set_index("arm")
    cost = camp.groupby("channel")["cost_per_contact"].mean()

    def profit(arm, keep, incentive):
        y = camp.loc[camp["channel"] == arm, "spend"].to_numpy(float)
        return y * keep - cost[arm] - incentive * (y > 0)

    treated, control = profit("email_discount", 1 - 0.7 / 0.9, 1.5), profit("control", 0.3, 0.0)
    ref = stats.ttest_ind(treated, control, equal_var=False)
    ci = ref.confidence_interval(0.95)
    r = inc.loc["email_discount"]
    assert r["margin_on_revenue"] == pytest.approx(0.2222222222, abs=1e-9)
    assert r["incremental_profit"] == pytest.approx(treated.mean() - control.mean(), abs=1e-9)
    assert (r["profit_ci_low"], r["profit_ci_high"]) == pytest.approx((ci.low, ci.high), abs=1e-9)
    buyers = (camp.loc[camp["channel"] == "email_discount", "spend"] > 0).mean()
    want_cost = cost["email_discount"] + 1.5 * buyers - cost["control"]
    assert r["incremental_cost"] == pytest.approx(want_cost)
    assert (r["roi"], r["roi_ci_low"], r["roi_ci_high"]) == pytest.approx(
        (r["incremental_profit"] / want_cost, ci.low / want_cost, ci.high / want_cost))
    # without a discount the profit is the old margin x revenue lift - cost, to the last digit
    plain = incremental_revenue(camp, "channel", "spend", "control", cost="cost_per_contact", margin=0.3)
    assert plain.set_index("arm").loc["email", "profit_ci_low"] == pytest.approx(
        0.3 * plain.set_index("arm").loc["email", "ci_low"] - (cost["email"] - cost["control"]))
    with pytest.raises(DataValidationError, match="email_typo"):
        incremental_revenue(camp, "channel", "spend", "control", discount={"email_typo": 0.1})


def test_verdict_comes_from_the_profit_interval(firm):
    # case 13: "profitable" only when the whole profit interval is above zero
    inc = incremental_revenue(firm.campaign, "channel", "spend", "control", cost="cost_per_contact", margin=0.3,
                              discount={"email_discount": 0.10})
    for _, r in inc.iterrows():
        want = ("profitable" if r["profit_ci_low"] > 0 else "loss" if r["profit_ci_high"] < 0 else "uncertain")
        assert r["verdict"] == want


def test_covariate_balance_by_hand():
    # numbers: means 25 and 35, variances 50 and 50 -> (35 - 25) / sqrt(50) = 1.4142;
    # shares 0.5 and 1.0 with variances 0.5 and 0 -> 0.5 / sqrt(0.25) = 1.0
    from analysis.channels import covariate_balance

    df = pd.DataFrame({"arm": ["c", "c", "t", "t"], "age": [20.0, 30.0, 30.0, 40.0], "kind": ["x", "y", "x", "x"]})
    bal = covariate_balance(df, "arm", ["age", "kind"], "c").set_index(["covariate", "value"])
    assert bal.loc[("age", ""), "smd"] == pytest.approx(10 / np.sqrt(50))
    assert bal.loc[("kind", "x"), "smd"] == pytest.approx(1.0)
    assert bal.loc[("kind", "y"), "smd"] == pytest.approx(-1.0)


def test_lifecycle_stage_is_the_study_definition_not_a_90_day_split(firm):
    # case 14: the campaign's old "recency_group" split at 90 days called a customer lapsed whom notebook 01
    # calls active; the stage now comes from the one lifecycle definition (segmentation.lifecycle_stages)
    from analysis.channels import with_lifecycle_stage
    from analysis.segmentation import lifecycle_stages

    camp = with_lifecycle_stage(firm.campaign)
    ref = lifecycle_stages(firm.campaign.rename(columns={"n_orders": "frequency"}))["stage"].astype(str)
    assert (camp["lifecycle_stage"] == ref.to_numpy()).all()
    between = camp[(camp["recency_days"] > 90) & (camp["recency_days"] <= 180)]
    assert len(between) and (between["recency_group"] == "lapsed").all()
    assert not between["lifecycle_stage"].isin(["at_risk", "lost"]).any()
    strict = with_lifecycle_stage(firm.campaign, {"new_days": 30, "at_risk_days": 60, "lost_days": 120})
    assert (strict.loc[strict["recency_days"] > 120, "lifecycle_stage"] == "lost").all()
    assert with_lifecycle_stage(firm.campaign[["channel", "visit"]]).columns.tolist() == ["channel", "visit"]


def test_notebook_04_takes_the_lifecycle_from_the_study():
    from pathlib import Path

    from analysis.report.parameters import read_parameters

    params = read_parameters(Path(__file__).resolve().parents[2] / "notebooks" / "04_channel_comparison.ipynb")
    assert params["stage_rules"].default is None
    assert params["heterogeneity_by"].default == "lifecycle_stage"
    assert "recency_group" not in params["covariates"].default


def test_points_are_the_proportions_times_100():
    from analysis.channels import points

    t = points(pd.DataFrame({"estimate": [0.0910, -0.005]}), ["estimate"])
    assert t["estimate_pp"].tolist() == pytest.approx([9.10, -0.5])
