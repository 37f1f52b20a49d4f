"""Complaints as a performance measure (投诉率): rates, categories, resolution and recovery outcomes.

Course topic: handling complaints (apologise, resolve at once, compensate) and the complaint
rate as a measure a firm sets targets on, up to a "zero-complaint" goal. Every function takes
the canonical ``complaints`` table (one row per complaint: ``customer_id``, ``date``; optional
``category``, ``channel``, ``resolution``, ``resolved_date``, ``compensation``,
``satisfaction_after``) and, where orders are counted, the ``transactions`` (one row per order).

- :func:`link_complaints` ties each complaint to the order it is about: the customer's last order
  on or before the complaint's date (a complaint with no earlier order is left unlinked).
- :func:`complaint_rates`: complaints per 1,000 orders with an exact Poisson (Garwood) interval and
  the share of customers who complained with a Wilson interval, overall, by the purchase channel of
  the order complained about, or by the period of that order.
- :func:`complaint_categories`: a Pareto table (counts, shares, cumulative shares).
- :func:`resolution_times`: quartiles of the days to resolution by Kaplan-Meier
  (``statsmodels.duration.SurvfuncRight``), complaints not yet resolved censored at the
  observation end, so slow cases still open do not vanish from the median.
- :func:`group_means`: the mean of a recovery outcome (satisfaction after recovery, compensation) by
  resolution, with a Student-t interval.
- :func:`complaint_kpi`: the one-row complaint KPI of the scorecard (notebook 05's ``complaint_kpi``).

Checked against: Wilson against ``statsmodels.stats.proportion.proportion_confint``; the Garwood
bounds against the Poisson tail probabilities they invert (``scipy.stats.poisson``); Kaplan-Meier
quartiles against a hand computation with censoring; rates against a direct pandas count.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight

from analysis.channels import wilson_interval
from analysis.checks import Interval, check_alpha, check_params, shown_names
from analysis.errors import DataValidationError, ParameterError
from analysis.retention.crosssell import period_labels
from analysis.window import parse_date

__all__ = ["OVERALL", "link_complaints", "poisson_interval", "complaint_rates", "complaint_categories",
           "resolution_times", "group_means", "complaint_kpi"]

#: the index label of the row that holds every complaint
OVERALL = "all"
#: the label of complaints whose category (or group) is not recorded
NOT_RECORDED = "not recorded"


def _need(frame: pd.DataFrame | None, columns: Sequence[str], table: str) -> None:
    if frame is None:
        raise ParameterError(f"this analysis needs the {table} table; add it under data: {table} in the study file")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(
            f"the {table} table has no column {shown_names(missing)}; map it under data: {table}: columns "
            f"in the study file (columns present: {shown_names(frame.columns)})")


def _until(frame: pd.DataFrame, column: str, end: pd.Timestamp | None) -> pd.DataFrame:
    """The rows dated on or before the day ``end`` (any time of that day)."""
    return frame if end is None else frame.loc[frame[column] < end + pd.Timedelta(days=1)]


def link_complaints(complaints: pd.DataFrame, transactions: pd.DataFrame) -> pd.DataFrame:
    """Each complaint with the order it is about: the customer's last order on or before its date.

    Parameters
    ----------
    complaints : DataFrame
        Canonical complaints (``customer_id``, ``date``, ...).
    transactions : DataFrame
        Canonical transactions, one row per order (``customer_id``, ``date``; optional ``channel``).

    Returns
    -------
    DataFrame
        The complaints (same rows and order) with ``order_date`` (date of the order complained about;
        NaT when the customer has no order on or before the complaint) and ``order_channel`` (the
        order's ``channel``; missing without one).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "channel": ["web", "store", "web"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])})
    >>> c = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-02-10", "2024-01-05"])})
    >>> link_complaints(c, tx)[["order_date", "order_channel"]].values.tolist()
    [[Timestamp('2024-02-01 00:00:00'), 'store'], [NaT, nan]]
    """
    _need(complaints, ["customer_id", "date"], "complaints")
    _need(transactions, ["customer_id", "date"], "transactions")
    orders = transactions[["customer_id", "date"]].assign(
        order_channel=transactions["channel"] if "channel" in transactions else np.nan)
    orders = orders.rename(columns={"date": "order_date"}).sort_values("order_date", kind="stable")
    orders["customer_id"] = orders["customer_id"].astype(str)
    left = complaints.assign(_row=np.arange(len(complaints)), customer_id=complaints["customer_id"].astype(str))
    linked = pd.merge_asof(left.sort_values("date", kind="stable"), orders, left_on="date", right_on="order_date",
                           by="customer_id", direction="backward")
    linked = linked.sort_values("_row").drop(columns="_row")
    linked.index = complaints.index
    linked["customer_id"] = complaints["customer_id"]
    return linked


def poisson_interval(count, exposure, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval of a Poisson rate ``count / exposure``.

    The bounds are the rates at which observing ``count`` or more (lower bound), or ``count`` or fewer
    (upper bound), has probability ``alpha / 2``: ``chi2.ppf(alpha/2, 2k) / 2`` and
    ``chi2.ppf(1 - alpha/2, 2k + 2) / 2``, divided by the exposure. At ``count = 0`` the lower bound
    is 0 (and the upper bound the "rule of three" value, about 3.7 / exposure at 95 %).

    Returns
    -------
    (low, high) : tuple of numpy arrays (0-d for scalar input)

    Examples
    --------
    >>> low, high = poisson_interval(0, 1000)
    >>> float(low), round(float(high) * 1000, 3)
    (0.0, 3.689)
    """
    alpha = check_alpha(alpha, "poisson_interval")
    k = np.asarray(count, dtype=float)
    e = np.asarray(exposure, dtype=float)
    with np.errstate(invalid="ignore"):
        low = np.where(k > 0, stats.chi2.ppf(alpha / 2, 2 * k) / 2, 0.0) / e
    high = stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2 / e
    return low, high


def _rates_row(complaints: int, orders: int, complainers: int, customers: int, alpha: float) -> dict:
    row = {"complaints": complaints, "orders": orders, "customers": customers, "complainers": complainers}
    if orders > 0:
        low, high = poisson_interval(complaints, orders, alpha)
        row.update(per_1000_orders=1000 * complaints / orders, per_1000_low=1000 * float(low),
                   per_1000_high=1000 * float(high))
    if customers > 0:
        low, high = wilson_interval(complainers, customers, alpha)
        row.update(share_complained=complainers / customers, share_low=float(low), share_high=float(high))
    return row


def complaint_rates(complaints: pd.DataFrame, transactions: pd.DataFrame, *, by: str | None = None,
                    end: pd.Timestamp | str | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Complaints per 1,000 orders and the share of customers who complained, with intervals.

    A complaint counts against the order it is about (:func:`link_complaints`); complaints with no
    earlier order are left out (their number is returned in ``unlinked``) and only orders and
    complaints up to ``end`` count.

    Parameters
    ----------
    complaints, transactions : DataFrame
        Canonical tables; each transaction row is an order.
    by : str, optional
        None: one row for all orders. ``"channel"``: by the purchase channel of the order; ``"month"`` or
        ``"quarter"``: by the period of the order (a row per period, oldest first).
    end : date, optional
        Observation end (the window's); later orders and complaints are left out.
    alpha : float
        One minus the confidence level.

    Returns
    -------
    DataFrame
        Indexed by ``group`` (``"all"``, a channel or a period such as ``"2024Q1"``): ``complaints``,
        ``orders``, ``customers`` (who ordered), ``complainers`` (of those, who complained about an order
        of the group), ``per_1000_orders``, ``per_1000_low``, ``per_1000_high`` (Garwood interval),
        ``share_complained``, ``share_low``, ``share_high`` (Wilson interval), ``unlinked`` (complaints with
        no order before them, in the ``"all"`` row; 0 elsewhere) and, by period, ``period_end`` and
        ``full`` (True when the period ended by ``end``).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": list("aabbc"), "channel": ["web", "web", "store", "web", "store"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-03", "2024-02-03",
    ...                                            "2024-01-09"]), "amount": 1.0})
    >>> c = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-02-02", "2024-01-04"])})
    >>> complaint_rates(c, tx, by="channel")[["complaints", "orders", "per_1000_orders", "share_complained"]].round(1)
           complaints  orders  per_1000_orders  share_complained
    group                                                       
    store           1       2            500.0               0.5
    web             1       3            333.3               0.5
    """
    alpha = check_alpha(alpha, "complaint_rates")
    if by is not None and by not in ("channel", "month", "quarter"):
        raise ParameterError(f"complaint_rates: by must be None, 'channel', 'month' or 'quarter'; got {by!r}")
    end = None if end is None else parse_date(end, "end")
    orders = _until(transactions, "date", end)
    linked = link_complaints(_until(complaints, "date", end), orders)
    unlinked = int(linked["order_date"].isna().sum())
    linked = linked.loc[linked["order_date"].notna()]
    if by is None:
        out = pd.DataFrame([_rates_row(len(linked), len(orders), linked["customer_id"].nunique(),
                                       orders["customer_id"].nunique(), alpha)], index=[OVERALL])
        out["unlinked"] = unlinked
    else:
        if by == "channel":
            _need(orders, ["channel"], "transactions")
            order_key, complaint_key = orders["channel"].fillna(NOT_RECORDED), linked["order_channel"].fillna(NOT_RECORDED)
        else:
            order_key, complaint_key = period_labels(orders["date"], by), period_labels(linked["order_date"], by)
        rows = {}
        for key in sorted(order_key.unique()):
            o, c = orders.loc[order_key == key], linked.loc[complaint_key == key]
            rows[str(key)] = _rates_row(len(c), len(o), c["customer_id"].nunique(), o["customer_id"].nunique(), alpha)
        out = pd.DataFrame.from_dict(rows, orient="index")
        out["unlinked"] = 0
        if by != "channel":
            ends = [key.end_time.normalize() for key in sorted(order_key.unique())]
            out["period_end"] = ends
            out["full"] = [end is None or e <= end for e in ends]  # both midnights of a day
    out.index.name = "group"
    return out


def complaint_categories(complaints: pd.DataFrame, *, column: str = "category", cut: float = 0.8) -> pd.DataFrame:
    """The Pareto table of complaint categories: counts, shares and cumulative shares, largest first.

    Parameters
    ----------
    complaints : DataFrame
        Canonical complaints with the ``column``.
    column : str
        The category column; missing values are counted as ``"not recorded"``.
    cut : float
        The "vital few" are the largest categories that together first reach this share (0.8: the
        80/20 rule).

    Returns
    -------
    DataFrame
        Indexed by ``category``, sorted by count (descending, ties by name): ``complaints``, ``share``,
        ``cumulative_share`` and ``vital_few`` (True for the largest categories up to the first whose
        cumulative share reaches ``cut``).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"category": ["late", "rude", "late", None, "late"]})
    >>> complaint_categories(c)
                  complaints  share  cumulative_share  vital_few
    category                                                    
    late                   3    0.6               0.6       True
    not recorded           1    0.2               0.8       True
    rude                   1    0.2               1.0      False
    """
    check_params({"cut": [Interval(float, 0.0, 1.0, closed="right")]}, {"cut": cut}, "complaint_categories")
    _need(complaints, [column], "complaints")
    counts = complaints[column].astype("string").fillna(NOT_RECORDED).value_counts()
    counts = counts.rename_axis("category").reset_index(name="complaints")
    counts = counts.sort_values(["complaints", "category"], ascending=[False, True], kind="stable")
    out = counts.set_index("category")
    out.index = out.index.astype(object)
    out["share"] = out["complaints"] / out["complaints"].sum()
    out["cumulative_share"] = out["complaints"].cumsum() / out["complaints"].sum()
    before = out["cumulative_share"].shift(1, fill_value=0.0)
    out["vital_few"] = before < cut - 1e-12
    return out


QUANTILES = {"q25": 0.25, "median": 0.5, "q75": 0.75}


def resolution_times(complaints: pd.DataFrame, *, end: pd.Timestamp | str, alpha: float = 0.05) -> pd.DataFrame:
    """Days from complaint to resolution: Kaplan-Meier quartiles, unresolved complaints censored.

    A complaint without ``resolved_date`` is still open at ``end``: it counts as "not resolved after
    ``end - date`` days" (right-censored), so the median is not that of the quick cases alone. A
    quantile ``p`` is the first time the Kaplan-Meier curve of "still open" falls below ``1 - p`` (the
    SAS convention, strict inequality); a quartile the curve never reaches (too many complaints still
    open) is NaN.

    Parameters
    ----------
    complaints : DataFrame
        Canonical complaints with ``date`` and ``resolved_date``.
    end : date
        Observation end; later complaints are left out.
    alpha : float
        One minus the confidence level (log-log intervals of ``SurvfuncRight.quantile_ci``).

    Returns
    -------
    DataFrame
        Indexed by ``quantile`` (``q25``, ``median``, ``q75``): ``estimate``, ``std_error`` (NaN),
        ``ci_low``, ``ci_high`` (Brookmeyer-Crowley, by inverting log-log tests as SAS does; an upper
        bound beyond the data is NaN; when the curve jumps across ``1 - p`` so far that no day is within
        the test band, the interval is the estimate's day), ``p_value`` (NaN), ``complaints``,
        ``resolved``, ``open`` (censored).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"date": pd.to_datetime(["2024-01-01"] * 4),
    ...                   "resolved_date": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-05", None])})
    >>> resolution_times(c, end="2024-01-31")["estimate"].tolist()  # a quarter stays open: no q75
    [2.0, 4.0, nan]
    """
    alpha = check_alpha(alpha, "resolution_times")
    _need(complaints, ["date", "resolved_date"], "complaints")
    end = parse_date(end, "end")
    c = _until(complaints, "date", end)
    resolved = c["resolved_date"].notna() & (c["resolved_date"] < end + pd.Timedelta(days=1))
    stop = c["resolved_date"].where(resolved, end)
    days = (stop - c["date"]).dt.days.to_numpy(float)
    rows = {}
    if len(c) and resolved.any():
        fit = SurvfuncRight(days, resolved.to_numpy(int))
        for name, p in QUANTILES.items():
            est = fit.quantile(p)
            with np.errstate(divide="ignore", invalid="ignore"):
                low, high = fit.quantile_ci(p, alpha=alpha)
            if np.isnan(low) and np.isfinite(est):
                # no day's curve lies within the test band: the curve jumps across 1 - p at the estimate
                # itself (many complaints resolved on one day), so the quantile is that day
                low, high = est, est
            rows[name] = {"estimate": est, "ci_low": low, "ci_high": high if np.isfinite(high) else np.nan}
    else:
        rows = {name: {"estimate": np.nan, "ci_low": np.nan, "ci_high": np.nan} for name in QUANTILES}
    out = pd.DataFrame.from_dict(rows, orient="index").astype(float)
    out.insert(1, "std_error", np.nan)
    out["p_value"] = np.nan
    out = out[["estimate", "std_error", "ci_low", "ci_high", "p_value"]]
    out["complaints"], out["resolved"], out["open"] = len(c), int(resolved.sum()), int((~resolved).sum())
    out.index.name = "quantile"
    return out


def group_means(complaints: pd.DataFrame, column: str, *, by: str = "resolution",
                alpha: float = 0.05) -> pd.DataFrame:
    """Mean of a recovery outcome (``satisfaction_after``, ``compensation``) by ``by``, with t intervals.

    Parameters
    ----------
    complaints : DataFrame
    column : str
        The numeric outcome; missing values are left out.
    by : str
        Grouping column (default ``resolution``; missing = ``"not recorded"``, i.e. not resolved).
    alpha : float

    Returns
    -------
    DataFrame
        Indexed by ``group`` (the groups, then ``"all"``): ``estimate`` (mean), ``std_error``, ``ci_low``,
        ``ci_high`` (Student-t with n - 1 degrees of freedom; NaN for n < 2), ``p_value`` (NaN), ``n``,
        ``median``, ``total`` and ``share_positive`` (share of values above 0).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"resolution": ["good", "good", "poor", "poor"], "satisfaction_after": [8, 6, 3, 1]})
    >>> group_means(c, "satisfaction_after")[["estimate", "n"]]
           estimate  n
    group             
    good        7.0  2
    poor        2.0  2
    all         4.5  4
    """
    alpha = check_alpha(alpha, "group_means")
    _need(complaints, [column, by], "complaints")
    values = pd.to_numeric(complaints[column], errors="coerce")
    keys = complaints[by].astype("string").fillna(NOT_RECORDED)
    parts = {str(k): values[keys == k].dropna() for k in sorted(keys.unique())}
    parts[OVERALL] = values.dropna()
    rows = {}
    for name, v in parts.items():
        n = len(v)
        se = float(v.std(ddof=1) / np.sqrt(n)) if n > 1 else np.nan
        q = stats.t.ppf(1 - alpha / 2, n - 1) if n > 1 else np.nan
        mean = float(v.mean()) if n else np.nan
        rows[name] = {"estimate": mean, "std_error": se, "ci_low": mean - q * se, "ci_high": mean + q * se,
                      "p_value": np.nan, "n": n, "median": float(v.median()) if n else np.nan,
                      "total": float(v.sum()), "share_positive": float((v > 0).mean()) if n else np.nan}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "group"
    return out


def complaint_kpi(rates: pd.DataFrame | None = None, *, by_period: pd.DataFrame | None = None,
                  flag_share: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """The complaint KPI for the scorecard: complaints per 1,000 orders, else the share who complained.

    Parameters
    ----------
    rates : DataFrame, optional
        :func:`complaint_rates` overall (the ``"all"`` row).
    by_period : DataFrame, optional
        :func:`complaint_rates` by period: the latest full period with orders is used when there is one.
    flag_share : DataFrame, optional
        The share of customers who complained (:func:`~analysis.retention.recovery.flag_comparison`),
        used when there are no orders.

    Returns
    -------
    DataFrame or None
        One row (index ``kpi``: ``"complaint_rate"`` per 1,000 orders, or ``"complaints_per_customer"``, a
        share): ``estimate``, ``ci_low``, ``ci_high`` and ``period`` (the period's label, or ``"all"``);
        None when there is nothing to measure.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"per_1000_orders": [30.0], "per_1000_low": [25.0], "per_1000_high": [36.0]},
    ...                  index=pd.Index(["all"], name="group"))
    >>> complaint_kpi(r)
                    estimate  ci_low  ci_high period
    kpi                                             
    complaint_rate      30.0    25.0     36.0    all
    """
    if by_period is not None and "full" in by_period and (by_period["full"].astype(bool) & (by_period["orders"] > 0)).any():
        full = by_period.loc[by_period["full"].astype(bool) & (by_period["orders"] > 0)]
        row, period = full.iloc[-1], str(full.index[-1])
    elif rates is not None and "per_1000_orders" in rates:
        row, period = rates.iloc[0], OVERALL
    elif flag_share is not None:
        r = flag_share.iloc[0]
        return pd.DataFrame({"estimate": [r["estimate"]], "ci_low": [r["ci_low"]], "ci_high": [r["ci_high"]],
                             "period": [OVERALL]}, index=pd.Index(["complaints_per_customer"], name="kpi"))
    else:
        return None
    return pd.DataFrame({"estimate": [row["per_1000_orders"]], "ci_low": [row["per_1000_low"]],
                         "ci_high": [row["per_1000_high"]], "period": [period]},
                        index=pd.Index(["complaint_rate"], name="kpi"))
