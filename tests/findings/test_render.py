"""findings.render: a failed check is shown next to every finding it weakens, and the Checks table lists all."""

from __future__ import annotations

from analysis.findings import Check, Cite, Finding, checks_markdown, findings_markdown


def _finding(key, checks=()):
    return Finding(key, "findings.example.customers", checks=checks,
                   n=Cite(3, table="rfm", column="customer_id", agg="count"))


def _check(key, status, affects=()):
    return Check(key, "convergence", status, "findings.example.not_converged", model=f"model {key}", affects=affects)


def test_failed_checks_follow_the_findings_they_weaken_named_from_either_side():
    text = findings_markdown([_finding("a"), _finding("b", checks=["c2"]), _finding("c")],
                             [_check("c1", "fail", affects=["a"]), _check("c2", "warn"), _check("c3", "pass", ["c"])])
    lines = text.splitlines()
    assert lines[0] == "- 3 customers." and "model c1" in lines[1] and lines[1].startswith("  - **Check failed")
    assert lines[2] == "- 3 customers." and "model c2" in lines[3] and "Check warns" in lines[3]
    assert lines[4:] == ["- 3 customers."]  # a passed check weakens nothing


def test_checks_table_lists_failures_first_and_escapes_pipes():
    table = checks_markdown([_check("ok", "pass"), _check("x|y", "fail"), _check("n", "not_run")])
    rows = [r for r in table.splitlines() if r.startswith("| model convergence")]
    assert [r.split(" | ")[1] for r in rows] == ["failed", "not run", "passed"]
    assert table.startswith("3 checks ran; 1 of them weaken")
    assert checks_markdown([]) == "No assumption checks apply to this notebook's results."
