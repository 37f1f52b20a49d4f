"""TransactionLog: files on disk behind the CustomerData interface, with its own DuckDB settings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.customerdata import DuckDBEngine, TransactionLog
from analysis.customerdata.log import weighted_quantile
from analysis.errors import DataValidationError, ParameterError


@pytest.fixture
def files(tmp_path):
    tx = pd.DataFrame({"CustID": ["a", "a", "b", "c"], "date": pd.to_datetime(["2024-01-01", "2024-01-05",
                                                                              "2024-01-02", "2024-01-09"]),
                       "amount": [1.0, 2.0, 3.0, 4.0], "channel": ["web", "web", "shop", "web"]})
    tx.to_parquet(tmp_path / "tx.parquet", index=False)
    return tmp_path / "tx.parquet"


def test_mapping_settings_and_columns(files):
    log = TransactionLog.from_paths(files, columns={"customer_id": "CustID"}, memory_limit="1GB", threads=1)
    assert log.engine == DuckDBEngine(memory_limit="1GB", threads=1) == log.default_engine()
    assert log.columns_present() == ["customer_id", "date", "amount", "channel"]
    assert [p.name for p in log.source().files] == ["tx.parquet"] and "tx.parquet" in log.describe()
    p = log.profile()
    assert (p["n_rows"], p["customers"], p["first_day"], p["last_day"]) == (
        4, 3, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-09"))
    assert log.query("WITH c AS (SELECT COUNT(*) AS n FROM tx) SELECT n FROM c")["n"].iloc[0] == 4


def test_bad_rows_stop_the_log(tmp_path):
    pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                  "amount": [1.0, -1.0]}).to_parquet(tmp_path / "bad.parquet", index=False)
    log = TransactionLog.from_paths(tmp_path / "bad.parquet")
    for call in (log.profile, log.last_day, log.overview_values, log.customer_summary):
        with pytest.raises(DataValidationError, match="negative amount"):
            call()


def test_rfm_counts_days_only_and_samples_are_seeded(files):
    log = TransactionLog.from_paths(files, columns={"customer_id": "CustID"})
    with pytest.raises(ParameterError, match="not available for a transaction log kept on disk"):
        log.rfm_values(frequency="transactions")
    assert log.rfm_values("2024-01-09").loc["a"].tolist() == [4, 2, 3.0, 8]
    assert log.sample_transactions(2, seed=1).equals(log.sample_transactions(2, seed=np.int64(1)))
    with pytest.raises(ParameterError, match="seed"):
        log.sample_transactions(2, seed="x")


@pytest.mark.parametrize("q, how", [(0.5, "linear"), (0.9, "higher"), (0.25, "linear")])
def test_weighted_quantile_equals_numpy_on_the_expanded_array(q, how):
    values, counts = np.array([1, 2, 3, 7]), np.array([5, 1, 3, 2])
    expanded = np.repeat(values, counts)
    assert weighted_quantile(values, counts, q, how) == np.quantile(expanded, q, method=how)


@pytest.fixture
def issue_files(tmp_path):
    """The issue-14 log (50 rows dated 2031 in a 2024 log) as a CSV and as two Parquet files."""
    from future_cases import log_with_2031_rows

    raw, late = log_with_2031_rows()
    raw.to_csv(tmp_path / "tx.csv", index=False)
    typed = raw.assign(date=pd.to_datetime(raw["date"]))
    typed.iloc[:3000].to_parquet(tmp_path / "a.parquet", index=False)
    typed.iloc[3000:].to_parquet(tmp_path / "b.parquet", index=False)
    return raw, late, tmp_path


@pytest.mark.parametrize("pattern", ["tx.csv", "*.parquet"])
def test_future_rows_stop_the_log_before_any_query(issue_files, pattern):
    raw, late, folder = issue_files
    log = TransactionLog.from_paths(str(folder / pattern))
    for call in (log.profile, log.last_day, log.overview_values, log.customer_summary, log.rfm_values):
        with pytest.raises(DataValidationError, match=r"50 row\(s\) are dated after 2024-12-31.*future_dates: drop"):
            call()


def test_dropped_future_rows_are_left_out_of_every_query(issue_files):
    """With future_dates='drop' the log answers as the validated, dropped frame does, on every engine path."""
    from analysis.customerdata import customer_data
    from analysis.errors import AnalysisWarning
    from analysis.schemas import validate_transactions
    from analysis.summary import calibration_holdout_summary

    raw, late, folder = issue_files
    with pytest.warns(AnalysisWarning):
        frame = customer_data(validate_transactions(raw, future_dates="drop"))
    with pytest.warns(AnalysisWarning, match=r"50 row\(s\) are dated after 2024-12-31.*left out"):
        log = TransactionLog.from_paths(str(folder / "*.parquet"), future_dates="drop")
        assert log.last_day() == pd.Timestamp("2024-12-31")
    assert log.profile()["n_rows"] == len(raw) - len(late)
    pd.testing.assert_frame_equal(log.customer_summary(), frame.customer_summary())
    pd.testing.assert_frame_equal(log.customer_summary(engine="pandas"), frame.customer_summary())
    pd.testing.assert_frame_equal(log.rfm_values(), frame.rfm_values())
    pd.testing.assert_frame_equal(calibration_holdout_summary(log, "2024-09-30", "2024-12-31"),
                                  calibration_holdout_summary(frame, "2024-09-30", "2024-12-31"))
    assert log.overview_values() == pytest.approx(frame.overview_values())
    assert log.column_stats()[0] == len(raw) - len(late)
    with pytest.raises(ParameterError, match="future_dates must be"):
        TransactionLog.from_paths(str(folder / "tx.csv"), future_dates="ignore")


# --------------------------------------------------------------------------- #
# issue 12: a count-only log (no amount column) on disk
# --------------------------------------------------------------------------- #
def test_count_only_grocery_log_on_parquet_matches_direct_counts(tmp_path):
    """The public grocery log (customer, date) as Parquet through DuckDB: counts, recency and T equal a
    direct pandas computation exactly (whole days / 7), the documented sizes (10,483 rows, 1,525
    customers, 3,389 events in 2007) hold, and no money column appears anywhere."""
    from log_cases import direct_counts, grocery_log

    from analysis.customerdata import customer_data

    rows = grocery_log()
    rows.to_parquet(tmp_path / "grocery.parquet", index=False)
    log = TransactionLog.from_paths(tmp_path / "grocery.parquet")
    assert not log.has_amounts()
    profile = log.profile()
    assert (profile["n_rows"], profile["customers"]) == (10_483, 1_525)
    assert "missing_amounts" not in profile and "negative_amounts" not in profile
    summary = log.customer_summary("2007-12-30", time_unit="W")
    assert summary.columns.tolist() == ["frequency", "recency", "T"]
    expected = direct_counts(rows, "2007-12-30")
    pd.testing.assert_frame_equal(summary.sort_index(), expected, check_dtype=False, rtol=0, atol=1e-12)
    split = log.customer_summary("2007-12-30", calibration_end="2006-12-31")
    assert "monetary_value_holdout" not in split.columns and int(split["frequency_holdout"].sum()) == 3_389
    in_memory = customer_data(rows).customer_summary("2007-12-30", calibration_end="2006-12-31")
    pd.testing.assert_frame_equal(split, in_memory, check_dtype=False, rtol=0, atol=1e-12)
    rfm = log.rfm_values("2007-12-30")
    assert rfm.columns.tolist() == ["recency_days", "frequency", "tenure_days"]
    assert rfm["frequency"].sum() == 10_483  # no customer buys twice a day in this log
    values = log.overview_values()
    assert not {"revenue", "mean_amount", "median_amount"} & set(values)
    assert values["transactions"] == 10_483 and values["customers"] == 1_525
    assert "revenue" not in log.monthly().columns and "revenue" not in log.daily_counts().columns
    top = log.top_customers(3)
    assert top.columns.tolist() == ["transactions"]
    assert top["transactions"].tolist() == rows["customer_id"].value_counts().head(3).tolist()
    assert [c["check"] for c in log.suspicious(pd.Timestamp("2007-12-30"))] == ["future_date", "duplicate_row"]
    assert log.sample_transactions(3, seed=1).columns.tolist() == ["customer_id", "date"]
    with pytest.raises(DataValidationError, match="count-only log .* the Gamma-Gamma spend model needs the amount"):
        log.require_amounts("the Gamma-Gamma spend model")


def test_count_only_csv_log_with_a_mapping(tmp_path):
    (tmp_path / "visits.csv").write_text("cust,day\na,2024-01-01\na,2024-01-08\nb,2024-01-03\n", encoding="utf-8")
    log = TransactionLog.from_paths(tmp_path / "visits.csv", columns={"customer_id": "cust", "date": "day"})
    assert not log.has_amounts()
    summary = log.customer_summary("2024-01-10", time_unit="D")
    assert summary.to_dict("index") == {"a": {"frequency": 1, "recency": 7.0, "T": 9.0},
                                        "b": {"frequency": 0, "recency": 0.0, "T": 7.0}}
