"""Tests for analysis.schemas.memberships: loyalty-programme tier spells (issue 15, contract C1)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import DataValidationError
from analysis.schemas import SOURCE_ROWS, TABLES, validate_memberships, validate_table


def spells(**columns) -> pd.DataFrame:
    base = {
        "customer_id": ["a", "a", "a", 7.0, "b"],
        "start_date": ["2024-01-05", "2024-03-01", "2024-06-01", "2024-02-01", "2024-02-10"],
        "end_date": ["2024-03-01", "2024-06-01", None, "2024-05-01", None],
        "tier": ["base", "silver", "gold", "base", "base"],
        "points_earned": [120, 300, "40", 10, None],
        "points_redeemed": [0, 100, 0, None, 0],
        "discounts": [0, 2.5, 1, 0, None],
    }
    base.update(columns)
    return pd.DataFrame(base)


def error_of(func, *args, **kwargs) -> str:
    with pytest.raises(DataValidationError) as info:
        func(*args, **kwargs)
    return str(info.value)


def test_valid_spells_are_typed_in_their_order():
    raw = spells()
    before = raw.copy(deep=True)
    out = validate_memberships(raw)
    pd.testing.assert_frame_equal(raw, before)
    assert out["customer_id"].tolist() == ["a", "a", "a", "7", "b"]
    assert out["end_date"].isna().tolist() == [False, False, True, False, True]
    assert out["points_earned"].tolist()[:3] == [120.0, 300.0, 40.0] and out["discounts"].dtype == "float64"
    assert "memberships" in TABLES
    assert len(validate_table("memberships", raw[["customer_id", "start_date"]].iloc[[0, 3, 4]])) == 3


def test_overlapping_spells_of_one_customer_are_named_pairwise():
    # row 2 starts before row 1 ends; row 5 starts while row 4 of the same customer is still open
    raw = spells(customer_id=["a", "a", "c", "b", "b"],
                 start_date=["2024-01-05", "2024-02-01", "2024-06-01", "2024-02-01", "2024-04-01"],
                 end_date=["2024-03-01", "2024-06-01", None, None, None])
    text = error_of(validate_memberships, raw)
    line = next(s for s in text.splitlines() if "must not fall within another spell" in s)
    assert "column 'start_date'" in line and "2 rows break it: rows 2, 5" in line
    assert "The spell in row 2 (customer 'a') starts before the one in row 1 has ended" in line
    assert "the spell in row 5 (customer 'b') starts before the one in row 4 has ended" in line
    # spells in any row order are checked in time order; back-to-back spells are fine
    assert len(validate_memberships(spells().iloc[::-1])) == 5


def test_an_end_before_its_start_and_negative_amounts_are_errors():
    raw = spells(end_date=["2024-01-01", "2024-06-01", None, "2024-05-01", None],
                 points_redeemed=[0, -1, 0, 0, 0], discounts=[0, 0, -2, 0, 0])
    text = error_of(validate_memberships, raw)
    assert "column 'end_date': must not be before start_date; 1 row breaks it: row 1 (value 2024-01-01)" in text
    assert "column 'points_redeemed': must be >= 0; 1 row breaks it: row 2" in text
    assert "column 'discounts': must be >= 0; 1 row breaks it: row 3" in text


def test_overlaps_name_the_rows_of_the_file():
    raw = spells(start_date=["2024-01-05", "2024-02-01", "2024-06-01", "2024-02-01", "2024-02-10"])
    raw.attrs[SOURCE_ROWS] = (2, 4, 6, 8, 10)
    line = next(s for s in error_of(validate_memberships, raw).splitlines() if "another spell" in s)
    assert "row 4" in line and "the one in row 2 has ended" in line


def test_required_columns_are_named():
    text = error_of(validate_memberships, pd.DataFrame({"member": ["a"], "joined": ["2024-01-01"]}))
    assert "column 'customer_id': is required but missing" in text
    assert "column 'start_date': is required but missing" in text


_DAY = st.integers(0, 30)


@settings(max_examples=150, deadline=None)
@given(spells=st.lists(st.tuples(st.sampled_from("abc"), _DAY, st.one_of(st.none(), st.integers(0, 10))),
                       min_size=1, max_size=8))
def test_the_overlapping_spells_named_are_those_a_pairwise_comparison_finds(spells):
    """Against brute force: a spell is named iff it starts at or after the start of an earlier-starting (or
    same-day, earlier-row) spell of the customer and before that spell's end (an open spell never ends)."""
    day0 = pd.Timestamp("2024-01-01")
    rows = [(c, day0 + pd.Timedelta(days=s), None if length is None else day0 + pd.Timedelta(days=s + length))
            for c, s, length in spells]
    raw = pd.DataFrame(rows, columns=["customer_id", "start_date", "end_date"])
    expected = set()
    for i, (ci, si, _) in enumerate(rows):
        for j, (cj, sj, ej) in enumerate(rows):
            if i != j and ci == cj and (sj, j) < (si, i) and (ej is None or si < ej):
                expected.add(i + 1)
    try:
        validate_memberships(raw)
        named = set()
    except DataValidationError as exc:
        line = next(s for s in str(exc).splitlines() if "another spell" in s)
        shown = re.search(r"breaks? it: rows? ([\d, ]+)", line).group(1)
        named = {int(r) for r in shown.split(", ")}
        total = int(re.search(r"; (\d+) rows? breaks? it", line).group(1))
        assert total == len(expected)
        assert named == set(sorted(expected)[:5])
        return
    assert expected == named
