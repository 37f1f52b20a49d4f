"""The one door: any transactions input -> :class:`~analysis.customerdata.CustomerData`.

This is the only place that asks what kind of input it was given (a DataFrame,
files named by path, folder or glob, or a log kept on disk).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from analysis.customerdata.engines import check_engine
from analysis.customerdata.frame_data import FrameData
from analysis.customerdata.interface import CustomerData
from analysis.customerdata.log import TransactionLog
from analysis.errors import ParameterError
from analysis.window import Window, check_timezone

__all__ = ["customer_data", "resolve_window"]


def customer_data(obj, *, engine="auto", timezone: str | None = None) -> CustomerData:
    """Transactions of any kind behind one interface.

    Parameters
    ----------
    obj : DataFrame, path, glob, folder, list of them, or CustomerData
        A canonical transactions DataFrame (``customer_id``, ``date`` and,
        unless it is a count-only log, ``amount``); Parquet/CSV file(s) with
        those columns; or customer data
        already wrapped (a :class:`TransactionLog` of a study kept on disk).
    engine : {"auto", "pandas", "duckdb", "spark"} or engine object
        What ``engine="auto"`` in the summaries means for this data (default:
        pandas for a DataFrame, DuckDB for files).
    timezone : str, optional
        Zone whose calendar days count. Default: the object's own (a
        :class:`TransactionLog` keeps its zone), else ``"UTC"``.

    Returns
    -------
    CustomerData
        :class:`FrameData` for a DataFrame, :class:`TransactionLog` for files.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-31"]), "amount": [1.0]})
    >>> data = customer_data(tx)
    >>> data.is_on_disk, data.last_day()
    (False, Timestamp('2024-01-31 00:00:00'))
    """
    check_engine(engine)
    if timezone is not None:
        check_timezone(timezone)
    if isinstance(obj, CustomerData):
        changes = {}
        if timezone is not None and timezone != obj.timezone:
            changes["timezone"] = timezone
        if engine != "auto":
            changes["engine_choice" if obj.is_on_disk else "engine"] = engine
        return dataclasses.replace(obj, **changes) if changes else obj
    zone = timezone or "UTC"
    if isinstance(obj, pd.DataFrame):
        return FrameData(obj, timezone=zone, engine=engine)
    if isinstance(obj, (str, Path)) or (isinstance(obj, (list, tuple)) and obj):
        return TransactionLog.from_paths(obj, timezone=zone, engine_choice=engine)
    raise ParameterError(
        "transactions must be a DataFrame, a path or glob of Parquet/CSV files (e.g. "
        f"'logs/*.parquet'), a list of them, or a TransactionLog; got {type(obj).__name__}."
    )


def resolve_window(data, window: Window) -> Window:
    """``window`` resolved with the data's last transaction day.

    Parameters
    ----------
    data : DataFrame, path, glob, folder or CustomerData
        The transactions (see :func:`customer_data`).
    window : Window
        A study's window, possibly overridden by a notebook's parameters.

    Returns
    -------
    Window
        ``window`` itself when it has an ``observation_end``; else the same window
        with ``observation_end`` = the day of the last transaction (source "data").

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.window import Window
    >>> tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-05-31 18:00"]), "amount": [1.0]})
    >>> resolve_window(tx, Window()).observation_end
    Timestamp('2024-05-31 00:00:00')
    """
    if window.observation_end is not None:
        return window
    return customer_data(data, timezone=window.timezone).resolve_window(window)
