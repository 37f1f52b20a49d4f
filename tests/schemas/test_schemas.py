"""Tests for analysis.schemas: canonical tables, conversions and the one error message.

Every bad input checks that the message names the column, the rule in plain words
and the offending rows (1-based data rows) with their values, because that is what
a user needs to fix the file.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.schemas import (
    ROW_CONVENTION,
    TABLES,
    validate_channel_outcomes,
    validate_customers,
    validate_survey,
    validate_table,
    validate_transactions,
)


def tx(**columns) -> pd.DataFrame:
    base = {
        "customer_id": ["a", "b", "c", "d"],
        "date": ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"],
        "amount": [10.0, 20.5, 0.0, 7.25],
    }
    base.update(columns)
    return pd.DataFrame(base)


def error_of(func, *args, **kwargs) -> str:
    with pytest.raises(DataValidationError) as info:
        func(*args, **kwargs)
    return str(info.value)


def problem_line(message: str, column: str, rule_fragment: str) -> str:
    """The message line about *column* that contains *rule_fragment* (fails if none)."""
    for line in message.splitlines():
        if f"column '{column}'" in line and rule_fragment in line:
            return line
    raise AssertionError(f"no line about {column!r} with {rule_fragment!r} in:\n{message}")


# --------------------------------------------------------------------------- #
# transactions: good input
# --------------------------------------------------------------------------- #
def test_valid_transactions_are_typed_and_input_untouched():
    raw = pd.DataFrame({
        "customer_id": [1.0, 2.0, " 7 ", 42],
        "date": ["2024-03-01", "2024-03-02 10:30", "2024-3-3", "2024-03-04"],
        "amount": ["12.5", 8, "  3 ", 0],
        "quantity": [1, 2, 1, 3],
        "channel": ["web", "store", None, "web"],
        "note": ["x", "y", "z", "w"],
    }, index=[10, 11, 12, 13])
    before = raw.copy(deep=True)
    out = validate_transactions(raw)
    pd.testing.assert_frame_equal(raw, before)  # validators never modify their input
    assert out["customer_id"].tolist() == ["1", "2", "7", "42"]
    assert isinstance(out["customer_id"].dtype, pd.StringDtype)
    assert str(out["date"].dtype) == "datetime64[ns]"
    assert out["date"].tolist() == [pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-02 10:30"),
                                    pd.Timestamp("2024-03-03"), pd.Timestamp("2024-03-04")]
    assert out["amount"].dtype == np.float64
    assert out["amount"].tolist() == [12.5, 8.0, 3.0, 0.0]
    assert out["channel"].isna().tolist() == [False, False, True, False]
    assert out["note"].tolist() == ["x", "y", "z", "w"]  # other columns kept
    assert out.index.tolist() == [10, 11, 12, 13]


def test_timezone_aware_timestamps_become_utc_naive():
    aware = pd.to_datetime(["2024-03-01 10:00", "2024-03-02 01:00"]).tz_localize("Asia/Shanghai")
    out = validate_transactions(tx(customer_id=["a", "b"], date=aware, amount=[1.0, 2.0]))
    assert str(out["date"].dtype) == "datetime64[ns]"
    assert out["date"].tolist() == [pd.Timestamp("2024-03-01 02:00"), pd.Timestamp("2024-03-01 17:00")]
    offsets = validate_transactions(tx(customer_id=["a", "b"], amount=[1.0, 2.0],
                                       date=["2024-03-01T10:00:00+02:00", "2024-03-01T10:00:00Z"]))
    assert offsets["date"].tolist() == [pd.Timestamp("2024-03-01 08:00"), pd.Timestamp("2024-03-01 10:00")]


@pytest.mark.parametrize(("dates", "expected"), [
    (["13/03/2024", "02/03/2024"], ["2024-03-13", "2024-03-02"]),  # day first, told by 13
    (["03/13/2024", "02/03/2024"], ["2024-03-13", "2024-02-03"]),  # month first, told by 13
    (["01.03.2024", "31.12.2023"], ["2024-03-01", "2023-12-31"]),
    (["20240301", "19971231"], ["2024-03-01", "1997-12-31"]),
    ([20240301, 19971231], ["2024-03-01", "1997-12-31"]),
    (["2024/03/01", "2023/12/31"], ["2024-03-01", "2023-12-31"]),
    (["2024年3月1日", "2023年12月31日"], ["2024-03-01", "2023-12-31"]),
    (["March 1, 2024", "31 Dec 2023"], ["2024-03-01", "2023-12-31"]),
])
def test_recognised_date_forms(dates, expected):
    out = validate_transactions(tx(customer_id=["a", "b"], date=dates, amount=[1.0, 2.0]))
    assert out["date"].tolist() == [pd.Timestamp(d) for d in expected]


def test_date_format_option_decides_ambiguous_dates():
    raw = tx(customer_id=["a", "b"], date=["01/03/2024", "02/03/2024"], amount=[1.0, 2.0])
    message = error_of(validate_transactions, raw)
    line = problem_line(message, "date", "unambiguous")
    assert "rows 1, 2" in line and "date_format='%d/%m/%Y'" in line
    day_first = validate_transactions(raw, date_format="%d/%m/%Y")
    assert day_first["date"].tolist() == [pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-02")]
    month_first = validate_transactions(raw, date_format="%m/%d/%Y")
    assert month_first["date"].tolist() == [pd.Timestamp("2024-01-03"), pd.Timestamp("2024-02-03")]


# --------------------------------------------------------------------------- #
# transactions: bad input of the foundation issue
# --------------------------------------------------------------------------- #
def test_missing_column_names_it_lists_present_and_suggests():
    raw = tx().rename(columns={"amount": "Amount ", "customer_id": "cust_id"})
    message = error_of(validate_transactions, raw)
    assert "column 'amount': is missing although 'Amount ' looks like it" in message
    assert "Map 'Amount ' to amount" in message
    assert "count-only" in message
    assert "column 'customer_id': is required but missing" in message
    assert "Did you mean 'cust_id'?" in message


def test_unparseable_dates_name_rows_and_values():
    raw = tx(date=["2024-03-01", "not a date", "2024-02-30", "2024-03-04"])
    message = error_of(validate_transactions, raw)
    line = problem_line(message, "date", "must be a date")
    assert "2 rows break it: rows 2, 3 (values 'not a date', '2024-02-30')" in line
    assert ROW_CONVENTION in message


def test_excel_serial_numbers_are_not_dates():
    message = error_of(validate_transactions, tx(date=["45352", "45353", "45354", "45355"]))
    assert "Excel serial days are not dates" in problem_line(message, "date", "must be a date")


def test_mixed_date_formats_name_formats_and_rows():
    raw = tx(customer_id=list("abcde"), amount=[1.0] * 5,
             date=["2024-03-01", "01/03/2024", "2024-03-05", "03.01.2024", "2024-03-07"])
    message = error_of(validate_transactions, raw)
    line = problem_line(message, "date", "one date format")
    assert "3 formats are mixed" in line
    assert "YYYY-MM-DD in rows 1, 3, 5" in line
    assert "DD/MM/YYYY or MM/DD/YYYY in row 2 (value '01/03/2024')" in line
    assert "DD.MM.YYYY in row 4 (value '03.01.2024')" in line
    assert message.count("\n  - ") == 1  # one problem, not one per row


def test_slash_dates_with_both_orders_are_mixed():
    raw = tx(customer_id=list("abc"), amount=[1.0] * 3, date=["13/03/2024", "03/13/2024", "01/01/2024"])
    line = problem_line(error_of(validate_transactions, raw), "date", "one date format")
    assert "DD/MM/YYYY in row 1" in line and "MM/DD/YYYY in row 2" in line


def test_negative_and_non_numeric_amounts_are_errors():
    raw = tx(customer_id=list("abcdef"), date=["2024-03-01"] * 6,
             amount=[10.0, -2.0, "12,50", "abc", -5.5, 3])
    message = error_of(validate_transactions, raw)
    neg = problem_line(message, "amount", "must be >= 0")
    assert "2 rows break it: rows 2, 5 (values -2.0, -5.5)" in neg
    assert "drop_invalid_amounts=True" in neg
    nan = problem_line(message, "amount", "must be a number")
    assert "rows 3, 4 (values '12,50', 'abc')" in nan
    assert "decimal mark" in nan
    assert "2 problems" in message


def test_drop_invalid_amounts_warns_with_counts():
    raw = tx(customer_id=list("abcdef"), date=["2024-03-01"] * 6,
             amount=[10.0, -2.0, "12,50", "abc", None, 3])
    before = raw.copy(deep=True)
    with pytest.warns(AnalysisWarning) as record:
        out = validate_transactions(raw, drop_invalid_amounts=True)
    text = str(record[0].message)
    assert "Dropped 4 of 6 rows" in text
    assert "2 not a number (rows 3, 4)" in text
    assert "1 missing (row 5)" in text
    assert "1 negative (row 2)" in text
    assert out["customer_id"].tolist() == ["a", "f"]
    assert out["amount"].tolist() == [10.0, 3.0]
    assert out.index.tolist() == [0, 5]
    pd.testing.assert_frame_equal(raw, before)


def test_drop_keeps_reporting_other_problems_with_original_row_numbers():
    raw = tx(amount=[-1.0, 2.0, 3.0, 4.0], date=["2024-03-01", "2024-03-02", "bad", "2024-03-04"])
    with pytest.warns(AnalysisWarning, match="Dropped 1 of 4"):
        message = error_of(validate_transactions, raw, drop_invalid_amounts=True)
    assert "row 3 (value 'bad')" in problem_line(message, "date", "must be a date")


def test_drop_with_nothing_left_is_an_error():
    with pytest.raises(DataValidationError, match="no rows left"):
        validate_transactions(tx(amount=[-1, -2, "x", None]), drop_invalid_amounts=True)


def test_no_warning_when_nothing_dropped():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_transactions(tx(), drop_invalid_amounts=True)


def test_empty_table_says_it_has_no_rows():
    message = error_of(validate_transactions, tx().iloc[:0])
    assert "The transactions table has no rows" in message
    assert "'customer_id', 'date', 'amount'" in message


def test_missing_ids_are_errors():
    message = error_of(validate_transactions, tx(customer_id=["a", None, "", np.nan]))
    assert "3 rows break it: rows 2, 3, 4" in problem_line(message, "customer_id", "must not be missing")


def test_many_offending_rows_show_first_five_and_count():
    amounts = [-1.0] * 12
    raw = pd.DataFrame({"customer_id": [str(i) for i in range(12)], "date": ["2024-03-01"] * 12,
                        "amount": amounts})
    line = problem_line(error_of(validate_transactions, raw), "amount", "must be >= 0")
    assert "12 rows break it: rows 1, 2, 3, 4, 5 and 7 more" in line


def test_all_problems_in_one_message():
    raw = tx(customer_id=["a", None, "c", "d"], date=["2024-03-01", "x", "2024-03-03", "2024-03-04"],
             amount=[1.0, 2.0, -3.0, "?"], quantity=[1, -1, 2, 2])
    message = error_of(validate_transactions, raw)
    assert "(5 problems)" in message
    lines = message.splitlines()[1:]
    # ordered by column position: customer_id, date, amount, quantity
    assert [re.search(r"column '(\w+)'", ln).group(1) for ln in lines] == [
        "customer_id", "date", "amount", "amount", "quantity"]


def test_non_dataframe_input():
    with pytest.raises(DataValidationError, match="must be a pandas DataFrame; got list"):
        validate_transactions([1, 2])


def test_duplicate_column_names():
    raw = pd.DataFrame([["a", "2024-03-01", 1.0, 2.0]], columns=["customer_id", "date", "amount", "amount"])
    with pytest.raises(DataValidationError, match="column names must be unique; repeated: 'amount'"):
        validate_transactions(raw)


# --------------------------------------------------------------------------- #
# customers
# --------------------------------------------------------------------------- #
def test_duplicated_customer_ids_are_listed():
    raw = pd.DataFrame({"customer_id": ["17", "A2", "17", 17.0, "A2", "x"],
                        "acquisition_cost": [1, 2, 3, 4, 5, 6]})
    line = problem_line(error_of(validate_customers, raw), "customer_id", "must be unique")
    assert "2 duplicated ids: '17' (rows 1, 3, 4); 'A2' (rows 2, 5)" in line


def test_customers_typed_and_costs_checked():
    raw = pd.DataFrame({"customer_id": [1, 2, 3], "acquisition_date": ["2024-01-05", None, "2024-02-01"],
                        "acquisition_channel": ["web", "store", None], "acquisition_cost": [10, None, 12.5],
                        "cost_to_serve": [1.0, 2.0, 3.0], "region": ["N", "S", "E"]})
    out = validate_customers(raw)
    assert out["customer_id"].tolist() == ["1", "2", "3"]
    assert str(out["acquisition_date"].dtype) == "datetime64[ns]" and pd.isna(out["acquisition_date"].iloc[1])
    assert out["acquisition_cost"].dtype == np.float64
    bad = raw.assign(cost_to_serve=[1.0, -4.0, 3.0])
    assert "row 2 (value -4.0)" in problem_line(error_of(validate_customers, bad), "cost_to_serve", "must be >= 0")


# --------------------------------------------------------------------------- #
# survey
# --------------------------------------------------------------------------- #
def survey(**cols) -> pd.DataFrame:
    base = {"respondent_id": [1, 2, 3, 4], "q1": [1, 7, 4, 5], "q2": [2, 3, None, 6], "sat": [5, 6, 7, 3],
            "w": [1.0, 0.5, 2.0, 1.0], "segment": ["x", "y", "x", "y"]}
    base.update(cols)
    return pd.DataFrame(base)


def test_survey_ratings_within_scale_pass():
    out = validate_survey(survey(), rating_columns=["q1", "q2"], outcome_columns="sat",
                          weight_column="w", group_columns=["segment"])
    assert out["respondent_id"].tolist() == ["1", "2", "3", "4"]
    assert out["q2"].isna().sum() == 1  # item non-response is allowed


def test_likert_ratings_outside_scale_are_errors():
    raw = survey(q1=[0, 8, 4, 5], q2=[2, 3, 3.5, 6])
    message = error_of(validate_survey, raw, rating_columns=["q1", "q2"], scale=(1, 7))
    assert "rows 1, 2 (values 0.0, 8.0)" in problem_line(message, "q1", "must be within the rating scale 1-7")
    assert "row 3 (value 3.5)" in problem_line(message, "q2", "must be a whole number")


def test_float_scale_accepts_fractions_and_outcome_scale_is_separate():
    raw = survey(q1=[0.5, 9.5, 4.25, 10.0], sat=[0, 10, 11, 3])
    message = error_of(validate_survey, raw, rating_columns=["q1"], scale=(0.0, 10.0),
                       outcome_columns=["sat"], outcome_scale=(0, 10))
    assert "column 'q1'" not in message
    assert "row 3 (value 11.0)" in problem_line(message, "sat", "must be within the outcome scale 0-10")


def test_survey_ids_unique_declared_columns_exist_and_numbers():
    raw = survey(respondent_id=[1, 2, 2, 4], q2=["2", "three", None, 6])
    message = error_of(validate_survey, raw, rating_columns=["q1", "q2", "q9"], group_columns=["segmnt"])
    assert "'2' (rows 2, 3)" in problem_line(message, "respondent_id", "must be unique")
    assert "row 2 (value 'three')" in problem_line(message, "q2", "must be a number")
    assert "Did you mean" in problem_line(message, "q9", "declared as a rating column but missing")
    assert "Did you mean 'segment'?" in problem_line(message, "segmnt", "group column")


def test_bad_scale_is_a_parameter_error():
    with pytest.raises(ParameterError, match="scale must be a pair"):
        validate_survey(survey(), rating_columns=["q1"], scale=(7, 1))


# --------------------------------------------------------------------------- #
# channel outcomes
# --------------------------------------------------------------------------- #
def test_channel_outcomes_binary_words_and_booleans():
    raw = pd.DataFrame({"channel": ["web", "store", "web"], "conv": ["Yes", "no", "TRUE"],
                        "visit": [True, False, True], "spend": ["1.5", 0, 3]})
    out = validate_channel_outcomes(raw, binary_columns=["conv", "visit"], continuous_columns="spend")
    assert out["conv"].tolist() == [1, 0, 1] and out["conv"].dtype == np.int64
    assert out["visit"].tolist() == [1, 0, 1]
    assert out["spend"].tolist() == [1.5, 0.0, 3.0]
    assert isinstance(out["channel"].dtype, pd.StringDtype)


def test_channel_outcomes_bad_values():
    raw = pd.DataFrame({"arm": ["a", None, "b"], "conv": ["yes", "maybe", 1], "b2": [0, 2, 1],
                        "spend": [1, np.inf, "x"]})
    message = error_of(validate_channel_outcomes, raw, channel_column="arm",
                       binary_columns=["conv", "b2"], continuous_columns=["spend"])
    assert "row 2" in problem_line(message, "arm", "must not be missing")
    assert "row 2 (value 'maybe')" in problem_line(message, "conv", "must be 0 or 1")
    assert "row 2 (value 2.0)" in problem_line(message, "b2", "must be 0 or 1")
    assert "row 3 (value 'x')" in problem_line(message, "spend", "must be a number")
    assert "row 2 (value inf)" in problem_line(message, "spend", "finite")


def test_channel_column_required():
    message = error_of(validate_channel_outcomes, pd.DataFrame({"Channel": ["a"]}))
    assert "Did you mean 'Channel'?" in problem_line(message, "channel", "is required but missing")


# --------------------------------------------------------------------------- #
# dispatch
# --------------------------------------------------------------------------- #
def test_validate_table_dispatches_and_checks_names():
    assert TABLES == ("transactions", "customers", "survey", "channel_outcomes", "paths", "complaints", "memberships")
    with pytest.warns(AnalysisWarning, match="Dropped 1 of 4"):
        out = validate_table("transactions", tx(amount=[1, -1, 2, 3]), drop_invalid_amounts=True)
    assert len(out) == 3
    with pytest.raises(ParameterError, match="Did you mean 'transactions'"):
        validate_table("transaction", tx())
    with pytest.raises(ParameterError, match="Unknown option.*'scale'.*accepted: drop_invalid_amounts"):
        validate_table("transactions", tx(), scale=(1, 5))


def test_large_table_is_fast():
    # 300k rows must validate in well under the test budget (vectorised per unique value)
    import time

    rng = np.random.default_rng(7)
    n = 300_000
    days = pd.date_range("2015-01-01", periods=900).strftime("%Y-%m-%d").to_numpy()
    raw = pd.DataFrame({"customer_id": rng.integers(0, 30_000, n).astype(str),
                        "date": days[rng.integers(0, 900, n)],
                        "amount": rng.gamma(2.0, 10.0, n).round(2)})
    start = time.perf_counter()
    out = validate_transactions(raw)
    assert time.perf_counter() - start < 10
    assert len(out) == n and out["amount"].sum() == pytest.approx(raw["amount"].sum())


def test_importing_the_package_prints_no_library_warning():
    """pandera imports pyspark.pandas when the 'spark' extra is installed, and pyspark warned about
    pandas 3 into every command and report page (issue 14, case 9), at import and at the first
    validation. Run in a fresh interpreter, since a warning is printed only once."""
    import subprocess
    import sys

    code = ("import pandas as pd; from analysis.schemas import validate_transactions; "
            "validate_transactions(pd.DataFrame({'customer_id': ['a'], 'date': ['2024-01-01'], 'amount': [1.0]}))")
    done = subprocess.run([sys.executable, "-W", "default", "-c", code],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr


def test_column_names_with_line_breaks_cannot_break_a_message_apart():
    """Found by the property tests (issue 14): a column named 'amou\\nnt' was inserted raw,
    so the one-line-per-problem message broke in the middle of a name."""
    from analysis.errors import DataValidationError
    from analysis.schemas import validate_transactions

    raw = pd.DataFrame({"custo\nmer_id": ["a"], "date": ["2024-01-01"], "amount": [1.0], "\r": [2.0]})
    with pytest.raises(DataValidationError) as err:
        validate_transactions(raw)
    lines = str(err.value).splitlines()
    assert all(line.startswith("  - ") for line in lines[1:]), lines
    assert "'custo\\nmer_id'" in str(err.value)


# --------------------------------------------------------------------------- #
# issue 12: count-only logs, customer-level RFM, hints for yes/no and missing-value codes
# --------------------------------------------------------------------------- #
def test_a_log_without_amounts_is_count_only():
    raw = tx().drop(columns="amount")
    out = validate_transactions(raw, drop_invalid_amounts=True)
    assert "amount" not in out.columns
    assert out["customer_id"].tolist() == ["a", "b", "c", "d"]
    assert validate_table("transactions", raw)["date"].dtype == "datetime64[ns]"


def test_customers_take_recency_frequency_and_spend():
    raw = pd.DataFrame({"customer_id": [1, 2, 3], "recency_days": [58, "38", None],
                        "frequency": [22, 4, 0], "monetary": [1617.0, 27, 0]})
    out = validate_customers(raw)
    assert out[["recency_days", "frequency", "monetary"]].dtypes.tolist() == [np.float64] * 3
    assert out["recency_days"].isna().tolist() == [False, False, True]
    message = error_of(validate_customers, raw.assign(frequency=[1, -1, 2], monetary=[1, 2, "n/k"]))
    assert "1 row breaks it: row 2 (value -1.0)" in problem_line(message, "frequency", "must be >= 0")
    assert "row 3" in problem_line(message, "monetary", "must be a number")


def test_yes_no_outcome_names_binary_columns():
    raw = pd.DataFrame({"channel": ["cellular", "telephone", "cellular"], "y": ["no", "yes", "no"]})
    line = problem_line(error_of(validate_channel_outcomes, raw, continuous_columns=["y"]), "y",
                        "must be a number")
    assert "rows 1, 2, 3" in line
    assert "binary_columns: [y]" in line and "binary_columns=['y']" in line
    assert validate_channel_outcomes(raw, binary_columns=["y"])["y"].tolist() == [0, 1, 0]


def test_yes_no_survey_outcome_names_a_recode_and_unknown_names_missing_codes():
    raw = pd.DataFrame({"respondent_id": [1, 2, 3, 4], "y": ["no", "yes", "unknown", "no"]})
    line = problem_line(error_of(validate_survey, raw, outcome_columns="y", outcome_scale=(0, 1)), "y",
                        "must be a number")
    assert 'derive: {y_01: {recode: y, map: {"yes": 1, "no": 0}}}' in line
    assert "If 'unknown' codes a missing answer" in line and "missing_codes: [unknown]" in line


def test_out_of_scale_codes_hint_at_missing_codes():
    raw = pd.DataFrame({"respondent_id": [1, 2, 3, 4], "q1": [5, 999, 3, 999], "q2": [1, 2, 8, 3]})
    message = error_of(validate_survey, raw, rating_columns=["q1", "q2"], scale=(1, 7))
    assert "missing_codes: [999]" in problem_line(message, "q1", "must be within the rating scale 1-7")
    assert "rows 2, 4" in problem_line(message, "q1", "must be within the rating scale 1-7")
    assert "missing_codes" in problem_line(message, "q2", "must be within")  # a lone 8 may be a code too
    spread = raw.assign(q2=[8, 9, 10, 11])  # many distinct values outside the scale: a wrong scale, not codes
    assert "missing_codes" not in problem_line(error_of(validate_survey, spread, rating_columns="q2"), "q2",
                                               "must be within")


def test_rows_left_out_before_validation_keep_their_file_numbers():
    """Issue 12: after a study's filter: the validated frame's third row may be the file's row 9; with
    SOURCE_ROWS the messages name the file's rows (before: positions in the filtered frame, 1-3)."""
    from analysis.schemas import SOURCE_ROWS

    raw = pd.DataFrame({"respondent_id": [1, 2, 2], "q1": [3, 12, 5]})
    raw.attrs[SOURCE_ROWS] = (2, 5, 9)
    message = error_of(validate_survey, raw, rating_columns="q1")
    assert "1 row breaks it: row 5 (value 12.0)" in problem_line(message, "q1", "must be within")
    assert "'2' (rows 5, 9)" in problem_line(message, "respondent_id", "must be unique")
    log = tx(amount=[1.0, -1.0, 2.0, 3.0])
    log.attrs[SOURCE_ROWS] = (1, 4, 6, 8)
    with pytest.warns(AnalysisWarning, match=r"1 negative \(row 4\)"):
        out = validate_transactions(log, drop_invalid_amounts=True)
    assert SOURCE_ROWS not in out.attrs


def test_unknown_in_a_yes_no_outcome_names_a_filter():
    raw = pd.DataFrame({"channel": ["a", "b", "a"], "default": ["no", "unknown", "yes"]})
    line = problem_line(error_of(validate_channel_outcomes, raw, binary_columns="default"), "default",
                        "must be 0 or 1")
    assert "row 2 (value 'unknown')" in line and "filter: \"default != 'unknown'\"" in line


def test_the_analyses_guard_accepts_a_count_only_log_but_not_text_amounts():
    from analysis.schemas.guards import check_transactions_frame

    visits = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"])})
    check_transactions_frame(visits)
    with pytest.raises(DataValidationError, match="'amount' of the transactions table must be numeric"):
        check_transactions_frame(visits.assign(amount=["12,50"]))
    with pytest.raises(DataValidationError, match=r"lacks column\(s\) \['customer_id'\]"):
        check_transactions_frame(visits.rename(columns={"customer_id": "cust"}))


# --------------------------------------------------------------------------- #
# issue 15: transactions' category, customers' referred_by
# --------------------------------------------------------------------------- #
def test_category_is_text_and_referred_by_an_id():
    out = validate_transactions(tx(category=[" hair ", "nails", None, 3]))
    assert out["category"].tolist()[:2] == ["hair", "nails"] and out["category"].iloc[3] == "3"
    assert pd.isna(out["category"].iloc[2])
    customers = validate_customers(pd.DataFrame({"customer_id": ["1", "2", "3"], "referred_by": [None, 1.0, " 1 "]}))
    assert customers["referred_by"].isna().tolist() == [True, False, False]
    assert customers["referred_by"].tolist()[1:] == ["1", "1"]


def test_a_customer_cannot_refer_herself_and_a_referrer_is_an_id():
    raw = pd.DataFrame({"customer_id": ["1", "2", "3"], "referred_by": [None, 2.0, 1.5]})
    message = error_of(validate_customers, raw)
    assert "must not be the customer's own id; 1 row breaks it: row 2 (value '2')" in problem_line(
        message, "referred_by", "own id")
    assert "row 3 (value 1.5)" in problem_line(message, "referred_by", "must be an id")
