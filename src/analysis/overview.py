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
    "CLEANING_SETTING",
]


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
        metrics mix counts, dates and amounts).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
    ...                    "amount": [10.0, 30.0, 20.0]})
    >>> transaction_overview(tx).loc[["customers", "revenue", "share_one_time_buyers"], "value"].tolist()
    [2, 60.0, 0.5]
    """
    values = customer_data(transactions).overview_values()
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
