"""analysis.window: the run date and the one rule for dates that cannot be real purchases."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.window import (FAR_TAIL_GAP_DAYS, check_future_dates, future_dates_rule, last_credible_day,
                             run_date)


def test_run_date_is_today_or_the_environment_variable(monkeypatch):
    monkeypatch.delenv("ANALYSIS_RUN_DATE", raising=False)
    assert run_date() == pd.Timestamp.today().normalize() and run_date().tzinfo is None
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-06-30")
    assert run_date() == pd.Timestamp("2024-06-30")


@pytest.mark.parametrize("value", ["garbage", "", "2024-13-45"])
def test_a_bad_run_date_variable_says_what_to_write(monkeypatch, value):
    monkeypatch.setenv("ANALYSIS_RUN_DATE", value)
    with pytest.raises(ParameterError, match="ANALYSIS_RUN_DATE.*YYYY-MM-DD"):
        run_date()


def counts(**days: int) -> pd.Series:
    """Rows per day from keyword arguments such as d2024_01_05=500."""
    return pd.Series(list(days.values()), index=pd.to_datetime([d[1:].replace("_", "-") for d in days]))


RUN = pd.Timestamp("2040-01-01")
RUN_LIMIT = "2040-01-02"  # a day of grace after the run date, for time zones


@pytest.mark.parametrize("days, expected", [
    # the case: a small tail more than a year after the rest
    (counts(d2024_01_05=5000, d2024_12_31=950, d2031_03_01=50), "2024-12-31"),
    # a gap of exactly a year is not "more than a year"
    (counts(d2024_01_05=5000, d2024_12_31=950, d2025_12_31=50), RUN_LIMIT),
    # a late group holding 1 % of the rows is not a small tail
    (counts(d2024_01_05=5000, d2024_12_31=940, d2031_03_01=60), RUN_LIMIT),
    # of two gaps, the first whose tail is small: the whole tail is caught
    (counts(d2024_01_05=5000, d2024_12_31=980, d2030_01_01=10, d2035_01_01=10), "2024-12-31"),
    # a large late block (a second business period) is no tail; the small one after it is
    (counts(d2020_01_05=3000, d2024_12_31=2990, d2031_03_01=10), "2024-12-31"),
    # one day: no gap
    (counts(d2024_01_05=3), RUN_LIMIT),
])
def test_far_tail_rule(days, expected):
    assert last_credible_day(days, RUN) == pd.Timestamp(expected)
    assert FAR_TAIL_GAP_DAYS == 365


def test_the_run_date_caps_the_last_credible_day(monkeypatch):
    """A day of grace: timestamps are read in UTC, where an evening purchase west of Greenwich
    is already dated the next day."""
    days = counts(d2024_01_05=10, d2024_03_01=10)
    assert last_credible_day(days, pd.Timestamp("2024-02-01")) == pd.Timestamp("2024-02-02")
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-02-10")
    assert last_credible_day(days) == pd.Timestamp("2024-02-11")


def test_future_dates_choices_and_rule_text():
    assert check_future_dates("refuse") == "refuse"
    with pytest.raises(ParameterError, match="'refuse'.*'drop'.*got 'delete'"):
        check_future_dates("delete")
    assert "more than a day after the run date 2024-02-10" in future_dates_rule(pd.Timestamp("2024-02-11"),
                                                                                pd.Timestamp("2024-02-10"))
    tail = future_dates_rule(pd.Timestamp("2024-12-31"), pd.Timestamp("2026-01-01"))
    assert "more than a year after every other row" in tail and "1%" in tail


def test_numpy_numbers_are_accepted_and_shown_plainly():
    """Issue 14: messages printed np.float64(...); a numpy whole number was refused as a holdout length."""
    import numpy as np

    from analysis.window import Window

    assert Window(holdout_length=np.int64(13)).holdout_length == 13.0
    with pytest.raises(ParameterError, match=r"got -1\.0\.$"):
        Window(holdout_length=np.float64(-1.0))


def test_dates_centuries_apart_do_not_overflow_the_tail_rule():
    """Found by the property tests: two dates about 300 years apart overflowed the
    nanosecond difference (OverflowError) instead of being judged by the rule."""
    days = pd.Series([1, 1], index=pd.to_datetime(["1731-01-01", "2024-03-01"]))
    assert last_credible_day(days, pd.Timestamp("2026-01-01")) == pd.Timestamp("2026-01-02")
