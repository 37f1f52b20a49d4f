"""A summary written over hash partitions of the customers equals the one-pass summary exactly.

Large logs are summarised in several passes, each over the customers whose
``hash(customer_id)`` falls in one partition (``DuckDBEngine.partitions``, chosen
from the log's rows and the memory limit). Every customer's rows are in one
partition, so every column, the exact-decimal money sums included, must be
bit-for-bit those of one pass; forcing partitions on a small log shows it fast.
"""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis.customerdata import DuckDBEngine
from analysis.customerdata.duckdb_engine import _estimated_rows, memory_bytes, summary_partitions
from analysis.customerdata.sources import resolve_source
from analysis.errors import ParameterError
from analysis.summary import summary_to_parquet
from log_cases import CAL_END, OBS_END, edge_case_log, write_parquet_files


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("log")
    write_parquet_files(edge_case_log(), folder)
    return str(folder / "part-*.parquet")


def _table(path) -> pd.DataFrame:
    return pq.read_table(path).to_pandas()


@pytest.mark.parametrize("options", [
    {},
    {"rfm_columns": True},
    {"calibration_end": CAL_END, "rfm_columns": True},
    {"period": "W", "time_unit": "D"},
    {"timezone": "Asia/Shanghai"},
])
def test_partitioned_summary_equals_one_pass(files, tmp_path, options):
    one = summary_to_parquet(files, tmp_path / "one.parquet", OBS_END, engine=DuckDBEngine(partitions=1), **options)
    ref = _table(one).sort_values("customer_id", ignore_index=True)
    assert len(ref) > 400
    for parts in (2, 7):
        out = summary_to_parquet(files, tmp_path / f"p{parts}.parquet", OBS_END,
                                 engine=DuckDBEngine(partitions=parts), **options)
        got = _table(out).sort_values("customer_id", ignore_index=True)
        pd.testing.assert_frame_equal(got, ref, check_exact=True)  # money too: exact decimal sums


def test_partitioned_and_sorted(files, tmp_path):
    one = _table(summary_to_parquet(files, tmp_path / "one.parquet", OBS_END, sort=True,
                                    engine=DuckDBEngine(partitions=1)))
    got = _table(summary_to_parquet(files, tmp_path / "p3.parquet", OBS_END, sort=True,
                                    engine=DuckDBEngine(partitions=3)))
    assert got["customer_id"].is_monotonic_increasing
    pd.testing.assert_frame_equal(got, one, check_exact=True)


def test_partitioned_frame_and_count_only_log(tmp_path):
    visits = edge_case_log().drop(columns="amount")
    one = _table(summary_to_parquet(visits, tmp_path / "one.parquet", OBS_END, engine=DuckDBEngine(partitions=1)))
    got = _table(summary_to_parquet(visits, tmp_path / "p4.parquet", OBS_END, engine=DuckDBEngine(partitions=4)))
    assert "monetary_value" not in got.columns
    pd.testing.assert_frame_equal(got.sort_values("customer_id", ignore_index=True),
                                  one.sort_values("customer_id", ignore_index=True), check_exact=True)


def test_partition_count_follows_rows_and_memory(files):
    assert summary_partitions(1_000_000, 3e9) == 1  # small logs: one pass, as before
    assert summary_partitions(100_000_000, 3e9) > summary_partitions(100_000_000, 12e9) > 1
    assert summary_partitions(2_000_000, 64e6) > 1
    assert memory_bytes("3GB") == 3e9 and memory_bytes("2.7 GiB") == 2.7 * 2**30
    assert _estimated_rows(resolve_source(files)) == len(edge_case_log())
    with pytest.raises(ParameterError, match="partitions must be a positive int"):
        summary_to_parquet(files, "/tmp/never.parquet", OBS_END, engine=DuckDBEngine(partitions=0))
