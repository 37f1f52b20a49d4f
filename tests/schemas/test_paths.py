"""Tests for analysis.schemas.paths: the attribution journeys table (issue 12, contract C1)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.schemas import TABLES, validate_paths, validate_table

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def test_valid_paths_are_typed_and_steps_stripped():
    raw = pd.DataFrame({"path": ["search >email", " email ", "a > b > a"], "conversions": ["2", 0, 1],
                        "value": [3.5, 0, 1.25], "nulls": [4, 9, 0], "note": ["x", "y", "z"]})
    before = raw.copy(deep=True)
    out = validate_paths(raw)
    pd.testing.assert_frame_equal(raw, before)
    assert out["path"].tolist() == ["search > email", "email", "a > b > a"]
    assert out["conversions"].tolist() == [2.0, 0.0, 1.0]
    assert out["value"].dtype == "float64" and out["nulls"].tolist() == [4.0, 9.0, 0.0]
    assert out["note"].tolist() == ["x", "y", "z"]
    assert "paths" in TABLES
    assert validate_table("paths", raw.assign(path=raw["path"].str.replace(">", "|")),
                          separator="|")["path"].tolist()[0] == "search|email"


def test_bad_paths_name_rows_from_1_and_the_fix():
    raw = pd.DataFrame({"path": ["a > b", "a >  > b", None, "c >"], "conversions": [1, -2, 1, "x"]})
    with pytest.raises(DataValidationError) as info:
        validate_paths(raw)
    text = str(info.value)
    assert "column 'path': must name a channel between every two separators ' > '" in text
    assert "rows 2, 4" in text
    assert "column 'path': must not be missing; 1 row breaks it: row 3" in text
    assert "column 'conversions': must be >= 0; 1 row breaks it: row 2" in text
    assert "column 'conversions': must be a number; 1 row breaks it: row 4" in text


def test_a_separator_no_path_uses_names_the_one_they_use():
    raw = pd.DataFrame({"path": ["a|b", "b|c|a"], "conversions": [1, 0]})
    with pytest.raises(DataValidationError, match=r"seem to use '\|': set the table option separator"):
        validate_paths(raw)
    assert validate_paths(raw, separator="|")["path"].tolist() == ["a|b", "b|c|a"]
    assert validate_paths(raw.assign(path=["a>b", "b >c"]))["path"].tolist() == ["a > b", "b > c"]


def test_missing_columns_and_bad_separator():
    with pytest.raises(DataValidationError, match="column 'conversions': is required but missing"):
        validate_paths(pd.DataFrame({"path": ["a"], "total_conversions": [1]}))
    with pytest.raises(ParameterError, match="separator must be the text between two channels"):
        validate_paths(pd.DataFrame({"path": ["a"], "conversions": [1]}), separator="")


def test_the_public_path_data_validate_after_mapping():
    file = SHARED / "path_attribution" / "PathData.csv"
    if not file.exists():
        pytest.skip(f"public data not present: {file}")
    raw = pd.read_csv(file, sep=";").rename(columns={
        "total_conversions": "conversions", "total_conversion_value": "value", "total_null": "nulls"})
    out = validate_paths(raw)
    assert len(out) == len(raw) == 10_000
    # independent check: the conversions and journeys read straight from the file
    assert out["conversions"].sum() == pytest.approx(raw["conversions"].sum())
    assert out["path"].str.split(" > ").map(len).min() >= 1
