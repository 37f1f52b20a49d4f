"""Reading CSV/TSV, Parquet and Excel files: :func:`read_table` and its format readers."""

from __future__ import annotations

import contextlib
import difflib
import io as _io
import os
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import shown_names
from analysis.errors import InputFileError, ParameterError
from analysis.io.cdnow import _cdnow_kind, read_cdnow
from analysis.io.encoding import AUTO_ENCODINGS, detect_encoding, _not_utf8_error
from analysis.io.files import _check_file, _infer_format, _raw_bytes

_LEADING_ZERO = re.compile(r"^\s*[+-]?0\d")
_BOOL_WORDS = {"true": True, "false": False}


def read_table(path: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None,
               sheet: str | int | None = None, sep: str | None = None) -> pd.DataFrame:
    """Read a data file into a DataFrame.

    Parameters
    ----------
    path : str or path-like
        The file. Compressed CSV/TSV (``.csv.gz``, ``.bz2``, ``.xz``, ``.zip``)
        are read too.
    format : {"csv", "tsv", "parquet", "excel", "cdnow"}, optional
        Inferred from the suffix when None: ``.csv``; ``.tsv``, ``.tab`` and
        ``.txt`` (tab-separated); ``.parquet``, ``.pq``; ``.xlsx``, ``.xlsm``
        (``.xls`` needs the optional ``xlrd`` package).
    encoding : str, optional
        Text encoding of CSV/TSV files. None means UTF-8, with or without a
        byte-order mark (the mark never ends up in the first column name); a file
        that is not UTF-8 is an error whose message names the encoding it decodes
        as. ``"gb18030"`` (or ``"gbk"``) reads Chinese Excel exports; ``"auto"``
        picks the first of utf-8-sig, gb18030 (when the text reads as common
        Chinese characters) and cp1252 that decodes the file. Ignored for
        Parquet and Excel.
    sheet : str or int, optional
        Excel sheet name or 0-based position; the first sheet when None.
    sep : str, optional
        Field separator of CSV/TSV; ``","`` for CSV and tab for TSV when None.

    Returns
    -------
    pandas.DataFrame
        Column names with surrounding spaces (and any byte-order mark) removed.
        CSV/TSV columns are typed as pandas would, except that numbers written
        with leading zeros (zero-padded ids such as ``00042``) stay text; dates
        stay text (:mod:`analysis.schemas` parses them). The CDNOW format gives
        the columns of :func:`read_cdnow`.

    Raises
    ------
    analysis.errors.InputFileError
        Missing file, a folder, an empty file (0 bytes or a header without rows),
        an unknown suffix, a wrong encoding, a malformed file or a missing sheet.
    analysis.errors.ParameterError
        An unknown ``format`` name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "survey.csv"
    >>> _ = f.write_bytes("编号,满意度\\n1,6\\n".encode("gb18030"))
    >>> read_table(f, encoding="gb18030").columns.tolist()
    ['编号', '满意度']
    """
    p = _check_file(path)
    fmt = _infer_format(p, format)
    if fmt == "cdnow":
        return read_cdnow(p, kind=_cdnow_kind(p))
    if fmt in ("csv", "tsv"):
        df = _read_delimited(p, fmt, encoding, sep)
    elif fmt == "parquet":
        df = _read_parquet(p)
    else:
        df = _read_excel(p, sheet)
    df.columns = [_clean_name(c) for c in df.columns]
    if len(df) == 0:
        what = "a header but no data rows" if len(df.columns) else "no data"
        raise InputFileError(f"{p} has {what} (columns: {shown_names(df.columns) or 'none'}).")
    return df


def _clean_name(name: Any) -> Any:
    return name.replace("\ufeff", "").strip() if isinstance(name, str) else name


def _read_delimited(p: Path, fmt: str, encoding: str | None, sep: str | None) -> pd.DataFrame:
    delimiter = sep if sep is not None else ("\t" if fmt == "tsv" else ",")
    source: Any = p
    enc = encoding
    if encoding is None or str(encoding).lower() == "auto":
        data = _raw_bytes(p) if p.suffix.lower() != ".zip" else None
        if data is not None:
            if encoding is None:
                try:
                    text = data.decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    raise _not_utf8_error(p, data, "utf-8", exc) from None
            else:
                detected = detect_encoding(data)
                if detected is None:
                    raise InputFileError(f"{p}: none of {', '.join(AUTO_ENCODINGS)} decodes it; "
                                         "pass the file's encoding= explicitly.")
                text = data.decode(detected)
            source, enc = _io.StringIO(text), None
        else:
            enc = "utf-8-sig"
    else:
        try:
            import codecs

            codecs.lookup(encoding)
        except LookupError as exc:
            raise ParameterError(f"Unknown encoding {encoding!r}; for example use 'utf-8', 'gb18030' or 'cp1252'.") from exc
    try:
        df = pd.read_csv(source, sep=delimiter, encoding=enc, dtype=str, keep_default_na=True,
                         skipinitialspace=False)
    except UnicodeDecodeError as exc:
        raise _not_utf8_error(p, _raw_bytes(p), str(enc), None) from exc
    except pd.errors.EmptyDataError as exc:
        raise InputFileError(f"{p} has no data: it holds no header line (only blank space).") from exc
    except (pd.errors.ParserError, ValueError, _csv_error()) as exc:
        raise InputFileError(
            f"{p} cannot be read as {fmt.upper()} (separator {delimiter!r}): {str(exc).strip()}. "
            "Check the separator (sep=) and that text with separators in it is quoted."
        ) from exc
    if df.shape[1] == 1 and sep is None:
        header = str(df.columns[0])
        for other in (";", "\t", ",", "|"):
            if other != delimiter and other in header:
                raise InputFileError(
                    f"{p} was read as one column: its first line holds no {delimiter!r} but "
                    f"{header.count(other)} {other!r}; it looks separated by {other!r}: "
                    f"pass sep={other!r} (in a study YAML: sep: {other!r})."
                )
        if re.search(r"\S\s+\S", header.strip()) and fmt == "tsv":
            raise InputFileError(
                f"{p} was read as one column: its first line holds no tab; it looks separated by spaces. For the CDNOW "
                "purchase logs pass format='cdnow'; otherwise pass sep=r'\\s+'."
            )
    return _infer_types(df)


def _csv_error() -> type[Exception]:
    """The ``csv.Error`` class (raised by pandas' python engine on malformed quoting)."""
    import csv

    return csv.Error


def _infer_types(df: pd.DataFrame) -> pd.DataFrame:
    """Type text columns as pandas' CSV reader would, keeping zero-padded numbers as text."""
    out = {}
    for col in df.columns:
        s = df[col]
        values = s.dropna()
        if values.empty:
            out[col] = s.astype("float64")
            continue
        if values.str.match(_LEADING_ZERO).any():
            out[col] = s
            continue
        lowered = values.str.strip().str.lower()
        if lowered.isin(list(_BOOL_WORDS)).all():
            mapped = s.str.strip().str.lower().map(_BOOL_WORDS)
            out[col] = mapped.astype(bool) if s.notna().all() else mapped.astype(object)
            continue
        num = pd.to_numeric(s, errors="coerce")
        if num.notna().sum() == len(values):
            if num.notna().all() and np.all(np.mod(num.to_numpy(dtype="float64"), 1) == 0) \
                    and not values.str.contains(r"[.eE]", regex=True).any():
                with contextlib.suppress(OverflowError, ValueError, TypeError):
                    num = num.astype("int64")
            out[col] = num
        else:
            out[col] = s
    return pd.DataFrame(out, index=df.index)


def _read_parquet(p: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(p)
    except ImportError as exc:
        raise InputFileError(f"Reading {p} needs pyarrow: install it (pip install pyarrow).") from exc
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError and others for broken files
        raise InputFileError(f"{p} is not a readable Parquet file: {type(exc).__name__}: {exc}") from exc


def _read_excel(p: Path, sheet: str | int | None) -> pd.DataFrame:
    engine = "xlrd" if p.suffix.lower() == ".xls" else "openpyxl"
    try:
        if engine == "xlrd":
            import xlrd  # noqa: F401
    except ImportError as exc:
        raise InputFileError(f"{p} is an old Excel .xls file, which needs the xlrd package; "
                             "save it as .xlsx (File > Save As) or install xlrd.") from exc
    try:
        book = pd.ExcelFile(p, engine=engine)
    except Exception as exc:  # zipfile.BadZipFile, openpyxl errors, ...
        raise InputFileError(f"{p} is not a readable Excel workbook: {type(exc).__name__}: {exc}") from exc
    with book:
        names = list(book.sheet_names)
        target = 0 if sheet is None else sheet
        if isinstance(target, str) and target not in names:
            close = difflib.get_close_matches(target, names, n=1, cutoff=0.5)
            raise InputFileError(f"{p} has no sheet {target!r}; its sheets are {', '.join(map(repr, names))}."
                                 + (f" Did you mean {close[0]!r}?" if close else ""))
        if isinstance(target, int) and not 0 <= target < len(names):
            raise InputFileError(f"{p} has {len(names)} sheet(s) ({', '.join(map(repr, names))}); "
                                 f"sheet={target} is out of range (positions count from 0).")
        try:
            return pd.read_excel(book, sheet_name=target)
        except Exception as exc:
            raise InputFileError(f"Cannot read sheet {target!r} of {p}: {type(exc).__name__}: {exc}") from exc
