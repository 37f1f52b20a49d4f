"""Tests for analysis.schemas.complaints: the complaints log (issue 15, contract C1)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.schemas import SOURCE_ROWS, TABLES, validate_complaints, validate_table


def complaints(**columns) -> pd.DataFrame:
    base = {
        "customer_id": [1.0, 2.0, " 3 ", "3"],
        "date": ["2024-03-01", "2024-03-02 14:00", "2024-03-05", "2024-03-09"],
        "complaint_id": ["t1", "t2", "t3", 4.0],
        "category": ["billing", "delay", " delay ", None],
        "channel": ["phone", "web", "web", "store"],
        "resolution": ["good", "poor", None, "good"],
        "resolved_date": ["2024-03-03", "2024-03-02", None, "2024-03-20"],
        "compensation": [5, "0", None, 12.5],
        "satisfaction_after": [6, 2, None, 5],
    }
    base.update(columns)
    return pd.DataFrame(base)


def error_of(func, *args, **kwargs) -> str:
    with pytest.raises(DataValidationError) as info:
        func(*args, **kwargs)
    return str(info.value)


def test_a_valid_log_is_typed_and_the_input_untouched():
    raw = complaints(note=list("wxyz"))
    before = raw.copy(deep=True)
    out = validate_complaints(raw)
    pd.testing.assert_frame_equal(raw, before)
    assert out["customer_id"].tolist() == ["1", "2", "3", "3"]
    assert out["complaint_id"].tolist() == ["t1", "t2", "t3", "4"]
    assert out["category"].tolist()[:3] == ["billing", "delay", "delay"] and pd.isna(out["category"].iloc[3])
    assert str(out["date"].dtype) == "datetime64[ns]" and str(out["resolved_date"].dtype) == "datetime64[ns]"
    # resolved on the day of a complaint logged at 14:00 is not before it (days are compared)
    assert out["resolved_date"].iloc[1] == pd.Timestamp("2024-03-02")
    assert out["compensation"].tolist()[:2] == [5.0, 0.0] and out["satisfaction_after"].dtype == "float64"
    assert out["note"].tolist() == list("wxyz")
    assert "complaints" in TABLES
    assert validate_table("complaints", raw[["customer_id", "date"]])["date"].notna().all()


def test_every_broken_rule_is_named_with_its_rows_from_1():
    raw = complaints(complaint_id=["t1", "t2", "t1", None], resolved_date=["2024-02-28", None, None, "2024-03-08"],
                     compensation=[-5, "12,50", 0, 1], date=["2024-03-01", None, "soon", "2024-03-09"])
    text = error_of(validate_complaints, raw)
    assert "The complaints table breaks its data contract" in text
    assert ("column 'resolved_date': must not be before date; 2 rows break it: rows 1, 4 "
            "(values 2024-02-28, 2024-03-08). A complaint is resolved on or after the day it was made") in text
    assert "column 'complaint_id': must be unique; 2 rows break it: rows 1, 3" in text and "'t1' (rows 1, 3)" in text
    assert "column 'complaint_id': must not be missing; 1 row breaks it: row 4" in text
    assert "column 'compensation': must be >= 0; 1 row breaks it: row 1 (value -5.0)" in text
    assert "column 'compensation': must be a number; 1 row breaks it: row 2 (value '12,50')" in text
    assert "decimal mark" in text
    assert "column 'date': must not be missing; 1 row breaks it: row 2" in text
    assert "column 'date': must be a date; 1 row breaks it: row 3 (value 'soon')" in text


def test_required_columns_are_named_with_the_closest_present_one():
    text = error_of(validate_complaints, pd.DataFrame({"CustomerID": ["a"], "complaint_date": ["2024-01-01"]}))
    assert "column 'customer_id': is required but missing" in text and "Did you mean 'CustomerID'?" in text
    assert "column 'date': is required but missing" in text


def test_source_rows_of_a_filtered_file_are_named():
    raw = complaints(resolved_date=[None, None, "2024-03-01", None])
    raw.attrs[SOURCE_ROWS] = (3, 7, 12, 15)
    assert "row 12 (value 2024-03-01)" in error_of(validate_complaints, raw)


def test_dates_follow_date_format_and_future_dates(monkeypatch):
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-03-10")
    raw = complaints(date=["01/03/2024", "02/03/2024", "05/03/2024", "09/03/2024"],
                     resolved_date=["03/03/2024", None, None, "20/03/2024"])
    text = error_of(validate_complaints, raw, date_format="%d/%m/%Y")
    assert "column 'resolved_date': must not be more than a day after the run date 2024-03-10" in text
    assert "row 4 (value 2024-03-20)" in text
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = validate_complaints(raw, date_format="%d/%m/%Y", future_dates="drop")
    assert out["complaint_id"].tolist() == ["t1", "t2", "t3"]
    assert any(issubclass(w.category, AnalysisWarning) and "Dropped 1 of 4" in str(w.message) for w in caught)
    with pytest.raises(ParameterError, match="future_dates must be 'refuse'"):
        validate_complaints(raw, future_dates="error")
