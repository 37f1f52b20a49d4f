"""Findings and checks of notebook 05's scorecard (analysis.findings.scorecard): each KPI's sentence states its
verdict, the counts of verdicts are recomputed from the written table by verify_outputs, and KPIs without data,
targets or dates are checks that say why (issue 15, item 4)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.findings import scorecard as fk
from analysis.findings import verify_outputs
from analysis.report import ReportOutputs
from analysis.retention import kpi_inputs, satisfaction_index, scorecard


def _values():
    row = lambda e, lo, hi, p="2024Q2": pd.DataFrame({"estimate": [e], "ci_low": [lo], "ci_high": [hi], "period": [p]})  # noqa: E731
    series = pd.DataFrame({"estimate": [0.50, 0.53, 0.55, 0.58], "ci_low": 0.45, "ci_high": 0.6, "full": True},
                          index=["2023Q3", "2023Q4", "2024Q1", "2024Q2"])
    values, s = kpi_inputs(retention=row(0.58, 0.55, 0.61), cross_sell=series,
                           satisfaction=satisfaction_index(pd.DataFrame({"overall_satisfaction": [3, 5, 6, 7, 4]}),
                                                           scale=(1, 7)))
    values["complaint_rate"] = row(30.0, 25.0, 36.0)
    return values, s


def test_sentences_state_the_verdicts_and_verify(tmp_path):
    values, series = _values()
    targets = {"retention_rate": 0.5, "churn_rate": 0.35, "complaint_rate": 28.0, "cross_sell_rate": 0.7}
    out = ReportOutputs(tmp_path)
    card = out.table("scorecard", scorecard(values, targets, series))
    found = fk.scorecard_findings(card, table="scorecard", currency="euros")
    text = {f.key: f.text() for f in found}
    assert text["kpi_retention_rate"].endswith("against a target of 50.0%: met (the whole interval is on the good "
                                               "side of the target).")
    assert "not met" in text["kpi_churn_rate"] and "cannot tell" in text["kpi_complaint_rate"]
    assert text["kpi_satisfaction_index"].endswith("no target was set.")
    assert text["trend_cross_sell_rate"].startswith("Cross-sell rate, trend over the last")
    assert "full periods: rising, +2.6% points per quarter" in text["trend_cross_sell_rate"]
    assert text["scorecard_summary"].startswith("Of the 4 KPIs with a target, 1 met it, 2 did not and for 1")
    for item in found:
        out.finding(item)
    for check in fk.scorecard_checks(card):
        out.check(check)
    assert verify_outputs(tmp_path) == []


def test_checks_name_what_is_missing():
    values, series = _values()
    card = scorecard(values, None, series)
    checks = {c.key: c for c in fk.scorecard_checks(card)}
    assert {"no_data_referral_rate", "no_data_value_added_sales", "no_targets", "kpi_no_dates"} <= set(checks)
    assert all(c.status == "not_run" for c in checks.values())
    assert "referred_by" in checks["no_data_referral_rate"].text()
    assert checks["kpi_no_dates"].text().startswith("Retention rate, Churn rate, Satisfaction index, Complaint rate")
    assert "scorecard_summary" not in {f.key for f in fk.scorecard_findings(card, table="s", currency="euros")}
    assert "no_targets" not in {c.key for c in fk.scorecard_checks(scorecard(values, {"churn_rate": 0.3}, series))}


def test_satisfaction_scale_check(tmp_path):
    answers = pd.DataFrame({"overall_satisfaction": np.arange(1, 8)})
    out = ReportOutputs(tmp_path)
    given = out.table("sat", satisfaction_index(answers, scale=(1, 7)))
    observed = out.table("sat_observed", satisfaction_index(answers))
    assert out.check(fk.satisfaction_check(given, table="sat", column="overall_satisfaction")).status == "pass"
    warn = out.check(fk.satisfaction_check(observed, table="sat_observed", column="overall_satisfaction"))
    assert warn.status == "warn" and warn.affects == ("kpi_satisfaction_index",)
    assert verify_outputs(tmp_path) == []
