"""FrameData: a DataFrame behind the CustomerData interface; checks happen where they are needed."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.customerdata import FrameData
from analysis.errors import DataValidationError


def test_partial_tables_answer_what_they_can():
    ids_only = FrameData(pd.DataFrame({"customer_id": ["a", "a", "b"]}))
    assert ids_only.purchase_distribution()["customers"].tolist() == [1, 1]
    n_rows, missing, duplicates = ids_only.column_stats()
    assert (n_rows, missing.to_dict(), duplicates) == (3, {"customer_id": 0}, 1)
    with pytest.raises(DataValidationError, match="lacks column"):
        ids_only.customer_summary()
    with pytest.raises(DataValidationError, match="lacks column"):
        ids_only.rfm_values()


def test_profile_counts_problems_without_refusing_them():
    tx = pd.DataFrame({"customer_id": ["a", None, "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-03", None]),
                       "amount": [1.0, -2.0, None]})
    p = FrameData(tx).profile()
    assert (p["n_rows"], p["customers"], p["missing_ids"], p["missing_dates"], p["missing_amounts"],
            p["negative_amounts"]) == (3, 2, 1, 1, 1, 1)
    assert p["last_day"] == pd.Timestamp("2024-01-03")
    with pytest.raises(DataValidationError):
        FrameData(tx).customer_summary()


def test_empty_table_is_named():
    empty = FrameData(pd.DataFrame({"customer_id": pd.Series([], dtype="string"),
                                    "date": pd.Series([], dtype="datetime64[ns]"), "amount": []}))
    with pytest.raises(DataValidationError, match="empty"):
        empty.last_day()
    with pytest.raises(DataValidationError, match="empty"):
        empty.customer_summary()
    with pytest.raises(DataValidationError, match="empty"):
        empty.rfm_values()


def test_summary_frame_converts_aware_dates_to_the_zone():
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-06-30T20:00:00Z"]), "amount": [1.0]})
    assert FrameData(tx, timezone="Asia/Shanghai").summary_frame()["date"].iloc[0] == pd.Timestamp("2024-07-01 04:00")
    assert FrameData(tx, timezone="Asia/Shanghai").last_day() == pd.Timestamp("2024-07-01")


def test_summaries_and_rfm_values_refuse_negative_amounts_as_a_log_on_disk_does(tmp_path):
    from analysis.customerdata import customer_data

    tx = pd.DataFrame({"customer_id": ["a", "b", "c"], "date": pd.to_datetime(["2024-01-01"] * 3),
                       "amount": [5.0, -1.5, -2.0]})
    for call in (FrameData(tx).customer_summary, FrameData(tx).rfm_values):
        with pytest.raises(DataValidationError, match=r"2 negative amount\(s\): row 2 \(-1.5\), row 3 \(-2\)"):
            call()
    tx.to_parquet(tmp_path / "tx.parquet", index=False)
    with pytest.raises(DataValidationError, match="negative amount"):
        customer_data(tmp_path / "tx.parquet").rfm_values()


def test_count_only_frame_answers_without_money():
    """Issue 12: a DataFrame without amount (a visit log) gives counts and no money keys or columns;
    what needs money says so. Counts checked by hand: a buys on two days (three rows), b once."""
    visits = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                           "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-08", "2024-01-03"])})
    data = FrameData(visits)
    assert not data.has_amounts()
    profile = data.profile()
    assert (profile["n_rows"], profile["customers"]) == (4, 2) and "missing_amounts" not in profile
    summary = data.customer_summary("2024-01-10", time_unit="D")
    assert summary.to_dict("index") == {"a": {"frequency": 1, "recency": 7.0, "T": 9.0},
                                        "b": {"frequency": 0, "recency": 0.0, "T": 7.0}}
    rfm = data.rfm_values("2024-01-10", frequency="transactions")
    assert rfm.columns.tolist() == ["recency_days", "frequency", "tenure_days"]
    assert rfm["frequency"].tolist() == [3, 1]
    values = data.overview_values()
    assert values["transactions"] == 4 and "revenue" not in values and "mean_amount" not in values
    assert data.monthly().columns.tolist() == ["transactions", "active_customers"]
    assert data.daily_counts().columns.tolist() == ["transactions", "customers"]
    assert data.top_customers(1).to_dict("index") == {"a": {"transactions": 3}}
    assert [c["check"] for c in data.suspicious(pd.Timestamp("2024-01-10"))] == ["future_date", "duplicate_row"]
    assert data.sample_transactions(5, seed=2).columns.tolist() == ["customer_id", "date"]
    with pytest.raises(DataValidationError, match="no amount column in the transactions DataFrame.*count-only"):
        data.require_amounts("the customer's revenue")
    data.__class__(visits.assign(amount=1.0)).require_amounts("anything")  # a log with amounts passes
