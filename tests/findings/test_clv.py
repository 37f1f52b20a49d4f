"""Notebook 02's findings and checks (analysis.findings.clv): every sentence cites the tables
the notebook writes, and :func:`analysis.findings.verify_outputs` recomputes each cited value
from the written CSV files (an independent reading: text parsed back from disk).

Issue 13 cases: 4 (the Gamma-Gamma independence check is a Check that affects the value
findings, with a p-value printed as a number, not 0.0), 5 (win-back targets exclude customers
who are probably gone), 6 (the holdout length is the real one when calibration_end is given),
9 (customers left out of a fit are counted and stated), 22 (the study's currency name).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.findings import Check, verify_outputs
from analysis.findings import clv as clv_findings
from analysis.report import ReportOutputs
from analysis.summary import calibration_holdout_summary
from analysis.window import Window

BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
GG = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The value tables of notebook 02, written as the notebook writes them."""
    folder = tmp_path_factory.mktemp("clv_findings")
    out = ReportOutputs(folder)
    rng = np.random.default_rng(8)
    sim = clv.BetaGeo.from_params(BG).simulate(600, rng.uniform(10, 40, 600), holdout=20, seed=rng)
    data = sim.assign(monetary_value=clv.GammaGamma.from_params(GG).simulate(sim["frequency"], seed=2)["monetary_value"])
    bg, gg = clv.BetaGeo().fit(data), clv.GammaGamma().fit(clv.fitting_sample(data, "spend"))
    value = clv.customer_lifetime_value(bg, data, spend_model=gg, horizon=26, margin=0.3)
    value = value.join(clv.churn_risk(bg, data, value, silence=6.5)[["p_alive_if_silent", "value_if_alive",
                                                                        "value_at_risk"]])
    rule = out.table("win_back_rule", clv.win_back_rule(value, threshold=0.4).round(4))
    value["win_back_status"] = clv.win_back_status(value, rule)
    value = out.table("customer_value", value.sort_values("clv", ascending=False).round(4))
    concentration = out.table("value_concentration", clv.value_concentration(value["clv"]).round(4))
    settings = out.table("value_settings", pd.DataFrame({"horizon": [26], "discount_rate": [0.08], "margin": [0.3]},
                                                        index=pd.Index(["settings"], name="row")))
    return out, folder, value, concentration, settings, rule


def _numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"[-+]?\d[\d,]*\.?\d*(?:e-?\d+)?", text)]


def test_value_findings_cite_the_written_tables(written):
    out, folder, value, concentration, settings, rule = written
    findings = clv_findings.value_findings(value, concentration, settings, rule, currency="US dollars", unit="week")
    for f in findings:
        out.finding(f)
    assert verify_outputs(folder) == []
    base, decile, win_back = (f.text() for f in findings)
    customers, total, horizon, discount, level, lower, upper = _numbers(base)[:7]
    assert customers == len(value) and horizon == 26 and discount == 8 and level == 95
    assert total == round(value["clv"].sum()) and lower < total < upper
    assert "US dollars of margin over the next 26 weeks" in base  # case 22: the study's currency; case 15: horizon
    ranked = np.sort(value["clv"].to_numpy())[::-1]
    assert _numbers(decile)[:2] == [10, round(100 * ranked[:60].sum() / ranked.sum())]


def test_win_back_sentence_counts_targets_not_gone_customers(written):
    """Case 5: the sentence's targets are the rows whose status is win_back; P(alive) below the floor
    is counted apart as probably gone, and no target has P(alive) ~ 0."""
    out, folder, value, concentration, settings, rule = written
    f = clv_findings.value_findings(value, concentration, settings, rule, currency="US dollars", unit="week")[2]
    targets = value[value["win_back_status"] == "win_back"]
    assert len(targets) > 0 and targets["p_alive"].min() >= 0.05 and targets["p_alive"].max() < 0.4
    valuable = value["value_if_alive"] >= rule.loc["rule", "min_value_if_alive"]
    gone = valuable & (value["p_alive"] < 0.05)
    n, cutoff, top, low, high, at_risk, n_gone = _numbers(f.text())[:7]
    assert n == len(targets) and n_gone == gone.sum() and (low, high) == (5, 40)
    assert at_risk == round(targets["value_at_risk"].sum())
    assert f.cites()["n_targets"].where == {"win_back_status": "win_back"}


def test_independence_check_warns_on_cdnow_numbers_and_weakens_the_value_findings():
    """Case 4: CDNOW's rho = 0.21 with n = 11,515 (p about 1e-116) is a warning shown under the value
    findings, its p-value printed as a number; a negligible correlation passes."""
    table = pd.DataFrame({"pearson_r": [0.0692], "pearson_p": [1.0949e-13], "spearman_rho": [0.2115],
                          "spearman_p": [1.3104e-116], "n": [11515.0]},
                         index=pd.Index(["frequency_vs_spend"], name="pair"))
    check = clv_findings.independence_check(table)
    assert check.status == "warn" and check.kind == "independence"
    assert set(check.affects) == {"base_value", "top_decile", "win_back"}
    assert "+0.21 (p = 1.3e-116" in check.text() and "11,515 repeat customers" in check.text()
    assert "p = 0.0" not in check.text() and "more per purchase" in check.text()
    weak = clv_findings.independence_check(table.assign(spearman_rho=0.05, spearman_p=1e-7))
    assert weak.status == "pass"
    small = clv_findings.independence_check(table.assign(spearman_rho=0.4, spearman_p=0.2, n=8.0))
    assert small.status == "pass"  # large but not significant in 8 customers
    none = clv_findings.independence_check(table.assign(spearman_rho=np.nan, spearman_p=np.nan))
    assert none.status == "not_run"
    assert clv_findings.check_note(check).startswith("**Check warns (independence assumption):** The Gamma-Gamma")


def test_holdout_length_is_the_real_one_when_calibration_end_is_given(tmp_path):
    """Case 6: with calibration_end given, the holdout is as long as the dates say (52 weeks here),
    whatever the window's default holdout_length (39)."""
    rng = np.random.default_rng(1)
    days = pd.date_range("2022-01-03", "2024-12-29", freq="D")
    tx = pd.DataFrame({"customer_id": [f"c{i % 200}" for i in range(3000)],
                       "date": rng.choice(days, 3000), "amount": 10.0})
    window = Window(calibration_end="2023-12-31", observation_end="2024-12-29")
    assert window.holdout_length == 39
    cal_end, obs_end = window.holdout_end(), window.observation_end
    cal = calibration_holdout_summary(tx, cal_end, obs_end, time_unit="W")
    out = ReportOutputs(tmp_path)
    table = out.table("clv_window", clv.holdout_window(cal, cal_end, obs_end))
    f = out.finding(clv_findings.calibration_finding(table, unit="week"))
    assert f.text().endswith("holdout from 2023-12-31 to 2024-12-29, 52.0 weeks.")
    assert verify_outputs(tmp_path) == []


def test_exclusion_checks_state_counts_and_skip_fits_that_do_not_run(tmp_path):
    """Case 9 (and 7): one check per fit that can leave customers out, with the count; more than 1%
    left out is a warning under the findings resting on that fit."""
    full = pd.DataFrame({"frequency": [0, 2, 1, 3, 0], "T": [0.0, 9.0, 8.0, 9.0, 3.0],
                         "monetary_value": [0.0, 12.0, 0.0, 20.0, 0.0]})
    cal = full.assign(T=full["T"] + 1)
    out = ReportOutputs(tmp_path)
    excluded = out.table("excluded_customers", pd.concat({"calibration": clv.exclusions(cal),
                                                          "full": clv.exclusions(full)}, names=["summary"]))
    window = out.table("clv_window", pd.DataFrame({"calibration_end": ["2024-06-30"], "observation_end": ["2024-12-31"],
                                                   "holdout_length": [26.3], "customers": [5]},
                                                  index=pd.Index(["window"], name="row")))
    checks = [out.check(c) for c in clv_findings.exclusion_checks(excluded, window)]
    assert [c.key for c in checks] == ["excluded_calibration_first_purchase_at_end",
                                       "excluded_full_first_purchase_at_end", "excluded_full_zero_repeat_spend"]
    assert [c.status for c in checks] == ["pass", "warn", "warn"]
    assert "1 of 5 customers made their first purchase on the last day (2024-12-31)" in checks[1].text()
    assert "1 of 5 customers have repeat purchases worth 0" in checks[2].text()
    assert set(checks[2].affects) == {"base_value", "top_decile", "win_back"}
    assert verify_outputs(tmp_path) == []


def test_fit_and_holdout_checks():
    params = pd.DataFrame({"estimate": [0.2, 5.0, 1e7], "loglik": [-10.5] * 3, "converged": [False] * 3,
                           "at_boundary": [False, False, True]},
                          index=pd.MultiIndex.from_tuples([("GammaGamma", "p"), ("GammaGamma", "q"),
                                                           ("GammaGamma", "v")], names=["model", "parameter"]))
    conv, boundary = clv_findings.fit_checks(params, table="value_model_parameters", fit="all data",
                                             affects=["base_value"])
    assert (conv.status, boundary.status) == ("fail", "warn")
    assert conv.cites()["loglik"].row == ("GammaGamma", "p") and "v ran to an extreme value" in boundary.text()
    comparison = pd.DataFrame({"rmse": [1.7], "aggregate_error_pct": [-12.9], "predicted_total": [17153.0],
                               "actual_total": [19684.0]}, index=pd.Index(["ParetoNBD"], name="model"))
    check = clv_findings.holdout_check(comparison)
    assert check.status == "warn" and "understate future purchases" in check.text()
    assert clv_findings.holdout_check(comparison.assign(aggregate_error_pct=-2.0)).status == "pass"
    assert isinstance(check, Check)


def test_count_only_findings_cite_the_written_tables(tmp_path):
    """Issue 12 (a log without amounts): the forecast and at-risk sentences cite purchase_forecast,
    forecast_settings and win_back_rule as written; verify_outputs recomputes each number from the CSVs,
    and the numbers are checked here by hand (sums, counts of the statuses)."""
    out = ReportOutputs(tmp_path)
    rng = np.random.default_rng(12)
    data = clv.BetaGeo.from_params(BG).simulate(500, rng.uniform(10, 40, 500), seed=rng)
    bg = clv.BetaGeo().fit(data)
    forecast = clv.purchase_forecast(bg, data, horizon=26, silence=6.5)
    rule = out.table("win_back_rule", clv.win_back_rule(forecast, worth="purchases_if_alive").round(4))
    forecast["win_back_status"] = clv.win_back_status(forecast, rule)
    forecast = out.table("purchase_forecast", forecast.round(4))
    settings = out.table("forecast_settings", pd.DataFrame({"horizon": [26]}, index=pd.Index(["settings"], name="row")))
    findings = clv_findings.purchase_findings(forecast, settings, rule, unit="week")
    for f in findings:
        out.finding(f)
    assert verify_outputs(tmp_path) == []
    base, at_risk = (f.text() for f in findings)
    customers, total, horizon = _numbers(base)[:3]
    assert customers == 500 and horizon == 26 and total == round(forecast["expected_purchases"].sum())
    assert int(_numbers(at_risk)[0]) == int((forecast["win_back_status"] == "win_back").sum())
    assert not re.search(r"(?i)revenue|spend|margin|currenc", base + at_risk)


@pytest.mark.parametrize(("basis", "status"), [("gamma_gamma", "pass"), ("constant", "not_run"),
                                               ("no_amounts", "not_run"), ("no_repeat_spend", "not_run")])
def test_spend_check_says_why_gamma_gamma_is_skipped(basis, status):
    table = pd.DataFrame({"basis": [basis], "repeat_customers": [40], "distinct_spends": [1 if basis == "constant" else 9],
                          "spend_per_purchase": [1.0 if basis == "constant" else np.nan]},
                         index=pd.Index(["spend"], name="row"))
    check = clv_findings.spend_check(table, currency="EUR")
    assert check.status == status and check.kind == "model_fit"
    text = check.text()
    if basis == "constant":
        assert "1.00 EUR" in text and "amount = 1" in text
    if basis == "no_amounts":
        assert "`amount`" in text and check.affects == ()
    comparison = pd.DataFrame({"aggregate_error_pct": [17.9], "predicted_total": [3996.0], "actual_total": [3389.0],
                               "rmse": [3.15]}, index=["BetaGeo"])
    misfit = clv_findings.holdout_check(comparison, money=False)
    assert misfit.affects == ("recommend", "purchase_forecast", "at_risk")
    assert "the forecasts built on it overstate future purchases" in misfit.text()


def test_forecast_keys_follow_the_mode():
    assert clv_findings.forecast_keys(True) == clv_findings.VALUE_FINDINGS
    assert clv_findings.forecast_keys(False) == ("purchase_forecast", "at_risk")
