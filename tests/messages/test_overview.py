"""Messages of the data overview (analysis.messages.overview): every key renders with the fields
its callers pass, every check of suspicious_values has a description, and the sentences notebook 00
used to type in its cells read as before."""

from __future__ import annotations

import string

import pandas as pd
import pytest

from analysis.messages import msg
from analysis.messages import overview as catalog
from analysis.overview import suspicious_values

FIELDS = {"table": "transactions", "n": 3, "n_sample": 5000, "seed": 1, "n_customers": 23570,
          "customers": 23570, "transactions": 69659, "revenue": 2500315.6, "first": "1997-01-01",
          "last": "1998-06-30", "share_once": 0.49, "median_purchases": 2, "p90_purchases": 7,
          "title": "CDNOW", "description": "A sample of CDNOW customers.", "currency": "US dollars",
          "share": 0.001, "setting": "duplicates"}


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
