"""Engines that run the one SQL definition of the customer-data queries.

``"pandas"``
    Everything in memory (the reference implementation, :mod:`analysis.customerdata.frame`).
``"duckdb"`` / :class:`~analysis.customerdata.DuckDBEngine`
    Embedded DuckDB, no server. Reads Parquet/CSV files directly, works within
    ``memory_limit`` and spills to ``temp_directory`` when the aggregation does
    not fit.
``"spark"`` / :class:`~analysis.customerdata.SparkEngine`
    Spark SQL through ``pyspark``: local mode by default, or the session you
    pass (pointed at a cluster) for logs beyond one machine.

Time zones (every engine alike)
    A purchase's *day* is its calendar day in ``timezone`` (default ``"UTC"``).
    Timestamps that carry a zone - a tz-aware pandas column, a Parquet
    ``TIMESTAMP`` adjusted to UTC, a CSV string with an offset such as
    ``+08:00`` or ``Z`` - are converted to ``timezone`` first; naive timestamps
    and plain dates are taken as wall-clock times already in ``timezone`` and
    are never shifted.

Examples
--------
>>> from analysis.customerdata import DuckDBEngine, resolve_engine
>>> resolve_engine(DuckDBEngine(memory_limit="1GB")).name
'duckdb'
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

import pandas as pd

from analysis.customerdata.sql import Dialect
from analysis.errors import ParameterError

__all__ = ["SQLEngine", "Session", "ENGINES", "resolve_engine", "check_engine"]

ENGINES = ("auto", "pandas", "duckdb", "spark")


class Session:
    """An open connection with the log registered as a view.

    Attributes
    ----------
    relation : str
        Name of the view holding the raw log (columns at least customer_id, date; amount unless count-only).
    day_expr : str
        SQL expression giving each row's purchase day (a DATE) in the chosen time zone.
    has_amount : bool
        Whether the log has an ``amount`` column (False: a count-only log).
    """

    relation: str
    day_expr: str
    has_amount: bool = True

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


def check_engine(engine) -> None:
    """ParameterError naming the choices unless ``engine`` is a name of :data:`ENGINES` or an engine object.

    Examples
    --------
    >>> check_engine("duckdb")
    """
    if not isinstance(engine, SQLEngine) and not (isinstance(engine, str) and engine in ENGINES):
        raise ParameterError(
            f"engine must be one of {ENGINES} or a DuckDBEngine/SparkEngine object; got {engine!r}."
        )


def resolve_engine(engine, *, is_frame: bool = False) -> SQLEngine | str:
    """``"auto"``/``"pandas"``/``"duckdb"``/``"spark"`` or an engine object -> ``"pandas"`` or an engine.

    ``"auto"`` means pandas for a DataFrame and DuckDB for files.

    Examples
    --------
    >>> resolve_engine("auto", is_frame=True)
    'pandas'
    >>> resolve_engine("duckdb").name
    'duckdb'
    """
    from analysis.customerdata.duckdb_engine import DuckDBEngine
    from analysis.customerdata.spark_engine import SparkEngine

    check_engine(engine)
    if isinstance(engine, SQLEngine):
        return engine
    if engine == "auto":
        return "pandas" if is_frame else DuckDBEngine()
    if engine == "pandas":
        return "pandas"
    if engine == "duckdb":
        return DuckDBEngine()
    return SparkEngine()
