"""Service recovery: do customers whose complaint was resolved well come back as often as those who
never complained (the "service recovery paradox")?

Course topic: complaint handling and service recovery (apologise, resolve at once, compensate).

The unit is an order. Each order is followed by a complaint resolved well (``good``: its resolution is
one of ``good_resolutions``), by a complaint not resolved well (``poor``: another resolution, or none
yet), or by no complaint (``none``); a complaint belongs to the customer's last order on or before its
date (:func:`~analysis.retention.complaints.link_complaints`). The outcome is a repurchase: another
order of the customer on a later day within ``repurchase_days``; orders too close to the observation
end for that window to have passed are left out.

Complaints are not random: customers with more orders complain more often and also come back more, so
the naive repurchase rates of the three groups mix recovery with customer history.
:func:`recovery_comparison` adjusts by standardisation (g-computation): a logistic model of repurchase
is fitted within each group on the order's history (log orders and log spend before it, log tenure,
purchase channel), every eligible order's repurchase probability is predicted under each group, and the
predictions are averaged. Adjusted rates, risk differences and risk ratios against ``none`` get
percentile intervals from a bootstrap that resamples customers (all of a customer's orders together, as
they are not independent); the naive ones are bootstrapped the same way.

:func:`flag_comparison` serves customer-level data without dates (a 0/1 "complained" column, as in
the iFood CRM export): the share who complained, and complainers against the others on an outcome,
adjusted for prior value by :func:`analysis.channels.adjusted_comparison`. That is an association,
not a recovery effect: the data do not say what happened after the complaint.

Checked against: a simulation with known truth where the naive comparison is confounded (the adjusted
ratios recover the true ones within their intervals, the naive ones do not); the synthetic service
firm's ``truth.recovery_repurchase_ratio``; the logistic fit against ``statsmodels.Logit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.channels import AdjustedComparison, adjusted_comparison, covariate_balance, wilson_interval
from analysis.checks import Interval, check_alpha, check_params, rng_from, shown_names
from analysis.errors import DataValidationError, ParameterError
from analysis.results import ResultMixin
from analysis.retention.complaints import link_complaints
from analysis.window import parse_date

__all__ = ["GROUPS", "COVARIATES", "MIN_EVENTS", "check_good_resolutions", "recovery_orders", "recovery_counts", "RecoveryComparison",
           "recovery_comparison", "flag_comparison"]

#: the three kinds of orders, the first the reference
GROUPS = ("none", "good", "poor")
#: the order-history covariates of the adjustment (the channel dummies are added when there is a channel)
COVARIATES = ("log_prior_orders", "log_prior_spend", "log_tenure_days")
#: a group needs at least this many repurchases and this many orders without one for its own model
MIN_EVENTS = 10


def check_good_resolutions(complaints: pd.DataFrame, good_resolutions: Sequence[str] | str) -> list[str]:
    """*good_resolutions* as a list, refused when it names a resolution no complaint has.

    A misspelt value ("Good" for "good") would otherwise count every complaint as not resolved
    well, silently. A table without resolutions accepts any list (there is nothing to compare).

    Examples
    --------
    >>> c = pd.DataFrame({"resolution": ["good", "poor", None]})
    >>> check_good_resolutions(c, "good")
    ['good']
    >>> check_good_resolutions(c, ["Good"])
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: good_resolutions lists 'Good', which no complaint has; the resolutions in the complaints table are 'good', 'poor': list those that mean 'resolved well'.
    """
    listed = [str(g) for g in ([good_resolutions] if isinstance(good_resolutions, str) else good_resolutions)]
    present = sorted(complaints["resolution"].dropna().astype(str).unique()) if "resolution" in complaints else []
    unknown = [g for g in listed if g not in present]
    if present and unknown:
        raise ParameterError(f"good_resolutions lists {shown_names(unknown)}, which no complaint has; the "
                             f"resolutions in the complaints table are {shown_names(present)}: list those that "
                             f"mean 'resolved well'.")
    return listed


def recovery_orders(transactions: pd.DataFrame, complaints: pd.DataFrame, *, end: pd.Timestamp | str,
                    repurchase_days: int = 180, good_resolutions: Sequence[str] = ("good",)) -> pd.DataFrame:
    """One row per order: its recovery group, whether the customer bought again, and its history.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions, one row per order (``customer_id``, ``date``, ``amount``; optional
        ``channel``).
    complaints : DataFrame
        Canonical complaints (``customer_id``, ``date``; ``resolution``: missing = not resolved).
    end : date
        Observation end: later orders and complaints are left out, and an order counts (``eligible``)
        only if ``repurchase_days`` have passed by then.
    repurchase_days : int
        The repurchase window in days.
    good_resolutions : sequence of str
        Resolution values that count as "resolved well".

    Returns
    -------
    DataFrame
        ``customer_id``, ``date``, ``amount``, ``channel`` (when the transactions have one),
        ``recovery`` ("none", "good" or "poor"; an order with several complaints is "good" only if all
        were resolved well), ``complaints`` (their number), ``repurchased`` (1 if the customer ordered on
        a later day within ``repurchase_days``), ``prior_orders``, ``prior_spend`` (before this order's
        day), ``tenure_days`` (since the first order), ``log_prior_orders``, ``log_prior_spend``,
        ``log_tenure_days`` (``log1p`` of the three) and ``eligible``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 5.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-02"])})
    >>> c = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-05"]), "resolution": ["good"]})
    >>> recovery_orders(tx, c, end="2024-12-31")[["customer_id", "recovery", "repurchased", "prior_orders", "eligible"]]
      customer_id recovery  repurchased  prior_orders  eligible
    0           a     good            1             0      True
    1           a     none            0             1      True
    2           b     none            0             0      True
    """
    check_params({"repurchase_days": [Interval(int, 1, None, closed="left")]},
                 {"repurchase_days": repurchase_days}, "recovery_orders")
    good_resolutions = check_good_resolutions(complaints, good_resolutions)
    end = parse_date(end, "end")
    tx = transactions.loc[transactions["date"] < end + pd.Timedelta(days=1)]
    keep = ["customer_id", "date", "amount"] + (["channel"] if "channel" in tx else [])
    missing = [c for c in keep if c not in tx]
    if missing:
        raise DataValidationError(f"the service-recovery comparison needs the transactions column(s) "
                                  f"{shown_names(missing)}; map them under data: transactions in the study file")
    orders = tx[keep].copy()
    orders["customer_id"] = orders["customer_id"].astype(str)
    orders = orders.sort_values(["customer_id", "date"], kind="stable").reset_index(drop=True)
    orders["_order"] = np.arange(len(orders))
    orders["_day"] = orders["date"].dt.normalize()
    # the complaint's order: the last of the customer's orders on or before its date (the last row of that day)
    linked = link_complaints(complaints.loc[complaints["date"] < end + pd.Timedelta(days=1)], orders)
    linked = linked.loc[linked["order_date"].notna()]
    last_row = orders.groupby(["customer_id", "date"])["_order"].max()  # order_date is the order's own timestamp
    rows = last_row.reindex(pd.MultiIndex.from_arrays([linked["customer_id"].astype(str), linked["order_date"]])).to_numpy()
    resolution = linked["resolution"] if "resolution" in linked else pd.Series(pd.NA, index=linked.index)
    good = resolution.astype("string").isin([str(g) for g in good_resolutions]).fillna(False).to_numpy(bool)
    per_order = pd.DataFrame({"_order": rows, "good": good}).groupby("_order")["good"].agg(["size", "all"])
    orders["complaints"] = per_order["size"].reindex(orders["_order"]).fillna(0).astype(int).to_numpy()
    all_good = per_order["all"].reindex(orders["_order"]).fillna(False).astype(bool).to_numpy()
    orders["recovery"] = np.where(orders["complaints"] == 0, "none", np.where(all_good, "good", "poor"))
    # the next order on a later day, and the history before this order's day
    day = orders.groupby(["customer_id", "_day"], sort=False).agg(n=("amount", "size"), spend=("amount", "sum"))
    day = day.reset_index()
    grouped = day.groupby("customer_id", sort=False)
    day["next_date"] = grouped["_day"].shift(-1)
    day["prior_orders"] = grouped["n"].cumsum() - day["n"]
    day["prior_spend"] = grouped["spend"].cumsum() - day["spend"]
    day["first_date"] = grouped["_day"].transform("min")
    orders = orders.merge(day[["customer_id", "_day", "next_date", "prior_orders", "prior_spend", "first_date"]],
                          on=["customer_id", "_day"], how="left")
    gap = (orders["next_date"] - orders["_day"]).dt.days
    orders["repurchased"] = (gap <= repurchase_days).fillna(False).astype(int)
    orders["tenure_days"] = (orders["_day"] - orders["first_date"]).dt.days
    for name in ("prior_orders", "prior_spend", "tenure_days"):
        orders[f"log_{name}"] = np.log1p(orders[name].clip(lower=0).astype(float))
    orders["eligible"] = orders["_day"] <= end - pd.Timedelta(days=repurchase_days)
    columns = [*keep, "recovery", "complaints", "repurchased", "prior_orders", "prior_spend", "tenure_days",
               *COVARIATES, "eligible"]
    return orders[columns]


#: a ridge penalty on the standardised covariates (not the intercept), small against any sample the
#: comparison accepts: it keeps Newton's method stable when history covariates move together (a first
#: order has no prior orders, no prior spend and no tenure) without moving the predictions measurably
RIDGE = 1e-3


def _logit(x: np.ndarray, y: np.ndarray, start: np.ndarray | None = None, max_iter: int = 50) -> np.ndarray | None:
    """Logistic coefficients by Newton's method (ridge :data:`RIDGE`); None when it does not converge."""
    b = np.zeros(x.shape[1]) if start is None else start.copy()
    penalty = np.full(x.shape[1], RIDGE)
    penalty[0] = 0.0
    for _ in range(max_iter):
        p = 1.0 / (1.0 + np.exp(-(x @ b)))
        w = p * (1 - p)
        try:
            step = np.linalg.solve((x * w[:, None]).T @ x + np.diag(penalty), x.T @ (y - p) - penalty * b)
        except np.linalg.LinAlgError:
            return None
        b = b + step
        if not np.all(np.isfinite(b)) or np.abs(b).max() > 30:
            return None  # drifting to infinity: (quasi-)separation
        if np.abs(step).max() < 1e-8:
            return b
    return None


def _design(orders: pd.DataFrame, channels: list) -> np.ndarray:
    """Intercept, then the covariates and channel dummies standardised (constant ones left out)."""
    cols = [orders[c].to_numpy(float) for c in COVARIATES]
    cols += [(orders["channel"] == ch).to_numpy(float) for ch in channels[1:]]
    cols = [(c - c.mean()) / c.std() for c in cols if c.std() > 0]
    return np.column_stack([np.ones(len(orders)), *cols])


def _estimate(x: np.ndarray, y: np.ndarray, group: np.ndarray, starts: dict | None) -> tuple[dict, dict] | None:
    """Naive and standardised repurchase rates per group (None when a group's model fails)."""
    naive, adjusted, coefs = {}, {}, {}
    for g in GROUPS:
        mask = group == g
        if not mask.any():
            return None
        naive[g] = float(y[mask].mean())
        b = _logit(x[mask], y[mask], None if starts is None else starts.get(g))
        if b is None:
            return None
        coefs[g] = b
        adjusted[g] = float(np.mean(1.0 / (1.0 + np.exp(-(x @ b)))))
    return {"naive": naive, "adjusted": adjusted}, coefs


@dataclass(repr=False)
class RecoveryComparison(ResultMixin):
    """Result of :func:`recovery_comparison`.

    Attributes
    ----------
    rates : DataFrame
        Indexed by ``recovery`` ("none", "good", "poor"): the adjusted repurchase rate ``estimate``,
        ``std_error`` (bootstrap), ``ci_low``, ``ci_high`` (percentile), ``p_value`` (NaN); then
        ``orders``, ``customers``, ``repurchases``, ``naive`` (the raw rate), ``naive_ci_low``,
        ``naive_ci_high`` (customer bootstrap) and ``naive_wilson_low``, ``naive_wilson_high``
        (Wilson, as if orders were independent).
    effects : DataFrame
        Indexed by ``contrast`` ("good_ratio", "poor_ratio", "good_difference", "poor_difference"):
        ``estimate`` (adjusted risk ratio or difference against "none"), ``std_error``, ``ci_low``,
        ``ci_high``, ``p_value`` (bootstrap, against 1 for a ratio and 0 for a difference); ``group``,
        ``measure`` ("ratio" or "difference"), ``naive``, ``naive_ci_low``, ``naive_ci_high``.
        Also returned by :meth:`summary`.
    balance : DataFrame
        The standardised mean difference of each history covariate between "good" and "none" and between
        "poor" and "none" (:func:`analysis.channels.covariate_balance`: ``arm``, ``covariate``, ``value``,
        ``smd``, ``abs_smd``).
    bootstrap : DataFrame
        One row (index ``bootstrap``): ``n_bootstrap`` asked, ``n_failed`` (replicates where a group's
        model did not converge or a group was empty; left out).
    covariates : list of str
        The model's covariates (history and channel dummies).
    """

    rates: pd.DataFrame
    effects: pd.DataFrame
    balance: pd.DataFrame
    bootstrap: pd.DataFrame
    covariates: list

    def summary(self) -> pd.DataFrame:
        """The effects table."""
        return self.effects


def _percentile(draws: np.ndarray, alpha: float) -> tuple[float, float]:
    if len(draws) == 0:
        return np.nan, np.nan
    low, high = np.quantile(draws, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)


def _p_value(draws: np.ndarray, null: float) -> float:
    if len(draws) == 0:
        return np.nan
    return float(min(1.0, 2 * min(np.mean(draws <= null), np.mean(draws >= null))))


def recovery_counts(orders: pd.DataFrame) -> pd.DataFrame:
    """Eligible orders per recovery group, with and without a repurchase, and whether the group is large
    enough for its own repurchase model.

    Parameters
    ----------
    orders : DataFrame
        :func:`recovery_orders`' table.

    Returns
    -------
    DataFrame
        Indexed by ``recovery`` ("none", "good", "poor"): ``orders``, ``customers``, ``repurchases``,
        ``no_repurchase`` and ``enough`` (at least :data:`MIN_EVENTS` orders with and without a repurchase).

    Examples
    --------
    >>> import pandas as pd
    >>> o = pd.DataFrame({"customer_id": list("abc"), "recovery": ["none", "none", "good"],
    ...                   "repurchased": [1, 0, 1], "eligible": True})
    >>> recovery_counts(o)["orders"].tolist()
    [2, 1, 0]
    """
    data = orders.loc[orders["eligible"].astype(bool)]
    grouped = data.groupby("recovery")
    out = pd.DataFrame({"orders": grouped.size(), "customers": grouped["customer_id"].nunique(),
                        "repurchases": grouped["repurchased"].sum()}).reindex(list(GROUPS), fill_value=0)
    out = out.astype(int)
    out["no_repurchase"] = out["orders"] - out["repurchases"]
    out["enough"] = out[["repurchases", "no_repurchase"]].min(axis=1) >= MIN_EVENTS
    out.index.name = "recovery"
    return out


def recovery_comparison(orders: pd.DataFrame, *, n_bootstrap: int = 200, alpha: float = 0.05,
                        seed: int | np.random.Generator = 0) -> RecoveryComparison:
    """Repurchase after a complaint resolved well, badly, or no complaint: naive and adjusted, with ratios.

    Parameters
    ----------
    orders : DataFrame
        :func:`recovery_orders`' table (only ``eligible`` rows are used).
    n_bootstrap : int
        Bootstrap replicates (customers resampled with replacement).
    alpha : float
        One minus the confidence level.
    seed : int or numpy Generator

    Returns
    -------
    RecoveryComparison

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(2)
    >>> n = 6000
    >>> prior = rng.poisson(3, n)
    >>> group = np.where(rng.random(n) < 0.15, np.where(rng.random(n) < 0.6, "good", "poor"), "none")
    >>> p = 1 / (1 + np.exp(-(-0.5 + 0.3 * prior))) * np.select([group == "good", group == "poor"], [0.95, 0.6], 1)
    >>> orders = pd.DataFrame({"customer_id": np.arange(n).astype(str), "recovery": group, "eligible": True,
    ...     "repurchased": (rng.random(n) < p).astype(int), "log_prior_orders": np.log1p(prior),
    ...     "log_prior_spend": np.log1p(prior * rng.gamma(4, 8, n)), "log_tenure_days": np.log1p(rng.gamma(2, 90, n))})
    >>> res = recovery_comparison(orders, n_bootstrap=50)
    >>> res.effects.loc[["good_ratio", "poor_ratio"], "estimate"].round(2).tolist()  # true 0.95 and 0.6
    [0.97, 0.64]
    """
    alpha = check_alpha(alpha, "recovery_comparison")
    check_params({"n_bootstrap": [Interval(int, 0, None, closed="left")]}, {"n_bootstrap": n_bootstrap},
                 "recovery_comparison")
    missing = [c for c in ("customer_id", "recovery", "repurchased", "eligible", *COVARIATES) if c not in orders]
    if missing:
        raise ParameterError(f"recovery_comparison needs the table of recovery_orders; it lacks {shown_names(missing)}")
    data = orders.loc[orders["eligible"].astype(bool)].reset_index(drop=True)
    counts = recovery_counts(data)
    thin = [g for g in GROUPS if not counts.loc[g, "enough"]]
    if thin:
        raise DataValidationError(
            f"too few eligible orders to compare repurchase after complaints: group(s) {shown_names(thin)} have "
            f"fewer than {MIN_EVENTS} orders with and {MIN_EVENTS} without a repurchase; use a shorter repurchase_days, "
            f"a later observation_end, or more data")
    channels = sorted(data["channel"].dropna().astype(str).unique()) if "channel" in data else []
    if channels:
        data = data.assign(channel=data["channel"].astype(str))
    x = _design(data, channels)
    y = data["repurchased"].to_numpy(float)
    group = data["recovery"].to_numpy(str)
    full = _estimate(x, y, group, None)
    if full is None:
        raise DataValidationError(
            "the repurchase model did not converge within a recovery group (a covariate or channel predicts "
            "repurchase perfectly there); compare with fewer channels or more data")
    point, starts = full
    rng = rng_from(seed)
    codes, uniques = pd.factorize(data["customer_id"])
    by_customer = np.split(np.argsort(codes, kind="stable"), np.cumsum(np.bincount(codes))[:-1])
    draws, failed = [], 0
    for _ in range(n_bootstrap):
        pick = rng.integers(0, len(uniques), len(uniques))
        rows = np.concatenate([by_customer[i] for i in pick])
        est = _estimate(x[rows], y[rows], group[rows], starts)
        if est is None:
            failed += 1
            continue
        draws.append(est[0])
    rates = _rates_table(counts, point, draws, alpha)
    effects = _effects_table(point, draws, alpha)
    covariates = [*COVARIATES, *[f"channel_{c}" for c in channels[1:]]]
    boot = pd.DataFrame({"n_bootstrap": [n_bootstrap], "n_failed": [failed]},
                        index=pd.Index(["bootstrap"], name="item"))
    balance = covariate_balance(data, "recovery", list(COVARIATES), "none")
    return RecoveryComparison(rates, effects, balance, boot, covariates)


def _rates_table(counts, point, draws, alpha) -> pd.DataFrame:
    rows = {}
    for g in GROUPS:
        adj = np.array([d["adjusted"][g] for d in draws])
        naive = np.array([d["naive"][g] for d in draws])
        low, high = _percentile(adj, alpha)
        n_low, n_high = _percentile(naive, alpha)
        w_low, w_high = wilson_interval(int(counts.loc[g, "repurchases"]), int(counts.loc[g, "orders"]), alpha)
        rows[g] = {"estimate": point["adjusted"][g], "std_error": float(adj.std(ddof=1)) if len(adj) > 1 else np.nan,
                   "ci_low": low, "ci_high": high, "p_value": np.nan, "orders": int(counts.loc[g, "orders"]),
                   "customers": int(counts.loc[g, "customers"]), "repurchases": int(counts.loc[g, "repurchases"]),
                   "naive": point["naive"][g], "naive_ci_low": n_low, "naive_ci_high": n_high,
                   "naive_wilson_low": float(w_low), "naive_wilson_high": float(w_high)}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "recovery"
    return out


def _effects_table(point, draws, alpha) -> pd.DataFrame:
    rows = {}
    for measure, null in (("ratio", 1.0), ("difference", 0.0)):
        def contrast(est, g):
            return est[g] / est["none"] if measure == "ratio" else est[g] - est["none"]
        for g in GROUPS[1:]:
            adj = np.array([contrast(d["adjusted"], g) for d in draws])
            naive = np.array([contrast(d["naive"], g) for d in draws])
            low, high = _percentile(adj, alpha)
            n_low, n_high = _percentile(naive, alpha)
            rows[f"{g}_{measure}"] = {
                "estimate": contrast(point["adjusted"], g), "std_error": float(adj.std(ddof=1)) if len(adj) > 1 else np.nan,
                "ci_low": low, "ci_high": high, "p_value": _p_value(adj, null), "group": g, "measure": measure,
                "naive": contrast(point["naive"], g), "naive_ci_low": n_low, "naive_ci_high": n_high}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "contrast"
    return out


def flag_comparison(customers: pd.DataFrame, flag: str, outcome: str | None = None, covariates: Sequence[str] = (),
                    *, alpha: float = 0.05) -> tuple[pd.DataFrame, AdjustedComparison | None, pd.DataFrame | None]:
    """Customers who complained (a 0/1 column) against the others: their share, and an outcome compared.

    Parameters
    ----------
    customers : DataFrame
        One row per customer with the ``flag`` column (1 = complained, 0 = did not).
    flag : str
        The complaint flag column.
    outcome : str, optional
        Column compared between complainers and the others (0/1: a logistic model; else linear); None
        gives the share only.
    covariates : sequence of str
        Prior value to adjust for (e.g. income, spend); rows with a missing covariate are left out of
        the comparison (with a warning), not of the share.
    alpha : float

    Returns
    -------
    (share, comparison, balance)
        ``share``: one row (index ``all``) with ``customers``, ``complainers``, ``estimate`` (the share who
        complained), ``std_error`` (NaN), ``ci_low``, ``ci_high`` (Wilson), ``p_value`` (NaN).
        ``comparison``: :func:`analysis.channels.adjusted_comparison` of ``outcome`` between
        ``complained`` and ``no_complaint`` (the reference), unadjusted and adjusted (None without an outcome).
        ``balance``: :func:`analysis.channels.covariate_balance` of the covariates between the two groups
        (None without an outcome or covariates).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Complain": [0, 0, 1, 0, 1, 0] * 20, "Response": [0, 1, 1, 0, 0, 0] * 20,
    ...                    "spend": [10, 50, 30, 20, 40, 10] * 20})
    >>> share, comp, balance = flag_comparison(df, "Complain", "Response", ["spend"])
    >>> round(float(share.loc["all", "estimate"]), 3), comp.effects["group"].tolist()
    (0.333, ['complained'])
    """
    alpha = check_alpha(alpha, "flag_comparison")
    covariates = list(covariates)
    missing = [c for c in (flag, *([outcome] if outcome else []), *covariates) if c not in customers]
    if missing:
        raise ParameterError(f"the customers table has no column {shown_names(missing)}; set complaint_flag, "
                             f"complaint_outcome and complaint_covariates to columns it has")
    values = pd.to_numeric(customers[flag], errors="coerce")
    bad = values.notna() & ~values.isin([0, 1])
    if bad.any() or values.notna().sum() == 0:
        raise DataValidationError(f"the complaint flag {flag!r} must be 0 or 1 (1 = complained); "
                                  f"{int(bad.sum())} row(s) hold other values")
    known = values.dropna()
    n, k = len(known), int(known.sum())
    low, high = wilson_interval(k, n, alpha)
    share = pd.DataFrame({"customers": [n], "complainers": [k], "estimate": [k / n], "std_error": [np.nan],
                          "ci_low": [float(low)], "ci_high": [float(high)], "p_value": [np.nan]},
                         index=pd.Index(["all"], name="group"))
    if not outcome:
        return share, None, None
    data = customers.loc[values.notna(), [outcome, *covariates]].assign(
        complaint=np.where(known == 1, "complained", "no_complaint"))
    comparison = adjusted_comparison(data, "complaint", outcome, covariates, reference="no_complaint", alpha=alpha)
    balance = covariate_balance(data, "complaint", covariates, "no_complaint") if covariates else None
    return share, comparison, balance
