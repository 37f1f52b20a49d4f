"""DuckDB backend: embedded, bounded memory, spills to disk."""

from __future__ import annotations

import math
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
from analysis.customerdata.sql import DIALECTS, kept_days_condition, SUMMARY_ORDER, partition_sql, quantiles_sql

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
    partitions : int, optional
        Passes a summary written to Parquet makes, each over a hash partition of the
        customers (all the rows of a customer fall in one). Default: chosen from the
        log's rows and ``memory_limit`` (:func:`summary_partitions`): one for a log
        whose aggregation fits, more for a larger one, so that each pass's hash
        tables stay in memory instead of spilling. The result is the same.

    Examples
    --------
    >>> from analysis.customerdata import DuckDBEngine
    >>> DuckDBEngine(memory_limit="2GB", threads=2).memory_limit
    '2GB'
    """

    memory_limit: str | None = None
    temp_directory: str | Path | None = None
    threads: int | None = None
    partitions: int | None = None
    name: str = "duckdb"

    @property
    def dialect(self):  # type: ignore[override]
        return DIALECTS["duckdb"]

    @contextmanager
    def connect(self, timezone: str = "UTC") -> Iterator:
        """An in-memory DuckDB connection with these settings (the time zone set for the session)."""
        import duckdb

        for key in ("threads", "partitions"):
            value = getattr(self, key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise ParameterError(f"{key} must be a positive int; got {value!r}.")
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
            yield _DuckDBSession(con, relation, day_expr, AMOUNT in types, source, self.partitions)


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


#: memory of DuckDB's (customer, day) aggregation per log row: peak RSS grew 0.88 GiB from 12.5 M to 25 M
#: rows a pass (1e8-row log in 8 and 4 partitions: 1.61 and 2.49 GiB), about 75 bytes a row
_BYTES_PER_ROW = 80
#: share of memory_limit one pass's aggregation may take (the scan, the writer and the next stage need the rest)
_MEMORY_SHARE = 0.5
#: most rows a pass, whatever the memory: the per-row CPU time is the same in 4 or 8 passes at 1e8 rows
#: (106-107 s), so a large memory_limit (DuckDB's default is 80% of RAM) buys nothing but a larger process
_MAX_ROWS_PER_PASS = 25_000_000
#: summary columns with about one value a customer (a Parquet dictionary of them would cost 40% more writing)
_UNIQUE_COLUMNS = ("customer_id", "monetary_value", "monetary_value_holdout", "total_amount")
#: rows of one Arrow batch of a partition's result on its way to the Parquet file
_BATCH_ROWS = 1 << 17
#: bytes of a compressed Parquet row (the generated logs: 7.6), to guess rows when a footer cannot be read
_PARQUET_ROW_BYTES = 8
#: bytes of a CSV row, to guess the rows of a CSV log from its size
_CSV_ROW_BYTES = 40
_UNITS = {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
          "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def memory_bytes(text: str) -> float:
    """Bytes of a DuckDB memory setting (``"3GB"``, ``"2.7 GiB"``, ``"512MB"``).

    Examples
    --------
    >>> memory_bytes("2.7 GiB") == 2.7 * 2**30, memory_bytes("512MB")
    (True, 512000000.0)
    """
    number = text.strip().upper().rstrip("BIKMGT ")
    unit = text.strip().upper()[len(number):].replace(" ", "") or "B"
    if unit not in _UNITS:
        raise ParameterError(f"Cannot read the memory size {text!r}.")
    return float(number) * _UNITS[unit]


def summary_partitions(rows: int, memory: float) -> int:
    """Hash partitions of the customers for a summary of ``rows`` log rows within ``memory`` bytes.

    One when the per-(customer, day) aggregation (about :data:`_BYTES_PER_ROW` a row) fits
    in :data:`_MEMORY_SHARE` of the memory limit and the log has at most
    :data:`_MAX_ROWS_PER_PASS` rows; else enough partitions that each pass's does.

    Examples
    --------
    >>> summary_partitions(1_000_000, 3e9), summary_partitions(100_000_000, 3e9), summary_partitions(10**8, 2e10)
    (1, 6, 4)
    """
    by_memory = math.ceil(rows * _BYTES_PER_ROW / (memory * _MEMORY_SHARE))
    return max(1, by_memory, math.ceil(rows / _MAX_ROWS_PER_PASS))


def _estimated_rows(source: LogSource) -> int:
    """Rows of the log, from the Parquet footers, the frame, or a CSV's size (a guess)."""
    if source.is_frame:
        return len(source.frame)
    if source.format == "parquet":
        import pyarrow.parquet as pq

        try:
            return sum(pq.ParquetFile(f).metadata.num_rows for f in source.files)
        except (OSError, ValueError):  # a footer pyarrow cannot read: guess; DuckDB will say what is wrong
            return sum(Path(f).stat().st_size for f in source.files) // _PARQUET_ROW_BYTES
    # a gzipped CSV holds about four times its size in text
    return sum(Path(f).stat().st_size * (4 if Path(f).suffix.lower() == ".gz" else 1)
               for f in source.files) // _CSV_ROW_BYTES


class _DuckDBSession(Session):
    def __init__(self, con, relation: str, day_expr: str, has_amount: bool, source: LogSource | None = None,
                 partitions: int | None = None) -> None:
        self.con, self.relation, self.day_expr, self.has_amount = con, relation, day_expr, has_amount
        self.source, self.partitions = source, partitions

    def summary_partitions(self) -> int:
        """The engine's ``partitions``, or as many as the log's rows and the memory limit call for."""
        if self.partitions is not None:
            return self.partitions
        if self.source is None:
            return 1
        limit = self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        return summary_partitions(_estimated_rows(self.source), memory_bytes(limit))

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """DuckDB's conversion and memory errors as the package's, saying what to change."""
        import duckdb

        try:
            yield
        except duckdb.ConversionException as exc:
            raise DataValidationError(f"The log holds a value DuckDB cannot convert: {exc}") from exc
        except duckdb.OutOfMemoryException as exc:
            raise ParameterError(
                f"DuckDB ran out of memory ({exc}). Raise memory_limit or give a temp_directory "
                "on a disk with free space."
            ) from exc

    def _run(self, sql: str):
        with self._errors():
            return self.con.execute(sql)

    def fetch(self, sql: str) -> pd.DataFrame:
        return self._run(sql).df()

    def write_parquet(self, sql: str, path: Path) -> None:
        """Run a per-customer query (the summary) into one Parquet file, in passes over hash partitions.

        One pass (DuckDB's own writer) when :meth:`summary_partitions` is 1 or the rows are
        sorted by customer; else one query per partition, one after another (each within
        the memory limit), their rows streamed into one file.
        """
        parts = 1 if sql.endswith(SUMMARY_ORDER) else self.summary_partitions()
        if parts == 1:
            self._run(f"COPY ({sql}) TO {_literal(Path(path).as_posix())} (FORMAT parquet)")
            return
        import pyarrow.parquet as pq

        whole = self.relation + "_whole"
        self._run(f"CREATE OR REPLACE VIEW {whole} AS SELECT * FROM {self.relation}")
        writer = None
        try:
            with self._errors():
                for part in range(parts):
                    reader = self.con.sql(partition_sql(sql, self.relation, whole, parts, part)).to_arrow_reader(
                        _BATCH_ROWS)
                    if writer is None:
                        # no dictionary for columns with about one value a customer: it is built, then dropped
                        repeated = [n for n in reader.schema.names if n not in _UNIQUE_COLUMNS]
                        writer = pq.ParquetWriter(path, reader.schema, use_dictionary=repeated)
                    for batch in reader:
                        writer.write_batch(batch)
        finally:
            if writer is not None:
                writer.close()


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
