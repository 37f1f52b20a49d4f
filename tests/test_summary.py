"""Per-customer summary: checked against the published CDNOW calibration summary
and against a brute-force loop written independently of the vectorised code."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.summary import calibration_holdout_summary, customer_summary

CDNOW = Path(__file__).resolve().parents[1] / "data" / "cdnow"


def _read_cdnow_sample_raw() -> pd.DataFrame:
    """The sample file parsed here with plain pandas, independent of analysis.io."""
    raw = pd.read_csv(
        CDNOW / "CDNOW_sample.txt", sep=r"\s+", header=None,
        names=["master_id", "sample_id", "date", "quantity", "amount"],
        dtype={"master_id": str, "sample_id": str, "date": str},
    )
    return pd.DataFrame({
        "customer_id": raw["sample_id"].astype(int).astype(str),
        "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
        "amount": raw["amount"].astype(float),
    })


def test_reproduces_published_cdnow_calibration_summary():
    # Fader, Hardie & Lee's CDNOW sample summary: x, t_x, T in weeks, zbar, rounded
    # to 2 decimals in the file, so we compare after rounding to 2 decimals.
    # The file rounds halves up (22.345 -> 22.35), so we round ours the same way; the
    # 1e-9 guards against a half stored as ...4999999 in binary floating point.
    expected = pd.read_csv(CDNOW / "cdnow_customers_summary_with_transactions.csv")
    expected.index = expected["ID"].astype(str)
    got = customer_summary(_read_cdnow_sample_raw(), "1997-09-30", time_unit="W")
    assert len(got) == 2357
    got = got.loc[expected.index]
    assert (got["frequency"].to_numpy() == expected["x"].to_numpy()).all()
    for ours, theirs in [("recency", "t_x"), ("T", "T"), ("monetary_value", "zbar")]:
        rounded = np.floor(got[ours].to_numpy() * 100 + 0.5 + 1e-9) / 100
        diff = np.abs(rounded - expected[theirs].to_numpy())
        assert diff.max() < 1e-9, f"{ours} differs from {theirs} by up to {diff.max()}"


def _brute_force(tx: pd.DataFrame, end: pd.Timestamp, unit: float) -> dict:
    """Row-by-row reference: for each customer, collect daily totals in a dict."""
    out = {}
    for row in tx.itertuples():
        if row.date.normalize() > end:
            continue
        days = out.setdefault(row.customer_id, {})
        day = row.date.normalize()
        days[day] = days.get(day, 0.0) + row.amount
    result = {}
    for cid, days in out.items():
        ordered = sorted(days)
        repeat_amounts = [days[d] for d in ordered[1:]]
        result[cid] = (
            len(ordered) - 1,
            (ordered[-1] - ordered[0]).days / unit,
            (end - ordered[0]).days / unit,
            sum(repeat_amounts) / len(repeat_amounts) if repeat_amounts else 0.0,
        )
    return result


@pytest.fixture
def random_log() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 3000
    base = pd.Timestamp("2023-01-01")
    return pd.DataFrame({
        "customer_id": rng.integers(0, 400, n).astype(str),
        "date": base + pd.to_timedelta(rng.integers(0, 365 * 24, n), unit="h"),
        "amount": rng.gamma(2.0, 20.0, n).round(2),
    })


@pytest.mark.parametrize("unit,unit_days", [("D", 1.0), ("W", 7.0)])
def test_matches_brute_force(random_log, unit, unit_days):
    end = pd.Timestamp("2023-10-31")
    got = customer_summary(random_log, end, time_unit=unit)
    ref = _brute_force(random_log, end, unit_days)
    assert set(got.index) == set(ref)
    for cid, (f, r, t, m) in ref.items():
        row = got.loc[cid]
        assert row["frequency"] == f
        assert row["recency"] == pytest.approx(r, abs=1e-12)
        assert row["T"] == pytest.approx(t, abs=1e-12)
        assert row["monetary_value"] == pytest.approx(m, rel=1e-12)


def test_calibration_holdout_matches_brute_force(random_log):
    cal_end, obs_end = pd.Timestamp("2023-08-31"), pd.Timestamp("2023-12-31")
    got = calibration_holdout_summary(random_log, cal_end, obs_end, time_unit="D")
    ref_cal = _brute_force(random_log, cal_end, 1.0)
    ref_all = _brute_force(random_log, obs_end, 1.0)
    assert set(got.index) == set(ref_cal)
    assert (got["duration_holdout"] == 122.0).all()
    for cid in ref_cal:
        days = random_log.loc[(random_log.customer_id == cid)
                              & (random_log.date.dt.normalize() > cal_end)]
        daily = days.groupby(days.date.dt.normalize())["amount"].sum()
        assert got.loc[cid, "frequency_holdout"] == len(daily)
        assert got.loc[cid, "monetary_value_holdout"] == pytest.approx(
            daily.mean() if len(daily) else 0.0, rel=1e-12)
        # calibration + holdout periods add up to the full-window count
        assert ref_cal[cid][0] + len(daily) == ref_all[cid][0]


def test_edge_cases_same_day_boundary_and_after_end():
    tx = pd.DataFrame({
        "customer_id": ["a", "a", "a", "a", "b"],
        "date": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 17:00", "2024-01-31 23:59",
                                "2024-02-01 00:00", "2024-02-02 00:00"]),
        "amount": [1.0, 2.0, 4.0, 8.0, 16.0],
    })
    s = customer_summary(tx, "2024-01-31", time_unit="D")
    # same-day purchases combine, a purchase late on the end day counts, later ones do not
    assert list(s.index) == ["a"]
    assert s.loc["a"].tolist() == [1, 30.0, 30.0, 4.0]
    # weekly combining: 2024-01-01 is a Monday; the 31st falls in another week
    w = customer_summary(tx, "2024-02-04", time_unit="W", period="W")
    assert w.loc["a", "frequency"] == 1 and w.loc["b", "frequency"] == 0


def test_customer_ids_are_strings_and_sorted():
    tx = pd.DataFrame({"customer_id": ["10", "9"], "date": pd.to_datetime(["2024-01-02", "2024-01-01"]),
                       "amount": [1.0, 1.0]})
    s = customer_summary(tx, "2024-01-05")
    assert list(s.index) == ["10", "9"]
    assert pd.api.types.is_string_dtype(s.index)


@pytest.mark.parametrize(
    "kwargs,message",
    [({"time_unit": "M"}, "time_unit"), ({"period": "H"}, "period"),
     ({"observation_end": "not a date"}, "observation_end"),
     ({"observation_end": "1990-01-01"}, "No purchase")],
)
def test_bad_parameters_are_named(kwargs, message):
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]})
    with pytest.raises(ParameterError, match=message):
        customer_summary(tx, **kwargs)


def test_missing_column_and_unparsed_dates_are_named():
    with pytest.raises(DataValidationError, match="customer_id"):
        customer_summary(pd.DataFrame({"cust": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]}))
    with pytest.raises(DataValidationError, match="datetime64"):
        customer_summary(pd.DataFrame({"customer_id": ["a"], "date": ["2024-01-01"], "amount": [1.0]}))


def test_holdout_must_follow_calibration():
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]})
    with pytest.raises(ParameterError, match="after calibration_end"):
        calibration_holdout_summary(tx, "2024-02-01", "2024-01-15")


def test_count_only_summary_equals_brute_force_without_money_columns():
    """Issue 12: a log without amounts (visits) gives frequency, recency and T equal to a loop written
    here over the rows (exact: whole days / 7), and no money column, in pandas and in DuckDB."""
    rng = np.random.default_rng(5)
    n = 600
    visits = pd.DataFrame({"customer_id": rng.integers(0, 80, n).astype(str),
                           "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")})
    end = pd.Timestamp("2024-09-30")
    expected = {}
    for cid, rows in visits.groupby("customer_id"):
        days = sorted({d for d in rows["date"] if d <= end})
        if days:
            expected[cid] = {"frequency": len(days) - 1, "recency": (days[-1] - days[0]).days / 7,
                             "T": (end - days[0]).days / 7}
    for engine in ("pandas", "duckdb"):
        out = customer_summary(visits, end, engine=engine)
        assert out.columns.tolist() == ["frequency", "recency", "T"], engine
        assert out.to_dict("index") == expected, engine
    split = calibration_holdout_summary(visits, "2024-06-30", end)
    assert split.columns.tolist() == ["frequency", "recency", "T", "frequency_holdout", "duration_holdout"]
    rfm = customer_summary(visits, end, rfm_columns=True)
    assert "total_amount" not in rfm.columns and "n_periods" in rfm.columns
    from analysis.summary import grouped_customer_summary

    grouped = grouped_customer_summary(visits, end, engine="duckdb")
    assert int(grouped["weight"].sum()) == len(expected)
    with pytest.raises(DataValidationError, match="count-only log"):
        grouped_customer_summary(visits, end, columns=("frequency", "monetary_value"))


def test_count_only_grocery_log_matches_its_documented_counts():
    """The public grocery log: 10,483 events of 1,525 customers, 3,389 of them in 2007 (PROVENANCE.md);
    frequency, recency and T equal a direct pandas computation."""
    from log_cases import direct_counts, grocery_log

    rows = grocery_log()
    split = calibration_holdout_summary(rows, "2006-12-31", "2007-12-30")
    assert len(split) == 1_525 and int(split["frequency_holdout"].sum()) == 3_389
    assert int((split["frequency"] + 1).sum()) == 10_483 - 3_389
    pd.testing.assert_frame_equal(customer_summary(rows, "2007-12-30"), direct_counts(rows, "2007-12-30"),
                                  check_dtype=False, rtol=0, atol=1e-12)
