"""Referrals: how many new customers come recommended, who recommends, and what a referral is worth.

The customers table names, for a referred customer, the customer who referred
them (``referred_by``; missing = not referred). Three descriptive views:

* the **referral rate**, the share of new customers acquired in each period who were
  referred (Wilson intervals);
* the **top referrers** and how many customers each brought;
* referred customers against the others: the share who bought again and the gross
  margin of their first year (only customers whose first year is wholly observed),
  against the referral reward paid per referred customer. Referred customers differ
  from the others in more than the referral (who their friends are, when they came),
  so the comparison describes; it does not estimate what a referral causes.

Examples
--------
>>> import pandas as pd
>>> cu = pd.DataFrame({"customer_id": list("abcd"), "referred_by": [None, "a", "a", None],
...                    "acquisition_date": pd.to_datetime(["2024-01-03", "2024-02-01", "2024-02-09", "2024-02-20"])})
>>> referral_rates(cu, period="month")[["new_customers", "referred", "estimate"]].round(3)
         new_customers  referred  estimate
period
2024-01              1         0     0.000
2024-02              3         2     0.667
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.channels import wilson_interval
from analysis.checks import Interval, Options, validate_params
from analysis.errors import DataValidationError
from analysis.results import estimate_table, order_estimate_columns
from analysis.retention.cohorts import PERIODS, period_bounds
from analysis.retention.crosssell import period_labels, require_columns

__all__ = ["acquisition_dates", "referral_rates", "top_referrers", "referral_value"]

_ALPHA = [Interval(float, 0.0, 0.5, closed="neither")]


def acquisition_dates(customers: pd.DataFrame, transactions: pd.DataFrame | None = None) -> pd.Series:
    """Each customer's acquisition date: ``acquisition_date``, else the first purchase.

    Examples
    --------
    >>> cu = pd.DataFrame({"customer_id": ["a", "b"]})
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "date": pd.to_datetime(["2024-03-01", "2024-01-01"])})
    >>> acquisition_dates(cu, tx).dt.strftime("%Y-%m-%d").tolist()
    ['2024-01-01', nan]
    """
    ids = customers["customer_id"].astype(str)
    own = (customers["acquisition_date"] if "acquisition_date" in customers.columns
           else pd.Series(pd.NaT, index=customers.index, dtype="datetime64[ns]"))
    out = pd.Series(own.to_numpy(), index=ids.to_numpy(), name="acquisition_date")
    if transactions is not None and out.isna().any():
        first = transactions.groupby(transactions["customer_id"].astype(str))["date"].min()
        out = out.fillna(first.reindex(out.index))
    out.index.name = "customer_id"
    return out


def _referred(customers: pd.DataFrame, referred_by: str) -> pd.Series:
    require_columns(customers, ["customer_id", referred_by], "customers", "referred_by")
    values = customers[referred_by]
    return values.notna() & (values.astype(str).str.strip() != "")


@validate_params({"alpha": _ALPHA, "period": [Options(set(PERIODS))]})
def referral_rates(customers: pd.DataFrame, transactions: pd.DataFrame | None = None, *, period: str = "quarter",
                   observation_end: pd.Timestamp | None = None, referred_by: str = "referred_by",
                   alpha: float = 0.05) -> pd.DataFrame:
    """Share of the new customers of each period who were referred, with Wilson intervals.

    Parameters
    ----------
    customers : DataFrame
        ``customer_id``, *referred_by* and ``acquisition_date`` (else the first purchase in *transactions*).
    transactions : DataFrame, optional
    period : {"month", "quarter"}
    observation_end : Timestamp, optional
        Last day of data (marks the periods wholly observed); None: the last acquisition.
    referred_by : str
    alpha : float

    Returns
    -------
    DataFrame
        Indexed by acquisition ``period`` (text): ``estimate`` (referral rate), ``std_error``,
        ``ci_low``, ``ci_high``, ``p_value`` (NaN), ``new_customers``, ``referred``, ``full``.
    """
    referred = pd.Series(_referred(customers, referred_by).to_numpy(), index=customers["customer_id"].astype(str))
    acquired = acquisition_dates(customers, transactions)
    if acquired.isna().all():
        raise DataValidationError("no customer has an acquisition date (customers.acquisition_date) nor a purchase: "
                                  "referral rates per period need one of them")
    end = acquired.max().normalize() if observation_end is None else observation_end
    keep = acquired.notna() & (acquired < end + pd.Timedelta(days=1))
    frame = pd.DataFrame({"period": period_labels(acquired[keep], period), "referred": referred[keep]})
    g = frame.groupby("period")["referred"]
    out = pd.DataFrame({"new_customers": g.size(), "referred": g.sum().astype(int)})
    x, n = out["referred"].to_numpy(float), out["new_customers"].to_numpy(float)
    out["estimate"] = x / n
    out["std_error"] = np.sqrt(out["estimate"] * (1 - out["estimate"]) / n)
    out["ci_low"], out["ci_high"] = wilson_interval(x, n, alpha)
    latest = period_bounds(period, end)
    out["full"] = [p <= latest for p in out.index]
    out.index = out.index.astype(str).rename("period")
    return order_estimate_columns(out)


def top_referrers(customers: pd.DataFrame, *, n: int = 10, referred_by: str = "referred_by") -> pd.DataFrame:
    """The customers who referred the most others.

    Returns
    -------
    DataFrame
        Indexed by ``referrer`` (customer id), most first: ``referred`` (customers they brought) and
        ``share`` (of all referred customers).

    Examples
    --------
    >>> cu = pd.DataFrame({"customer_id": list("abc"), "referred_by": [None, "a", "a"]})
    >>> top_referrers(cu)
              referred  share
    referrer
    a                2    1.0
    """
    referred = customers.loc[_referred(customers, referred_by), referred_by].astype(str)
    counts = referred.value_counts().rename("referred")
    out = counts.to_frame().sort_values("referred", ascending=False, kind="stable").head(n)
    out["share"] = out["referred"] / max(len(referred), 1)
    out["referred"] = out["referred"].astype(int)
    out.index.name = "referrer"
    return out


@validate_params({"alpha": _ALPHA, "margin": [Interval(float, 0.0, 1.0, closed="right")],
                  "reward": [Interval(float, 0.0, None, closed="left")],
                  "horizon_days": [Interval(int, 1, None, closed="left")]})
def referral_value(customers: pd.DataFrame, transactions: pd.DataFrame, *, observation_end: pd.Timestamp,
                   margin: float = 0.3, reward: float = 0.0, horizon_days: int = 365,
                   referred_by: str = "referred_by", alpha: float = 0.05) -> pd.DataFrame:
    """Referred customers against the others over their first *horizon_days* (descriptive).

    Only customers acquired at least *horizon_days* before *observation_end* are compared, so
    every first year is wholly observed. Per group: the share who bought again within the
    horizon (Wilson) and the first-year gross margin per customer (Student-t interval); for
    referred customers, the margin net of the reward paid for them.

    Returns
    -------
    DataFrame
        Indexed by ``group`` (``referred``, ``not_referred``, ``difference``): ``estimate``
        (first-year margin per customer; the difference is referred minus not referred, Welch),
        ``std_error``, ``ci_low``, ``ci_high``, ``p_value`` (of the difference), ``customers``,
        ``repeat_rate``, ``repeat_low``, ``repeat_high``, ``reward`` (per customer),
        ``net_margin`` (estimate minus reward).

    Examples
    --------
    >>> cu = pd.DataFrame({"customer_id": list("abcd"), "referred_by": [None, "a", "a", None]})
    >>> tx = pd.DataFrame({"customer_id": list("abbcdd"), "amount": [10.0, 10, 10, 30, 10, 10],
    ...                    "date": pd.to_datetime(["2023-01-01", "2023-01-02", "2023-02-01", "2023-01-05",
    ...                                            "2023-01-03", "2023-05-01"])})
    >>> out = referral_value(cu, tx, observation_end=pd.Timestamp("2024-06-30"), margin=0.5, reward=2.0)
    >>> out[["customers", "estimate", "repeat_rate", "net_margin"]].round(2)
                  customers  estimate  repeat_rate  net_margin
    group
    referred              2      12.5          0.5        10.5
    not_referred          2       7.5          0.5         7.5
    difference            4       5.0          0.0         NaN
    """
    require_columns(transactions, ["customer_id", "date", "amount"], "transactions", "amount")
    referred = pd.Series(_referred(customers, referred_by).to_numpy(), index=customers["customer_id"].astype(str))
    acquired = acquisition_dates(customers, transactions)
    cutoff = observation_end - pd.Timedelta(days=horizon_days)
    cohort = acquired[acquired.notna() & (acquired <= cutoff)].index
    tx = transactions.assign(customer_id=transactions["customer_id"].astype(str))
    tx = tx[tx["customer_id"].isin(cohort)]
    tx = tx[tx["date"] < tx["customer_id"].map(acquired) + pd.Timedelta(days=horizon_days)]
    per = tx.groupby("customer_id").agg(orders=("date", "size"), spend=("amount", "sum")).reindex(cohort, fill_value=0)
    per["margin"], per["referred"] = per["spend"] * margin, referred.reindex(cohort).fillna(False).astype(bool)
    rows, values = {}, {}
    for name, mask in (("referred", per["referred"]), ("not_referred", ~per["referred"])):
        part = per[mask]
        values[name] = part["margin"].to_numpy(float)
        k, m = int((part["orders"] >= 2).sum()), len(part)
        low, high = wilson_interval(k, m, alpha) if m else (np.nan, np.nan)
        rows[name] = {"customers": m, "repeat_rate": k / m if m else np.nan, "repeat_low": float(low),
                      "repeat_high": float(high)}
    a, b = values["referred"], values["not_referred"]
    est = [a.mean() if len(a) else np.nan, b.mean() if len(b) else np.nan]
    se = [a.std(ddof=1) / np.sqrt(len(a)) if len(a) > 1 else np.nan,
          b.std(ddof=1) / np.sqrt(len(b)) if len(b) > 1 else np.nan]
    dfs = [max(len(a) - 1, 1), max(len(b) - 1, 1)]
    parts = [estimate_table([g], [e], [s], alpha=alpha, df=d, index_name="group")
             for g, e, s, d in zip(("referred", "not_referred"), est, se, dfs)]
    diff_se = float(np.hypot(se[0], se[1]))
    welch = diff_se**4 / ((se[0]**4) / dfs[0] + (se[1]**4) / dfs[1]) if diff_se > 0 else 1.0
    parts.append(estimate_table(["difference"], [est[0] - est[1]], [diff_se], alpha=alpha, df=welch, index_name="group"))
    out = pd.concat(parts)
    for name, row in rows.items():
        for col, value in row.items():
            out.loc[name, col] = value
    out.loc["difference", "customers"] = len(per)
    out.loc["difference", "repeat_rate"] = rows["referred"]["repeat_rate"] - rows["not_referred"]["repeat_rate"]
    out.loc[["referred", "not_referred"], "p_value"] = np.nan
    out["customers"] = out["customers"].astype(int)
    out["reward"] = [reward, 0.0, np.nan]
    out["net_margin"] = out["estimate"] - out["reward"]
    return out
