"""findings.core: a finding's numbers must be citations, and its text is built from them."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.errors import ParameterError
from analysis.findings import Check, Cite, Finding


def _count(n):
    return Cite(n, table="rfm", column="customer_id", agg="count")


def test_text_uses_the_cited_values_and_numpy_scalars_become_python():
    f = Finding("customers", "findings.example.customers", n=_count(np.int64(1200)))
    assert f.text() == "1,200 customers."
    assert f.record()["cites"]["n"] == {"value": 1200, "table": "rfm", "column": "customer_id", "agg": "count"}
    assert type(f.record()["cites"]["n"]["value"]) is int


@pytest.mark.parametrize("value", [1200, 0.5, np.float64(2.0), np.int32(3)])
def test_a_number_that_is_not_a_cite_is_refused(value):
    with pytest.raises(ParameterError, match="not a Cite"):
        Finding("bad", "findings.example.customers", n=value)


@pytest.mark.parametrize("kwargs, words", [
    ({"row": None}, "give the row"),
    ({"row": "a", "where": {"x": 1}}, "where selects rows for an agg only"),
    ({"agg": "median"}, "agg must be one of"),
    ({"row": "a", "value": float("nan")}, "cannot cite nan"),
])
def test_bad_citations_are_refused(kwargs, words):
    spec = {"value": 1.0, "table": "t", "column": "c"} | kwargs
    with pytest.raises(ParameterError, match=words):
        Cite(**spec)


def test_a_missing_field_or_unknown_message_fails_when_the_finding_is_made():
    with pytest.raises(KeyError, match="needs fields"):
        Finding("f", "findings.example.customers")
    with pytest.raises(KeyError, match="unknown message key"):
        Finding("f", "findings.example.nothing_here", n=_count(1))


def test_check_kind_and_status_are_checked_and_warn_and_fail_weaken():
    with pytest.raises(ParameterError, match="kind must be one of"):
        Check("c", "vibes", "pass", "findings.example.not_converged", model="m")
    with pytest.raises(ParameterError, match="status must be one of"):
        Check("c", "convergence", "ok", "findings.example.not_converged", model="m")
    statuses = {s: Check("c", "convergence", s, "findings.example.not_converged", model="m").failed
                for s in ("pass", "warn", "fail", "not_run")}
    assert statuses == {"pass": False, "warn": True, "fail": True, "not_run": False}
