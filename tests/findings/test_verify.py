"""findings.verify: every cited value is recomputed from the CSV the notebook wrote."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.findings import Check, Cite, Finding, verify_outputs
from analysis.report import ReportOutputs


@pytest.fixture()
def out(tmp_path):
    out = ReportOutputs(tmp_path)
    value = pd.DataFrame({"clv": [10.126, 30.0, 5.5], "segment": ["a", "b", "a"]},
                         index=pd.Index(["c1", "c2", "c3"], name="customer_id"))
    out.table("value", value.round(2))
    out.table("params", pd.DataFrame({"estimate": [0.243, 4.414]},
                                     index=pd.MultiIndex.from_tuples([("BG", "r"), ("BG", "alpha")],
                                                                     names=["model", "parameter"])))
    out.table("plain", pd.DataFrame({"k": [2], "label": ["two"]}), index=False)
    return out


def _finding(**cites):
    return Finding("f", "findings.example.customers", n=Cite(**cites))


@pytest.mark.parametrize("cite", [
    {"value": 10.126, "table": "value", "column": "clv", "row": "c1"},      # rounded to 10.13 in the CSV
    {"value": 45.626, "table": "value", "column": "clv", "agg": "sum"},
    {"value": 7.813, "table": "value", "column": "clv", "agg": "mean", "where": {"segment": "a"}},
    {"value": 2, "table": "value", "column": "clv", "agg": "count", "where": {"segment": ["a"]}},
    {"value": 3, "table": "value", "column": "segment", "agg": "count"},    # rows are counted: text is fine
    {"value": 2 / 3, "table": "value", "column": "clv", "agg": "share", "where": {"segment": "a"}},
    {"value": 30.0, "table": "value", "column": "clv", "agg": "max"},
    {"value": 0.243, "table": "params", "column": "estimate", "row": ("BG", "r")},
    {"value": 2, "table": "plain", "column": "k", "row": 0},
])
def test_values_the_tables_hold_agree(out, cite):
    out.finding(_finding(**cite))
    assert verify_outputs(out.output_dir) == []


@pytest.mark.parametrize("cite, words", [
    ({"value": 10.2, "table": "value", "column": "clv", "row": "c1"}, "value.clv[c1] is 10.13 (tolerance 0.005)"),
    ({"value": 46.0, "table": "value", "column": "clv", "agg": "sum"}, "the sum of value.clv is 45.63"),
    ({"value": 3, "table": "value", "column": "clv", "agg": "count", "where": {"segment": "a"}}, "is 2"),
    ({"value": 1.0, "table": "missing", "column": "clv", "agg": "sum"}, "which the notebook did not write"),
    ({"value": 1.0, "table": "value", "column": "nope", "agg": "sum"}, "cites column 'nope'"),
    ({"value": 1.0, "table": "value", "column": "clv", "row": "c9"}, "cites row 'c9'"),
])
def test_values_the_tables_do_not_hold_are_reported(out, cite, words):
    out.finding(_finding(**cite))
    problems = verify_outputs(out.output_dir)
    assert len(problems) == 1 and words in problems[0], problems


def test_checks_are_verified_too_and_plain_text_findings_are_reported(out):
    out.check(Check("fit", "convergence", "pass", "findings.example.converged", model="BG",
                    loglik=Cite(-1.0, table="params", column="estimate", row=("BG", "alpha"))))
    assert ["check 'fit', field 'loglik': cites -1.0 but params.estimate[['BG', 'alpha']] is 4.414 (tolerance 0.0005)"] \
        == verify_outputs(out.output_dir)
    records = json.loads((out.output_dir / "outputs.json").read_text())
    records["findings"]["old"] = "A sentence with 12 typed in."
    (out.output_dir / "outputs.json").write_text(json.dumps(records))
    assert "finding 'old' is plain text" in verify_outputs(out.output_dir)[0]
