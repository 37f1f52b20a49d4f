"""Messages of the pre-run check (analysis.messages.report): every key renders with the
fields its callers pass, and a notebook's needs read as words."""

from __future__ import annotations

import string

import pytest

from analysis.messages import msg
from analysis.messages import report as catalog
from analysis.report.requirements import NEEDS, needs_text

FIELDS = {
    "table": "survey", "columns": "a, b", "parameter": "group", "first": "a", "second": "b", "notebook": "03_x",
    "needs": "a survey table", "tables": "transactions", "n": 2, "source": "-p", "value": "chanel", "hint": ".",
    "example": "channel", "error": "bad", "what": "prefix", "column": "channel", "values": "a, b", "study": "s",
    "rows": 1200, "default": "quantile", "note": "2 rows dropped", "reason": "why", "path": "params/s.yaml", "run": 3, "skipped": 1, "problems": 0, "studies": 2,
    "skip": "or null to skip that part", "alternative": "predictors",
    # analysis run's progress and summary lines, analysis export
    "lang": "zh", "folder": "reports", "which": "s/01", "done": 3, "index": "reports/index.html", "ok": 3,
    "reused": "", "failed": 1, "i": 1, "status": "ok", "seconds": 2.5, "checks": "", "cited": "", "tail": "",
}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("report.")
    fields = {name for _, name, _, _ in string.Formatter().parse(catalog.MESSAGES["en"][key]) if name}
    assert fields <= set(FIELDS), key
    assert "{" not in msg(key, language="en", **FIELDS)


def test_each_notebooks_needs_read_as_alternatives():
    assert needs_text("03_satisfaction_drivers") == "a survey table"
    text = needs_text("04_channel_comparison")
    assert text.startswith("a channel_outcomes table or a paths table or a transactions table with the column(s) "
                           "amount and a customers table with the column(s) acquisition_channel")
    assert all(needs_text(nb) for nb in NEEDS)
