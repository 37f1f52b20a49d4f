"""The exercises of notebook 00 (data overview and quality): the customer database, what it holds, how clean it is.

Words: catalog ``exercises_overview``. Each ``solve`` computes the answer with
the functions notebook 00 calls, on the student's firm (:class:`ClassData`).
"""

from __future__ import annotations

import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution

__all__ = ["EXERCISES"]

_CATALOG = "exercises_overview"


def _overview(data: ClassData) -> pd.DataFrame:
    from analysis.overview import transaction_overview

    return data.memo("overview.transactions", lambda: transaction_overview(data.tables["transactions"]))


def _customers(data: ClassData) -> Solution:
    overview = _overview(data)["value"]
    n = int(overview["customers"])
    return Solution(n, {"customers": n, "transactions": int(overview["transactions"]),
                        "first": pd.Timestamp(overview["first_date"]), "last": pd.Timestamp(overview["last_date"])})


def _one_time(data: ClassData) -> Solution:
    from analysis.overview import purchases_per_customer

    table = purchases_per_customer(data.tables["transactions"])
    once = table.loc[table["purchases"] == 1].iloc[0]
    median = float(_overview(data)["value"]["median_purchases_per_customer"])
    return Solution(round(float(once["share_customers"]), 4),
                    {"share": float(once["share_customers"]), "n": int(once["customers"]), "median": median})


def _by_hand(data: ClassData) -> Solution:
    overview = _overview(data)["value"]
    revenue, mean = float(overview["revenue"]), float(overview["mean_amount"])
    return Solution({"revenue": round(revenue, 2), "mean_amount": round(mean, 4)},
                    {"revenue": revenue, "mean": mean, "median": float(overview["median_amount"])})


def _best_month(data: ClassData) -> Solution:
    from analysis.overview import monthly_activity

    monthly = monthly_activity(data.tables["transactions"])
    best = monthly.loc[monthly["revenue"].idxmax()]
    month = pd.Timestamp(best["month"]).strftime("%Y-%m")
    return Solution(month, {"month": month, "revenue": float(best["revenue"]),
                            "customers": int(best["active_customers"]),
                            "mean": float(monthly["revenue"].mean())})


def _missing(data: ClassData) -> Solution:
    from analysis.overview import missing_values

    table = missing_values(data.tables)
    top = table.sort_values(["n_missing", "table", "column"], ascending=[False, True, True]).iloc[0]
    return Solution({"table": str(top["table"]), "column": str(top["column"]), "n_missing": int(top["n_missing"])},
                    {"table": str(top["table"]), "column": str(top["column"]), "n": int(top["n_missing"]),
                     "share": float(top["share_missing"])})


def _cut_off(data: ClassData) -> Solution:
    from analysis.overview import suspicious_values

    tx = data.tables["transactions"]
    end = tx["date"].max().normalize() - pd.Timedelta(days=90)
    flagged = suspicious_values(tx, end).set_index("check")
    n = int(flagged.loc["future_date", "n_rows"])
    return Solution(n, {"end": end.strftime("%Y-%m-%d"), "n": n, "share": n / len(tx)})


def _cdnow(data: ClassData) -> Solution:
    from analysis.overview import transaction_overview
    from analysis.study import load_study

    cdnow = data.memo("cdnow", lambda: load_study(data.study.path.parent / "cdnow.yaml").load_tables())
    overview = transaction_overview(cdnow["transactions"])["value"]
    own = _overview(data)["value"]
    return Solution({"customers": int(overview["customers"]),
                     "share_one_time_buyers": round(float(overview["share_one_time_buyers"]), 4)},
                    {"customers": int(overview["customers"]), "share": float(overview["share_one_time_buyers"]),
                     "own_share": float(own["share_one_time_buyers"]),
                     "median": float(overview["median_purchases_per_customer"])})


EXERCISES = (
    Exercise("00.1", "customers", _CATALOG, "read", "customer_database", _customers,
             'answer = None  # the number of customers in your transaction log\n', tolerance=0),
    Exercise("00.2", "one_time", _CATALOG, "read", "customer_database", _one_time,
             "answer = None  # the share of customers (0 to 1) who bought exactly once\n", tolerance=0.0005),
    Exercise("00.3", "by_hand", _CATALOG, "compute", "customer_database", _by_hand,
             'tx = wb.tables["transactions"]\n'
             'revenue = None  # the sum of all amounts\n'
             'mean_amount = None  # the mean amount per transaction\n'
             'answer = {"revenue": revenue, "mean_amount": mean_amount}\n', tolerance=0.01),
    Exercise("00.4", "best_month", _CATALOG, "compute", "customer_database", _best_month,
             'tx = wb.tables["transactions"]\n'
             'by_month = None  # revenue per calendar month, e.g. with tx["date"].dt.to_period("M")\n'
             'answer = None  # the month with the highest revenue, as "YYYY-MM"\n', tolerance=0),
    Exercise("00.5", "missing", _CATALOG, "read", "customer_database", _missing,
             'answer = {"table": None, "column": None, "n_missing": None}  # the column with the most missing '
             'values\n', tolerance=0),
    Exercise("00.6", "cut_off", _CATALOG, "change", "customer_database", _cut_off,
             'end = wb.tables["transactions"]["date"].max().normalize() - pd.Timedelta(days=90)\n'
             'print(end.date())  # run notebook 00 with observation_end set to this day\n'
             'answer = None  # how many rows the notebook flags as dated after the observation end\n',
             tolerance=0),
    Exercise("00.7", "cdnow", _CATALOG, "apply", "customer_database", _cdnow,
             'from analysis.study import load_study\n\n'
             'cdnow = load_study("../params/cdnow.yaml").load_tables()\n'
             'answer = {"customers": None, "share_one_time_buyers": None}\n', tolerance=0.0005,
             expect=lambda s: s.facts["share"] > s.facts["own_share"]),
)
