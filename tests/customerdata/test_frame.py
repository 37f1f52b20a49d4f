"""The pandas reference computations of analysis.customerdata.frame, against hand counts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.customerdata import frame as f
from analysis.errors import ParameterError


@pytest.fixture
def tx() -> pd.DataFrame:
    return pd.DataFrame({
        "customer_id": pd.array(["a", "a", "a", "b", "c", "c"], dtype="string"),
        "date": pd.to_datetime(["2024-01-01 08:00", "2024-01-01 20:00", "2024-01-10", "2024-01-05"] + [
                                "2024-01-20", "2024-02-02"], format="ISO8601"),
        "amount": [1.0, 2.0, 4.0, 8.0, 16.0, 0.0],
    })


def test_summary_by_hand(tx):
    out = f.summarise_frame(tx, pd.Timestamp("2024-01-31"), 1.0, "D")
    assert out.loc["a"].tolist() == [1, 9.0, 30.0, 4.0]  # two purchase days; the repeat one is worth 4
    assert out.loc["b"].tolist() == [0, 0.0, 26.0, 0.0]
    assert out.loc["c"].tolist() == [0, 0.0, 11.0, 0.0]  # the purchase after the end is ignored
    assert f.summarise_frame(tx, pd.Timestamp("2023-12-31"), 1.0, "D").empty


def test_rfm_values_by_hand(tx):
    out = f.rfm_values_frame(tx, pd.Timestamp("2024-01-31"), "days")
    assert out.loc["a"].tolist() == [21, 2, 7.0, 30]
    assert f.rfm_values_frame(tx, pd.Timestamp("2024-01-31"), "transactions").loc["a", "frequency"] == 3
    assert f.rfm_values_frame(tx, None, "days").loc["c"].tolist() == [0, 2, 16.0, 13]  # default: last day
    with pytest.raises(ParameterError, match="observation_end=2023-12-01"):
        f.rfm_values_frame(tx, pd.Timestamp("2023-12-01"), "days")


def test_rfm_columns_by_hand(tx):
    out = f.rfm_columns_frame(tx, pd.Timestamp("2024-01-31"), "D")
    assert out.loc["a"].tolist() == [2, 7.0, 21]


def test_cohort_days_by_hand(tx):
    out = f.cohort_days_frame(tx, pd.Timestamp("2024-01-06"), pd.Timestamp("2024-02-28")).set_index("day")
    assert out["n_first"].to_dict() == {pd.Timestamp("2024-01-01"): 1, pd.Timestamp("2024-01-05"): 1,
                                        pd.Timestamp("2024-01-10"): 0}
    assert out["n_repeat"].sum() == 1  # c joined after calibration_end: not in the cohort
    assert out.index.dtype == "datetime64[ns]"


def test_daily_counts_and_suspicious_rows(tx):
    daily = f.daily_counts_frame(tx)
    assert daily.loc[pd.Timestamp("2024-01-01")].tolist() == [2, 3.0, 1]
    rows = {r["check"]: r for r in f.suspicious_frame(tx, pd.Timestamp("2024-01-31"))}
    assert rows["non_positive_amount"]["n_rows"] == 1 and rows["non_positive_amount"]["examples"] == "row 6: 0.0"
    assert rows["future_date"]["n_rows"] == 1 and rows["future_date"]["total"] == 6
    assert rows["duplicate_row"]["n_rows"] == 0
