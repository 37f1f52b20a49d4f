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
          "share": 0.001, "setting": "duplicates", "days": 10480, "columns": 21, "column": "pdays",
          "n_missing": 3959, "steps": 2, "cells": 4117, "n_codes": 7, "n_rows": 5189,
          "example": "[999, unknown]"}


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


def test_count_only_and_code_sentences():
    # issue 12: a log without amounts is described without money; codes are named with what to write
    assert msg("overview.finding.scope_counts", customers=1525, transactions=10483, days=10483,
               first="2006-01-01", last="2007-12-30") == (
        "1,525 customers made 10,483 transactions on 10,483 customer purchase days between 2006-01-01 and "
        "2007-12-30. The log records no amounts, so this page says nothing about money.")
    text = msg("overview.checked.codes", n_codes=1, n_rows=3959, columns="pdays (999, 3,959)",
               example="{pdays: [999]}")
    assert "pdays (999, 3,959)" in text and "`missing_codes: {pdays: [999]}`" in text
