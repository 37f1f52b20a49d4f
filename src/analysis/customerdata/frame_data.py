"""Customer data held in memory: a canonical transactions DataFrame."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.customerdata import frame as _frame
from analysis.customerdata.interface import CustomerData
from analysis.customerdata.sources import LogSource, local_wall_time
from analysis.errors import DataValidationError
from analysis.schemas.guards import check_transactions_frame

__all__ = ["FrameData"]


@dataclass(frozen=True, eq=False)
class FrameData(CustomerData):
    """A transactions DataFrame behind the :class:`~analysis.customerdata.CustomerData` interface.

    The frame is not copied and not validated when wrapped: each method checks
    what it needs (the summaries and RFM values check the canonical columns and,
    as for a log on disk, refuse negative amounts), so the overview also works on
    a table with only some of them.

    Parameters
    ----------
    frame : DataFrame
        Canonical transactions: ``customer_id``, ``date`` (datetime64), ``amount``
        (absent in a count-only log: every result then leaves its money out).
    timezone : str
        Zone whose calendar days count.
    engine : str or engine object
        What ``engine="auto"`` means for the summaries (default pandas).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-02"]),
    ...                    "amount": [1.0, 2.0, 3.0]})
    >>> FrameData(tx).profile()["customers"]
    2
    """

    frame: pd.DataFrame
    timezone: str = "UTC"
    engine: Any = "auto"
    is_on_disk = False

    def source(self) -> LogSource:
        return LogSource(frame=self.frame)

    def default_engine(self):
        return "pandas" if self.engine == "auto" else self.engine

    def has_amounts(self) -> bool:
        return "amount" in self.frame.columns

    def _checked(self, purpose: str) -> pd.DataFrame:
        """The frame, after checking its canonical columns and that no amount is negative (as a log on disk)."""
        frame = self.frame
        check_transactions_frame(frame, purpose=purpose)
        if not self.has_amounts():
            return frame
        negative = (frame["amount"] < 0).to_numpy()
        if negative.any():
            rows = np.flatnonzero(negative)
            values = frame["amount"].to_numpy()[rows[:5]]
            shown = ", ".join(f"row {r + 1} ({float(v):g})" for r, v in zip(rows[:5], values))
            more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
            raise DataValidationError(
                f"Column 'amount' of the transactions table has {len(rows)} negative amount(s): {shown}{more} "
                "(counting data rows from 1). Refunds and returns are not purchases: remove those rows, or "
                "validate the table with analysis.schemas.validate_transactions(..., drop_invalid_amounts=True) "
                f"to drop them with a warning, before {purpose}."
            )
        return frame

    def summary_frame(self) -> pd.DataFrame:
        frame = self._checked("summarising")
        date = local_wall_time(frame["date"], self.timezone)
        ids = frame["customer_id"]
        if date is not frame["date"] or not pd.api.types.is_string_dtype(ids):
            frame = frame.assign(date=date, customer_id=ids.astype("string"))
        return frame

    def _dates(self) -> pd.Series:
        return local_wall_time(self.frame["date"], self.timezone)

    def last_day(self) -> pd.Timestamp:
        if len(self.frame) == 0:
            raise DataValidationError("The transactions table is empty; it has no last transaction day.")
        return pd.Timestamp(self._dates().max()).normalize()

    def profile(self) -> dict[str, Any]:
        f = self.frame
        dates = self._dates()
        out = {
            "n_rows": int(len(f)),
            "customers": int(f["customer_id"].nunique()),
            "first_day": pd.Timestamp(dates.min()).normalize(),
            "last_day": pd.Timestamp(dates.max()).normalize(),
            "missing_ids": int(f["customer_id"].isna().sum()),
            "missing_dates": int(dates.isna().sum()),
        }
        if self.has_amounts():
            out["missing_amounts"] = int(f["amount"].isna().sum())
            out["negative_amounts"] = int((f["amount"] < 0).sum())
        return out

    def columns_present(self) -> list[str]:
        return self.frame.columns.astype(str).tolist()

    def column_stats(self) -> tuple[int, pd.Series, int]:
        """Rows, missing values per column and exact duplicate rows."""
        f = self.frame
        missing = f.isna().sum().astype("int64")
        missing.index = f.columns.astype(str)
        return int(len(f)), missing, int(f.duplicated().sum())

    def purchase_distribution(self) -> pd.DataFrame:
        """Purchases per customer -> how many customers (``purchases``, ``customers``)."""
        counts = self.frame.groupby("customer_id", observed=True).size()
        dist = counts.value_counts().sort_index()
        return pd.DataFrame({"purchases": dist.index.astype("int64"), "customers": dist.to_numpy()})

    def overview_values(self) -> dict[str, Any]:
        """The headline figures of :func:`analysis.overview.transaction_overview` (no money for a count-only log)."""
        tx = self.frame
        counts = tx.groupby("customer_id", observed=True).size()
        first, last = tx["date"].min(), tx["date"].max()
        money = {}
        if self.has_amounts():
            money = {"revenue": float(tx["amount"].sum()), "mean_amount": float(tx["amount"].mean()),
                     "median_amount": float(tx["amount"].median())}
        return {
            "customers": int(counts.size),
            "transactions": int(len(tx)),
            "first_date": first.date().isoformat(),
            "last_date": last.date().isoformat(),
            "days_covered": int((last.normalize() - first.normalize()).days) + 1,
            **money,
            "mean_purchases_per_customer": float(counts.mean()),
            "median_purchases_per_customer": float(counts.median()),
            "p90_purchases_per_customer": float(counts.quantile(0.9, interpolation="higher")),
            "share_one_time_buyers": float((counts == 1).mean()),
        }

    def monthly(self) -> pd.DataFrame:
        """Transactions, revenue (not for a count-only log) and active customers per month with purchases."""
        tx = self.frame
        month = tx["date"].dt.to_period("M")
        grouped = tx.groupby(month, observed=True)
        out = pd.DataFrame({"transactions": grouped.size()})
        if self.has_amounts():
            out["revenue"] = grouped["amount"].sum()
        out["active_customers"] = grouped["customer_id"].nunique()
        return out

    def daily_counts(self) -> pd.DataFrame:
        """Transactions, revenue and customers per purchase day (index ``day``)."""
        return _frame.daily_counts_frame(self.frame.assign(date=self._dates()))

    def top_customers(self, n: int) -> pd.DataFrame:
        """The ``n`` customers with the most revenue (a count-only log: the most transactions, no revenue)."""
        grouped = self.frame.groupby("customer_id", observed=True)
        if not self.has_amounts():
            return grouped.size().rename("transactions").to_frame().nlargest(n, "transactions")
        return (grouped["amount"].agg(["count", "sum"])
                .rename(columns={"count": "transactions", "sum": "revenue"})
                .nlargest(n, "revenue"))

    def suspicious(self, observation_end: pd.Timestamp) -> list[dict]:
        """Counts and examples (row numbers from 1) of the suspicious-value checks."""
        return _frame.suspicious_frame(self.frame, observation_end)

    def _rfm_values(self, observation_end, frequency: str) -> pd.DataFrame:
        from analysis.window import parse_date

        self._checked("segmenting")
        if len(self.frame) == 0:
            raise DataValidationError("The transactions table is empty; RFM needs purchases.")
        end = parse_date(observation_end, "observation_end", timezone=self.timezone) if observation_end is not None else None
        return _frame.rfm_values_frame(self.frame, end, frequency)

    def cohort_counts(self, calibration_end: pd.Timestamp, observation_end: pd.Timestamp) -> pd.DataFrame:
        """Per day: cohort customers with their first (``n_first``) and a repeat (``n_repeat``) purchase."""
        return _frame.cohort_days_frame(self.frame, calibration_end, observation_end)
