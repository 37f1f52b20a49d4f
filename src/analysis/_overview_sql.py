"""The queries behind :mod:`analysis.overview` for a transaction log kept on disk
(:class:`analysis.txlog.TransactionLog`). Private: call the overview functions, which
accept a log in place of a DataFrame and shape both results with the same code.

Every query reads ``tx`` (canonical rows with the purchase ``day``, see
:meth:`analysis.txlog.TransactionLog.query`) or ``log_input`` (all columns).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.summary._sql import exact_sum

_EXAMPLES = 5


def is_log(obj) -> bool:
    """True for a :class:`analysis.txlog.TransactionLog` (or anything with its interface)."""
    return hasattr(obj, "log_source") and hasattr(obj, "query")


def _ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def distribution(log) -> pd.DataFrame:
    """Purchases per customer -> how many customers (columns ``purchases``, ``customers``)."""
    return log.query(
        "WITH c AS (SELECT customer_id, COUNT(*) AS n FROM tx GROUP BY customer_id)\n"
        "SELECT n AS purchases, COUNT(*) AS customers FROM c GROUP BY n ORDER BY n"
    ).astype({"purchases": "int64", "customers": "int64"})


def weighted_quantile(values: np.ndarray, counts: np.ndarray, q: float, interpolation: str = "linear") -> float:
    """Quantile of ``values`` repeated ``counts`` times, as numpy computes it on the expanded array."""
    n = int(counts.sum())
    position = (n - 1) * q
    cum = np.cumsum(counts)

    def at(i: int) -> float:
        return float(values[int(np.searchsorted(cum, i, side="right"))])

    lo, hi = int(np.floor(position)), int(np.ceil(position))
    if interpolation == "higher":
        return at(hi)
    return at(lo) + (at(hi) - at(lo)) * (position - lo)


def overview_values(log) -> dict:
    """The headline figures of :func:`analysis.overview.transaction_overview` for a log."""
    log.profile()  # stops on missing values and negative amounts, as validation would
    totals = log.query(
        f"SELECT COUNT(*) AS n, MIN(day) AS first_day, MAX(day) AS last_day, {exact_sum('amount')} AS revenue,\n"
        f"       {exact_sum('amount')} / COUNT(*) AS mean_amount, quantile_cont(amount, 0.5) AS median_amount FROM tx"
    ).iloc[0]
    dist = distribution(log)
    purchases, customers = dist["purchases"].to_numpy(), dist["customers"].to_numpy()
    n_customers = int(customers.sum())
    first, last = pd.Timestamp(totals["first_day"]), pd.Timestamp(totals["last_day"])
    return {
        "customers": n_customers,
        "transactions": int(totals["n"]),
        "first_date": first.date().isoformat(),
        "last_date": last.date().isoformat(),
        "days_covered": int((last - first).days) + 1,
        "revenue": float(totals["revenue"]),
        "mean_amount": float(totals["mean_amount"]),
        "median_amount": float(totals["median_amount"]),
        "mean_purchases_per_customer": float(int(totals["n"]) / n_customers),
        "median_purchases_per_customer": weighted_quantile(purchases, customers, 0.5),
        "p90_purchases_per_customer": weighted_quantile(purchases, customers, 0.9, "higher"),
        "share_one_time_buyers": float(customers[purchases == 1].sum() / n_customers),
    }


def monthly(log) -> pd.DataFrame:
    """Transactions, revenue and active customers per month (months without purchases absent)."""
    frame = log.query(
        "SELECT CAST(date_trunc('month', day) AS DATE) AS month, COUNT(*) AS transactions,\n"
        f"       {exact_sum('amount')} AS revenue, COUNT(DISTINCT customer_id) AS active_customers\n"
        "FROM tx GROUP BY 1 ORDER BY 1"
    )
    frame.index = pd.PeriodIndex(pd.to_datetime(frame.pop("month")), freq="M")
    return frame.astype({"transactions": "int64", "revenue": "float64", "active_customers": "int64"})


def top_customers(log, n: int) -> pd.DataFrame:
    """The ``n`` customers with the most revenue (ties by customer id)."""
    frame = log.query(
        f"SELECT customer_id, COUNT(*) AS transactions, {exact_sum('amount')} AS revenue FROM tx\n"
        f"GROUP BY customer_id ORDER BY revenue DESC, customer_id LIMIT {int(n)}"
    )
    frame["customer_id"] = frame["customer_id"].astype(str)
    return frame.set_index("customer_id").astype({"transactions": "int64", "revenue": "float64"})


def column_stats(log) -> tuple[int, pd.Series, int]:
    """Rows, missing values per column (after the mapping) and exact duplicate rows."""
    names = log.columns_present()
    counts = ", ".join(f"COUNT(*) - COUNT({_ident(c)}) AS {_ident('m' + str(i))}" for i, c in enumerate(names))
    row = log.query(
        f"SELECT COUNT(*) AS n_rows, {counts},\n"
        "       (SELECT COUNT(*) FROM (SELECT DISTINCT * FROM log_input)) AS n_distinct FROM log_input"
    ).iloc[0]
    missing = pd.Series([int(row[f"m{i}"]) for i in range(len(names))], index=names, dtype="int64")
    return int(row["n_rows"]), missing, int(row["n_rows"]) - int(row["n_distinct"])


def suspicious(log, end: pd.Timestamp) -> list[dict]:
    """Counts and example values of the checks of :func:`analysis.overview.suspicious_values`."""
    fence_row = log.query(
        "SELECT COUNT(*) AS n, quantile_cont(ln(amount), [0.25, 0.75]) AS q FROM tx WHERE amount > 0"
    ).iloc[0]
    if int(fence_row["n"]) >= 4:
        q1, q3 = (float(v) for v in fence_row["q"])
        fence = repr(float(np.exp(q3 + 3 * (q3 - q1))))
    else:
        fence = "'Infinity'::DOUBLE"
    end_sql = f"DATE '{end.date().isoformat()}'"
    conditions = {
        "non_positive_amount": ("amount", "amount <= 0", "amount"),
        "future_date": ("date", f"day > {end_sql}", "day"),
        "extreme_amount": ("amount", f"amount > {fence}", "amount"),
    }
    parts = []
    for check, (_, condition, value) in conditions.items():
        parts.append(
            f"SELECT '{check}' AS check_name, COUNT(*) AS n_rows,\n"
            f"       CAST(min({value}, {_EXAMPLES}) AS VARCHAR[]) AS examples\n"
            f"FROM tx WHERE {condition}"
        )
    found = log.query("\nUNION ALL\n".join(parts)).set_index("check_name")
    n_rows, _, duplicates = column_stats(log)
    rows = {}
    for check, (column, _, _) in conditions.items():
        examples = found.loc[check, "examples"]
        rows[check] = (column, int(found.loc[check, "n_rows"]), [str(v) for v in examples] if isinstance(examples, (list, np.ndarray)) else [])
    rows["duplicate_row"] = ("customer_id", duplicates, [])
    return [
        {"check": check, "column": rows[check][0], "n_rows": rows[check][1], "total": n_rows,
         "examples": ", ".join(rows[check][2])}
        for check in ("non_positive_amount", "future_date", "duplicate_row", "extreme_amount")
    ]
