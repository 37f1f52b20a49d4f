"""Date parsing for the validators: recognised forms, day/month order, mixed formats.

:func:`_parse_dates` recognises the forms listed in :mod:`analysis.schemas`,
decides whether the day or the month comes first from the whole column, and
reports a column that mixes forms (such a column is usually misread somewhere).

Day or month first (``NN/NN/YYYY``, ``NN-NN-YYYY``, ``NN/NN/YY``): values with a
first number above 12 can be read day first only, values with a second number
above 12 month first only, the rest either way. A column holding both kinds is
mixed. One kind decides the order of the others only when it is at least a
quarter of the rows whose date depends on the order (:func:`_too_few`): one
typo ``13/01/2023`` among 990 month-first rows that read either way stops with
the rows named instead of swapping the day and month of 990 dates. Values that
read the same either way (``03/03/2024``) need no decision. An explicit
``date_format`` is always followed.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import ParameterError
from analysis.schemas.problems import _MAX_SHOWN, _fmt_rows, _Problem
from analysis.schemas.values import _NA_WORDS

_MIN_DATE = pd.Timestamp("1677-09-22")
_MAX_DATE = pd.Timestamp("2262-04-11")


# (label, regex with groups, function groups -> (year, month, day) or None when ambiguous)
_DATE_FAMILIES: list[tuple[str, re.Pattern[str], str]] = [
    ("YYYY-MM-DD", re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T ])(.*)$"), "ymd"),
    ("YYYY/MM/DD", re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?=$| )(.*)$"), "ymd"),
    ("YYYY.MM.DD", re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})(?=$| )(.*)$"), "ymd"),
    ("YYYYMMDD", re.compile(r"^(\d{4})(\d{2})(\d{2})()$"), "ymd"),
    ("YYYY年MM月DD日", re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$"), "ymd"),
    ("DD.MM.YYYY", re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?=$| )(.*)$"), "dmy"),
    ("NN/NN/YYYY", re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?=$| )(.*)$"), "ambiguous"),
    ("NN-NN-YYYY", re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?=$| )(.*)$"), "ambiguous"),
    ("NN/NN/YY", re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2})(?=$| )(.*)$"), "ambiguous"),
]
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)


def _date_text(v: Any) -> Any:
    """A date cell as text for family detection; datetime objects pass through."""
    if isinstance(v, (pd.Timestamp, _dt.datetime, _dt.date, np.datetime64)):
        return v
    if isinstance(v, (bool, np.bool_)):
        return str(v)
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return str(int(v)) if float(v).is_integer() else repr(float(v))
    return str(v).strip()


def _year(y: str) -> int:
    yi = int(y)
    return yi + (2000 if yi < 69 else 1900) if len(y) == 2 else yi


def _parse_dates(s: pd.Series, column: str, date_format: str | None
                 ) -> tuple[pd.Series, list[_Problem], set[int]]:
    """Parse a column into datetime64[ns].

    Returns the parsed column, the problems found and the positions that failed
    (so that they are not reported again as missing).
    """
    problems: list[_Problem] = []
    failed: set[int] = set()  # index labels (= 0-based input positions)
    if pd.api.types.is_datetime64_any_dtype(s):
        parsed = s
        if getattr(s.dt, "tz", None) is not None:
            parsed = s.dt.tz_convert("UTC").dt.tz_localize(None)
        return _to_ns(parsed, s, column, problems, failed), problems, failed

    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    texts = [_date_text(v) for v in uniques]
    n_u = len(texts)
    missing_u = np.array([isinstance(t, str) and t.lower() in _NA_WORDS for t in texts], dtype=bool)

    def positions(members: Iterable[int]) -> list[int]:
        return [int(p) for p in np.flatnonzero(np.isin(codes, list(members)))]

    def report(rule: str, members: Iterable[int], detail: str = "") -> None:
        pos = positions(members)
        if pos:
            problems.append(_Problem(column, rule, _rows(s, pos), [s.iloc[p] for p in pos[:_MAX_SHOWN]], detail))
            failed.update(r - 1 for r in _rows(s, pos))

    if date_format is not None:
        strs = pd.Series([t if isinstance(t, str) else str(t) for t in texts], dtype=object)
        conv = _convert(strs, date_format)
        conv = conv.dt.tz_convert("UTC").dt.tz_localize(None)
        bad = np.flatnonzero(conv.isna().to_numpy() & ~missing_u)
        report(f"must be a date written as {date_format!r}", bad)
        conv[bad] = pd.NaT
        return _to_ns(_expand(conv, codes, missing_u, s.index), s, column, problems, failed), problems, failed

    family = [""] * n_u
    value: list[Any] = [None] * n_u  # ISO text, raw text with month names, or a datetime object
    amb: dict[int, tuple[int, int, int, str]] = {}
    for i, t in enumerate(texts):
        if missing_u[i]:
            continue
        if not isinstance(t, str):
            family[i], value[i] = "date/time values (not text)", t
            continue
        for label, rx, order in _DATE_FAMILIES:
            m = rx.match(t)
            if not m:
                continue
            a, b, c, rest = m.groups()
            family[i] = label
            if order == "ymd":
                value[i] = _iso(int(a), int(b), int(c), rest)
            elif order == "dmy":
                value[i] = _iso(int(c), int(b), int(a), rest)
            else:
                amb[i] = (int(a), int(b), _year(c), rest)
            break
        else:
            if _MONTH_WORD.search(t):
                family[i], value[i] = "dates with month names", t
    named_idx = [i for i in range(n_u) if family[i] == "dates with month names"]
    if named_idx:  # keep the family only for text that really reads as a date
        trial = pd.to_datetime(pd.Series([value[i] for i in named_idx], dtype=object), format="mixed",
                               errors="coerce", utc=True)
        for i, ok in zip(named_idx, trial.notna()):
            if not ok:
                family[i], value[i] = "", None

    # decide day or month first within each ambiguous form, from the whole column
    n_rows = np.bincount(codes[codes >= 0], minlength=n_u)
    undecided: dict[str, tuple[str, list[int], str]] = {}  # form -> separator, deciding values, their order
    for label in dict.fromkeys(family[i] for i in amb):
        members = [i for i in amb if family[i] == label]
        sep = label[2]
        fmt_d = label.replace(f"NN{sep}NN", f"DD{sep}MM")
        fmt_m = label.replace(f"NN{sep}NN", f"MM{sep}DD")
        day_first = [i for i in members if amb[i][0] > 12]
        month_first = [i for i in members if amb[i][1] > 12]
        either = [i for i in members if amb[i][0] <= 12 and amb[i][1] <= 12 and amb[i][0] != amb[i][1]]
        deciding = day_first or month_first
        if day_first and month_first:  # both orders present: a mixture, reported below
            for i in members:
                family[i] = fmt_d if i in day_first else fmt_m if i in month_first else f"{label} (order unknown)"
        elif either and _too_few(int(n_rows[deciding].sum()), int(n_rows[either].sum())):
            both = f"{fmt_d} or {fmt_m}"
            undecided[both] = (sep, deciding, "day first" if day_first else "month first")
            for i in members:
                family[i] = both
        else:  # one order, or every value reads the same either way (03/03/2024)
            for i in members:
                a, b, y, rest = amb[i]
                family[i] = fmt_d if day_first else fmt_m if month_first else f"{fmt_d} or {fmt_m}"
                value[i] = _iso(y, a, b, rest) if month_first else _iso(y, b, a, rest)

    unparsed = [i for i in range(n_u) if not missing_u[i] and family[i] == ""]
    seen = [f for f in dict.fromkeys(family) if f]
    if set(seen) == {"date/time values (not text)", "YYYY-MM-DD"}:
        seen = ["YYYY-MM-DD"]  # real date cells beside ISO text cannot be misread
    if len(seen) > 1:
        parts = []
        members_all: list[int] = []
        for f in seen:
            members = [i for i in range(n_u) if family[i] == f]
            members_all += members
            pos = positions(members)
            parts.append(f"{f} in {_fmt_rows(_rows(s, pos), [s.iloc[p] for p in pos[:_MAX_SHOWN]])}")
        problems.append(_Problem(
            column, f"must be written in one date format, but {len(seen)} formats are mixed: " + "; ".join(parts),
            [], [], "Write every date in one format, preferably YYYY-MM-DD (or pass date_format)"))
        failed.update(r - 1 for r in _rows(s, positions(members_all)))
        report("must be a date", unparsed, _date_hint([texts[i] for i in unparsed]))
        return pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]"), problems, failed
    if seen and seen[0] in undecided:
        form = seen[0]
        sep, deciding, order = undecided[form]
        yy = "%y" if form.endswith(f"{sep}YY") else "%Y"
        members = [i for i in range(n_u) if family[i] == form]
        fix = (f"Pass date_format='%d{sep}%m{sep}{yy}' (day first) or '%m{sep}%d{sep}{yy}' (month first); "
               "in a study YAML put it in the table's options")
        if not deciding:
            report(f"must be a date in an unambiguous form: every value is written {form} and none shows "
                   "whether the day or the month comes first", members, fix)
        else:
            n_deciding = int(n_rows[deciding].sum())
            one_way = set(deciding)
            n_either = int(sum(n_rows[i] for i in members if i not in one_way and amb[i][0] != amb[i][1]))
            report(f"must show whether the day or the month comes first: only {n_deciding} of the "
                   f"{n_deciding + n_either} rows written {form} whose date depends on it can be read "
                   f"{order} only, too few to decide the order of the other {n_either} (if they are typos, "
                   "following them would swap the day and month of those dates)", deciding,
                   fix + ", and correct the rows listed if they are typos")
            failed.update(r - 1 for r in _rows(s, positions(members)))
        for i in members:
            family[i] = "__reported__"

    iso_text = pd.Series([v if isinstance(v, str) and family[i] != "dates with month names" else None
                          for i, v in enumerate(value)], dtype=object)
    conv = pd.to_datetime(iso_text, format="ISO8601", utc=True, errors="coerce")
    named = np.array([f == "dates with month names" for f in family], dtype=bool)
    if named.any():
        words = pd.Series([v if named[i] else None for i, v in enumerate(value)], dtype=object)
        conv = conv.where(~named, pd.to_datetime(words, format="mixed", utc=True, errors="coerce"))
    objs = np.array([f == "date/time values (not text)" for f in family], dtype=bool)
    if objs.any():
        stamps = [pd.Timestamp(v) if objs[i] else pd.NaT for i, v in enumerate(value)]
        stamps = [t.tz_convert("UTC") if t is not pd.NaT and t.tzinfo else
                  (t.tz_localize("UTC") if t is not pd.NaT else t) for t in stamps]
        conv = conv.where(~objs, pd.Series(pd.to_datetime(stamps, utc=True)))
    conv = conv.dt.tz_convert("UTC").dt.tz_localize(None)
    reported = np.array([f == "__reported__" for f in family], dtype=bool)
    bad = [i for i in np.flatnonzero(conv.isna().to_numpy() & ~missing_u & ~reported)]
    report("must be a date", bad, _date_hint([texts[i] for i in bad]))
    conv[reported] = pd.NaT
    return _to_ns(_expand(conv, codes, missing_u, s.index), s, column, problems, failed), problems, failed


def check_date_format(date_format: Any) -> None:
    """Raise :class:`~analysis.errors.ParameterError` unless *date_format* is a format pandas can read.

    A study checks its tables' ``date_format`` option with it before any data is read.

    Examples
    --------
    >>> check_date_format("%d/%m/%Y")
    >>> check_date_format("%Q")
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: date_format '%Q' is not a date format (...): write it with strptime codes, ...
    """
    advice = "write it with strptime codes, e.g. date_format='%d/%m/%Y' (day first) or '%Y-%m-%d'"
    if not isinstance(date_format, str):
        raise ParameterError(f"date_format must be text; got {date_format!r}: {advice}.")
    try:
        pd.to_datetime(pd.Series(["2024-03-01"], dtype=object), format=date_format, errors="coerce")
    except (ValueError, TypeError, KeyError, IndexError) as exc:  # the format itself, since errors="coerce"
        raise ParameterError(f"date_format {date_format!r} is not a date format ({exc}): {advice}.") from None


def _convert(texts: pd.Series, date_format: Any) -> pd.Series:
    """*texts* parsed with the user's *date_format* (checked by :func:`check_date_format`); unparseable -> NaT."""
    check_date_format(date_format)
    return pd.to_datetime(texts, format=date_format, errors="coerce", utc=True)


def _too_few(n_deciding: int, n_either: int) -> bool:
    """True when the rows that can be read one way only are too few to decide the order of the others.

    They must be at least a quarter of the rows whose date depends on the order.
    In a day-first column whose days spread over the month, about 60 % of the
    rows have a day above 12; in a month-first column they are typos. So a
    quarter decides for real data, while a few typos among many rows that read
    either way do not silently swap the day and month of all the others.

    Examples
    --------
    >>> _too_few(1, 990), _too_few(1, 1), _too_few(25, 75), _too_few(24, 76)
    (True, False, False, True)
    """
    return 4 * n_deciding < n_deciding + n_either


def _rows(s: pd.Series, positions: Sequence[int]) -> list[int]:
    """1-based row numbers of *positions* (the working index holds 0-based input positions)."""
    return [int(s.index[p]) + 1 for p in positions]


def _date_hint(texts: list[Any]) -> str:
    if any(isinstance(t, str) and re.fullmatch(r"\d{5}(\.\d+)?", t) for t in texts):
        return "Numbers such as Excel serial days are not dates here; format the column as dates before export"
    return "Write dates as YYYY-MM-DD (other recognised forms are listed in analysis.schemas)"


def _iso(y: int, mo: int, d: int, rest: str) -> str:
    rest = rest.strip()
    if rest.startswith("T"):
        rest = rest[1:]
    return f"{y:04d}-{mo:02d}-{d:02d}" + (f" {rest}" if rest else "")


def _expand(conv: pd.Series, codes: np.ndarray, missing_u: np.ndarray, index: pd.Index) -> pd.Series:
    arr = conv.to_numpy(dtype="datetime64[us]", na_value=np.datetime64("NaT")).copy()
    arr[np.flatnonzero(missing_u)] = np.datetime64("NaT")
    arr = np.append(arr, np.datetime64("NaT"))  # code -1 (missing) picks the last element
    return pd.Series(arr[codes], index=index)


def _to_ns(parsed: pd.Series, raw: pd.Series, column: str, problems: list[_Problem], failed: set[int]) -> pd.Series:
    if parsed.dtype.kind == "M":
        out_of_range = parsed.notna() & ((parsed < _MIN_DATE) | (parsed > _MAX_DATE))
        if out_of_range.any():
            pos = [int(p) for p in np.flatnonzero(out_of_range.to_numpy())]
            rows = _rows(raw, pos)
            problems.append(_Problem(column, "must be a date between 1677-09-22 and 2262-04-11",
                                     rows, [raw.iloc[p] for p in pos[:_MAX_SHOWN]]))
            failed.update(r - 1 for r in rows)
            parsed = parsed.where(~out_of_range)
    return parsed.astype("datetime64[ns]")
