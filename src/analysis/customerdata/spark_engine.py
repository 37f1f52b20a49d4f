"""Spark backend: the same SQL through Spark SQL, local mode or a cluster session."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.customerdata.engines import Session, SQLEngine
from analysis.errors import DataValidationError, InputFileError, ParameterError
from analysis.customerdata.sources import AMOUNT, REQUIRED, LogSource, log_columns
from analysis.customerdata.sql import DIALECTS, kept_days_condition

__all__ = ["SparkEngine", "java_available", "local_spark_session"]

_counter = itertools.count()


def java_available() -> bool:
    """True when a Java runtime (needed by Spark) can be started.

    Examples
    --------
    >>> isinstance(java_available(), bool)
    True
    """
    java = shutil.which("java")
    if java is None:
        import os

        home = os.environ.get("JAVA_HOME")
        java = str(Path(home) / "bin" / "java") if home else None
        if java is None or not Path(java).exists():
            return False
    try:
        return subprocess.run([java, "-version"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def local_spark_session(*, cores: int | str = "*", shuffle_partitions: int = 8, driver_memory: str = "2g"):
    """A local-mode Spark session (created once, then reused) for this machine.

    Examples
    --------
    >>> spark = local_spark_session(cores=1, shuffle_partitions=2)  # doctest: +SKIP
    """
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("analysis-summary")
        .config("spark.sql.shuffle.partitions", str(int(shuffle_partitions)))
        .config("spark.driver.memory", driver_memory)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


class SparkEngine(SQLEngine):
    """Settings of the Spark engine.

    Parameters
    ----------
    session : pyspark.sql.SparkSession, optional
        The session to run in (for a cluster, build it with your cluster's
        master URL). Default: the active session, else a local-mode session on
        all cores (:func:`local_spark_session`).

    Notes
    -----
    The session time zone (``spark.sql.session.timeZone``) is set to the
    summary's ``timezone`` for the duration of each query and restored after.
    A result written with ``summary_to_parquet`` is a Spark output folder of
    part files.

    Examples
    --------
    >>> from analysis.customerdata import SparkEngine
    >>> SparkEngine().name
    'spark'
    """

    name = "spark"

    def __init__(self, session: Any = None) -> None:
        self.session_ = session

    def __repr__(self) -> str:
        return f"SparkEngine(session={self.session_!r})"

    @property
    def dialect(self):  # type: ignore[override]
        return DIALECTS["spark"]

    def spark(self):
        if self.session_ is not None:
            return self.session_
        if not java_available():
            raise ParameterError(
                "The Spark engine needs a Java runtime (Java 17 or 21): install one and set "
                "JAVA_HOME, or use engine='duckdb'."
            )
        return local_spark_session()

    @contextmanager
    def session(self, source: LogSource, timezone: str) -> Iterator[Session]:
        spark = self.spark()
        old_tz = spark.conf.get("spark.sql.session.timeZone")
        try:
            spark.conf.set("spark.sql.session.timeZone", timezone)
        except Exception as exc:  # noqa: BLE001 - py4j/analysis errors of many kinds
            spark.conf.set("spark.sql.session.timeZone", old_tz)
            raise ParameterError(
                f"timezone must be an IANA zone name such as 'UTC' or 'Asia/Shanghai'; got {timezone!r}."
            ) from exc
        relation = f"analysis_log_{next(_counter)}"
        try:
            try:
                if source.is_frame:
                    frame = source.frame
                    missing = [c for c in REQUIRED if c not in frame.columns]
                    if missing:
                        raise DataValidationError(
                            f"The transactions table lacks column(s) {missing}; it has {list(frame.columns)}."
                        )
                    with _quiet():
                        df = spark.createDataFrame(frame[log_columns(frame.columns)])
                elif source.format == "parquet":
                    df = spark.read.parquet(*[f.as_posix() for f in source.files])
                else:
                    df = spark.read.option("header", True).csv([f.as_posix() for f in source.files])
            except DataValidationError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise InputFileError(f"Spark cannot read {source.describe()}: {exc}") from exc
            if source.columns:  # the study's column mapping, as in the DuckDB view
                clashing = [canon for canon, src in source.columns if canon in df.columns and canon != src]
                df = df.drop(*clashing)
                for canon, src in source.columns:
                    df = df.withColumnRenamed(src, canon)
            types = dict(df.dtypes)
            missing = [c for c in REQUIRED if c not in types]
            if missing:
                raise DataValidationError(f"{source.describe()} lack(s) column(s) {missing}; found {list(types)}.")
            day_expr = _day_expr(types["date"], source)
            if source.last_day is not None:  # rows dated later are left out (future_dates="drop")
                df = df.where(kept_days_condition(day_expr, source.last_day))
            df.createOrReplaceTempView(relation)
            yield _SparkSession(spark, relation, day_expr, AMOUNT in types)
        finally:
            spark.catalog.dropTempView(relation)
            spark.conf.set("spark.sql.session.timeZone", old_tz)


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence pyspark's own warnings about the pandas version (our tests check the results)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"pyspark\.")
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
        yield


def _day_expr(kind: str, source: LogSource) -> str:
    col = "`date`"
    if kind == "date":
        return col
    if kind in ("timestamp", "timestamp_ntz"):
        # timestamp (an instant) is cast in the session time zone = timezone; _ntz is wall time
        return f"CAST({col} AS DATE)"
    if kind == "string":
        return f"CAST(CAST({col} AS TIMESTAMP) AS DATE)"
    raise DataValidationError(
        f"Column 'date' of {source.describe()} has Spark type {kind}; it must hold dates or timestamps."
    )


class _SparkSession(Session):
    def __init__(self, spark, relation: str, day_expr: str, has_amount: bool) -> None:
        self.spark, self.relation, self.day_expr, self.has_amount = spark, relation, day_expr, has_amount

    def _frame(self, sql: str):
        return self.spark.sql(sql)

    def fetch(self, sql: str) -> pd.DataFrame:
        try:
            with _quiet():
                return self._frame(sql).toPandas()
        except Exception as exc:  # noqa: BLE001
            if "CAST_INVALID_INPUT" in str(exc) or "cannot be cast" in str(exc).lower():
                raise DataValidationError(f"The log holds a value Spark cannot convert: {exc}") from exc
            raise

    def write_parquet(self, sql: str, path: Path) -> None:
        self._frame(sql).write.mode("overwrite").parquet(Path(path).as_posix())
