"""Does the loyalty programme pay? Its incremental margin against its cost, and tier migration.

The **incremental margin** is the part of members' spend (while members, after the
launch) that the programme itself brought: with an effect ratio ``r`` on spend per order
(:func:`analysis.retention.propensity_weighting` or :func:`analysis.retention.did_effect`)
members' spend ``S`` would have been ``S / r`` without it, so the increment is
``S * (1 - 1 / r)``, times the gross margin. Its interval follows from the ratio's
interval (the increment rises with ``r``).

The **cost** of the programme (会员体系: points, tiers, privileges): rewards already given
(the ``discounts`` the memberships table records; without that column, redeemed points at
``point_value``), the **points liability** (points earned and not yet redeemed, at
``point_value``: a debt to members, counted in full, without breakage), and the running cost
(member-months times ``cost_per_member_month``). The verdict is ``pays`` only when the whole
interval of margin minus cost lies above zero, ``does_not_pay`` when it lies below, else
``cannot_tell`` (:func:`analysis.channels.profit_verdict`).

**Tier migration**: each customer's tier on two days (default: a year apart, ending on the
observation end), as counts and row shares, with joins, exits, upgrades and downgrades.

Examples
--------
>>> import pandas as pd
>>> m = pd.DataFrame({"customer_id": ["a", "a", "b"], "tier": ["base", "silver", "base"],
...                   "start_date": pd.to_datetime(["2024-01-01", "2024-06-01", "2024-03-01"]),
...                   "end_date": pd.to_datetime(["2024-05-31", None, None])})
>>> tier_migration(m, start="2024-02-01", end="2024-12-31")[["from_tier", "to_tier", "n", "move"]]
  from_tier to_tier  n     move
0      none    base  1   joined
1      base  silver  1  upgrade
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.channels import profit_verdict
from analysis.checks import Interval, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.results import order_estimate_columns
from analysis.retention.loyalty import launch_day, membership_status, while_member
from analysis.window import parse_date

__all__ = ["PROGRAMME_VERDICTS", "NOT_MEMBER", "MONTH_DAYS", "programme_verdict", "programme_economics", "tier_order",
           "tiers_on", "tier_migration", "migration_matrix"]

#: the programme verdicts, from the interval of margin minus cost
PROGRAMME_VERDICTS = {"profitable": "pays", "loss": "does_not_pay", "uncertain": "cannot_tell"}
#: the state of a customer who is not a member on a day
NOT_MEMBER = "none"
#: days in an average month (member-months)
MONTH_DAYS = 365.25 / 12
_MONEY = [Interval(float, 0.0, None, closed="left")]


def programme_verdict(low, high) -> str:
    """``pays`` when the interval ``(low, high)`` of margin minus cost is above zero, ``does_not_pay``
    when below, ``cannot_tell`` when it spans zero or is unknown.

    Examples
    --------
    >>> programme_verdict(10.0, 50.0), programme_verdict(-5.0, 20.0), programme_verdict(-9.0, -1.0)
    ('pays', 'cannot_tell', 'does_not_pay')
    """
    return PROGRAMME_VERDICTS[str(profit_verdict(low, high))]


@validate_params({"transactions": ["frame"], "memberships": ["frame"], "ratio": [float],
                  "ratio_low": [float], "ratio_high": [float],
                  "gross_margin": [Interval(float, 0.0, 1.0, closed="right")], "point_value": _MONEY,
                  "cost_per_member_month": _MONEY})
def programme_economics(transactions: pd.DataFrame, memberships: pd.DataFrame, *, ratio: float,
                        ratio_low: float, ratio_high: float, gross_margin: float, point_value: float = 0.01,
                        cost_per_member_month: float = 0.0, launch_date=None,
                        observation_end=None) -> pd.DataFrame:
    """The programme's incremental margin against its cost, from launch to the observation end.

    Parameters
    ----------
    transactions, memberships : DataFrame
        Canonical tables (memberships' optional ``points_earned``, ``points_redeemed``,
        ``discounts`` are used when present).
    ratio, ratio_low, ratio_high : float
        The effect on spend per order as a ratio, and its interval.
    gross_margin : float
        Share of spend kept as margin.
    point_value : float
        Money per point.
    cost_per_member_month : float
        Running cost of the programme per member and month.
    launch_date, observation_end : date-like, optional
        Default: the earliest ``start_date``; the last transaction.

    Returns
    -------
    DataFrame
        Indexed by ``item``: ``member_spend`` (members' spend while members), ``incremental_spend``,
        ``incremental_margin``, ``rewards_given`` (discounts, or redeemed points at ``point_value``),
        ``points_liability`` (outstanding points at ``point_value``), ``running_cost``, ``total_cost``,
        ``net`` (incremental margin minus total cost), ``members``, ``member_months``,
        ``points_earned``, ``points_redeemed``, ``points_outstanding``. Columns: the estimate shape
        (``estimate``, ``std_error`` and ``p_value`` empty, ``ci_low``, ``ci_high``: from the ratio's
        interval for the margin and the net, equal to the estimate for counted items), ``unit``
        ("money", "customers", "months" or "points") and ``verdict`` (on the ``net`` row:
        :func:`programme_verdict`; empty elsewhere).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [110.0, 110.0, 50.0],
    ...                    "date": pd.to_datetime(["2024-02-01", "2024-03-01", "2024-02-01"])})
    >>> m = pd.DataFrame({"customer_id": ["a"], "start_date": pd.to_datetime(["2024-02-01"]),
    ...                   "points_earned": [220.0], "points_redeemed": [100.0]})
    >>> eco = programme_economics(tx, m, ratio=1.1, ratio_low=1.0, ratio_high=1.2, gross_margin=0.5)
    >>> eco.loc[["member_spend", "incremental_margin", "total_cost", "net"], ["estimate", "ci_low", "ci_high"]].round(2).values.tolist()
    [[220.0, 220.0, 220.0], [10.0, 0.0, 18.33], [2.2, 2.2, 2.2], [7.8, -2.2, 16.13]]
    >>> eco.loc["net", "verdict"]
    'cannot_tell'
    """
    for name, value in (("ratio", ratio), ("ratio_low", ratio_low), ("ratio_high", ratio_high)):
        if not np.isfinite(value) or value <= 0:
            raise ParameterError(f"{name} must be a positive effect ratio on spend per order (1.1 = +10 %); "
                                 f"got {value!r}. Pass the ratio and interval of the programme's effect.")
    if not ratio_low <= ratio <= ratio_high:
        raise ParameterError(f"the ratio {ratio!r} must lie in its interval [{ratio_low!r}, {ratio_high!r}]; "
                             "pass ratio_low <= ratio <= ratio_high.")
    launch = launch_day(memberships, launch_date)
    end = parse_date(transactions["date"].max() if observation_end is None else observation_end, "observation_end")
    status = membership_status(memberships)
    tx = transactions[(transactions["date"] >= launch) & (transactions["date"] < end + pd.Timedelta(days=1))]
    spend = float(tx.loc[while_member(tx["date"], tx["customer_id"], status), "amount"].sum())
    share = np.array([1 - 1 / ratio, 1 - 1 / ratio_low, 1 - 1 / ratio_high])
    incremental = spend * share
    stop = status["leave_date"].where(status["leave_date"].notna() & (status["leave_date"] <= end), end)
    months = float(((stop - status["join_date"].clip(lower=launch)).dt.days.clip(lower=0) + 1).sum() / MONTH_DAYS)
    earned = float(memberships["points_earned"].sum()) if "points_earned" in memberships.columns else np.nan
    redeemed = float(memberships["points_redeemed"].sum()) if "points_redeemed" in memberships.columns else 0.0
    rewards = (float(memberships["discounts"].sum()) if "discounts" in memberships.columns
               else redeemed * point_value)
    outstanding = earned - redeemed if np.isfinite(earned) else 0.0
    liability, running = outstanding * point_value, months * cost_per_member_month
    cost = rewards + liability + running
    margin = incremental * gross_margin
    counted = {"member_spend": (spend, "money"), "incremental_spend": (incremental, "money"),
               "incremental_margin": (margin, "money"), "rewards_given": (rewards, "money"),
               "points_liability": (liability, "money"), "running_cost": (running, "money"),
               "total_cost": (cost, "money"), "net": (margin - cost, "money"),
               "members": (float(len(status)), "customers"), "member_months": (months, "months"),
               "points_earned": (earned, "points"), "points_redeemed": (redeemed, "points"),
               "points_outstanding": (outstanding, "points")}
    rows = []
    for item, (value, unit) in counted.items():
        v = np.broadcast_to(np.asarray(value, dtype=float), (3,))
        rows.append({"item": item, "estimate": v[0], "ci_low": v[1], "ci_high": v[2], "unit": unit, "verdict": ""})
    out = order_estimate_columns(pd.DataFrame(rows).set_index("item"))
    out.loc["net", "verdict"] = programme_verdict(out.loc["net", "ci_low"], out.loc["net", "ci_high"])
    return out


def tier_order(memberships: pd.DataFrame, order: Sequence[str] | None = None) -> list[str]:
    """Tiers from lowest to highest: *order* as given (checked against the data), else by the mean
    position of the tier's spells in their member's history (the entry tier comes first).

    Examples
    --------
    >>> m = pd.DataFrame({"customer_id": ["a", "a", "b", "b"], "tier": ["base", "gold", "base", "silver"],
    ...                   "start_date": pd.to_datetime(["2024-01-01", "2024-05-01", "2024-01-01", "2024-03-01"])})
    >>> tier_order(m)
    ['base', 'silver', 'gold']
    """
    if "tier" not in memberships.columns:
        raise DataValidationError("The memberships table has no 'tier' column, so there is no tier migration; "
                                  "map the tier column in the study YAML or skip the tier section.")
    present = sorted(memberships["tier"].dropna().astype(str).unique())
    if order is not None:
        unknown = sorted(set(present) - {str(t) for t in order})
        if unknown:
            raise ParameterError(f"tier_order lacks tier(s) {unknown} found in the memberships table; list every "
                                 f"tier from lowest to highest, e.g. {present}.")
        return [str(t) for t in order]
    m = memberships.sort_values(["customer_id", "start_date"])
    position = m.groupby("customer_id").cumcount()
    days = (m["start_date"] - m["start_date"].min()).dt.days
    rank = pd.DataFrame({"tier": m["tier"].astype(str), "position": position, "days": days})
    return rank.groupby("tier")[["position", "days"]].mean().sort_values(["position", "days"]).index.tolist()


def tiers_on(memberships: pd.DataFrame, day) -> pd.Series:
    """Each member's tier on *day* (:data:`NOT_MEMBER` when not in the programme that day).

    Examples
    --------
    >>> m = pd.DataFrame({"customer_id": ["a", "b"], "tier": ["base", "gold"],
    ...                   "start_date": pd.to_datetime(["2024-01-01", "2024-03-01"]),
    ...                   "end_date": pd.to_datetime(["2024-02-01", None])})
    >>> tiers_on(m, "2024-03-15").tolist()
    ['none', 'gold']
    """
    day = parse_date(day, "day")
    m = memberships.assign(customer_id=memberships["customer_id"].astype(str))
    end = pd.to_datetime(m["end_date"]) if "end_date" in m.columns else pd.Series(pd.NaT, index=m.index)
    live = (m["start_date"] <= day) & (end.isna() | (end >= day))
    tiers = m[live].sort_values("start_date").drop_duplicates("customer_id", keep="last").set_index("customer_id")
    ids = sorted(m["customer_id"].unique())
    return tiers["tier"].astype(str).reindex(ids).fillna(NOT_MEMBER).rename_axis("customer_id").rename("tier")


def _move(a: str, b: str, rank: dict[str, int]) -> str:
    if a == b:
        return "same"
    if a == NOT_MEMBER:
        return "joined"
    if b == NOT_MEMBER:
        return "left"
    return "upgrade" if rank[b] > rank[a] else "downgrade"


def tier_migration(memberships: pd.DataFrame, *, start=None, end=None, order: Sequence[str] | None = None,
                   observation_end=None) -> pd.DataFrame:
    """Tier migration between two days: every (from, to) pair with its count, row share and kind of move.

    Parameters
    ----------
    memberships : DataFrame
        Canonical memberships with ``tier``.
    start, end : date-like, optional
        The two days; default ``end`` = ``observation_end`` (or the latest date in the table) and
        ``start`` = one year (365 days) before ``end``.
    order : sequence of str, optional
        Tiers from lowest to highest (see :func:`tier_order`).
    observation_end : date-like, optional

    Returns
    -------
    DataFrame
        One row per (``from_tier``, ``to_tier``) pair that occurs, among customers who were members
        on either day (:data:`NOT_MEMBER` = not a member that day): ``n``, ``share`` (of the
        ``from_tier`` row), ``move`` ("same", "upgrade", "downgrade", "joined" or "left"),
        ``start``, ``end``.
    """
    levels = tier_order(memberships, order)
    if end is None:
        last = observation_end if observation_end is not None else pd.concat(
            [memberships["start_date"], pd.to_datetime(memberships.get("end_date", memberships["start_date"]))]).max()
        end = last
    end = parse_date(end, "tier_end")
    start = end - pd.Timedelta(days=365) if start is None else parse_date(start, "tier_start")
    if start >= end:
        raise ParameterError(f"tier_start ({start.date()}) must be before tier_end ({end.date()}); give two days "
                             "in that order.")
    pair = pd.DataFrame({"from_tier": tiers_on(memberships, start), "to_tier": tiers_on(memberships, end)})
    pair = pair[(pair["from_tier"] != NOT_MEMBER) | (pair["to_tier"] != NOT_MEMBER)]
    out = pair.groupby(["from_tier", "to_tier"]).size().rename("n").reset_index()
    states = [NOT_MEMBER, *levels]
    rank = {t: i for i, t in enumerate(states)}
    out = out.assign(_a=out["from_tier"].map(rank), _b=out["to_tier"].map(rank)).sort_values(["_a", "_b"])
    out["share"] = out["n"] / out.groupby("from_tier")["n"].transform("sum")
    out["move"] = [_move(a, b, rank) for a, b in zip(out["from_tier"], out["to_tier"])]
    out["start"], out["end"] = start.date().isoformat(), end.date().isoformat()
    return out.drop(columns=["_a", "_b"]).reset_index(drop=True)


def migration_matrix(migration: pd.DataFrame, value: str = "n") -> pd.DataFrame:
    """:func:`tier_migration`'s long table as a square from x to matrix of ``value`` ("n" or "share"),
    zeros filled, states in the order the table lists them.

    Examples
    --------
    >>> mig = pd.DataFrame({"from_tier": ["none", "base"], "to_tier": ["base", "gold"], "n": [3, 1]})
    >>> migration_matrix(mig).values.tolist()
    [[0, 3, 0], [0, 0, 1], [0, 0, 0]]
    """
    states = list(dict.fromkeys([*migration["from_tier"], *migration["to_tier"]]))
    out = migration.pivot(index="from_tier", columns="to_tier", values=value).reindex(index=states, columns=states)
    out = out.fillna(0)
    return out.astype(migration[value].dtype)
