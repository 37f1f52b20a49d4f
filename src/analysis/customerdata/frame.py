"""The in-memory (pandas) computations: the reference the SQL engines are tested against.

Every function takes a canonical transactions frame (``customer_id``, ``date``
tz-naive wall-clock times, ``amount``) and returns what the matching query of
:mod:`analysis.customerdata.sql` returns for a log on disk. A count-only frame (no
``amount``) gives the same results without their money columns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import shown
from analysis.errors import ParameterError

__all__ = ["summarise_frame", "calibration_holdout_frame", "rfm_columns_frame", "rfm_values_frame",
           "cohort_days_frame", "daily_counts_frame", "suspicious_frame", "EXAMPLES"]

#: how many example values a suspicious-value check lists
EXAMPLES = 5


def _money(frame: pd.DataFrame) -> list[str]:
    """``["amount"]`` when the frame has amounts, ``[]`` for a count-only log."""
    return ["amount"] if "amount" in frame.columns else []


def _period_start(dates: pd.Series, period: str) -> pd.Series:
    """The calendar day (``"D"``) or the Monday of the week (``"W"``) of each date."""
    day = dates.dt.normalize()
    return day if period == "D" else day - pd.to_timedelta(day.dt.day_of_week, unit="D")


def _purchase_periods(transactions: pd.DataFrame, end: pd.Timestamp, period: str) -> pd.DataFrame:
    """One row per customer and purchase period up to ``end``: customer_id, date, amount (if any)."""
    before_end = transactions["date"] < end.normalize() + pd.Timedelta(days=1)
    money = _money(transactions)
    tx = transactions.loc[before_end, ["customer_id", "date", *money]]
    grouped = tx.assign(date=_period_start(tx["date"], period)).groupby(["customer_id", "date"], sort=True,
                                                                         observed=True)
    return grouped["amount"].sum().reset_index() if money else grouped.size().reset_index()[["customer_id", "date"]]


def _summarise(periods: pd.DataFrame, end: pd.Timestamp, unit_days: float) -> pd.DataFrame:
    grouped = periods.groupby("customer_id", sort=True, observed=True)
    first = grouped["date"].transform("min")
    repeat = periods["date"] > first
    first_date = grouped["date"].min()
    last_date = grouped["date"].max()
    n_periods = grouped.size()
    frequency = (n_periods - 1).astype("int64")
    day = pd.Timedelta(days=1)
    out = pd.DataFrame(
        {
            "frequency": frequency,
            "recency": (last_date - first_date) / day / unit_days,
            "T": (end.normalize() - first_date) / day / unit_days,
        }
    )
    if _money(periods):
        repeat_total = periods["amount"].where(repeat, 0.0).groupby(periods["customer_id"]).sum()
        out["monetary_value"] = (repeat_total / frequency.where(frequency > 0)).fillna(0.0)
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
    grouped = holdout.groupby("customer_id", observed=True)
    counts = grouped.size().reindex(calibration.index, fill_value=0).astype("int64")
    duration = (obs_end.normalize() - cal_end.normalize()) / pd.Timedelta(days=1)
    out = calibration.assign(frequency_holdout=counts)
    if _money(holdout):
        out["monetary_value_holdout"] = grouped["amount"].mean().reindex(calibration.index).fillna(0.0)
    return out.assign(duration_holdout=duration / unit_days)


def rfm_columns_frame(frame: pd.DataFrame, end: pd.Timestamp, period: str) -> pd.DataFrame:
    """``n_periods``, ``total_amount`` and ``recency_days`` per customer up to ``end`` (the summary's RFM columns)."""
    periods = _purchase_periods(frame, end, period)
    g = periods.groupby("customer_id", observed=True)
    out = pd.DataFrame({"n_periods": g.size().astype("int64")})
    if _money(periods):
        out["total_amount"] = g["amount"].sum()
    out["recency_days"] = ((end - g["date"].max()) / pd.Timedelta(days=1)).astype("int64")
    out.index = out.index.astype("string")
    return out


def rfm_values_frame(frame: pd.DataFrame, end: pd.Timestamp | None, frequency: str) -> pd.DataFrame:
    """Recency days, frequency (purchase days or rows), monetary and tenure days per customer up to ``end``."""
    end = end if end is not None else frame["date"].max().normalize()
    day = frame["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    end_day = np.datetime64(end.date(), "D").astype(np.int64)
    keep = day <= end_day
    if not keep.any():
        raise ParameterError(
            f"No purchase falls on or before observation_end={end.date()}; the log starts on "
            f"{frame['date'].min().date()}. Choose a later observation_end."
        )
    day = day[keep]
    codes, uniques = pd.factorize(frame["customer_id"].to_numpy()[keep], sort=True)
    n = len(uniques)
    by_customer = pd.Series(day).groupby(codes, sort=True)
    last = by_customer.max().to_numpy()
    first = by_customer.min().to_numpy()
    if frequency == "transactions":
        count = np.bincount(codes, minlength=n)
    else:
        span = int(day.max() - day.min()) + 1
        key = codes.astype(np.int64) * span + (day - day.min())
        count = np.bincount(pd.unique(key) // span, minlength=n)
    index = pd.Index(pd.array(uniques, dtype="string"), name="customer_id")
    out = pd.DataFrame({"recency_days": (end_day - last).astype(np.int64), "frequency": count.astype(np.int64)},
                       index=index)
    if _money(frame):
        out["monetary"] = np.bincount(codes, weights=frame["amount"].to_numpy(dtype=np.float64)[keep], minlength=n)
    out["tenure_days"] = (end_day - first).astype(np.int64)
    return out


def cohort_days_frame(frame: pd.DataFrame, cal_end: pd.Timestamp, obs_end: pd.Timestamp) -> pd.DataFrame:
    """Per calendar day: cohort customers with their first purchase (``n_first``) and with a repeat one (``n_repeat``).

    The cohort is every customer whose first purchase day is on or before
    ``cal_end``; days after ``obs_end`` are ignored.
    """
    days = frame.assign(day=frame["date"].dt.normalize())[["customer_id", "day"]].drop_duplicates()
    days = days[days["day"] <= obs_end]
    first = days.groupby("customer_id", observed=True)["day"].transform("min")
    cohort = first <= cal_end
    days, first = days[cohort], first[cohort]
    counts = pd.DataFrame({"day": days["day"], "n_first": (days["day"] == first).astype(np.int64),
                           "n_repeat": (days["day"] > first).astype(np.int64)})
    out = counts.groupby("day", as_index=False).sum()
    out["day"] = out["day"].astype("datetime64[ns]")  # the log's resolution, whatever the frame's
    return out


def daily_counts_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Per purchase day: ``transactions``, ``revenue`` (not for a count-only log) and ``customers``.

    Days without purchases are absent.
    """
    day = frame["date"].dt.normalize().rename("day")
    grouped = frame.groupby(day, observed=True)
    out = pd.DataFrame({"transactions": grouped.size().astype("int64")})
    if _money(frame):
        out["revenue"] = grouped["amount"].sum().astype("float64")
    out["customers"] = grouped["customer_id"].nunique().astype("int64")
    out.index = pd.DatetimeIndex(out.index).as_unit("ns")
    out.index.name = "day"
    return out


def _flagged(check: str, mask: pd.Series, frame: pd.DataFrame, column: str) -> dict:
    hits = mask.fillna(False).to_numpy()
    flagged = frame.loc[hits]
    examples = ", ".join(
        f"row {i + 1}: {shown(v)}" for i, v in zip(np.flatnonzero(hits)[:EXAMPLES], flagged[column].head(EXAMPLES).tolist())
    )
    return {"check": check, "column": column, "n_rows": int(len(flagged)), "total": int(len(frame)),
            "examples": examples}


def suspicious_frame(frame: pd.DataFrame, end: pd.Timestamp) -> list[dict]:
    """Counts and examples (row numbers from 1) of the suspicious-value checks of a frame.

    A count-only log has no amount checks (only ``future_date`` and ``duplicate_row``).
    """
    if not _money(frame):
        return [_flagged("future_date", frame["date"].dt.normalize() > end.normalize(), frame, "date"),
                _flagged("duplicate_row", frame.duplicated(), frame, "customer_id")]
    amount = frame["amount"]
    positive = amount[amount > 0]
    if len(positive) >= 4:
        log_amount = np.log(positive)
        q1, q3 = log_amount.quantile([0.25, 0.75])
        fence = float(np.exp(q3 + 3 * (q3 - q1)))
        extreme = amount > fence
    else:
        extreme = pd.Series(False, index=amount.index)
    return [
        _flagged("non_positive_amount", amount <= 0, frame, "amount"),
        _flagged("future_date", frame["date"].dt.normalize() > end.normalize(), frame, "date"),
        _flagged("duplicate_row", frame.duplicated(), frame, "customer_id"),
        _flagged("extreme_amount", extreme, frame, "amount"),
    ]
