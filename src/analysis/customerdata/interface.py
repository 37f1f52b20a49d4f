"""What every kind of customer data answers: the one interface of :mod:`analysis.customerdata`.

An in-memory table (:class:`~analysis.customerdata.FrameData`) and a log kept on
disk (:class:`~analysis.customerdata.TransactionLog`) both implement it, so the
analyses (summary, overview, segmentation, CLV validation) never ask which kind
they were given: they call :func:`analysis.customerdata.customer_data` once and
then these methods. The results have the same shape and values for both kinds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED
from analysis.customerdata import sql as _sql
from analysis.customerdata.sources import LogSource
from analysis.customerdata.summaries import run_summary
from analysis.errors import DataValidationError, ParameterError
from analysis.window import Window

__all__ = ["CustomerData", "RFM_FREQUENCIES"]

#: how ``rfm_values`` counts frequency: distinct purchase days or transaction rows
RFM_FREQUENCIES = ("days", "transactions")


class CustomerData:
    """Transactions of a study, wherever they are kept (see the module docstring).

    Subclasses set :attr:`is_on_disk` and implement the methods marked "per kind".
    """

    #: True for a log kept on disk (files read by an engine), False for a DataFrame
    is_on_disk: bool = False
    timezone: str = "UTC"

    # ------------------------------------------------------------------ per kind
    def source(self) -> LogSource:  # pragma: no cover - per kind
        """The engines' view of the data (a frame, or files plus a column mapping)."""
        raise NotImplementedError

    def default_engine(self):  # pragma: no cover - per kind
        """The engine ``engine="auto"`` means for this data."""
        raise NotImplementedError

    def describe(self) -> str:
        """A short description for messages."""
        return self.source().describe()

    def summary_frame(self) -> pd.DataFrame:  # pragma: no cover - per kind
        """Canonical rows in memory for the pandas engine (checked: no missing values, no negative amounts)."""
        raise NotImplementedError

    def profile(self) -> dict[str, Any]:  # pragma: no cover - per kind
        """Rows, customers, first and last purchase day, missing and negative counts."""
        raise NotImplementedError

    def last_day(self) -> pd.Timestamp:  # pragma: no cover - per kind
        """The day of the last transaction (what an unset ``observation_end`` means)."""
        raise NotImplementedError

    def has_amounts(self) -> bool:  # pragma: no cover - per kind
        """Whether the transactions carry an ``amount``; False for a count-only log (who bought when)."""
        raise NotImplementedError

    def require_amounts(self, purpose: str) -> None:
        """Raise a DataValidationError saying that *purpose* needs money when this is a count-only log.

        Parameters
        ----------
        purpose : str
            What needs the amounts, completing "... needs the amount of each purchase"
            (for example ``"the Gamma-Gamma spend model"``).

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.customerdata import customer_data
        >>> visits = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"])})
        >>> customer_data(visits).require_amounts("revenue per customer")
        Traceback (most recent call last):
        ...
        analysis.errors.DataValidationError: There is no amount column in the transactions DataFrame: it is a ...
        """
        if not self.has_amounts():
            raise DataValidationError(
                f"There is no amount column in {self.describe()}: it is a count-only log (who bought when), "
                f"but {purpose} needs the amount of each purchase. Map the column that holds the "
                "spend to amount (study YAML 'columns: {amount: <your column>}'), or leave out what needs money; "
                "counts, recency and P(alive) work without it."
            )

    # ------------------------------------------------------------------ shared
    def resolve_window(self, window: Window) -> Window:
        """``window`` with its ``observation_end`` set, by default to :meth:`last_day`."""
        if window.observation_end is not None:
            return window
        return window.resolve(self.last_day())

    def query(self, sql: str) -> pd.DataFrame:
        """Run ``sql`` in DuckDB on the data's ``tx`` (canonical rows with the purchase ``day``) and ``log_input``.

        A statement starting with ``WITH`` gets ``tx`` prepended to its own
        common table expressions (:func:`analysis.customerdata.sql.with_tx`).

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.customerdata import customer_data
        >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01"] * 2),
        ...                    "amount": [1.0, 2.0]})
        >>> int(customer_data(tx).query("SELECT COUNT(DISTINCT customer_id) AS n FROM tx")["n"].iloc[0])
        2
        """
        engine = self.duckdb_engine()
        with engine.session(self.source(), self.timezone) as session:
            cte = _sql.tx_cte(engine.dialect, session.relation, session.day_expr, session.has_amount)
            return session.fetch(_sql.with_tx(sql, cte))

    def duckdb_engine(self):
        """The DuckDB engine queries of this data run on."""
        from analysis.customerdata.duckdb_engine import DuckDBEngine

        return DuckDBEngine()

    def customer_summary(self, observation_end=None, time_unit: str = "W", *, calibration_end=None,
                         period: str = "D", rfm_columns: bool = False, engine="auto") -> pd.DataFrame:
        """Per-customer summary (see :func:`analysis.summary.customer_summary`; with ``calibration_end``
        :func:`analysis.summary.calibration_holdout_summary`)."""
        return run_summary(self, observation_end=observation_end, calibration_end=calibration_end,
                           time_unit=time_unit, period=period, engine=engine, rfm_columns=rfm_columns)

    def grouped_summary(self, observation_end=None, time_unit: str = "W", *, columns=("frequency", "recency", "T"),
                        weight: str = "weight", period: str = "D", engine="auto") -> pd.DataFrame:
        """The summary collapsed to distinct ``columns`` rows with a count (:func:`analysis.summary.grouped_customer_summary`)."""
        return run_summary(self, observation_end=observation_end, time_unit=time_unit, period=period,
                           engine=engine, group_columns=tuple(columns), weight=weight)

    def summary_to_parquet(self, path: str | Path, observation_end=None, time_unit: str = "W", *,
                           calibration_end=None, rfm_columns: bool = False, period: str = "D", engine="auto",
                           sort: bool = False) -> Path:
        """Write the summary to Parquet (:func:`analysis.summary.summary_to_parquet`)."""
        run_summary(self, observation_end=observation_end, calibration_end=calibration_end, time_unit=time_unit,
                    period=period, engine=engine, rfm_columns=rfm_columns, output=Path(path), order=sort)
        return Path(path)

    def rfm_values(self, observation_end=None, *, frequency: str = "days") -> pd.DataFrame:
        """Recency days, frequency, monetary and tenure days per customer (:func:`analysis.segmentation.rfm_values`).

        A count-only log gives no ``monetary`` column.
        """
        if frequency not in RFM_FREQUENCIES:
            raise ParameterError(
                f"frequency must be 'days' (distinct purchase days) or 'transactions' (rows); got {frequency!r}."
            )
        return self._rfm_values(observation_end, frequency)

    def _rfm_values(self, observation_end, frequency: str) -> pd.DataFrame:  # pragma: no cover - per kind
        raise NotImplementedError

    def sample_transactions(self, n_customers: int, seed: int | np.random.Generator = DEFAULT_SEED) -> pd.DataFrame:
        """Every purchase of a seeded random sample of whole customers, for figures.

        Customers are ranked by a hash of their id and the seed, and the first
        ``n_customers`` are kept (all of them when there are fewer), so the same
        seed gives the same sample for a DataFrame and for files holding it.

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
            ``amount`` (float64; absent for a count-only log), sorted by
            customer and date.
        """
        if isinstance(n_customers, bool) or not isinstance(n_customers, (int, np.integer)) or n_customers < 1:
            raise ParameterError(f"n_customers must be a positive int; got {np.asarray(n_customers).tolist()!r}.")
        if isinstance(seed, np.random.Generator):
            seed = int(seed.integers(0, 2**31 - 1))
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ParameterError(f"seed must be an int or a numpy Generator; got {np.asarray(seed).tolist()!r}.")
        frame = self.query(_sql.sample_sql(int(n_customers), int(seed)))
        sample = {"customer_id": frame["customer_id"].astype("string"),
                  "date": pd.to_datetime(frame["date"]).astype("datetime64[ns]")}
        if self.has_amounts():
            sample["amount"] = frame["amount"].astype("float64")
        return pd.DataFrame(sample)
