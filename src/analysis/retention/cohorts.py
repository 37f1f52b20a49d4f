"""Acquisition cohorts and period retention: are customers coming back? (客户留存率, 客户流失率)

A customer's *acquisition cohort* is the period (month or quarter) of her first purchase. The
cohort matrix counts, for every cohort and every number of periods since acquisition, the
customers of the cohort who bought in that period, and their share of the cohort.

*Period retention* in a non-contractual business (nobody cancels; customers just stop buying) is
defined on activity: of the customers who bought in period ``t``, the share who bought again in
period ``t + 1``; churn is one minus it. Only pairs of periods that were fully observed by the
observation end are rated. Each rate has a Wilson interval (:func:`analysis.channels.wilson_interval`).
Groups that change over time (value tier, lifecycle stage, RFM segment) are measured at the end of
period ``t`` (:func:`customer_groups`), so a customer's later purchases cannot decide her group.

Checked against direct pandas computations on hand-made logs (tests/retention/test_cohorts.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import stats

from analysis.channels import wilson_interval
from analysis.checks import Options, check_alpha, check_params
from analysis.errors import DataValidationError
from analysis.segmentation import lifecycle_stages, rfm, value_tiers
from analysis.window import parse_date

__all__ = ["PERIODS", "period_bounds", "cohort_matrix", "period_retention", "latest_retention", "retention_rate_kpi",
           "customer_groups",
           "retention_by_group", "margin_per_active"]

#: the periods a rate can be measured over, and their pandas frequency
PERIODS = {"month": "M", "quarter": "Q"}
#: time-varying groupings computed at the end of a period by :func:`customer_groups`
GROUPINGS = ("acquisition_channel", "value_tier", "lifecycle_stage", "rfm_segment")


def _log(transactions: pd.DataFrame, period: str, observation_end) -> tuple[pd.DataFrame, pd.Timestamp]:
    check_params({"period": [Options(PERIODS)]}, {"period": period}, "retention")
    missing = [c for c in ("customer_id", "date") if c not in transactions.columns]
    if missing:
        raise DataValidationError(f"the transactions lack column(s) {missing}; pass the study's canonical "
                                  "transactions table (customer_id, date, amount).")
    end = parse_date(observation_end, "observation_end") if observation_end is not None else \
        pd.Timestamp(transactions["date"].max()).normalize()
    tx = transactions.loc[transactions["date"] <= end + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")]
    if tx.empty:
        raise DataValidationError(f"no transaction on or before the observation end {end.date()}; choose a later "
                                  "observation_end.")
    tx = tx.assign(period=tx["date"].dt.to_period(PERIODS[period]))
    return tx, end


def period_bounds(period: str, observation_end) -> pd.Period:
    """The latest period fully observed by ``observation_end`` (its last day on or before it).

    Examples
    --------
    >>> str(period_bounds("quarter", "2024-06-30")), str(period_bounds("quarter", "2024-06-29"))
    ('2024Q2', '2024Q1')
    """
    check_params({"period": [Options(PERIODS)]}, {"period": period}, "period_bounds")
    end = parse_date(observation_end, "observation_end")
    current = end.to_period(PERIODS[period])
    return current if current.end_time.normalize() <= end else current - 1


def cohort_matrix(transactions: pd.DataFrame, *, period: str = "month", observation_end=None) -> pd.DataFrame:
    """Acquisition-cohort retention matrix as a tidy long table.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``).
    period : {"month", "quarter"}
        Length of a cohort and of a period since acquisition.
    observation_end : date-like, optional
        Last day of data used (default: the last transaction's day).

    Returns
    -------
    DataFrame
        Indexed by (``cohort``, ``periods_since``) (cohort as text, e.g. ``"2024-01"``; 0 = the
        acquisition period), every cohort with every period up to the observation end:
        ``cohort_size`` (customers acquired), ``active`` (customers of the cohort who bought in
        that period), ``rate`` (``active / cohort_size``; 1 at period 0) and ``complete`` (the
        period was fully observed).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-01-20", "2024-02-10"])})
    >>> cohort_matrix(tx, observation_end="2024-02-29")[["active", "rate"]]
                            active  rate
    cohort  periods_since
    2024-01 0                    2   1.0
            1                    1   0.5
    2024-02 0                    1   1.0
    """
    tx, end = _log(transactions, period, observation_end)
    first = tx.groupby("customer_id")["period"].min().rename("cohort")
    pairs = tx[["customer_id", "period"]].drop_duplicates().join(first, on="customer_id")
    pairs["periods_since"] = (pairs["period"] - pairs["cohort"]).map(lambda offset: offset.n)
    active = pairs.groupby(["cohort", "periods_since"]).size()
    sizes = first.value_counts().sort_index()
    last = end.to_period(PERIODS[period])
    full = period_bounds(period, end)
    rows = [(c, k) for c in sizes.index for k in range((last - c).n + 1)]
    index = pd.MultiIndex.from_tuples(rows, names=["cohort", "periods_since"])
    out = pd.DataFrame({"cohort_size": sizes.reindex(index.get_level_values(0)).to_numpy(),
                        "active": active.reindex(index, fill_value=0).to_numpy()}, index=index)
    out["rate"] = out["active"] / out["cohort_size"]
    out["complete"] = [c + k <= full for c, k in rows]
    return out.set_axis(pd.MultiIndex.from_tuples([(str(c), k) for c, k in rows],
                                                  names=["cohort", "periods_since"]))


def _rates(frame: pd.DataFrame, alpha: float) -> pd.DataFrame:
    low, high = wilson_interval(frame["retained"].to_numpy(), frame["active"].to_numpy(), alpha)
    p = frame["retained"] / frame["active"]
    return frame.assign(estimate=p, std_error=np.sqrt(p * (1 - p) / frame["active"]), ci_low=low, ci_high=high,
                        churn_rate=1 - p)


def period_retention(transactions: pd.DataFrame, *, period: str = "month", observation_end=None,
                     groups: pd.Series | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Period retention and churn: of the customers active in period t, the share active in t + 1.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``).
    period : {"month", "quarter"}
    observation_end : date-like, optional
        Last day of data used (default: the last transaction's day); only periods t whose next
        period ends on or before it are rated.
    groups : Series, optional
        A fixed group per customer (indexed by ``customer_id``, e.g. the acquisition channel);
        customers without a group are left out. None: one group ``"all"``.
    alpha : float
        One minus the confidence level of the Wilson intervals.

    Returns
    -------
    DataFrame
        Indexed by (``group``, ``period``) (period as text, the period t): ``active`` (customers
        who bought in t), ``retained`` (of them, those who bought in t + 1), ``estimate``
        (retention rate), ``std_error``, ``ci_low``, ``ci_high`` (Wilson) and ``churn_rate``
        (``1 - estimate``).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-01-20", "2024-01-03",
    ...                                            "2024-03-01"])})
    >>> period_retention(tx, observation_end="2024-03-31")[["active", "retained", "estimate"]]
                  active  retained  estimate
    group period
    all   2024-01       3         1  0.333333
          2024-02       1         0  0.000000
    """
    alpha = check_alpha(alpha, "period_retention")
    tx, end = _log(transactions, period, observation_end)
    if groups is None:
        tx = tx.assign(group="all")
    else:
        tx = tx.assign(group=tx["customer_id"].map(groups)).dropna(subset=["group"])
    full = period_bounds(period, end)
    pairs = tx[["group", "customer_id", "period"]].drop_duplicates()
    pairs = pairs[pairs["period"] < full]
    later = set(zip(tx["customer_id"], tx["period"]))
    pairs["retained"] = [(c, p + 1) in later for c, p in zip(pairs["customer_id"], pairs["period"])]
    counts = pairs.groupby(["group", "period"], observed=True)["retained"].agg(active="size", retained="sum")
    if counts.empty:
        raise DataValidationError(f"fewer than two complete {period}s of data before {end.date()}: no period "
                                  f"retention can be measured; use a shorter period or a later observation_end.")
    counts.index = pd.MultiIndex.from_tuples([(str(g), str(p)) for g, p in counts.index], names=["group", "period"])
    return _rates(counts.astype({"retained": int}), alpha)


def retention_rate_kpi(rates: pd.DataFrame) -> pd.DataFrame:
    """The retention KPI: the ``all`` group's latest rated period of :func:`period_retention`.

    Returns
    -------
    DataFrame
        One row (index ``retention_rate``): ``estimate``, ``std_error``, ``ci_low``, ``ci_high``,
        ``period`` (t, text) and ``active`` (customers active in t).

    Examples
    --------
    >>> r = pd.DataFrame({"estimate": [0.4, 0.5], "std_error": 0.1, "ci_low": 0.3, "ci_high": 0.6, "active": 9},
    ...                  index=pd.MultiIndex.from_tuples([("all", "2024-01"), ("all", "2024-02")],
    ...                                                  names=["group", "period"]))
    >>> retention_rate_kpi(r)[["estimate", "period"]].values.tolist()
    [[0.5, '2024-02']]
    """
    row = latest_retention(rates).loc["all"].reset_index().iloc[[0]]
    return row[["estimate", "std_error", "ci_low", "ci_high", "period", "active"]].set_axis(
        pd.Index(["retention_rate"], name="kpi"))


def latest_retention(rates: pd.DataFrame) -> pd.DataFrame:
    """Each group's row of the latest rated period of :func:`period_retention` (the KPI).

    Examples
    --------
    >>> r = pd.DataFrame({"estimate": [0.4, 0.5]}, index=pd.MultiIndex.from_tuples(
    ...     [("all", "2024-01"), ("all", "2024-02")], names=["group", "period"]))
    >>> latest_retention(r)
                   estimate
    group period
    all   2024-02       0.5
    """
    last = rates.reset_index().groupby("group", sort=False)["period"].transform("max").to_numpy()
    return rates[rates.index.get_level_values("period") == last]


def customer_groups(transactions: pd.DataFrame, customers: pd.DataFrame | None = None, *, as_of,
                    rules: Mapping | None = None, channel_column: str = "acquisition_channel") -> pd.DataFrame:
    """Each customer's groups at the end of a period, from purchases up to ``as_of`` only.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (with ``amount`` for value tiers and RFM segments).
    customers : DataFrame, optional
        The customers table; its ``channel_column`` gives the acquisition channel.
    as_of : date-like or Period
        The day the groups are measured at, or a period: its last day (the end of period t).
    rules : mapping, optional
        Lifecycle rules (a study's ``lifecycle``).
    channel_column : str
        Column of ``customers`` naming the acquisition channel.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (customers with a purchase by ``as_of``), a column per grouping
        the data allow, among :data:`GROUPINGS`: ``acquisition_channel``, ``value_tier`` (ABC tiers
        of spend to date, :func:`analysis.segmentation.value_tiers`; not for a log without amounts),
        ``lifecycle_stage`` and ``rfm_segment`` (:func:`analysis.segmentation.rfm` with the lifecycle
        rules).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("abcdef"), "amount": [50.0, 30, 10, 6, 4, 1],
    ...                    "date": pd.date_range("2024-01-01", periods=6, freq="3D")})
    >>> customer_groups(tx, as_of="2024-01-31")["value_tier"].tolist()
    ['A', 'A', 'A', 'B', 'C', 'C']
    """
    day = as_of.end_time.normalize() if isinstance(as_of, pd.Period) else parse_date(as_of, "as_of")
    tx = transactions.loc[transactions["date"] < day + pd.Timedelta(days=1)]
    out = pd.DataFrame(index=pd.Index(sorted(tx["customer_id"].unique()), name="customer_id"))
    if customers is not None and channel_column in customers.columns:
        out["acquisition_channel"] = out.index.map(customers.set_index("customer_id")[channel_column])
    if len(out) >= 2:  # a count-only log has stages and segments, but no value tiers
        table = rfm(tx, day, lifecycle=rules)
        if "monetary" in table.columns:
            out["value_tier"] = value_tiers(table["monetary"])["tier"].astype(str)
        # names in the reader's language, ordered as the stages and the segment rules (not alphabetically,
        # so every language lists the groups in one order)
        out["lifecycle_stage"] = lifecycle_stages(table, rules)["stage_name"].cat.remove_unused_categories()
        out["rfm_segment"] = table["segment"].cat.remove_unused_categories()
    return out[[c for c in GROUPINGS if c in out.columns]]


def retention_by_group(transactions: pd.DataFrame, groups: pd.DataFrame, *, period: str = "month",
                       observation_end=None, alpha: float = 0.05) -> pd.DataFrame:
    """Retention from the latest rated period to the next, by each grouping of :func:`customer_groups`.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions.
    groups : DataFrame
        Groups per customer (one column per grouping), measured at the end of the latest rated period.
    period, observation_end, alpha
        As for :func:`period_retention`.

    Returns
    -------
    DataFrame
        Indexed by (``grouping``, ``level``): ``period``, ``active``, ``retained``, ``estimate``,
        ``std_error``, ``ci_low``, ``ci_high``, ``churn_rate`` (as :func:`period_retention`), and
        ``p_value`` of the chi-square test that all levels of the grouping share one rate (the
        same on every row of a grouping; NaN with one level).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c", "d"], "date": pd.to_datetime(
    ...     ["2024-01-05", "2024-02-01", "2024-01-20", "2024-01-03", "2024-02-01", "2024-01-09"])})
    >>> g = pd.DataFrame({"tier": ["A", "B", "A", "B"]}, index=pd.Index(list("abcd"), name="customer_id"))
    >>> retention_by_group(tx, g, observation_end="2024-02-29")[["active", "retained", "estimate"]]
                    active  retained  estimate
    grouping level
    tier     A           2         2       1.0
             B           2         0       0.0
    """
    tx, end = _log(transactions, period, observation_end)
    rated = str(period_bounds(period, end) - 1)  # the latest period t whose next period is complete
    tx = tx[tx["period"] >= period_bounds(period, end) - 1].drop(columns="period")
    parts = {}
    for name in groups.columns:
        rates = period_retention(tx, period=period, observation_end=end, groups=groups[name], alpha=alpha)
        rates = rates[rates.index.get_level_values("period") == rated].reset_index("period")
        table = np.column_stack([rates["retained"], rates["active"] - rates["retained"]])
        p = np.nan
        if len(rates) > 1 and (table.sum(axis=0) > 0).all():
            p = stats.chi2_contingency(table, correction=False)[1]
        parts[name] = rates.assign(p_value=p)
    out = pd.concat(parts, names=["grouping", "level"])
    return out


def margin_per_active(transactions: pd.DataFrame, *, period: str = "month", observation_end=None,
                      gross_margin: float = 1.0) -> pd.DataFrame:
    """Margin per active customer per period: ``gross_margin`` x spend per active customer, in the
    latest fully observed period.

    Returns
    -------
    DataFrame
        One row, indexed by ``period`` (text): ``active`` (customers who bought), ``revenue``,
        ``margin`` (``gross_margin`` x revenue) and ``margin_per_active``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 30.0],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-01-21"])})
    >>> margin_per_active(tx, observation_end="2024-01-31", gross_margin=0.5)["margin_per_active"].tolist()
    [15.0]
    """
    tx, end = _log(transactions, period, observation_end)
    if "amount" not in tx.columns:
        raise DataValidationError("the transactions have no amount column: the margin per customer needs amounts.")
    full = period_bounds(period, end)
    last = tx[tx["period"] == full]
    revenue, active = float(last["amount"].sum()), int(last["customer_id"].nunique())
    if active == 0:
        raise DataValidationError(f"nobody bought in the latest complete {period} ({full}); choose another "
                                  "observation_end.")
    return pd.DataFrame({"active": [active], "revenue": [revenue], "margin": [gross_margin * revenue],
                         "margin_per_active": [gross_margin * revenue / active]},
                        index=pd.Index([str(full)], name="period"))
