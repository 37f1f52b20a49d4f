"""A transaction log that stays on disk: Parquet or CSV files queried through DuckDB.

A study whose ``transactions`` table says ``engine: duckdb`` (see
:mod:`analysis.study`) is not loaded into pandas. :meth:`analysis.study.Study.transaction_log`
gives a :class:`TransactionLog` instead: the files, the study's column mapping
(applied as renames in SQL) and the DuckDB settings. It implements the
:class:`~analysis.customerdata.CustomerData` interface, so everything that takes a
transactions table for *statistics* accepts it in place of a DataFrame and
computes on every row in DuckDB (the summaries, the overview, RFM values, CLV
tracking); one row per customer or per day comes back into memory, the log does not.

Figures that need single transactions draw them from
:meth:`TransactionLog.sample_transactions`: every purchase of a seeded random
sample of whole customers.

The log is *not* validated row by row as an in-memory table is; the overview and
summary queries count missing values and negative amounts on the way and stop
with a message naming them (:meth:`TransactionLog.profile`). Dates after the run
date or far beyond the rest follow the validators' rule
(:func:`analysis.window.last_credible_day`): before its first query the log
refuses them with a message, or with ``future_dates="drop"`` leaves them out of
every query (with a warning stating how many).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from analysis.customerdata import sql as _sql
from analysis.customerdata.interface import CustomerData
from analysis.customerdata.sources import LogSource, report_bad_rows, resolve_source
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.window import RUN_DATE_VARIABLE, check_future_dates, future_dates_rule, last_credible_day, run_date

__all__ = ["TransactionLog"]


@dataclass(frozen=True)
class TransactionLog(CustomerData):
    """Parquet or CSV transaction files, read lazily through DuckDB.

    Parameters
    ----------
    files : tuple of Path
        The files (all Parquet or all CSV).
    format : {"parquet", "csv"}
        Their format.
    columns : mapping of str to str
        Canonical name -> the files' column name (``customer_id``, ``date``,
        ``amount`` and optional others); unmapped columns keep their names.
    memory_limit : str, optional
        DuckDB's memory limit (``"4GB"``); larger aggregations spill to disk.
    temp_directory : Path, optional
        Folder for spilled data (default: a fresh temporary folder).
    threads : int, optional
        DuckDB worker threads (default: all cores).
    timezone : str
        Zone whose calendar days count (see :mod:`analysis.customerdata.engines`).
    engine_choice : str or engine object
        What ``engine="auto"`` means for the summaries (default: DuckDB with the settings above).
    future_dates : {"refuse", "drop"}
        Rows dated after the run date or far beyond the rest (see
        :func:`analysis.window.last_credible_day`): "refuse" (default) stops the
        first query with a message counting them; "drop" leaves them out of every
        query with an :class:`~analysis.errors.AnalysisWarning`.

    Examples
    --------
    >>> log = TransactionLog.from_paths("logs/*.parquet", columns={"customer_id": "CustID"},
    ...                                 memory_limit="2GB")  # doctest: +SKIP
    >>> log.sample_transactions(1000, seed=1)  # doctest: +SKIP
    """

    files: tuple[Path, ...]
    format: str
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    memory_limit: str | None = None
    temp_directory: Path | None = None
    threads: int | None = None
    timezone: str = "UTC"
    engine_choice: Any = "auto"
    future_dates: str = "refuse"
    is_on_disk = True

    def __post_init__(self) -> None:
        check_future_dates(self.future_dates)

    @classmethod
    def from_paths(
        cls,
        paths: str | Path | Sequence[str | Path],
        *,
        columns: Mapping[str, str] | None = None,
        memory_limit: str | None = None,
        temp_directory: str | Path | None = None,
        threads: int | None = None,
        timezone: str = "UTC",
        engine_choice: Any = "auto",
        future_dates: str = "refuse",
    ) -> TransactionLog:
        """A log from a path, folder, glob or list of them (as the summary functions take).

        Examples
        --------
        >>> TransactionLog.from_paths("logs/*.parquet").format  # doctest: +SKIP
        'parquet'
        """
        source = resolve_source(paths if not isinstance(paths, (str, Path)) else str(paths))
        return cls(
            files=source.files,
            format=source.format,
            columns=MappingProxyType(dict(columns or {})),
            memory_limit=memory_limit,
            temp_directory=Path(temp_directory) if temp_directory is not None else None,
            threads=threads,
            timezone=timezone,
            engine_choice=engine_choice,
            future_dates=future_dates,
        )

    # -- what the engines need ------------------------------------------------
    def source(self) -> LogSource:
        """The engines' view of this log (files, column mapping, and the last day kept when late rows are dropped).

        Raises DataValidationError on the first call when rows are dated after the
        run date or far beyond the rest and ``future_dates="refuse"``.
        """
        return LogSource(files=tuple(self.files), format=self.format, columns=tuple(self.columns.items()),
                         last_day=self._kept_until)

    def _all_rows(self) -> LogSource:
        return LogSource(files=tuple(self.files), format=self.format, columns=tuple(self.columns.items()))

    def describe(self) -> str:
        return self._all_rows().describe()

    @cached_property
    def _kept_until(self) -> date | None:
        """The last day kept (None: every row is credible); refuses or warns about later rows (once per log)."""
        engine = self.engine
        with engine.session(self._all_rows(), self.timezone) as session:
            counts = session.fetch(_sql.day_counts_sql(engine.dialect, session.relation, session.day_expr,
                                                       session.has_amount))
            if counts.empty:
                return None
            run_day = run_date()
            last = last_credible_day(pd.Series(counts["n"].to_numpy(), index=pd.to_datetime(counts["day"])),
                                     run_day)
            late = session.fetch(_sql.late_rows_sql(engine.dialect, session.relation, session.day_expr,
                                                    last.date(), 5, session.has_amount))
        if late.empty:
            return None
        n_late = int(late["n_late"].iloc[0])
        shown = ", ".join(f"customer {c} on {pd.Timestamp(d).date()}" for c, d in zip(late["customer_id"], late["day"]))
        more = f" and {n_late - len(late)} more" if n_late > len(late) else ""
        what = (f"{self.describe()}: {n_late} row(s) are dated {future_dates_rule(last, run_day)} "
                f"(the earliest: {shown}{more})")
        if self.future_dates == "refuse":
            raise DataValidationError(
                f"{what}. Correct these dates or remove the rows from the files; or leave them out with a warning "
                "by setting the transactions table's option future_dates: drop in the study file "
                f"(TransactionLog(..., future_dates='drop')). If the run date is wrong, set "
                f"{RUN_DATE_VARIABLE}=YYYY-MM-DD. Rows of a log kept on disk are named by customer and day, "
                "not numbered."
            )
        warnings.warn(f"{what}; left out of every query (future_dates='drop').", AnalysisWarning, stacklevel=4)
        return last.date()

    @cached_property
    def _has_amount(self) -> bool:
        with self.engine.session(self._all_rows(), self.timezone) as session:
            return session.has_amount

    def has_amounts(self) -> bool:
        """Whether the files (after the column mapping) have an ``amount`` column; False: a count-only log."""
        return self._has_amount

    @property
    def engine(self):
        """The :class:`analysis.customerdata.DuckDBEngine` with this log's settings."""
        from analysis.customerdata.duckdb_engine import DuckDBEngine

        return DuckDBEngine(memory_limit=self.memory_limit, temp_directory=self.temp_directory, threads=self.threads)

    def duckdb_engine(self):
        return self.engine

    def default_engine(self):
        return self.engine if self.engine_choice == "auto" else self.engine_choice

    def summary_frame(self) -> pd.DataFrame:
        from analysis.customerdata.sources import read_files_pandas

        source = self.source()
        frame = read_files_pandas(source, self.timezone)
        counts = {"missing_ids": frame["customer_id"].isna().sum(), "missing_dates": frame["date"].isna().sum()}
        if "amount" in frame.columns:
            counts.update(missing_amounts=frame["amount"].isna().sum(), negative_amounts=(frame["amount"] < 0).sum())
        report_bad_rows(counts, source.describe())
        return frame

    def _profile_row(self, customers: bool = False) -> dict[str, Any]:
        engine = self.engine
        with engine.session(self.source(), self.timezone) as session:
            row = session.fetch(_sql.profile_sql(engine.dialect, session.relation, session.day_expr,
                                                 customers=customers, amount=session.has_amount))
        return row.iloc[0].to_dict()

    def profile(self) -> dict[str, Any]:
        """Rows, customers, first and last purchase day; stops on missing values or negative amounts.

        Returns
        -------
        dict
            ``n_rows``, ``customers``, ``first_day``, ``last_day`` (Timestamps) and the
            counts ``missing_ids``, ``missing_dates``, ``missing_amounts``,
            ``negative_amounts`` (all 0: a log with any of them is refused; the
            last two absent for a count-only log).

        Raises
        ------
        DataValidationError
            Naming how many rows have a missing id, date or amount, or a negative amount.

        Examples
        --------
        >>> log.profile()["n_rows"]  # doctest: +SKIP
        20000
        """
        profile = self._profile_row(customers=True)
        report_bad_rows(profile, self.describe())
        return {
            "n_rows": int(profile["n_rows"]),
            "customers": int(profile["customers"]),
            "first_day": pd.Timestamp(profile["first_day"]),
            "last_day": pd.Timestamp(profile["last_day"]),
            **{k: int(profile[k] or 0) for k in ("missing_ids", "missing_dates", "missing_amounts",
                                                  "negative_amounts") if k in profile},
        }

    def last_day(self) -> pd.Timestamp:
        profile = self._profile_row()
        report_bad_rows(profile, self.describe())
        return pd.Timestamp(profile["last_day"])

    def columns_present(self) -> list[str]:
        """Names of the log's columns after the mapping.

        Examples
        --------
        >>> log.columns_present()  # doctest: +SKIP
        ['customer_id', 'date', 'amount', 'channel']
        """
        return self.query("SELECT * FROM log_input LIMIT 0").columns.astype(str).tolist()

    # -- the overview's questions ---------------------------------------------
    def column_stats(self) -> tuple[int, pd.Series, int]:
        """Rows, missing values per column (after the mapping) and exact duplicate rows."""
        names = self.columns_present()
        row = self.query(_sql.column_stats_sql(names)).iloc[0]
        missing = pd.Series([int(row[f"m{i}"]) for i in range(len(names))], index=names, dtype="int64")
        return int(row["n_rows"]), missing, int(row["n_rows"]) - int(row["n_distinct"])

    def purchase_distribution(self) -> pd.DataFrame:
        """Purchases per customer -> how many customers (``purchases``, ``customers``)."""
        return self.query(_sql.distribution_sql()).astype({"purchases": "int64", "customers": "int64"})

    def overview_values(self) -> dict[str, Any]:
        """The headline figures of :func:`analysis.overview.transaction_overview` (no money for a count-only log)."""
        self.last_day()  # stops on missing values and negative amounts, as validation would
        totals = self.query(_sql.totals_sql()).iloc[0]
        money = {}
        if self.has_amounts():
            money = {k: float(totals[k]) for k in ("revenue", "mean_amount", "median_amount")}
        dist = self.purchase_distribution()
        purchases, customers = dist["purchases"].to_numpy(), dist["customers"].to_numpy()
        n_customers = int(customers.sum())
        first, last = pd.Timestamp(totals["first_day"]), pd.Timestamp(totals["last_day"])
        return {
            "customers": n_customers,
            "transactions": int(totals["n"]),
            "first_date": first.date().isoformat(),
            "last_date": last.date().isoformat(),
            "days_covered": int((last - first).days) + 1,
            **money,
            "mean_purchases_per_customer": float(int(totals["n"]) / n_customers),
            "median_purchases_per_customer": weighted_quantile(purchases, customers, 0.5),
            "p90_purchases_per_customer": weighted_quantile(purchases, customers, 0.9, "higher"),
            "share_one_time_buyers": float(customers[purchases == 1].sum() / n_customers),
        }

    def monthly(self) -> pd.DataFrame:
        """Transactions, revenue (not for a count-only log) and active customers per month with purchases."""
        frame = self.query(_sql.monthly_sql())
        frame.index = pd.PeriodIndex(pd.to_datetime(frame.pop("month")), freq="M")
        return self._typed(frame, {"transactions": "int64", "revenue": "float64", "active_customers": "int64"})

    def _typed(self, frame: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
        """*frame* with *types*; without its (NULL) ``revenue`` column for a count-only log."""
        if not self.has_amounts():
            frame = frame.drop(columns="revenue")
            types = {k: v for k, v in types.items() if k != "revenue"}
        return frame.astype(types)

    def daily_counts(self) -> pd.DataFrame:
        """Transactions, revenue (not for a count-only log) and customers per purchase day (index ``day``)."""
        frame = self.query(_sql.daily_sql())
        frame.index = pd.DatetimeIndex(pd.to_datetime(frame.pop("day"))).as_unit("ns")
        frame.index.name = "day"
        return self._typed(frame, {"transactions": "int64", "revenue": "float64", "customers": "int64"})

    def top_customers(self, n: int) -> pd.DataFrame:
        """The ``n`` customers with the most revenue (a count-only log: the most transactions); ties by id."""
        frame = self.query(_sql.top_customers_sql(n, amount=self.has_amounts()))
        frame["customer_id"] = frame["customer_id"].astype(str)
        return self._typed(frame.set_index("customer_id"), {"transactions": "int64", "revenue": "float64"})

    def suspicious(self, observation_end: pd.Timestamp) -> list[dict]:
        """Counts and example values (the smallest, no row numbers) of the suspicious-value checks.

        A count-only log has no amount checks (only ``future_date`` and ``duplicate_row``).
        """
        from analysis.customerdata.frame import EXAMPLES

        fence_row = self.query(_sql.fence_sql()).iloc[0]
        fence = None
        if int(fence_row["n"]) >= 4:
            q1, q3 = (float(v) for v in fence_row["q"])
            fence = float(np.exp(q3 + 3 * (q3 - q1)))
        found = self.query(_sql.suspicious_sql(observation_end, fence, EXAMPLES)).set_index("check_name")
        n_rows, _, duplicates = self.column_stats()
        rows = {}
        for check, (column, _, _) in _sql.SUSPICIOUS_CHECKS.items():
            examples = found.loc[check, "examples"]
            listed = [str(v) for v in examples] if isinstance(examples, (list, np.ndarray)) else []
            rows[check] = (column, int(found.loc[check, "n_rows"]), listed)
        rows["duplicate_row"] = ("customer_id", duplicates, [])
        checks = ("non_positive_amount", "future_date", "duplicate_row", "extreme_amount")
        if not self.has_amounts():
            checks = ("future_date", "duplicate_row")
        return [
            {"check": check, "column": rows[check][0], "n_rows": rows[check][1], "total": n_rows,
             "examples": ", ".join(rows[check][2])}
            for check in checks
        ]

    # -- segmentation and CLV -------------------------------------------------
    def _rfm_values(self, observation_end, frequency: str) -> pd.DataFrame:
        if frequency != "days":
            raise ParameterError(
                "frequency='transactions' is not available for a transaction log kept on disk "
                "(engine: duckdb); use frequency='days' (distinct purchase days)."
            )
        summary = self.customer_summary(observation_end, time_unit="D", period="D", rfm_columns=True)
        out = pd.DataFrame({"recency_days": summary["recency_days"].astype(np.int64),
                            "frequency": summary["n_periods"].astype(np.int64)}, index=summary.index)
        if "total_amount" in summary.columns:
            out["monetary"] = summary["total_amount"].astype(np.float64)
        out["tenure_days"] = summary["T"].round().astype(np.int64)
        return out

    def cohort_counts(self, calibration_end: pd.Timestamp, observation_end: pd.Timestamp) -> pd.DataFrame:
        """Per day: cohort customers with their first (``n_first``) and a repeat (``n_repeat``) purchase.

        Computed in DuckDB over every row; one row per calendar day comes back.
        """
        self.last_day()  # stops on missing ids, dates or amounts
        frame = self.query(_sql.cohort_days_sql(calibration_end, observation_end))
        return pd.DataFrame({"day": pd.to_datetime(frame["day"]).astype("datetime64[ns]"),
                             "n_first": frame["n_first"].astype(np.int64),
                             "n_repeat": frame["n_repeat"].astype(np.int64)})


def weighted_quantile(values: np.ndarray, counts: np.ndarray, q: float, interpolation: str = "linear") -> float:
    """Quantile of ``values`` repeated ``counts`` times, as numpy computes it on the expanded array.

    Examples
    --------
    >>> import numpy as np
    >>> weighted_quantile(np.array([1, 2, 5]), np.array([3, 1, 1]), 0.5)
    1.0
    """
    n = int(counts.sum())
    position = (n - 1) * q
    cum = np.cumsum(counts)

    def at(i: int) -> float:
        return float(values[int(np.searchsorted(cum, i, side="right"))])

    lo, hi = int(np.floor(position)), int(np.ceil(position))
    if interpolation == "higher":
        return at(hi)
    return at(lo) + (at(hi) - at(lo)) * (position - lo)
