"""Customer lifetime value from a transaction model and a spend model, with uncertainty.

The residual value of a customer over ``horizon`` time units is

    CLV = margin * E[spend] * sum_k (E[Y(t_k)] - E[Y(t_{k-1})]) * (1 + d)^(-t_k * unit_days / 365.25),

with ``E[Y(t)]`` the model's conditional expected purchases in the next ``t`` units,
``t_k = k * horizon / steps`` and ``d`` the *annual* discount rate (cash flows of
interval k are discounted from the end of the interval). Intervals carry the
parameter uncertainty of both models: by the delta method (default; gradients by
central differences in the log parameters, the models' covariances taken as
independent) or by a parametric bootstrap drawing parameters from their asymptotic
normal distribution on the log scale.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scipy import stats

from analysis.checks import DEFAULT_SEED, Interval, Options, check_alpha, rng_from, validate_params
from analysis.clv.gammagamma import GammaGamma
from analysis.errors import ParameterError
from analysis.window import UNIT_DAYS

__all__ = ["AT_RISK", "WIN_BACK_STATUSES", "customer_lifetime_value", "churn_risk", "value_by_group", "win_back_rule",
           "value_concentration", "win_back_status", "win_back_targets"]


def _clv_point(model, spend_model, data, spend, horizon, steps, discount_rate, unit_days, margin):
    grid = np.linspace(0.0, horizon, steps + 1)
    cumulative = np.column_stack([model.predict_purchases(t, data).to_numpy() for t in grid[1:]])
    increments = np.diff(np.column_stack([np.zeros(len(cumulative)), cumulative]), axis=1)
    discount = (1.0 + discount_rate) ** (-grid[1:] * unit_days / 365.25)
    per_unit_spend = spend_model.conditional_expected_spend(data).to_numpy() if spend_model is not None else spend
    return margin * per_unit_spend * (increments @ discount), cumulative[:, -1]


@validate_params({
    "data": ["frame"],
    "horizon": [Interval(float, 0, None, closed="neither")],
    "time_unit": [Options(tuple(UNIT_DAYS))],
    "discount_rate": [Interval(float, 0, None, closed="left")],
    "margin": [Interval(float, 0, 1, closed="right")],
    "steps": [Interval(int, 1, None, closed="left")],
    "interval": [Options(("delta", "bootstrap")), None],
    "n_draws": [Interval(int, 2, None, closed="left")],
    "seed": ["seed"],
    "alpha": [Interval(float, 0, 0.5, closed="neither")],
})
def customer_lifetime_value(
    model,
    data: pd.DataFrame,
    *,
    spend_model: GammaGamma | None = None,
    spend: float | np.ndarray | None = None,
    horizon: float = 52.0,
    time_unit: str = "W",
    discount_rate: float = 0.10,
    margin: float = 1.0,
    steps: int = 12,
    interval: str | None = "delta",
    n_draws: int = 200,
    seed: int | np.random.Generator = DEFAULT_SEED,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Expected discounted margin of each customer over the next ``horizon``, with ``1 - alpha`` intervals.

    Parameters
    ----------
    model : BetaGeo, ModifiedBetaGeo or ParetoNBD
        Fitted transaction model.
    data : DataFrame
        Customer summary (``frequency``, ``recency``, ``T`` and, for the spend
        model, ``monetary_value``).
    spend_model : GammaGamma, optional
        Fitted spend model; gives each customer's expected spend per purchase.
    spend : float or array, optional
        Spend per purchase when no spend model is given.
    horizon : float
        Length of the forecast, in the model's time unit.
    time_unit : {"W", "D", "M", "Y"}
        The model's time unit (weeks, days, months, years), used for discounting.
    discount_rate : float
        Annual discount rate (0.10 = 10% a year).
    margin : float
        Share of spend kept as margin (0 < margin <= 1), or 1 for revenue.
    steps : int
        Number of intervals the horizon is cut into for discounting.
    interval : {"delta", "bootstrap", None}
        How the interval carries parameter uncertainty.
    n_draws : int
        Bootstrap draws (``interval="bootstrap"``).
    seed : int or Generator, default analysis.checks.DEFAULT_SEED
        Randomness of the bootstrap.
    alpha : float, default 0.05
        One minus the confidence level of the interval.

    Returns
    -------
    DataFrame
        Indexed like ``data``, with ``expected_purchases`` (undiscounted, over the
        horizon), ``p_alive``, ``expected_spend``, ``clv`` (the estimate), and with an
        interval ``clv_std_error``, ``clv_ci_low``, ``clv_ci_high`` (the package's
        estimate columns, prefixed with the quantity; delta: ``clv * exp(+/-z se/clv)``,
        log-scale so the bounds stay positive; bootstrap: ``alpha/2`` and
        ``1 - alpha/2`` quantiles, ``clv_std_error`` the bootstrap standard deviation).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo, GammaGamma, customer_lifetime_value
    >>> bg = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> gg = GammaGamma.from_params({"p": 6.25, "q": 3.74, "v": 15.44})
    >>> d = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86], "monetary_value": [22.35]})
    >>> out = customer_lifetime_value(bg, d, spend_model=gg, horizon=52, interval=None)
    >>> round(float(out["clv"].iloc[0]), 1)
    36.7
    """
    if (spend_model is None) == (spend is None):
        raise ParameterError("Give exactly one of spend_model (a fitted GammaGamma) or spend (a number or array).")
    alpha = check_alpha(alpha, "customer_lifetime_value")
    z = float(stats.norm.ppf(1 - alpha / 2))
    args = (horizon, int(steps), discount_rate, UNIT_DAYS[time_unit], margin)
    spend_values = None if spend is None else np.broadcast_to(np.asarray(spend, float), (len(data),))
    clv, purchases = _clv_point(model, spend_model, data, spend_values, *args)
    out = pd.DataFrame(
        {
            "expected_purchases": purchases,
            "p_alive": model.prob_alive(data).to_numpy(),
            "expected_spend": (
                spend_model.conditional_expected_spend(data).to_numpy() if spend_model is not None else spend_values
            ),
            "clv": clv,
        },
        index=data.index,
    )
    if interval is None:
        return out
    models = [model] + ([spend_model] if spend_model is not None else [])
    if interval == "delta":
        grads, covs = [], []
        h = 1e-4
        for which, m in enumerate(models):
            theta = np.log(m.params_.to_numpy())
            cols = []
            for j in range(len(theta)):
                vals = []
                for sign in (1, -1):
                    shifted = theta.copy()
                    shifted[j] += sign * h
                    variant = m._with_params(np.exp(shifted))
                    pair = [variant if k == which else other for k, other in enumerate(models)]
                    vals.append(_clv_point(pair[0], pair[1] if spend_model is not None else None, data, spend_values, *args)[0])
                cols.append((vals[0] - vals[1]) / (2 * h))
            grads.append(np.column_stack(cols))
            covs.append(np.nan_to_num(m.covariance_log_))
        var = sum(np.einsum("ij,jk,ik->i", g, c, g) for g, c in zip(grads, covs))
        se = np.sqrt(np.maximum(var, 0.0))
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.where(clv > 0, se / clv, 0.0)
        out["clv_std_error"] = se
        out["clv_ci_low"] = clv * np.exp(-z * rel)
        out["clv_ci_high"] = clv * np.exp(z * rel)
        return out
    rng = rng_from(seed)
    draws = [m.sample_params(int(n_draws), rng) for m in models]
    sims = np.empty((int(n_draws), len(data)))
    for i in range(int(n_draws)):
        variants = [m._with_params(d.iloc[i]) for m, d in zip(models, draws)]
        sims[i] = _clv_point(variants[0], variants[1] if spend_model is not None else None, data, spend_values, *args)[0]
    out["clv_std_error"] = sims.std(axis=0, ddof=1)
    out["clv_ci_low"] = np.quantile(sims, alpha / 2, axis=0)
    out["clv_ci_high"] = np.quantile(sims, 1 - alpha / 2, axis=0)
    return out


@validate_params({"data": ["frame"], "clv": ["frame"], "silence": [Interval(float, 0, None, closed="left")]})
def churn_risk(model, data: pd.DataFrame, clv: pd.DataFrame, *, silence: float = 13.0) -> pd.DataFrame:
    """Which valuable customers are slipping away, and how much value rides on them.

    ``p_alive_if_silent`` is P(alive) if the customer makes no purchase in the next
    ``silence`` time units (the age grows, nothing else changes); the drop from
    ``p_alive`` says how fast the belief in the customer fades. ``value_if_alive``
    is ``clv / p_alive`` (value of the customer if certainly still active) and
    ``value_at_risk = value_if_alive * (1 - p_alive)`` the value already lost in
    expectation, which retention efforts could win back.

    Parameters
    ----------
    model : fitted transaction model
    data : DataFrame
        Customer summary used for ``clv``.
    clv : DataFrame
        Output of :func:`customer_lifetime_value`.
    silence : float
        Length of the silent period, in the model's time unit.

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``p_alive``, ``p_alive_if_silent``, ``p_alive_drop``,
        ``clv``, ``value_if_alive``, ``value_at_risk``, sorted by ``value_at_risk``
        (largest first).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo, churn_risk, customer_lifetime_value
    >>> bg = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> d = pd.DataFrame({"frequency": [5, 5], "recency": [10.0, 38.0], "T": [38.86, 38.86]})
    >>> v = customer_lifetime_value(bg, d, spend=30.0, interval=None)
    >>> churn_risk(bg, d, v).index.tolist()
    [0, 1]
    """
    cols = model._column_map()
    later = data.copy()
    later[cols["T"]] = later[cols["T"]] + silence
    p_now = model.prob_alive(data).to_numpy()
    p_later = model.prob_alive(later).to_numpy()
    value = clv["clv"].reindex(data.index).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        if_alive = np.where(p_now > 0, value / p_now, 0.0)
    out = pd.DataFrame(
        {
            "p_alive": p_now,
            "p_alive_if_silent": p_later,
            "p_alive_drop": p_now - p_later,
            "clv": value,
            "value_if_alive": if_alive,
            "value_at_risk": if_alive * (1 - p_now),
        },
        index=data.index,
    )
    return out.sort_values("value_at_risk", ascending=False, kind="stable")


@validate_params({"clv": ["frame"], "groups": [pd.Series], "name": [str, None]})
def value_by_group(clv: pd.DataFrame, groups: pd.Series, *, name: str | None = None) -> pd.DataFrame:
    """Customer value summed and averaged by a group (acquisition channel, segment).

    Parameters
    ----------
    clv : DataFrame
        Output of :func:`customer_lifetime_value` (optionally joined with
        :func:`churn_risk`'s ``value_at_risk``).
    groups : Series
        Group label per customer, indexed by customer like ``clv``.
    name : str, optional
        Name of the group column; default ``groups.name`` or ``"group"``.

    Returns
    -------
    DataFrame
        One row per group: ``customers``, ``total_clv``, ``mean_clv``,
        ``share_of_value``, ``mean_p_alive`` and, when present, ``value_at_risk``.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"clv": [10.0, 30.0, 60.0], "p_alive": [0.5, 0.9, 0.8]}, index=["a", "b", "c"])
    >>> value_by_group(v, pd.Series({"a": "web", "b": "web", "c": "store"}, name="channel"))["total_clv"].tolist()
    [60.0, 40.0]
    """
    label = name or groups.name or "group"
    g = groups.reindex(clv.index)
    frame = clv.assign(**{label: g.to_numpy()})
    agg = {"customers": ("clv", "size"), "total_clv": ("clv", "sum"), "mean_clv": ("clv", "mean"), "mean_p_alive": ("p_alive", "mean")}
    if "value_at_risk" in frame.columns:
        agg["value_at_risk"] = ("value_at_risk", "sum")
    out = frame.groupby(label, observed=True, dropna=False).agg(**agg)
    total = out["total_clv"].sum()
    out.insert(3, "share_of_value", out["total_clv"] / total if total else np.nan)
    return out.sort_values("total_clv", ascending=False)


@validate_params({"clv": [pd.Series], "shares": ["array-like"]})
def value_concentration(clv: pd.Series, shares=(0.01, 0.05, 0.1, 0.2, 0.5)) -> pd.DataFrame:
    """Share of the total value held by the most valuable customers.

    Parameters
    ----------
    clv : Series
        Value per customer.
    shares : sequence of float
        Shares of customers, most valuable first (the top ``floor(share * n)``
        customers, at least one).

    Returns
    -------
    DataFrame
        Indexed by ``top_customers_share``: ``customers`` (int) and ``value_share``.

    Examples
    --------
    >>> import pandas as pd
    >>> value_concentration(pd.Series([50.0, 30.0, 10.0, 10.0]), shares=[0.25, 0.5])["value_share"].tolist()
    [0.5, 0.8]
    """
    ranked = np.sort(clv.to_numpy(dtype=float))[::-1]
    total = ranked.sum()
    counts = [max(1, int(np.floor(share * len(ranked)))) for share in shares]
    return pd.DataFrame(
        {"customers": counts, "value_share": [ranked[:k].sum() / total if total else np.nan for k in counts]},
        index=pd.Index([float(x) for x in shares], name="top_customers_share"),
    )


#: what :func:`win_back_status` calls each customer
WIN_BACK_STATUSES = ("active", "win_back", "probably_gone", "low_value")
#: what a customer is worth if alive -> what of it is lost in expectation (money, or purchases of a count-only log)
AT_RISK = {"value_if_alive": "value_at_risk", "purchases_if_alive": "purchases_at_risk"}


def _worth(rule: pd.DataFrame) -> str:
    """The measure a :func:`win_back_rule` table ranks by (its ``min_<worth>`` column)."""
    return next(c[len("min_"):] for c in rule.columns if c.startswith("min_") and c[len("min_"):] in AT_RISK)


@validate_params({"value": ["frame"], "threshold": [Interval(float, 0, 1, closed="right")],
                  "min_p_alive": [Interval(float, 0, 1, closed="left")],
                  "valuable_quantile": [Interval(float, 0, 1)], "worth": [Options(tuple(AT_RISK))]})
def win_back_rule(value: pd.DataFrame, *, threshold: float = 0.5, min_p_alive: float = 0.05,
                  valuable_quantile: float = 0.75, worth: str = "value_if_alive") -> pd.DataFrame:
    """The win-back rule of a customer base: who is slipping away but still worth winning back.

    A win-back target is a customer who is probably slipping away, not probably gone,
    and worth having back: ``min_p_alive <= p_alive < threshold`` and ``value_if_alive``
    (the value if she is certainly still a customer) at least its ``valuable_quantile``
    quantile over all customers. A customer with ``p_alive`` below ``min_p_alive`` is
    *probably gone*: her expected value is close to 0 whatever she was worth, and a
    win-back budget spent on her is mostly wasted.

    Parameters
    ----------
    value : DataFrame
        :func:`customer_lifetime_value` output joined with :func:`churn_risk`'s
        ``value_if_alive`` (``p_alive`` and ``value_if_alive`` are used).
    threshold : float, default 0.5
        P(alive) below which a customer is slipping away.
    min_p_alive : float, default 0.05
        P(alive) below which a customer is probably gone (must be below ``threshold``).
    valuable_quantile : float, default 0.75
        Quantile of ``value_if_alive`` from which a customer counts as valuable.
    worth : {"value_if_alive", "purchases_if_alive"}
        What makes a customer worth winning back: her value if alive (money) or, for a log
        without amounts, her expected purchases if alive (:func:`analysis.clv.purchase_forecast`).

    Returns
    -------
    DataFrame
        One row (index ``"rule"``): ``min_p_alive``, ``max_p_alive`` (the threshold),
        ``valuable_quantile``, ``top_share`` (``1 - valuable_quantile``, the share of
        customers counted valuable), ``min_<worth>`` (that quantile of ``worth``:
        ``min_value_if_alive`` in money, or ``min_purchases_if_alive``).

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"p_alive": [0.2, 0.9, 0.1, 0.3], "value_if_alive": [100.0, 90.0, 1.0, 2.0]})
    >>> win_back_rule(v)["min_value_if_alive"].item()
    92.5
    """
    if min_p_alive >= threshold:
        raise ParameterError(
            f"min_p_alive ({min_p_alive}) must be below threshold ({threshold}): a customer is probably gone "
            "below min_p_alive and slipping away below threshold."
        )
    cutoff = float(value[worth].quantile(valuable_quantile))
    return pd.DataFrame({"min_p_alive": [min_p_alive], "max_p_alive": [threshold],
                         "valuable_quantile": [valuable_quantile], "top_share": [1 - valuable_quantile],
                         f"min_{worth}": [cutoff]},
                        index=pd.Index(["rule"], name="rule"))


@validate_params({"value": ["frame"], "rule": ["frame"]})
def win_back_status(value: pd.DataFrame, rule: pd.DataFrame) -> pd.Series:
    """Each customer's place under the win-back rule (:func:`win_back_rule`).

    ``active``: ``p_alive >= max_p_alive``; ``win_back``: slipping away
    (``min_p_alive <= p_alive < max_p_alive``) and valuable (``value_if_alive >=
    min_value_if_alive``, or the rule's other measure, see :func:`win_back_rule`); ``probably_gone``:
    valuable but ``p_alive < min_p_alive``; ``low_value``: the rest (not active, not valuable).

    Returns
    -------
    Series
        ``win_back_status`` (one of :data:`WIN_BACK_STATUSES`), indexed like *value*.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"p_alive": [0.2, 0.9, 0.001, 0.3], "value_if_alive": [100.0, 90.0, 120.0, 2.0]},
    ...                  index=list("abcd"))
    >>> win_back_status(v, win_back_rule(v, valuable_quantile=0.5)).tolist()
    ['win_back', 'active', 'probably_gone', 'low_value']
    """
    r, measure = rule.iloc[0], _worth(rule)
    p, worth = value["p_alive"].to_numpy(), value[measure].to_numpy()
    valuable = worth >= r[f"min_{measure}"]
    status = np.select(
        [p >= r["max_p_alive"], valuable & (p >= r["min_p_alive"]), valuable],
        ["active", "win_back", "probably_gone"],
        default="low_value",
    )
    return pd.Series(status, index=value.index, name="win_back_status")


@validate_params({"value": ["frame"], "rule": ["frame"]})
def win_back_targets(value: pd.DataFrame, rule: pd.DataFrame) -> pd.DataFrame:
    """The win-back targets (:func:`win_back_status` ``== "win_back"``), most value at risk first.

    For a rule on ``purchases_if_alive`` (a log without amounts) the order is by
    ``purchases_at_risk``, the expected purchases lost.

    Parameters
    ----------
    value : DataFrame
        :func:`customer_lifetime_value` output joined with :func:`churn_risk`'s
        ``value_if_alive`` and ``value_at_risk``.
    rule : DataFrame
        :func:`win_back_rule` output.

    Returns
    -------
    DataFrame
        The target rows of ``value``, sorted by ``value_at_risk`` (largest first).

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"p_alive": [0.2, 0.9, 0.001, 0.3, 0.45], "value_if_alive": [100.0, 90.0, 120.0, 2.0, 95.0],
    ...                   "value_at_risk": [80.0, 9.0, 119.9, 1.4, 52.0]}, index=list("abcde"))
    >>> win_back_targets(v, win_back_rule(v, valuable_quantile=0.5)).index.tolist()
    ['a', 'e']
    """
    targets = value[win_back_status(value, rule) == "win_back"]
    return targets.sort_values(AT_RISK[_worth(rule)], ascending=False, kind="stable")
