"""Where a transaction log comes from: a DataFrame, or Parquet/CSV files named by path or glob."""

from __future__ import annotations

import glob
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.errors import DataValidationError, InputFileError, ParameterError

__all__ = ["LogSource", "resolve_source", "read_files_pandas", "parse_date_strings", "local_wall_time",
           "report_bad_rows", "REQUIRED", "AMOUNT", "log_columns"]

#: the columns every log has; ``amount`` (:data:`AMOUNT`) is optional: a log without it is count-only
REQUIRED = ("customer_id", "date")
AMOUNT = "amount"


def log_columns(present) -> list[str]:
    """The canonical columns an engine reads from a log whose columns are *present*: ids, dates and amounts if any.

    Examples
    --------
    >>> log_columns(["date", "customer_id", "note"])
    ['customer_id', 'date']
    >>> log_columns(["customer_id", "date", "amount"])
    ['customer_id', 'date', 'amount']
    """
    return [*REQUIRED, *([AMOUNT] if AMOUNT in list(present) else [])]
_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".gz": "csv"}
_OFFSET = re.compile(r"(?:Z|[+-]\d{2}(?::?\d{2})?)$")


@dataclass(frozen=True)
class LogSource:
    """A resolved log: either ``frame`` or ``files`` (all of one ``format``)."""

    frame: pd.DataFrame | None = None
    files: tuple[Path, ...] = field(default_factory=tuple)
    format: str | None = None
    #: (canonical, source) column pairs: the files' ``source`` column is read as ``canonical``
    columns: tuple[tuple[str, str], ...] = ()
    #: the last purchase day kept: rows dated later are left out (``future_dates="drop"``); None keeps all
    last_day: date | None = None

    @property
    def is_frame(self) -> bool:
        return self.frame is not None

    def describe(self) -> str:
        if self.is_frame:
            return "the transactions DataFrame"
        shown = ", ".join(str(f) for f in self.files[:3])
        more = f" and {len(self.files) - 3} more" if len(self.files) > 3 else ""
        return f"{self.format} file(s) {shown}{more}"


def _format_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:] == [".csv", ".gz"]:
        return "csv"
    fmt = _FORMATS.get(suffixes[-1] if suffixes else "")
    if fmt is None or (suffixes and suffixes[-1] == ".gz"):
        raise InputFileError(
            f"Cannot tell the format of {path}: a transaction log file must end in .parquet, .pq, "
            ".csv or .csv.gz."
        )
    return fmt


def resolve_source(transactions) -> LogSource:
    """A DataFrame, a path, a glob pattern, or a list of paths/globs -> :class:`LogSource`.

    A :class:`LogSource` is returned as it is.

    Examples
    --------
    >>> import pandas as pd
    >>> resolve_source(pd.DataFrame({"customer_id": ["a"]})).is_frame
    True
    """
    if isinstance(transactions, LogSource):
        return transactions
    if isinstance(transactions, pd.DataFrame):
        return LogSource(frame=transactions)
    if isinstance(transactions, (str, Path)):
        items: Sequence = [transactions]
    elif isinstance(transactions, Sequence) and transactions and all(
        isinstance(t, (str, Path)) for t in transactions
    ):
        items = transactions
    else:
        raise ParameterError(
            "transactions must be a DataFrame, a path or glob of Parquet/CSV files (e.g. "
            f"'logs/*.parquet'), or a list of them; got {type(transactions).__name__}."
        )
    files: list[Path] = []
    for item in items:
        text = str(item)
        path = Path(text).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "_")))
            if not found:
                raise InputFileError(f"The folder {path} holds no files.")
            files.extend(found)
        elif glob.has_magic(text):
            found = sorted(Path(p) for p in glob.glob(str(path), recursive=True) if Path(p).is_file())
            if not found:
                raise InputFileError(f"No file matches the pattern {text!r}.")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputFileError(f"The transaction log file {path} does not exist.")
    formats = {f: _format_of(f) for f in files}
    kinds = sorted(set(formats.values()))
    if len(kinds) > 1:
        raise InputFileError(
            f"The log mixes formats {kinds}; give files of one format (for example only *.parquet)."
        )
    return LogSource(files=tuple(dict.fromkeys(files)), format=kinds[0])


def local_wall_time(dates: pd.Series, timezone: str) -> pd.Series:
    """tz-aware timestamps converted to ``timezone`` and made naive; naive ones kept as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series(pd.to_datetime(["2024-06-30T23:30:00-05:00"], utc=True))
    >>> local_wall_time(s, "Asia/Shanghai").iloc[0]
    Timestamp('2024-07-01 12:30:00')
    """
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        return dates.dt.tz_convert(timezone).dt.tz_localize(None)
    return dates


def report_bad_rows(profile: dict, where: str) -> None:
    """DataValidationError naming the rows with a missing id, date or amount, or a negative amount.

    ``profile`` holds the counts ``missing_ids``, ``missing_dates``,
    ``missing_amounts`` and ``negative_amounts`` (absent = 0, as for a
    count-only log, which has no amounts).

    Examples
    --------
    >>> report_bad_rows({"missing_ids": 0}, "the log")
    >>> report_bad_rows({"negative_amounts": 2}, "the log")
    Traceback (most recent call last):
    ...
    analysis.errors.DataValidationError: the log: 2 row(s) have a negative amount. Remove or fix ...
    """
    problems = []
    for key, text in (
        ("missing_ids", "a missing customer_id"),
        ("missing_dates", "a missing date"),
        ("missing_amounts", "a missing amount"),
        ("negative_amounts", "a negative amount"),
    ):
        count = int(profile.get(key) or 0)
        if count:
            problems.append(f"{count} row(s) have {text}")
    if problems:
        raise DataValidationError(
            f"{where}: {'; '.join(problems)}. Remove or fix these rows (returns as negative "
            "amounts belong in a separate table) before summarising."
        )


def parse_date_strings(values: pd.Series, timezone: str) -> pd.Series:
    """ISO date strings -> naive wall-clock times in ``timezone``.

    Strings with an offset (``+08:00``, ``Z``) are instants and are converted to
    ``timezone``; strings without one are taken as wall-clock times in it already.
    """
    text = values.astype("string").str.strip()
    aware = text.str.contains(_OFFSET, na=False).to_numpy()
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    try:
        if (~aware).any():
            out[~aware] = pd.to_datetime(text[~aware], format="ISO8601").astype("datetime64[us]")
        if aware.any():
            stamps = pd.to_datetime(text[aware], format="ISO8601", utc=True)
            out[aware] = stamps.dt.tz_convert(timezone).dt.tz_localize(None).astype("datetime64[us]")
    except (ValueError, TypeError) as exc:
        raise DataValidationError(
            f"Column 'date' holds text that is not an ISO date or timestamp ({exc}); write dates "
            "as 2024-01-31 or 2024-01-31 13:45:00 (optionally with an offset such as +08:00)."
        ) from exc
    return out


def read_files_pandas(source: LogSource, timezone: str) -> pd.DataFrame:
    """Read every file of the log into one canonical frame (the pandas engine's input)."""
    frames = []
    for path in source.files:
        try:
            if source.format == "parquet":
                frame = pd.read_parquet(path)
            else:
                ids = dict(source.columns).get("customer_id", "customer_id")
                dates = dict(source.columns).get("date", "date")
                frame = pd.read_csv(path, dtype={ids: str, dates: str})
        except (OSError, ValueError) as exc:
            raise InputFileError(f"Cannot read {path}: {exc}") from exc
        if source.columns:
            frame = frame.rename(columns={src: canon for canon, src in source.columns})
        missing = [c for c in REQUIRED if c not in frame.columns]
        if missing:
            raise DataValidationError(
                f"{path} lacks column(s) {missing}; it has {list(frame.columns)}."
            )
        date = frame["date"]
        if pd.api.types.is_datetime64_any_dtype(date):
            date = local_wall_time(date, timezone)
        else:
            date = parse_date_strings(date, timezone)
        canonical = {"customer_id": frame["customer_id"].astype("string"), "date": date}
        if AMOUNT in frame.columns:
            canonical[AMOUNT] = pd.to_numeric(frame[AMOUNT]).astype("float64")
        frames.append(pd.DataFrame(canonical))
    with_amounts = {AMOUNT in f.columns for f in frames}
    if len(with_amounts) > 1:
        raise DataValidationError(
            f"{source.describe()}: some files have an amount column and others do not. Give every file the "
            "amount column (a log with amounts), or none (a count-only log)."
        )
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if source.last_day is not None:
        out = out.loc[~(out["date"].dt.normalize() > pd.Timestamp(source.last_day))].reset_index(drop=True)
    return out
