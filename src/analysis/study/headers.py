"""Read only the column names of a data file, cheaply, to check a study's column mapping
before any notebook kernel starts (private helper of :mod:`analysis.study`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.errors import StudyConfigError
from analysis.checks import shown_names
from analysis.io import AUTO_ENCODINGS, SUFFIX_FORMATS
from analysis.io.cdnow import CDNOW_COLUMNS
from analysis.io.encoding import detect_encoding


def read_header(spec: Any) -> list[str]:
    """Column names of the file described by a :class:`analysis.study.TableSpec`.

    Examples
    --------
    >>> from analysis.study import TableSpec
    >>> read_header(TableSpec("transactions", Path("orders.csv")))  # doctest: +SKIP
    ['CustID', 'OrderDate', 'Value']
    """
    path = Path(spec.path)
    fmt = spec.format or SUFFIX_FORMATS.get(path.suffix.lower())
    where = f"data.{spec.table}"
    if fmt is None:
        raise StudyConfigError(
            f"{where}.format: cannot tell the format of {path.name} from its suffix; "
            f"add format: csv, tsv, parquet, excel or cdnow"
        )
    if fmt == "cdnow":
        return list(CDNOW_COLUMNS)
    import pandas as pd

    if fmt in ("parquet", "excel"):
        try:
            if fmt == "parquet":
                import pyarrow.parquet as pq

                return [str(c) for c in pq.read_schema(path).names]
            engine = "xlrd" if path.suffix.lower() == ".xls" else "openpyxl"  # as analysis.io reads it
            with pd.ExcelFile(path, engine=engine) as book:
                sheet = spec.sheet if spec.sheet is not None else 0
                names = list(book.sheet_names)
                if sheet not in names and not (isinstance(sheet, int) and 0 <= sheet < len(names)):
                    raise StudyConfigError(f"{where}.sheet: {path.name} has no sheet {sheet!r}; its sheets are "
                                           f"{shown_names(names)} (a position counts from 0)")
                return [str(c) for c in pd.read_excel(book, sheet_name=sheet, nrows=0).columns]
        except StudyConfigError:
            raise
        except ImportError as exc:
            raise StudyConfigError(f"{where}.path: reading {path.name} needs a package that is not installed ({exc}); "
                                   "save it as .xlsx or .csv") from None
        except Exception as exc:  # zipfile, openpyxl, xlrd and pyarrow raise many kinds for a broken file
            raise StudyConfigError(f"{where}.path: cannot read the column names of {path}: not a readable "
                                   f"{fmt} file ({type(exc).__name__}: {exc})") from None
    sep = spec.sep or ("\t" if fmt == "tsv" else ",")
    encodings = AUTO_ENCODINGS if spec.encoding == "auto" else (spec.encoding or "utf-8-sig",)
    for encoding in encodings:
        try:
            columns = [str(c) for c in pd.read_csv(path, sep=sep, nrows=0, encoding=encoding).columns]
        except UnicodeDecodeError:
            continue
        except pd.errors.EmptyDataError:
            raise StudyConfigError(f"{where}.path: {path} is empty") from None
        if len(columns) == 1 and spec.sep is None:
            for other in (";", "\t", "|"):
                if other in columns[0]:
                    raise StudyConfigError(
                        f"{where}.sep: {path.name} has one column: its first line holds no {sep!r} but "
                        f"{columns[0].count(other)} {other!r}; it looks separated by {other!r}: add sep: {other!r}"
                    )
        return columns
    hint = ""
    if spec.encoding is None and detect_encoding(path.read_bytes()[: 1 << 20]) == "gb18030":
        hint = "; it decodes as gb18030: add encoding: gb18030"
    raise StudyConfigError(
        f"{where}.encoding: {path.name} is not {' / '.join(encodings)} text{hint or '; set encoding: (e.g. gb18030, cp1252 or auto)'}"
    )
