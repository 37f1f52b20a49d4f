"""Data overview: each figure checked against a direct count on constructed data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.overview import (
    attribute_profile,
    missing_values,
    monthly_activity,
    purchases_per_customer,
    suspected_missing_codes,
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


# --------------------------------------------------------------------------- issue 12: real data
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
BANK = SHARED / "bank_marketing" / "bank-additional.csv"
GROCERY = SHARED / "grocery" / "groceryElog.csv"
needs = lambda path: pytest.mark.skipif(not path.exists(), reason=f"public data set not found at {path}")  # noqa: E731


@needs(BANK)
def test_bank_marketing_missing_codes_are_named_with_their_counts():
    """Before: notebook 00 reported "0 missing cells" on the UCI bank data. After: every 'unknown' column and
    pdays = 999 are named, each count equal to a direct pandas count on the raw file."""
    from analysis.schemas import validate_table

    raw = pd.read_csv(BANK, sep=";")
    table = validate_table("channel_outcomes", raw.rename(columns={"contact": "channel"}), binary_columns=["y"])
    assert table_overview({"channel_outcomes": table}).loc["channel_outcomes", "missing_cells"] == 0  # the old view
    codes = suspected_missing_codes({"channel_outcomes": table}).set_index("column")
    unknown = [c for c in raw.columns if raw[c].astype(str).eq("unknown").any()]
    assert sorted(codes.index[codes["code"] == "unknown"]) == sorted(unknown)
    for column in unknown:
        assert codes.loc[column, "n_rows"] == (raw[column] == "unknown").sum()
    assert codes.loc["pdays", "code"] == "999" and codes.loc["pdays", "n_rows"] == (raw["pdays"] == 999).sum()
    # a number that is a plausible value is not a code: no age 99 flag, no 'campaign' flag, no 'previous' flag
    assert not {"age", "campaign", "previous", "duration"} & set(codes.index)
    profile = attribute_profile(table)
    assert profile.loc["age", "median"] == raw["age"].median()
    assert profile.loc["job", "distinct"] == raw["job"].nunique()
    assert profile.loc["job", "top_values"].startswith(f"{raw['job'].value_counts().index[0]} (")


def test_declared_codes_are_missing_and_no_longer_suspected():
    df = pd.DataFrame({"customer_id": list("abcd"), "pdays": [None, 3.0, None, 6.0],  # 999 declared: missing
                       "job": ["admin", None, "admin", "x"], "age": [-1, 30, 45, 60]})
    codes = suspected_missing_codes({"customers": df})
    assert codes[["column", "code"]].values.tolist() == [["age", "-1"]]  # -1 stands out among ages >= 0
    profile = attribute_profile(df)
    assert profile.loc["pdays", "n_missing"] == 2 and profile.loc["job", "n_missing"] == 1
    assert profile.loc["pdays", "max"] == 6.0 and profile.loc["job", "kind"] == "text"


@needs(GROCERY)
def test_count_only_grocery_log_is_described_by_counts_and_purchase_days():
    from analysis.schemas import validate_table

    raw = pd.read_csv(GROCERY)
    tx = validate_table("transactions", raw.rename(columns={"cust": "customer_id"}))
    ov = transaction_overview(tx)["value"]
    assert "revenue" not in ov.index and "mean_amount" not in ov.index
    assert ov["transactions"] == len(raw) == 10483 and ov["customers"] == raw["cust"].nunique() == 1525
    assert ov["purchase_days"] == len(raw.drop_duplicates(["cust", "date"]))  # PROVENANCE: no duplicate cust-days
    monthly = monthly_activity(tx)
    assert "revenue" not in monthly.columns and monthly["transactions"].sum() == len(raw)
    fig = plot_monthly_activity(monthly)
    assert fig.axes[0].get_title() == "Monthly transactions and active customers"
    assert "Revenue" not in fig.axes[0].get_ylabel()


@needs(BANK)
@pytest.mark.slow
def test_notebook_00_on_bank_marketing_names_the_codes_and_verifies(tmp_path):
    """The notebook as a user runs it: a study of the raw bank file without `missing_codes:`."""
    import json

    from click.testing import CliRunner

    from analysis.findings import verify_outputs
    from analysis.report.cli import main

    root = Path(__file__).resolve().parents[1]
    study = tmp_path / "bank.yaml"
    study.write_text(
        f"name: bank\ntitle: UCI bank marketing\nallowed_roots: [{BANK.parent.resolve()}]\n"
        f"data:\n  channel_outcomes:\n    path: {BANK.resolve()}\n    sep: ';'\n    columns: {{channel: contact}}\n"
        "    options: {binary_columns: [y]}\nnotebooks:\n  00_data_overview: {}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--study", str(study), "--notebook", "00_data_overview", "--force",
                                       "--reports-dir", str(tmp_path / "reports"),
                                       "--notebooks-dir", str(root / "notebooks")])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "reports" / "bank" / "00_data_overview"
    assert verify_outputs(folder) == []
    raw = pd.read_csv(BANK, sep=";")
    codes = pd.read_csv(folder / "tables" / "missing_code_suspects.csv").set_index("column")
    assert codes.loc["pdays", "n_rows"] == (raw["pdays"] == 999).sum() == 3959
    assert codes.loc["job", "n_rows"] == (raw["job"] == "unknown").sum()
    checks = json.loads((folder / "findings.json").read_text())["checks"]
    text = checks["missing_codes"]["text"] if isinstance(checks["missing_codes"], dict) else checks["missing_codes"]
    assert "pdays" in text and "job" in text and "missing_codes:" in text


def test_identifiers_get_no_top_values_and_categorical_codes_are_found():
    df = pd.DataFrame({"customer_id": ["a", "b", "c"], "job": pd.Categorical(["x", "Unknown", "x"])})
    profile = attribute_profile(df)
    assert profile.loc["customer_id", "top_values"] == "" and profile.loc["customer_id", "distinct"] == 3
    assert profile.loc["job", "top_values"] == "x (2), Unknown (1)"
    assert suspected_missing_codes({"customers": df})[["column", "code", "n_rows"]].values.tolist() == [
        ["job", "Unknown", 1]]
