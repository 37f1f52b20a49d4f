"""Structured findings: the values a sentence cites, and where they come from.

Every sentence a notebook generates about its data is a :class:`Finding` whose
numbers are :class:`Cite`\\ s of the tables the notebook writes; every
assumption check that ran is a :class:`Check` naming the findings a failure
weakens. :func:`verify_outputs` recomputes each cited value from the written
CSV tables; :func:`findings_markdown` and :func:`checks_markdown` are how the
page shows them.
"""

from analysis.findings.core import AGGREGATES, CHECK_KINDS, CHECK_STATUSES, Check, Cite, Finding
from analysis.findings.render import checks_markdown, findings_markdown, weakening
from analysis.findings.verify import check_cite, verify_outputs

__all__ = [
    "AGGREGATES", "CHECK_KINDS", "CHECK_STATUSES", "Check", "Cite", "Finding",
    "checks_markdown", "findings_markdown", "weakening", "check_cite", "verify_outputs",
]
