"""The DuckDB engine: settings, time zones of the purchase day, refused settings, column quantiles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from analysis.customerdata import DuckDBEngine, LogSource
from analysis.customerdata.duckdb_engine import column_quantiles
from analysis.errors import DataValidationError, ParameterError


def test_settings_reach_the_connection(tmp_path):
    engine = DuckDBEngine(memory_limit="512MB", temp_directory=tmp_path, threads=1)
    with engine.connect("Asia/Shanghai") as con:
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
        assert con.execute("SELECT current_setting('TimeZone')").fetchone()[0] == "Asia/Shanghai"


def test_bad_settings_are_named():
    with pytest.raises(ParameterError, match="threads"):
        with DuckDBEngine(threads=0).connect():
            pass
    with pytest.raises(ParameterError, match="DuckDB refused"):
        with DuckDBEngine(memory_limit="lots").connect():
            pass
    with pytest.raises(ParameterError, match="timezone"):
        with DuckDBEngine().connect("Mars/Olympus"):
            pass


def test_purchase_day_of_each_date_type():
    frame = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-06-30T20:00:00Z"]), "amount": [1.0]})
    with DuckDBEngine().session(LogSource(frame=frame), "Asia/Shanghai") as s:
        assert pd.Timestamp(s.fetch(f"SELECT {s.day_expr} AS d FROM {s.relation}")["d"].iloc[0]) == pd.Timestamp(
            "2024-07-01")
    bad = frame.assign(date=["yesterday"])
    with pytest.raises(DataValidationError):
        with DuckDBEngine().session(LogSource(frame=bad.assign(date=[1])), "UTC"):
            pass


def test_column_quantiles_equal_numpy():
    x = np.arange(11.0) ** 2
    got = column_quantiles(pa.table({"x": x, "y": -x}), ["x", "y"], [0.2, 0.5])
    assert got[0] == pytest.approx(np.quantile(x, [0.2, 0.5]).tolist())
    assert got[1] == pytest.approx(np.quantile(-x, [0.2, 0.5]).tolist())
