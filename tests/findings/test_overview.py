"""findings.overview: notebook 00's findings say what the study's cleaning policy does with the rows it flags
(issue 13, case 23), and cite the tables 00 writes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.findings.overview import overview_checks, overview_findings
from analysis.overview import cleaning_summary, suspicious_values, transaction_overview
from analysis.study import load_study

TX = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                   "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-01-05"]),
                   "amount": [10.0, 10.0, 0.0, 20.0]})


def _run(policy, given=()):
    cleaning = cleaning_summary(suspicious_values(TX), policy, given)
    findings = {f.key: f for f in overview_findings(transaction_overview(TX), cleaning, currency="euros")}
    checks = {c.key: c for c in overview_checks(cleaning)}
    return findings, checks


def test_default_keep_is_a_warning_next_to_the_totals_it_inflates():
    findings, checks = _run({"duplicates": "keep", "zero_amounts": "keep"})
    assert "The study keeps them (cleaning: duplicates: keep)" in findings["flagged_duplicate_row"].text()
    assert checks["rows_duplicate_row"].status == "warn" and checks["rows_duplicate_row"].affects == ("scope",)
    assert checks["rows_future_date"].status == "pass"


def test_a_decision_to_keep_passes_and_drop_says_the_rows_are_gone():
    findings, checks = _run({"duplicates": "drop", "zero_amounts": "keep"}, given=["duplicates", "zero_amounts"])
    assert "removes them before every analysis" in findings["flagged_duplicate_row"].text()
    assert "keeps them" in findings["flagged_non_positive_amount"].text()
    assert checks["rows_duplicate_row"].status == "pass" and "left out of every analysis" in checks[
        "rows_duplicate_row"].text()
    assert checks["rows_non_positive_amount"].status == "pass"


def test_clean_data_says_so():
    clean = TX.drop_duplicates().query("amount > 0")
    cleaning = cleaning_summary(suspicious_values(clean), {})
    keys = [f.key for f in overview_findings(transaction_overview(clean), cleaning, currency="euros")]
    assert keys == ["scope", "repeat", "quality_clean"]


def test_every_number_is_cited_from_the_two_tables():
    findings, checks = _run({})
    for item in [*findings.values(), *checks.values()]:
        assert {c.table for c in item.cites().values()} <= {"transaction_overview", "suspicious_values"}
    assert findings["scope"].cites()["revenue"].value == pytest.approx(40.0)


def test_cdnow_flags_what_the_issue_counted_and_its_policy_is_a_decision():
    study = load_study("cdnow")
    raw = study.load_tables(clean=False)["transactions"]
    cleaning = cleaning_summary(suspicious_values(raw), study.cleaning, study.cleaning_given)
    assert cleaning.loc["duplicate_row", "n_rows"] == 255 and cleaning.loc["non_positive_amount", "n_rows"] == 80
    checks = {c.key: c.status for c in overview_checks(cleaning)}
    assert checks["rows_duplicate_row"] == "pass" and checks["rows_non_positive_amount"] == "pass"
    assert checks["rows_extreme_amount"] == "warn"  # no rule covers the one $1,286 order


# --------------------------------------------------------------------------- issue 12
def test_a_count_only_log_is_described_without_money():
    counts = TX.drop(columns="amount")
    cleaning = cleaning_summary(suspicious_values(counts), {})
    scope = overview_findings(transaction_overview(counts), cleaning, currency="euros")[0]
    text = scope.text()
    assert "euros" not in text and "worth" not in text and "records no amounts" in text
    assert scope.fields["days"].value == 3  # a: 2024-01-01 and 2024-02-01, b: 2024-01-05


def test_attribute_and_code_findings_cite_the_written_tables():
    from analysis.findings.overview import attribute_finding, missing_codes_check, preparation_finding
    from analysis.overview import attribute_profile, suspected_missing_codes

    df = pd.DataFrame({"respondent_id": list("abcd"), "q1": [1, None, None, 4], "job": ["unknown", "x", "y", "x"]})
    profile = attribute_profile(df)
    finding = attribute_finding("survey", profile)
    assert finding.fields["columns"].value == 3 and finding.fields["column"] == "q1"
    assert finding.fields["n_missing"].value == 2 and finding.fields["share"].value == 0.5
    complete = attribute_finding("survey", attribute_profile(df.drop(columns="q1")))
    assert "none with missing values" in complete.text()
    codes = suspected_missing_codes({"survey": df})
    check = missing_codes_check(codes)
    assert check.status == "warn" and "job" in check.text() and "missing_codes:" in check.text()
    assert check.fields["n_rows"].value == 1
    assert missing_codes_check(suspected_missing_codes({"survey": df.drop(columns="job")})).status == "pass"
    prep = pd.DataFrame({"table": ["survey", "survey"], "step": ["missing_codes", "filter"], "column": ["q1", ""],
                         "detail": ["999", "q1 > 0"], "rows_before": [4, 4], "rows_after": [4, 3],
                         "cells_changed": [2, 0]})
    found = preparation_finding(prep)
    assert found.fields["steps"].value == 2 and found.fields["cells"].value == 2


def test_attribute_code_and_preparation_findings_verify_against_the_written_tables(tmp_path):
    # the way notebook 00 writes them: profile with its column index, codes and preparation without index
    from analysis.findings import verify_outputs
    from analysis.findings.overview import (attribute_finding, attribute_table_name, missing_codes_check,
                                            preparation_finding)
    from analysis.overview import attribute_profile, suspected_missing_codes
    from analysis.report import ReportOutputs

    df = pd.DataFrame({"respondent_id": list("abcde"), "pdays": [999, 3, 999, 6, None],
                       "job": ["unknown", "x", "y", "x", "x"]})
    out = ReportOutputs(tmp_path)
    prep = pd.DataFrame({"table": ["survey"], "step": ["missing_codes"], "column": ["pdays"], "detail": ["-1"],
                         "rows_before": [5], "rows_after": [5], "cells_changed": [1]})
    out.finding(preparation_finding(out.table("preparation", prep, index=False)))
    profile = out.table(attribute_table_name("survey"), attribute_profile(df))
    out.finding(attribute_finding("survey", profile))
    out.check(missing_codes_check(out.table("missing_code_suspects", suspected_missing_codes({"survey": df}),
                                            index=False)))
    assert verify_outputs(tmp_path) == []
