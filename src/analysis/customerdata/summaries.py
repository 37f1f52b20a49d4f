"""The per-customer summary on any customer data: pandas in memory, or the one SQL text on DuckDB/Spark.

:class:`analysis.customerdata.CustomerData` calls :func:`run_summary`; the rules
are those of :mod:`analysis.customerdata.frame` (pandas, the reference) and
:func:`analysis.customerdata.sql.summary_sql` (the engines), which give the same
summary: integers and times exactly, money to floating-point rounding.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.customerdata import sql as _sql
from analysis.customerdata.engines import check_engine, resolve_engine
from analysis.customerdata.frame import calibration_holdout_frame, rfm_columns_frame, summarise_frame
from analysis.customerdata.sources import report_bad_rows
from analysis.errors import DataValidationError, ParameterError
from analysis.window import check_timezone, parse_date, unit_days

__all__ = ["run_summary", "SUMMARY_UNITS", "PERIODS", "tidy"]

#: time units of a summary (of the package's one unit table)
SUMMARY_UNITS = ("D", "W")
#: purchase periods: same-day or same-week purchases combined
PERIODS = ("D", "W")
_INT_COLUMNS = ("frequency", "frequency_holdout", "n_periods", "recency_days", "weight")
_GROUPABLE = ("frequency", "recency", "T", "monetary_value")


def check_settings(time_unit: str, period: str, timezone: str) -> float:
    """Days per ``time_unit``, after checking ``time_unit``, ``period`` and ``timezone``.

    Examples
    --------
    >>> check_settings("W", "D", "UTC")
    7.0
    """
    days = unit_days(time_unit, allowed=SUMMARY_UNITS)
    if period not in PERIODS:
        raise ParameterError(
            f"period must be 'D' (combine same-day purchases) or 'W' (combine same-week "
            f"purchases); got {period!r}."
        )
    check_timezone(timezone)
    return days


def tidy(out: pd.DataFrame, index: bool = True) -> pd.DataFrame:
    """Integer count columns as int64, others float64; ``customer_id`` as the (string) index."""
    for col in out.columns:
        if col in _INT_COLUMNS:
            out[col] = out[col].astype("int64")
        elif col != "customer_id":
            out[col] = out[col].astype("float64")
    if index:
        out["customer_id"] = out["customer_id"].astype("string")
        out = out.set_index("customer_id")
    return out


def _no_purchase(end: pd.Timestamp, calibration_end: pd.Timestamp | None, first) -> ParameterError:
    """No customer has bought by the end of the summary's (calibration) period: say which date to change."""
    start = parse_date(first, "first purchase day").date()
    if calibration_end is None:
        return ParameterError(f"No purchase falls on or before observation_end={end.date()}; the log starts "
                              f"on {start}. Choose a later observation_end.")
    what = (f"No purchase falls on or before {calibration_end.date()}, the end of the calibration period "
            f"(calibration_end: the one set in the study's window or the notebook, or else observation_end "
            f"{end.date()} minus holdout_length, here {(end - calibration_end).days} days); the log starts on {start}")
    if start >= end.date():
        return ParameterError(f"{what}, so every purchase falls on observation_end or later. A holdout check "
                              "needs purchases before and after the calibration end: use a log covering a longer "
                              "period, or skip the holdout check.")
    return ParameterError(f"{what}. Set calibration_end to a day from {start} to before observation_end "
                          f"{end.date()}, or a shorter holdout_length, so that customers have bought by the end "
                          "of calibration.")


def _check_split(end: pd.Timestamp, calibration_end: pd.Timestamp | None) -> None:
    if calibration_end is not None and end <= calibration_end:
        raise ParameterError(
            f"observation_end ({end.date()}) must be after calibration_end "
            f"({calibration_end.date()}): the holdout period would be empty."
        )


def _sql_run(engine, data, *, observation_end, calibration_end, unit: float, period: str, rfm_columns: bool,
             group_columns, weight: str, output: Path | None, order: bool):
    source = data.source()
    with engine.session(source, data.timezone) as session:
        dialect = engine.dialect
        profile = session.fetch(_sql.profile_sql(dialect, session.relation, session.day_expr,
                                                 amount=session.has_amount)).iloc[0].to_dict()
        report_bad_rows(profile, source.describe())
        if int(profile["n_rows"]) == 0:
            raise DataValidationError(f"{source.describe()} hold(s) no rows; the summary needs purchases.")
        end = observation_end if observation_end is not None else pd.Timestamp(profile["last_day"])
        _check_split(end, calibration_end)
        cohort_end = calibration_end if calibration_end is not None else end
        if pd.Timestamp(profile["first_day"]) > cohort_end:
            raise _no_purchase(end, calibration_end, profile["first_day"])
        sql = _sql.summary_sql(
            dialect, session.relation, session.day_expr, observation_end=end.date(), unit_days=unit, period=period,
            calibration_end=calibration_end.date() if calibration_end is not None else None,
            rfm_columns=rfm_columns, order=order and group_columns is None, amount=session.has_amount,
        )
        if group_columns is not None:
            sql = _sql.grouped_sql(dialect, sql, group_columns, weight)
        if output is not None:
            session.write_parquet(sql, output)
            return None
        return session.fetch(sql)


def _pandas_run(data, *, observation_end, calibration_end, unit: float, period: str,
                rfm_columns: bool) -> pd.DataFrame:
    frame = data.summary_frame()
    if len(frame) == 0:
        raise DataValidationError("The transactions table is empty; the summary needs purchases.")
    end = observation_end if observation_end is not None else frame["date"].max().normalize()
    if calibration_end is None:
        out = summarise_frame(frame, end, unit, period)
        cohort_end = end
    else:
        _check_split(end, calibration_end)
        out = calibration_holdout_frame(frame, calibration_end, end, unit, period)
        cohort_end = calibration_end
    if out.empty:
        raise _no_purchase(end, calibration_end, frame["date"].min())
    if rfm_columns:
        out = out.join(rfm_columns_frame(frame, cohort_end, period))
    return out


def run_summary(data, *, observation_end=None, calibration_end=None, time_unit: str = "W", period: str = "D",
                engine="auto", rfm_columns: bool = False, group_columns: tuple[str, ...] | None = None,
                weight: str = "weight", output: Path | None = None, order: bool = True):
    """The customer summary of ``data`` (a :class:`~analysis.customerdata.CustomerData`).

    A count-only log (no ``amount``) gives the counts and times without the money
    columns (``monetary_value``, ``monetary_value_holdout``, ``total_amount``).

    ``engine="auto"`` takes the data's own choice (pandas for a DataFrame, the
    log's DuckDB settings for files). With ``group_columns`` the summary is
    collapsed to distinct rows with a count ``weight``; with ``output`` it is
    written to Parquet and None is returned.
    """
    unit = check_settings(time_unit, period, data.timezone)
    check_engine(engine)
    if engine == "auto":
        engine = data.default_engine()
    end = parse_date(observation_end, "observation_end", timezone=data.timezone) if observation_end is not None else None
    cal = parse_date(calibration_end, "calibration_end", timezone=data.timezone) if calibration_end is not None else None
    if group_columns is not None:
        if "monetary_value" in group_columns:
            data.require_amounts("grouping the summary by monetary_value")
        bad = [c for c in group_columns if c not in _GROUPABLE]
        if bad and resolve_engine(engine, is_frame=not data.is_on_disk) != "pandas":
            raise ParameterError(f"columns must be among {list(_GROUPABLE)}; got {bad}.")
    chosen = resolve_engine(engine, is_frame=not data.is_on_disk)
    if chosen == "pandas":
        out = _pandas_run(data, observation_end=end, calibration_end=cal, unit=unit, period=period,
                          rfm_columns=rfm_columns)
        if group_columns is not None:
            missing = [c for c in group_columns if c not in out.columns]
            if missing:
                raise DataValidationError(f"The summary lacks column(s) {missing}; it has {list(out.columns)}.")
            out = tidy(out.groupby(list(group_columns), sort=True, observed=True).size().rename(weight)
                       .reset_index(), index=False)
        if output is not None:
            from analysis.io import atomic_write

            with atomic_write(output, mode="wb") as handle:
                out.reset_index().to_parquet(handle, index=False)
            return None
        return out
    result = _sql_run(chosen, data, observation_end=end, calibration_end=cal, unit=unit, period=period,
                      rfm_columns=rfm_columns, group_columns=group_columns, weight=weight, output=output,
                      order=order)
    if result is None:
        return None
    return tidy(result, index=group_columns is None)
