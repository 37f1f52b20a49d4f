"""Cell conversions shared by the validators: ids, text, numbers and yes/no values.

Each converter works on the distinct values of a column (``pandas.factorize``)
and returns the converted column with the positions of values it could not
convert, so that the caller can report them.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

_NA_WORDS = frozenset({"", "nan", "na", "n/a", "null", "none", "nat", "#n/a"})
_TRUE_WORDS = frozenset({"1", "yes", "y", "true", "t"})
_FALSE_WORDS = frozenset({"0", "no", "n", "false", "f"})


def string_dtype() -> pd.api.extensions.ExtensionDtype:
    """pandas' default string dtype (``str`` in pandas 3, ``string`` before)."""
    dtype = pd.Series(["a"]).dtype
    return dtype if isinstance(dtype, pd.StringDtype) else pd.StringDtype()


def _finite_or_na(s: pd.Series) -> pd.Series:
    return s.isna() | np.isfinite(s.astype("float64"))


def _text_or_na(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return np.nan if v.lower() in _NA_WORDS else v
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _normalise_ids(s: pd.Series) -> tuple[pd.Series, list[int]]:
    """Ids as text: strip spaces, 1.0 -> '1'; returns (converted, bad positions)."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    mapped: list[Any] = []
    bad_codes: set[int] = set()
    for i, v in enumerate(uniques):
        if isinstance(v, str):
            t = v.strip()
            mapped.append(np.nan if t.lower() in _NA_WORDS else t)
        elif isinstance(v, (bool, np.bool_)):
            mapped.append(np.nan)
            bad_codes.add(i)
        elif isinstance(v, (int, np.integer)):
            mapped.append(str(int(v)))
        elif isinstance(v, (float, np.floating)):
            if np.isfinite(v) and float(v).is_integer():
                mapped.append(str(int(v)))
            else:
                mapped.append(np.nan)
                bad_codes.add(i)
        else:
            mapped.append(str(v).strip())
    lookup = np.array(mapped + [np.nan], dtype=object)
    converted = pd.Series(lookup[codes], index=s.index, dtype=object)
    bad = [int(p) for p in np.flatnonzero(np.isin(codes, list(bad_codes)))] if bad_codes else []
    return converted, bad


def _to_numbers(s: pd.Series) -> tuple[pd.Series, list[int]]:
    """Numbers as float64; returns (values, positions of non-missing values that are not numbers)."""
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
        return s.astype("float64"), []
    if pd.api.types.is_datetime64_any_dtype(s) or isinstance(s.dtype, pd.PeriodDtype):
        return pd.Series(np.nan, index=s.index), list(range(len(s)))
    obj = s.astype(object)
    codes, uniques = pd.factorize(obj, use_na_sentinel=True)
    cleaned: list[Any] = []
    for v in uniques:
        if isinstance(v, str):
            t = v.strip()
            cleaned.append(np.nan if t.lower() in _NA_WORDS else t)
        elif isinstance(v, (bool, np.bool_)):
            cleaned.append(float(v))
        else:
            cleaned.append(v)
    clean_u = pd.Series(cleaned, dtype=object)
    num_u = pd.to_numeric(clean_u, errors="coerce").astype("float64").to_numpy()
    bad_u = np.isnan(num_u) & clean_u.notna().to_numpy() & ~clean_u.map(
        lambda v: isinstance(v, (float, np.floating)) and np.isnan(v)).to_numpy(dtype=bool)
    num = pd.Series(np.append(num_u, np.nan)[codes], index=s.index, dtype="float64")
    bad_mask = pd.Series(np.append(bad_u, False)[codes], index=s.index)
    return num, [int(p) for p in np.flatnonzero(bad_mask.to_numpy())]


def number_hint(values: list[Any], table: str = "", column: str = "") -> str:
    """Advice for a column that must hold numbers but holds *values* (the first offending ones).

    Parameters
    ----------
    values : list
        The offending cells (the first few hundred are enough).
    table : str
        The canonical table (``"channel_outcomes"``, ``"survey"``, ...): a yes/no
        column is pointed to ``binary_columns`` in a channel table, to a
        ``derive`` recode elsewhere; words such as ``unknown`` to ``missing_codes``
        (not for transactions or paths).
    column : str
        The column, named in the advice.

    Returns
    -------
    str
        One or two sentences without a final full stop.

    Examples
    --------
    >>> number_hint(["12,50"])
    'Write numbers with a point as the decimal mark (12.50, not 12,50)'
    >>> number_hint(["yes", "no"], "channel_outcomes", "y")[:60]
    'The column holds yes/no answers: declare it a binary outcome'
    """
    texts = [v.strip() for v in values if isinstance(v, str)]
    if any(re.fullmatch(r"[-+]?\d+,\d+", t) for t in texts):
        return "Write numbers with a point as the decimal mark (12.50, not 12,50)"
    if any(re.search(r"\d{1,3}(,\d{3})+(\.\d+)?$", t) for t in texts):
        return "Remove thousands separators (1234.50, not 1,234.50)"
    if any(re.search(r"[$€£¥%]", t) for t in texts):
        return "Remove currency and percent signs; write plain numbers"
    words = list(dict.fromkeys(t for t in texts if not re.search(r"\d", t)))
    yes_no = [w for w in words if w.lower() in _TRUE_WORDS | _FALSE_WORDS]
    codes = [w for w in words if w not in yes_no]
    advice = []
    if yes_no and table == "channel_outcomes":
        advice.append(f"The column holds yes/no answers: declare it a binary outcome (the table option "
                      f"binary_columns: [{column}] in the study file; validate_channel_outcomes(..., "
                      f"binary_columns=[{column!r}])), which reads yes/no, true/false and 0/1")
    elif yes_no:
        advice.append(f"The column holds yes/no answers: recode them to numbers in the study file "
                      f"(data: {table}: derive: {{{column}_01: {{recode: {column}, map: {{\"yes\": 1, \"no\": 0}}}}}}) "
                      f"and name the new column here")
    if codes and table not in ("transactions", "paths"):
        listed = ", ".join(repr(c) for c in codes[:3])
        advice.append(f"If {listed} {'codes' if len(codes[:3]) == 1 else 'code'} a missing answer, declare "
                      f"{'it' if len(codes[:3]) == 1 else 'them'} under the table's missing_codes in the study "
                      f"file (missing_codes: [{', '.join(codes[:3])}])")
    return ". ".join(advice) if advice else "Write plain numbers such as 12.5"


def _code_hint(values: pd.Series, low: float, high: float) -> str:
    """Advice when a few distinct whole numbers outside the scale (99, 999, -1) look like missing-value codes."""
    v = values.dropna()
    out = v[(v < low) | (v > high)]
    distinct = sorted(set(out.tolist()))
    if not distinct or len(distinct) > 3 or not all(float(x).is_integer() for x in distinct):
        return ""
    listed = ", ".join(f"{x:g}" for x in distinct)
    return (f"If {listed} {'codes' if len(distinct) == 1 else 'code'} a missing answer, declare "
            f"{'it' if len(distinct) == 1 else 'them'} under the table's missing_codes in the study file "
            f"(missing_codes: [{listed}])")


def _to_binary(s: pd.Series) -> tuple[pd.Series, list[int]]:
    """0/1, booleans and yes/no words as float 0/1 (NaN where missing); bad positions."""
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
        return s.astype("float64"), []
    codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=True)
    mapped: list[float] = []
    bad_codes: list[int] = []
    for i, v in enumerate(uniques):
        if isinstance(v, (bool, np.bool_)):
            mapped.append(float(v))
        elif isinstance(v, (int, float, np.integer, np.floating)):
            mapped.append(float(v))
        else:
            t = str(v).strip().lower()
            if t in _TRUE_WORDS:
                mapped.append(1.0)
            elif t in _FALSE_WORDS:
                mapped.append(0.0)
            elif t in _NA_WORDS:
                mapped.append(np.nan)
            else:
                try:
                    mapped.append(float(t))
                except ValueError:
                    mapped.append(np.nan)
                    bad_codes.append(i)
    arr = np.append(np.asarray(mapped, dtype="float64"), np.nan)[codes]
    bad = [int(p) for p in np.flatnonzero(np.isin(codes, bad_codes))] if bad_codes else []
    return pd.Series(arr, index=s.index, dtype="float64"), bad
