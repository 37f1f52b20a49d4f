"""customer_data: the one place that asks what kind of transactions it was given; resolve_window."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.customerdata import DuckDBEngine, FrameData, TransactionLog, customer_data, resolve_window
from analysis.errors import InputFileError, ParameterError
from analysis.window import Window


@pytest.fixture
def tx() -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["a", "a", "b"],
                         "date": pd.to_datetime(["2024-01-01 09:00", "2024-03-31 23:00", "2024-02-10 00:00"]),
                         "amount": [1.0, 2.0, 3.0]})


def test_each_kind_of_input_becomes_customer_data(tx, tmp_path):
    assert isinstance(customer_data(tx), FrameData)
    tx.to_parquet(tmp_path / "a.parquet", index=False)
    for obj in (tmp_path / "a.parquet", str(tmp_path / "*.parquet"), str(tmp_path), [tmp_path / "a.parquet"]):
        data = customer_data(obj)
        assert isinstance(data, TransactionLog) and data.is_on_disk
        assert data.last_day() == pd.Timestamp("2024-03-31")
    log = customer_data(tmp_path / "a.parquet")
    assert customer_data(log) is log  # already customer data: returned as it is


def test_timezone_and_engine_settings(tx, tmp_path):
    tx.to_parquet(tmp_path / "a.parquet", index=False)
    log = TransactionLog.from_paths(tmp_path / "a.parquet", timezone="Asia/Shanghai", memory_limit="1GB")
    assert customer_data(log).timezone == "Asia/Shanghai"  # the log keeps its zone by default
    assert customer_data(log, timezone="UTC").timezone == "UTC"
    assert customer_data(log).default_engine() == DuckDBEngine(memory_limit="1GB")
    assert customer_data(log, engine="pandas").default_engine() == "pandas"
    assert customer_data(tx).default_engine() == "pandas"
    assert customer_data(tx, engine="duckdb").default_engine() == "duckdb"
    assert customer_data(tx).timezone == "UTC"


def test_bad_inputs_are_named(tx, tmp_path):
    with pytest.raises(ParameterError, match="transactions must be a DataFrame"):
        customer_data(42)
    with pytest.raises(ParameterError, match="engine must be one of"):
        customer_data(tx, engine="polars")
    with pytest.raises(ParameterError, match="timezone"):
        customer_data(tx, timezone="Mars/Olympus")
    with pytest.raises(InputFileError, match="does not exist"):
        customer_data(tmp_path / "missing.parquet")


def test_resolve_window_uses_the_last_transaction_day(tx, tmp_path):
    w = resolve_window(tx, Window(time_unit="D"))
    assert w.observation_end == pd.Timestamp("2024-03-31") and w.observation_end_source == "data"
    assert w.time_unit == "D"
    tx.to_parquet(tmp_path / "a.parquet", index=False)
    assert resolve_window(str(tmp_path / "a.parquet"), Window()) == resolve_window(tx, Window())
    set_by_study = Window(observation_end="2024-02-29", observation_end_source="study")
    assert resolve_window(tx, set_by_study) is set_by_study
    notebook = set_by_study.override(observation_end="2024-03-01")
    assert resolve_window(tx, notebook).observation_end_source == "notebook"


def test_resolve_window_takes_the_day_in_the_window_zone():
    aware = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-06-30T20:00:00Z"]),
                          "amount": [1.0]})
    assert resolve_window(aware, Window()).observation_end == pd.Timestamp("2024-06-30")
    assert resolve_window(aware, Window(timezone="Asia/Shanghai")).observation_end == pd.Timestamp("2024-07-01")
