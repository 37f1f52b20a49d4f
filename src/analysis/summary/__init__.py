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

Count-only logs
    A log without an ``amount`` column (a grocery or visit log: who came when) is
    summarised the same way, but has no money columns: ``monetary_value``,
    ``monetary_value_holdout`` and ``total_amount`` are absent (not zero, not
    missing). What needs money (the Gamma-Gamma model, revenue) raises a
    :class:`~analysis.errors.DataValidationError` saying so
    (:meth:`analysis.customerdata.CustomerData.require_amounts`).

Times are in days (``time_unit="D"``) or weeks (``time_unit="W"``, days / 7, not
rounded). Purchases after ``observation_end`` are ignored; a purchase *on*
``observation_end`` counts. With these rules the CDNOW sample's published
calibration summary (Fader, Hardie and Lee 2005) is reproduced exactly.

Logs larger than memory
    Every function takes, besides a DataFrame, a path, a glob pattern (``"logs/*.parquet"``),
    a folder or a list of them, of Parquet or CSV files with columns
    ``customer_id``, ``date`` and (unless count-only) ``amount``. ``engine="auto"`` computes a DataFrame
    with pandas and files with DuckDB (bounded memory, spills to disk); ``"spark"``
    runs the same SQL (:mod:`analysis.customerdata.sql`, one definition for both
    engines) on Spark. The three give the same summary: integers exactly, times
    exactly, money to floating-point rounding (sums are added in a different
    order; relative differences of order 1e-15).

Time zones
    A purchase's day is its calendar day in ``timezone`` (default ``"UTC"``).
    Timestamps carrying a zone (tz-aware pandas columns, UTC-adjusted Parquet
    timestamps, CSV strings with an offset such as ``+08:00`` or ``Z``) are
    converted to ``timezone``; naive timestamps are taken as wall-clock times
    already in ``timezone`` and are never shifted. A tz-aware
    ``observation_end`` is converted the same way.

Every function here is a thin public door: it hands its input to
:func:`analysis.customerdata.customer_data` and asks the resulting
:class:`~analysis.customerdata.CustomerData` for the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.customerdata import customer_data
from analysis.customerdata.summaries import check_settings, tidy
from analysis.errors import DataValidationError, ParameterError

__all__ = [
    "customer_summary",
    "calibration_holdout_summary",
    "grouped_customer_summary",
    "collapse_summary",
    "summary_to_parquet",
]


# ------------------------------------------------------------------ public API
def customer_summary(
    transactions,
    observation_end=None,
    time_unit: str = "W",
    *,
    period: str = "D",
    engine="auto",
    timezone: str = "UTC",
    rfm_columns: bool = False,
) -> pd.DataFrame:
    """Summarise a transaction log per customer (frequency, recency, T, monetary value).

    Parameters
    ----------
    transactions : DataFrame, path, glob, list of paths or TransactionLog
        Canonical transactions table with ``customer_id``, ``date`` (datetime64)
        and ``amount`` (optional: without it a count-only summary, no money
        columns); or Parquet/CSV file(s) with those columns (a path, a
        folder, a glob such as ``"logs/*.parquet"``, or a list of them); or an
        :class:`analysis.customerdata.TransactionLog` (a study's log kept on disk: its
        column mapping applies and ``engine="auto"`` uses its DuckDB settings).
    observation_end : date-like, optional
        Last day of observation (inclusive). Purchases after it are ignored.
        Default: the last purchase date in the log.
    time_unit : {"W", "D"}
        Unit of ``recency`` and ``T``: weeks (days / 7) or days.
    period : {"D", "W"}
        Purchases in the same calendar day (``"D"``) or Monday-based week
        (``"W"``) are combined into one, with their amounts added.
    engine : {"auto", "pandas", "duckdb", "spark"} or engine object
        Where to compute: ``"auto"`` = pandas for a DataFrame, DuckDB for files.
        Pass :class:`analysis.customerdata.DuckDBEngine` (``memory_limit``,
        ``temp_directory``, ``threads``) or :class:`analysis.customerdata.SparkEngine`
        (``session``) to set the engine up.
    timezone : str
        IANA zone whose calendar days count (see the module notes on time zones).
    rfm_columns : bool
        Add ``n_periods``, ``total_amount`` and ``recency_days``, the inputs of
        RFM scores (see :func:`summary_to_parquet`).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (str), sorted, one row per customer whose first
        purchase is on or before ``observation_end``, with columns

        - ``frequency`` (int): repeat purchase periods;
        - ``recency`` (float): time from first to last purchase, in ``time_unit``;
        - ``T`` (float): time from first purchase to ``observation_end``;
        - ``monetary_value`` (float): mean amount of repeat purchases, 0 if none
          (absent for a count-only log).

    Raises
    ------
    DataValidationError
        If a required column is missing, ``date`` is not a date column, or (for
        files) rows have missing values or negative amounts.
    InputFileError
        If a file does not exist or cannot be read.
    ParameterError
        If ``time_unit``, ``period``, ``engine``, ``timezone`` or
        ``observation_end`` is invalid, or no purchase falls on or before
        ``observation_end``.

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
    >>> customer_summary(tx, "2024-01-29", engine="duckdb").equals(customer_summary(tx, "2024-01-29"))
    True
    """
    check_settings(time_unit, period, timezone)
    data = customer_data(transactions, engine=engine, timezone=timezone)
    return data.customer_summary(observation_end, time_unit, period=period, rfm_columns=rfm_columns)


def calibration_holdout_summary(
    transactions,
    calibration_end,
    observation_end=None,
    time_unit: str = "W",
    *,
    period: str = "D",
    engine="auto",
    timezone: str = "UTC",
) -> pd.DataFrame:
    """Split a log at ``calibration_end``: summary of the calibration period plus holdout counts.

    Customers are those whose first purchase is on or before ``calibration_end``
    (the calibration cohort); later newcomers are left out, as in the usual
    forecast check of buy-till-you-die models. Purchase periods are formed
    separately on each side of ``calibration_end`` (with ``period="W"`` a week
    that straddles it counts on both sides).

    Parameters
    ----------
    transactions : DataFrame, path, glob or list of paths
        Canonical transactions, or Parquet/CSV files (see :func:`customer_summary`).
    calibration_end : date-like
        Last day of the calibration period (inclusive).
    observation_end : date-like, optional
        Last day of the holdout period (inclusive); default the last purchase date.
    time_unit : {"W", "D"}
        Unit of ``recency``, ``T`` and ``duration_holdout``.
    period : {"D", "W"}
        Purchases within the same day or week are combined, as in
        :func:`customer_summary`.
    engine : {"auto", "pandas", "duckdb", "spark"} or engine object
        As in :func:`customer_summary`.
    timezone : str
        IANA zone whose calendar days count.

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
    if calibration_end is None:
        raise ParameterError("calibration_end is required: the last day of the calibration period.")
    check_settings(time_unit, period, timezone)
    data = customer_data(transactions, engine=engine, timezone=timezone)
    return data.customer_summary(observation_end, time_unit, calibration_end=calibration_end, period=period)


def collapse_summary(
    summary: pd.DataFrame,
    columns: Sequence[str] = ("frequency", "recency", "T"),
    *,
    weight: str = "weight",
) -> pd.DataFrame:
    """Identical rows of a summary collapsed into one, with their count as a weight.

    The BG/NBD, Pareto/NBD and Gamma-Gamma likelihoods depend on a customer
    only through these columns, so a model fitted on the collapsed table with
    ``fit(grouped, weights="weight")`` has exactly the estimates of a fit on
    every customer, at a cost that grows with the number of distinct rows, not
    of customers.

    Parameters
    ----------
    summary : DataFrame
        Output of :func:`customer_summary` (or any table holding ``columns``).
    columns : sequence of str
        Columns that identify a group.
    weight : str
        Name of the count column.

    Returns
    -------
    DataFrame
        ``columns`` plus ``weight`` (int, customers per row), sorted by ``columns``,
        with a plain 0..n-1 index.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 0, 2], "recency": [0.0, 0.0, 3.0], "T": [5.0, 5.0, 5.0]})
    >>> collapse_summary(s)
       frequency  recency    T  weight
    0          0      0.0  5.0       2
    1          2      3.0  5.0       1
    """
    columns = _group_columns(columns, weight)
    missing = [c for c in columns if c not in summary.columns]
    if missing:
        raise DataValidationError(f"The summary lacks column(s) {missing}; it has {list(summary.columns)}.")
    out = summary.groupby(list(columns), sort=True, observed=True).size().rename(weight).reset_index()
    return tidy(out, index=False)


def _group_columns(columns, weight: str) -> tuple[str, ...]:
    if isinstance(columns, str) or not all(isinstance(c, str) for c in columns) or not columns:
        raise ParameterError(f"columns must be a non-empty list of column names; got {columns!r}.")
    if weight in columns:
        raise ParameterError(f"weight column name {weight!r} clashes with a grouping column.")
    return tuple(columns)


def grouped_customer_summary(
    transactions,
    observation_end=None,
    time_unit: str = "W",
    *,
    columns: Sequence[str] = ("frequency", "recency", "T"),
    weight: str = "weight",
    period: str = "D",
    engine="auto",
    timezone: str = "UTC",
) -> pd.DataFrame:
    """The customer summary collapsed to distinct ``columns`` rows with a count, computed in the engine.

    Only the grouped table (for a BG/NBD summary in weeks: about as many rows
    as distinct (frequency, recency, T) triples, tens of thousands even for
    tens of millions of customers) ever reaches Python memory. It equals
    ``collapse_summary(customer_summary(...), columns)``.

    Parameters
    ----------
    transactions : DataFrame, path, glob or list of paths
        As in :func:`customer_summary`.
    observation_end, time_unit, period, engine, timezone
        As in :func:`customer_summary`.
    columns : sequence of str
        Summary columns that identify a group.
    weight : str
        Name of the count column.

    Returns
    -------
    DataFrame
        ``columns`` plus ``weight`` (int), sorted by ``columns``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-01-01"] * 3), "amount": [1.0, 2.0, 3.0]})
    >>> grouped_customer_summary(tx, "2024-01-29", engine="duckdb")
       frequency  recency    T  weight
    0          0      0.0  4.0       3
    """
    columns = _group_columns(columns, weight)
    check_settings(time_unit, period, timezone)
    data = customer_data(transactions, engine=engine, timezone=timezone)
    return data.grouped_summary(observation_end, time_unit, columns=columns, weight=weight, period=period)


def summary_to_parquet(
    transactions,
    path: str | Path,
    observation_end=None,
    time_unit: str = "W",
    *,
    calibration_end=None,
    rfm_columns: bool = False,
    period: str = "D",
    engine="auto",
    timezone: str = "UTC",
    sort: bool = False,
) -> Path:
    """Write the customer summary to Parquet without holding it in Python memory.

    With DuckDB the result streams from the query into ``path`` (one file);
    a log too large for one pass's aggregation within the memory limit (over
    25 M rows, or fewer with a small ``memory_limit``) is summarised in several
    passes, each over a hash partition of the customers, into the same file
    (:class:`analysis.customerdata.DuckDBEngine` ``partitions``; the result is
    identical, money sums included). With Spark ``path`` becomes a folder of
    part files; with pandas the summary is computed in memory and written.
    ``customer_id`` is a column. Rows are in no particular order unless
    ``sort=True`` (pandas always sorts; DuckDB then makes one pass): sorting
    tens of millions of customers costs a fifth to a half of the query's time,
    and nothing downstream (scoring, cut points) needs the order.

    Parameters
    ----------
    transactions : DataFrame, path, glob or list of paths
        As in :func:`customer_summary`.
    path : str or Path
        Output file (folder for Spark); its parent folder must exist.
    observation_end, time_unit, period, engine, timezone
        As in :func:`customer_summary`.
    calibration_end : date-like, optional
        Write the calibration/holdout summary of :func:`calibration_holdout_summary` instead.
    sort : bool
        Write the rows in ``customer_id`` order (DuckDB, Spark; pandas always does).
    rfm_columns : bool
        Add the inputs of RFM scores: ``n_periods`` (purchase periods),
        ``total_amount`` (all purchases, the first included) and
        ``recency_days`` (days from the last purchase period to the end of the
        (calibration) period). With ``period="D"`` these are the
        ``frequency``, ``monetary`` and ``recency_days`` of
        :func:`analysis.segmentation.rfm_values`.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "date": pd.to_datetime(["2024-01-01", "2024-01-08"]),
    ...                    "amount": [1.0, 2.0]})
    >>> out = summary_to_parquet(tx, pathlib.Path(tempfile.mkdtemp()) / "s.parquet", "2024-01-29",
    ...                          engine="duckdb")
    >>> pd.read_parquet(out)["frequency"].tolist()
    [1]
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ParameterError(f"The folder {path.parent} for the summary does not exist; create it first.")
    check_settings(time_unit, period, timezone)
    data = customer_data(transactions, engine=engine, timezone=timezone)
    return data.summary_to_parquet(path, observation_end, time_unit, calibration_end=calibration_end,
                                   rfm_columns=rfm_columns, period=period, sort=sort)
