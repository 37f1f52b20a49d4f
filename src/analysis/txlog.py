"""A transaction log that stays on disk: Parquet or CSV files queried through DuckDB.

A study whose ``transactions`` table says ``engine: duckdb`` (see
:mod:`analysis.study`) is not loaded into pandas. :meth:`analysis.study.Study.transaction_log`
gives a :class:`TransactionLog` instead: the files, the study's column mapping
(applied as renames in SQL) and the DuckDB settings. Everything that takes a
transactions table for *statistics* accepts it in place of a DataFrame and
computes on every row in DuckDB:

- :func:`analysis.summary.customer_summary` and the other summary functions;
- :func:`analysis.overview.transaction_overview`, ``purchases_per_customer``,
  ``monthly_activity``, ``top_customers``, ``suspicious_values``, ``table_overview``,
  ``missing_values``;
- :func:`analysis.segmentation.rfm_values` and hence :func:`analysis.segmentation.rfm`
  (one row per customer comes back into memory; the log does not).

Figures that need single transactions draw them from
:meth:`TransactionLog.sample_transactions`: every purchase of a seeded random
sample of whole customers.

The log is *not* validated row by row as an in-memory table is; the overview and
summary queries count missing values and negative amounts on the way and stop
with a message naming them (:meth:`TransactionLog.profile`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import ParameterError

__all__ = ["TransactionLog"]


@dataclass(frozen=True)
class TransactionLog:
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
        Zone whose calendar days count (see :mod:`analysis.summary`).

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
    ) -> TransactionLog:
        """A log from a path, folder, glob or list of them (as the summary functions take).

        Examples
        --------
        >>> TransactionLog.from_paths("logs/*.parquet").format  # doctest: +SKIP
        'parquet'
        """
        from analysis.summary._sources import resolve_source

        source = resolve_source(paths if not isinstance(paths, (str, Path)) else str(paths))
        return cls(
            files=source.files,
            format=source.format,
            columns=MappingProxyType(dict(columns or {})),
            memory_limit=memory_limit,
            temp_directory=Path(temp_directory) if temp_directory is not None else None,
            threads=threads,
            timezone=timezone,
        )

    # -- what the engines need ------------------------------------------------
    def log_source(self):
        """The summary functions' view of this log (files plus column mapping)."""
        from analysis.summary._sources import LogSource

        return LogSource(files=tuple(self.files), format=self.format, columns=tuple(self.columns.items()))

    @property
    def engine(self):
        """The :class:`analysis.engines.DuckDBEngine` with this log's settings."""
        from analysis.engines import DuckDBEngine

        return DuckDBEngine(memory_limit=self.memory_limit, temp_directory=self.temp_directory, threads=self.threads)

    def describe(self) -> str:
        """A short description for messages ("parquet file(s) a.parquet, b.parquet and 3 more")."""
        return self.log_source().describe()

    def query(self, sql: str) -> pd.DataFrame:
        """Run ``sql`` on the log and return the result.

        The statement may use ``tx`` (canonical rows: ``customer_id`` text,
        ``day`` the purchase's calendar date in :attr:`timezone`, ``amount``
        double; the CTE of :mod:`analysis.summary._sql`) and ``log_input`` (the
        mapped log with all its columns). A statement starting with ``WITH``
        gets ``tx`` prepended to its own common table expressions.

        Examples
        --------
        >>> log.query("SELECT COUNT(DISTINCT customer_id) AS n FROM tx")  # doctest: +SKIP
        """
        from analysis.summary import _sql

        with self.engine.session(self.log_source(), self.timezone) as session:
            cte = _sql._tx_cte(self.engine.dialect, session.relation, session.day_expr)
            body = sql.strip()
            if body[:5].upper() == "WITH ":
                statement = f"WITH {cte},\n{body[5:]}"
            else:
                statement = f"WITH {cte}\n{body}"
            return session.fetch(statement)

    def profile(self) -> dict[str, Any]:
        """Rows, first and last purchase day; stops on missing values or negative amounts.

        Returns
        -------
        dict
            ``n_rows``, ``first_day``, ``last_day`` (Timestamps).

        Raises
        ------
        DataValidationError
            Naming how many rows have a missing id, date or amount, or a negative amount.

        Examples
        --------
        >>> log.profile()["n_rows"]  # doctest: +SKIP
        20000
        """
        from analysis.summary import _report_bad_rows, _sql

        with self.engine.session(self.log_source(), self.timezone) as session:
            row = session.fetch(_sql.profile_sql(self.engine.dialect, session.relation, session.day_expr))
        profile = row.iloc[0].to_dict()
        _report_bad_rows(profile, self.describe())
        return {
            "n_rows": int(profile["n_rows"]),
            "first_day": pd.Timestamp(profile["first_day"]),
            "last_day": pd.Timestamp(profile["last_day"]),
        }

    def columns_present(self) -> list[str]:
        """Names of the log's columns after the mapping.

        Examples
        --------
        >>> log.columns_present()  # doctest: +SKIP
        ['customer_id', 'date', 'amount', 'channel']
        """
        return self.query("SELECT * FROM log_input LIMIT 0").columns.astype(str).tolist()

    def sample_transactions(self, n_customers: int, seed: int | np.random.Generator = 0) -> pd.DataFrame:
        """Every purchase of a seeded random sample of whole customers, for figures.

        Customers are ranked by a hash of their id and the seed, and the first
        ``n_customers`` are kept (all of them when the log has fewer), so the
        same seed gives the same sample.

        Parameters
        ----------
        n_customers : int
            How many customers to draw.
        seed : int or numpy Generator
            Seed of the draw.

        Returns
        -------
        DataFrame
            Canonical transactions of the drawn customers: ``customer_id``
            (string), ``date`` (datetime64, the purchase's calendar day),
            ``amount`` (float64), sorted by customer and date.

        Examples
        --------
        >>> sample = log.sample_transactions(5000, seed=20240601)  # doctest: +SKIP
        """
        if isinstance(n_customers, bool) or not isinstance(n_customers, (int, np.integer)) or n_customers < 1:
            raise ParameterError(f"n_customers must be a positive int; got {n_customers!r}.")
        if isinstance(seed, np.random.Generator):
            seed = int(seed.integers(0, 2**31 - 1))
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ParameterError(f"seed must be an int or a numpy Generator; got {seed!r}.")
        frame = self.query(
            "WITH ids AS (\n"
            "    SELECT customer_id FROM tx GROUP BY customer_id\n"
            f"    ORDER BY hash(customer_id || '#{int(seed)}'), customer_id LIMIT {int(n_customers)}\n"
            ")\n"
            "SELECT tx.customer_id, tx.day AS date, tx.amount FROM tx SEMI JOIN ids USING (customer_id)\n"
            "ORDER BY tx.customer_id, tx.day, tx.amount"
        )
        return pd.DataFrame(
            {
                "customer_id": frame["customer_id"].astype("string"),
                "date": pd.to_datetime(frame["date"]).astype("datetime64[ns]"),
                "amount": frame["amount"].astype("float64"),
            }
        )
