"""Every SQL text of the package: the per-customer summary (DuckDB and Spark SQL) and the
queries a log kept on disk answers (overview, RFM inputs, cohort counts, samples).

Both engines run the text built here; only three small pieces differ between
them and are looked up in :data:`DIALECTS` (identifier quoting, whole days
between two dates, start of the Monday-based week). The purchase *day* of a row
(``day_expr``) depends on the type of the ``date`` column and is chosen by the
engine (see :mod:`analysis.customerdata.engines`), so time zones are handled in one place per
engine.

The rules are those of :mod:`analysis.customerdata.frame` (the reference path):

1. rows with ``day <= observation_end`` are kept;
2. rows are combined into purchase periods per customer: the calendar day
   (``period="D"``) or the Monday-based week (``"W"``), amounts added; with a
   calibration split, periods are formed separately on each side of
   ``calibration_end`` (as the pandas path does);
3. per customer (calibration side): ``frequency = periods - 1``,
   ``recency = last - first``, ``T = end - first`` (days / unit), and
   ``monetary_value = (sum of period amounts - first period's amount) / frequency``
   (0 when ``frequency = 0``);
4. holdout side: ``frequency_holdout`` = number of periods,
   ``monetary_value_holdout`` = their mean amount (0 if none).

A count-only log (no ``amount`` column) reads ``amount`` as NULL in the ``tx``
expression (:func:`tx_cte`), so a sum of money is NULL rather than a misleading
0, and the summary leaves its money columns out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["DIALECTS", "Dialect", "EXACT_AMOUNT", "exact_sum", "tx_cte", "with_tx", "summary_sql", "grouped_sql",
           "profile_sql", "distribution_sql", "totals_sql", "monthly_sql", "daily_sql", "top_customers_sql",
           "column_stats_sql", "fence_sql", "quantiles_sql", "suspicious_sql", "sample_sql", "cohort_days_sql",
           "kept_days_condition", "day_counts_sql", "late_rows_sql", "SUMMARY_ORDER", "partition_sql"]


@dataclass(frozen=True)
class Dialect:
    """The few spellings that differ between the SQL engines."""

    name: str
    quote: str  # identifier quote character
    days_between: str  # format with {a}, {b}: whole days from a to b
    week_start: str  # format with {d}: Monday of d's week, a DATE

    def ident(self, name: str) -> str:
        return f"{self.quote}{name}{self.quote}"


DIALECTS = {
    "duckdb": Dialect("duckdb", '"', "date_diff('day', {a}, {b})", "CAST(date_trunc('week', {d}) AS DATE)"),
    "spark": Dialect("spark", "`", "datediff({b}, {a})", "trunc({d}, 'week')"),
}


# Amounts are summed as exact decimals: a parallel floating-point sum depends on the
# order the engine's threads meet the rows, so the same log could give totals a unit
# in the last place apart from run to run, and a customer on an RFM cut point could
# change score. Nine decimals keep any currency exact.
EXACT_AMOUNT = "DECIMAL(38, 9)"


def exact_sum(expr: str) -> str:
    """SQL for an order-independent (so reproducible) sum of a money column, as DOUBLE.

    Examples
    --------
    >>> exact_sum("amount")
    'CAST(SUM(CAST(amount AS DECIMAL(38, 9))) AS DOUBLE)'
    """
    return f"CAST(SUM(CAST({expr} AS {EXACT_AMOUNT})) AS DOUBLE)"


def tx_cte(dialect: Dialect, source: str, day_expr: str, amount: bool = True) -> str:
    """The ``tx`` common table expression: canonical rows (customer_id text, purchase ``day``, amount double).

    A count-only log (``amount=False``) has no amount column; ``tx.amount`` is then NULL, so a
    query that adds money gives NULL, never a total of zero (the callers leave such columns out).

    Examples
    --------
    >>> print(tx_cte(DIALECTS["duckdb"], "log", "d", amount=False))
    tx AS (
        SELECT CAST("customer_id" AS STRING) AS customer_id,
               d AS day,
               CAST(NULL AS DOUBLE) AS amount
        FROM log
    )
    """
    q = dialect.ident
    money = f"CAST({q('amount')} AS DOUBLE)" if amount else "CAST(NULL AS DOUBLE)"
    return (
        f"tx AS (\n"
        f"    SELECT CAST({q('customer_id')} AS STRING) AS customer_id,\n"
        f"           {day_expr} AS day,\n"
        f"           {money} AS amount\n"
        f"    FROM {source}\n"
        f")"
    )


def kept_days_condition(day_expr: str, last_day: date) -> str:
    """Condition keeping the rows dated on or before ``last_day`` (and those without a date, which are reported).

    Examples
    --------
    >>> from datetime import date
    >>> kept_days_condition("d", date(2024, 12, 31))
    "d IS NULL OR d <= DATE '2024-12-31'"
    """
    return f"{day_expr} IS NULL OR {day_expr} <= DATE '{last_day.isoformat()}'"


def day_counts_sql(dialect: Dialect, source: str, day_expr: str, amount: bool = True) -> str:
    """Rows per purchase day (``day``, ``n``): the input of :func:`analysis.window.last_credible_day`."""
    return (f"WITH {tx_cte(dialect, source, day_expr, amount)}\n"
            "SELECT day, COUNT(*) AS n FROM tx WHERE day IS NOT NULL GROUP BY day ORDER BY day")


def late_rows_sql(dialect: Dialect, source: str, day_expr: str, last_day: date, examples: int,
                  amount: bool = True) -> str:
    """How many rows are dated after ``last_day`` and the earliest ``examples`` of them (customer id, day)."""
    return (f"WITH {tx_cte(dialect, source, day_expr, amount)},\n"
            f"late AS (SELECT customer_id, day FROM tx WHERE day > DATE '{last_day.isoformat()}')\n"
            "SELECT customer_id, day, (SELECT COUNT(*) FROM late) AS n_late FROM late\n"
            f"ORDER BY day, customer_id LIMIT {int(examples)}")


def profile_sql(dialect: Dialect, source: str, day_expr: str, *, customers: bool = False,
                amount: bool = True) -> str:
    """One pass over the log: size, last purchase day and counts of unusable rows (and customers).

    A count-only log (``amount=False``) has no amount counts (the columns are absent).
    """
    count = "       COUNT(DISTINCT customer_id) AS customers,\n" if customers else ""
    money = (",\n       SUM(CASE WHEN amount IS NULL OR isnan(amount) THEN 1 ELSE 0 END) AS missing_amounts,\n"
             "       SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS negative_amounts") if amount else ""
    return (
        f"WITH {tx_cte(dialect, source, day_expr, amount)}\n"
        "SELECT COUNT(*) AS n_rows,\n"
        f"{count}"
        "       MIN(day) AS first_day,\n"
        "       MAX(day) AS last_day,\n"
        "       SUM(CASE WHEN customer_id IS NULL THEN 1 ELSE 0 END) AS missing_ids,\n"
        f"       SUM(CASE WHEN day IS NULL THEN 1 ELSE 0 END) AS missing_dates{money}\n"
        "FROM tx"
    )


def summary_sql(
    dialect: Dialect,
    source: str,
    day_expr: str,
    *,
    observation_end: date,
    unit_days: float,
    period: str,
    calibration_end: date | None = None,
    rfm_columns: bool = False,
    order: bool = True,
    amount: bool = True,
) -> str:
    """The summary query; with ``calibration_end`` the calibration/holdout version.

    ``rfm_columns`` adds ``n_periods``, ``total_amount`` (all periods, the first
    included) and ``recency_days`` (days from the last period to the end of the
    calibration period): the inputs of RFM scores. A count-only log
    (``amount=False``) gives no money columns (``monetary_value``,
    ``monetary_value_holdout``, ``total_amount``).
    """
    d = dialect
    end = f"DATE '{observation_end.isoformat()}'"
    cal = f"DATE '{calibration_end.isoformat()}'" if calibration_end is not None else None
    period_start = "day" if period == "D" else d.week_start.format(d="day")
    # Without a calibration split every row is on the calibration side: the holdout
    # flag is left out of the (largest) grouping rather than carried as a constant key,
    # which saves ~6% of the query's CPU time on a 1e7-row log.
    holdout_select = f" day > {cal} AS holdout," if cal else ""
    holdout_key = " holdout," if cal else ""
    cal_or_end = cal or end
    unit = repr(float(unit_days))
    days = d.days_between.format
    parts = [
        tx_cte(d, source, day_expr, amount),
        "tagged AS (\n"
        f"    SELECT customer_id, {period_start} AS period_start,{holdout_select}\n"
        f"           CAST(amount AS {EXACT_AMOUNT}) AS amount\n"
        f"    FROM tx WHERE day <= {end}\n"
        ")",
        "periods AS (\n"
        f"    SELECT customer_id,{holdout_key} period_start, SUM(amount) AS amount\n"
        f"    FROM tagged GROUP BY customer_id,{holdout_key} period_start\n"
        ")",
        "calibration AS (\n"
        "    SELECT customer_id, COUNT(*) AS n_periods,\n"
        "           MIN(period_start) AS first_period, MAX(period_start) AS last_period,\n"
        "           SUM(amount) AS total_amount, MIN_BY(amount, period_start) AS first_amount\n"
        f"    FROM periods{' WHERE NOT holdout' if cal else ''} GROUP BY customer_id\n"
        ")",
    ]
    select = [
        "c.customer_id AS customer_id",
        "c.n_periods - 1 AS frequency",
        f"CAST({days(a='c.first_period', b='c.last_period')} AS DOUBLE) / {unit} AS recency",
        f"CAST({days(a='c.first_period', b=cal_or_end)} AS DOUBLE) / {unit} AS {d.ident('T')}",
    ]
    if amount:
        select.append("CASE WHEN c.n_periods > 1 THEN CAST(c.total_amount - c.first_amount AS DOUBLE) / "
                      "(c.n_periods - 1) ELSE 0.0 END AS monetary_value")
    join = ""
    if cal:
        parts.append(
            "holdout AS (\n"
            "    SELECT customer_id, COUNT(*) AS n_holdout, AVG(amount) AS mean_holdout\n"
            "    FROM periods WHERE holdout GROUP BY customer_id\n"
            ")"
        )
        select += [
            "COALESCE(h.n_holdout, 0) AS frequency_holdout",
            *(["COALESCE(CAST(h.mean_holdout AS DOUBLE), 0.0) AS monetary_value_holdout"] if amount else []),
            f"CAST({days(a=cal, b=end)} AS DOUBLE) / {unit} AS duration_holdout",
        ]
        join = "\nLEFT JOIN holdout h ON c.customer_id = h.customer_id"
    if rfm_columns:
        select += [
            "c.n_periods AS n_periods",
            *(["CAST(c.total_amount AS DOUBLE) AS total_amount"] if amount else []),
            f"{days(a='c.last_period', b=cal_or_end)} AS recency_days",
        ]
    sql = "WITH " + ",\n".join(parts) + "\nSELECT " + ",\n       ".join(select) + "\nFROM calibration c" + join
    if order:
        sql += SUMMARY_ORDER
    return sql


#: the tail of a summary query that sorts by customer (``summary_sql(order=True)``)
SUMMARY_ORDER = "\nORDER BY c.customer_id"


def partition_sql(sql: str, source: str, whole: str, parts: int, part: int) -> str:
    """A per-customer query (DuckDB) restricted to hash partition ``part`` of ``parts`` of the customers.

    ``sql`` is a ``WITH`` query reading the relation ``source`` (such as :func:`summary_sql`'s
    text) whose result rows are each about one customer. The copy returned reads, under
    the name ``source``, the rows of ``whole`` (a view of the same rows) whose
    ``hash(customer_id)`` falls in partition ``part``. Every customer is in exactly one
    partition with all its rows, so the ``parts`` results stacked are the result of ``sql``,
    and each copy's aggregations are a ``parts``-th the size: they stay in memory (and
    nearer the cache) where one aggregation over every row would spill.

    Examples
    --------
    >>> print(partition_sql("WITH tx AS (SELECT * FROM log) SELECT * FROM tx", "log", "log_whole", 4, 1))
    WITH log AS (SELECT * FROM log_whole WHERE hash("customer_id") % 4 = 1),
    tx AS (SELECT * FROM log) SELECT * FROM tx
    """
    return with_tx(sql, f'{source} AS (SELECT * FROM {whole} WHERE hash("customer_id") % {int(parts)} = {int(part)})')


def grouped_sql(dialect: Dialect, inner: str, columns: tuple[str, ...], weight: str) -> str:
    """Identical rows of ``columns`` collapsed, with their count in ``weight``."""
    cols = ", ".join(dialect.ident(c) for c in columns)
    return (
        f"SELECT {cols}, COUNT(*) AS {dialect.ident(weight)}\n"
        f"FROM (\n{inner}\n) s\nGROUP BY {cols}\nORDER BY {cols}"
    )


def with_tx(statement: str, cte: str) -> str:
    """``statement`` with the ``tx`` CTE in front (joined to its own CTEs when it starts with ``WITH``).

    Examples
    --------
    >>> print(with_tx("SELECT 1", "tx AS (SELECT 1)"))
    WITH tx AS (SELECT 1)
    SELECT 1
    >>> print(with_tx("WITH a AS (SELECT 1) SELECT * FROM a", "tx AS (SELECT 1)"))
    WITH tx AS (SELECT 1),
    a AS (SELECT 1) SELECT * FROM a
    """
    body = statement.strip()
    if body[:5].upper() == "WITH ":
        return f"WITH {cte},\n{body[5:]}"
    return f"WITH {cte}\n{body}"


def _ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _date(day) -> str:
    return f"DATE '{day.date().isoformat()}'"


# ---------------------------------------------------------------- queries on a log (DuckDB; read ``tx``)
def distribution_sql() -> str:
    """Purchases per customer -> how many customers (``purchases``, ``customers``)."""
    return ("WITH c AS (SELECT customer_id, COUNT(*) AS n FROM tx GROUP BY customer_id)\n"
            "SELECT n AS purchases, COUNT(*) AS customers FROM c GROUP BY n ORDER BY n")


def totals_sql() -> str:
    """Rows, first and last day, revenue, mean and median amount."""
    return (f"SELECT COUNT(*) AS n, MIN(day) AS first_day, MAX(day) AS last_day, {exact_sum('amount')} AS revenue,\n"
            f"       {exact_sum('amount')} / COUNT(*) AS mean_amount, quantile_cont(amount, 0.5) AS median_amount "
            "FROM tx")


def monthly_sql() -> str:
    """Transactions, revenue and active customers per month with purchases."""
    return ("SELECT CAST(date_trunc('month', day) AS DATE) AS month, COUNT(*) AS transactions,\n"
            f"       {exact_sum('amount')} AS revenue, COUNT(DISTINCT customer_id) AS active_customers\n"
            "FROM tx GROUP BY 1 ORDER BY 1")


def daily_sql() -> str:
    """Transactions, revenue and customers per purchase day."""
    return (f"SELECT day, COUNT(*) AS transactions, {exact_sum('amount')} AS revenue,\n"
            "       COUNT(DISTINCT customer_id) AS customers FROM tx GROUP BY day ORDER BY day")


def top_customers_sql(n: int, amount: bool = True) -> str:
    """The ``n`` customers with the most revenue (a count-only log: the most transactions); ties by customer id."""
    rank = "revenue" if amount else "transactions"
    return (f"SELECT customer_id, COUNT(*) AS transactions, {exact_sum('amount')} AS revenue FROM tx\n"
            f"GROUP BY customer_id ORDER BY {rank} DESC, customer_id LIMIT {int(n)}")


def column_stats_sql(names: list[str]) -> str:
    """Rows, missing values per column (``m0``, ``m1``, ...) and distinct rows of ``log_input``."""
    counts = ", ".join(f"COUNT(*) - COUNT({_ident(c)}) AS {_ident('m' + str(i))}" for i, c in enumerate(names))
    return (f"SELECT COUNT(*) AS n_rows, {counts},\n"
            "       (SELECT COUNT(*) FROM (SELECT DISTINCT * FROM log_input)) AS n_distinct FROM log_input")


def fence_sql() -> str:
    """Positive amounts and the quartiles of their logarithm (the extreme-amount fence)."""
    return "SELECT COUNT(*) AS n, quantile_cont(ln(amount), [0.25, 0.75]) AS q FROM tx WHERE amount > 0"


#: check -> (column shown, condition, value listed as example); ``{end}`` and ``{fence}`` filled in
SUSPICIOUS_CHECKS = {
    "non_positive_amount": ("amount", "amount <= 0", "amount"),
    "future_date": ("date", "day > {end}", "day"),
    "extreme_amount": ("amount", "amount > {fence}", "amount"),
}


def suspicious_sql(end, fence: float | None, examples: int) -> str:
    """Count and smallest ``examples`` values of each check of :data:`SUSPICIOUS_CHECKS`."""
    fence_text = repr(float(fence)) if fence is not None else "'Infinity'::DOUBLE"
    parts = []
    for check, (_, condition, value) in SUSPICIOUS_CHECKS.items():
        where = condition.format(end=_date(end), fence=fence_text)
        parts.append(
            f"SELECT '{check}' AS check_name, COUNT(*) AS n_rows,\n"
            f"       CAST(min({value}, {int(examples)}) AS VARCHAR[]) AS examples\n"
            f"FROM tx WHERE {where}"
        )
    return "\nUNION ALL\n".join(parts)


def sample_sql(n_customers: int, seed: int) -> str:
    """Every purchase of ``n_customers`` customers ranked by a hash of their id and ``seed``."""
    return ("WITH ids AS (\n"
            "    SELECT customer_id FROM tx GROUP BY customer_id\n"
            f"    ORDER BY hash(customer_id || '#{int(seed)}'), customer_id LIMIT {int(n_customers)}\n"
            ")\n"
            "SELECT tx.customer_id, tx.day AS date, tx.amount FROM tx SEMI JOIN ids USING (customer_id)\n"
            "ORDER BY tx.customer_id, tx.day, tx.amount")


def cohort_days_sql(cal_end, obs_end) -> str:
    """Per day: cohort customers (first purchase by ``cal_end``) with their first / a repeat purchase."""
    return ("WITH days AS (\n"
            f"    SELECT DISTINCT customer_id, day FROM tx WHERE day <= {_date(obs_end)}\n"
            "), firsts AS (\n"
            "    SELECT customer_id, MIN(day) AS first_day FROM days GROUP BY customer_id\n"
            f"    HAVING MIN(day) <= {_date(cal_end)}\n"
            ")\n"
            "SELECT d.day AS day,\n"
            "       SUM(CASE WHEN d.day = f.first_day THEN 1 ELSE 0 END) AS n_first,\n"
            "       SUM(CASE WHEN d.day > f.first_day THEN 1 ELSE 0 END) AS n_repeat\n"
            "FROM days d JOIN firsts f USING (customer_id)\n"
            "GROUP BY d.day ORDER BY d.day")


def quantiles_sql(relation: str, columns, probs) -> str:
    """Exact quantiles (``quantile_cont``, linear interpolation) at ``probs`` of each column of ``relation``."""
    plist = "[" + ", ".join(repr(float(p)) for p in probs) + "]"
    return "SELECT " + ", ".join(f"quantile_cont(CAST({c} AS DOUBLE), {plist})" for c in columns) + f" FROM {relation}"
