"""The summary computed by DuckDB (and pandas reading files) equals the pandas reference.

Compared on the bundled CDNOW log and on a generated multi-file log with the edge
cases that break naive SQL: one-purchase customers, several purchases on one day,
purchases on the first second and the last second of the calibration boundary day
and of the observation end day, purchases after the end, customers whose rows are
spread over several files, and tz-aware timestamps. Integers and times must match
exactly; money to 1e-12 relative (DuckDB adds amounts in another order than pandas,
and takes the repeat total as total - first, so the last bits can differ).

The memory test runs DuckDB with a 64 MB limit on a log whose data (about 80 MB
uncompressed, a million customers in the aggregation) does not fit in it, in a
subprocess, and checks the result and the subprocess's peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from analysis.datasets import load_cdnow
from analysis.customerdata import DuckDBEngine
from analysis.errors import DataValidationError, InputFileError, ParameterError
from analysis.summary import (
    calibration_holdout_summary,
    collapse_summary,
    customer_summary,
    grouped_customer_summary,
    summary_to_parquet,
)

from log_cases import CAL_END, OBS_END, RTOL, assert_same, edge_case_log, write_parquet_files  # noqa: E402


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return edge_case_log()


@pytest.fixture(scope="module")
def parquet_glob(log, tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("log")
    write_parquet_files(log, folder)
    return str(folder / "part-*.parquet")


# ------------------------------------------------------------------ CDNOW
@pytest.mark.parametrize("period", ["D", "W"])
def test_cdnow_duckdb_equals_pandas(period):
    tx = load_cdnow()
    assert_same(customer_summary(tx, "1998-06-30", period=period, engine="duckdb"),
                customer_summary(tx, "1998-06-30", period=period))
    cal = calibration_holdout_summary(tx, "1997-09-30", "1998-06-30", period=period, engine="duckdb")
    assert len(cal) == 23570
    assert_same(cal, calibration_holdout_summary(tx, "1997-09-30", "1998-06-30", period=period))


# ------------------------------------------------------------------ generated multi-file log
@pytest.mark.parametrize("time_unit,period", [("W", "D"), ("D", "W")])
def test_multi_file_log_all_paths_agree(log, parquet_glob, time_unit, period):
    reference = calibration_holdout_summary(log, CAL_END, OBS_END, time_unit, period=period)
    for source, engine in [(parquet_glob, "auto"), (parquet_glob, "pandas"), (log, "duckdb")]:
        got = calibration_holdout_summary(source, CAL_END, OBS_END, time_unit, period=period, engine=engine)
        assert_same(got, reference)
    full = customer_summary(log, OBS_END, time_unit, period=period)
    assert_same(customer_summary(parquet_glob, OBS_END, time_unit, period=period), full)


def test_edge_cases_have_the_documented_values(log, parquet_glob):
    s = calibration_holdout_summary(parquet_glob, CAL_END, OBS_END, time_unit="D")
    assert "newcomer" not in s.index and "late_only" not in s.index
    assert s.loc["one"].tolist() == [0, 0.0, 179.0, 0.0, 0, 0.0, 122.0]
    # same-day purchases are one period of 7.0; then one repeat of 8.0
    assert s.loc["same_day", ["frequency", "recency", "monetary_value"]].tolist() == [1, 9.0, 8.0]
    # both calibration_end purchases (00:00 and 23:59:59) are one calibration period of 13.0;
    # the holdout has 09-01 00:00 and 12-31 23:59:59, not 2024-01-01
    b = s.loc["boundary"]
    assert b[["frequency", "recency", "T", "monetary_value"]].tolist() == [1, 91.0, 91.0, 13.0]
    assert b[["frequency_holdout", "monetary_value_holdout"]].tolist() == [2, 8.5]
    assert s.loc["first_at_cal_end", ["frequency", "T", "frequency_holdout"]].tolist() == [0, 0.0, 1]
    w = calibration_holdout_summary(parquet_glob, CAL_END, OBS_END, time_unit="D", period="W")
    # the boundary week counts once on each side of calibration_end
    assert w.loc["week_straddle", ["frequency", "frequency_holdout"]].tolist() == [0, 1]


def test_default_observation_end_is_the_last_purchase_day(log, parquet_glob):
    assert_same(customer_summary(parquet_glob), customer_summary(log))
    assert customer_summary(parquet_glob, time_unit="D").loc["late_only", "T"] == 0.0


def test_grouped_summary_equals_collapsed_and_fits_the_same(log, parquet_glob):
    from analysis.clv import BetaGeo

    full = customer_summary(log, OBS_END)
    grouped = grouped_customer_summary(parquet_glob, OBS_END)
    pd.testing.assert_frame_equal(grouped, collapse_summary(full))
    assert grouped["weight"].sum() == len(full)
    pd.testing.assert_frame_equal(grouped, grouped_customer_summary(log, OBS_END, engine="pandas"))
    # the BG/NBD likelihood depends on a customer only through (x, t_x, T): the fit on the
    # grouped CDNOW summary (fewer than half as many rows) is the fit on every customer
    cdnow = load_cdnow()
    every = customer_summary(cdnow, "1997-09-30")
    few = grouped_customer_summary(cdnow, "1997-09-30", engine="duckdb")
    assert len(few) < len(every) / 2
    a = BetaGeo().fit(every)
    b = BetaGeo().fit(few, weights="weight")
    assert a.loglik_ == pytest.approx(b.loglik_, rel=1e-10)
    np.testing.assert_allclose(a.params_.to_numpy(), b.params_.to_numpy(), rtol=1e-6)


def test_summary_to_parquet_with_rfm_columns_matches_segmentation(log, parquet_glob, tmp_path):
    from analysis.segmentation import rfm_values

    out = summary_to_parquet(parquet_glob, tmp_path / "s.parquet", OBS_END, rfm_columns=True, sort=True)
    got = pd.read_parquet(out).set_index("customer_id")
    ref = rfm_values(log, OBS_END)
    ref.index = ref.index.astype(str)
    got.index = got.index.astype(str)
    assert list(got.index) == sorted(got.index)
    got = got.loc[ref.index]
    assert (got["n_periods"] == ref["frequency"]).all()
    assert (got["recency_days"] == ref["recency_days"]).all()
    np.testing.assert_allclose(got["total_amount"], ref["monetary"], rtol=1e-12)
    # the pandas engine writes the same table
    mem = pd.read_parquet(summary_to_parquet(log, tmp_path / "p.parquet", OBS_END, rfm_columns=True))
    np.testing.assert_allclose(mem["total_amount"], pd.read_parquet(out)["total_amount"], rtol=1e-12)
    # unsorted by default: the same rows in some order
    loose = pd.read_parquet(summary_to_parquet(parquet_glob, tmp_path / "u.parquet", OBS_END, rfm_columns=True))
    pd.testing.assert_frame_equal(loose.sort_values("customer_id", ignore_index=True), pd.read_parquet(out))


# ------------------------------------------------------------------ time zones
def test_time_zones_are_converted_to_the_chosen_zone_in_every_path(tmp_path):
    # 20:00 UTC on 31 Jan is 04:00 on 1 Feb in Shanghai: after observation_end there
    stamps = pd.to_datetime(["2024-01-01T10:00:00Z", "2024-01-15T03:00:00Z", "2024-01-31T20:00:00Z",
                             "2024-01-20T23:30:00Z"])
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"], "date": stamps, "amount": [1.0, 2.0, 4.0, 8.0]})
    tx["customer_id"] = tx["customer_id"].astype("string")
    tx.to_parquet(tmp_path / "aware.parquet")
    # the same instants as CSV text, written with different offsets (and one naive local time)
    pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                  "date": ["2024-01-01T18:00:00+08:00", "2024-01-15T03:00:00Z",
                           "2024-02-01T04:00:00+08:00", "2024-01-21 07:30:00"],
                  "amount": [1.0, 2.0, 4.0, 8.0]}).to_csv(tmp_path / "aware.csv", index=False)
    expected = pd.DataFrame(
        {"frequency": [1, 0], "recency": [14.0, 0.0], "T": [30.0, 10.0], "monetary_value": [2.0, 0.0]},
        index=pd.Index(["a", "b"], dtype="string", name="customer_id"),
    )
    for source in (tx, tmp_path / "aware.parquet", tmp_path / "aware.csv"):
        for engine in ("pandas", "duckdb"):
            got = customer_summary(source, "2024-01-31", "D", engine=engine, timezone="Asia/Shanghai")
            assert_same(got, expected)
    # in UTC the 31 Jan purchase counts and b's purchase is on the 20th
    utc = customer_summary(tmp_path / "aware.parquet", "2024-01-31", "D")
    assert utc.loc["a", "frequency"] == 2 and utc.loc["b", "T"] == 11.0
    # a naive log is never shifted, whatever the zone
    naive = tx.assign(date=tx["date"].dt.tz_localize(None))
    for engine in ("pandas", "duckdb"):
        got = customer_summary(naive, "2024-01-31", "D", engine=engine, timezone="America/New_York")
        assert_same(got, customer_summary(naive, "2024-01-31", "D"))


def test_csv_files_keep_leading_zeros_in_ids(tmp_path):
    pd.DataFrame({"customer_id": ["007", "7"], "date": ["2024-01-01", "2024-01-02"],
                  "amount": [1.0, 2.0]}).to_csv(tmp_path / "log.csv", index=False)
    for engine in ("pandas", "duckdb"):
        assert list(customer_summary(tmp_path / "log.csv", engine=engine).index) == ["007", "7"]


# ------------------------------------------------------------------ errors
def test_bad_sources_and_rows_are_named(tmp_path):
    with pytest.raises(InputFileError, match="No file matches"):
        customer_summary(str(tmp_path / "*.parquet"))
    with pytest.raises(InputFileError, match="does not exist"):
        customer_summary(tmp_path / "missing.parquet")
    with pytest.raises(ParameterError, match="engine must be one of"):
        customer_summary(tmp_path, engine="polars")
    pd.DataFrame({"customer_id": ["a"], "when": ["2024-01-01"], "amount": [1.0]}).to_csv(
        tmp_path / "x.csv", index=False)
    for engine in ("pandas", "duckdb"):
        with pytest.raises(DataValidationError, match="date"):
            customer_summary(tmp_path / "x.csv", engine=engine)
    pd.DataFrame({"customer_id": ["a", None, "b"], "date": ["2024-01-01"] * 3,
                  "amount": [1.0, 2.0, -3.0]}).to_csv(tmp_path / "bad.csv", index=False)
    for engine in ("pandas", "duckdb"):
        with pytest.raises(DataValidationError, match=r"1 row\(s\) have a missing customer_id; "
                                                      r"1 row\(s\) have a negative amount"):
            customer_summary(tmp_path / "bad.csv", engine=engine)
    with pytest.raises(ParameterError, match="timezone"):
        customer_summary(tmp_path / "bad.csv", timezone="Mars/Olympus")
    for engine in ("pandas", "duckdb"):
        with pytest.raises(ParameterError, match="No purchase falls on or before observation_end=2020-01-01"):
            customer_summary(edge_case_log(), "2020-01-01", engine=engine)


# ------------------------------------------------------------------ bounded memory
_CHILD = textwrap.dedent("""
    import json, sys, time
    from analysis.customerdata import DuckDBEngine
    from analysis.summary import summary_to_parquet

    def peak_kb():  # high-water mark of this process's resident memory (reset by exec)
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))

    before = peak_kb()
    start = time.perf_counter()
    engine = DuckDBEngine(memory_limit=sys.argv[4], temp_directory=sys.argv[3], threads=2)
    summary_to_parquet(sys.argv[1], sys.argv[2], "2024-12-31", engine=engine)
    print(json.dumps({"peak_growth_mb": (peak_kb() - before) / 1024,
                      "seconds": time.perf_counter() - start}))
""")


@pytest.mark.slow
def test_log_larger_than_the_memory_limit_summarises_correctly(tmp_path):
    rng = np.random.default_rng(5)
    n, n_customers = 2_000_000, 1_000_000
    numbers = pa.array(rng.integers(0, n_customers, n)).cast(pa.string())
    ids = pc.binary_join_element_wise("CUST-", pc.utf8_lpad(numbers, 10, "0"), "")
    seconds = rng.integers(0, 700 * 86400, n).astype("timedelta64[s]")
    table = pa.table({"customer_id": ids, "date": pa.array(np.datetime64("2023-01-01T00:00:00") + seconds),
                      "amount": rng.gamma(2.0, 20.0, n).round(2)})
    log_path = tmp_path / "log.parquet"
    pq.write_table(table, log_path, row_group_size=250_000)
    # the data alone (ids 15 bytes + offsets + 2 x 8 bytes a row) is ~70 MB, more than the
    # 64 MB limit, and the aggregation's hash tables are several times the data
    assert table.nbytes > 64 * 2**20
    spill = tmp_path / "spill"
    spill.mkdir()
    out = tmp_path / "summary.parquet"
    result = subprocess.run([sys.executable, "-c", _CHILD, str(log_path), str(out), str(spill), "64MB"],
                            capture_output=True, text=True, timeout=300, check=True)
    growth = json.loads(result.stdout.strip().splitlines()[-1])["peak_growth_mb"]
    # DuckDB keeps its buffers under the limit; readers and thread state add a little.
    # Without a limit this query grows the process by ~300 MB (measured; 126 MB with it), so 200 MB shows
    # the limit held without being tight enough to flake.
    assert growth < 200, f"peak memory grew by {growth:.0f} MB with a 64 MB limit"
    # reference 1: DuckDB without a limit (no spilling), itself tested against pandas above
    unbounded = tmp_path / "unbounded.parquet"
    summary_to_parquet(log_path, unbounded, "2024-12-31", engine=DuckDBEngine(threads=2))
    got, ref = pq.read_table(out).sort_by("customer_id"), pq.read_table(unbounded).sort_by("customer_id")
    assert got.num_rows == ref.num_rows == len(pc.unique(table["customer_id"]))
    assert got["customer_id"].equals(ref["customer_id"])
    for col in ("frequency", "recency", "T"):
        assert np.array_equal(got[col].to_numpy(), ref[col].to_numpy()), col
    np.testing.assert_allclose(got["monetary_value"].to_numpy(), ref["monetary_value"].to_numpy(), rtol=RTOL)
    # reference 2: pandas on every row of 2000 random customers (pandas on all million
    # would take most of the test's time budget)
    chosen = pa.array(np.sort(rng.choice(got["customer_id"].to_numpy(zero_copy_only=False), 2000, replace=False)))
    rows = table.filter(pc.is_in(table["customer_id"], chosen)).to_pandas()
    mine = got.filter(pc.is_in(got["customer_id"], chosen)).to_pandas().set_index("customer_id")
    mine.index = mine.index.astype("string")
    assert_same(mine, customer_summary(rows, "2024-12-31"))


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_no_purchase_by_the_derived_calibration_end_names_that_date_and_what_to_change(tmp_path, engine):
    """Issue 14: a one-row log said "No purchase falls on or before observation_end=2022-04-03", a date the
    user never set: it is the calibration end derived as observation_end minus the holdout."""
    from analysis.customerdata import resolve_window
    from analysis.window import Window

    one = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2023-01-01"]), "amount": [5.0]})
    one.to_parquet(tmp_path / "one.parquet", index=False)
    window = resolve_window(one, Window())  # observation_end = the last purchase day, holdout 39 weeks
    with pytest.raises(ParameterError) as info:
        calibration_holdout_summary(tmp_path / "one.parquet", window.holdout_end(), window.observation_end,
                                    engine=engine)
    text = str(info.value)
    assert "observation_end=2022-04-03" not in text
    assert "2022-04-03, the end of the calibration period" in text
    assert "observation_end 2023-01-01 minus holdout_length" in text and "longer period" in text
    two = pd.concat([one, one.assign(date=pd.Timestamp("2023-06-01"))])
    with pytest.raises(ParameterError, match=r"Set calibration_end to a day from 2023-01-01 to before "
                                             r"observation_end 2023-06-01, or a shorter holdout_length"):
        calibration_holdout_summary(two, "2022-12-01", "2023-06-01", engine=engine)
