"""Channel economics: acquisition cost, first-year value, ROI and payback by channel.

Value is observed, not modelled: a customer's value over a window is the gross
margin on their purchases in that window minus the cost to serve those orders.
First-year value uses only customers observed for the whole first year after
acquisition. The payback month is the first month after acquisition in which the
channel's mean cumulative value per customer reaches its mean acquisition cost
(customers observed at least that many months). Intervals come from a bootstrap
over customers within each channel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.channels._common import (ALPHA, COLUMN, FRAME, MARGIN, N_BOOTSTRAP, OPTIONAL_COLUMN, SEED, _first_rows,
                                       check_columns)
from analysis.checks import DEFAULT_SEED, Interval, rng_from, validate_params
from analysis.errors import DataValidationError
from analysis.window import UNIT_DAYS, parse_date

__all__ = ["channel_economics", "customer_value", "observation_cutoff", "economics_estimates", "profit_verdict",
           "VERDICTS"]

_DAYS_PER_MONTH = UNIT_DAYS["M"]
_VALUE_CHECKS = {"customers": FRAME, "transactions": FRAME, "channel": COLUMN, "cost": COLUMN,
                 "cost_to_serve": OPTIONAL_COLUMN, "margin": MARGIN,
                 "horizon_days": [Interval(int, 1, None, closed="left")],
                 "max_months": [Interval(int, 1, None, closed="left")]}


#: the verdicts on an arm's (or a channel's) profit, decided by its interval
VERDICTS = ("profitable", "loss", "uncertain")


def profit_verdict(low, high):
    """The verdict on a profit whose interval is ``(low, high)``: ``profitable`` when the whole
    interval is above zero, ``loss`` when it is below, ``uncertain`` when it spans zero (or is unknown).

    Examples
    --------
    >>> profit_verdict(0.2, 0.9), profit_verdict(-0.3, 0.4), profit_verdict(-2.0, -0.1)
    ('profitable', 'uncertain', 'loss')
    """
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    out = np.where(low > 0, "profitable", np.where(high < 0, "loss", "uncertain"))
    return str(out) if out.ndim == 0 else out.astype(object)


def observation_cutoff(observation_end, transactions: pd.DataFrame) -> pd.Timestamp:
    """The last observed day: ``observation_end`` parsed by :func:`analysis.window.parse_date`,
    or by default the day of the last transaction (the package's one default).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"date": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-03-01 15:00")]})
    >>> observation_cutoff(None, tx), observation_cutoff("2024-02-01", tx)
    (Timestamp('2024-03-01 00:00:00'), Timestamp('2024-02-01 00:00:00'))
    """
    if observation_end is not None:
        return parse_date(observation_end, "observation_end")
    return parse_date(transactions["date"].max(), "last transaction date")


@validate_params(_VALUE_CHECKS)
def customer_value(
    customers: pd.DataFrame,
    transactions: pd.DataFrame,
    *,
    channel: str = "acquisition_channel",
    cost: str = "acquisition_cost",
    cost_to_serve: str | None = "cost_to_serve",
    margin: float = 1.0,
    horizon_days: int = 365,
    max_months: int = 24,
    observation_end=None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Per-customer value table and cumulative monthly value matrix.

    Purchases up to and including ``observation_end`` count (default: the day of
    the last transaction); a month is ``analysis.window.UNIT_DAYS["M"]`` days.

    Returns
    -------
    (table, curve)
        ``table`` has ``customer_id``, ``channel``, ``acquisition_cost``,
        ``tenure_days``, ``eligible`` (observed for the whole horizon),
        ``orders_horizon``, ``revenue_horizon``, ``value_horizon``, ``value_to_date``;
        ``curve[i, m-1]`` is customer i's cumulative value by the end of month m
        (NaN where not observed that long).

    Examples
    --------
    >>> import pandas as pd
    >>> cust = pd.DataFrame({"customer_id": ["a"], "acquisition_channel": ["web"],
    ...                      "acquisition_cost": [10.0], "acquisition_date": pd.to_datetime(["2024-01-01"])})
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [20.0, 30.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01"])})
    >>> t, curve = customer_value(cust, tx, cost_to_serve=None, margin=0.5, observation_end="2025-06-30")
    >>> float(t.loc[0, "value_horizon"]), curve[0, :3].tolist()
    (25.0, [10.0, 25.0, 25.0])
    """
    need = ["customer_id", channel, cost] + ([cost_to_serve] if cost_to_serve else [])
    check_columns(customers, need, "customers")
    check_columns(transactions, ["customer_id", "date", "amount"], "transactions")
    cust = customers.copy()
    bad = pd.to_numeric(cust[cost], errors="coerce")
    if bad.isna().any() or (bad < 0).any():
        rows = np.flatnonzero((bad.isna() | (bad < 0)).to_numpy()) + 1
        raise DataValidationError(f"Column {cost!r} needs a non-negative cost for every customer; "
                                  f"{_first_rows(rows, cust[cost].to_numpy()[rows - 1])} break it.")
    tx = transactions[["customer_id", "date", "amount"]]
    first = tx.groupby("customer_id")["date"].min()
    if "acquisition_date" in cust.columns:
        acq = pd.to_datetime(cust["acquisition_date"]).fillna(cust["customer_id"].map(first))
    else:
        acq = cust["customer_id"].map(first)
    if acq.isna().any():
        raise DataValidationError(
            f"{int(acq.isna().sum())} customer(s) have neither an acquisition_date nor any transaction."
        )
    end = observation_cutoff(observation_end, tx) + pd.Timedelta(days=1)
    cust["_acq"] = acq.dt.normalize().to_numpy()
    serve = cust[cost_to_serve].astype(float) if cost_to_serve else pd.Series(0.0, index=cust.index)
    cust["_serve"] = serve.to_numpy()
    merged = tx.merge(cust[["customer_id", "_acq", "_serve"]], on="customer_id", how="inner")
    merged = merged.loc[merged["date"] < end]
    age = (merged["date"] - merged["_acq"]).dt.total_seconds().to_numpy() / 86400.0
    merged = merged.assign(_age=np.maximum(age, 0.0),
                           _value=margin * merged["amount"].to_numpy(float) - merged["_serve"].to_numpy())
    idx = pd.Index(cust["customer_id"])
    pos = idx.get_indexer(merged["customer_id"])
    n = len(cust)
    in_h = merged["_age"].to_numpy() < horizon_days
    orders_h = np.bincount(pos[in_h], minlength=n).astype(float)
    revenue_h = np.bincount(pos[in_h], weights=merged["amount"].to_numpy(float)[in_h], minlength=n)
    value_h = np.bincount(pos[in_h], weights=merged["_value"].to_numpy()[in_h], minlength=n)
    value_all = np.bincount(pos, weights=merged["_value"].to_numpy(), minlength=n)
    tenure = (end - cust["_acq"]).dt.total_seconds().to_numpy() / 86400.0
    month = np.floor(merged["_age"].to_numpy() / _DAYS_PER_MONTH).astype(int)
    keep = month < max_months
    per_month = np.zeros((n, max_months))
    np.add.at(per_month, (pos[keep], month[keep]), merged["_value"].to_numpy()[keep])
    curve = np.cumsum(per_month, axis=1)
    observed_months = np.floor(tenure / _DAYS_PER_MONTH)
    curve[np.arange(max_months)[None, :] + 1 > observed_months[:, None]] = np.nan
    table = pd.DataFrame({
        "customer_id": cust["customer_id"].to_numpy(), "channel": cust[channel].to_numpy(),
        "acquisition_cost": cust[cost].astype(float).to_numpy(), "tenure_days": tenure,
        "eligible": tenure >= horizon_days, "orders_horizon": orders_h,
        "revenue_horizon": revenue_h, "value_horizon": value_h, "value_to_date": value_all,
    })
    return table, curve


def _boot_se(replicates: np.ndarray) -> float:
    """Bootstrap standard error: the standard deviation of the finite replicates."""
    x = replicates[np.isfinite(replicates)]
    return float(np.std(x, ddof=1)) if x.size > 1 else np.nan


def economics_estimates(table: pd.DataFrame, measures=None) -> pd.DataFrame:
    """A per-channel table of measures with intervals, in the package's one estimate shape.

    :func:`channel_economics` and :func:`~analysis.channels.lifetime_economics` give one
    row per channel and several measures side by side (``cac``, ``cac_std_error``,
    ``cac_ci_low``, ``cac_ci_high``, ``roi``, ...). This gives one row per channel and
    measure with ``estimate, std_error, ci_low, ci_high, p_value`` (no test here, so
    ``p_value`` is NaN; a column the table lacks is NaN too).

    Parameters
    ----------
    table : DataFrame
        Indexed by channel.
    measures : sequence of str, optional
        Measures to take; default every column that has a ``<measure>_ci_low``.

    Examples
    --------
    >>> import pandas as pd
    >>> eco = pd.DataFrame({"cac": [10.0], "cac_ci_low": [9.0], "cac_ci_high": [11.5], "cac_std_error": [0.6]},
    ...                    index=pd.Index(["web"], name="channel"))
    >>> economics_estimates(eco).loc[("web", "cac")].tolist()
    [10.0, 0.6, 9.0, 11.5, nan]
    """
    if measures is None:
        measures = [c[: -len("_ci_low")] for c in table.columns if c.endswith("_ci_low")]
    parts = []
    for name in measures:
        column = lambda suffix: table[f"{name}{suffix}"] if f"{name}{suffix}" in table else np.nan  # noqa: E731
        parts.append(pd.DataFrame({"estimate": table[name], "std_error": column("_std_error"),
                                   "ci_low": column("_ci_low"), "ci_high": column("_ci_high"), "p_value": np.nan,
                                   "measure": name}, index=table.index))
    out = pd.concat(parts).set_index("measure", append=True)
    order = {name: i for i, name in enumerate(measures)}
    return out.sort_index(level=1, key=lambda m: m.map(order), sort_remaining=False, kind="stable")


def _payback(curve: np.ndarray, w: np.ndarray, cac: float) -> float:
    """First month where the weighted mean cumulative value (observed customers) reaches cac."""
    obs = ~np.isnan(curve)
    num = (np.nan_to_num(curve) * w[:, None]).sum(0)
    den = (obs * w[:, None]).sum(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(den > 0, num / den, np.nan)
    hit = np.flatnonzero(mean >= cac)
    return float(hit[0] + 1) if hit.size else np.nan


@validate_params({**_VALUE_CHECKS, "n_bootstrap": N_BOOTSTRAP, "alpha": ALPHA, "seed": SEED})
def channel_economics(
    customers: pd.DataFrame,
    transactions: pd.DataFrame,
    *,
    channel: str = "acquisition_channel",
    cost: str = "acquisition_cost",
    cost_to_serve: str | None = "cost_to_serve",
    margin: float = 1.0,
    horizon_days: int = 365,
    max_months: int = 24,
    observation_end=None,
    n_bootstrap: int = 200,
    alpha: float = 0.05,
    seed: int | np.random.Generator = DEFAULT_SEED,
) -> pd.DataFrame:
    """CAC, first-year value, ROI, value-to-cost ratio and payback month by channel.

    Parameters
    ----------
    customers : DataFrame
        ``customer_id``, the channel column, the acquisition cost column, optionally
        ``acquisition_date`` (else the first purchase) and a cost to serve per order.
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``, ``amount``).
    margin : float
        Gross margin share of revenue.
    horizon_days : int
        Length of the "first-year" window.
    max_months : int
        Longest payback period looked for.
    n_bootstrap : int
        Bootstrap replicates over customers for the intervals (0 for none).

    Returns
    -------
    DataFrame
        Indexed by channel, sorted by ``value_to_cost`` (best first): ``n_customers``,
        ``n_eligible``, ``cac``, ``first_year_revenue``, ``first_year_value``,
        ``roi`` (= (value - cac) / cac), ``value_to_cost``, ``payback_months`` (NaN:
        not within ``max_months``), ``value_to_date``, ``*_ci_low``/``*_ci_high``
        (percentile bootstrap) for ``cac``, ``first_year_value``, ``roi`` and
        ``payback_months``, ``*_std_error`` (bootstrap standard deviation) for
        ``cac``, ``first_year_value`` and ``roi``, and ``verdict`` (:func:`profit_verdict` of
        the first-year ROI interval: ``profitable`` only when the whole interval is above 0;
        ``uncertain`` without a bootstrap). :func:`economics_estimates` gives the
        same numbers in the one estimate shape, one row per channel and measure.

    Examples
    --------
    >>> from analysis.simulate import simulate_service_firm
    >>> firm = simulate_service_firm(400, seed=2)
    >>> eco = channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=0)
    >>> sorted(eco.index) == sorted(firm.truth.channels)
    True
    """
    table, curve = customer_value(customers, transactions, channel=channel, cost=cost,
                                  cost_to_serve=cost_to_serve, margin=margin, horizon_days=horizon_days,
                                  max_months=max_months, observation_end=observation_end)
    rng = rng_from(seed)
    rows = {}
    lo, hi = 100 * alpha / 2, 100 * (1 - alpha / 2)
    for ch in sorted(table["channel"].unique()):
        m = (table["channel"] == ch).to_numpy()
        sub = table.loc[m]
        cv = curve[m]
        el = sub["eligible"].to_numpy()
        cac_i = sub["acquisition_cost"].to_numpy()
        fyv_i = sub["value_horizon"].to_numpy()

        def stats_for(w):
            cac = (w * cac_i).sum() / w.sum()
            we = w * el
            fyv = (we * fyv_i).sum() / we.sum() if we.sum() > 0 else np.nan
            return cac, fyv, (fyv - cac) / cac if cac > 0 else np.nan, _payback(cv, w, cac)

        cac, fyv, roi, pay = stats_for(np.ones(m.sum()))
        row = {"n_customers": int(m.sum()), "n_eligible": int(el.sum()), "cac": cac,
               "first_year_revenue": sub.loc[sub["eligible"], "revenue_horizon"].mean(),
               "first_year_value": fyv, "roi": roi, "value_to_cost": fyv / cac if cac > 0 else np.nan,
               "payback_months": pay, "value_to_date": sub["value_to_date"].mean()}
        if n_bootstrap:
            boot = np.array([stats_for(rng.multinomial(m.sum(), np.full(m.sum(), 1 / m.sum())).astype(float))
                             for _ in range(n_bootstrap)])
            for j, name in enumerate(("cac", "first_year_value", "roi", "payback_months")):
                col = boot[:, j]
                if name == "payback_months":
                    # replicates that never pay back count as beyond the window (NaN bound)
                    col = np.where(np.isnan(col), max_months + 1, col)
                bounds = np.percentile(col, [lo, hi])
                if name == "payback_months":
                    bounds = np.where(bounds > max_months, np.nan, bounds)
                row[f"{name}_ci_low"], row[f"{name}_ci_high"] = float(bounds[0]), float(bounds[1])
            for j, name in enumerate(("cac", "first_year_value", "roi")):
                row[f"{name}_std_error"] = _boot_se(boot[:, j])
        rows[ch] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "channel"
    out["verdict"] = profit_verdict(out.get("roi_ci_low", np.nan), out.get("roi_ci_high", np.nan))
    return out.sort_values("value_to_cost", ascending=False)
