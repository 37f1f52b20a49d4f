"""What the summary code needs from a SQL engine."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

import pandas as pd

from analysis.summary._sql import Dialect

__all__ = ["SQLEngine", "Session"]


class Session:
    """An open connection with the log registered as a view.

    Attributes
    ----------
    relation : str
        Name of the view holding the raw log (columns at least customer_id, date, amount).
    day_expr : str
        SQL expression giving each row's purchase day (a DATE) in the chosen time zone.
    """

    relation: str
    day_expr: str

    def fetch(self, sql: str) -> pd.DataFrame:  # pragma: no cover - interface
        raise NotImplementedError

    def write_parquet(self, sql: str, path: Path) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class SQLEngine:
    """Base of :class:`DuckDBEngine` and :class:`SparkEngine`."""

    name: str = ""
    dialect: Dialect

    def session(self, source, timezone: str) -> AbstractContextManager[Session]:  # pragma: no cover
        raise NotImplementedError
