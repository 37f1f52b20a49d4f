"""Property-based tests of the validators and the date parser (issue 14): any frame, any cell.

Text, numbers, NaN, inf, huge integers, dates, mixed columns, empty frames and
odd column labels give either a validated table or an AnalysisError whose
message names the column or option at fault, never another exception.
"""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from property_cases import AWKWARD_TEXT, CELLS, KINDS, LABELS, bounded, frames, outcome

from analysis.errors import AnalysisError, DataValidationError
from analysis.schemas import (
    validate_channel_outcomes,
    validate_complaints,
    validate_customers,
    validate_memberships,
    validate_paths,
    validate_survey,
    validate_transactions,
)

PROBLEM_LINE = re.compile(r"^(column '.*'|table): ", re.DOTALL)
FORMATS = st.one_of(st.none(), st.sampled_from(["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d", "%d.%m.%Y %H:%M",
                                                "%Q", "%", "", "no format"]), st.text(max_size=6))


def _names_column_or_option(result, options: dict) -> None:
    """A result is a DataFrame; an error names the column of every problem, or an option by name."""
    if isinstance(result, DataValidationError):
        head, *problems = str(result).split("\n  - ")  # a column name may hold a line break itself
        assert re.match(r"The \w+ table ", head), str(result)
        assert all(PROBLEM_LINE.match(p) for p in problems), str(result)
    elif isinstance(result, AnalysisError):
        assert any(name in str(result) for name in options), str(result)
    else:
        assert isinstance(result, pd.DataFrame)


def _frame_of(names: list[str], required: tuple[str, ...]) -> st.SearchStrategy[pd.DataFrame]:
    return frames(st.one_of(st.sampled_from(names), LABELS), required=required)


@bounded(120)
@given(df=_frame_of(["customer_id", "date", "amount", "channel", "quantity", "order_id"],
                        ("customer_id", "date", "amount")),
       drop=st.booleans(), date_format=FORMATS, future=st.sampled_from(["refuse", "drop", "keep", "ignore", None]))
def test_validate_transactions_on_any_frame(df, drop, date_format, future):
    options = {"drop_invalid_amounts": drop, "date_format": date_format, "future_dates": future}
    _names_column_or_option(outcome(validate_transactions, df, **options), options)


@bounded(80)
@given(df=_frame_of(["customer_id", "acquisition_date", "acquisition_channel", "acquisition_cost", "cost_to_serve"],
                        ("customer_id", "acquisition_date")),
       date_format=FORMATS)
def test_validate_customers_on_any_frame(df, date_format):
    options = {"date_format": date_format}
    _names_column_or_option(outcome(validate_customers, df, **options), options)


@bounded(80)
@given(df=_frame_of(["respondent_id", "sat", "q1", "q2", "w", "segment"], ("respondent_id", "q1", "q2", "sat")),
       ratings=st.one_of(st.none(), st.just(["q1", "q2"]), st.just("q1"), st.lists(LABELS, max_size=2)),
       scale=st.one_of(st.just((1, 7)), st.tuples(CELLS, CELLS), st.just((7, 1)), st.just(("a", "b"))),
       outcomes=st.one_of(st.none(), st.just(["sat"]), st.just([1])),
       weight=st.one_of(st.none(), st.just("w"), LABELS), groups=st.one_of(st.none(), st.just(["segment"])))
def test_validate_survey_on_any_frame(df, ratings, scale, outcomes, weight, groups):
    options = {"rating_columns": ratings, "scale": scale, "outcome_columns": outcomes, "weight_column": weight,
               "group_columns": groups}
    _names_column_or_option(outcome(validate_survey, df, **options), options)


@bounded(80)
@given(df=_frame_of(["channel", "arm", "converted", "spend"], ("channel", "converted", "spend")),
       channel=st.one_of(st.just("channel"), st.just("arm"), LABELS),
       binary=st.one_of(st.none(), st.just(["converted"]), st.lists(LABELS, max_size=2)),
       continuous=st.one_of(st.none(), st.just("spend"), st.just(["spend", "spend"])))
def test_validate_channel_outcomes_on_any_frame(df, channel, binary, continuous):
    options = {"channel_column": channel, "binary_columns": binary, "continuous_columns": continuous}
    _names_column_or_option(outcome(validate_channel_outcomes, df, **options), options)


@bounded(80)
@given(df=_frame_of(["path", "conversions", "value", "nulls"], ("path", "conversions")),
       separator=st.one_of(st.just(" > "), st.just("|"), st.just(""), st.just("  "), AWKWARD_TEXT, CELLS))
def test_validate_paths_on_any_frame(df, separator):
    """Issue 12: the journeys table takes any frame and any separator without another exception."""
    options = {"separator": separator}
    _names_column_or_option(outcome(validate_paths, df, **options), options)


@bounded(60)
@given(df=_frame_of(["customer_id", "recency_days", "frequency", "monetary"], ("customer_id", "frequency")))
def test_validate_customer_level_rfm_on_any_frame(df):
    """Issue 12: a CRM export's recency, frequency and spend columns on any cells."""
    _names_column_or_option(outcome(validate_customers, df), {})


@bounded(80)
@given(df=_frame_of(["customer_id", "date", "complaint_id", "resolution", "resolved_date", "compensation",
                     "satisfaction_after"], ("customer_id", "date", "resolved_date", "compensation")),
       date_format=FORMATS, future=st.sampled_from(["refuse", "drop", "error"]))
def test_validate_complaints_on_any_frame(df, date_format, future):
    """Issue 15: the complaints log takes any frame without another exception."""
    options = {"date_format": date_format, "future_dates": future}
    _names_column_or_option(outcome(validate_complaints, df, **options), options)


@bounded(80)
@given(df=_frame_of(["customer_id", "start_date", "end_date", "tier", "points_earned", "discounts"],
                    ("customer_id", "start_date", "end_date")), date_format=FORMATS)
def test_validate_memberships_on_any_frame(df, date_format):
    """Issue 15: the memberships table takes any frame (overlap check included) without another exception."""
    options = {"date_format": date_format}
    _names_column_or_option(outcome(validate_memberships, df, **options), options)


@bounded(150)
@given(dates=st.lists(st.one_of(KINDS["date"], CELLS, AWKWARD_TEXT), min_size=1, max_size=8), date_format=FORMATS)
def test_date_column_parses_or_names_the_column(dates, date_format):
    """The date parser through its validator: a datetime64 column, or a problem about column 'date'."""
    df = pd.DataFrame({"customer_id": [f"c{i}" for i in range(len(dates))],
                       "date": pd.Series(dates, dtype=object), "amount": 1.0})
    result = outcome(validate_transactions, df, date_format=date_format)
    if isinstance(result, pd.DataFrame):
        assert str(result["date"].dtype) == "datetime64[ns]" and result["date"].notna().all()
    elif isinstance(result, DataValidationError):
        assert "column 'date'" in str(result), str(result)
    else:  # a format pandas cannot read
        assert str(result).startswith("date_format"), str(result)
