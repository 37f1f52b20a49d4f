"""Findings and checks of notebook 05's retention and economics sections (analysis.findings.retention).

The sections are run here as the notebook runs them, on a small synthetic firm, through ReportOutputs into a
temporary folder; verify_outputs recomputes every cited number from the written CSV files. The numbers a
sentence shows are also compared with values computed here with pandas, and every branch (median 0, not
reached, open interval; one group; no holdout; short history; small groups) is reached on purpose."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.findings import verify_outputs
from analysis.findings import retention as fr
from analysis.report import ReportOutputs
from analysis.retention import (cohort_matrix, customer_groups, customer_lifetimes, kaplan_meier, lifetime_summary,
                                logrank_test, margin_per_active, median_lifetime, membership_lifetimes,
                                period_bounds, period_retention, retention_by_group, retention_economics,
                                retention_scenarios, sbg_forecast)
from analysis.simulate import simulate_service_firm


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm(1500, seed=5).tables()


def _run(tables, folder):
    """The retention and economics cells of notebook 05, without display."""
    out = ReportOutputs(folder)
    tx, end, period = tables["transactions"], tables["transactions"]["date"].max().normalize(), "quarter"
    matrix = out.table("cohort_matrix", cohort_matrix(tx, period=period, observation_end=end))
    rates = out.table("period_retention", period_retention(tx, period=period, observation_end=end))
    for f in fr.cohort_findings(matrix, table="cohort_matrix", period=period):
        out.finding(f)
    out.finding(fr.latest_finding(rates, table="period_retention", period=period))
    out.check(fr.history_check(matrix, table="cohort_matrix", period=period))
    groups = customer_groups(tx, tables["customers"], as_of=period_bounds(period, end) - 1)
    by_group = out.table("retention_by_group", retention_by_group(tx, groups, period=period, observation_end=end))
    for f in fr.group_findings(by_group, table="retention_by_group", period=period):
        out.finding(f)
    out.check(fr.group_check(by_group, table="retention_by_group"))
    lifetimes = customer_lifetimes(tx, observation_end=end, churn_days=365)
    sample = out.table("lifetime_sample", lifetime_summary(lifetimes, tx["customer_id"].nunique()))
    curve = out.table("survival", kaplan_meier(lifetimes["duration_days"], lifetimes["churned"]))
    median = out.table("median_lifetime", median_lifetime(curve))
    names = dict(sample_name="lifetime_sample", median_name="median_lifetime")
    for f in fr.lifetime_findings(sample, curve, median, churn_days=365, curve_name="survival", **names):
        out.finding(f)
    for c in fr.lifetime_checks(sample, median, **names):
        out.check(c)
    test = out.table("survival_logrank", logrank_test(lifetimes, tables["customers"].set_index("customer_id")[
        "acquisition_channel"]))
    out.finding(fr.logrank_finding(test, table="survival_logrank", grouping="acquisition_channel"))
    model, sbg_curve = sbg_forecast(membership_lifetimes(tables["memberships"], observation_end=end), fit_periods=6)
    fit = out.table("sbg_fit", fr.sbg_fit_table(model, out.table("sbg_curve", sbg_curve)))
    out.finding(fr.sbg_finding(fit, table="sbg_fit"))
    out.check(fr.sbg_check(fit, table="sbg_fit"))
    margin = out.table("margin_per_active", margin_per_active(tx, period=period, observation_end=end, gross_margin=0.3))
    kpi = rates.loc["all"].iloc[-1]
    base = dict(margin=margin["margin_per_active"].iloc[0], retention=kpi["estimate"], discount_rate=0.024,
                n_customers=int(margin["active"].iloc[0]))
    eco = out.table("retention_economics", retention_economics(**base, ci_low=kpi["ci_low"], ci_high=kpi["ci_high"],
                                                               programme_cost=1.0, programme_effect=0.02))
    scen = out.table("retention_scenarios", retention_scenarios(**base))
    for f in fr.economics_findings(margin, eco, scen, margin_name="margin_per_active", economics_name="retention_economics",
                                   scenarios_name="retention_scenarios", period=period, currency="euros"):
        out.finding(f)
    return out, dict(rates=rates, by_group=by_group, sample=sample, median=median, fit=fit, eco=eco, scen=scen)


def test_every_cited_number_is_in_the_written_tables(firm, tmp_path):
    out, _ = _run(firm, tmp_path)
    assert verify_outputs(tmp_path) == []
    keys = set(out.records["findings"])
    assert {"retention_cohorts", "retention_latest", "retention_by_value_tier", "retention_lifetimes",
            "retention_median", "retention_logrank", "retention_sbg", "retention_margin", "retention_value",
            "retention_programme", "retention_scenarios"} <= keys
    assert {"retention_history", "retention_group_sizes", "retention_censoring", "retention_at_risk",
            "retention_sbg"} <= set(out.records["checks"])


def test_sentences_show_the_numbers_computed_here(firm, tmp_path):
    out, t = _run(firm, tmp_path)
    tx = firm["transactions"]
    q = tx.assign(q=tx["date"].dt.to_period("Q"))
    last = t["rates"].index[-1][1]
    buyers = set(q.loc[q["q"] == pd.Period(last), "customer_id"])
    again = buyers & set(q.loc[q["q"] == pd.Period(last) + 1, "customer_id"])
    text = out.records["findings"]["retention_latest"]["text"]
    assert f"of the {len(buyers):,} customers who bought in {last}, {len(again) / len(buyers):.1%} bought again" in text
    margin = 0.3 * q.loc[q["q"] == pd.Period(last) + 1, "amount"].sum() / q.loc[q["q"] == pd.Period(last) + 1,
                                                                                  "customer_id"].nunique()
    assert f"brought {margin:,.2f} euros of margin" in out.records["findings"]["retention_margin"]["text"]
    a, b = t["fit"].loc["sbg", ["alpha", "beta"]]
    assert f"alpha = {a:.2f} and beta = {b:.2f}" in out.records["findings"]["retention_sbg"]["text"]


def _sample(censored_share, never):
    return pd.DataFrame({"customers": [10], "judged": [10], "excluded": [0], "churned": [5], "censored": [5],
                         "censored_share": [censored_share], "never_returned_share": [never]},
                        index=pd.Index(["all"], name="sample"))


def test_median_branches_and_their_checks():
    names = dict(sample_name="s", median_name="m")
    zero = kaplan_meier([0, 0, 0, 1, 2], [True] * 5)
    found = fr.lifetime_findings(_sample(0.2, 0.6), zero, median_lifetime(zero), churn_days=90, curve_name="c", **names)
    assert [f.message for f in found][1:] == ["retention.finding.first_day", "retention.finding.median_zero"]
    never = kaplan_meier([1, 2, 3, 4], [True, False, False, False])
    found = fr.lifetime_findings(_sample(0.75, 0.0), never, median_lifetime(never), churn_days=90, curve_name="c",
                                 **names)
    assert found[-1].message == "retention.finding.median_not_reached"
    checks = fr.lifetime_checks(_sample(0.75, 0.0), median_lifetime(never), **names)
    assert [(c.key, c.status) for c in checks] == [("retention_censoring", "warn"), ("retention_at_risk", "warn")]
    open_top = kaplan_meier([1, 2, 3, 4, 5, 6], [True, True, True, False, False, False])
    found = fr.lifetime_findings(_sample(0.5, 0.0), open_top, median_lifetime(open_top), churn_days=90,
                                 curve_name="c", **names)
    assert found[-1].message == "retention.finding.median_open"
    assert fr.lifetime_checks(_sample(0.5, 0.0), median_lifetime(open_top), **names)[1].status == "warn"  # 4 at risk


def test_short_history_one_group_small_groups_and_no_holdout():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
                       "date": pd.to_datetime(["2024-01-05", "2024-02-03", "2024-01-09", "2024-02-20"])})
    m = cohort_matrix(tx, observation_end="2024-02-29")
    check = fr.history_check(m, table="cohort_matrix", period="month")
    assert check.status == "warn" and "only 1 complete month" in check.text()
    assert fr.cohort_findings(m, table="cohort_matrix", period="month")[0].message == "retention.finding.cohorts_one"
    g = pd.DataFrame({"tier": ["A", "A", "A"]}, index=pd.Index(list("abc"), name="customer_id"))
    by = retention_by_group(tx, g, observation_end="2024-02-29")
    assert fr.group_findings(by, table="t", period="month")[0].message == "retention.finding.group_one"
    small = fr.group_check(by, table="t")
    assert small.status == "warn" and small.fields["n_small"].value == 1
    fit = pd.DataFrame({"members": [50.0], "fit_periods": [6.0], "alpha": [1.0], "beta": [3.0],
                        "first_retention": [0.75], "holdout_periods": [0.0], "mae": [np.nan], "max_error": [np.nan]},
                       index=pd.Index(["sbg"], name="model"))
    assert fr.sbg_finding(fit, table="f").message == "retention.finding.sbg_no_holdout"
    assert fr.sbg_check(fit, table="f").status == "not_run"
    assert fr.skipped_check("memberships").status == "not_run" and fr.no_amounts_check().status == "not_run"


def test_parts_that_cannot_run_say_why():
    tx = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-05-03", "2024-06-01"])})
    assert fr.history_skip(tx, period="quarter", observation_end="2024-06-30").key == "retention_too_short"
    assert fr.history_skip(tx, period="month", observation_end="2024-06-30") is None
    empty = customer_lifetimes(tx, observation_end="2024-06-30", churn_days=365)
    check = fr.lifetimes_skip(empty, churn_days=365)
    assert check.status == "not_run" and "365 days" in check.text()
    members = pd.DataFrame({"periods": [2, 3, 1], "left": [False, False, True], "observed_periods": [2, 3, 1]})
    assert fr.sbg_skip(members, fit_periods=3).status == "not_run"  # nobody observed 3 months left in them
    assert fr.sbg_skip(members.assign(left=True), fit_periods=3) is None
