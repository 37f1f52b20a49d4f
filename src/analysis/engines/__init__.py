"""Engines that run the one SQL definition of the customer summary on logs larger than memory.

``"pandas"``
    Everything in memory (the reference implementation).
``"duckdb"`` / :class:`DuckDBEngine`
    Embedded DuckDB, no server. Reads Parquet/CSV files directly, works within
    ``memory_limit`` and spills to ``temp_directory`` when the aggregation does
    not fit.
``"spark"`` / :class:`SparkEngine`
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
>>> from analysis.engines import DuckDBEngine, resolve_engine
>>> resolve_engine(DuckDBEngine(memory_limit="1GB")).name
'duckdb'
"""

from __future__ import annotations

from analysis.engines._base import SQLEngine
from analysis.engines._duckdb import DuckDBEngine
from analysis.engines._spark import SparkEngine, java_available
from analysis.errors import ParameterError

__all__ = ["DuckDBEngine", "SparkEngine", "SQLEngine", "ENGINES", "resolve_engine", "java_available"]

ENGINES = ("auto", "pandas", "duckdb", "spark")


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
    if isinstance(engine, SQLEngine):
        return engine
    if engine == "auto":
        return "pandas" if is_frame else DuckDBEngine()
    if engine == "pandas":
        return "pandas"
    if engine == "duckdb":
        return DuckDBEngine()
    if engine == "spark":
        return SparkEngine()
    raise ParameterError(
        f"engine must be one of {ENGINES} or a DuckDBEngine/SparkEngine object; got {engine!r}."
    )
