"""Dates that cannot be real purchases (issue 14, case 6): refused by default, dropped with a
warning on request, and every function downstream sees the log without them."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from future_cases import N_LATE, N_ROWS, log_with_2031_rows

from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.schemas import validate_customers, validate_table, validate_transactions


@pytest.fixture
def issue_log():
    return log_with_2031_rows()


def test_the_issue_case_is_refused_with_the_count_and_first_rows(issue_log):
    raw, late = issue_log
    with pytest.raises(DataValidationError) as info:
        validate_transactions(raw)
    text = str(info.value)
    line = next(ln for ln in text.splitlines() if "column 'date'" in ln)
    assert f"{N_LATE} rows break it" in line and "after 2024-12-31" in line
    first = ", ".join(str(p + 1) for p in late[:5])  # rows numbered from 1
    assert f"rows {first} and {N_LATE - 5} more" in line and "2031-" in line
    assert "future_dates: drop" in line and "ANALYSIS_RUN_DATE" in line


def test_the_issue_case_is_dropped_with_a_warning_stating_the_count(issue_log):
    raw, late = issue_log
    with pytest.warns(AnalysisWarning, match=f"Dropped {N_LATE} of {N_ROWS} rows .* date is after 2024-12-31"):
        out = validate_transactions(raw, future_dates="drop")
    assert len(out) == N_ROWS - N_LATE and out["date"].max() <= pd.Timestamp("2024-12-31")
    assert not out.index.isin(late).any()  # the input's index, less the dropped rows
    with pytest.warns(AnalysisWarning, match=f"Dropped {N_LATE} of"):
        assert validate_table("transactions", raw, future_dates="drop").equals(out)


def test_dates_after_the_run_date_are_refused_or_dropped(monkeypatch):
    raw = pd.DataFrame({"customer_id": ["a", "b", "c"], "date": ["2024-03-01", "2024-03-09", "2024-03-10"],
                        "amount": [1.0, 2.0, 3.0]})
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-03-07")
    with pytest.raises(DataValidationError,
                       match=r"more than a day after the run date 2024-03-07.*2 rows break it: rows 2, 3"):
        validate_transactions(raw)
    with pytest.warns(AnalysisWarning, match="Dropped 2 of 3 rows"):
        assert validate_transactions(raw, future_dates="drop")["customer_id"].tolist() == ["a"]
    for run_day in ("2024-03-09", "2024-03-10"):  # a purchase on the run date, or the day after in UTC, counts
        monkeypatch.setenv("ANALYSIS_RUN_DATE", run_day)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert len(validate_transactions(raw)) == 3


def test_a_table_with_only_future_rows_is_an_error_not_an_empty_table(monkeypatch):
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-01-01")
    raw = pd.DataFrame({"customer_id": ["a"], "date": ["2024-03-01"], "amount": [1.0]})
    with pytest.raises(DataValidationError, match="no rows left"):
        validate_transactions(raw, future_dates="drop")


def test_customer_acquisition_dates_follow_the_same_rule(monkeypatch):
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-06-30")
    raw = pd.DataFrame({"customer_id": ["a", "b", "c"],
                        "acquisition_date": ["2024-01-05", None, "2024-07-02"]})
    with pytest.raises(DataValidationError, match=r"column 'acquisition_date'.*1 row breaks it: row 3"):
        validate_customers(raw)
    with pytest.warns(AnalysisWarning, match="Dropped 1 of 3 rows of the customers table"):
        assert validate_customers(raw, future_dates="drop")["customer_id"].tolist() == ["a", "b"]
    assert len(validate_customers(raw.drop(columns="acquisition_date"))) == 3  # no dates, nothing to check


@pytest.mark.parametrize("func", [validate_transactions, validate_customers])
def test_future_dates_takes_refuse_or_drop(func):
    with pytest.raises(ParameterError, match="future_dates must be 'refuse'.*or 'drop'"):
        func(pd.DataFrame({"customer_id": ["a"]}), future_dates="yes")


def test_every_downstream_function_sees_the_log_without_them(issue_log):
    """Summary, RFM and CLV inputs of the dropped log equal those of the log without the 2031 rows."""
    from analysis.segmentation import rfm
    from analysis.summary import calibration_holdout_summary, customer_summary

    raw, late = issue_log
    with pytest.warns(AnalysisWarning):
        dropped = validate_transactions(raw, future_dates="drop")
    clean = validate_transactions(raw.drop(index=late))
    pd.testing.assert_frame_equal(dropped, clean)
    pd.testing.assert_frame_equal(customer_summary(dropped), customer_summary(clean))
    assert customer_summary(dropped)["T"].max() < 53  # recency and age measured from 2024, not 2031
    cal = calibration_holdout_summary(dropped, "2024-09-30", "2024-12-31")
    pd.testing.assert_frame_equal(cal, calibration_holdout_summary(clean, "2024-09-30", "2024-12-31"))
    table = rfm(dropped)
    assert table["recency_days"].max() <= 366 and re.fullmatch(r"c\d{3}", table.index[0])
    pd.testing.assert_frame_equal(table, rfm(clean))
    assert np.isfinite(cal.to_numpy(dtype=float)).all()


def test_numpy_scale_bounds_are_shown_plainly():
    """Issue 14: several messages printed np.int64(...)."""
    from analysis.schemas import validate_survey

    with pytest.raises(ParameterError, match=r"got \[7, 1\]\.$"):
        validate_survey(pd.DataFrame({"respondent_id": [1]}), scale=(np.int64(7), np.int64(1)))
