"""Messages of the data overview (analysis.messages.overview): every key renders with the fields
its callers pass, every check of suspicious_values has a description, and the sentences notebook 00
used to type in its cells read as before."""

from __future__ import annotations

import string

import pandas as pd
import pytest

from analysis.messages import msg
from analysis.messages import overview as catalog
from analysis.overview import overview_findings, suspicious_values, transaction_overview

FIELDS = {"table": "transactions", "n": 3, "n_sample": 5000, "seed": 1, "n_customers": 23570,
          "customers": 23570, "transactions": 69659, "revenue": 2500315.6, "first": "1997-01-01",
          "last": "1998-06-30", "share_once": 0.49, "median_purchases": 2, "p90_purchases": 7,
          "n_transactions": 69659, "checks": "zero or negative amount (80)", "title": "CDNOW",
          "description": "A sample of CDNOW customers."}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    template = catalog.MESSAGES["en"][key]
    assert key.startswith("overview.")
    assert {f for _, f, _, _ in string.Formatter().parse(template) if f} <= set(FIELDS), key
    assert "{" not in msg(key, language="en", **FIELDS)


def test_every_check_has_a_description():
    tx = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                       "amount": [1.0, 2.0]})
    for check in suspicious_values(tx)["check"]:
        assert msg(f"overview.check.{check}")


def test_sentences_once_typed_in_notebook_00():
    assert msg("overview.no_transactions") == (
        "This study has no transactions table, so the sections on purchases are skipped.")
    assert msg("overview.study_heading", title="CDNOW", description="A sample.") == "**CDNOW**: A sample."


def test_findings_are_built_from_the_catalog():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-02-01",
                                                                               "2024-01-05"]),
                       "amount": [10.0, 0.0, 20.0]})
    found = overview_findings(transaction_overview(tx), suspicious_values(tx))
    assert found["quality"] == msg("overview.finding.quality_issues", n_transactions=3,
                                   checks="zero or negative amount (1)")
    assert found["repeat"].startswith("50% of customers bought only once")
