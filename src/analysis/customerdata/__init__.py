"""The one door to transaction data (being built; see issue 11)."""

from __future__ import annotations

import pandas as pd

from analysis.window import Window

__all__ = ["resolve_window"]


def resolve_window(data, window: Window) -> Window:
    """``window`` resolved with the data's last transaction day.

    Parameters
    ----------
    data : DataFrame, path, glob, folder or TransactionLog
        The transactions.
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
    if isinstance(data, pd.DataFrame):
        dates = data["date"]
        if isinstance(dates.dtype, pd.DatetimeTZDtype):
            dates = dates.dt.tz_convert(window.timezone).dt.tz_localize(None)
        return window.resolve(pd.Timestamp(dates.max()))
    if hasattr(data, "profile"):
        return window.resolve(data.profile()["last_day"])
    from analysis.txlog import TransactionLog

    return window.resolve(TransactionLog.from_paths(data, timezone=window.timezone).profile()["last_day"])
