"""Lifetime channel economics: acquisition cost against expected lifetime value by channel.

:func:`channel_clv` fits the CLV module's BG/NBD (purchases) and Gamma-Gamma
(spend per purchase) models, one pair per acquisition channel by default, and
returns each customer's expected residual value; :func:`lifetime_economics` turns
any such per-customer table into channel economics.

Definitions (per customer, in currency units)

- ``value_to_date``: observed, undiscounted gross margin on every purchase from
  acquisition to the observation end, minus the cost to serve those orders (the
  same value as :func:`analysis.channels.customer_value`).
- ``residual_value``: the CLV module's expected discounted gross margin over the
  next ``horizon`` (``clv``) minus the cost to serve the expected purchases,
  discounted the same way (``discounted_purchases``; when the table lacks it the
  undiscounted ``expected_purchases`` are used, which slightly overstates the cost).
- ``lifetime_value = value_to_date + residual_value``: value realised so far plus
  the value still expected, discounted to the observation end. Customers of
  different ages are summed as they are, so the lifetime is "to date + horizon",
  not a fixed number of years from acquisition.

Per channel: ``cac`` (mean acquisition cost), the means of the three values,
``value_to_cost = lifetime_value / cac`` and ``roi = (lifetime_value - cac) / cac``.

Intervals come from a bootstrap over customers within each channel (seeded). They
carry the sampling variation of the channel's customers given the fitted models,
**not** the uncertainty of the model parameters; ``residual_param_se_bound`` (the
channel mean of the per-customer delta-method ``clv_std_error``, when the table has it)
bounds the standard error that parameter uncertainty adds to the mean residual value
(the standard error of a mean is at most the mean of the standard errors).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.channels._common import (ALPHA, COLUMN, FRAME, MARGIN, N_BOOTSTRAP, OPTIONAL_COLUMN, SEED,
                                       check_columns)
from analysis.channels.economics import _boot_se, customer_value, profit_verdict
from analysis.checks import DEFAULT_SEED, Interval, Options, rng_from, validate_params
from analysis.clv import BetaGeo, GammaGamma, customer_lifetime_value
from analysis.errors import DataValidationError
from analysis.results import ESTIMATE_COLUMNS, ResultMixin, order_estimate_columns
from analysis.summary import customer_summary
from analysis.window import parse_date

__all__ = ["ChannelCLV", "channel_clv", "lifetime_economics", "first_year_vs_lifetime", "CLV_HORIZON"]

#: the forecast horizon notebook 02 uses unless a study sets one, in its time units (weeks by
#: default); :func:`channel_clv` defaults to it so that notebooks 02 and 04 value customers alike
CLV_HORIZON = 52


@dataclass(repr=False)
class ChannelCLV(ResultMixin):
    """Result of :func:`channel_clv`.

    Attributes
    ----------
    values : DataFrame
        Indexed by ``customer_id``: ``channel``, ``frequency``, ``recency``, ``T``,
        ``monetary_value`` (the summary), ``p_alive``, ``expected_purchases``,
        ``discounted_purchases``, ``expected_spend``, ``clv`` and, with an interval,
        ``clv_std_error``, ``clv_ci_low``, ``clv_ci_high``.
    models : dict
        ``{channel: (BetaGeo, GammaGamma)}`` (one key ``"all"`` when pooled).
    params : DataFrame
        Tidy estimates in the package's shape: ``estimate``, ``std_error``, ``ci_low``,
        ``ci_high``, ``p_value`` exactly as each fitted model's own ``summary()`` gives
        them (NaN where it has none), then ``group``, ``model``, ``parameter``. Also
        returned by :meth:`summary`.
    """

    values: pd.DataFrame
    models: dict
    params: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        """The fitted models' parameter estimates, one row per channel, model and parameter (:attr:`params`)."""
        return self.params


def _params_table(group, name: str, model) -> pd.DataFrame:
    """One model's ``summary()`` in the estimate shape, labelled with its channel and model."""
    s = order_estimate_columns(model.summary())
    out = s[list(ESTIMATE_COLUMNS)].reset_index(drop=True)
    return out.assign(group=group, model=name, parameter=list(s.index))


@validate_params({"customers": FRAME, "transactions": FRAME, "channel": COLUMN, "by_channel": [bool],
                  "horizon": [Interval(float, 0.0, None, closed="neither")], "margin": MARGIN,
                  "discount_rate": [Interval(float, 0.0, None, closed="left")],
                  "interval": [Options({"delta", "bootstrap"}), None]})
def channel_clv(
    customers: pd.DataFrame,
    transactions: pd.DataFrame,
    *,
    channel: str = "acquisition_channel",
    by_channel: bool = True,
    observation_end=None,
    horizon: float = float(CLV_HORIZON),
    margin: float = 1.0,
    discount_rate: float = 0.10,
    interval: str | None = "delta",
) -> ChannelCLV:
    """Fit BG/NBD + Gamma-Gamma (per channel or pooled) and value every customer.

    Parameters
    ----------
    customers : DataFrame
        ``customer_id`` and the channel column.
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``, ``amount``).
    channel : str
        Channel column of ``customers``.
    by_channel : bool
        One model pair per channel (channels may differ in every parameter) or one
        pooled pair (channel differences then come only from customers' histories).
    observation_end : date-like, optional
        Last observed day; default the last transaction date.
    horizon : float
        Forecast length in weeks; the default, :data:`CLV_HORIZON` (52), is notebook 02's, so
        the two notebooks value customers over the same horizon unless a study sets them apart.
    margin : float
        Gross margin share of revenue (0 < margin <= 1).
    discount_rate : float
        Annual discount rate.
    interval : {"delta", "bootstrap", None}
        Passed to :func:`analysis.clv.customer_lifetime_value` (parameter uncertainty
        of each customer's CLV).

    Returns
    -------
    ChannelCLV

    Raises
    ------
    DataValidationError
        A channel has fewer than 2 repeat buyers (the spend model cannot be fitted),
        or the channel column is missing.

    Examples
    --------
    >>> from analysis.simulate import simulate_service_firm
    >>> firm = simulate_service_firm(1500, seed=4)
    >>> res = channel_clv(firm.customers, firm.transactions, margin=0.3, interval=None)
    >>> sorted(res.models) == sorted(firm.truth.channels), bool((res.values["clv"] >= 0).all())
    (True, True)
    """
    check_columns(customers, ["customer_id", channel], "customers")
    end = parse_date(observation_end, "observation_end") if observation_end is not None else None
    summary = customer_summary(transactions, end, time_unit="W")
    labels = customers.set_index("customer_id")[channel]
    summary = summary.loc[summary.index.isin(labels.index)]
    groups = labels.reindex(summary.index) if by_channel else pd.Series("all", index=summary.index)
    kw = dict(horizon=horizon, time_unit="W", margin=margin, discount_rate=discount_rate)
    parts, models, params = [], {}, []
    for g in sorted(groups.dropna().unique()):
        data = summary.loc[(groups == g).to_numpy()]
        repeat = data[(data["frequency"] > 0) & (data["monetary_value"] > 0)]
        if len(repeat) < 2:
            raise DataValidationError(
                f"Channel {g!r} has {len(repeat)} repeat buyer(s); the Gamma-Gamma spend model needs at least 2 "
                "(and realistically dozens). Pool channels with by_channel=False or merge small channels."
            )
        bg = BetaGeo().fit(data)
        gg = GammaGamma().fit(repeat)
        models[g] = (bg, gg)
        value = customer_lifetime_value(bg, data, spend_model=gg, interval=interval, **kw)
        disc = customer_lifetime_value(bg, data, spend=1.0, interval=None, **{**kw, "margin": 1.0})
        value.insert(2, "discounted_purchases", disc["clv"].to_numpy())
        parts.append(data.join(value).assign(channel=labels.reindex(data.index).to_numpy()))
        params += [_params_table(g, "BG/NBD", bg), _params_table(g, "Gamma-Gamma", gg)]
    values = pd.concat(parts).sort_index()
    cols = ["channel"] + [c for c in values.columns if c != "channel"]
    return ChannelCLV(values[cols], models, pd.concat(params, ignore_index=True))


@validate_params({"customers": FRAME, "transactions": FRAME, "clv": FRAME, "channel": COLUMN, "cost": COLUMN,
                  "cost_to_serve": OPTIONAL_COLUMN, "margin": MARGIN, "n_bootstrap": N_BOOTSTRAP, "alpha": ALPHA,
                  "seed": SEED})
def lifetime_economics(
    customers: pd.DataFrame,
    transactions: pd.DataFrame,
    clv: pd.DataFrame,
    *,
    channel: str = "acquisition_channel",
    cost: str = "acquisition_cost",
    cost_to_serve: str | None = "cost_to_serve",
    margin: float = 1.0,
    observation_end=None,
    n_bootstrap: int = 200,
    alpha: float = 0.05,
    seed: int | np.random.Generator = DEFAULT_SEED,
) -> pd.DataFrame:
    """CAC, value to date, expected residual and lifetime value, value-to-cost and ROI by channel.

    Parameters
    ----------
    customers : DataFrame
        ``customer_id``, the channel and acquisition cost columns, optionally
        ``acquisition_date`` and a cost to serve per order.
    transactions : DataFrame
        Canonical transactions, for the observed value to date.
    clv : DataFrame
        Per-customer residual value indexed by ``customer_id`` with ``clv`` (expected
        discounted gross margin, e.g. :attr:`ChannelCLV.values` or the output of
        :func:`analysis.clv.customer_lifetime_value` with ``margin`` set), and
        ``discounted_purchases`` or ``expected_purchases`` when a cost to serve is
        charged; ``clv_std_error`` optional. Every customer must have a row.
    margin : float
        Gross margin share used for the value to date (use the one the CLV used).
    n_bootstrap : int
        Bootstrap replicates over customers (0 for none).
    alpha : float
        One minus the interval's confidence level.
    seed : int or Generator
        Randomness of the bootstrap.

    Returns
    -------
    DataFrame
        Indexed by channel, best ``value_to_cost`` first: ``rank``, ``n_customers``,
        ``cac``, ``value_to_date``, ``residual_value``, ``lifetime_value``,
        ``value_to_cost``, ``roi``, ``residual_param_se_bound`` (NaN without
        ``clv_std_error``), ``*_ci_low``/``*_ci_high`` for ``cac``, ``lifetime_value``,
        ``value_to_cost`` and ``roi``, ``p_best`` (share of bootstrap replicates
        in which the channel has the highest value-to-cost ratio) and ``*_std_error``
        (bootstrap standard deviation) for the four measures with intervals, and ``verdict``
        (:func:`~analysis.channels.profit_verdict` of the ROI interval)
        (:func:`~analysis.channels.economics_estimates` gives them in the one estimate shape).

    Examples
    --------
    >>> import pandas as pd
    >>> cust = pd.DataFrame({"customer_id": ["a", "b"], "acquisition_channel": ["web", "shop"],
    ...                      "acquisition_cost": [10.0, 20.0]})
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [40.0, 40.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01"])})
    >>> v = pd.DataFrame({"clv": [5.0, 15.0]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> eco = lifetime_economics(cust, tx, v, cost_to_serve=None, margin=0.5, n_bootstrap=0)
    >>> eco[["lifetime_value", "value_to_cost"]].to_dict("index")
    {'web': {'lifetime_value': 25.0, 'value_to_cost': 2.5}, 'shop': {'lifetime_value': 35.0, 'value_to_cost': 1.75}}
    """
    check_columns(clv, ["clv"], "clv")
    table, _ = customer_value(customers, transactions, channel=channel, cost=cost, cost_to_serve=cost_to_serve,
                              margin=margin, max_months=1, observation_end=observation_end)
    ids = table["customer_id"].astype(str)
    clv_index = pd.Index(clv.index.astype(str))
    if clv_index.has_duplicates:
        dup = list(clv_index[clv_index.duplicated()][:5])
        raise DataValidationError(f"clv has duplicate customer ids (first: {dup}); give one row per customer.")
    pos = clv_index.get_indexer(ids)
    if (pos < 0).any():
        missing = list(ids[pos < 0][:5])
        raise DataValidationError(
            f"{int((pos < 0).sum())} customer(s) have no row in the clv table (first: {missing}); value every "
            "customer (a customer without purchases has clv 0) or drop them from customers."
        )
    residual = clv["clv"].to_numpy(float)[pos]
    if cost_to_serve:
        purchases_col = "discounted_purchases" if "discounted_purchases" in clv.columns else "expected_purchases"
        check_columns(clv, [purchases_col], "clv (needed to charge the cost to serve future orders)")
        serve = pd.to_numeric(customers.set_index("customer_id")[cost_to_serve], errors="coerce")
        serve = serve.reindex(table["customer_id"]).to_numpy(float)
        residual = residual - serve * clv[purchases_col].to_numpy(float)[pos]
    se = clv["clv_std_error"].to_numpy(float)[pos] if "clv_std_error" in clv.columns else np.full(len(pos), np.nan)
    if not np.isfinite(residual).all():
        raise DataValidationError("clv (or the cost to serve) has missing or infinite values; fix them first.")

    cac_i = table["acquisition_cost"].to_numpy(float)
    vtd_i = table["value_to_date"].to_numpy(float)
    chans = sorted(table["channel"].unique())
    members = [np.flatnonzero((table["channel"] == ch).to_numpy()) for ch in chans]

    def stats(idx, w):
        cac = (w * cac_i[idx]).sum() / w.sum()
        life = (w * (vtd_i[idx] + residual[idx])).sum() / w.sum()
        return cac, life, life / cac if cac > 0 else np.nan, (life - cac) / cac if cac > 0 else np.nan

    rows = {}
    for ch, idx in zip(chans, members):
        cac, life, ratio, roi = stats(idx, np.ones(len(idx)))
        rows[ch] = {"n_customers": len(idx), "cac": cac, "value_to_date": vtd_i[idx].mean(),
                    "residual_value": residual[idx].mean(), "lifetime_value": life, "value_to_cost": ratio,
                    "roi": roi, "residual_param_se_bound": float(np.mean(se[idx]))}
    out = pd.DataFrame.from_dict(rows, orient="index")
    if n_bootstrap:
        rng = rng_from(seed)
        boot = np.empty((n_bootstrap, len(chans), 4))
        for b in range(n_bootstrap):
            for j, idx in enumerate(members):
                w = rng.multinomial(len(idx), np.full(len(idx), 1 / len(idx))).astype(float)
                boot[b, j] = stats(idx, w)
        lo, hi = 100 * alpha / 2, 100 * (1 - alpha / 2)
        for k, name in enumerate(("cac", "lifetime_value", "value_to_cost", "roi")):
            bounds = np.nanpercentile(boot[:, :, k], [lo, hi], axis=0)
            out[f"{name}_ci_low"], out[f"{name}_ci_high"] = bounds[0], bounds[1]
        best = np.nanargmax(np.nan_to_num(boot[:, :, 2], nan=-np.inf), axis=1)
        out["p_best"] = np.bincount(best, minlength=len(chans)) / n_bootstrap
        for k, name in enumerate(("cac", "lifetime_value", "value_to_cost", "roi")):
            out[f"{name}_std_error"] = [_boot_se(boot[:, j, k]) for j in range(len(chans))]
    out["verdict"] = profit_verdict(out.get("roi_ci_low", np.nan), out.get("roi_ci_high", np.nan))
    out = out.sort_values("value_to_cost", ascending=False, kind="stable")
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    out.index.name = "channel"
    return out


def first_year_vs_lifetime(economics: pd.DataFrame, lifetime: pd.DataFrame) -> pd.DataFrame:
    """First-year and lifetime value per customer and their ratios to CAC, side by side, best lifetime ratio first.

    Parameters
    ----------
    economics : DataFrame
        :func:`analysis.channels.channel_economics` (``first_year_value``, ``value_to_cost``).
    lifetime : DataFrame
        :func:`lifetime_economics` (``lifetime_value``, ``value_to_cost``, ``cac``).

    Returns
    -------
    DataFrame
        Indexed by channel: ``first_year_value``, ``first_year_ratio``, ``lifetime_value``,
        ``lifetime_ratio``, ``cac``.

    Examples
    --------
    >>> import pandas as pd
    >>> eco = pd.DataFrame({"first_year_value": [30.0, 20.0], "value_to_cost": [3.0, 1.0]}, index=["web", "shop"])
    >>> life = pd.DataFrame({"lifetime_value": [40.0, 60.0], "value_to_cost": [4.0, 3.0], "cac": [10.0, 20.0]},
    ...                     index=["web", "shop"])
    >>> first_year_vs_lifetime(eco, life)["lifetime_ratio"].to_dict()
    {'web': 4.0, 'shop': 3.0}
    """
    side = pd.DataFrame({"first_year_value": economics["first_year_value"],
                         "first_year_ratio": economics["value_to_cost"],
                         "lifetime_value": lifetime["lifetime_value"], "lifetime_ratio": lifetime["value_to_cost"],
                         "cac": lifetime["cac"]})
    return side.sort_values("lifetime_ratio", ascending=False)
