"""DuckDB backend: embedded, bounded memory, spills to disk."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.customerdata.engines import Session, SQLEngine
from analysis.errors import DataValidationError, InputFileError, ParameterError
from analysis.customerdata.sources import AMOUNT, REQUIRED, LogSource, log_columns
from analysis.customerdata.sql import DIALECTS, kept_days_condition, quantiles_sql

__all__ = ["DuckDBEngine", "column_quantiles"]

_NAIVE = ("TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_US", "DATETIME")


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _file_list(files) -> str:
    return "[" + ", ".join(_literal(f.as_posix()) for f in files) + "]"


@dataclass(frozen=True)
class DuckDBEngine(SQLEngine):
    """Settings of the embedded DuckDB engine.

    Parameters
    ----------
    memory_limit : str, optional
        Most memory DuckDB may use, as DuckDB writes it (``"4GB"``, ``"512MB"``).
        Default: DuckDB's own (80% of RAM). Aggregations larger than this spill
        to ``temp_directory``.
    temp_directory : str or Path, optional
        Folder for spilled data. Default: a fresh folder under the system's
        temporary directory, removed when the query ends.
    threads : int, optional
        Worker threads; default: all cores.

    Examples
    --------
    >>> from analysis.customerdata import DuckDBEngine
    >>> DuckDBEngine(memory_limit="2GB", threads=2).memory_limit
    '2GB'
    """

    memory_limit: str | None = None
    temp_directory: str | Path | None = None
    threads: int | None = None
    name: str = "duckdb"

    @property
    def dialect(self):  # type: ignore[override]
        return DIALECTS["duckdb"]

    @contextmanager
    def connect(self, timezone: str = "UTC") -> Iterator:
        """An in-memory DuckDB connection with these settings (the time zone set for the session)."""
        import duckdb

        if self.threads is not None and (not isinstance(self.threads, int) or self.threads < 1):
            raise ParameterError(f"threads must be a positive int; got {self.threads!r}.")
        own_temp = self.temp_directory is None
        temp = Path(tempfile.mkdtemp(prefix="analysis-duckdb-")) if own_temp else Path(self.temp_directory)
        config = {"temp_directory": str(temp)}
        if self.memory_limit is not None:
            config["memory_limit"] = str(self.memory_limit)
        if self.threads is not None:
            config["threads"] = int(self.threads)
        try:
            con = duckdb.connect(":memory:", config=config)
        except duckdb.Error as exc:
            if own_temp:
                shutil.rmtree(temp, ignore_errors=True)
            raise ParameterError(f"DuckDB refused the settings {config}: {exc}") from exc
        try:
            # insertion order is not needed; dropping it lets DuckDB stream and spill more freely
            con.execute("SET preserve_insertion_order = false")
            try:
                con.execute("SET enable_progress_bar = false")  # no output: callers show their own
            except duckdb.Error:  # inside Jupyter without ipywidgets DuckDB refuses the setting (and draws no bar)
                pass
            try:
                con.execute(f"SET TimeZone = {_literal(timezone)}")
            except duckdb.Error as exc:
                raise ParameterError(
                    f"timezone must be an IANA zone name such as 'UTC' or 'Asia/Shanghai'; got {timezone!r}."
                ) from exc
            yield con
        finally:
            con.close()
            if own_temp:
                shutil.rmtree(temp, ignore_errors=True)

    @contextmanager
    def session(self, source: LogSource, timezone: str) -> Iterator[Session]:
        import duckdb

        with self.connect(timezone) as con:
            relation = "log_input"
            try:
                if source.is_frame:
                    frame = source.frame
                    missing = [c for c in REQUIRED if c not in frame.columns]
                    if missing:
                        raise DataValidationError(
                            f"The transactions table lacks column(s) {missing}; it has {list(frame.columns)}."
                        )
                    con.register(relation, frame[log_columns(frame.columns)])
                else:
                    reader = (
                        f"read_parquet({_file_list(source.files)}, union_by_name = true)"
                        if source.format == "parquet"
                        else f"read_csv({_file_list(source.files)}, header = true, union_by_name = true, "
                        "all_varchar = true)"
                    )
                    if source.columns:
                        con.execute(f"CREATE VIEW log_raw AS SELECT * FROM {reader}")
                        raw = [row[0] for row in con.execute("DESCRIBE log_raw").fetchall()]
                        reader = f"(SELECT {_mapped_columns(source, raw)} FROM log_raw)"
                    con.execute(f"CREATE VIEW {relation} AS SELECT * FROM {reader}")
                types = {row[0]: row[1] for row in con.execute(f"DESCRIBE {relation}").fetchall()}
            except duckdb.Error as exc:
                raise InputFileError(f"DuckDB cannot read {source.describe()}: {exc}") from exc
            missing = [c for c in REQUIRED if c not in types]
            if missing:
                raise DataValidationError(
                    f"{source.describe()} lack(s) column(s) {missing}; found {list(types)}."
                )
            day_expr = _day_expr(types["date"], timezone, source)
            if source.last_day is not None:  # rows dated later are left out (future_dates="drop")
                con.execute(f"ALTER VIEW {relation} RENAME TO log_all")
                con.execute(f"CREATE VIEW {relation} AS SELECT * FROM log_all "
                            f"WHERE {kept_days_condition(day_expr, source.last_day)}")
            yield _DuckDBSession(con, relation, day_expr, AMOUNT in types)


def _ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _mapped_columns(source: LogSource, present: list[str]) -> str:
    """The study's column mapping as renames; other columns kept, names that would clash dropped."""
    missing = [src for _, src in source.columns if src not in present]
    if missing:
        raise DataValidationError(
            f"{source.describe()} lack(s) the mapped column(s) {missing}; found {present}."
        )
    renamed = ", ".join(f"{_ident(src)} AS {_ident(canon)}" for canon, src in source.columns)
    dropped = [c for c in present if c in dict(source.columns) or c in dict(source.columns).values()]
    return renamed + (f", * EXCLUDE ({', '.join(_ident(c) for c in dropped)})" if len(dropped) < len(present) else "")


def _day_expr(kind: str, timezone: str, source: LogSource) -> str:
    kind = kind.upper()
    col = '"date"'
    if kind == "DATE":
        return col
    if kind in _NAIVE:
        return f"CAST({col} AS DATE)"
    if kind in ("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ"):
        return f"CAST(timezone({_literal(timezone)}, {col}) AS DATE)"
    if kind == "VARCHAR":
        # naive strings are read in the session time zone (= timezone), offsets are honoured
        return f"CAST(timezone({_literal(timezone)}, CAST({col} AS TIMESTAMPTZ)) AS DATE)"
    raise DataValidationError(
        f"Column 'date' of {source.describe()} has type {kind}; it must hold dates or timestamps."
    )


class _DuckDBSession(Session):
    def __init__(self, con, relation: str, day_expr: str, has_amount: bool) -> None:
        self.con, self.relation, self.day_expr, self.has_amount = con, relation, day_expr, has_amount

    def _run(self, sql: str):
        import duckdb

        try:
            return self.con.execute(sql)
        except duckdb.ConversionException as exc:
            raise DataValidationError(f"The log holds a value DuckDB cannot convert: {exc}") from exc
        except duckdb.OutOfMemoryException as exc:
            raise ParameterError(
                f"DuckDB ran out of memory ({exc}). Raise memory_limit or give a temp_directory "
                "on a disk with free space."
            ) from exc

    def fetch(self, sql: str) -> pd.DataFrame:
        return self._run(sql).df()

    def write_parquet(self, sql: str, path: Path) -> None:
        self._run(f"COPY ({sql}) TO {_literal(Path(path).as_posix())} (FORMAT parquet)")


def column_quantiles(dataset, columns, probs) -> list:
    """Exact quantiles at ``probs`` of ``columns`` of an Arrow dataset (a Parquet summary), in DuckDB.

    Returns one list of quantiles per column, in the order of ``columns``.

    Examples
    --------
    >>> import pyarrow as pa
    >>> column_quantiles(pa.table({"x": [1.0, 2.0, 3.0]}), ["x"], [0.5])
    [[2.0]]
    """
    import duckdb

    con = duckdb.connect()
    try:
        con.register("summary_data", dataset)
        row = con.execute(quantiles_sql("summary_data", list(columns), probs)).fetchone()
    finally:
        con.close()
    return [list(v) for v in row]
