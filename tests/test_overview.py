"""Data overview: each figure checked against a direct count on constructed data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.overview import (
    missing_values,
    monthly_activity,
    purchases_per_customer,
    suspicious_values,
    table_overview,
    transaction_overview,
)
from analysis.plots.overview import (
    plot_amounts,
    plot_missing,
    plot_monthly_activity,
    plot_purchases_per_customer,
)


@pytest.fixture
def log() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 500
    return pd.DataFrame({
        "customer_id": rng.integers(0, 80, n).astype(str),
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D"),
        "amount": rng.lognormal(3, 0.5, n).round(2),
    })


def test_overview_counts_match_direct_computation(log):
    ov = transaction_overview(log)["value"]
    per_customer = {c: (log.customer_id == c).sum() for c in log.customer_id.unique()}
    assert ov["customers"] == len(per_customer)
    assert ov["transactions"] == 500
    assert ov["revenue"] == pytest.approx(sum(log.amount))
    assert ov["share_one_time_buyers"] == pytest.approx(
        sum(v == 1 for v in per_customer.values()) / len(per_customer))
    assert ov["median_purchases_per_customer"] == np.median(list(per_customer.values()))


def test_purchase_distribution_adds_up(log):
    dist = purchases_per_customer(log)
    assert dist["customers"].sum() == log.customer_id.nunique()
    assert (dist["purchases"] * dist["customers"]).sum() == len(log)
    assert dist["cumulative_share"].iloc[-1] == pytest.approx(1.0)


def test_monthly_activity_matches_loop(log):
    monthly = monthly_activity(log).set_index("month")
    for month, row in monthly.iterrows():
        in_month = log[(log.date.dt.year == month.year) & (log.date.dt.month == month.month)]
        assert row["transactions"] == len(in_month)
        assert row["revenue"] == pytest.approx(in_month.amount.sum())
        assert row["active_customers"] == in_month.customer_id.nunique()


def test_suspicious_values_flags_exactly_the_planted_rows(log):
    planted = pd.concat([log, log.iloc[[0]]], ignore_index=True)  # one duplicate (row 501)
    planted.loc[10, "amount"] = 0.0
    planted.loc[20, "amount"] = 1e6
    planted.loc[30, "date"] = pd.Timestamp("2031-01-01")
    checks = suspicious_values(planted, observation_end="2024-12-31").set_index("check")
    assert checks.loc["non_positive_amount", "n_rows"] == 1
    assert "row 11: 0.0" in checks.loc["non_positive_amount", "examples"]
    assert checks.loc["extreme_amount", "n_rows"] == 1
    assert "row 21" in checks.loc["extreme_amount", "examples"]
    assert checks.loc["future_date", "n_rows"] == 1
    assert checks.loc["duplicate_row", "n_rows"] == 1
    assert "row 501" in checks.loc["duplicate_row", "examples"]


def test_clean_log_reports_clean(log):
    checks = suspicious_values(log, "2030-01-01")
    assert checks.loc[checks.check != "extreme_amount", "n_rows"].sum() == 0


def test_table_and_missing_overview():
    tables = {"a": pd.DataFrame({"x": [1.0, np.nan, 3.0], "y": ["p", "q", None]}),
              "b": pd.DataFrame({"z": [1, 1]})}
    t = table_overview(tables)
    assert t.loc["a", "missing_cells"] == 2 and t.loc["a", "share_missing"] == pytest.approx(2 / 6)
    assert t.loc["b", "duplicate_rows"] == 1
    m = missing_values(tables)
    assert m.iloc[0]["n_missing"] == 1 and set(m["column"]) == {"x", "y", "z"}


def test_figures_have_titles_and_labels(log):
    figs = [
        plot_purchases_per_customer(purchases_per_customer(log)),
        plot_amounts(log),
        plot_monthly_activity(monthly_activity(log)),
        plot_missing(missing_values({"t": log.assign(amount=log.amount.where(log.index > 5))})),
    ]
    for fig in figs:
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        # shown as an image in notebooks whatever the matplotlib backend
        assert fig._repr_png_().startswith(b"\x89PNG\r\n\x1a\n")


def test_default_observation_end_is_the_last_transaction_not_today(log):
    """Issue 11: no observation_end means the day of the last transaction everywhere (was: today)."""
    planted = pd.concat([log, pd.DataFrame({"customer_id": ["x"], "date": [pd.Timestamp("2031-05-01 10:00")],
                                            "amount": [5.0]})], ignore_index=True)
    default = suspicious_values(planted).set_index("check")
    assert default.loc["future_date", "n_rows"] == 0  # the latest purchase defines the end
    explicit = suspicious_values(planted, "2024-12-31").set_index("check")
    assert explicit.loc["future_date", "n_rows"] == 1
    pd.testing.assert_frame_equal(default, suspicious_values(planted, "2031-05-01").set_index("check"))


def test_overview_of_a_log_on_disk_equals_the_frame(log, tmp_path):
    from analysis.customerdata import customer_data

    path = tmp_path / "tx.parquet"
    log.to_parquet(path, index=False)
    disk = customer_data(str(path))
    pd.testing.assert_frame_equal(purchases_per_customer(log), purchases_per_customer(disk))
    pd.testing.assert_frame_equal(monthly_activity(log), monthly_activity(disk), check_exact=False, rtol=1e-12)
    a, b = transaction_overview(log)["value"], transaction_overview(disk)["value"]
    for key in a.index:
        assert a[key] == pytest.approx(b[key], rel=1e-12) if isinstance(a[key], float) else a[key] == b[key]
    cols = ["check", "column", "n_rows", "share_rows"]
    pd.testing.assert_frame_equal(suspicious_values(log)[cols], suspicious_values(disk)[cols])
    assert table_overview({"transactions": log}).equals(table_overview({"transactions": disk}))


def test_money_axes_name_the_studys_currency(log):
    """Issue 13, case 22: CDNOW's amounts are US dollars, not "currency units"."""
    amounts = plot_amounts(log, currency="US dollars").axes[0].get_xlabel()
    revenue = plot_monthly_activity(monthly_activity(log), currency="US dollars").axes[0].get_ylabel()
    assert amounts == "Amount per transaction (US dollars, log scale)" and revenue == "Revenue (US dollars)"
    assert "currency units" in plot_amounts(log).axes[0].get_xlabel()
