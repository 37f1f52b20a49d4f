"""Where a transaction log comes from: DataFrame, file, folder, glob or list; date strings; bad rows."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.customerdata.sources import (
    LogSource,
    local_wall_time,
    parse_date_strings,
    read_files_pandas,
    report_bad_rows,
    resolve_source,
)
from analysis.errors import DataValidationError, InputFileError, ParameterError


@pytest.fixture
def tx() -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["007", "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                         "amount": [1.0, 2.0]})


def test_every_form_of_input_resolves(tx, tmp_path):
    assert resolve_source(tx).is_frame
    tx.to_parquet(tmp_path / "b.parquet", index=False)
    tx.to_parquet(tmp_path / "a.parquet", index=False)
    (tmp_path / ".hidden").write_text("x")
    expected = (tmp_path / "a.parquet", tmp_path / "b.parquet")
    for obj in (str(tmp_path), str(tmp_path / "*.parquet"), [tmp_path / "a.parquet", tmp_path / "b.parquet"]):
        source = resolve_source(obj)
        assert source.files == expected and source.format == "parquet" and not source.is_frame
    assert resolve_source(source) is source
    assert "parquet file(s)" in source.describe() and LogSource(frame=tx).describe() == "the transactions DataFrame"


def test_bad_sources_are_named(tx, tmp_path):
    with pytest.raises(ParameterError, match="transactions must be a DataFrame"):
        resolve_source(3)
    with pytest.raises(InputFileError, match="does not exist"):
        resolve_source(tmp_path / "none.csv")
    with pytest.raises(InputFileError, match="No file matches"):
        resolve_source(str(tmp_path / "*.csv"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputFileError, match="holds no files"):
        resolve_source(empty)
    tx.to_parquet(tmp_path / "a.parquet", index=False)
    tx.to_csv(tmp_path / "b.csv", index=False)
    with pytest.raises(InputFileError, match="mixes formats"):
        resolve_source(str(tmp_path / "*.*"))
    (tmp_path / "c.txt").write_text("x")
    with pytest.raises(InputFileError, match="Cannot tell the format"):
        resolve_source(tmp_path / "c.txt")


def test_csv_files_are_read_with_ids_as_text_and_mapped_columns(tx, tmp_path):
    tx.rename(columns={"customer_id": "CustID"}).to_csv(tmp_path / "a.csv", index=False)
    source = LogSource(files=(tmp_path / "a.csv",), format="csv", columns=(("customer_id", "CustID"),))
    frame = read_files_pandas(source, "UTC")
    assert frame["customer_id"].tolist() == ["007", "b"]
    assert frame["date"].tolist() == tx["date"].tolist()
    with pytest.raises(DataValidationError, match="lacks column"):
        read_files_pandas(LogSource(files=(tmp_path / "a.csv",), format="csv"), "UTC")


def test_date_strings_with_and_without_offsets():
    text = pd.Series(["2024-06-30 23:30:00", "2024-06-30T23:30:00-05:00", "2024-07-01T00:30:00Z"])
    got = parse_date_strings(text, "Asia/Shanghai")
    assert got.tolist() == [pd.Timestamp("2024-06-30 23:30"), pd.Timestamp("2024-07-01 12:30"),
                            pd.Timestamp("2024-07-01 08:30")]
    with pytest.raises(DataValidationError, match="not an ISO date"):
        parse_date_strings(pd.Series(["30/06/2024"]), "UTC")


def test_wall_time_converts_only_aware_timestamps():
    naive = pd.Series(pd.to_datetime(["2024-01-01 23:00"]))
    assert local_wall_time(naive, "Asia/Shanghai") is naive
    aware = naive.dt.tz_localize("UTC")
    assert local_wall_time(aware, "Asia/Shanghai").iloc[0] == pd.Timestamp("2024-01-02 07:00")


def test_bad_rows_are_counted_in_one_message():
    report_bad_rows({}, "x")
    with pytest.raises(DataValidationError, match=r"x: 1 row\(s\) have a missing customer_id; 2 row\(s\) have a "
                                                  r"negative amount"):
        report_bad_rows({"missing_ids": 1, "negative_amounts": 2}, "x")


def test_count_only_files_and_files_that_disagree(tmp_path):
    """Issue 12: files without amount read as a count-only log; a mix of both is refused by name."""
    pd.DataFrame({"customer_id": ["a"], "date": ["2024-01-01"]}).to_csv(tmp_path / "a.csv", index=False)
    only = read_files_pandas(resolve_source(tmp_path / "a.csv"), "UTC")
    assert only.columns.tolist() == ["customer_id", "date"]
    pd.DataFrame({"customer_id": ["b"], "date": ["2024-01-02"], "amount": [1.0]}).to_csv(tmp_path / "b.csv",
                                                                                      index=False)
    with pytest.raises(DataValidationError, match="some files have an amount column and others do not"):
        read_files_pandas(resolve_source(tmp_path), "UTC")
