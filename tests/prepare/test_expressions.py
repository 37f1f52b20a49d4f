"""The expression language of derive: expr and filter: every element against pandas, every refusal named."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from analysis.errors import StudyConfigError
from analysis.prepare import parse_expression
from analysis.prepare.expressions import MAX_CHARS, MAX_NODES

KEY = "s.yaml: data.survey.filter"


@pytest.fixture()
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "a": [1, 2, 3, 4],
        "b": [0.5, np.nan, 2.0, -1.0],
        "job": ["admin.", "services", None, "student"],
        "emp.var.rate": [1.1, -1.8, 0.0, 1.4],
        "flag": [True, False, True, False],
    })


def run(text: str, frame: pd.DataFrame) -> pd.Series:
    return parse_expression(text, KEY, frame.columns).evaluate(frame)


def test_arithmetic_matches_pandas(frame):
    a, b = frame["a"], frame["b"]
    pd.testing.assert_series_equal(run("a * 2 + b", frame), a * 2 + b, check_names=False)
    pd.testing.assert_series_equal(run("-a ** 2 // 3 % 2", frame), -a ** 2 // 3 % 2, check_names=False)
    pd.testing.assert_series_equal(run("a / (b - 0.5)", frame), a / (b - 0.5), check_names=False)
    assert run("a + 1", frame).dtype == np.int64  # integers stay integers, as in pandas


def test_functions_match_numpy(frame):
    b = frame["b"]
    pd.testing.assert_series_equal(run("sqrt(abs(b)) + log(exp(b))", frame), np.sqrt(b.abs()) + b,
                                   check_names=False, rtol=1e-12)
    pd.testing.assert_series_equal(run("round(b / 3, 2)", frame), (b / 3).round(2), check_names=False)
    assert run("isna(b)", frame).tolist() == [False, True, False, False]
    assert run("notna(job)", frame).tolist() == [True, True, False, True]
    assert run('col("emp.var.rate") * 10', frame).tolist() == pytest.approx([11.0, -18.0, 0.0, 14.0])
    assert run("where(a > 2, a, -a)", frame).tolist() == [-1, -2, 3, 4]


def test_a_comparison_with_a_missing_value_is_missing_not_false(frame):
    result = run("b > 0", frame)
    assert result.dtype == "boolean" and result.isna().tolist() == [False, True, False, False]
    assert run("job != 'student'", frame).tolist()[:2] == [True, True] and run("job != 'student'", frame).isna()[2]
    # three-valued logic: False and missing is false, True or missing is true
    assert run("a > 3 and b > 0", frame).tolist()[1] is False
    assert run("a < 3 or b > 0", frame).tolist()[1] is True
    assert run("not (b > 0)", frame).tolist() == [False, pd.NA, False, True]


def test_chained_comparisons_and_membership(frame):
    assert run("1 < a <= 3", frame).tolist() == [False, True, True, False]
    assert run("job in ['admin.', 'student']", frame).tolist() == [True, False, pd.NA, True]
    assert run("job not in ['admin.']", frame).tolist() == [False, True, pd.NA, True]
    assert run("a in [1, 4]", frame).tolist() == [True, False, False, True]
    assert run("flag and a > 1", frame).tolist() == [False, False, True, False]


def test_a_constant_is_spread_over_the_rows(frame):
    assert run("2 + 3", frame).tolist() == [5, 5, 5, 5]


@pytest.mark.parametrize("text, names", [
    ("__import__('os').system('echo hi')", "'Attribute'"),
    ("().__class__.__bases__[0].__subclasses__()", "'Attribute'"),
    ("a.real", "'Attribute'"),
    ("a[0]", "'Subscript'"),
    ("lambda: 1", "'Lambda'"),
    ("[x for x in a]", "'ListComp'"),
    ("(y := 1)", "'NamedExpr'"),
    ("f'{a}'", "'JoinedStr'"),
    ("a if b else 1", "'IfExp'"),
    ("{1: 2}", "'Dict'"),
    ("a is None", "'Is'"),
    ("a & 1", "'BitAnd'"),
    ("~a", "'Invert'"),
    ("...", "Ellipsis"),
    ("b'x' == a", "b'x'"),
])
def test_anything_outside_the_language_is_refused_by_name(frame, text, names):
    with pytest.raises(StudyConfigError) as info:
        parse_expression(text, KEY, [*frame.columns, "x"])
    message = str(info.value)
    assert message.startswith(KEY + ":") and names in message
    assert "where(condition, a, b)" in message  # the message lists what is allowed


@pytest.mark.parametrize("text, part", [
    ("open('x', 'w')", "the function 'open' is not available"),
    ("exec('1')", "the function 'exec' is not available"),
    ("eval('1')", "the function 'eval' is not available"),
    ("sqr(a)", "did you mean 'sqrt'?"),
    ("round(a, ndigits=2)", "round() takes 1 to 2 arguments"),
    ("round(a, b)", "digits as a whole number"),
    ("abs(*a)", "abs() takes 1 argument(s)"),
    ("col(job)", "col() takes one column name in quotes"),
    ("a in b", "'in' and 'not in' need a list"),
    ("a in [b]", "'in' and 'not in' need a list"),
    ("1 < a in [1]", "cannot be chained"),
    ("agee > 3", "column 'agee' is not in the file"),
    ("col('nope') > 1", "column 'nope' is not in the file"),
    ("a >", "not a valid expression"),
    ("", "expected an expression as text"),
])
def test_refusals_say_what_is_wrong(frame, text, part):
    with pytest.raises(StudyConfigError, match=None) as info:
        parse_expression(text, KEY, frame.columns)
    assert part in str(info.value)


def test_a_misspelt_column_gets_the_closest_one():
    with pytest.raises(StudyConfigError, match="did you mean 'age'"):
        parse_expression("agee >= 18", KEY, ["age", "job"])


def test_non_text_is_refused():
    with pytest.raises(StudyConfigError, match="expected an expression as text"):
        parse_expression(18, KEY)


def test_size_limits():
    long_text = "a + " * (MAX_CHARS // 4) + "a"
    with pytest.raises(StudyConfigError, match=f"at most {MAX_CHARS} are allowed"):
        parse_expression(long_text, KEY, ["a"])
    many = " + ".join(["a"] * 60)  # under 500 characters, more than 100 nodes
    assert len(many) <= MAX_CHARS
    with pytest.raises(StudyConfigError, match=f"at most {MAX_NODES} are allowed"):
        parse_expression(many, KEY, ["a"])
    with pytest.raises(StudyConfigError, match="not a valid expression"):
        parse_expression("(" * 201 + "a" + ")" * 201, KEY, ["a"])  # Python's parser: 200 at most


def test_huge_powers_end_at_once():
    started = time.perf_counter()
    value = parse_expression("10 ** 10 ** 10 + 9 ** 9 ** 9", KEY).evaluate(pd.DataFrame({"a": [1]}))
    assert time.perf_counter() - started < 1.0 and len(value) == 1


def test_text_in_arithmetic_is_an_error_naming_the_column(frame):
    with pytest.raises(StudyConfigError, match="arithmetic needs numbers, but column 'job' holds text"):
        run("job * 1000000", frame)


def test_comparing_text_with_numbers_is_an_error(frame):
    with pytest.raises(StudyConfigError, match="cannot compare"):
        run("job < 3", frame)


def test_a_negative_integer_power_is_an_error_not_a_traceback(frame):
    with pytest.raises(StudyConfigError, match="cannot be computed on this data"):
        run("a ** -1", frame)


def test_a_condition_over_numbers_is_refused(frame):
    with pytest.raises(StudyConfigError, match="expected a condition"):
        run("a and b > 0", frame)


def test_columns_read_are_listed():
    assert parse_expression("a + col('x y') > b", KEY).columns == {"a", "x y", "b"}


def test_row_number_gives_a_survey_without_ids_its_file_rows(frame):
    """Issue 12: R's swiss data (and many survey exports) have no respondent id; `derive: {respondent_id:
    {expr: "row_number()"}}` numbers the file's rows from 1, as the validators' messages do."""
    shifted = frame.set_axis([10, 11, 12, 13])
    assert run("row_number()", shifted).tolist() == [1, 2, 3, 4]
    assert run("row_number()", shifted).index.tolist() == [10, 11, 12, 13]
    with pytest.raises(StudyConfigError, match=r"row_number\(\) takes 0 argument\(s\)"):
        run("row_number(a)", frame)
