"""What a log supports: value in money, or purchase counts only; the models a notebook may compare.

A grocery or visit log often has no amounts (a "count-only" log): the purchase models
(BG/NBD, Pareto/NBD, MBG/NBD) still give P(alive) and the expected purchases over any
horizon, but there is no spend to model and no value in money. A log whose amounts are
all equal (amount = 1 put in to satisfy an older schema, or one price for every visit)
has spend, but none that varies: the Gamma-Gamma model has nothing to estimate, and
each purchase is simply worth that amount.

:func:`spend_basis` says which case a customer summary is in; :func:`purchase_forecast`
gives every customer's expected purchases (with an interval), P(alive) and the purchases
lost in expectation, the count-only counterpart of :func:`analysis.clv.customer_lifetime_value`
with :func:`analysis.clv.churn_risk`; :func:`transaction_models` checks the names of the
models to compare.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.checks import Interval, Options, check_params, validate_params
from analysis.clv.bgnbd import BetaGeo, ModifiedBetaGeo
from analysis.clv.paretonbd import ParetoNBD
from analysis.clv.value import churn_risk, customer_lifetime_value
from analysis.errors import ParameterError
from analysis.window import UNIT_DAYS

__all__ = ["SPEND_BASES", "TRANSACTION_MODELS", "check_forecast_settings", "forecast_table", "has_amounts", "spend_basis", "purchase_forecast",
           "transaction_models"]

#: the purchase models notebook 02 compares, by the name a study writes
TRANSACTION_MODELS = {"BetaGeo": BetaGeo, "ParetoNBD": ParetoNBD, "ModifiedBetaGeo": ModifiedBetaGeo}
#: how the value gets each customer's spend per purchase (see :func:`spend_basis`)
SPEND_BASES = ("gamma_gamma", "constant", "no_amounts", "no_repeat_spend")


def has_amounts(transactions) -> bool:
    """Whether a transaction log (a canonical DataFrame or a log kept on disk) has an ``amount`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> has_amounts(pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp("2024-01-01")]}))
    False
    """
    if isinstance(transactions, pd.DataFrame):
        return "amount" in transactions.columns
    return "amount" in transactions.columns_present()


@validate_params({"summary": ["frame"], "amounts": [bool]})
def spend_basis(summary: pd.DataFrame, *, amounts: bool = True) -> pd.DataFrame:
    """How the value gets each customer's spend per purchase, and why.

    ``gamma_gamma``: at least two repeat customers with positive repeat spend, and their mean
    spends differ (the Gamma-Gamma model is fitted). ``constant``: every such customer has the
    same mean spend (the model has nothing to estimate; each purchase is worth that amount).
    ``no_amounts``: the log has no amounts (``amounts=False``, or a summary without
    ``monetary_value``): purchase counts only. ``no_repeat_spend``: amounts, but no repeat
    customer with a positive spend: nothing to value a purchase with, purchase counts only.

    Parameters
    ----------
    summary : DataFrame
        Customer summary (``frequency`` and, with amounts, ``monetary_value``).
    amounts : bool, default True
        Whether the transaction log has amounts (:func:`has_amounts`).

    Returns
    -------
    DataFrame
        One row ``spend``: ``basis`` (one of :data:`SPEND_BASES`), ``repeat_customers`` (int,
        repeat customers with positive spend), ``distinct_spends`` (int, distinct mean spends
        among them, to 9 decimals) and ``spend_per_purchase`` (the constant's value for ``constant``, else NaN).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 2, 3], "monetary_value": [0.0, 1.0, 1.0]})
    >>> b = spend_basis(s)
    >>> b.loc["spend", "basis"], int(b.loc["spend", "repeat_customers"]), float(b.loc["spend", "spend_per_purchase"])
    ('constant', 2, 1.0)
    >>> spend_basis(s, amounts=False)["basis"].item()
    'no_amounts'
    """
    if not amounts or "monetary_value" not in summary.columns:
        basis, repeat, distinct, constant = "no_amounts", 0, 0, np.nan
    else:
        spends = summary.loc[(summary["frequency"] > 0) & (summary["monetary_value"] > 0), "monetary_value"]
        # to 9 decimals: engines add amounts in different orders (sums ~1e-15 apart), which must not count as variation
        repeat, distinct = int(len(spends)), int(spends.round(9).nunique())
        if repeat == 0:
            basis, constant = "no_repeat_spend", np.nan
        elif distinct == 1 or repeat < 2:
            basis, constant = "constant", float(spends.iloc[0])
        else:
            basis, constant = "gamma_gamma", np.nan
    return pd.DataFrame({"basis": [basis], "repeat_customers": [repeat], "distinct_spends": [distinct],
                         "spend_per_purchase": [constant]}, index=pd.Index(["spend"], name="row"))


def transaction_models(names) -> dict[str, type]:
    """The model classes for the names a study gives (``models:`` of notebook 02), checked.

    ``None`` means all three. Every name must be a key of :data:`TRANSACTION_MODELS`; an
    empty list, a repeated or an unknown name raises a :class:`~analysis.errors.ParameterError`
    that lists the names allowed.

    Examples
    --------
    >>> list(transaction_models(["BetaGeo"]))
    ['BetaGeo']
    >>> transaction_models([])
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: models must name at least one transaction model: BetaGeo, ParetoNBD, ModifiedBetaGeo (for example models: [BetaGeo]); got [].
    """
    allowed = ", ".join(TRANSACTION_MODELS)
    if names is None:
        return dict(TRANSACTION_MODELS)
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, Sequence) or not names:
        raise ParameterError(f"models must name at least one transaction model: {allowed} "
                             f"(for example models: [BetaGeo]); got {names!r}.")
    unknown = [n for n in names if n not in TRANSACTION_MODELS]
    if unknown:
        raise ParameterError(f"models: {unknown!r} is not a transaction model; write one or more of {allowed}.")
    if len(set(names)) < len(names):
        raise ParameterError(f"models names a model twice ({list(names)!r}); write each of {allowed} at most once.")
    return {n: TRANSACTION_MODELS[n] for n in names}


def check_forecast_settings(*, horizon, risk_threshold, min_p_alive, discount_rate=None, margin=None) -> None:
    """Check notebook 02's forecast and value settings at once, before any model is fitted.

    ``discount_rate`` and ``margin`` may be None (no discounting; value in revenue). Raises a
    :class:`~analysis.errors.ParameterError` naming the parameter and the range it must lie in.

    Examples
    --------
    >>> check_forecast_settings(horizon=52, risk_threshold=0.5, min_p_alive=0.05)
    >>> check_forecast_settings(horizon=0, risk_threshold=0.5, min_p_alive=0.05)
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: The 'horizon' parameter of notebook 02 must be a number in the range (0, inf). Got 0 instead.
    """
    check_params({"horizon": [Interval(float, 0, None, closed="neither")],
                  "risk_threshold": [Interval(float, 0, 1, closed="right")],
                  "min_p_alive": [Interval(float, 0, 1, closed="left")],
                  "discount_rate": [Interval(float, 0, None, closed="left"), None],
                  "margin": [Interval(float, 0, 1, closed="right"), None]},
                 {"horizon": horizon, "risk_threshold": risk_threshold, "min_p_alive": min_p_alive,
                  "discount_rate": discount_rate, "margin": margin}, "notebook 02")
    if min_p_alive >= risk_threshold:
        raise ParameterError(f"min_p_alive ({min_p_alive}) must be below risk_threshold ({risk_threshold}): a customer "
                             "is probably gone below min_p_alive and slipping away below risk_threshold.")


@validate_params({
    "data": ["frame"],
    "horizon": [Interval(float, 0, None, closed="neither")],
    "time_unit": [Options(tuple(UNIT_DAYS))],
    "silence": [Interval(float, 0, None, closed="left")],
    "interval": [Options(("delta", "bootstrap")), None],
})
def purchase_forecast(model, data: pd.DataFrame, *, horizon: float = 52.0, time_unit: str = "W",
                      silence: float = 13.0, interval: str | None = "delta") -> pd.DataFrame:
    """Every customer's expected purchases over ``horizon``, P(alive) and the purchases at risk.

    The count-only counterpart of :func:`~analysis.clv.customer_lifetime_value` with
    :func:`~analysis.clv.churn_risk`: the expected purchases are a value of 1 per purchase,
    undiscounted, so their 95% interval carries the model's parameter uncertainty the same way.

    Parameters
    ----------
    model : fitted BetaGeo, ModifiedBetaGeo or ParetoNBD
    data : DataFrame
        Customer summary (``frequency``, ``recency``, ``T``).
    horizon : float
        Forecast length in the model's time unit.
    time_unit : {"W", "D", "M", "Y"}
        The model's time unit.
    silence : float
        Silent period for ``p_alive_if_silent`` (see :func:`~analysis.clv.churn_risk`).
    interval : {"delta", "bootstrap", None}
        How the interval of the expected purchases is computed.

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``expected_purchases`` (with ``expected_purchases_std_error``,
        ``expected_purchases_ci_low``, ``expected_purchases_ci_high`` unless ``interval`` is None),
        ``p_alive``, ``p_alive_if_silent``, ``purchases_if_alive`` (expected purchases if certainly
        still a customer, ``expected_purchases / p_alive``) and ``purchases_at_risk``
        (``purchases_if_alive * (1 - p_alive)``, the purchases lost in expectation).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> bg = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> d = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
    >>> f = purchase_forecast(bg, d, horizon=39, interval=None)
    >>> round(float(f["expected_purchases"].iloc[0]), 4) == round(float(bg.predict_purchases(39, d).iloc[0]), 4)
    True
    """
    ones = customer_lifetime_value(model, data, spend=1.0, horizon=horizon, time_unit=time_unit,
                                   discount_rate=0.0, margin=1.0, interval=interval)
    risk = churn_risk(model, data, ones, silence=silence).reindex(data.index)
    out = pd.DataFrame({"expected_purchases": ones["clv"]}, index=data.index)
    if interval is not None:
        for end in ("std_error", "ci_low", "ci_high"):
            out[f"expected_purchases_{end}"] = ones[f"clv_{end}"]
    return out.assign(p_alive=risk["p_alive"], p_alive_if_silent=risk["p_alive_if_silent"],
                      purchases_if_alive=risk["value_if_alive"], purchases_at_risk=risk["value_at_risk"])


def forecast_table(model, data: pd.DataFrame, *, spend_model=None, spend: float | None = None,
                   horizon: float = 52.0, time_unit: str = "W", discount_rate: float = 0.10,
                   margin: float = 1.0) -> pd.DataFrame:
    """Every customer's forecast: value in money when there is spend, else purchase counts.

    With ``spend_model`` (a fitted Gamma-Gamma) or ``spend`` (one amount per purchase):
    :func:`~analysis.clv.customer_lifetime_value` joined with :func:`~analysis.clv.churn_risk`'s
    ``p_alive_if_silent``, ``value_if_alive`` and ``value_at_risk``. With neither (a log without
    amounts): :func:`purchase_forecast`. The silent period of P(alive) is a quarter of the horizon.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> bg = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> d = pd.DataFrame({"frequency": [2, 0], "recency": [30.43, 0.0], "T": [38.86, 38.86]})
    >>> bg = BetaGeo().fit(bg.simulate(500, T=39, seed=1))
    >>> forecast_table(bg, d, horizon=39).columns[:2].tolist()
    ['expected_purchases', 'expected_purchases_std_error']
    >>> "value_at_risk" in forecast_table(bg, d, spend=10.0, horizon=39).columns
    True
    """
    if spend_model is None and spend is None:
        return purchase_forecast(model, data, horizon=horizon, time_unit=time_unit, silence=horizon / 4)
    value = customer_lifetime_value(model, data, spend_model=spend_model, spend=spend, horizon=horizon,
                                    time_unit=time_unit, discount_rate=discount_rate, margin=margin)
    risk = churn_risk(model, data, value, silence=horizon / 4)
    return value.join(risk[["p_alive_if_silent", "value_if_alive", "value_at_risk"]])
