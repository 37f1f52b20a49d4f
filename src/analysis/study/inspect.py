"""Inspect a data file for `analysis init`: how to read it, what each column holds, which table it is.

:func:`inspect_file` reads the file with :func:`analysis.io.read_table` (after
sniffing the encoding, the field separator and the CDNOW layout) and profiles
each column (:class:`ColumnProfile`): its kind (id, date, money, count, rating,
yes/no, category, free text, journey of channels, other number), values that
look like codes for a missing answer, and the evidence behind each guess. The
:class:`FileProfile` also holds the grain (one row per customer, per purchase,
...) and the canonical table the file most likely is; :mod:`analysis.study.starter`
writes it into a commented starter study.

Examples
--------
>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "visits.csv"
>>> _ = f.write_text("cust,date\\n1,2024-01-02\\n1,2024-02-03\\n2,2024-01-05\\n")
>>> profile = inspect_file(f)
>>> profile.table, profile.column("cust").kind, profile.column("date").kind
('transactions', 'id', 'date')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.io import SUFFIX_FORMATS, read_table
from analysis.io.encoding import detect_encoding

__all__ = ["ColumnProfile", "FileProfile", "constructs", "frequency_columns", "inspect_file", "monetary_columns",
           "name_words", "purchase_channels", "rating_scale", "scale_groups", "servqual_prefixes"]

#: the usual rating scales, smallest first: a column of whole numbers inside one of them is a rating
SCALES: tuple[tuple[int, int], ...] = ((1, 5), (0, 5), (1, 7), (0, 7), (1, 9), (1, 10), (0, 10))
TEXT_CODES = ("unknown", "n/a", "na", "-", "?", "missing", "none", "null", "not available", ".")
NUMBER_CODES = (999, 9999, -1, -99)
PATH_SEPARATORS = (" > ", " -> ", " => ", ">", "->", "=>", " | ")
SEPARATORS = (",", ";", "\t", "|")
BINARY_SETS = ({"0", "1"}, {"yes", "no"}, {"y", "n"}, {"true", "false"}, {"t", "f"})
ID_WORDS = {"id", "cust", "customer", "client", "user", "member", "respondent", "account", "household", "buyer",
            "person", "客户", "编号", "会员", "用户"}
DATE_WORDS = {"date", "dt", "day", "time", "timestamp", "datetime", "日期", "时间"}
MONEY_WORDS = {"amount", "amt", "mnt", "value", "spend", "spent", "revenue", "price", "sales", "sale", "income",
               "dollar", "dollars", "cost", "monetary", "payment", "paid", "金额", "消费"}
COUNT_WORDS = {"num", "count", "n", "number", "frequency", "freq", "purchases", "visits", "orders", "times",
               "previous", "campaign", "quantity", "qty", "recency", "kidhome", "teenhome"}
#: words of a complaints log's column names (or its file name): complaint, ticket, resolution, compensation
COMPLAINT_WORDS = {"complaint", "complaints", "complain", "complained", "ticket", "tickets", "issue", "issues",
                   "resolution", "resolved", "resolve", "compensation", "grievance", "投诉", "抱怨", "工单"}
#: words of a loyalty programme's membership file (tiers, points) that holds no money column
MEMBERSHIP_WORDS = {"tier", "tiers", "membership", "memberships", "points", "point", "等级", "积分"}
_DATE_TEXT = re.compile(
    r"^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}([ T].*)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}年\d{1,2}月\d{1,2}日"
    r"|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})\s*$")


@dataclass(frozen=True)
class ColumnProfile:
    """What one column holds.

    Attributes
    ----------
    name : str
        The column's name in the file.
    kind : str
        ``id``, ``date``, ``money``, ``count``, ``rating``, ``binary``, ``category``,
        ``text``, ``path`` (journeys of channels), ``number`` or ``empty``.
    n_distinct, n_missing : int
        Distinct values and missing cells (codes for a missing answer count as missing).
    missing_codes : tuple
        Values that look like codes for a missing answer (``'unknown'``, ``999``, ...).
    code_rows : int
        Rows holding one of those codes.
    low, high : float or None
        Smallest and largest number (numeric kinds).
    levels : tuple of str
        The values of a yes/no or category column (at most 12, most frequent first).
    example : str
        One value as written, for the evidence.
    separator : str or None
        The separator of a journey column.
    share : float or None
        Share of a journey column's rows that hold the separator (journeys of more than one channel).
    derived : bool
        True for a column the starter study derives (``derive:``), not one of the file.
    negative : int
        Negative values of a money column (refunds, returns).
    date_order : str or None
        For dates written ``NN/NN/YYYY`` or ``NN-NN-YYYY``: ``"%d/%m/%Y"`` (or with ``-``) when a
        first number above 12 shows the day comes first, ``"%m/%d/%Y"`` when a second one does,
        ``"unknown"`` when no value tells; None for other dates.
    """

    name: str
    kind: str
    n_distinct: int
    n_missing: int
    missing_codes: tuple[Any, ...] = ()
    code_rows: int = 0
    low: float | None = None
    high: float | None = None
    levels: tuple[str, ...] = ()
    example: str = ""
    separator: str | None = None
    share: float | None = None
    derived: bool = False
    date_order: str | None = None
    negative: int = 0

    @property
    def words(self) -> list[str]:
        """The words of the column's name (see :func:`name_words`)."""
        return name_words(self.name)


@dataclass(frozen=True)
class FileProfile:
    """What a data file (or one sheet of a workbook) holds, and how to read it.

    Attributes
    ----------
    path : Path
        The file.
    format : str
        As :func:`analysis.io.read_table` names it (``csv``, ``tsv``, ``excel``, ``parquet``, ``cdnow``).
    encoding, sep : str or None
        Reader options the file needs beyond the defaults (None: the default works).
    sheet : str or None
        The sheet profiled; ``sheets`` lists every sheet of a workbook.
    n_rows : int
        Data rows.
    columns : tuple of ColumnProfile
        One per column, in file order.
    grain : str
        ``transaction`` (ids repeat and there is a date), ``customer`` (one row per id),
        ``path`` (journeys), ``complaint``, ``spell`` (a membership tier spell) or ``row`` (no id).
    table : str
        The canonical table the file most likely is (``transactions``, ``customers``,
        ``survey``, ``channel_outcomes``, ``paths``, ``complaints`` or ``memberships``).
    fits : bool
        False when no table fits clearly and :attr:`table` is only the closest guess.
    """

    path: Path
    format: str
    encoding: str | None
    sep: str | None
    sheet: str | None
    sheets: tuple[str, ...]
    n_rows: int
    columns: tuple[ColumnProfile, ...]
    grain: str
    table: str
    fits: bool = True

    def column(self, name: str) -> ColumnProfile:
        """The profile of the column *name*."""
        return next(c for c in self.columns if c.name == name)

    def of_kind(self, *kinds: str) -> list[ColumnProfile]:
        """The columns of the given kinds, in file order."""
        return [c for c in self.columns if c.kind in kinds]

    @property
    def id_column(self) -> ColumnProfile | None:
        """The column that identifies customers or respondents, or None."""
        ids = self.of_kind("id")
        return ids[0] if ids else None

    @property
    def date_column(self) -> ColumnProfile | None:
        """The first date column, or None."""
        dates = self.of_kind("date")
        return dates[0] if dates else None


def _hinted(words: set[str], vocabulary: set[str]) -> bool:
    """True when a word of the name is in *vocabulary*; Chinese words count anywhere in a word (no spaces)."""
    return bool(words & vocabulary) or any(v in w for v in vocabulary if not v.isascii() for w in words)


def name_words(name: Any) -> list[str]:
    """The lower-case words of a column name, split at punctuation and camel case.

    Examples
    --------
    >>> name_words("NumWebPurchases"), name_words("Dt_Customer"), name_words("emp.var.rate")
    (['num', 'web', 'purchases'], ['dt', 'customer'], ['emp', 'var', 'rate'])
    """
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", str(name))
    return [w.lower() for w in re.split(r"[^\w]+|_", text) if w]


def inspect_file(path: str | Path, *, sheet: str | None = None) -> FileProfile:
    """Profile a data file: how to read it, what each column holds, which canonical table it is.

    Parameters
    ----------
    path : str or Path
        A CSV/TSV/text, Excel, Parquet or CDNOW file.
    sheet : str, optional
        The Excel sheet to profile (default: the first).

    Returns
    -------
    FileProfile

    Raises
    ------
    analysis.errors.InputFileError
        When the file cannot be read (missing, empty, malformed).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "survey.csv"
    >>> _ = f.write_text("id;q1;q2;q3\\n1;5;4;3\\n2;1;2;5\\n3;4;3;4\\n")
    >>> p = inspect_file(f)
    >>> p.sep, p.table, p.column("q1").kind
    (';', 'survey', 'rating')
    """
    p = Path(path).expanduser()
    fmt, encoding, sep, sheets = _how_to_read(p)
    if fmt == "excel":
        target = sheet if sheet is not None else sheets[0]
        df = read_table(p, format=fmt, sheet=target)
    else:
        target = None
        df = read_table(p, format=fmt, encoding=encoding, sep=sep)
    default_sep = "\t" if fmt == "tsv" else ","
    columns = tuple(_profile_column(str(c), df[c], len(df), position=i) for i, c in enumerate(df.columns))
    grain, table, fits = _guess_table(columns, len(df), name_words(Path(p.name).stem))
    return FileProfile(path=p.resolve(), format=fmt, encoding=encoding,
                       sep=sep if sep not in (None, default_sep) else None, sheet=target, sheets=sheets,
                       n_rows=len(df), columns=columns, grain=grain, table=table, fits=fits)


# --------------------------------------------------------------------------- #
# reading: format, encoding, separator, sheets
# --------------------------------------------------------------------------- #
def _how_to_read(p: Path) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    suffix = next((s.lower() for s in reversed(p.suffixes) if s.lower() in SUFFIX_FORMATS), p.suffix.lower())
    fmt = SUFFIX_FORMATS.get(suffix, "csv")
    if fmt == "excel":
        return fmt, None, None, _sheet_names(p)
    if fmt == "parquet" or not p.is_file() or p.suffix.lower() in (".gz", ".bz2", ".xz", ".zip", ".zst"):
        return fmt, None, None, ()
    with open(p, "rb") as fh:
        data = fh.read(1 << 21)
    encoding = detect_encoding(data) or "utf-8-sig"
    text = data.decode(encoding, errors="ignore")
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    if not lines:
        return fmt, None, None, ()
    header = lines[0]
    counts = {s: header.count(s) for s in SEPARATORS}
    best = max(SEPARATORS, key=lambda s: counts[s])
    if counts[best] == 0 and _looks_cdnow(lines):
        return "cdnow", None, None, ()
    sep = best if counts[best] else None
    return fmt, (None if encoding == "utf-8-sig" else encoding), sep, ()


def _looks_cdnow(lines: list[str]) -> bool:
    data = [ln.split() for ln in lines if ln.split() and ln.split()[0].isdigit()]
    return bool(data) and all(len(t) in (4, 5) and all(re.fullmatch(r"[\d.]+", x) for x in t) for t in data)


def _sheet_names(p: Path) -> tuple[str, ...]:
    from analysis.errors import InputFileError

    try:
        with pd.ExcelFile(p) as book:
            return tuple(str(s) for s in book.sheet_names)
    except Exception as exc:  # zipfile and openpyxl raise many kinds for a broken workbook
        raise InputFileError(f"{p} is not a readable Excel workbook: {type(exc).__name__}: {exc}") from None


# --------------------------------------------------------------------------- #
# one column
# --------------------------------------------------------------------------- #
def _profile_column(name: str, s: pd.Series, n_rows: int, *, position: int) -> ColumnProfile:
    s, codes, code_rows = _strip_codes(s)
    values = s.dropna()
    base = dict(name=name, n_distinct=int(values.nunique()), n_missing=int(s.isna().sum()),
                missing_codes=codes, code_rows=code_rows)
    if values.empty:
        return ColumnProfile(kind="empty", **base)
    first = values.iloc[0]
    example = str(first.date()) if isinstance(first, pd.Timestamp) and first == first.normalize() else str(first)
    words = set(name_words(name))
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    if _is_date(values, words):
        return ColumnProfile(kind="date", example=example, date_order=_date_order(values), **base)
    levels = tuple(str(v) for v in values.astype(str).value_counts().index[:12])
    if _is_binary(values):
        return ColumnProfile(kind="binary", levels=levels, example=example, **base)
    if not numeric:
        separator, share = _path_separator(values.astype(str))
        if separator is not None:
            return ColumnProfile(kind="path", separator=separator, share=share, example=example, **base)
    unique = base["n_distinct"] == len(values) == n_rows
    if _is_id(values, words, name, unique=unique, position=position, numeric=numeric):
        return ColumnProfile(kind="id", example=example, **base)
    if numeric:
        nums = values.astype("float64")
        low, high = float(nums.min()), float(nums.max())
        whole = bool(np.all(np.mod(nums.to_numpy(), 1) == 0))
        negative = int((nums < 0).sum())
        if _hinted(words, MONEY_WORDS) and not words & {"idx", "index", "rate", "ratio", "pct", "share"} \
                and negative <= 0.05 * len(nums):  # a few refunds or returns among purchases
            return ColumnProfile(kind="money", low=low, high=high, example=example, negative=negative, **base)
        kind = "number"
        if whole and low >= 0 and words & COUNT_WORDS:
            kind = "count"
        elif whole and _scale_of(low, high) is not None and base["n_distinct"] >= 3:
            kind = "rating"
        elif whole and low >= 0:
            kind = "count"
        return ColumnProfile(kind=kind, low=low, high=high, example=example, **base)
    few = base["n_distinct"] <= max(20, min(100, 0.05 * len(values)))
    return ColumnProfile(kind="category" if few else "text", levels=levels, example=example, **base)


def _strip_codes(s: pd.Series) -> tuple[pd.Series, tuple[Any, ...], int]:
    """The column with its missing-value codes read as missing, the codes, and the rows that held one."""
    values = s.dropna()
    if values.empty:
        return s, (), 0
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        nums = values.astype("float64")
        codes = []
        for code in NUMBER_CODES:
            hit = nums == code
            rest = nums[~hit & ~nums.isin(codes)]
            if not hit.any() or rest.nunique() < 2:
                continue
            if (code > 0 and rest.max() < code / 2) or (code < 0 and rest.min() >= 0):
                codes.append(code)
        if not codes:
            return s, (), 0
        mask = s.isin(codes)
        return s.mask(mask), tuple(codes), int(mask.sum())
    lowered = values.astype(str).str.strip().str.lower()
    found = [v for v in values.astype(str).str.strip().unique() if v.lower() in TEXT_CODES]
    if not found or lowered.isin(TEXT_CODES).all():
        return s, (), 0
    mask = s.astype(str).str.strip().isin(found) & s.notna()
    return s.mask(mask), tuple(sorted(found)), int(mask.sum())


def _is_date(values: pd.Series, words: set[str]) -> bool:
    if pd.api.types.is_datetime64_any_dtype(values):
        return True
    if pd.api.types.is_integer_dtype(values):
        if not _hinted(words, DATE_WORDS):
            return False
        texts = values.astype(str)
        return bool(texts.str.fullmatch(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])").all())
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return False
    texts = values.astype(str).head(2000)
    return bool(texts.str.match(_DATE_TEXT).mean() >= 0.95)


def _date_order(values: pd.Series) -> str | None:
    """Which of the two numbers before the year is the day (see :attr:`ColumnProfile.date_order`)."""
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return None
    parts = values.astype(str).str.extract(r"^\s*(\d{1,2})([/-])(\d{1,2})[/-]\d{4}")
    if parts[0].isna().any():
        return None
    first, second, sep = parts[0].astype(int), parts[2].astype(int), parts[1].iloc[0]
    if (first > 12).any() and not (second > 12).any():
        return f"%d{sep}%m{sep}%Y"
    if (second > 12).any() and not (first > 12).any():
        return f"%m{sep}%d{sep}%Y"
    return "unknown"


def _is_binary(values: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(values):
        return True
    distinct = {str(v).strip().lower() for v in values.unique()}
    distinct = {"1" if d in ("1.0",) else "0" if d in ("0.0",) else d for d in distinct}
    return len(distinct) <= 2 and any(distinct <= pair for pair in BINARY_SETS) and len(values) > 1


def _is_id(values: pd.Series, words: set[str], name: str, *, unique: bool, position: int, numeric: bool) -> bool:
    if _hinted(words, ID_WORDS) and not _hinted(words, MONEY_WORDS | DATE_WORDS | COUNT_WORDS):
        if numeric and not np.all(np.mod(values.astype("float64").to_numpy(), 1) == 0):
            return False
        return values.nunique() >= min(0.01 * len(values), 20) or unique
    if unique and numeric and position == 0 and (name == "" or name.lower().startswith("unnamed")):
        nums = values.astype("float64").to_numpy()
        return bool(np.array_equal(np.sort(nums), np.arange(1, len(nums) + 1)))
    return unique and not numeric and position == 0 and values.astype(str).str.len().max() <= 40


def _scale_of(low: float, high: float) -> tuple[int, int] | None:
    """The smallest usual rating scale that holds [low, high] and whose top is nearly reached."""
    for lo, hi in SCALES:
        if lo <= low and high <= hi and high >= hi - 2:
            return (lo, hi)
    return None


def _path_separator(text: pd.Series) -> tuple[str | None, float | None]:
    for separator in PATH_SEPARATORS:
        share = float(text.str.contains(separator, regex=False).mean())
        if share >= 0.5:
            tokens = text.head(2000).str.split(separator, regex=False).explode().str.strip()
            if tokens.nunique() <= 100 and (tokens.str.len() <= 40).all():
                return separator, share
    return None, None


# --------------------------------------------------------------------------- #
# the whole file
# --------------------------------------------------------------------------- #
def _guess_table(columns: tuple[ColumnProfile, ...], n_rows: int, file_words: Sequence[str] = ()
                 ) -> tuple[str, str, bool]:
    kinds = [c.kind for c in columns]
    ids = [c for c in columns if c.kind == "id"]
    if "path" in kinds:
        return "path", "paths", True
    if ids and "date" in kinds:
        event = _event_table(columns, set(file_words))
        if event is not None:
            return event
    if ids and "date" in kinds and ids[0].n_distinct < n_rows:
        return "transaction", "transactions", True
    grain = "customer" if ids else "row"
    ratings = [c for c in columns if c.kind == "rating"]
    if len(ratings) >= 3 and len(ratings) >= 0.4 * len(columns):
        return grain, "survey", True
    if channel_candidates(columns) and outcome_columns(columns):
        return grain, "channel_outcomes", True
    numeric = [c for c in columns if c.kind in ("number", "count", "rating")]
    if ids and (_customer_like(columns) or len(numeric) < 3):
        return grain, "customers", True
    return grain, "survey", bool(ids)


def _event_table(columns: tuple[ColumnProfile, ...], file_words: set[str]) -> tuple[str, str, bool] | None:
    """A complaints log or a membership file (ids and dates, named for what they are), else None.

    Complaint words count in the file's name and in a column's, but not in a yes/no column (a
    customer table's complaint flag) nor as a date's ``issue`` (an invoice's issue date). Membership
    words (tier, points) count only in a file without money (a log of purchases with points earned,
    a customer table with a tier and spend, are not memberships).
    """
    def said(vocabulary: set[str], column: ColumnProfile) -> bool:
        words = set(column.words) - ({"issue", "issues"} if column.kind == "date" else set())
        return column.kind != "binary" and _hinted(words, vocabulary)

    if _hinted(file_words, COMPLAINT_WORDS) or any(said(COMPLAINT_WORDS, c) for c in columns):
        return "complaint", "complaints", True
    if not any(c.kind == "money" for c in columns) and (
            _hinted(file_words, MEMBERSHIP_WORDS) or any(said(MEMBERSHIP_WORDS, c) for c in columns)):
        return "spell", "memberships", True
    return None


def _customer_like(columns: tuple[ColumnProfile, ...]) -> bool:
    """Dates, money or purchase history, or an id named for customers: a customer table, not a survey."""
    history = {"recency", "frequency", "monetary", "purchases", "orders", "tenure"}
    return any(c.kind in ("date", "money") or set(c.words) & history
               or (c.kind == "id" and _hinted(set(c.words), ID_WORDS - {"id", "respondent"})) for c in columns)


def channel_candidates(columns: tuple[ColumnProfile, ...] | list[ColumnProfile]) -> list[ColumnProfile]:
    """Category columns of 2-12 values, none missing, whose name says channel or arm (best first)."""
    order = ("arm", "treatment", "variant", "segment", "campaign", "channel", "contact", "medium", "source", "group")
    found: list[ColumnProfile] = []
    eligible = [c for c in columns if c.kind in ("category", "binary") and 2 <= c.n_distinct <= 12
                and c.n_missing == 0 and not set(c.words) & ID_WORDS]
    for word in order:  # a column named just 'segment' before 'history_segment'
        found += [c for c in eligible if c.words == [word] and c not in found]
        found += [c for c in eligible if word in c.words and c not in found]
    return found


def outcome_columns(columns: tuple[ColumnProfile, ...] | list[ColumnProfile]) -> list[ColumnProfile]:
    """Yes/no columns whose name says outcome (visit, conversion, response, y, churn, ...)."""
    words = {"y", "visit", "visited", "conversion", "converted", "convert", "response", "responded", "subscribed",
             "purchase", "purchased", "buy", "bought", "churn", "churned", "click", "clicked", "open", "opened",
             "accepted", "outcome", "success", "target", "retained", "renewed"}
    return [c for c in columns if c.kind == "binary" and set(c.words) & words and c.n_missing == 0]


# --------------------------------------------------------------------------- #
# what the columns mean together
# --------------------------------------------------------------------------- #
def frequency_columns(counts: list[ColumnProfile]) -> list[ColumnProfile]:
    """Count columns that number a customer's purchases (``frequency``, ``NumWebPurchases``; not deals)."""
    if any(c.name == "frequency" for c in counts):
        return [c for c in counts if c.name == "frequency"]
    return [c for c in counts if set(c.words) & {"purchases", "orders", "transactions"}
            and not set(c.words) & {"deals", "deal", "discount", "returns"}]


def monetary_columns(p: FileProfile) -> list[ColumnProfile]:
    """Money columns that hold a customer's spend (``MntWines``, ``total_spend``), none constant."""
    return [c for c in p.of_kind("money") if set(c.words) & {"mnt", "spend", "spent", "amount", "sales", "revenue",
                                                              "monetary"} and c.n_distinct > 1]


def purchase_channels(p: FileProfile) -> dict[str, str]:
    """Columns counting purchases per channel -> the channel's name (``NumWebPurchases`` -> ``web``).

    Examples
    --------
    >>> names = ("NumWebPurchases", "NumStorePurchases", "NumDealsPurchases")
    >>> cols = tuple(ColumnProfile(n, "count", 9, 0) for n in names)
    >>> purchase_channels(FileProfile(Path("x.csv"), "csv", None, None, None, (), 9, cols, "customer", "customers"))
    {'NumWebPurchases': 'web', 'NumStorePurchases': 'store'}
    """
    labels = {}
    for c in frequency_columns(p.of_kind("count")):
        rest = [w for w in c.words if w not in {"num", "n", "number", "count", "purchases", "orders", "transactions"}]
        if len(rest) == 1:
            labels[c.name] = rest[0]
    return labels if len(set(labels.values())) >= 2 else {}


def rating_scale(ratings: list[ColumnProfile]) -> tuple[int, int]:
    """The smallest usual scale (:data:`SCALES`) holding every answer of *ratings*, else their range."""
    low, high = min(c.low for c in ratings), max(c.high for c in ratings)
    return next(((lo, hi) for lo, hi in SCALES if lo <= low and high <= hi), (int(low), int(high)))


def constructs(ratings: list[ColumnProfile]) -> dict[str, list[str]]:
    """Rating columns grouped by their name's stem (``imag1``, ``imag2`` -> ``imag``); groups of 2 or more.

    Examples
    --------
    >>> cols = [ColumnProfile(n, "rating", 5, 0) for n in ("sat1", "sat2", "val1", "CUSCO")]
    >>> constructs(cols)
    {'sat': ['sat1', 'sat2']}
    """
    groups: dict[str, list[str]] = {}
    for c in ratings:
        match = re.fullmatch(r"(.*?[^\W\d_])_?\d+", c.name)
        if match:
            groups.setdefault(match.group(1), []).append(c.name)
    return {stem: items for stem, items in groups.items() if len(items) >= 2}


def scale_groups(ratings: list[ColumnProfile]) -> dict[tuple[int, int], list[ColumnProfile]]:
    """Rating columns by their scale: the most common first, and every column that fits in it joins it.

    Examples
    --------
    >>> cols = [ColumnProfile(n, "rating", 7, 0, low=lo, high=hi)
    ...         for n, lo, hi in (("q1", 1, 7), ("q2", 2, 7), ("q3", 1, 6), ("nps", 0, 10))]
    >>> {scale: [c.name for c in cs] for scale, cs in scale_groups(cols).items()}
    {(1, 7): ['q1', 'q2', 'q3'], (0, 10): ['nps']}
    """
    own = {c.name: rating_scale([c]) for c in ratings}
    counts = Counter(own.values())
    groups: dict[tuple[int, int], list[ColumnProfile]] = {}
    for scale, _ in counts.most_common():
        groups[scale] = [c for c in ratings if own[c.name] == scale or (
            c.name not in {x.name for cs in groups.values() for x in cs} and scale[0] <= c.low and c.high <= scale[1])]
        groups[scale] = [c for c in groups[scale] if all(c not in cs for s, cs in groups.items() if s != scale)]
    return {scale: cs for scale, cs in groups.items() if cs}


def servqual_prefixes(stems: list[str]) -> tuple[str, str] | None:
    """The expectation and perception prefixes when construct stems come in SERVQUAL pairs (exp_x and perc_x).

    Examples
    --------
    >>> servqual_prefixes(["perc_tangibles", "exp_tangibles", "sat"]), servqual_prefixes(["imag", "qual"])
    (('exp_', 'perc_'), None)
    """
    for expectation, perception in (("exp_", "perc_"), ("expectation_", "perception_"), ("e_", "p_")):
        pairs = [s for s in stems if s.startswith(perception) and expectation + s[len(perception):] in stems]
        if pairs:
            return expectation, perception
    return None
