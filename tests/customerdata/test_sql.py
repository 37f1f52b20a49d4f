"""Every SQL text of the package lives in analysis.customerdata.sql; the texts for both dialects."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

import analysis
from analysis.customerdata import sql


def test_no_sql_text_outside_customerdata():
    root = Path(analysis.__file__).parent
    pattern = re.compile(r"[\"'](?:WITH |SELECT |COPY |CREATE VIEW)")
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if "customerdata" not in p.parts and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_dialects_differ_only_in_their_spellings():
    kw = dict(observation_end=date(1998, 6, 30), unit_days=7.0, period="W", calibration_end=date(1997, 9, 30),
              rfm_columns=True)
    duck = sql.summary_sql(sql.DIALECTS["duckdb"], "log_input", "day_expr", **kw)
    spark = sql.summary_sql(sql.DIALECTS["spark"], "log_input", "day_expr", **kw)
    assert "date_diff('day'" in duck and "datediff(" in spark
    assert "date_trunc('week'" in duck and "trunc(day, 'week')" in spark
    assert '"T"' in duck and "`T`" in spark
    for text in (duck, spark):
        assert "DATE '1998-06-30'" in text and "DATE '1997-09-30'" in text and "recency_days" in text
    plain = sql.summary_sql(sql.DIALECTS["duckdb"], "log_input", "d", observation_end=date(1998, 6, 30),
                            unit_days=1.0, period="D")
    assert "holdout" not in plain  # no constant holdout key without a calibration split


def test_small_builders():
    assert sql.with_tx("SELECT 1", "tx AS (x)") == "WITH tx AS (x)\nSELECT 1"
    assert sql.with_tx("with a AS (y) SELECT 1", "tx AS (x)") == "WITH tx AS (x),\na AS (y) SELECT 1"
    assert "DECIMAL(38, 9)" in sql.exact_sum("amount")
    assert "COUNT(DISTINCT customer_id)" in sql.profile_sql(sql.DIALECTS["duckdb"], "r", "d", customers=True)
    assert "COUNT(DISTINCT" not in sql.profile_sql(sql.DIALECTS["duckdb"], "r", "d")
    assert "'#7'" in sql.sample_sql(10, 7) and "LIMIT 10" in sql.sample_sql(10, 7)
    end = pd.Timestamp("2024-01-31")
    assert "'Infinity'::DOUBLE" in sql.suspicious_sql(end, None, 5)
    assert "amount > 12.5" in sql.suspicious_sql(end, 12.5, 5) and "day > DATE '2024-01-31'" in sql.suspicious_sql(end, 1, 5)
    cohort = sql.cohort_days_sql(pd.Timestamp("2023-08-31"), pd.Timestamp("2023-12-31"))
    assert "HAVING MIN(day) <= DATE '2023-08-31'" in cohort and "day <= DATE '2023-12-31'" in cohort
    assert '"it""s"' in sql.column_stats_sql(['it"s'])
    assert "LIMIT 3" in sql.top_customers_sql(3)
    assert "GROUP BY" in sql.grouped_sql(sql.DIALECTS["duckdb"], "SELECT 1", ("frequency",), "weight")


def test_count_only_texts_have_no_money():
    """Issue 12: without an amount column, tx.amount is NULL and the summary selects no money column."""
    d = sql.DIALECTS["duckdb"]
    assert "CAST(NULL AS DOUBLE) AS amount" in sql.tx_cte(d, "log", "day", amount=False)
    assert '"amount"' not in sql.tx_cte(d, "log", "day", amount=False)
    text = sql.summary_sql(d, "log", "day", observation_end=date(2024, 1, 31), unit_days=7.0, period="D",
                           calibration_end=date(2023, 12, 31), rfm_columns=True, amount=False)
    assert "monetary_value" not in text and "CAST(c.total_amount AS DOUBLE) AS total_amount" not in text
    assert "missing_amounts" not in sql.profile_sql(d, "log", "day", amount=False)
    assert "ORDER BY transactions DESC" in sql.top_customers_sql(3, amount=False)
