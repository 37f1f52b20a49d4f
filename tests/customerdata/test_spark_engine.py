"""The Spark engine runs the same SQL as DuckDB and gives the pandas reference's summary.

One local-mode session (one core, two shuffle partitions) serves the whole module,
because starting Spark costs far more than the queries. Skipped, with the reason,
only where no Java runtime can be started.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.customerdata import SparkEngine, java_available
from analysis.summary import calibration_holdout_summary, customer_summary, grouped_customer_summary

pytestmark = pytest.mark.slow

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")
if not java_available():
    pytest.skip("Spark needs a Java runtime (java on PATH or JAVA_HOME); none found", allow_module_level=True)

from log_cases import CAL_END, OBS_END, assert_same, edge_case_log, write_parquet_files  # noqa: E402

from analysis.datasets import load_cdnow  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("analysis-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.extraJavaOptions", "-XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield SparkEngine(session)
    session.stop()


def test_cdnow_spark_equals_pandas(spark):
    tx = load_cdnow()
    assert_same(calibration_holdout_summary(tx, "1997-09-30", "1998-06-30", period="W", engine=spark),
                calibration_holdout_summary(tx, "1997-09-30", "1998-06-30", period="W"))


def test_multi_file_log_spark_equals_pandas(spark, tmp_path):
    log = edge_case_log()
    write_parquet_files(log, tmp_path / "log")
    files = str(tmp_path / "log" / "*.parquet")
    assert_same(calibration_holdout_summary(files, CAL_END, OBS_END, "D", engine=spark),
                calibration_holdout_summary(log, CAL_END, OBS_END, "D"))
    pd.testing.assert_frame_equal(grouped_customer_summary(files, OBS_END, engine=spark),
                                  grouped_customer_summary(log, OBS_END))


def test_time_zones_in_spark_as_in_pandas(spark, tmp_path):
    stamps = pd.to_datetime(["2024-01-01T10:00:00Z", "2024-01-15T03:00:00Z", "2024-01-31T20:00:00Z",
                             "2024-01-20T23:30:00Z"])
    tx = pd.DataFrame({"customer_id": pd.array(["a", "a", "a", "b"], dtype="string"), "date": stamps,
                       "amount": [1.0, 2.0, 4.0, 8.0]})
    tx.to_parquet(tmp_path / "aware.parquet")
    pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                  "date": ["2024-01-01T18:00:00+08:00", "2024-01-15T03:00:00Z",
                           "2024-02-01T04:00:00+08:00", "2024-01-21 07:30:00"],
                  "amount": [1.0, 2.0, 4.0, 8.0]}).to_csv(tmp_path / "aware.csv", index=False)
    expected = customer_summary(tx, "2024-01-31", "D", timezone="Asia/Shanghai")
    assert expected.loc["a", "frequency"] == 1  # the 31 Jan 20:00 UTC purchase is 1 Feb in Shanghai
    for source in (tx, tmp_path / "aware.parquet", tmp_path / "aware.csv"):
        assert_same(customer_summary(source, "2024-01-31", "D", engine=spark, timezone="Asia/Shanghai"), expected)
    # the session's own time zone is restored afterwards
    assert spark.spark().conf.get("spark.sql.session.timeZone") != "Asia/Shanghai"


def test_spark_leaves_out_the_rows_a_log_drops_as_future(spark, tmp_path):
    """The issue-14 log with future_dates='drop': Spark summarises the same rows as DuckDB and pandas."""
    from future_cases import log_with_2031_rows

    from analysis.customerdata import TransactionLog
    from analysis.errors import AnalysisWarning

    raw, _ = log_with_2031_rows()
    raw.assign(date=pd.to_datetime(raw["date"])).to_parquet(tmp_path / "tx.parquet", index=False)
    with pytest.warns(AnalysisWarning, match="left out of every query"):
        log = TransactionLog.from_paths(tmp_path / "tx.parquet", future_dates="drop")
        duck = calibration_holdout_summary(log, "2024-09-30", "2024-12-31")
    assert_same(calibration_holdout_summary(log, "2024-09-30", "2024-12-31", engine=spark), duck)
    assert_same(customer_summary(log, engine=spark), customer_summary(log, engine="pandas"))


def test_count_only_log_in_spark_as_in_pandas(spark, tmp_path):
    """Issue 12: a log without amounts gives the same counts and times in Spark, and no money column."""
    log = edge_case_log().drop(columns="amount")
    write_parquet_files(log, tmp_path / "visits")
    files = str(tmp_path / "visits" / "*.parquet")
    split = calibration_holdout_summary(files, CAL_END, OBS_END, "D", engine=spark)
    assert "monetary_value" not in split.columns and "monetary_value_holdout" not in split.columns
    assert_same(split, calibration_holdout_summary(log, CAL_END, OBS_END, "D"))
    assert_same(customer_summary(log, OBS_END, engine=spark), customer_summary(log, OBS_END))
