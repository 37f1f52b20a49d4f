"""Findings and checks as the page shows them.

:func:`findings_markdown` lists the findings and puts, right after a finding,
the warning of every failed check that weakens it; :func:`checks_markdown` is
the body of a notebook's last section, "Checks": one row per assumption check
that ran, its result and what it means for the findings.

Examples
--------
>>> from analysis.findings import Check, Cite, Finding, findings_markdown
>>> f = Finding("customers", "findings.example.customers",
...             n=Cite(1200, table="rfm", column="customer_id", agg="count"))
>>> c = Check("fit", "convergence", "fail", "findings.example.not_converged", model="BG/NBD",
...           affects=["customers"])
>>> print(findings_markdown([f], [c]))
- 1,200 customers.
  - **Check failed (model convergence):** BG/NBD did not converge; its estimates are not a maximum of the likelihood.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.findings.core import Check, Finding
from analysis.messages import msg

__all__ = ["findings_markdown", "checks_markdown", "weakening"]


def weakening(finding: Finding, checks: Iterable[Check]) -> list[Check]:
    """The failed checks that weaken *finding* (named by either side)."""
    return [c for c in checks if c.failed and (finding.key in c.affects or c.key in finding.checks)]


def findings_markdown(findings: Iterable[Finding], checks: Iterable[Check] = (), *,
                      language: str | None = None) -> str:
    """A Markdown bullet list of *findings*, each followed by the failed checks that weaken it."""
    checks = list(checks)
    lines = []
    for finding in findings:
        lines.append(f"- {finding.text(language)}")
        for check in weakening(finding, checks):
            label = msg(f"findings.status.{check.status}.label", language=language,
                        kind=msg(f"findings.kind.{check.kind}", language=language))
            lines.append("  - " + msg("findings.weakened_note", language=language, label=label, text=check.text(language)))
    return "\n".join(lines)


def checks_markdown(checks: Iterable[Check], *, language: str | None = None) -> str:
    """The "Checks" section: a Markdown table of every check that ran, failures first."""
    checks = sorted(checks, key=lambda c: ("fail", "warn", "not_run", "pass").index(c.status))
    if not checks:
        return msg("findings.checks.none", language=language)
    head = [msg("findings.checks.column.check", language=language),
            msg("findings.checks.column.result", language=language),
            msg("findings.checks.column.meaning", language=language)]
    rows = [f"| {' | '.join(head)} |", "| --- | --- | --- |"]
    for check in checks:
        status = msg(f"findings.status.{check.status}", language=language)
        kind = msg(f"findings.kind.{check.kind}", language=language)
        text = check.text(language).replace("|", "\\|").replace("\n", " ")
        rows.append(f"| {kind} | {status} | {text} |")
    failed = sum(c.failed for c in checks)
    summary = msg("findings.checks.summary", language=language, n=len(checks), failed=failed)
    return summary + "\n\n" + "\n".join(rows)
