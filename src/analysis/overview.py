"""Data overview and quality checks for a study's tables (notebook 00).

Plain functions, DataFrame in, tidy DataFrame out. They describe the data a study
brings (sizes, time span, purchases per customer, spend, missing values) and flag
values that are legal but suspicious (zero amounts, dates after the end of
observation, exact duplicate rows, extreme amounts) so the user can decide before
any model sees them. Validation proper (types, required columns, impossible
values) has already happened in :mod:`analysis.schemas`.

Logs larger than memory: every function that takes a transactions table also
takes an :class:`analysis.customerdata.TransactionLog` (a study's log kept on disk)
and then computes on every row in DuckDB (queries in :mod:`analysis.customerdata.sql`);
both kinds are asked the same questions through :func:`analysis.customerdata.customer_data`,
and the results have the same shape and values. Differences: dates are calendar
days, and ``suspicious_values`` lists the smallest flagged values as examples,
without row numbers (files have no spreadsheet row order).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from analysis.customerdata import customer_data
from analysis.messages import msg
from analysis.window import parse_date

__all__ = [
    "table_overview",
    "missing_values",
    "transaction_overview",
    "purchases_per_customer",
    "monthly_activity",
    "top_customers",
    "suspicious_values",
    "apply_cleaning",
    "cleaning_summary",
    "attribute_profile",
    "suspected_missing_codes",
    "CLEANING_SETTING",
    "ATTRIBUTE_TABLES",
    "TEXT_CODES",
    "NUMBER_CODES",
]

#: the canonical tables whose columns notebook 00 profiles one by one
ATTRIBUTE_TABLES = ("customers", "survey", "channel_outcomes", "paths", "complaints", "memberships")
#: text values that usually mean "no answer" (compared case-insensitively, spaces stripped)
TEXT_CODES = ("unknown", "missing", "n/a", "na", "none", "not known", "?", "-", "refused", "don't know")
#: numbers often used as missing-value codes; flagged only where they stand out from the rest
NUMBER_CODES = (-1, -9, -99, -999, 99, 999, 9999)


def table_overview(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Size and completeness of each table.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        A study's canonical tables, e.g. from ``Study.load_tables()``.

    Returns
    -------
    DataFrame
        One row per table, indexed by ``table``, with ``rows``, ``columns``,
        ``missing_cells`` (count of missing values), ``share_missing`` (of all
        cells) and ``duplicate_rows`` (rows that exactly repeat an earlier row).

    Examples
    --------
    >>> import pandas as pd
    >>> t = {"customers": pd.DataFrame({"customer_id": ["a", "b", "b"], "x": [1, None, None]})}
    >>> table_overview(t)[["rows", "missing_cells", "duplicate_rows"]]
               rows  missing_cells  duplicate_rows
    table
    customers     3              2               1
    """
    rows = []
    for name, df in tables.items():
        n_rows, missing_by_column, duplicates = customer_data(df).column_stats()
        cells = n_rows * len(missing_by_column)
        missing = int(missing_by_column.sum())
        rows.append({"table": name, "rows": n_rows, "columns": len(missing_by_column), "missing_cells": missing,
                     "share_missing": missing / cells if cells else 0.0, "duplicate_rows": duplicates})
    return pd.DataFrame(rows).set_index("table")


def missing_values(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Missing values per column of every table, columns with none included.

    Returns
    -------
    DataFrame
        Columns ``table``, ``column``, ``n_missing``, ``share_missing``; one row per
        column of every table, most-missing first.

    Examples
    --------
    >>> import pandas as pd
    >>> missing_values({"t": pd.DataFrame({"a": [1, None], "b": [1, 2]})})
      table column  n_missing  share_missing
    0     t      a          1            0.5
    1     t      b          0            0.0
    """
    parts = []
    for name, df in tables.items():
        n_rows, n_missing, _ = customer_data(df).column_stats()
        columns = n_missing.index.astype(str)
        n_missing, share = n_missing.to_numpy(), (n_missing / n_rows).to_numpy() if n_rows else 0.0
        parts.append(pd.DataFrame({"table": name, "column": columns, "n_missing": n_missing,
                                   "share_missing": share}))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["table", "column", "n_missing", "share_missing"])
    return out.sort_values(["n_missing", "table", "column"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def purchases_per_customer(transactions: pd.DataFrame) -> pd.DataFrame:
    """Distribution of the number of purchases (transactions) per customer.

    Returns
    -------
    DataFrame
        Columns ``purchases`` (count per customer), ``customers`` (how many customers
        made that many), ``share_customers`` and ``cumulative_share``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"]})
    >>> purchases_per_customer(tx)
       purchases  customers  share_customers  cumulative_share
    0          1          2         0.666667          0.666667
    1          2          1         0.333333          1.000000
    """
    out = customer_data(transactions).purchase_distribution()
    out["share_customers"] = out["customers"] / out["customers"].sum()
    out["cumulative_share"] = out["share_customers"].cumsum()
    return out


def transaction_overview(transactions: pd.DataFrame) -> pd.DataFrame:
    """Headline figures of a transaction log as a tidy metric/value table.

    Returns
    -------
    DataFrame
        Indexed by ``metric``: ``customers``, ``transactions``, ``first_date``,
        ``last_date``, ``days_covered``, ``revenue``, ``mean_amount``,
        ``median_amount``, ``mean_purchases_per_customer``,
        ``median_purchases_per_customer``, ``p90_purchases_per_customer``,
        ``share_one_time_buyers``; one column ``value`` (object dtype, since the
        metrics mix counts, dates and amounts). A log without amounts has no
        money rows and instead ``purchase_days`` (distinct customer-days with a
        purchase).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
    ...                    "amount": [10.0, 30.0, 20.0]})
    >>> transaction_overview(tx).loc[["customers", "revenue", "share_one_time_buyers"], "value"].tolist()
    [2, 60.0, 0.5]
    """
    data = customer_data(transactions)
    values = data.overview_values()
    if "revenue" not in values:  # a count-only log: how many customer purchase days, instead of money
        values["purchase_days"] = int(data.rfm_values()["frequency"].sum())
    out = pd.DataFrame({"value": pd.Series(values, dtype=object)})
    out.index.name = "metric"
    return out


def monthly_activity(transactions: pd.DataFrame) -> pd.DataFrame:
    """Transactions, revenue and active customers per calendar month.

    Returns
    -------
    DataFrame
        Columns ``month`` (first day of the month), ``transactions``, ``revenue``,
        ``active_customers`` (customers with at least one purchase that month).
        Months without any purchase inside the covered span appear with zeros.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-03", "2024-03-01", "2024-01-05"]),
    ...                    "amount": [10.0, 30.0, 20.0]})
    >>> monthly_activity(tx)["active_customers"].tolist()
    [2, 0, 1]
    """
    out = customer_data(transactions).monthly()
    span = pd.period_range(out.index.min(), out.index.max(), freq="M")
    out = out.reindex(span, fill_value=0)
    out.index = out.index.to_timestamp()
    out.index.name = "month"
    return out.reset_index()


def top_customers(transactions, n: int = 10) -> pd.DataFrame:
    """The customers who brought the most revenue.

    Parameters
    ----------
    transactions : DataFrame or TransactionLog
        Canonical transactions table, or a log kept on disk.
    n : int
        How many customers to list.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``, columns ``transactions`` and ``revenue``,
        largest revenue first (ties in customer id order).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 30.0, 20.0]})
    >>> top_customers(tx, 1)
                 transactions  revenue
    customer_id
    a                       2     40.0
    """
    return customer_data(transactions).top_customers(n)


def suspicious_values(transactions: pd.DataFrame, observation_end=None) -> pd.DataFrame:
    """Flag legal but suspicious transactions for the user to look at.

    Checks: zero or negative amounts, dates after ``observation_end`` (default:
    the day of the last transaction, as everywhere in the package), exact duplicate rows (same customer, date, amount and every other
    column), and extreme amounts: above Q3 + 3 IQR of log amounts (Tukey's far-out
    fence on the log scale, since spend is right-skewed).

    Parameters
    ----------
    transactions : DataFrame or TransactionLog
        Canonical transactions table, or a log kept on disk (then ``examples``
        lists the smallest flagged values, without row numbers).
    observation_end : date-like, optional
        Dates after it are flagged; default the day of the last transaction
        (so only dates after an explicitly set end of observation are flagged).

    Returns
    -------
    DataFrame
        One row per check: ``check`` (code), ``description``, ``column``,
        ``n_rows``, ``share_rows`` and ``examples`` (first five row numbers, 1-based,
        with their values).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2030-01-01"]),
    ...                    "amount": [0.0, 0.0, 5.0]})
    >>> suspicious_values(tx, "2024-12-31")[["check", "n_rows"]]
                     check  n_rows
    0  non_positive_amount       2
    1          future_date       1
    2        duplicate_row       1
    3       extreme_amount       0
    """
    data = customer_data(transactions)
    end = (parse_date(observation_end, "observation_end", timezone=data.timezone) if observation_end is not None
           else data.last_day())
    rows = [
        {"check": r["check"], "description": msg(f"overview.check.{r['check']}"), "column": r["column"],
         "n_rows": r["n_rows"], "share_rows": r["n_rows"] / r["total"] if r["total"] else 0.0,
         "examples": r["examples"]}
        for r in data.suspicious(end)
    ]
    return pd.DataFrame(rows)


def apply_cleaning(transactions: pd.DataFrame, policy: Mapping[str, str]) -> pd.DataFrame:
    """The transactions after a study's cleaning policy (``cleaning:`` of the study file).

    ``duplicates: drop`` removes rows that exactly repeat an earlier row (the
    ``duplicate_row`` check of :func:`suspicious_values`: same customer, date,
    amount and every other column), keeping the first; ``zero_amounts: drop``
    removes transactions of amount 0. ``keep`` leaves them. The input is not changed.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-05"]),
    ...                    "amount": [5.0, 5.0, 0.0]})
    >>> len(apply_cleaning(tx, {"duplicates": "drop", "zero_amounts": "keep"}))
    2
    >>> apply_cleaning(tx, {"duplicates": "drop", "zero_amounts": "drop"})["amount"].tolist()
    [5.0]
    """
    keep = pd.Series(True, index=transactions.index)
    if policy.get("duplicates") == "drop":
        keep &= ~transactions.duplicated()
    if policy.get("zero_amounts") == "drop" and "amount" in transactions.columns:
        keep &= transactions["amount"].ne(0)
    return transactions if bool(keep.all()) else transactions.loc[keep].reset_index(drop=True)


#: the cleaning-policy setting (``cleaning:`` of the study) that governs each check's rows
CLEANING_SETTING = {"duplicate_row": "duplicates", "non_positive_amount": "zero_amounts"}


def cleaning_summary(checks: pd.DataFrame, policy: Mapping[str, str], given: Iterable[str] = ()) -> pd.DataFrame:
    """What the study's cleaning policy does with the rows :func:`suspicious_values` flagged.

    Parameters
    ----------
    checks : DataFrame
        :func:`suspicious_values` output on the rows as read (before cleaning).
    policy : mapping
        The study's cleaning policy (``{"duplicates": "keep"|"drop", "zero_amounts": ...}``).
    given : iterable of str
        The policy keys the study sets itself (``Study.cleaning_given``); the others are defaults.

    Returns
    -------
    DataFrame
        ``checks`` indexed by ``check`` with ``setting`` (the ``cleaning:`` key that
        governs the rows, empty when none does), ``policy`` (``keep``, ``drop``, or
        ``window`` for dates after the end of observation, which every notebook
        leaves out, or ``flag`` when no rule applies), ``decided`` (True when the study
        set the rule itself or no rule is needed) and ``rows_removed``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-05"]),
    ...                    "amount": [5.0, 5.0, 0.0]})
    >>> cleaning_summary(suspicious_values(tx), {"duplicates": "drop", "zero_amounts": "keep"}, ["duplicates"])[
    ...     ["n_rows", "policy", "decided", "rows_removed"]]
                         n_rows policy  decided  rows_removed
    check
    non_positive_amount       1   keep    False             0
    future_date               0 window     True             0
    duplicate_row             1   drop     True             1
    extreme_amount            0   flag    False             0
    """
    out = checks.set_index("check")
    out["setting"] = [CLEANING_SETTING.get(c, "") for c in out.index]
    out["policy"] = [policy.get(CLEANING_SETTING[c], "keep") if c in CLEANING_SETTING
                     else ("window" if c == "future_date" else "flag") for c in out.index]
    given = set(given)
    out["decided"] = [out.loc[c, "policy"] == "window" or out.loc[c, "setting"] in given for c in out.index]
    out["rows_removed"] = out["n_rows"].where(out["policy"].isin(["drop", "window"]), 0).astype(int)
    return out


def attribute_profile(frame: pd.DataFrame, *, language: str | None = None) -> pd.DataFrame:
    """What each column of a survey, customers, channel-outcomes or paths table holds.

    Missing values are counted as loaded, i.e. after the study's ``missing_codes:``.

    Returns
    -------
    DataFrame
        Indexed by ``column``: ``kind`` (number, date, text; from the catalog),
        ``n_missing``, ``share_missing``, ``distinct`` (distinct non-missing
        values), ``min``, ``median``, ``max`` (numbers and dates, as text for
        dates) and ``top_values`` (text columns other than identifiers: the
        three most common values with their counts).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"age": [30, 40, None], "job": ["admin", "admin", "unknown"]})
    >>> attribute_profile(df)[["kind", "n_missing", "distinct", "median", "top_values"]]
              kind  n_missing  distinct median                top_values
    column
    age     number          1         2   35.0
    job       text          0         2          admin (2), unknown (1)
    """
    rows = []
    for column in frame.columns:
        values = frame[column]
        present = values.dropna()
        row = {"column": str(column), "n_missing": int(values.isna().sum()),
               "share_missing": float(values.isna().mean()) if len(values) else 0.0,
               "distinct": int(present.nunique()), "min": "", "median": "", "max": "", "top_values": ""}
        if pd.api.types.is_bool_dtype(values) or not (pd.api.types.is_numeric_dtype(values)
                                                       or pd.api.types.is_datetime64_any_dtype(values)):
            kind = "text"
            counts = present.astype(str).value_counts().head(3)
            if not str(column).endswith("_id"):  # an identifier's most common values say nothing
                row["top_values"] = ", ".join(f"{value} ({count:,})" for value, count in counts.items())
        elif pd.api.types.is_datetime64_any_dtype(values):
            kind = "date"
            if len(present):
                row.update({k: getattr(present, k)().date().isoformat() for k in ("min", "median", "max")})
        else:
            kind = "number"
            if len(present):
                row.update({k: float(getattr(present.astype(float), k)()) for k in ("min", "median", "max")})
        row["kind"] = msg(f"overview.kind.{kind}", language=language)
        rows.append(row)
    columns = ["column", "kind", "n_missing", "share_missing", "distinct", "min", "median", "max", "top_values"]
    return pd.DataFrame(rows, columns=columns).set_index("column")


def suspected_missing_codes(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Values still in the data that look like missing-value codes (``'unknown'``, ``999``, ``-1``).

    A text value counts when it is one of :data:`TEXT_CODES` (any case). A number
    of :data:`NUMBER_CODES` counts only where it stands out: a negative code in a
    column whose other values are all >= 0, or a code of 99 or more that is the
    column's largest value and more than twice the largest of the others. Columns
    of the transactions table and identifiers are not looked at.

    Returns
    -------
    DataFrame
        Columns ``table``, ``column``, ``code`` (as text), ``n_rows``,
        ``share_rows``; one row per code found, most rows first.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"pdays": [999, 3, 999, 6], "job": ["Unknown", "admin", "admin", "x"],
    ...                    "age": [99, 30, 45, 60]})
    >>> suspected_missing_codes({"survey": df})[["column", "code", "n_rows"]]
      column     code  n_rows
    0  pdays      999       2
    1    job  Unknown       1
    """
    rows = []
    for name, frame in tables.items():
        if name == "transactions" or not isinstance(frame, pd.DataFrame):
            continue
        for column in frame.columns:
            if str(column).endswith("_id"):
                continue
            values = frame[column].dropna()
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                found = _number_codes(values.astype(float))
            elif (values.dtype == object or pd.api.types.is_string_dtype(values)
                  or isinstance(values.dtype, pd.CategoricalDtype)):
                text = values.astype(str)
                hits = text[text.str.strip().str.lower().isin(TEXT_CODES)]
                found = hits.value_counts().sort_index().items()
            else:
                continue
            for code, count in found:
                rows.append({"table": name, "column": str(column), "code": str(code), "n_rows": int(count),
                             "share_rows": int(count) / len(frame)})
    out = pd.DataFrame(rows, columns=["table", "column", "code", "n_rows", "share_rows"])
    return out.sort_values(["n_rows", "table", "column"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def _number_codes(values: pd.Series) -> list[tuple[str, int]]:
    """The codes of :data:`NUMBER_CODES` that stand out in one numeric column (see :func:`suspected_missing_codes`)."""
    found = []
    for code in NUMBER_CODES:
        hit = values == code
        if not hit.any() or hit.all():
            continue
        others = values[~hit]
        stands_out = (others.min() >= 0) if code < 0 else (code >= others.max() * 2 and code > others.max())
        if stands_out:
            found.append((f"{code:g}", int(hit.sum())))
    return found
