"""Difference-in-differences of spend per order before and while a loyalty-programme member.

Each customer-period cell (the orders of one customer in one calendar month or quarter,
split at the join day) holds the log of the mean amount per order. The model is
``log spend = customer effect + period effect + b * member``, fitted by the two-way
within transformation (alternating projections), so ``b`` is the change at joining
beyond the change over the same calendar time that non-members (and members before
they joined) show; ``exp(b) - 1`` is the % effect. Errors are clustered by customer.

Members choose to join, often after a good spell (for the synthetic firm: a high
average order before launch), so their pre-join spend is partly luck that does not
last and a plain before/after comparison is pulled towards zero by regression to
the mean. With ``weights`` (one per customer: 1 for members, the ATT propensity weight
``e / (1 - e)`` for non-members, from :func:`analysis.retention.propensity_weighting`)
the non-members are reweighted to members' pre-launch history, so they regress by as
much (Abadie 2005's weighted difference-in-differences, in regression form).

The event-time estimates (periods since joining, binned at +/- ``event_window``,
reference -1) show whether members' spend already drifted before they joined (the
parallel-trends assumption). Checked against statsmodels OLS with explicit dummies and
cluster-robust errors, and on the synthetic firm's known effect (tests/retention/test_did.py).

Examples
--------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": list("aabb") * 2, "date": pd.to_datetime(
...     ["2024-01-05", "2024-02-05", "2024-01-06", "2024-02-06", "2024-03-05", "2024-04-05", "2024-03-06", "2024-04-06"]),
...     "amount": [10.0, 11.0, 20.0, 22.0, 22.0, 22.0, 24.0, 24.0]})
>>> m = pd.DataFrame({"customer_id": ["a"], "start_date": pd.to_datetime(["2024-03-01"])})
>>> round(float(did_effect(tx, m).effects["ratio"].iloc[0]), 2)
1.83
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from analysis.checks import Interval, Options, validate_params
from analysis.errors import DataValidationError
from analysis.results import ResultMixin, estimate_table
from analysis.retention.loyalty import membership_status, while_member
from analysis.window import parse_date

__all__ = ["DiDResult", "did_effect", "twfe"]

PERIODS = {"month": "M", "quarter": "Q"}


def _demean(values: np.ndarray, groups: Sequence[np.ndarray], w: np.ndarray, tol: float = 1e-11,
            max_iter: int = 10_000) -> np.ndarray:
    """*values* (n x k) with every group's weighted mean removed, for crossed factors (alternating projections)."""
    out = values.copy()
    for _ in range(max_iter):
        before = out.copy()
        for codes in groups:
            sums = np.zeros((codes.max() + 1, out.shape[1]))
            np.add.at(sums, codes, out * w[:, None])
            out -= (sums / np.bincount(codes, weights=w)[:, None])[codes]
        if np.abs(out - before).max() < tol:
            break
    return out


def twfe(y: np.ndarray, x: np.ndarray, unit: np.ndarray, time: np.ndarray,
         weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(Weighted) least squares of y on x with unit and time fixed effects, errors clustered by unit.

    The covariance is the sandwich summed over units, times ``G / (G - 1) * (N - 1) / (N - k)``
    with k the columns of ``x``: the fixed effects, nested in the clusters, are not counted (as
    Stata's ``xtreg, fe vce(cluster)`` and ``reghdfe`` do).

    Parameters
    ----------
    y : array (n,)
    x : array (n, k)
    unit, time : integer arrays (n,)
        Codes 0..G-1 of the unit (the cluster) and of the period.
    weights : array (n,), optional
        Positive weights (default 1).

    Returns
    -------
    (coefficients (k,), covariance (k, k))

    Examples
    --------
    >>> import numpy as np
    >>> unit, time = np.repeat([0, 1, 2], 2), np.tile([0, 1], 3)
    >>> y = np.array([1.0, 3.0, 2.0, 4.0, 5.0, 6.0])
    >>> x = np.array([[0.0], [1.0], [0.0], [1.0], [0.0], [0.0]])
    >>> round(float(twfe(y, x, unit, time)[0][0]), 6)   # (3 - 1 + 4 - 2) / 2 - (6 - 5)
    1.0
    """
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    m = _demean(np.column_stack([y, x]), [unit, time], w)
    yt, xt = m[:, 0], m[:, 1:]
    bread = np.linalg.pinv(xt.T @ (xt * w[:, None]))
    beta = bread @ xt.T @ (w * yt)
    e = yt - xt @ beta
    scores = np.zeros((unit.max() + 1, xt.shape[1]))
    np.add.at(scores, unit, xt * (w * e)[:, None])
    n, k, g = len(y), xt.shape[1], len(np.unique(unit))
    return beta, bread @ (scores.T @ scores) @ bread * g / (g - 1) * (n - 1) / (n - k)


@dataclass(repr=False)
class DiDResult(ResultMixin):
    """Result of :func:`did_effect`.

    Attributes
    ----------
    effects : DataFrame
        One row ``membership``: the estimate shape on the log scale (``estimate`` = change in log
        spend per order while a member, cluster-robust ``std_error``, ``ci_low``, ``ci_high``,
        ``p_value``), then ``ratio``, ``ratio_ci_low``, ``ratio_ci_high`` (``exp`` of them),
        ``percent``, ``percent_ci_low``, ``percent_ci_high`` (``ratio - 1`` and its interval),
        ``n_rows`` (customer-period cells), ``n_customers``, ``n_members`` (members with cells both before and while a member), ``n_periods``,
        ``weighted`` (whether propensity weights were used).
    event : DataFrame
        Indexed by ``event_time`` (periods since joining; -1 is the reference, fixed at 0): the
        estimate shape on the log scale, then ``n_rows``.
    panel : DataFrame
        The cells: ``customer_id``, ``period``, ``active`` (orders while a member), ``n_orders``,
        ``log_spend_per_order``, ``event_time`` (NaN for non-members), ``weight``.
    """

    effects: pd.DataFrame
    event: pd.DataFrame
    panel: pd.DataFrame = field(repr=False)
    period: str = "month"

    def summary(self) -> pd.DataFrame:
        """The membership effect (:attr:`effects`)."""
        return self.effects


def _panel(transactions, memberships, period, observation_end, weights) -> pd.DataFrame:
    missing = [c for c in ("customer_id", "date", "amount") if c not in transactions.columns]
    if missing:
        raise DataValidationError(f"The transactions table lacks column(s) {missing}; the difference-in-"
                                  f"differences needs customer_id, date and amount. Map them in the study YAML.")
    end = parse_date(transactions["date"].max() if observation_end is None else observation_end, "observation_end")
    tx = transactions.loc[(transactions["date"] < end + pd.Timedelta(days=1)) & (transactions["amount"] > 0),
                          ["customer_id", "date", "amount"]]
    tx = tx.assign(customer_id=tx["customer_id"].astype(str))
    status = membership_status(memberships)
    tx = tx.assign(active=while_member(tx["date"], tx["customer_id"], status),
                   period=tx["date"].dt.to_period(PERIODS[period]))
    cells = tx.groupby(["customer_id", "period", "active"], observed=True)["amount"].agg(["size", "mean"]).reset_index()
    cells = cells.rename(columns={"size": "n_orders"})
    cells["log_spend_per_order"] = np.log(cells.pop("mean"))
    join = status["join_date"].reindex(cells["customer_id"]).dt.to_period(PERIODS[period])
    cells["event_time"] = [np.nan if pd.isna(j) else float((p - j).n) for p, j in zip(cells["period"], join)]
    cells["after_leaving"] = join.notna().to_numpy() & ~cells["active"].to_numpy() & (cells["event_time"] >= 0)
    if weights is not None:
        w = pd.Series(weights, dtype=float)
        w.index = w.index.astype(str)
        cells["weight"] = w.reindex(cells["customer_id"]).fillna(0.0).to_numpy()
    else:
        cells["weight"] = 1.0
    return cells[cells["weight"] > 0].reset_index(drop=True)


@validate_params({"transactions": ["frame"], "memberships": ["frame"], "period": [Options(tuple(PERIODS))],
                  "alpha": [Interval(float, 0.0, 0.5, closed="neither")],
                  "event_window": [Interval(int, 1, None, closed="left")]})
def did_effect(transactions: pd.DataFrame, memberships: pd.DataFrame, *, weights: pd.Series | None = None,
               period: str = "month", observation_end=None, alpha: float = 0.05,
               event_window: int = 6) -> DiDResult:
    """Difference-in-differences of log spend per order before and while a member (two-way fixed effects).

    Parameters
    ----------
    transactions, memberships : DataFrame
        Canonical tables.
    weights : Series, optional
        One weight per customer (index ``customer_id``); customers without one are left out.
        None: every customer with weight 1 (the plain, unweighted design).
    period : {"month", "quarter"}
    observation_end : date-like, optional
        Last day of data used (default: the last transaction).
    alpha : float
    event_window : int
        Event times beyond +/- this many periods are binned into the end bins.

    Returns
    -------
    DiDResult
    """
    cells = _panel(transactions, memberships, period, observation_end, weights)
    active = cells["active"].to_numpy(float)
    if active.sum() == 0 or active.sum() == len(active):
        raise DataValidationError("No order was made while a member (or every order was): the difference-in-"
                                  "differences needs orders both in and out of membership; check the memberships "
                                  "dates against the transactions.")
    unit, time = pd.factorize(cells["customer_id"])[0], pd.factorize(cells["period"])[0]
    w = cells["weight"].to_numpy(float)
    beta, vcov = twfe(cells["log_spend_per_order"].to_numpy(float), active[:, None], unit, time, w)
    z, se = stats.norm.isf(alpha / 2), float(np.sqrt(vcov[0, 0]))
    members = cells.groupby("customer_id")["active"].agg(["any", "all"])
    effects = estimate_table(["membership"], [beta[0]], [se], alpha=alpha, index_name="effect")
    effects = effects.assign(ratio=np.exp(beta[0]), ratio_ci_low=np.exp(beta[0] - z * se),
                             ratio_ci_high=np.exp(beta[0] + z * se), percent=np.exp(beta[0]) - 1,
                             percent_ci_low=np.exp(beta[0] - z * se) - 1, percent_ci_high=np.exp(beta[0] + z * se) - 1,
                             n_rows=len(cells), n_customers=int(unit.max() + 1),
                             n_members=int((members["any"] & ~members["all"]).sum()), n_periods=int(time.max() + 1),
                             weighted=weights is not None)
    ev = cells[~cells["after_leaving"]].reset_index(drop=True)
    k = ev["event_time"].clip(-event_window, event_window)
    levels = [v for v in range(-event_window, event_window + 1) if v != -1 and (k == v).any()]
    x = np.column_stack([(k == v).to_numpy(float) for v in levels])
    b, v = twfe(ev["log_spend_per_order"].to_numpy(float), x, pd.factorize(ev["customer_id"])[0],
                pd.factorize(ev["period"])[0], ev["weight"].to_numpy(float))
    event = estimate_table(levels, b, np.sqrt(np.clip(np.diag(v), 0, None)), alpha=alpha, index_name="event_time",
                           n_rows=[int((k == lv).sum()) for lv in levels])
    ref = pd.DataFrame({"estimate": [0.0], "std_error": [np.nan], "ci_low": [np.nan], "ci_high": [np.nan],
                        "p_value": [np.nan], "n_rows": [int((k == -1).sum())]}, index=pd.Index([-1], name="event_time"))
    event = pd.concat([event, ref]).sort_index()
    return DiDResult(effects, event, cells.drop(columns="after_leaving"), period)
