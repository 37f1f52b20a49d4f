"""Reading the CDNOW purchase logs (whitespace-separated text): :func:`read_cdnow`."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import InputFileError, ParameterError
from analysis.io.files import _check_file


#: Columns read_cdnow returns; ``sample_id`` only for the sample file.
CDNOW_COLUMNS: tuple[str, ...] = ("customer_id", "date", "quantity", "amount", "sample_id")


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
    from analysis.schemas.values import string_dtype

    out = pd.DataFrame({
        "customer_id": raw["customer_id"].astype(string_dtype()),
        "date": dates.astype("datetime64[ns]"),
        "quantity": qty.astype("int64"),
        "amount": amount.astype("float64"),
    })
    if kind == "sample":
        out["sample_id"] = raw["sample_id"].astype(string_dtype())
    return out
