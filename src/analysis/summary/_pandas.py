"""The in-memory (pandas) summary: the reference the SQL engines are tested against."""

from __future__ import annotations

import pandas as pd

__all__ = ["summarise_frame", "calibration_holdout_frame", "local_wall_time"]


def local_wall_time(dates: pd.Series, timezone: str) -> pd.Series:
    """tz-aware timestamps converted to ``timezone`` and made naive; naive ones kept as they are."""
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        return dates.dt.tz_convert(timezone).dt.tz_localize(None)
    return dates


def _purchase_periods(transactions: pd.DataFrame, end: pd.Timestamp, period: str) -> pd.DataFrame:
    """One row per customer and purchase period up to ``end``: customer_id, date, amount."""
    before_end = transactions["date"] < end.normalize() + pd.Timedelta(days=1)
    tx = transactions.loc[before_end, ["customer_id", "date", "amount"]]
    if period == "D":
        start = tx["date"].dt.normalize()
    else:  # weeks starting on Monday
        day = tx["date"].dt.normalize()
        start = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    return (
        tx.assign(date=start)
        .groupby(["customer_id", "date"], sort=True, observed=True)["amount"]
        .sum()
        .reset_index()
    )


def _summarise(periods: pd.DataFrame, end: pd.Timestamp, unit_days: float) -> pd.DataFrame:
    grouped = periods.groupby("customer_id", sort=True, observed=True)
    first = grouped["date"].transform("min")
    repeat = periods["date"] > first
    first_date = grouped["date"].min()
    last_date = grouped["date"].max()
    n_periods = grouped.size()
    repeat_total = periods["amount"].where(repeat, 0.0).groupby(periods["customer_id"]).sum()
    frequency = (n_periods - 1).astype("int64")
    day = pd.Timedelta(days=1)
    out = pd.DataFrame(
        {
            "frequency": frequency,
            "recency": (last_date - first_date) / day / unit_days,
            "T": (end.normalize() - first_date) / day / unit_days,
            "monetary_value": (repeat_total / frequency.where(frequency > 0)).fillna(0.0),
        }
    )
    out.index = out.index.astype("string")
    out.index.name = "customer_id"
    return out


def summarise_frame(transactions: pd.DataFrame, end: pd.Timestamp, unit_days: float, period: str) -> pd.DataFrame:
    """Summary of a canonical (tz-naive) log; empty frame when nothing is on or before ``end``."""
    periods = _purchase_periods(transactions, end, period)
    if periods.empty:
        return periods
    return _summarise(periods, end, unit_days)


def calibration_holdout_frame(
    transactions: pd.DataFrame, cal_end: pd.Timestamp, obs_end: pd.Timestamp, unit_days: float, period: str
) -> pd.DataFrame:
    calibration = summarise_frame(transactions, cal_end, unit_days, period)
    if calibration.empty:
        return calibration
    after_calibration = transactions["date"] >= cal_end.normalize() + pd.Timedelta(days=1)
    later = transactions.loc[after_calibration & transactions["customer_id"].isin(calibration.index)]
    holdout = _purchase_periods(later, obs_end, period)
    grouped = holdout.groupby("customer_id", observed=True)["amount"]
    counts = grouped.size().reindex(calibration.index, fill_value=0).astype("int64")
    means = grouped.mean().reindex(calibration.index).fillna(0.0)
    duration = (obs_end.normalize() - cal_end.normalize()) / pd.Timedelta(days=1)
    return calibration.assign(
        frequency_holdout=counts,
        monetary_value_holdout=means,
        duration_holdout=duration / unit_days,
    )
