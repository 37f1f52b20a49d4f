"""Data contracts: the canonical tables and their validators.

Every analysis module works on four canonical tables (see ``DESIGN.md``):

``transactions``
    ``customer_id`` (text), ``date`` (``datetime64[ns]``, no time zone),
    ``amount`` (``float64``, >= 0); optional ``channel`` (text), ``quantity``
    (number >= 0), ``order_id`` (text). Other columns are kept as they are.
``customers``
    ``customer_id`` (text, unique); optional ``acquisition_date`` (date),
    ``acquisition_channel`` (text), ``acquisition_cost`` and ``cost_to_serve``
    (numbers >= 0) and any descriptive attributes.
``survey``
    ``respondent_id`` (text, unique); rating columns within a declared scale;
    optional outcome columns, a weight column and group columns.
``channel_outcomes``
    one row per customer or contact: a ``channel`` (or campaign arm) column,
    binary outcomes (0/1) and continuous outcomes.

Validation happens once, at the door. Each ``validate_*`` function returns a new,
typed frame (the input is never modified) or raises one
:class:`~analysis.errors.DataValidationError` whose message lists every broken
rule: the column, the rule in plain words, how many rows break it and the first
few of them with their values. Row numbers in messages count data rows from 1:
the first row under the header is row 1 (in a spreadsheet with one header line,
that row is line 2).

Conversions the validators make, so that every module can rely on them:

* ids (``customer_id``, ``respondent_id``) become pandas' string dtype, with
  surrounding spaces removed; whole numbers stored as floats (``1.0``, as Excel
  and CSV readers produce when a column has gaps) become ``"1"``. Missing ids are
  errors.
* date text is parsed into ``datetime64[ns]``. Recognised forms: ``YYYY-MM-DD``
  (with an optional time and UTC offset), ``YYYY/MM/DD``, ``YYYY.MM.DD``,
  ``YYYYMMDD``, ``DD.MM.YYYY``, ``NN/NN/YYYY`` and ``NN-NN-YYYY`` (day or month
  first, decided from the data; pass ``date_format`` when no value decides it),
  ``YYYY年MM月DD日`` and dates with month names (``March 1, 2024``). A column that
  mixes several forms is an error, since such a column is usually misread
  somewhere. Time-zone-aware timestamps are converted to UTC and the time zone
  is dropped. Excel serial day numbers are not dates here (they are errors).
* binary outcomes accept 0/1, booleans and the words yes/no, true/false, y/n
  (any case), stored as ``int64`` 0/1.

Examples
--------
>>> import pandas as pd
>>> from analysis.schemas import validate_transactions
>>> raw = pd.DataFrame({"customer_id": [1.0, 2.0], "date": ["2024-03-01", "2024-03-05"],
...                     "amount": ["12.5", 8]})
>>> tx = validate_transactions(raw)
>>> tx["customer_id"].tolist(), str(tx["date"].dtype), tx["amount"].tolist()
(['1', '2'], 'datetime64[ns]', [12.5, 8.0])
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
import warnings
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from analysis.errors import AnalysisWarning, DataValidationError, ParameterError

__all__ = [
    "TABLES",
    "validate_channel_outcomes",
    "validate_customers",
    "validate_survey",
    "validate_table",
    "validate_transactions",
]

TABLES: tuple[str, ...] = ("transactions", "customers", "survey", "channel_outcomes")

ROW_CONVENTION = (
    "Row numbers count data rows from 1 (the first row under the header is row 1; "
    "in a spreadsheet with one header line it is line 2)."
)
_MAX_SHOWN = 5
_NA_WORDS = frozenset({"", "nan", "na", "n/a", "null", "none", "nat", "#n/a"})
_TRUE_WORDS = frozenset({"1", "yes", "y", "true", "t"})
_FALSE_WORDS = frozenset({"0", "no", "n", "false", "f"})
_MIN_DATE = pd.Timestamp("1677-09-22")
_MAX_DATE = pd.Timestamp("2262-04-11")


def _string_dtype() -> pd.api.extensions.ExtensionDtype:
    """pandas' default string dtype (``str`` in pandas 3, ``string`` before)."""
    dtype = pd.Series(["a"]).dtype
    return dtype if isinstance(dtype, pd.StringDtype) else pd.StringDtype()


# --------------------------------------------------------------------------- #
# problems and the one message
# --------------------------------------------------------------------------- #
@dataclass
class _Problem:
    column: str | None
    rule: str
    rows: list[int]  # 1-based data row numbers, sorted
    values: list[Any]
    detail: str = ""
    count: int | None = None  # rows breaking the rule, when more than len(rows)


def _fmt_value(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return "missing"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else str(value)
    if isinstance(value, (np.floating, float)):
        return repr(float(value))
    if isinstance(value, (np.integer, int)):
        return str(int(value))
    return repr(value)


def _fmt_rows(rows: Sequence[int], values: Sequence[Any] | None, count: int | None = None) -> str:
    total = len(rows) if count is None else count
    shown = list(rows)[:_MAX_SHOWN]
    word = "row" if len(shown) == 1 else "rows"
    text = f"{word} {', '.join(str(r) for r in shown)}"
    if total > len(shown):
        text += f" and {total - len(shown)} more"
    if values is not None and len(values):
        vals = ", ".join(_fmt_value(v) for v in list(values)[: len(shown)])
        text += f" ({'value' if len(shown) == 1 else 'values'} {vals})"
    return text


def _fmt_problem(p: _Problem) -> str:
    head = f"column '{p.column}'" if p.column is not None else "table"
    if not p.rows:
        text = f"{head}: {p.rule}"
    else:
        n = len(p.rows) if p.count is None else p.count
        text = f"{head}: {p.rule}; {n} {'row breaks' if n == 1 else 'rows break'} it: {_fmt_rows(p.rows, p.values, p.count)}"
    if p.detail:
        text += f". {p.detail}"
    return text if text.endswith(".") else text + "."


def _raise(table: str, problems: list[_Problem]) -> None:
    if not problems:
        return
    n = len(problems)
    lines = [
        f"The {table} table breaks its data contract ({n} {'problem' if n == 1 else 'problems'}). "
        + ROW_CONVENTION
    ]
    lines += [f"  - {_fmt_problem(p)}" for p in problems]
    raise DataValidationError("\n".join(lines))


def _closest(name: str, candidates: Iterable[Hashable]) -> str | None:
    cands = [str(c) for c in candidates]
    lowered = {c.lower().strip(): c for c in cands}
    key = name.lower().strip()
    if key in lowered:
        return lowered[key]
    match = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.5)
    return lowered[match[0]] if match else None


def missing_column_text(name: str, columns: Iterable[Hashable]) -> str:
    """Describe a missing column: what is present and the closest name.

    Parameters
    ----------
    name : str
        The column that was looked for.
    columns : iterable
        The columns that are present.

    Returns
    -------
    str
        For example ``"Columns present: 'cust', 'date'. Did you mean 'cust'?"``.

    Examples
    --------
    >>> missing_column_text("amount", ["Amount", "date"])
    "Columns present: 'Amount', 'date'. Did you mean 'Amount'?"
    """
    cols = list(columns)
    text = "Columns present: " + (", ".join(repr(str(c)) for c in cols) if cols else "none") + "."
    guess = _closest(name, cols)
    if guess is not None:
        text += f" Did you mean '{guess}'?"
    return text


# --------------------------------------------------------------------------- #
# the validation session: a working copy, its problems and a pandera schema
# --------------------------------------------------------------------------- #
class _Session:
    """Working copy of one table plus the problems found so far.

    The working frame's index holds each row's 0-based position in the input, so
    row numbers stay those of the input even after rows are dropped.
    """

    def __init__(self, table: str, df: Any) -> None:
        if not isinstance(df, pd.DataFrame):
            raise DataValidationError(
                f"The {table} table must be a pandas DataFrame; got {type(df).__name__}."
            )
        self.table = table
        self.original_index = df.index
        self.out = df.copy(deep=True)
        self.out.index = pd.RangeIndex(len(df))
        self.problems: list[_Problem] = []
        self.spec: dict[str, pa.Column] = {}
        self.not_null_exempt: dict[str, set[int]] = {}
        self.hints: dict[tuple[str, str], str] = {}
        if len(df) == 0:
            cols = ", ".join(repr(str(c)) for c in df.columns) or "none"
            raise DataValidationError(
                f"The {table} table has no rows (columns present: {cols}). "
                "Check the file or the filter that produced it."
            )
        dup = df.columns[df.columns.duplicated()].unique().tolist()
        if dup:  # nothing else can be checked reliably: a column name must mean one column
            _raise(table, [_Problem(
                None, "column names must be unique; repeated: " + ", ".join(repr(str(c)) for c in dup), [], [],
                "Rename or drop the repeated columns")])

    # -- helpers ---------------------------------------------------------- #
    def add(self, column: str | None, rule: str, positions: Sequence[int], source: pd.Series,
            detail: str = "") -> None:
        """Record a problem at 0-based *positions* of the working frame, values from *source*."""
        pos = sorted(int(p) for p in positions)
        vals = [source.iloc[p] for p in pos[:_MAX_SHOWN]]
        rows = [int(self.out.index[p]) + 1 for p in pos]
        self.problems.append(_Problem(column, rule, rows, vals, detail))

    def present(self, column: str) -> bool:
        return column in self.out.columns

    def require(self, columns: Iterable[str], why: str = "is required") -> list[str]:
        found = []
        for col in columns:
            if self.present(col):
                found.append(col)
            else:
                self.problems.append(_Problem(
                    col, f"{why} but missing", [], [],
                    missing_column_text(col, self.out.columns)
                    + " Rename or map your column (study YAML 'columns:' or io.apply_column_mapping).",
                ))
        return found

    def check(self, column: str, dtype: Any, checks: list[pa.Check] | None = None, *,
              nullable: bool = True, unique: bool = False) -> None:
        self.spec[column] = pa.Column(dtype, checks or [], nullable=nullable, unique=unique)

    def hint(self, column: str, rule: str, text: str) -> None:
        """Advice appended to the message when *column* breaks the pandera rule *rule*."""
        self.hints[(column, rule)] = text

    # -- conversions ------------------------------------------------------ #
    def ids(self, column: str, *, unique: bool) -> None:
        s = self.out[column]
        converted, bad = _normalise_ids(s)
        if bad:
            self.add(column, "must be an id (text or a whole number)", bad, s)
        self.not_null_exempt[column] = {int(self.out.index[p]) for p in bad}
        self.out[column] = converted.astype(_string_dtype())
        self.check(column, _string_dtype(), nullable=False, unique=unique)

    def text(self, column: str, *, nullable: bool = True) -> None:
        s = self.out[column]
        conv = s.map(_text_or_na, na_action="ignore")
        self.out[column] = conv.astype(_string_dtype())
        self.check(column, _string_dtype(), nullable=nullable)

    def numbers(self, column: str, *, nullable: bool = True, checks: list[pa.Check] | None = None) -> None:
        values, bad = _to_numbers(self.out[column])
        if len(bad):
            raw = self.out[column]
            self.add(column, "must be a number", bad, raw, _number_hint([raw.iloc[p] for p in bad[:200]]))
        self.not_null_exempt[column] = {int(self.out.index[p]) for p in bad}
        self.out[column] = values
        finite = pa.Check(_finite_or_na, element_wise=False, error="must be a finite number (not inf)")
        self.check(column, "float64", [finite, *(checks or [])], nullable=nullable)

    def dates(self, column: str, *, nullable: bool, date_format: str | None) -> None:
        parsed, problems, failed = _parse_dates(self.out[column], column, date_format)
        self.problems.extend(problems)
        self.not_null_exempt[column] = failed
        self.out[column] = parsed
        self.check(column, "datetime64[ns]", nullable=nullable)

    # -- finish ----------------------------------------------------------- #
    def finish(self) -> pd.DataFrame:
        schema = pa.DataFrameSchema(self.spec, strict=False, coerce=False)
        try:
            schema.validate(self.out, lazy=True)
        except SchemaErrors as exc:
            self.problems.extend(self._translate(exc.failure_cases))
        order = {str(c): k for k, c in enumerate(self.out.columns)}
        self.problems.sort(key=lambda p: -2 if p.column is None else order.get(p.column, -1))
        _raise(self.table, self.problems)
        out = self.out
        out.index = self.original_index[out.index.to_numpy()]
        return out

    def _translate(self, fc: pd.DataFrame) -> list[_Problem]:
        problems: list[_Problem] = []
        for (column, check), grp in fc.groupby(["column", "check"], sort=False, dropna=False):
            column = None if pd.isna(column) else str(column)
            grp = grp[grp["index"].notna()] if grp["index"].notna().any() else grp
            check = str(check)
            if check == "not_nullable":
                exempt = self.not_null_exempt.get(column or "", set())
                grp = grp[~grp["index"].isin(exempt)]
                rule = "must not be missing"
            elif check == "field_uniqueness":
                grp = grp[grp["failure_case"].notna()]
                rule = "must be unique"
            elif check.startswith("dtype("):
                rule = f"must be of type {check[6:-1]}"
            else:
                rule = check
            if grp.empty:
                continue
            if grp["index"].isna().all():
                problems.append(_Problem(column, f"{rule} ({grp['failure_case'].iloc[0]})", [], []))
                continue
            grp = grp.sort_values("index")
            rows = [int(i) + 1 for i in grp["index"]]
            values = [] if check == "not_nullable" else grp["failure_case"].tolist()
            detail = _duplicate_detail(rows, values) if check == "field_uniqueness" else ""
            detail = detail or self.hints.get((column or "", rule), "")
            problems.append(_Problem(column, rule, rows, values, detail))
        return problems


def _duplicate_detail(rows: list[int], values: list[Any]) -> str:
    groups: dict[Any, list[int]] = {}
    for r, v in zip(rows, values):
        groups.setdefault(v, []).append(r)
    shown = list(groups.items())[:_MAX_SHOWN]
    parts = [f"{_fmt_value(v)} ({_fmt_rows(rs, None)})" for v, rs in shown]
    more = f" and {len(groups) - len(shown)} more" if len(groups) > len(shown) else ""
    return f"{len(groups)} duplicated {'id' if len(groups) == 1 else 'ids'}: " + "; ".join(parts) + more


def _finite_or_na(s: pd.Series) -> pd.Series:
    return s.isna() | np.isfinite(s.astype("float64"))


def _text_or_na(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return np.nan if v.lower() in _NA_WORDS else v
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


# --------------------------------------------------------------------------- #
# ids and numbers
# --------------------------------------------------------------------------- #
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


def _number_hint(values: list[Any]) -> str:
    texts = [v for v in values if isinstance(v, str)]
    if any(re.fullmatch(r"[-+]?\d+,\d+", t.strip()) for t in texts):
        return "Write numbers with a point as the decimal mark (12.50, not 12,50)"
    if any(re.search(r"\d{1,3}(,\d{3})+(\.\d+)?$", t.strip()) for t in texts):
        return "Remove thousands separators (1234.50, not 1,234.50)"
    if any(re.search(r"[$€£¥%]", t) for t in texts):
        return "Remove currency and percent signs; write plain numbers"
    return "Write plain numbers such as 12.5"


# --------------------------------------------------------------------------- #
# dates
# --------------------------------------------------------------------------- #
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
        conv = pd.to_datetime(strs, format=date_format, errors="coerce", utc=True)
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

    # decide day or month first within each ambiguous form, from the data
    unresolved: dict[str, str] = {}  # family label -> separator, for forms no value decides
    for label in dict.fromkeys(family[i] for i in amb):
        members = [i for i in amb if family[i] == label]
        sep = label[2]
        fmt_d = label.replace(f"NN{sep}NN", f"DD{sep}MM")
        fmt_m = label.replace(f"NN{sep}NN", f"MM{sep}DD")
        day_first = [i for i in members if amb[i][0] > 12]
        month_first = [i for i in members if amb[i][1] > 12]
        if day_first and month_first:  # both orders present: a mixture, reported below
            for i in members:
                family[i] = fmt_d if i in day_first else fmt_m if i in month_first else f"{label} (order unknown)"
        elif not day_first and not month_first:
            both = f"{fmt_d} or {fmt_m}"
            unresolved[both] = sep
            for i in members:
                family[i] = both
        else:
            for i in members:
                a, b, y, rest = amb[i]
                family[i] = fmt_d if day_first else fmt_m
                value[i] = _iso(y, b, a, rest) if day_first else _iso(y, a, b, rest)

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
    if seen and seen[0] in unresolved:
        sep = unresolved[seen[0]]
        yy = "%y" if seen[0].endswith(f"{sep}YY") else "%Y"
        report(
            f"must be a date in an unambiguous form: every value is written {seen[0]} and none shows "
            "whether the day or the month comes first", [i for i in range(n_u) if family[i] == seen[0]],
            f"Pass date_format='%d{sep}%m{sep}{yy}' (day first) or '%m{sep}%d{sep}{yy}' (month first); "
            "in a study YAML put it in the table's options",
        )
        for i in range(n_u):
            if family[i] == seen[0]:
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


# --------------------------------------------------------------------------- #
# rules shared by the validators
# --------------------------------------------------------------------------- #
def _ge0() -> pa.Check:
    return pa.Check.ge(0, error="must be >= 0")


def _scale_checks(scale: tuple[float, float], what: str) -> list[pa.Check]:
    lo, hi = scale
    checks = [pa.Check.in_range(lo, hi, error=f"must be within the {what} scale {lo:g}-{hi:g}")]
    if _is_integer_scale(scale):
        checks.append(pa.Check(lambda x: x.isna() | (x == np.floor(x)), element_wise=False,
                               error=f"must be a whole number (the {what} scale {lo:g}-{hi:g} has whole points)"))
    return checks


def _is_integer_scale(scale: tuple[float, float]) -> bool:
    return all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in scale)


def _check_scale(scale: Any, name: str) -> tuple[float, float]:
    ok = (isinstance(scale, (tuple, list)) and len(scale) == 2
          and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in scale)
          and scale[0] < scale[1])
    if not ok:
        raise ParameterError(f"{name} must be a pair (lowest, highest) of numbers with lowest < highest, "
                             f"such as (1, 7); got {scale!r}.")
    return (scale[0], scale[1])


def _names(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ParameterError(f"{name} must be a column name or a list of column names; got {value!r}.")


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


# --------------------------------------------------------------------------- #
# public validators
# --------------------------------------------------------------------------- #
def validate_transactions(df: pd.DataFrame, *, drop_invalid_amounts: bool = False,
                          date_format: str | None = None) -> pd.DataFrame:
    """Check a transaction log and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per purchase with at least ``customer_id``, ``date`` and ``amount``;
        optional ``channel``, ``quantity`` and ``order_id``. Other columns are kept.
    drop_invalid_amounts : bool, default False
        If False, amounts that are negative, missing, infinite or not numbers
        (``"12,50"``, ``"abc"``) are errors. If True, those rows are dropped with
        an :class:`~analysis.errors.AnalysisWarning` that says how many rows were
        dropped and why.
    date_format : str, optional
        A ``strftime`` format (``"%d/%m/%Y"``) for the ``date`` column, needed only
        when the form of the dates cannot be told from the data.

    Returns
    -------
    pandas.DataFrame
        A new frame (the input is not modified; the index is the input's, less any
        dropped rows): ``customer_id`` (string), ``date`` (``datetime64[ns]``, no
        time zone; aware timestamps converted to UTC), ``amount`` (``float64``),
        ``quantity`` (``float64``) when present, ``channel`` and ``order_id``
        (string) when present, then the other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Listing every broken rule: missing columns, missing or malformed ids,
        unparseable or mixed-format dates, bad amounts, an empty table.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2024-03-01", "2024-03-02"],
    ...                     "amount": [10.0, -1.0]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     warnings.simplefilter("always")
    ...     validate_transactions(raw, drop_invalid_amounts=True)["amount"].tolist()
    [10.0]
    """
    sess = _Session("transactions", df)
    present = sess.require(["customer_id", "date", "amount"])
    if "amount" in present and drop_invalid_amounts:
        _drop_invalid_amounts(sess)
    if "customer_id" in present:
        sess.ids("customer_id", unique=False)
    if "date" in present:
        sess.dates("date", nullable=False, date_format=date_format)
    if "amount" in present:
        sess.numbers("amount", nullable=False, checks=[_ge0()])
        sess.hint("amount", "must be >= 0", "Refunds and returns are not purchases: remove them, or pass "
                  "drop_invalid_amounts=True to drop such rows with a warning")
        sess.hint("amount", "must not be missing", "Pass drop_invalid_amounts=True to drop such rows with a warning")
    if sess.present("quantity"):
        sess.numbers("quantity", checks=[_ge0()])
    for col in ("channel", "order_id"):
        if sess.present(col):
            sess.text(col)
    return sess.finish()


def _drop_invalid_amounts(sess: _Session) -> None:
    values, bad = _to_numbers(sess.out["amount"])
    not_number = np.zeros(len(values), dtype=bool)
    not_number[bad] = True
    v = values.to_numpy()
    reasons = {
        "not a number": not_number,
        "missing": np.isnan(v) & ~not_number,
        "negative": v < 0,
        "infinite": np.isinf(v),
    }
    drop = np.logical_or.reduce(list(reasons.values()))
    if not drop.any():
        return
    labels = sess.out.index.to_numpy()
    parts = []
    for why, mask in reasons.items():
        if mask.any():
            rows = [int(r) + 1 for r in labels[mask]]
            parts.append(f"{int(mask.sum())} {why} ({_fmt_rows(rows, None)})")
    n_in = len(values)
    sess.out = sess.out.loc[~drop]
    message = (f"Dropped {int(drop.sum())} of {n_in} rows of the transactions table because their amount "
               f"was invalid: {', '.join(parts)}. {ROW_CONVENTION}")
    if len(sess.out) == 0:
        raise DataValidationError(f"The transactions table has no rows left: every amount was invalid "
                                  f"({', '.join(parts)}). {ROW_CONVENTION}")
    warnings.warn(message, AnalysisWarning, stacklevel=3)


def validate_customers(df: pd.DataFrame, *, date_format: str | None = None) -> pd.DataFrame:
    """Check a customer table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per customer with ``customer_id`` (unique); optional
        ``acquisition_date``, ``acquisition_channel``, ``acquisition_cost`` and
        ``cost_to_serve`` (numbers >= 0; missing allowed) and any descriptive
        attributes, which are kept unchanged.
    date_format : str, optional
        A ``strftime`` format for ``acquisition_date`` when the data cannot tell it.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``customer_id`` (string), ``acquisition_date``
        (``datetime64[ns]``), ``acquisition_channel`` (string), costs
        (``float64``) where present; other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Among others when ids repeat; the message lists the repeated ids.

    Examples
    --------
    >>> import pandas as pd
    >>> validate_customers(pd.DataFrame({"customer_id": [7, 8], "acquisition_cost": [20, 35.5]})).dtypes["acquisition_cost"]
    dtype('float64')
    """
    sess = _Session("customers", df)
    if sess.require(["customer_id"]):
        sess.ids("customer_id", unique=True)
    if sess.present("acquisition_date"):
        sess.dates("acquisition_date", nullable=True, date_format=date_format)
    if sess.present("acquisition_channel"):
        sess.text("acquisition_channel")
    for col in ("acquisition_cost", "cost_to_serve"):
        if sess.present(col):
            sess.numbers(col, checks=[_ge0()])
    return sess.finish()


def validate_survey(df: pd.DataFrame, *, rating_columns: Sequence[str] | str | None = None,
                    scale: tuple[float, float] = (1, 7), outcome_columns: Sequence[str] | str | None = None,
                    outcome_scale: tuple[float, float] | None = None, weight_column: str | None = None,
                    group_columns: Sequence[str] | str | None = None) -> pd.DataFrame:
    """Check a survey table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per respondent with ``respondent_id`` (unique).
    rating_columns : list of str, optional
        Attribute ratings; each must be a number within ``scale`` (missing answers
        are allowed). None checks no rating column.
    scale : (low, high), default (1, 7)
        The rating scale. With whole-number bounds (``(1, 7)``) ratings must also
        be whole numbers; with float bounds (``(0.0, 10.0)``) any number within
        the range is accepted.
    outcome_columns : list of str, optional
        Overall outcomes (satisfaction, recommend, loyalty), checked like ratings.
    outcome_scale : (low, high), optional
        The outcomes' scale; defaults to ``scale``.
    weight_column : str, optional
        Survey weights: numbers >= 0, none missing.
    group_columns : list of str, optional
        Columns that define groups (channel, segment); they must exist.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``respondent_id`` (string), ratings, outcomes and weights as
        ``float64``; other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        For example when a rating lies outside the scale; the message names the
        column, the rows and their values.
    analysis.errors.ParameterError
        When ``scale`` is not a pair (low, high) with low < high.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"respondent_id": [1, 2], "q1": [5, 7], "sat": [6, 4]})
    >>> validate_survey(raw, rating_columns=["q1"], outcome_columns="sat")["q1"].tolist()
    [5.0, 7.0]
    """
    scale = _check_scale(scale, "scale")
    outcome_scale = scale if outcome_scale is None else _check_scale(outcome_scale, "outcome_scale")
    ratings = _names(rating_columns, "rating_columns")
    outcomes = _names(outcome_columns, "outcome_columns")
    groups = _names(group_columns, "group_columns")
    weights = _names(weight_column, "weight_column")
    sess = _Session("survey", df)
    if sess.require(["respondent_id"]):
        sess.ids("respondent_id", unique=True)
    for col in sess.require(ratings, "is declared as a rating column"):
        sess.numbers(col, checks=_scale_checks(scale, "rating"))
    for col in sess.require(outcomes, "is declared as an outcome column"):
        sess.numbers(col, checks=_scale_checks(outcome_scale, "outcome"))
    for col in sess.require(weights, "is declared as the weight column"):
        sess.numbers(col, nullable=False, checks=[_ge0()])
    sess.require(groups, "is declared as a group column")
    return sess.finish()


def validate_channel_outcomes(df: pd.DataFrame, *, channel_column: str = "channel",
                              binary_columns: Sequence[str] | str | None = None,
                              continuous_columns: Sequence[str] | str | None = None) -> pd.DataFrame:
    """Check a channel or campaign outcome table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per customer or contact.
    channel_column : str, default "channel"
        The channel (or campaign arm); required, no value missing.
    binary_columns : list of str, optional
        Yes/no outcomes (conversion, visit). Accepted: 0/1, booleans and the words
        yes/no, true/false, y/n in any case; stored as ``int64`` 0/1. No value may
        be missing.
    continuous_columns : list of str, optional
        Numeric outcomes (spend); finite numbers, none missing.

    Returns
    -------
    pandas.DataFrame
        A new frame: the channel column as string, binary columns ``int64``,
        continuous columns ``float64``; other columns (covariates, costs) unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Naming each broken column, rule and the first rows that break it.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"channel": ["web", "store"], "converted": ["yes", "no"], "spend": [12, 0]})
    >>> out = validate_channel_outcomes(raw, binary_columns=["converted"], continuous_columns=["spend"])
    >>> out["converted"].tolist()
    [1, 0]
    """
    if not isinstance(channel_column, str):
        raise ParameterError(f"channel_column must be a column name; got {channel_column!r}.")
    binary = _names(binary_columns, "binary_columns")
    continuous = _names(continuous_columns, "continuous_columns")
    sess = _Session("channel_outcomes", df)
    if sess.require([channel_column]):
        sess.text(channel_column, nullable=False)
    binary_ok = []
    for col in sess.require(binary, "is declared as a binary outcome column"):
        values, bad = _to_binary(sess.out[col])
        if bad:
            sess.add(col, "must be 0 or 1 (or yes/no, true/false)", bad, sess.out[col])
        sess.not_null_exempt[col] = {int(sess.out.index[p]) for p in bad}
        sess.out[col] = values
        sess.check(col, "float64", [pa.Check.isin([0.0, 1.0], error="must be 0 or 1 (or yes/no, true/false)")],
                   nullable=False)
        binary_ok.append(col)
    for col in sess.require(continuous, "is declared as a continuous outcome column"):
        sess.numbers(col, nullable=False)
    out = sess.finish()
    for col in binary_ok:
        out[col] = out[col].astype("int64")
    return out


_VALIDATORS: dict[str, Callable[..., pd.DataFrame]] = {
    "transactions": validate_transactions,
    "customers": validate_customers,
    "survey": validate_survey,
    "channel_outcomes": validate_channel_outcomes,
}


def validate_table(name: str, df: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """Validate *df* as the canonical table *name*.

    Parameters
    ----------
    name : str
        One of :data:`TABLES`.
    df : pandas.DataFrame
        The table.
    **options
        Passed to that table's validator (for example ``drop_invalid_amounts``
        for transactions, ``rating_columns`` and ``scale`` for a survey).

    Returns
    -------
    pandas.DataFrame
        The validated, typed table.

    Raises
    ------
    analysis.errors.ParameterError
        For an unknown table name or an option the validator does not take.
    analysis.errors.DataValidationError
        When the table breaks its contract.

    Examples
    --------
    >>> import pandas as pd
    >>> validate_table("customers", pd.DataFrame({"customer_id": ["a", "b"]}))["customer_id"].tolist()
    ['a', 'b']
    """
    if name not in _VALIDATORS:
        guess = _closest(str(name), TABLES)
        raise ParameterError(f"Unknown table {name!r}; the tables are {', '.join(TABLES)}."
                             + (f" Did you mean '{guess}'?" if guess else ""))
    func = _VALIDATORS[name]
    import inspect

    accepted = [p for p in inspect.signature(func).parameters if p != "df"]
    unknown = [k for k in options if k not in accepted]
    if unknown:
        raise ParameterError(f"Unknown option(s) {', '.join(map(repr, unknown))} for the {name} table; "
                             f"accepted: {', '.join(accepted)}.")
    return func(df, **options)
