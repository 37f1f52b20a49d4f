"""The one door to transaction data.

Every analysis that reads transactions goes through :func:`customer_data`, which
turns a DataFrame, Parquet/CSV files (a path, folder, glob or list of them) or a
study's log kept on disk into a :class:`CustomerData`: one small interface that
an in-memory table (:class:`FrameData`) and an on-disk log
(:class:`TransactionLog`) both implement, with the same results:

- ``profile()``, ``last_day()``, ``columns_present()``, ``column_stats()``;
- ``customer_summary(...)``, ``grouped_summary(...)``, ``summary_to_parquet(...)``
  (the buy-till-you-die summary; pandas, DuckDB or Spark);
- ``rfm_values(...)``, ``cohort_counts(...)``, ``daily_counts()``, ``monthly()``,
  ``purchase_distribution()``, ``overview_values()``, ``top_customers(n)``,
  ``suspicious(observation_end)``, ``sample_transactions(n_customers, seed)``;
- ``resolve_window(window)`` (also as the function :func:`resolve_window`);
- ``has_amounts()`` and ``require_amounts(purpose)``: a log without an ``amount``
  column is *count-only* (who bought when). Every method above answers for it
  with its money left out (no ``monetary_value``, ``monetary``, ``revenue`` or
  amount keys: absent, not zero), and what needs money calls
  ``require_amounts``, which raises a DataValidationError saying so.

Modules: :mod:`~analysis.customerdata.sources` (where a log comes from),
:mod:`~analysis.customerdata.sql` (every SQL text), :mod:`~analysis.customerdata.engines`,
:mod:`~analysis.customerdata.duckdb_engine`, :mod:`~analysis.customerdata.spark_engine`,
:mod:`~analysis.customerdata.frame` (the pandas reference computations),
:mod:`~analysis.customerdata.summaries`, :mod:`~analysis.customerdata.interface`,
:mod:`~analysis.customerdata.frame_data`, :mod:`~analysis.customerdata.log`,
:mod:`~analysis.customerdata.factory`.

Examples
--------
>>> import pandas as pd
>>> from analysis.customerdata import customer_data
>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
...                    "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-08"]),
...                    "amount": [10.0, 20.0, 7.0]})
>>> customer_data(tx).customer_summary("2024-01-29")["frequency"].tolist()
[1, 0]
"""

from __future__ import annotations

from analysis.customerdata.duckdb_engine import DuckDBEngine
from analysis.customerdata.engines import ENGINES, SQLEngine, resolve_engine
from analysis.customerdata.factory import customer_data, resolve_window
from analysis.customerdata.frame_data import FrameData
from analysis.customerdata.interface import CustomerData
from analysis.customerdata.log import TransactionLog
from analysis.customerdata.sources import LogSource, resolve_source
from analysis.customerdata.spark_engine import SparkEngine, java_available, local_spark_session

__all__ = [
    "customer_data",
    "resolve_window",
    "CustomerData",
    "FrameData",
    "TransactionLog",
    "LogSource",
    "resolve_source",
    "DuckDBEngine",
    "SparkEngine",
    "SQLEngine",
    "ENGINES",
    "resolve_engine",
    "java_available",
    "local_spark_session",
]
