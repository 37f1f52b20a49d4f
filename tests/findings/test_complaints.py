"""Findings and checks of the complaints section (analysis.findings.complaints): every cited number is found
again in the written tables (verify_outputs), the service-recovery verdict follows the interval of the good
recovery ratio, and the checks warn where they should."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.channels import covariate_balance
from analysis.findings import verify_outputs
from analysis.findings import complaints as fc
from analysis.report import ReportOutputs
from analysis.retention.complaints import complaint_categories, complaint_rates, group_means, resolution_times
from analysis.retention.recovery import flag_comparison, recovery_counts


def _effects(good, poor=(0.6, 0.5, 0.7)):
    rows = {}
    for g, (est, lo, hi) in (("good", good), ("poor", poor)):
        rows[f"{g}_ratio"] = {"estimate": est, "std_error": 0.05, "ci_low": lo, "ci_high": hi, "p_value": 0.1,
                              "group": g, "measure": "ratio", "naive": est + 0.1, "naive_ci_low": lo,
                              "naive_ci_high": hi}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("contrast")


RATES = pd.DataFrame({"estimate": [0.7, 0.66, 0.42], "std_error": 0.02, "ci_low": [0.69, 0.6, 0.35],
                      "ci_high": [0.71, 0.72, 0.5], "p_value": np.nan, "orders": [9000, 300, 150],
                      "customers": [3000, 280, 140], "repurchases": [6300, 198, 63], "naive": [0.7, 0.65, 0.43]},
                     index=pd.Index(["none", "good", "poor"], name="recovery"))


@pytest.mark.parametrize("good, verdict", [((1.1, 1.02, 1.2), "complaints.text.paradox"),
                                           ((0.9, 0.85, 0.97), "complaints.text.no_paradox"),
                                           ((0.95, 0.88, 1.03), "complaints.text.paradox_unclear")])
def test_paradox_verdict_follows_the_interval(tmp_path, good, verdict):
    out = ReportOutputs(tmp_path)
    rates, effects = out.table("recovery_rates", RATES), out.table("recovery_effects", _effects(good))
    found = [out.finding(f) for f in fc.recovery_findings(rates, effects, rates_table="recovery_rates",
                                                          effects_table="recovery_effects", days=180)]
    assert {f.key: f.message for f in found}["recovery_paradox"] == verdict
    assert verify_outputs(tmp_path) == []


def test_section_findings_cite_what_is_written(tmp_path):
    rng = np.random.default_rng(0)
    n = 2000
    tx = pd.DataFrame({"customer_id": rng.integers(0, 400, n).astype(str), "amount": 10.0,
                       "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"),
                       "channel": rng.choice(["web", "store"], n, p=[0.7, 0.3])})
    picked = tx.sample(80, random_state=0)
    c = pd.DataFrame({"customer_id": picked["customer_id"].to_numpy(), "date": picked["date"].to_numpy(),
                      "category": rng.choice(["wait", "bill", "staff"], 80, p=[0.6, 0.3, 0.1]),
                      "resolution": rng.choice(["good", "poor"], 80),
                      "resolved_date": (picked["date"] + pd.to_timedelta(rng.integers(0, 20, 80), unit="D")).to_numpy(),
                      "satisfaction_after": rng.integers(1, 8, 80).astype(float), "compensation": rng.gamma(2, 5, 80)})
    end = tx["date"].max()
    out = ReportOutputs(tmp_path)
    rates = out.table("complaint_rates", complaint_rates(c, tx, end=end))
    period = out.table("complaint_rates_period", complaint_rates(c, tx, by="quarter", end=end))
    channel = out.table("complaint_rates_channel", complaint_rates(c, tx, by="channel", end=end))
    cats = out.table("complaint_categories", complaint_categories(c))
    times = out.table("resolution_times", resolution_times(c, end=end))
    sat = out.table("satisfaction_after", group_means(c, "satisfaction_after"))
    comp = out.table("compensation", group_means(c, "compensation"))
    found = fc.rate_findings(rates, table="complaint_rates")
    found += [fc.trend_finding(period, table="complaint_rates_period", period="quarter")]
    ch_found, ch_checks = fc.channel_findings(channel, table="complaint_rates_channel")
    found += ch_found + [fc.pareto_finding(cats, table="complaint_categories")]
    r_found, r_checks = fc.resolution_findings(times, table="resolution_times")
    found += r_found + fc.satisfaction_findings(sat, table="satisfaction_after")
    found += [fc.compensation_finding(comp, table="compensation", currency="euros")]
    for f in found:
        out.finding(f)
    for check in [fc.unlinked_check(rates, table="complaint_rates"), *ch_checks, *r_checks]:
        out.check(check)
    assert verify_outputs(tmp_path) == []
    keys = set(out.records["findings"])
    assert {"complaint_rate", "zero_complaints", "complaints_trend", "complaints_by_channel",
            "complaint_categories", "resolution_time", "satisfaction_after_good", "compensation"} <= keys
    assert out.records["checks"]["complaints_unlinked"]["status"] == "pass"


def test_zero_complaints_reads_as_an_upper_bound():
    r = pd.DataFrame({"complaints": [0], "orders": [500], "customers": [200], "complainers": [0],
                      "per_1000_orders": [0.0], "per_1000_low": [0.0], "per_1000_high": [7.4],
                      "share_complained": [0.0], "share_low": [0.0], "share_high": [0.019], "unlinked": [3]},
                     index=pd.Index(["all"], name="group"))
    found = fc.rate_findings(r, table="complaint_rates")
    assert found[1].message == "complaints.text.zero_goal_met" and "7.40 per 1,000" in found[1].text()
    assert fc.unlinked_check(r, table="complaint_rates").status == "warn"


def test_recovery_checks_warn_on_imbalance_failures_and_small_groups(tmp_path):
    data = pd.DataFrame({"recovery": ["none"] * 50 + ["good"] * 50, "log_prior_orders": np.r_[np.arange(50) % 3, 2 + np.arange(50) % 3],
                         "log_prior_spend": 1.0, "log_tenure_days": np.arange(100) % 7})
    balance = covariate_balance(data, "recovery", ["log_prior_orders", "log_prior_spend", "log_tenure_days"], "none")
    boot = pd.DataFrame({"n_bootstrap": [100], "n_failed": [4]}, index=pd.Index(["bootstrap"], name="item"))
    checks = {c.key: c for c in fc.recovery_checks(RATES, balance, boot, rates_table="recovery_rates",
                                                    balance_table="recovery_balance",
                                                    bootstrap_table="recovery_bootstrap")}
    assert checks["recovery_balance"].status == "warn" and "orders before" in checks["recovery_balance"].text()
    assert checks["recovery_bootstrap"].status == "warn"
    assert checks["recovery_size"].status == "pass"  # 150 orders in the smallest group


def test_recovery_skipped_names_the_thin_group():
    orders = pd.DataFrame({"customer_id": list("abcdefghij") * 3, "recovery": ["none"] * 25 + ["good"] * 5,
                           "repurchased": [1, 0] * 15, "eligible": True})
    check = fc.recovery_skipped_check(recovery_counts(orders), table="recovery_counts")
    assert check.status == "not_run" and "complaint resolved well" in check.text()


def test_flag_findings_say_association(tmp_path):
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"Complain": (rng.random(800) < 0.1).astype(int), "Response": rng.integers(0, 2, 800),
                       "Income": rng.normal(50, 10, 800)})
    share, comparison, balance = flag_comparison(df, "Complain", "Response", ["Income"])
    out = ReportOutputs(tmp_path)
    out.table("complaint_flag_share", share)
    from analysis.channels import points
    effects = out.table("complaint_flag_effects", points(comparison.effects, ["estimate", "ci_low", "ci_high", "unadjusted"]))
    found = [out.finding(f) for f in fc.flag_findings(share, effects, comparison, flag="Complain", outcome="Response",
                                                      share_table="complaint_flag_share",
                                                      effects_table="complaint_flag_effects", binary=True)]
    assert found[0].key == "complaint_flag_share" and found[-1].key == "complaint_flag_association"
    assert "customers who complained vs customers who did not complain" in " ".join(f.text() for f in found)
    assert verify_outputs(tmp_path) == []


def test_no_overlap_is_a_warning_without_a_number():
    data = pd.DataFrame({"recovery": ["none"] * 20 + ["good"] * 20, "log_prior_orders": [0.0] * 20 + [1.0] * 20,
                         "log_prior_spend": np.arange(40.0), "log_tenure_days": np.arange(40.0) % 5})
    balance = covariate_balance(data, "recovery", ["log_prior_orders", "log_prior_spend", "log_tenure_days"], "none")
    boot = pd.DataFrame({"n_bootstrap": [10], "n_failed": [0]}, index=pd.Index(["bootstrap"], name="item"))
    check = fc.recovery_checks(RATES, balance, boot, rates_table="r", balance_table="b", bootstrap_table="x")[0]
    assert check.status == "warn" and check.message == "complaints.check.recovery_no_overlap"
    flag = fc.flag_checks(balance.assign(covariate="Income"), table="b")[0]
    assert flag.message == "complaints.check.flag_no_overlap" and "Income" in flag.text()


def test_truth_finding_says_whether_the_intervals_hold_the_truth(tmp_path):
    out = ReportOutputs(tmp_path)
    effects = _effects((0.93, 0.88, 0.99), (0.62, 0.5, 0.7)).assign(naive_ci_low=[1.1, 0.7], naive_ci_high=[1.3, 0.8])
    known = out.table("recovery_truth", fc.truth_table(effects, {"good": 0.95, "poor": 0.6}))
    assert known["covered"].tolist() == [True, True] and known["naive_covered"].tolist() == [False, False]
    f = out.finding(fc.truth_finding(known, table="recovery_truth"))
    assert f.message == "complaints.text.truth_covered" and "0.95" in f.text()
    assert verify_outputs(tmp_path) == []
    missed = fc.truth_table(effects, {"good": 0.8, "poor": 0.6})
    assert fc.truth_finding(missed, table="recovery_truth").message == "complaints.text.truth_missed"


def test_a_continuous_flag_outcome_reads_in_its_own_unit(tmp_path):
    rng = np.random.default_rng(2)
    df = pd.DataFrame({"Complain": (rng.random(600) < 0.2).astype(int), "Recency": rng.integers(0, 100, 600),
                       "Income": rng.normal(50, 10, 600)})
    share, comparison, _ = flag_comparison(df, "Complain", "Recency", ["Income"])
    out = ReportOutputs(tmp_path)
    out.table("s", share)
    effects = out.table("e", comparison.effects)
    found = fc.flag_findings(share, effects, comparison, flag="Complain", outcome="Recency", share_table="s",
                             effects_table="e", binary=False, label=lambda c: {"Recency": "days since"}.get(c, c))
    text = " ".join(out.finding(f).text() for f in found)
    assert "days since unadjusted" in text and "currency" not in text
    assert verify_outputs(tmp_path) == []


def test_sections_that_cannot_run_say_why():
    skipped, no_orders = fc.skipped_check(), fc.no_orders_check()
    assert (skipped.status, no_orders.status) == ("not_run", "not_run")
    assert "complaint_flag" in skipped.text() and "transactions" in no_orders.text()
