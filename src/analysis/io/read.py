"""Reading data files, mapping column names, and writing files atomically.

Reading
    :func:`read_table` reads CSV (UTF-8 with or without a byte-order mark, or any
    encoding given, such as ``gb18030`` for Chinese Excel exports), TSV, Parquet
    and Excel ``.xlsx`` files into a DataFrame; :func:`read_cdnow` reads the
    whitespace-separated CDNOW purchase logs. Expected problems (a missing or
    empty file, an unknown suffix, a file in another encoding, a malformed file)
    raise :class:`~analysis.errors.InputFileError` with a message that says what
    to change. Input files are only ever opened for reading.

Column names
    :func:`apply_column_mapping` renames a user's columns onto the canonical names
    of :mod:`analysis.schemas`.

Writing
    :func:`atomic_write` and the ``write_*_atomic`` helpers write to a temporary
    file in the target's folder, flush and fsync it, then move it over the target
    with :func:`os.replace`; readers therefore see either the old file or the
    complete new one, never a half-written file. On error the temporary file is
    removed and the old target is left untouched. :func:`sha256_file` gives the
    checksums recorded in report manifests.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_text_atomic(folder / "orders.csv", "CustID,Value\\n007,12.5\\n")
>>> read_table(folder / "orders.csv")["CustID"].tolist()  # zero-padded ids stay text
['007']
"""

from __future__ import annotations

import bz2
import contextlib
import difflib
import gzip
import hashlib
import io as _io
import lzma
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from analysis.errors import InputFileError, ParameterError, StudyConfigError

__all__ = [
    "FORMATS",
    "apply_column_mapping",
    "atomic_write",
    "read_cdnow",
    "read_table",
    "sha256_file",
    "write_bytes_atomic",
    "write_csv_atomic",
    "write_text_atomic",
]

FORMATS: tuple[str, ...] = ("csv", "tsv", "parquet", "excel", "cdnow")
SUFFIX_FORMATS: dict[str, str] = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "tsv",
    ".parquet": "parquet", ".pq": "parquet", ".xlsx": "excel", ".xlsm": "excel", ".xls": "excel",
}
_COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zip", ".zst")
AUTO_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "gb18030", "cp1252")
_LEADING_ZERO = re.compile(r"^\s*[+-]?0\d")
_BOOL_WORDS = {"true": True, "false": False}


# --------------------------------------------------------------------------- #
# checks shared by the readers
# --------------------------------------------------------------------------- #
def _check_file(path: str | os.PathLike[str]) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        hint = ""
        if p.parent.is_dir():
            near = difflib.get_close_matches(p.name, [c.name for c in p.parent.iterdir()], n=3, cutoff=0.8)
            if near:
                hint = " Files with similar names in that folder: " + ", ".join(near) + "."
        raise InputFileError(f"File not found: {p} (absolute path {p.absolute()}).{hint}")
    if p.is_dir():
        raise InputFileError(f"{p} is a folder, not a file: give the path of the data file inside it.")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputFileError(f"Cannot read {p}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise InputFileError(f"{p} is empty (0 bytes): it holds no header and no data rows.")
    if not os.access(p, os.R_OK):
        raise InputFileError(f"Cannot read {p}: permission denied.")
    return p


def _infer_format(p: Path, format: str | None) -> str:
    if format is not None:
        fmt = str(format).lower()
        if fmt in ("xlsx", "xls"):
            fmt = "excel"
        if fmt == "pq":
            fmt = "parquet"
        if fmt not in FORMATS:
            raise ParameterError(f"Unknown format {format!r}; use one of {', '.join(FORMATS)}.")
        return fmt
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES:
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    known = ", ".join(sorted(SUFFIX_FORMATS))
    raise InputFileError(
        f"Cannot tell the format of {p} from its suffix {suffix or '(none)'!r}. Known suffixes: {known}. "
        f"Rename the file or pass format= one of {', '.join(FORMATS)} (in a study YAML: format: csv)."
    )


def _raw_bytes(p: Path) -> bytes:
    """The file's bytes, decompressed for .gz/.bz2/.xz."""
    suffix = p.suffix.lower()
    opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}.get(suffix)
    try:
        if opener is not None:
            with opener(p, "rb") as fh:
                return fh.read()
        return p.read_bytes()
    except OSError as exc:
        raise InputFileError(f"Cannot read {p}: {exc}.") from exc


def _looks_chinese(text: str) -> bool:
    """True when most non-ASCII characters are common Chinese (GB2312) characters."""
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return False
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.8 * len(wide)


def _detect_encoding(data: bytes) -> str | None:
    """The first of utf-8-sig / gb18030 / cp1252 that fits *data*, or None."""
    try:
        data.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return "gb18030"
    except UnicodeDecodeError:
        text = None
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "gb18030" if text is not None else None


def _not_utf8_error(p: Path, data: bytes, encoding: str, exc: UnicodeDecodeError | None) -> InputFileError:
    where = ""
    if exc is not None and exc.object is data:
        where = f" (byte 0x{data[exc.start]:02X} at offset {exc.start} is not valid {encoding})"
    else:
        try:
            data.decode(encoding)
        except UnicodeDecodeError as inner:
            where = f" (byte 0x{data[inner.start]:02X} at offset {inner.start} is not valid {encoding})"
        except LookupError:
            pass
    guess = _detect_encoding(data)
    name = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8") else encoding
    if guess == "gb18030":
        fix = ('It decodes as GB18030, the encoding of Chinese Windows/Excel exports: read it with '
               'encoding="gb18030" (in a study YAML: encoding: gb18030).')
    elif guess == "cp1252":
        fix = ('It decodes as Windows-1252 (Western European Excel exports): read it with encoding="cp1252", '
               'or encoding="auto" to detect it.')
    elif guess == "utf-8-sig":
        fix = 'It is UTF-8: read it without encoding= (or encoding="utf-8").'
    else:
        fix = 'Save it as UTF-8, or pass the right encoding= (for example "gb18030" or "cp1252").'
    return InputFileError(f"{p} is not {name} text{where}. {fix}")


# --------------------------------------------------------------------------- #
# reading
# --------------------------------------------------------------------------- #
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
        raise InputFileError(f"{p} has {what} (columns: {', '.join(map(repr, map(str, df.columns))) or 'none'}).")
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
                detected = _detect_encoding(data)
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
                    f"{p} was read as one column {header!r}; it looks separated by {other!r}: "
                    f"pass sep={other!r} (in a study YAML: sep: {other!r})."
                )
        if re.search(r"\S\s+\S", header.strip()) and fmt == "tsv":
            raise InputFileError(
                f"{p} was read as one column {header!r}; it looks separated by spaces. For the CDNOW "
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


def _cdnow_kind(p: Path) -> str:
    with open(p, "rb") as fh:
        for raw in fh:
            tokens = raw.split()
            if tokens and tokens[0].isdigit():
                return "sample" if len(tokens) == 5 else "master"
    return "master"


def read_cdnow(path: str | os.PathLike[str], *, kind: str = "master") -> pd.DataFrame:
    """Read a CDNOW purchase log (whitespace-separated text).

    Parameters
    ----------
    path : str or path-like
        ``CDNOW_master.txt`` (a header line, then customer id, date YYYYMMDD,
        number of CDs, dollar value) or ``CDNOW_sample.txt`` (no header; master
        id, sample id, date, number of CDs, dollar value).
    kind : {"master", "sample"}, default "master"
        Which of the two layouts the file has.

    Returns
    -------
    pandas.DataFrame
        One row per purchase record: ``customer_id`` (string, zero-padded as in
        the file), ``date`` (``datetime64[ns]``), ``quantity`` (``int64``),
        ``amount`` (``float64``, dollars) and, for the sample, ``sample_id``
        (string).

    Raises
    ------
    analysis.errors.InputFileError
        A missing or empty file, a file of the other layout, or malformed lines
        (named by line number).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cdnow.txt"
    >>> _ = f.write_text(" 00001 19970101  1   11.77\\n 00002 19970112  2   20.00\\n")
    >>> read_cdnow(f)["amount"].sum()
    np.float64(31.77)
    """
    if kind not in ("master", "sample"):
        raise ParameterError(f"kind must be 'master' or 'sample'; got {kind!r}.")
    p = _check_file(path)
    expected = 4 if kind == "master" else 5
    try:
        raw = pd.read_csv(p, sep=r"\s+", header=None, dtype=str, engine="c")
    except pd.errors.EmptyDataError as exc:
        raise InputFileError(f"{p} has no data (only blank space).") from exc
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{p} is not a CDNOW purchase log (whitespace-separated fields): {exc}") from exc
    header_lines = 0
    if len(raw) and not str(raw.iloc[0, 0]).isdigit():
        raw = raw.iloc[1:]
        header_lines = 1
    if raw.empty:
        raise InputFileError(f"{p} has a header but no data rows.")
    if raw.shape[1] != expected:
        other = "sample" if raw.shape[1] == 5 else "master" if raw.shape[1] == 4 else None
        hint = f" It looks like the {other} layout: pass kind={other!r}." if other else ""
        raise InputFileError(f"{p} has {raw.shape[1]} fields per line; the CDNOW {kind} layout has {expected}.{hint}")
    cols = ["customer_id", "date", "quantity", "amount"] if kind == "master" else \
        ["customer_id", "sample_id", "date", "quantity", "amount"]
    raw.columns = cols
    raw = raw.reset_index(drop=True)
    line_no = np.arange(len(raw)) + 1 + header_lines

    def bad(name: str, mask: pd.Series, rule: str) -> None:
        if mask.any():
            idx = np.flatnonzero(mask.to_numpy())
            shown = ", ".join(f"line {line_no[i]} ({raw[name].iloc[i]!r})" for i in idx[:5])
            raise InputFileError(f"{p}: {int(mask.sum())} lines have a {name} that {rule}: {shown}.")

    bad("customer_id", raw["customer_id"].isna(), "is missing")
    dates = pd.to_datetime(raw["date"], format="%Y%m%d", errors="coerce")
    bad("date", dates.isna(), "is not a date written YYYYMMDD")
    qty = pd.to_numeric(raw["quantity"], errors="coerce")
    bad("quantity", qty.isna() | (qty % 1 != 0), "is not a whole number")
    amount = pd.to_numeric(raw["amount"], errors="coerce")
    bad("amount", amount.isna(), "is not a number")
    from analysis.schemas import _string_dtype

    out = pd.DataFrame({
        "customer_id": raw["customer_id"].astype(_string_dtype()),
        "date": dates.astype("datetime64[ns]"),
        "quantity": qty.astype("int64"),
        "amount": amount.astype("float64"),
    })
    if kind == "sample":
        out["sample_id"] = raw["sample_id"].astype(_string_dtype())
    return out


# --------------------------------------------------------------------------- #
# column mapping
# --------------------------------------------------------------------------- #
def apply_column_mapping(df: pd.DataFrame, mapping: Mapping[str, Any], *, table: str | None = None) -> pd.DataFrame:
    """Rename a user's columns to canonical names.

    Parameters
    ----------
    df : pandas.DataFrame
        The raw table.
    mapping : dict
        ``{canonical name: source column name}``, for example
        ``{"customer_id": "CustID", "date": "OrderDate"}``. Columns not mentioned
        are kept as they are.
    table : str, optional
        The canonical table the mapping is for; used in messages.

    Returns
    -------
    pandas.DataFrame
        A new frame with the source columns renamed (the input is not modified).

    Raises
    ------
    analysis.errors.StudyConfigError
        A source column that does not exist (the message lists the columns present
        and the closest name), two canonical names mapped to one source column, or
        a rename that would create two columns of one name.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"CustID": ["a"], "Value": [3.0]})
    >>> apply_column_mapping(raw, {"customer_id": "CustID", "amount": "Value"}).columns.tolist()
    ['customer_id', 'amount']
    """
    where = f"the column mapping of the {table} table" if table else "the column mapping"
    if not isinstance(mapping, Mapping):
        raise StudyConfigError(f"{where} must be a mapping {{canonical name: your column name}}; got {mapping!r}.")
    columns = list(df.columns)
    by_str = {str(c): c for c in columns}
    renames: dict[Any, str] = {}
    problems = []
    for canonical, source in mapping.items():
        if not isinstance(canonical, str):
            problems.append(f"canonical name {canonical!r} must be text")
            continue
        if source in columns:
            actual = source
        elif str(source) in by_str:
            actual = by_str[str(source)]
        else:
            from analysis.schemas import missing_column_text

            problems.append(f"{canonical}: column {str(source)!r} does not exist in the data. "
                            + missing_column_text(str(source), columns))
            continue
        if actual in renames:
            problems.append(f"{canonical}: column {str(source)!r} is already mapped to {renames[actual]!r}; "
                            "each of your columns can feed one canonical name")
            continue
        renames[actual] = canonical
    if not problems:
        result_names = [renames.get(c, c) for c in columns]
        for canonical in set(renames.values()):
            if result_names.count(canonical) > 1:
                clash = [c for c in columns if c == canonical and c not in renames]
                problems.append(
                    f"{canonical}: renaming {[str(k) for k, v in renames.items() if v == canonical][0]!r} to "
                    f"{canonical!r} would give two columns of that name, since the data already has "
                    f"{str(clash[0]) if clash else canonical!r}; drop or rename that column first")
    if problems:
        raise StudyConfigError(f"Problems in {where}:\n  - " + "\n  - ".join(problems))
    return df.rename(columns=renames)


# --------------------------------------------------------------------------- #
# writing
# --------------------------------------------------------------------------- #
def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file that replaces *path* only if the block succeeds.

    Parameters
    ----------
    path : str or path-like
        The target file. Missing parent folders are created.
    mode : {"w", "wt", "wb"}, default "w"
        Text or binary. Text is written without newline translation (``"\\n"``
        stays ``"\\n"`` on every platform, so outputs are byte-identical).
    encoding : str, default "utf-8"
        Text encoding; ignored in binary mode.

    Yields
    ------
    file object
        Write to it inside the ``with`` block.

    Notes
    -----
    The temporary file lives in the target's folder (so :func:`os.replace` is an
    atomic rename); it is flushed and fsynced before the rename. If the block
    raises, the temporary file is removed, the target is left as it was and the
    exception propagates. A new file gets the usual permissions (0666 less the
    umask); a replaced file keeps its permissions.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> with atomic_write(target) as fh:
    ...     _ = fh.write("hello\\n")
    >>> target.read_text()
    'hello\\n'
    """
    if mode not in ("w", "wt", "wb"):
        raise ParameterError(f"mode must be 'w', 'wt' or 'wb'; got {mode!r}.")
    target = Path(path).expanduser()
    if target.is_dir():
        raise InputFileError(f"Cannot write {target}: it is a folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    binary = mode == "wb"
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)  # reopened by name so that the file object's .name is the temporary path
    tmp = Path(tmp_name)
    try:
        with open(tmp, mode, encoding=None if binary else (encoding or "utf-8"),
                  newline=None if binary else "") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            perms = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            perms = 0o666 & ~_umask()
        os.chmod(tmp, perms)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write *text* to *path* atomically (see :func:`atomic_write`); return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_text_atomic(pathlib.Path(tempfile.mkdtemp()) / "a.txt", "x")
    >>> p.read_text()
    'x'
    """
    with atomic_write(path, "w", encoding=encoding) as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write *data* to *path* atomically (see :func:`atomic_write`); return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> write_bytes_atomic(pathlib.Path(tempfile.mkdtemp()) / "a.bin", b"\\x00\\x01").read_bytes()
    b'\\x00\\x01'
    """
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def write_csv_atomic(df: pd.DataFrame, path: str | os.PathLike[str], **to_csv_kw: Any) -> Path:
    """Write *df* as CSV to *path* atomically; return the path.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    path : str or path-like
        The target file.
    **to_csv_kw
        Passed to :meth:`pandas.DataFrame.to_csv`. Defaults differ from pandas in
        two ways: ``index=False`` (tidy tables carry their keys as columns) and
        ``lineterminator="\\n"``. ``encoding`` (default UTF-8) opens the file;
        ``"utf-8-sig"`` writes a byte-order mark for Excel users.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> p = write_csv_atomic(pd.DataFrame({"a": [1, 2]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> p.read_text()
    'a\\n1\\n2\\n'
    """
    kw = dict(to_csv_kw)
    kw.setdefault("index", False)
    kw.setdefault("lineterminator", "\n")
    encoding = kw.pop("encoding", "utf-8")
    with atomic_write(path, "w", encoding=encoding) as fh:
        df.to_csv(fh, **kw)
    return Path(path)


def sha256_file(path: str | os.PathLike[str]) -> str:
    """The SHA-256 checksum of a file, as 64 hex digits.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "empty"
    >>> _ = p.write_bytes(b"")
    >>> sha256_file(p)[:12]
    'e3b0c44298fc'
    """
    p = Path(path).expanduser()
    if not p.is_file():
        raise InputFileError(f"Cannot checksum {p}: " + ("it is a folder." if p.is_dir() else "file not found."))
    digest = hashlib.sha256()
    with open(p, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
