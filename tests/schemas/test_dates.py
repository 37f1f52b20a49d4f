"""Day or month first: decided from the whole column, never by a few values (issue 14, case 4).

Each test builds the column by hand, so the expected dates and row numbers are
known without running the parser.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.schemas import validate_customers, validate_transactions


def _tx(dates: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["a"] * len(dates), "date": dates, "amount": 1.0})


def _error(dates: list[str], **options) -> str:
    with pytest.raises(DataValidationError) as info:
        validate_transactions(_tx(dates), **options)
    return str(info.value)


def _month_first_days_up_to_12(n: int) -> list[pd.Timestamp]:
    """*n* dates of 2023 whose day is at most 12 and differs from the month (so both readings differ)."""
    days = [d for d in pd.date_range("2023-01-01", "2023-12-31") if d.day <= 12 and d.day != d.month]
    return [days[i % len(days)] for i in range(n)]


def test_one_typo_does_not_swap_990_month_first_dates():
    dates = _month_first_days_up_to_12(990)
    text = [d.strftime("%m/%d/%Y") for d in dates]
    text.insert(500, "13/01/2023")  # the typo: row 501
    message = _error(text)
    assert message.count("\n  - ") == 1  # one problem; the other rows are not reported again as missing
    line = message.splitlines()[1]
    assert "column 'date': must show whether the day or the month comes first" in line
    assert "only 1 of the 991 rows" in line and "other 990" in line
    assert "1 row breaks it: row 501 (value '13/01/2023')" in line
    assert "date_format='%d/%m/%Y' (day first) or '%m/%d/%Y' (month first)" in line
    # the explicit format is followed: the 990 dates are read month first and the typo is named
    with pytest.raises(DataValidationError, match=r"must be a date written as '%m/%d/%Y'; 1 row breaks it: "
                                                  r"row 501 \(value '13/01/2023'\)"):
        validate_transactions(_tx(text), date_format="%m/%d/%Y")
    fixed = validate_transactions(_tx(text[:500] + text[501:]), date_format="%m/%d/%Y")
    assert fixed["date"].tolist() == dates


def test_a_few_month_first_rows_among_many_are_named_too():
    text = [d.strftime("%d-%m-%Y") for d in _month_first_days_up_to_12(30)] + ["01-13-2024", "02-20-2024"]
    line = _error(text).splitlines()[1]
    assert "only 2 of the 32 rows written DD-MM-YYYY or MM-DD-YYYY" in line and "month first only" in line
    assert "rows 31, 32 (values '01-13-2024', '02-20-2024')" in line


@pytest.mark.parametrize(("one_way", "either", "decided"), [(25, 75, True), (24, 76, False), (1, 1, True)])
def test_a_quarter_of_the_rows_decides_the_order(one_way, either, decided):
    """25 day-first-only rows of 100 decide; 24 do not (the rows that read the same either way do not count)."""
    day_first_only = [f"{13 + i % 15:02d}/03/2024" for i in range(one_way)]  # 13..27 March
    ambiguous = [f"0{1 + i % 2}/0{4 + i % 5}/2024" for i in range(either)]  # 1 or 2 April..August
    same = ["05/05/2024"] * 10
    text = day_first_only + ambiguous + same
    if decided:
        out = validate_transactions(_tx(text))
        expected = [pd.Timestamp(2024, 3, 13 + i % 15) for i in range(one_way)]
        expected += [pd.Timestamp(2024, 4 + i % 5, 1 + i % 2) for i in range(either)]
        assert out["date"].tolist() == expected + [pd.Timestamp("2024-05-05")] * 10
    else:
        line = _error(text).splitlines()[1]
        assert f"only {one_way} of the {one_way + either} rows" in line and "day first only" in line


def test_a_real_day_first_column_is_still_read_from_the_data():
    rng = np.random.default_rng(14)
    dates = list(pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 730, 300), "D"))
    out = validate_transactions(_tx([d.strftime("%d/%m/%Y") for d in dates]))
    assert out["date"].tolist() == dates


def test_values_that_read_the_same_either_way_need_no_decision():
    out = validate_transactions(_tx(["03/03/2024", "11/11/2024", "03/03/2024"]))
    assert out["date"].tolist() == [pd.Timestamp("2024-03-03"), pd.Timestamp("2024-11-11"), pd.Timestamp("2024-03-03")]


def test_every_date_column_follows_the_rule():
    days = _month_first_days_up_to_12(40)
    customers = pd.DataFrame({"customer_id": [f"c{i}" for i in range(41)],
                              "acquisition_date": [d.strftime("%m/%d/%Y") for d in days] + ["31/01/2024"]})
    with pytest.raises(DataValidationError, match=r"column 'acquisition_date': must show whether the day.*row 41"):
        validate_customers(customers)


@pytest.mark.parametrize("date_format", ["%Q", "%", "%Y-%m-%d%", 5])
def test_a_date_format_pandas_cannot_read_names_the_option(date_format):
    """Found by the property tests: '%Q' raised pandas' ValueError, '%' an IndexError inside strptime."""
    with pytest.raises(ParameterError, match=r"date_format .*(not a date format|must be text).*'%d/%m/%Y'"):
        validate_transactions(_tx(["2024-03-01"]), date_format=date_format)
