"""One profile per key account, for the key-account manager: history, value trend, products, risk, action.

Quarters are counted back from the observation end (each three calendar months
long, the last one ending on the observation end), so every quarter is full. The
value trend is the least-squares slope of the spend per quarter (purchases per
quarter in a log without amounts) on the quarter number, over the quarters since
the account's first purchase among the last ``quarters``; with fewer than three
such quarters the trend is ``short`` (not told). The usual gap is the median
number of days between the account's consecutive purchase days; an account is
``overdue`` when its days since the last purchase exceed ``overdue_factor`` times
that gap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import Interval, validate_params
from analysis.errors import DataValidationError
from analysis.messages import msg
from analysis.segmentation.key_accounts import KeyAccounts
from analysis.window import parse_date

__all__ = ["TRENDS", "quarter_starts", "quarterly_values", "key_account_profiles"]

TRENDS = ("rising", "flat", "falling", "short")
#: quarters needed for a trend
MIN_TREND_QUARTERS = 3
#: categories named in a profile
TOP_CATEGORIES = 3


def quarter_starts(observation_end, quarters: int) -> list[pd.Timestamp]:
    """The first days of the last *quarters* quarters before the observation end, oldest first.

    Examples
    --------
    >>> [str(d.date()) for d in quarter_starts(pd.Timestamp("2024-12-31"), 2)]
    ['2024-07-01', '2024-10-01']
    """
    end = parse_date(observation_end, "observation_end") + pd.Timedelta(days=1)
    return [end - pd.DateOffset(months=3 * i) for i in range(quarters, 0, -1)]


def _value_column(tx: pd.DataFrame) -> pd.Series:
    return tx["amount"].astype("float64") if "amount" in tx.columns else pd.Series(1.0, index=tx.index)


@validate_params({"transactions": ["frame"], "quarters": [Interval(int, 1, None, closed="left")]})
def quarterly_values(transactions: pd.DataFrame, customer_ids, observation_end, *, quarters: int = 8) -> pd.DataFrame:
    """Spend per quarter of the given customers (purchases per quarter without amounts).

    Returns
    -------
    DataFrame
        One row per customer (index ``customer_id``, in the given order), one column per quarter
        named by its last day (ISO date), oldest first; 0 where nothing was bought.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [5.0, 7.0],
    ...                    "date": pd.to_datetime(["2024-08-01", "2024-12-31"])})
    >>> quarterly_values(tx, ["a"], "2024-12-31", quarters=2)
                 2024-09-30  2024-12-31
    customer_id
    a                   5.0         7.0
    """
    end = parse_date(observation_end, "observation_end")
    starts = quarter_starts(end, quarters)
    labels = [str((s - pd.Timedelta(days=1)).date()) for s in starts[1:]] + [str(end.date())]
    ids = pd.Index([str(c) for c in customer_ids], name="customer_id")
    tx = transactions[(transactions["date"] >= starts[0]) & (transactions["date"] <= end)]
    tx = tx[tx["customer_id"].astype(str).isin(ids)]
    period = np.searchsorted(np.array(starts, dtype="datetime64[ns]"), tx["date"].to_numpy(), side="right") - 1
    grid = pd.DataFrame({"customer_id": tx["customer_id"].astype(str).to_numpy(), "q": period,
                         "v": _value_column(tx).to_numpy()})
    wide = grid.pivot_table(index="customer_id", columns="q", values="v", aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(index=ids, columns=range(quarters), fill_value=0.0).astype("float64")
    wide.columns = labels
    return wide


def _trend(row: pd.Series, first: pd.Timestamp, starts: list[pd.Timestamp]) -> float:
    """Slope per quarter over the quarters from the one holding the first purchase; NaN when too few."""
    begin = int(np.searchsorted(np.array(starts, dtype="datetime64[ns]"), np.datetime64(first), side="right")) - 1
    y = row.to_numpy(dtype=float)[max(begin, 0):]
    if len(y) < MIN_TREND_QUARTERS:
        return np.nan
    x = np.arange(len(y), dtype=float)
    return float(np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2))


def _categories(tx: pd.DataFrame, ids: pd.Index, language: str | None) -> pd.Series:
    if "category" not in tx.columns:
        return pd.Series(msg("key_accounts.profile.no_categories", language=language), index=ids)
    shares = (tx.assign(v=_value_column(tx)).groupby(["customer_id", "category"], observed=True)["v"].sum())
    out = {}
    for cid in ids:
        own = shares.get(cid) if cid in shares.index.get_level_values(0) else None
        if own is None or own.sum() <= 0:
            out[cid] = msg("key_accounts.profile.no_category_rows", language=language)
            continue
        top = (own / own.sum()).sort_values(ascending=False, kind="stable").head(TOP_CATEGORIES)
        out[cid] = msg("key_accounts.profile.separator", language=language).join(
            msg("key_accounts.profile.category", language=language, name=str(name), share=share)
            for name, share in top.items())
    return pd.Series(out).reindex(ids)


@validate_params({"transactions": ["frame"], "result": [KeyAccounts], "quadrants": ["frame"],
                  "stages": [pd.Series, None], "complaints": ["frame", None],
                  "overdue_factor": [Interval(float, 0, None, closed="neither")],
                  "quarters": [Interval(int, MIN_TREND_QUARTERS, None, closed="left")]})
def key_account_profiles(
    transactions: pd.DataFrame,
    result: KeyAccounts,
    quadrants: pd.DataFrame,
    *,
    stages: pd.Series | None = None,
    complaints: pd.DataFrame | None = None,
    overdue_factor: float = 2.0,
    quarters: int = 8,
    language: str | None = None,
) -> pd.DataFrame:
    """A profile per key account: history, value trend, products, risk and the suggested action.

    Parameters
    ----------
    transactions : DataFrame
        The transactions :func:`~analysis.segmentation.key_account_scores` scored (``category``
        optional).
    result : KeyAccounts
        The scores.
    quadrants : DataFrame
        :func:`~analysis.segmentation.portfolio_quadrants` of *result*.
    stages : Series, optional
        Lifecycle stage key per customer (``lifecycle_stages(...)["stage"]``: the study's one
        definition); None leaves ``stage`` empty.
    complaints : DataFrame, optional
        Canonical complaints (``customer_id``, ``date``); None: ``complaints`` is missing.
    overdue_factor : float
        An account is overdue after this many usual gaps without a purchase.
    quarters : int
        Quarters of history in the trend (and in :func:`quarterly_values`).

    Returns
    -------
    DataFrame
        One row per key account (index ``customer_id``, best first): ``rank``, ``score``,
        ``first_purchase``, ``last_purchase`` (ISO dates), ``tenure_days`` (first purchase to
        the observation end), ``orders`` (distinct ``order_id``, else rows), ``total_spend``,
        ``window_spend`` and ``previous_spend`` (the window before; NaN without amounts),
        ``trend_slope`` (spend per quarter per quarter), ``trend`` (one of :data:`TRENDS`),
        ``top_categories`` (text), ``stage`` (key) and ``stage_name``, ``days_since_last``,
        ``usual_gap_days`` (NaN with one purchase day), ``overdue`` (nullable bool), ``complaints``
        (Int64, missing without a complaints table), ``quadrant`` (key), ``quadrant_name`` and
        ``action``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation.key_accounts import key_account_scores, portfolio_quadrants
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"], "amount": [10.0, 20.0, 30.0, 5.0],
    ...                    "date": pd.to_datetime(["2024-01-10", "2024-05-10", "2024-09-10", "2024-02-01"])})
    >>> r = key_account_scores(tx, observation_end="2024-12-31", count=1)
    >>> p = key_account_profiles(tx, r, portfolio_quadrants(r), quarters=4)
    >>> p[["orders", "total_spend", "trend_slope", "trend"]].to_dict("records")
    [{'orders': 3, 'total_spend': 60.0, 'trend_slope': -2.0, 'trend': 'falling'}]
    >>> p[["days_since_last", "usual_gap_days", "overdue"]].to_dict("records")
    [{'days_since_last': 112, 'usual_gap_days': 122.0, 'overdue': False}]
    """
    end = result.observation_end
    ids = pd.Index(result.key_ids, name="customer_id")
    tx = transactions[transactions["date"] <= end]
    tx = tx.assign(customer_id=tx["customer_id"].astype(str))
    own = tx[tx["customer_id"].isin(ids)]
    if not quadrants.index.equals(ids):
        raise DataValidationError(msg("key_accounts.error.quadrants_mismatch"))
    money = "amount" in own.columns
    by = own.groupby("customer_id")
    first, last = by["date"].min().reindex(ids), by["date"].max().reindex(ids)
    orders = (by["order_id"].nunique() if "order_id" in own.columns else by.size()).reindex(ids)
    days = own[["customer_id", "date"]].drop_duplicates().sort_values(["customer_id", "date"])
    gaps = days.groupby("customer_id")["date"].diff().dt.days
    usual = gaps.groupby(days["customer_id"]).median().reindex(ids).astype("float64")
    since = (end - last).dt.days
    overdue = pd.array([pd.NA if np.isnan(g) else bool(s > overdue_factor * g) for s, g in zip(since, usual)],
                       dtype="boolean")
    q = quarterly_values(own, ids, end, quarters=quarters)
    starts = quarter_starts(end, quarters)
    slope = pd.Series([_trend(q.loc[c], first[c], starts) for c in ids], index=ids)
    trend = np.select([slope.isna(), slope > 0, slope < 0], ["short", "rising", "falling"], default="flat")
    table = result.table.loc[ids]
    profile = pd.DataFrame({
        "rank": table["rank"], "score": table["score"],
        "first_purchase": first.dt.strftime("%Y-%m-%d"), "last_purchase": last.dt.strftime("%Y-%m-%d"),
        "tenure_days": (end - first).dt.days, "orders": orders.astype("int64"),
        "total_spend": by["amount"].sum().reindex(ids) if money else np.nan,
        "window_spend": table["spend"],
        "previous_spend": np.nan,
        "trend_slope": slope, "trend": trend,
        "top_categories": _categories(own, ids, language),
        "stage": (stages.rename(index=str).reindex(ids).astype("string") if stages is not None
                  else pd.array([pd.NA] * len(ids), dtype="string")),
        "days_since_last": since.astype("int64"), "usual_gap_days": usual, "overdue": overdue,
    }, index=ids)
    if money:
        width = pd.Timedelta(days=result.window_days)
        prior = own[(own["date"] > end - 2 * width) & (own["date"] <= end - width)]
        profile["previous_spend"] = prior.groupby("customer_id")["amount"].sum().reindex(ids, fill_value=0.0)
    if complaints is not None:
        made = complaints[complaints["date"] <= end]
        counts = made["customer_id"].astype(str).value_counts().reindex(ids, fill_value=0)
        profile["complaints"] = counts.astype("Int64")
    else:
        profile["complaints"] = pd.array([pd.NA] * len(ids), dtype="Int64")
    named = profile["stage"].notna()
    profile.insert(profile.columns.get_loc("stage") + 1, "stage_name", pd.array(
        [msg(f"segmentation.stage.{s}", language=language) if k else pd.NA
         for s, k in zip(profile["stage"], named)], dtype="string"))
    profile["quadrant"] = quadrants["quadrant"]
    profile["quadrant_name"] = quadrants["quadrant_name"]
    profile["action"] = quadrants["action"]
    return profile
