"""RFM from a customer table (issue 12, case 2): the same scores as a log with the same values."""

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError
from analysis.segmentation import (customer_overview, lifecycle_stages, rfm, rfm_from_customers, rfm_window,
                                   stages_unknown)
from analysis.window import Window

END = pd.Timestamp("2024-06-30")


def _log_and_customers(seed: int = 3, n: int = 300):
    """A log built so each customer has a known recency, purchase-day count and spend, and the same
    values as a customer table: brute force with known truth."""
    rng = np.random.default_rng(seed)
    rows, customers = [], []
    for i in range(n):
        freq = int(rng.integers(1, 8))
        recency = int(rng.integers(0, 400))
        days = END - pd.to_timedelta(recency + np.arange(freq) * 7, unit="D")
        amounts = rng.gamma(2.0, 20.0, size=freq).round(2)
        rows += [(f"c{i:03d}", d, a) for d, a in zip(days, amounts)]
        customers.append((f"c{i:03d}", recency, freq, amounts.sum(), days.min()))
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    table = pd.DataFrame(customers, columns=["customer_id", "recency_days", "frequency", "monetary",
                                             "acquisition_date"])
    return tx, table


def test_customer_level_scores_equal_those_of_the_log_with_the_same_values():
    tx, customers = _log_and_customers()
    rules = {"new_days": 30, "at_risk_days": 120, "lost_days": 300, "loyal_purchases": 4}
    from_log = rfm(tx, END, lifecycle=rules)
    from_table = rfm_from_customers(customers, END, lifecycle=rules)
    for column in ("recency_days", "frequency", "tenure_days", "r_score", "f_score", "m_score"):
        assert from_table[column].astype(float).tolist() == from_log[column].astype(float).tolist(), column
    assert from_table["rfm_cell"].tolist() == from_log["rfm_cell"].tolist()
    np.testing.assert_allclose(from_table["monetary"], from_log["monetary"], rtol=1e-12)  # sums of cents
    assert from_table["segment"].astype(str).tolist() == from_log["segment"].astype(str).tolist()


def test_without_spend_there_is_no_monetary_score_and_r_f_scores_stay():
    tx, customers = _log_and_customers()
    with_money = rfm_from_customers(customers, END)
    counts = rfm_from_customers(customers.drop(columns="monetary"), END)
    assert "m_score" not in counts.columns and "monetary" not in counts.columns
    assert counts["rfm_cell"].str.len().eq(2).all()
    assert (counts["r_score"] == with_money["r_score"]).all() and (counts["f_score"] == with_money["f_score"]).all()
    # the default map names by recency and frequency only, so the names agree too
    assert counts["segment"].astype(str).tolist() == with_money["segment"].astype(str).tolist()


def test_without_first_purchase_dates_new_cannot_be_told():
    _, customers = _log_and_customers()
    table = rfm_from_customers(customers.drop(columns="acquisition_date"), END)
    assert table["tenure_days"].isna().all()
    assert stages_unknown(table) == ("new",)
    assert (lifecycle_stages(table)["stage"] != "new").all()
    assert stages_unknown(rfm_from_customers(customers, END)) == ()
    assert rfm_from_customers(customers, None)["tenure_days"].isna().all()  # no end: no tenure


def test_a_study_with_neither_log_nor_rfm_columns_gets_a_clear_error():
    with pytest.raises(DataValidationError, match="recency_days and frequency"):
        rfm_window(None, pd.DataFrame({"customer_id": ["a"]}), Window())
    with pytest.raises(DataValidationError, match="recency_days and frequency"):
        rfm_window(None, None, Window())
    with pytest.raises(DataValidationError, match="recency_days"):
        rfm_from_customers(pd.DataFrame({"customer_id": ["a"], "frequency": [1]}))


def test_customer_overview_counts_and_means():
    _, customers = _log_and_customers()
    overview = customer_overview(customers)["value"]
    assert overview["customers"] == 300
    assert overview["mean_recency_days"] == pytest.approx(customers["recency_days"].mean())
    assert overview["total_monetary"] == pytest.approx(customers["monetary"].sum())
    assert "mean_monetary" not in customer_overview(customers.drop(columns="monetary")).index
