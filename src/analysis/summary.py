"""Transaction log -> one row per customer, in the buy-till-you-die conventions.

The summary is what the CLV models (BG/NBD, Pareto/NBD, Gamma-Gamma) and the RFM
scores start from:

``frequency``
    Number of *repeat* purchase periods: distinct purchase periods minus one.
    Purchases in the same period (by default the same calendar day) count as one,
    with their amounts added.
``recency``
    Age of the customer at the last purchase: time from the first to the last
    purchase period.
``T``
    Age of the customer at the end of observation: time from the first purchase to
    ``observation_end``.
``monetary_value``
    Mean value of the repeat purchases (the first purchase is excluded, as the
    Gamma-Gamma model expects); 0 for customers with no repeat purchase.

Times are in days (``time_unit="D"``) or weeks (``time_unit="W"``, days / 7, not
rounded). Purchases after ``observation_end`` are ignored; a purchase *on*
``observation_end`` counts. With these rules the CDNOW sample's published
calibration summary (Fader, Hardie and Lee 2005) is reproduced exactly.
"""

from __future__ import annotations

import pandas as pd

from analysis.errors import DataValidationError, ParameterError

__all__ = ["customer_summary", "calibration_holdout_summary"]

_UNIT_DAYS = {"D": 1.0, "W": 7.0}
_PERIODS = ("D", "W")
_REQUIRED = ("customer_id", "date", "amount")


def _check_inputs(transactions: pd.DataFrame, time_unit: str, period: str) -> None:
    if time_unit not in _UNIT_DAYS:
        raise ParameterError(
            f"time_unit must be 'D' (days) or 'W' (weeks); got {time_unit!r}."
        )
    if period not in _PERIODS:
        raise ParameterError(
            f"period must be 'D' (combine same-day purchases) or 'W' (combine same-week "
            f"purchases); got {period!r}."
        )
    missing = [c for c in _REQUIRED if c not in transactions.columns]
    if missing:
        raise DataValidationError(
            f"The transactions table lacks column(s) {missing}; it has "
            f"{list(transactions.columns)}. Validate it with "
            "analysis.schemas.validate_transactions or map your columns in the study YAML."
        )
    if not pd.api.types.is_datetime64_any_dtype(transactions["date"]):
        raise DataValidationError(
            "Column 'date' of the transactions table must hold dates (datetime64), "
            f"not {transactions['date'].dtype}; validate the table with "
            "analysis.schemas.validate_transactions first."
        )


def _timestamp(value, name: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.") from exc
    if stamp is pd.NaT:
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.")
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


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


def customer_summary(
    transactions: pd.DataFrame,
    observation_end=None,
    time_unit: str = "W",
    *,
    period: str = "D",
) -> pd.DataFrame:
    """Summarise a transaction log per customer (frequency, recency, T, monetary value).

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions table with ``customer_id``, ``date`` (datetime64)
        and ``amount``.
    observation_end : date-like, optional
        Last day of observation (inclusive). Purchases after it are ignored.
        Default: the last purchase date in the log.
    time_unit : {"W", "D"}
        Unit of ``recency`` and ``T``: weeks (days / 7) or days.
    period : {"D", "W"}
        Purchases in the same calendar day (``"D"``) or Monday-based week
        (``"W"``) are combined into one, with their amounts added.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (str), sorted, one row per customer whose first
        purchase is on or before ``observation_end``, with columns

        - ``frequency`` (int): repeat purchase periods;
        - ``recency`` (float): time from first to last purchase, in ``time_unit``;
        - ``T`` (float): time from first purchase to ``observation_end``;
        - ``monetary_value`` (float): mean amount of repeat purchases, 0 if none.

    Raises
    ------
    DataValidationError
        If a required column is missing or ``date`` is not a datetime column.
    ParameterError
        If ``time_unit``, ``period`` or ``observation_end`` is invalid, or no
        purchase falls on or before ``observation_end``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01",
    ...                                            "2024-01-15", "2024-01-08"]),
    ...                    "amount": [10.0, 5.0, 20.0, 7.0]})
    >>> customer_summary(tx, "2024-01-29", time_unit="W")
                 frequency  recency    T  monetary_value
    customer_id
    a                    1      2.0  4.0            20.0
    b                    0      0.0  3.0             0.0
    """
    _check_inputs(transactions, time_unit, period)
    end = (
        _timestamp(observation_end, "observation_end")
        if observation_end is not None
        else transactions["date"].max()
    )
    periods = _purchase_periods(transactions, end, period)
    if periods.empty:
        raise ParameterError(
            f"No purchase falls on or before observation_end={end.date()}; the log starts "
            f"on {transactions['date'].min()}. Choose a later observation_end."
        )
    return _summarise(periods, end, _UNIT_DAYS[time_unit])


def calibration_holdout_summary(
    transactions: pd.DataFrame,
    calibration_end,
    observation_end=None,
    time_unit: str = "W",
    *,
    period: str = "D",
) -> pd.DataFrame:
    """Split a log at ``calibration_end``: summary of the calibration period plus holdout counts.

    Customers are those whose first purchase is on or before ``calibration_end``
    (the calibration cohort); later newcomers are left out, as in the usual
    forecast check of buy-till-you-die models.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions table (``customer_id``, ``date``, ``amount``).
    calibration_end : date-like
        Last day of the calibration period (inclusive).
    observation_end : date-like, optional
        Last day of the holdout period (inclusive); default the last purchase date.
    time_unit : {"W", "D"}
        Unit of ``recency``, ``T`` and ``duration_holdout``.
    period : {"D", "W"}
        Purchases within the same day or week are combined, as in
        :func:`customer_summary`.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``, with the columns of :func:`customer_summary`
        for the calibration period and

        - ``frequency_holdout`` (int): purchase periods in the holdout period
          (after ``calibration_end``, up to ``observation_end``);
        - ``monetary_value_holdout`` (float): mean amount of those purchases, 0 if none;
        - ``duration_holdout`` (float): length of the holdout period in ``time_unit``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-22"]),
    ...                    "amount": [10.0, 5.0, 20.0]})
    >>> s = calibration_holdout_summary(tx, "2024-01-14", "2024-01-28", time_unit="D")
    >>> s[["frequency", "T", "frequency_holdout", "duration_holdout"]]
                 frequency     T  frequency_holdout  duration_holdout
    customer_id
    a                    1  13.0                  1              14.0
    """
    _check_inputs(transactions, time_unit, period)
    cal_end = _timestamp(calibration_end, "calibration_end")
    obs_end = (
        _timestamp(observation_end, "observation_end")
        if observation_end is not None
        else transactions["date"].max()
    )
    if obs_end <= cal_end:
        raise ParameterError(
            f"observation_end ({obs_end.date()}) must be after calibration_end "
            f"({cal_end.date()}): the holdout period would be empty."
        )
    calibration = customer_summary(transactions, cal_end, time_unit, period=period)
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
        duration_holdout=duration / _UNIT_DAYS[time_unit],
    )
