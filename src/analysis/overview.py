"""Data overview and quality checks for a study's tables (notebook 00).

Plain functions, DataFrame in, tidy DataFrame out. They describe the data a study
brings (sizes, time span, purchases per customer, spend, missing values) and flag
values that are legal but suspicious (zero amounts, dates after the end of
observation, exact duplicate rows, extreme amounts) so the user can decide before
any model sees them. Validation proper (types, required columns, impossible
values) has already happened in :mod:`analysis.schemas`.

Logs larger than memory: every function that takes a transactions table also
takes an :class:`analysis.txlog.TransactionLog` (a study's log kept on disk) and
then computes on every row in DuckDB (queries in :mod:`analysis._overview_sql`);
the results have the same shape and values. Differences: dates are calendar
days, and ``suspicious_values`` lists the smallest flagged values as examples,
without row numbers (files have no spreadsheet row order).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis import _overview_sql as _sql
from analysis.messages import msg

__all__ = [
    "table_overview",
    "missing_values",
    "transaction_overview",
    "purchases_per_customer",
    "monthly_activity",
    "top_customers",
    "suspicious_values",
    "overview_findings",
]

_EXAMPLES = 5


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
        if _sql.is_log(df):
            n_rows, missing_by_column, duplicates = _sql.column_stats(df)
            cells = n_rows * len(missing_by_column)
            rows.append({"table": name, "rows": n_rows, "columns": len(missing_by_column),
                         "missing_cells": int(missing_by_column.sum()),
                         "share_missing": int(missing_by_column.sum()) / cells if cells else 0.0,
                         "duplicate_rows": duplicates})
            continue
        cells = df.shape[0] * df.shape[1]
        missing = int(df.isna().sum().sum())
        rows.append({
            "table": name,
            "rows": len(df),
            "columns": df.shape[1],
            "missing_cells": missing,
            "share_missing": missing / cells if cells else 0.0,
            "duplicate_rows": int(df.duplicated().sum()),
        })
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
        if _sql.is_log(df):
            n_rows, n_missing, _ = _sql.column_stats(df)
            columns = n_missing.index.astype(str)
            n_missing, share = n_missing.to_numpy(), (n_missing / n_rows).to_numpy() if n_rows else 0.0
        else:
            columns, n_missing = df.columns.astype(str), df.isna().sum().to_numpy()
            share = df.isna().mean().to_numpy() if len(df) else 0.0
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
    if _sql.is_log(transactions):
        out = _sql.distribution(transactions)
    else:
        counts = transactions.groupby("customer_id", observed=True).size()
        dist = counts.value_counts().sort_index()
        out = pd.DataFrame({"purchases": dist.index.astype("int64"), "customers": dist.to_numpy()})
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
    if _sql.is_log(transactions):
        values = _sql.overview_values(transactions)
        out = pd.DataFrame({"value": pd.Series(values, dtype=object)})
        out.index.name = "metric"
        return out
    counts = transactions.groupby("customer_id", observed=True).size()
    first, last = transactions["date"].min(), transactions["date"].max()
    values = {
        "customers": int(counts.size),
        "transactions": int(len(transactions)),
        "first_date": first.date().isoformat(),
        "last_date": last.date().isoformat(),
        "days_covered": int((last.normalize() - first.normalize()).days) + 1,
        "revenue": float(transactions["amount"].sum()),
        "mean_amount": float(transactions["amount"].mean()),
        "median_amount": float(transactions["amount"].median()),
        "mean_purchases_per_customer": float(counts.mean()),
        "median_purchases_per_customer": float(counts.median()),
        "p90_purchases_per_customer": float(counts.quantile(0.9, interpolation="higher")),
        "share_one_time_buyers": float((counts == 1).mean()),
    }
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
    if _sql.is_log(transactions):
        out = _sql.monthly(transactions)
        span = pd.period_range(out.index.min(), out.index.max(), freq="M")
    else:
        month = transactions["date"].dt.to_period("M")
        grouped = transactions.groupby(month, observed=True)
        out = pd.DataFrame({
            "transactions": grouped.size(),
            "revenue": grouped["amount"].sum(),
            "active_customers": grouped["customer_id"].nunique(),
        })
        span = pd.period_range(month.min(), month.max(), freq="M")
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
    if _sql.is_log(transactions):
        return _sql.top_customers(transactions, n)
    return (transactions.groupby("customer_id", observed=True)["amount"].agg(["count", "sum"])
            .rename(columns={"count": "transactions", "sum": "revenue"})
            .nlargest(n, "revenue"))


def _check_row(check: str, mask: pd.Series, frame: pd.DataFrame, column: str) -> dict:
    flagged = frame.loc[mask.fillna(False).to_numpy()]
    examples = ", ".join(
        f"row {i + 1}: {v!r}" for i, v in zip(np.flatnonzero(mask.fillna(False).to_numpy())[:_EXAMPLES],
                                               flagged[column].head(_EXAMPLES).tolist())
    )
    return {
        "check": check,
        "description": msg(f"overview.check.{check}"),
        "column": column,
        "n_rows": int(len(flagged)),
        "share_rows": len(flagged) / len(frame) if len(frame) else 0.0,
        "examples": examples,
    }


def suspicious_values(transactions: pd.DataFrame, observation_end=None) -> pd.DataFrame:
    """Flag legal but suspicious transactions for the user to look at.

    Checks: zero or negative amounts, dates after ``observation_end`` (default:
    today), exact duplicate rows (same customer, date, amount and every other
    column), and extreme amounts: above Q3 + 3 IQR of log amounts (Tukey's far-out
    fence on the log scale, since spend is right-skewed).

    Parameters
    ----------
    transactions : DataFrame or TransactionLog
        Canonical transactions table, or a log kept on disk (then ``examples``
        lists the smallest flagged values, without row numbers).
    observation_end : date-like, optional
        Dates after it are flagged; default today's date.

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
    end = pd.Timestamp(observation_end) if observation_end is not None else pd.Timestamp.today()
    if _sql.is_log(transactions):
        return pd.DataFrame([
            {"check": r["check"], "description": msg(f"overview.check.{r['check']}"), "column": r["column"],
             "n_rows": r["n_rows"], "share_rows": r["n_rows"] / r["total"] if r["total"] else 0.0,
             "examples": r["examples"]}
            for r in _sql.suspicious(transactions, end)
        ])
    amount = transactions["amount"]
    positive = amount[amount > 0]
    if len(positive) >= 4:
        log_amount = np.log(positive)
        q1, q3 = log_amount.quantile([0.25, 0.75])
        fence = float(np.exp(q3 + 3 * (q3 - q1)))
        extreme = amount > fence
    else:
        extreme = pd.Series(False, index=amount.index)
    rows = [
        _check_row("non_positive_amount", amount <= 0, transactions, "amount"),
        _check_row("future_date", transactions["date"].dt.normalize() > end.normalize(),
                   transactions, "date"),
        _check_row("duplicate_row", transactions.duplicated(), transactions, "customer_id"),
        _check_row("extreme_amount", extreme, transactions, "amount"),
    ]
    return pd.DataFrame(rows)


def overview_findings(overview: pd.DataFrame, checks: pd.DataFrame) -> dict[str, str]:
    """Headline findings in plain words, generated from the overview and checks.

    Parameters
    ----------
    overview : DataFrame
        Output of :func:`transaction_overview`.
    checks : DataFrame
        Output of :func:`suspicious_values`.

    Returns
    -------
    dict of str to str
        Keys ``scope``, ``repeat`` and ``quality``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
    ...                    "amount": [10.0, 30.0, 20.0]})
    >>> overview_findings(transaction_overview(tx), suspicious_values(tx, "2024-12-31"))["scope"]
    '2 customers made 3 transactions worth 60 between 2024-01-01 and 2024-02-01.'
    """
    v = overview["value"]
    flagged = checks[checks["n_rows"] > 0]
    if flagged.empty:
        quality = msg("overview.finding.quality_clean")
    else:
        quality = msg(
            "overview.finding.quality_issues",
            n_transactions=v["transactions"],
            checks="; ".join(f"{r.description} ({r.n_rows:,})" for r in flagged.itertuples()),
        )
    return {
        "scope": msg("overview.finding.scope", customers=v["customers"], transactions=v["transactions"],
                     revenue=v["revenue"], first=v["first_date"], last=v["last_date"]),
        "repeat": msg("overview.finding.once", share_once=v["share_one_time_buyers"],
                      median_purchases=v["median_purchases_per_customer"],
                      p90_purchases=v["p90_purchases_per_customer"]),
        "quality": quality,
    }
